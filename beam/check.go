package beam

import (
	"bytes"
	"context"
	"fmt"
	"hash/fnv"
	"strconv"

	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"

	"github.com/corpuslint/corpuslint/internal/engine"
	"github.com/corpuslint/corpuslint/report"
	"github.com/corpuslint/corpuslint/report/aggregate"
)

// checkFn checks documents with the engine's Checker, given the first pass's
// corpus states as a side input. It emits each finding as one line of the jsonl
// contract (the core's own encoder, so lines are byte-identical to `corpuslint
// lint --format jsonl`), keyed by the shard it goes to, and at the end of each
// bundle the bundle's report aggregate as JSON.
type checkFn struct {
	Settings Settings `json:"settings"`
	Shards   int      `json:"shards"`

	st      *setup
	checker *engine.Checker
	agg     *aggregate.Aggregate
	buf     bytes.Buffer
	jsonl   *report.JSONL
}

// Setup resolves the settings once per worker instance.
func (fn *checkFn) Setup() error {
	st, err := fn.Settings.setup()
	fn.st = st
	fn.jsonl = report.NewJSONL(&fn.buf, report.Options{})
	return err
}

// StartBundle starts the bundle's aggregate. states is the encoded output of the
// first pass (empty when no corpus rule is selected); it is the same for every
// bundle of the run, so it is decoded once per instance. (The SDK wants the side
// input and the emitters of ProcessElement repeated here and in FinishBundle.)
func (fn *checkFn) StartBundle(_ context.Context, states []byte, _ func(int, string), _ func(string)) error {
	if fn.checker == nil {
		cs, err := DecodeCorpusStates(fn.st.opt.Rules, states)
		if err != nil {
			return err
		}
		fn.checker = engine.NewChecker(fn.st.opt, cs)
	}
	fn.agg = fn.st.newAggregate()
	return nil
}

// ProcessElement checks one document.
func (fn *checkFn) ProcessElement(_ context.Context, d Doc, _ []byte, emitLine func(int, string), _ func(string)) error {
	rd, _ := fn.checker.Check(d.document())
	fn.agg.Add(rd)
	if len(rd.Findings) == 0 {
		return nil
	}
	fn.buf.Reset()
	if err := fn.jsonl.Document(rd); err != nil {
		return err
	}
	if err := fn.jsonl.Close(nil); err != nil { // flushes into buf
		return err
	}
	shard := shardOf(d.Path, d.Record, fn.Shards)
	b := fn.buf.Bytes()
	for len(b) > 0 {
		i := bytes.IndexByte(b, '\n')
		emitLine(shard, string(b[:i]))
		b = b[i+1:]
	}
	return nil
}

// FinishBundle emits the bundle's aggregate.
func (fn *checkFn) FinishBundle(_ context.Context, _ []byte, _ func(int, string), emitAgg func(string)) error {
	if fn.agg == nil || fn.agg.Documents == 0 {
		return nil
	}
	var buf bytes.Buffer
	if err := fn.agg.WriteJSON(&buf); err != nil {
		return err
	}
	emitAgg(buf.String())
	fn.agg = nil
	return nil
}

// shardOf spreads documents over n shards by path and record, so that a retried
// bundle sends its findings to the same shards and a document's findings stay
// together.
func shardOf(path string, record, n int) int {
	if n <= 1 {
		return 0
	}
	h := fnv.New32a()
	h.Write([]byte(path))
	h.Write([]byte{0})
	h.Write(strconv.AppendInt(nil, int64(record), 10))
	return int(h.Sum32() % uint32(n))
}

// errorAggFn counts input errors into a partial aggregate per bundle, so that the
// combined aggregate's error count matches the core's summary.
type errorAggFn struct {
	n int64
}

// StartBundle resets the count.
func (fn *errorAggFn) StartBundle(_ func(string)) { fn.n = 0 }

// ProcessElement counts one error.
func (fn *errorAggFn) ProcessElement(_ string, _ func(string)) { fn.n++ }

// FinishBundle emits the count as an aggregate.
func (fn *errorAggFn) FinishBundle(emit func(string)) error {
	if fn.n == 0 {
		return nil
	}
	a := aggregate.New(aggregate.Options{})
	a.Errors = fn.n
	fn.n = 0
	var buf bytes.Buffer
	if err := a.WriteJSON(&buf); err != nil {
		return err
	}
	emit(buf.String())
	return nil
}

// writeShardFn writes the findings of one shard to <prefix>findings-NNNNN.jsonl.
// The name depends only on the shard, so a retried write replaces the file.
type writeShardFn struct {
	Prefix string `json:"prefix"`
}

// ProcessElement writes one shard.
func (fn *writeShardFn) ProcessElement(ctx context.Context, shard int, lines func(*string) bool) error {
	return writeLines(ctx, ShardName(fn.Prefix, shard), lines)
}

// writeFileFn writes each element (one, here) as the whole content of Name.
type writeFileFn struct {
	Name string `json:"name"`
}

// ProcessElement writes the file.
func (fn *writeFileFn) ProcessElement(ctx context.Context, content string) error {
	fs, err := filesystem.New(ctx, fn.Name)
	if err != nil {
		return err
	}
	defer fs.Close()
	w, err := fs.OpenWrite(ctx, fn.Name)
	if err != nil {
		return err
	}
	if _, err := w.Write([]byte(content)); err != nil {
		w.Close()
		return err
	}
	return w.Close()
}

func writeLines(ctx context.Context, name string, lines func(*string) bool) error {
	fs, err := filesystem.New(ctx, name)
	if err != nil {
		return err
	}
	defer fs.Close()
	w, err := fs.OpenWrite(ctx, name)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	var line string
	for lines(&line) {
		buf.WriteString(line)
		buf.WriteByte('\n')
		if buf.Len() >= 1<<20 {
			if _, err := w.Write(buf.Bytes()); err != nil {
				w.Close()
				return err
			}
			buf.Reset()
		}
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		w.Close()
		return err
	}
	if err := w.Close(); err != nil {
		return fmt.Errorf("writing %s: %w", name, err)
	}
	return nil
}
