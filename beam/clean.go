package beam

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"

	sdk "github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/corpuslint/corpuslint/internal/clean"
	"github.com/corpuslint/corpuslint/internal/engine"
	"github.com/corpuslint/corpuslint/internal/source"
)

func init() {
	sdk.RegisterType(reflect.TypeOf((*cleanTask)(nil)).Elem())
	register.DoFn4x1[context.Context, cleanTask, []byte, func(string), error](&cleanFileFn{})
	register.DoFn3x1[context.Context, int, func(*string) bool, error](&writeManifestFn{})
}

// CleanOptions select the cleaning mode: `corpuslint fix --output DIR/` on
// Beam. Each input file is cleaned into DIR under the name the binary gives it
// (its path relative to the folder argument it was found under, extensions
// replaced), its dropped records into the rejected file beside it, and
// DIR/corpuslint-manifest.json lists them, byte for byte what the binary
// writes for the same inputs and flags (the manifest's version line aside).
// A run skips the inputs an earlier run (of either) completed, as the binary
// does.
type CleanOptions struct {
	// UnsafeFixes, KeepEmpty, Annotate and OutputFormat are the binary's
	// --unsafe-fixes, --keep-empty, --annotate and --output-format.
	UnsafeFixes  bool
	KeepEmpty    bool
	Annotate     string
	OutputFormat string
}

// cleanTask is one input file to clean and where its records go.
type cleanTask struct {
	Index    int // the input's place in the input order, for the manifest
	Input    string
	Out, Rej string
}

// buildClean adds the cleaning pipeline to s (Build with Options.Clean set).
// Files are the unit of work, as in the binary's folder mode: one output per
// input, written by the worker that reads it.
func buildClean(s sdk.Scope, o Options) error {
	c := o.Clean
	st, err := o.Settings.setup()
	if err != nil {
		return err
	}
	if c.OutputFormat != "" {
		if _, err := clean.FormatFor("", c.OutputFormat); err != nil {
			return fmt.Errorf("output format: %v", err)
		}
	}
	if !isLocal(o.Output) {
		return fmt.Errorf("the cleaning mode writes to a local or mounted folder, not %s", o.Output)
	}
	args, files, err := localFiles(o.Inputs)
	if err != nil {
		return err
	}
	names, err := clean.OutputNames(args, files, func(f string) string {
		if c.OutputFormat != "" {
			return c.OutputFormat
		}
		return clean.InputFormat(f)
	})
	if err != nil {
		return err
	}
	outDir := filepath.Clean(o.Output)
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		return err
	}
	config := runConfig(o.Settings, c, st).JSON()
	previous, err := clean.ReadManifest(outDir)
	if err != nil {
		previous = nil // unreadable: every input is cleaned again, as in the binary
	}
	var tasks []any
	var done []any
	for i, f := range files {
		if e, ok := previous.Done(f, config); ok {
			b, _ := json.Marshal(indexedEntry{Index: i, Entry: e})
			done = append(done, string(b))
			continue
		}
		out := filepath.Join(outDir, names[f])
		format, _ := clean.FormatFor(out, "")
		rej := clean.RejectedName(out, format)
		for _, p := range []string{out, rej} {
			if clean.SameFile(p, files) {
				return fmt.Errorf("%s is one of the inputs; the cleaning mode never writes to an input", p)
			}
		}
		if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
			return err
		}
		tasks = append(tasks, cleanTask{Index: i, Input: f, Out: out, Rej: rej})
	}

	s = s.Scope("corpuslint-clean")
	var states sdk.PCollection
	if len(st.corpus) > 0 {
		// The corpus rules see every input, skipped ones too, so that the
		// outputs are those of a full run.
		observe := s.Scope("observe")
		var all []any
		for _, f := range files {
			all = append(all, f)
		}
		paths := sdk.Create(observe, all...)
		docs, _ := sdk.ParDo2(observe, &readFn{Settings: o.Settings}, paths)
		states = sdk.Combine(observe, &observeFn{Settings: o.Settings}, docs)
	} else {
		states = sdk.Create(s, []byte{})
	}
	entries := sdk.Create(s, append([]any{""}, done...)...)
	if len(tasks) > 0 {
		// Reshuffled, so that the files spread over the workers.
		taskCol := sdk.Reshuffle(s, sdk.Create(s, tasks...))
		written := sdk.ParDo(s, &cleanFileFn{Settings: o.Settings, Clean: *c}, taskCol, sdk.SideInput{Input: states})
		entries = sdk.Flatten(s, entries, written)
	}
	sdk.ParDo0(s, &writeManifestFn{Dir: outDir, Config: string(config)}, sdk.GroupByKey(s, sdk.AddFixedKey(s, entries)))
	return nil
}

// localFiles expands the inputs as a shell and the binary would: globs
// matched, folders walked. It returns the arguments after glob expansion (the
// folders among them decide the output names) and the files.
func localFiles(inputs []string) (args, files []string, err error) {
	for _, in := range inputs {
		if !isLocal(in) {
			return nil, nil, fmt.Errorf("the cleaning mode reads local or mounted files, not %s", in)
		}
		if strings.ContainsAny(in, "*?[") {
			m, err := filepath.Glob(in)
			if err != nil {
				return nil, nil, err
			}
			args = append(args, m...)
			continue
		}
		args = append(args, in)
	}
	files, errs := source.Expand(args)
	if len(errs) > 0 {
		return nil, nil, errs[0]
	}
	return args, files, nil
}

// runConfig is the manifest's config, filled as the binary fills it.
func runConfig(s Settings, c *CleanOptions, st *setup) clean.RunConfig {
	var names []string
	for _, r := range st.opt.Rules {
		names = append(names, r.Meta().Name)
	}
	return clean.RunConfig{Profile: st.res.Profile, Rules: names, Unsafe: c.UnsafeFixes, KeepEmpty: c.KeepEmpty,
		Annotate: c.Annotate, OutputFormat: c.OutputFormat,
		TextField: st.opt.Source.TextField, IDField: st.opt.Source.IDField,
		ConfigFile: st.res.File, ConfigData: s.ConfigData}
}

// indexedEntry is a manifest entry on its way to the manifest writer, with
// the input's place in the input order.
type indexedEntry struct {
	Index int         `json:"index"`
	Entry clean.Entry `json:"entry"`
}

// cleanFileFn reads one input, checks and fixes each document with the
// engine's Checker, decides with clean.Decide as the binary does, writes the
// kept and the rejected records, and emits the input's manifest entry. The
// outputs are written atomically, so a retried bundle replaces them.
type cleanFileFn struct {
	Settings Settings     `json:"settings"`
	Clean    CleanOptions `json:"clean"`

	st      *setup
	checker *engine.Checker
}

// Setup resolves the settings once per worker instance, with the fix loop on.
func (fn *cleanFileFn) Setup() error {
	st, err := fn.Settings.setup()
	if err != nil {
		return err
	}
	st.opt.Fix = true
	st.opt.UnsafeFixes = fn.Clean.UnsafeFixes
	st.opt.Scores = fn.Clean.Annotate != ""
	fn.st = st
	return nil
}

// ProcessElement cleans one input.
func (fn *cleanFileFn) ProcessElement(_ context.Context, t cleanTask, states []byte, emit func(string)) error {
	if fn.checker == nil {
		cs, err := DecodeCorpusStates(fn.st.opt.Rules, states)
		if err != nil {
			return err
		}
		fn.checker = engine.NewChecker(fn.st.opt, cs)
	}
	format, _ := clean.FormatFor(t.Out, "")
	w, err := clean.Create(t.Out, format, nil)
	if err != nil {
		return err
	}
	rf, _ := clean.FormatFor(t.Rej, "")
	rw, err := clean.Create(t.Rej, rf, nil)
	if err != nil {
		w.Abort()
		return err
	}
	e := clean.Entry{Input: t.Input, Output: t.Out, Rejected: t.Rej}
	opts := clean.Options{Unsafe: fn.Clean.UnsafeFixes, KeepEmpty: fn.Clean.KeepEmpty, Annotate: fn.Clean.Annotate}
	failed, docs := false, 0
	var werr error
	add := func(cw *clean.Writer, line []byte) {
		if werr == nil {
			werr = cw.Add(line)
		}
	}
	source.Read(t.Input, fn.st.opt.Source, func(it source.Item) bool {
		if it.Err != nil {
			if it.Err.Record == 0 {
				failed = true
				return true
			}
			e.Errors++
			if rec := clean.RejectedError(it); rec != nil {
				e.RejectedRecords++
				add(rw, rec)
			}
			return true
		}
		docs++
		rd, res := fn.checker.Check(it.Doc)
		out := clean.Decide(it, rd, res, opts)
		if out.Rejected {
			e.RejectedRecords++
			add(rw, out.Line)
		} else {
			e.Written++
			add(w, out.Line)
		}
		return werr == nil
	})
	// The documents and the unreadable records, as the binary counts them.
	e.Records = docs + e.Errors
	if st, err := os.Stat(t.Input); err == nil {
		e.Size, e.ModTime = st.Size(), st.ModTime()
	}
	if werr != nil {
		w.Abort()
		rw.Abort()
		return werr
	}
	if failed {
		// Half an input is not its output, as in the binary: nothing is
		// written and the entry is not complete, so a rerun tries again.
		w.Abort()
		rw.Abort()
	} else {
		if err := rw.Commit(); err != nil {
			w.Abort()
			return fmt.Errorf("%s: %w", t.Rej, err)
		}
		if err := w.Commit(); err != nil {
			return fmt.Errorf("%s: %w", t.Out, err)
		}
		if st, err := os.Stat(t.Out); err == nil {
			e.OutputBytes = st.Size()
		}
		e.Complete = true
	}
	b, err := json.Marshal(indexedEntry{Index: t.Index, Entry: e})
	if err != nil {
		return err
	}
	emit(string(b))
	return nil
}

// writeManifestFn writes the manifest from every input's entry, in input
// order. The empty element is the one that makes sure the group is not empty.
type writeManifestFn struct {
	Dir    string `json:"dir"`
	Config string `json:"config"`
}

// ProcessElement writes DIR/corpuslint-manifest.json.
func (fn *writeManifestFn) ProcessElement(_ context.Context, _ int, lines func(*string) bool) error {
	var all []indexedEntry
	var line string
	for lines(&line) {
		if line == "" {
			continue
		}
		var ie indexedEntry
		if err := json.Unmarshal([]byte(line), &ie); err != nil {
			return err
		}
		all = append(all, ie)
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].Index < all[j].Index })
	m := &clean.Manifest{Version: clean.Version(), Config: json.RawMessage(fn.Config)}
	for _, ie := range all {
		m.Inputs = append(m.Inputs, ie.Entry)
	}
	return m.Write(fn.Dir)
}
