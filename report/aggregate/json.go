package aggregate

import (
	"container/heap"
	"encoding/json"
	"fmt"
	"io"
)

// WriteJSON writes the aggregate as one JSON document.
func (a *Aggregate) WriteJSON(w io.Writer) error {
	a.finishWorst()
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(a)
}

// Read reads an aggregate written by WriteJSON.
func Read(r io.Reader) (*Aggregate, error) {
	a := New(Options{})
	a.Version = 0 // the file must say which version it is
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	if err := dec.Decode(a); err != nil {
		return nil, fmt.Errorf("reading aggregate: %w", err)
	}
	if a.Version != Version {
		return nil, fmt.Errorf("reading aggregate: version %d, want %d", a.Version, Version)
	}
	a.Options = a.Options.withDefaults()
	if a.Rules == nil {
		a.Rules = map[string]*RuleStats{}
	}
	if a.Scores == nil {
		a.Scores = map[string]*ScoreStats{}
	}
	if a.Domains.Hosts == nil {
		a.Domains.Hosts = map[string]*DomainCount{}
	}
	for name, rs := range a.Rules {
		if rs == nil {
			delete(a.Rules, name)
			continue
		}
		if rs.Severity == nil {
			rs.Severity = map[string]int64{}
		}
	}
	for name, st := range a.Scores {
		if st == nil || !st.Flagged.valid() || !st.Passing.valid() {
			return nil, fmt.Errorf("reading aggregate: score %q has malformed histograms", name)
		}
	}
	if !a.Length.valid() || !a.Boilerplate.valid() {
		return nil, fmt.Errorf("reading aggregate: malformed histograms")
	}
	for h, c := range a.Domains.Hosts {
		if c == nil {
			delete(a.Domains.Hosts, h)
		}
	}
	kept := a.Worst[:0]
	for _, w := range a.Worst {
		if w != nil {
			kept = append(kept, w)
		}
	}
	a.Worst = kept
	heap.Init(&a.Worst)
	for len(a.Worst) > a.Options.WorstDocs {
		heap.Pop(&a.Worst)
	}
	return a, nil
}
