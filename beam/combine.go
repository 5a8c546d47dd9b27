package beam

import (
	"bytes"
	"encoding"
	"encoding/binary"
	"errors"
	"fmt"
	"sort"

	"github.com/corpuslint/corpuslint/internal/engine"
	"github.com/corpuslint/corpuslint/report/aggregate"
	"github.com/corpuslint/corpuslint/rules"
	"github.com/corpuslint/corpuslint/rules/text"
)

// --- corpus rules: the first pass as a combine ---

// corpusAcc is the accumulator of the first pass: one state per corpus rule.
// States that arrived over the wire stay as bytes (raw) until a combine method,
// which knows the rules, turns them back into states; the coder needs no rules.
type corpusAcc struct {
	states map[string]rules.CorpusState
	raw    map[string][]byte
}

// encodeStates writes name -> marshaled state pairs in name order, so that equal
// states encode equally: uvarint count, then for each a uvarint-prefixed name and
// a uvarint-prefixed state.
func encodeStates(states map[string]rules.CorpusState, raw map[string][]byte) ([]byte, error) {
	all := make(map[string][]byte, len(states)+len(raw))
	for name, b := range raw {
		all[name] = b
	}
	for name, st := range states {
		m, ok := st.(encoding.BinaryMarshaler)
		if !ok {
			return nil, fmt.Errorf("corpus rule %s: its state (%T) has no MarshalBinary, so it cannot cross the wire", name, st)
		}
		b, err := m.MarshalBinary()
		if err != nil {
			return nil, fmt.Errorf("corpus rule %s: %w", name, err)
		}
		all[name] = b
	}
	names := make([]string, 0, len(all))
	for name := range all {
		names = append(names, name)
	}
	sort.Strings(names)
	var out []byte
	out = binary.AppendUvarint(out, uint64(len(names)))
	for _, name := range names {
		out = binary.AppendUvarint(out, uint64(len(name)))
		out = append(out, name...)
		out = binary.AppendUvarint(out, uint64(len(all[name])))
		out = append(out, all[name]...)
	}
	return out, nil
}

var errShortStates = errors.New("corrupt corpus states: truncated")

// decodeRaw splits what encodeStates wrote back into name -> bytes.
func decodeRaw(b []byte) (map[string][]byte, error) {
	out := map[string][]byte{}
	if len(b) == 0 {
		return out, nil
	}
	n, k := binary.Uvarint(b)
	if k <= 0 {
		return nil, errShortStates
	}
	b = b[k:]
	field := func() ([]byte, error) {
		l, k := binary.Uvarint(b)
		if k <= 0 || uint64(len(b)-k) < l {
			return nil, errShortStates
		}
		f := b[k : k+int(l)]
		b = b[k+int(l):]
		return f, nil
	}
	for range n {
		name, err := field()
		if err != nil {
			return nil, err
		}
		data, err := field()
		if err != nil {
			return nil, err
		}
		out[string(name)] = data
	}
	if len(b) != 0 {
		return nil, errors.New("corrupt corpus states: trailing bytes")
	}
	return out, nil
}

// encodeCorpusAcc and decodeCorpusAcc are the accumulator's coder.
func encodeCorpusAcc(a *corpusAcc) ([]byte, error) { return encodeStates(a.states, a.raw) }

func decodeCorpusAcc(b []byte) (*corpusAcc, error) {
	raw, err := decodeRaw(b)
	if err != nil {
		return nil, err
	}
	return &corpusAcc{states: map[string]rules.CorpusState{}, raw: raw}, nil
}

// unmarshalState makes a fresh state of cr from its bytes.
func unmarshalState(cr rules.CorpusRule, b []byte) (rules.CorpusState, error) {
	st := cr.NewState()
	u, ok := st.(encoding.BinaryUnmarshaler)
	if !ok {
		return nil, fmt.Errorf("corpus rule %s: its state (%T) has no UnmarshalBinary, so it cannot cross the wire", cr.Meta().Name, st)
	}
	if err := u.UnmarshalBinary(b); err != nil {
		return nil, fmt.Errorf("corpus rule %s: %w", cr.Meta().Name, err)
	}
	return st, nil
}

// DecodeCorpusStates turns the first pass's output back into the states a
// checker takes, using the corpus rules among rs. A rule without a state in b
// gets an empty one (no document was observed).
func DecodeCorpusStates(rs []rules.Rule, b []byte) (map[string]rules.CorpusState, error) {
	raw, err := decodeRaw(b)
	if err != nil {
		return nil, err
	}
	var out map[string]rules.CorpusState
	for _, cr := range engine.CorpusRules(rs) {
		if out == nil {
			out = map[string]rules.CorpusState{}
		}
		name := cr.Meta().Name
		data, ok := raw[name]
		if !ok {
			out[name] = cr.NewState()
			continue
		}
		if out[name], err = unmarshalState(cr, data); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// EncodeCorpusStates is the inverse of DecodeCorpusStates: what the first pass
// hands to the checking step as a side input.
func EncodeCorpusStates(states map[string]rules.CorpusState) ([]byte, error) {
	return encodeStates(states, nil)
}

// observeFn is the first pass as a CombineFn over documents: each worker observes
// its documents into its own states (AddInput), partial states cross the wire
// marshaled and are merged (MergeAccumulators, associative and commutative as
// CorpusState.Merge is), and the result is one encoded set of states.
type observeFn struct {
	Settings Settings `json:"settings"`

	st *setup
}

// Setup resolves the settings once per worker instance.
func (fn *observeFn) Setup() error {
	st, err := fn.Settings.setup()
	fn.st = st
	return err
}

// CreateAccumulator returns empty states for every corpus rule.
func (fn *observeFn) CreateAccumulator() *corpusAcc {
	a := &corpusAcc{states: map[string]rules.CorpusState{}}
	for _, cr := range fn.st.corpus {
		a.states[cr.Meta().Name] = cr.NewState()
	}
	return a
}

// live turns the states a holds as bytes into states.
func (fn *observeFn) live(a *corpusAcc) error {
	if len(a.raw) == 0 {
		return nil
	}
	for _, cr := range fn.st.corpus {
		name := cr.Meta().Name
		data, ok := a.raw[name]
		if !ok {
			continue
		}
		st, err := unmarshalState(cr, data)
		if err != nil {
			return err
		}
		if have := a.states[name]; have != nil {
			st.Merge(have)
		}
		a.states[name] = st
	}
	a.raw = nil
	return nil
}

// AddInput observes one document.
func (fn *observeFn) AddInput(a *corpusAcc, d Doc) (*corpusAcc, error) {
	if err := fn.live(a); err != nil {
		return nil, err
	}
	doc := d.document()
	an := text.NewAnalysis(doc.Text)
	for _, cr := range fn.st.corpus {
		name := cr.Meta().Name
		st := a.states[name]
		if st == nil {
			st = cr.NewState()
			a.states[name] = st
		}
		st.Observe(doc, an)
	}
	return a, nil
}

// MergeAccumulators merges b's states into a's.
func (fn *observeFn) MergeAccumulators(a, b *corpusAcc) (*corpusAcc, error) {
	if err := fn.live(a); err != nil {
		return nil, err
	}
	if err := fn.live(b); err != nil {
		return nil, err
	}
	for name, st := range b.states {
		if have := a.states[name]; have != nil {
			have.Merge(st)
		} else {
			a.states[name] = st
		}
	}
	return a, nil
}

// ExtractOutput encodes the merged states.
func (fn *observeFn) ExtractOutput(a *corpusAcc) ([]byte, error) {
	return encodeCorpusAcc(a)
}

// --- report aggregates ---

// aggAcc wraps the aggregate being merged (nil until the first partial).
type aggAcc struct{ a *aggregate.Aggregate }

func encodeAggAcc(a *aggAcc) ([]byte, error) {
	if a.a == nil {
		return nil, nil
	}
	var buf bytes.Buffer
	err := a.a.WriteJSON(&buf)
	return buf.Bytes(), err
}

func decodeAggAcc(b []byte) (*aggAcc, error) {
	if len(b) == 0 {
		return &aggAcc{}, nil
	}
	a, err := aggregate.Read(bytes.NewReader(b))
	return &aggAcc{a: a}, err
}

// mergeAggFn combines partial report aggregates (one per bundle, as JSON) into
// one, with aggregate.Aggregate.Merge.
type mergeAggFn struct{}

// CreateAccumulator returns an empty accumulator.
func (mergeAggFn) CreateAccumulator() *aggAcc { return &aggAcc{} }

// AddInput merges one partial aggregate.
func (mergeAggFn) AddInput(acc *aggAcc, partial string) (*aggAcc, error) {
	p, err := aggregate.Read(bytes.NewReader([]byte(partial)))
	if err != nil {
		return nil, err
	}
	return mergeAggFn{}.MergeAccumulators(acc, &aggAcc{a: p})
}

// MergeAccumulators merges b into a.
func (mergeAggFn) MergeAccumulators(a, b *aggAcc) (*aggAcc, error) {
	switch {
	case b.a == nil:
	case a.a == nil:
		a.a = b.a
	default:
		a.a.Merge(b.a)
	}
	return a, nil
}

// ExtractOutput returns the merged aggregate as JSON (aggregate.Read reads it).
func (mergeAggFn) ExtractOutput(a *aggAcc) (string, error) {
	if a.a == nil {
		a.a = aggregate.New(aggregate.Options{})
	}
	var buf bytes.Buffer
	err := a.a.WriteJSON(&buf)
	return buf.String(), err
}
