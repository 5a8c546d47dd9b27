// Package baseline records the findings a dataset has today so that later runs
// report only new ones. A finding is keyed by its document id, its rule and a hash
// of the text it flags — never by line numbers or counts — so reordering records or
// editing other documents leaves the baseline valid, and fixing one finding while
// adding another elsewhere does not cancel out.
package baseline

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/corpuslint/corpuslint/rules"
)

// Version is the format version written to baseline files.
const Version = 1

// Key identifies a finding independently of where its document sits.
type Key struct {
	ID   string `json:"id"`
	Rule string `json:"rule"`
	Hash string `json:"hash"`
}

// Entry is a key and how many findings share it (the same text flagged twice).
type Entry struct {
	Key
	Count int `json:"count"`
	// Path and Message are informational, to make the file reviewable.
	Path    string `json:"path,omitempty"`
	Message string `json:"message,omitempty"`
}

// File is a baseline file's content.
type File struct {
	Version  int     `json:"version"`
	Tool     string  `json:"tool"`
	Findings []Entry `json:"findings"`
}

// KeyOf returns the baseline key of a finding in doc. The hash covers the flagged
// text with surrounding white space trimmed.
func KeyOf(doc *rules.Document, f *rules.Finding) Key {
	flagged := ""
	if f.Start >= 0 && f.End <= len(doc.Text) && f.Start <= f.End {
		flagged = strings.TrimSpace(doc.Text[f.Start:f.End])
	}
	sum := sha256.Sum256([]byte(flagged))
	return Key{ID: doc.ID, Rule: f.Rule, Hash: hex.EncodeToString(sum[:12])}
}

// Recorder collects findings into a baseline.
type Recorder struct {
	entries map[Key]*Entry
}

// NewRecorder returns an empty recorder.
func NewRecorder() *Recorder { return &Recorder{entries: map[Key]*Entry{}} }

// Add records the findings of one document.
func (r *Recorder) Add(doc *rules.Document, fs []rules.Finding) {
	for i := range fs {
		k := KeyOf(doc, &fs[i])
		e := r.entries[k]
		if e == nil {
			e = &Entry{Key: k, Path: doc.Path, Message: fs[i].Message}
			r.entries[k] = e
		}
		e.Count++
	}
}

// Len returns the number of findings recorded.
func (r *Recorder) Len() int {
	n := 0
	for _, e := range r.entries {
		n += e.Count
	}
	return n
}

// Write writes the baseline as JSON, sorted so that the file diffs well.
func (r *Recorder) Write(w io.Writer) error {
	f := File{Version: Version, Tool: "corpuslint", Findings: make([]Entry, 0, len(r.entries))}
	for _, e := range r.entries {
		f.Findings = append(f.Findings, *e)
	}
	sort.Slice(f.Findings, func(i, j int) bool {
		a, b := f.Findings[i], f.Findings[j]
		if a.ID != b.ID {
			return a.ID < b.ID
		}
		if a.Rule != b.Rule {
			return a.Rule < b.Rule
		}
		return a.Hash < b.Hash
	})
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetIndent("", " ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(f); err != nil {
		return err
	}
	return bw.Flush()
}

// Baseline filters out findings that were recorded (the engine's baseline step
// wraps it). It is safe for concurrent use, since each document only reads its own
// entries.
type Baseline struct {
	byID map[string]map[Key]int
	size int
}

// Load reads a baseline file.
func Load(path string) (*Baseline, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var f File
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, fmt.Errorf("%s: not a corpuslint baseline: %w", path, err)
	}
	if f.Version != Version {
		return nil, fmt.Errorf("%s: baseline version %d, this corpuslint reads version %d", path, f.Version, Version)
	}
	b := &Baseline{byID: map[string]map[Key]int{}}
	for _, e := range f.Findings {
		m := b.byID[e.ID]
		if m == nil {
			m = map[Key]int{}
			b.byID[e.ID] = m
		}
		m[e.Key] += max(e.Count, 1)
		b.size += max(e.Count, 1)
	}
	return b, nil
}

// Len returns the number of findings in the baseline.
func (b *Baseline) Len() int { return b.size }

// Filter drops the findings of doc that the baseline holds, each recorded
// finding absorbing at most as many as were recorded.
func (b *Baseline) Filter(doc *rules.Document, fs []rules.Finding) []rules.Finding {
	known := b.byID[doc.ID]
	if len(known) == 0 {
		return fs
	}
	left := make(map[Key]int, len(known))
	for k, v := range known {
		left[k] = v
	}
	out := fs[:0]
	for i := range fs {
		k := KeyOf(doc, &fs[i])
		if left[k] > 0 {
			left[k]--
			continue
		}
		out = append(out, fs[i])
	}
	return out
}
