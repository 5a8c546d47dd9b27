package app

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/corpuslint/corpuslint/internal/clean"
	"github.com/corpuslint/corpuslint/internal/engine"
	"github.com/corpuslint/corpuslint/internal/fix"
)

// cleanFlags are fix's flags for the streaming cleaner: `fix --output` writes
// the fixed documents to a new place and leaves the input alone.
func cleanFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "output", Usage: "write the fixed documents as JSONL to this file, folder (existing, or ending in /: one output per input) or - (standard output), and leave the input untouched"},
		&cli.StringFlag{Name: "output-format", Usage: "with --output: " + strings.Join(clean.Formats, ", ") + " (default: from the output's name; in folder mode from each input's compression)"},
		&cli.StringFlag{Name: "rejected", Usage: "with --output: where dropped documents go, with the rule and reason (default: <output>.rejected.jsonl beside a file output, <name>.rejected.jsonl beside each output in a folder; nowhere for -); with --output -, - writes both to standard output in input order"},
		&cli.BoolFlag{Name: "keep-empty", Usage: "with --output: keep a document whose text the fixes emptied (default: it goes to the rejected output)"},
		&cli.StringFlag{Name: "annotate", Usage: "with --output: add each document's statistics (lint --format stats's object) to its record under this field"},
		&cli.IntFlag{Name: "shard-size", Usage: "with --output DIR: roll each input's output every N written records, into NAME-00000.jsonl[.gz|.zst], NAME-00001... (listed in the manifest); 0 writes one file per input"},
	}
}

// cleanMode reports whether fix was asked to write to a new place.
func cleanMode(c *cli.Context) bool {
	for _, f := range []string{"output", "output-format", "rejected", "keep-empty", "annotate", "shard-size"} {
		if c.IsSet(f) {
			return true
		}
	}
	return false
}

// target is one output being written: the single output of a file or stdout
// clean, or one input's output in folder mode.
type target struct {
	input    string // folder mode: the input it is the output of
	out, rej string // paths; rej "" when dropped documents go nowhere
	// base is the output's name before sharding (--shard-size), whose shards
	// are base-00000..., out being the current one; shards are those committed.
	base     string
	shards   []clean.Shard
	w, rw    *clean.Writer
	skip     bool // folder mode: done by an earlier run; results are discarded
	failed   bool // the input could not be read to its end
	docs     int
	written  int
	rejected int
	errors   int
	changed  int
	applied  int
	left     int
}

// cleaner is the state of one `fix --output` run.
type cleaner struct {
	c         *cli.Context
	s         *setup
	errw      io.Writer
	printer   *errorPrinter // input errors and warnings, as lint prints them
	unsafe    bool
	keepEmpty bool
	annotate  string
	dirMode   bool
	outDir    string
	rejDir    string
	format    string // --output-format, "" when not given
	shardSize int    // --shard-size, 0 for one output per input
	names     map[string]string
	order     map[string]int // folder mode: each input's place in the input order
	manifest  *clean.Manifest
	previous  *clean.Manifest
	config    json.RawMessage
	cur       *target
	single    *target
	errors    int
	failed    bool
	modified  bool
}

func cleanAction(c *cli.Context) error {
	outPath := c.String("output")
	if outPath == "" {
		return usageError("--output-format, --rejected, --keep-empty and --annotate need --output PATH (a file, a folder, or - for standard output)")
	}
	if c.Bool("diff") {
		return usageError("--diff writes nothing and --output writes a new copy; use one of them")
	}
	s, err := newSetup(c)
	if err != nil {
		return err
	}
	s.opt.Fix = true
	cl := &cleaner{c: c, s: s, errw: c.App.ErrWriter, printer: newErrorPrinter(c.App.ErrWriter), unsafe: c.Bool("unsafe-fixes"),
		keepEmpty: c.Bool("keep-empty"), annotate: c.String("annotate"), format: c.String("output-format")}
	s.opt.UnsafeFixes = cl.unsafe
	if c.IsSet("annotate") && cl.annotate == "" {
		return usageError("--annotate needs a field name, such as corpuslint")
	}
	s.opt.Scores = cl.annotate != ""
	if cl.shardSize = c.Int("shard-size"); cl.shardSize < 0 {
		return usageError("--shard-size must be a number of records, 0 or more")
	}
	if cl.format != "" {
		if _, err := clean.FormatFor(outPath, cl.format); err != nil {
			return usageError("--output-format: %v", err)
		}
	}
	args := c.Args().Slice()
	for _, p := range []string{outPath, c.String("rejected")} {
		if dir, in := clean.InsideInput(p, args); p != "" && in {
			return usageError("%s is inside the input folder %s: a later run over that folder would read the cleaned files as corpus; write elsewhere", p, dir)
		}
	}
	cl.dirMode = strings.HasSuffix(outPath, string(filepath.Separator)) || strings.HasSuffix(outPath, "/") || isDir(outPath)
	if cl.shardSize > 0 && !cl.dirMode {
		return usageError("--shard-size needs --output DIR (an existing folder or a path ending in /): the shards of each input are written there, listed in its manifest")
	}
	for _, e := range s.inputErr {
		fmt.Fprintln(cl.errw, "error:", e)
		cl.errors++
	}
	defer fix.HandleSignals(cl.errw)()
	files := s.files
	if cl.dirMode {
		files, err = cl.planFolder(outPath, files)
	} else {
		err = cl.planSingle(outPath)
	}
	if err != nil {
		return err
	}
	err = engine.Run(files, s.opt, cl.result)
	if cl.dirMode {
		if ferr := cl.finishCur(err != nil); err == nil {
			err = ferr
		}
		// Inputs that yielded nothing (an empty file) still get their outputs.
		for _, f := range s.files {
			if err != nil {
				break
			}
			if _, seen := cl.entry(f); !seen && !cl.isSkipped(f) {
				if err = cl.startInput(f); err == nil {
					err = cl.finishCur(false)
				}
			}
		}
	} else if cl.single != nil {
		if err != nil {
			cl.single.abort()
		} else if cerr := cl.single.commit(); cerr != nil {
			err = cerr
		}
		if err == nil {
			cl.summary(cl.single)
		}
	}
	if cl.modified && c.Bool("exit-non-zero-on-fix") {
		cl.failed = true
	}
	return exitStatus(err, cl.errors, cl.failed)
}

func isDir(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.IsDir()
}

// planSingle opens the one output (and rejected output) of a file or stdout clean.
func (cl *cleaner) planSingle(outPath string) error {
	format, err := clean.FormatFor(outPath, cl.format)
	if err != nil {
		return usageError("--output: %v", err)
	}
	rej := cl.c.String("rejected")
	if rej == "" && outPath != "-" {
		rej = clean.RejectedName(outPath, format)
	}
	for _, p := range []string{outPath, rej} {
		if clean.SameFile(p, cl.s.files) {
			return usageError("%s is one of the inputs; --output never writes to an input", p)
		}
	}
	if rej != "" && rej != "-" && rej == outPath {
		return usageError("--rejected and --output name the same file")
	}
	t := &target{out: outPath, rej: rej}
	cleanStaleIn(cl.errw, outPath, rej)
	if t.w, err = clean.Create(outPath, format, cl.c.App.Writer); err != nil {
		return usageError("--output: %v", err)
	}
	if rej == "-" && outPath == "-" {
		// One stream, in input order: a dropped record is told by its
		// corpuslint_rejected field (the Python package reads it so).
		t.rw = t.w
	} else if rej != "" {
		rf, err := clean.FormatFor(rej, "")
		if err != nil {
			t.abort()
			return usageError("--rejected: %v", err)
		}
		if t.rw, err = clean.Create(rej, rf, cl.c.App.Writer); err != nil {
			t.abort()
			return usageError("--rejected: %v", err)
		}
	}
	cl.single, cl.cur = t, t
	return nil
}

// cleanStaleIn removes the temporary files that killed runs left in the folders
// of the given outputs.
func cleanStaleIn(errw io.Writer, paths ...string) {
	seen := map[string]bool{}
	for _, p := range paths {
		if p == "" || p == "-" {
			continue
		}
		d := filepath.Dir(p)
		if seen[d] {
			continue
		}
		seen[d] = true
		for _, r := range fix.CleanStale(d) {
			fmt.Fprintf(errw, "notice: removed %s, a temporary file left by a corpuslint run that was killed\n", r)
		}
	}
}

// planFolder works out every input's output under outDir, reads the manifest of
// an earlier run, and returns the files to read: all of them when a corpus rule
// needs the whole batch (the results of skipped inputs are then discarded),
// else those not done yet.
func (cl *cleaner) planFolder(outDir string, files []string) ([]string, error) {
	cl.outDir = filepath.Clean(outDir)
	cl.rejDir = cl.outDir
	if r := cl.c.String("rejected"); r != "" {
		if r == "-" {
			return nil, usageError("--rejected must be a folder when --output is one")
		}
		cl.rejDir = filepath.Clean(r)
	}
	names, err := clean.OutputNames(cl.c.Args().Slice(), files, func(f string) string {
		if cl.format != "" {
			return cl.format
		}
		return clean.InputFormat(f)
	})
	if err != nil {
		return nil, usageError("--output: %v", err)
	}
	cl.names = names
	cl.order = make(map[string]int, len(files))
	for i, f := range files {
		cl.order[f] = i
	}
	for _, f := range files {
		out, rej := cl.pathsOf(f)
		for _, p := range []string{out, rej} {
			if clean.SameFile(p, files) {
				return nil, usageError("%s is one of the inputs; --output never writes to an input", p)
			}
		}
	}
	for _, d := range []string{cl.outDir, cl.rejDir} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return nil, usageError("--output: %v", err)
		}
	}
	cl.config = cl.configUsed()
	if cl.previous, err = clean.ReadManifest(cl.outDir); err != nil {
		fmt.Fprintf(cl.errw, "notice: %s: %v; every input is cleaned again\n", filepath.Join(cl.outDir, clean.ManifestName), err)
		cl.previous = nil
	}
	cl.manifest = &clean.Manifest{Version: clean.Version(), Config: cl.config}
	var todo []string
	corpus := len(engine.CorpusRules(cl.s.opt.Rules)) > 0
	for _, f := range files {
		if e, done := cl.previous.Done(f, cl.config); done {
			cl.manifest.Inputs = append(cl.manifest.Inputs, e)
			if !cl.c.Bool("quiet") {
				fmt.Fprintf(cl.errw, "%s: skipped, %s is complete (%s)\n", f, e.Output, clean.ManifestName)
			}
			if corpus {
				todo = append(todo, f)
			}
			continue
		}
		todo = append(todo, f)
	}
	if cl.previous != nil && len(cl.manifest.Inputs) == 0 && len(cl.previous.Inputs) > 0 && !cl.c.Bool("quiet") {
		fmt.Fprintln(cl.errw, "notice: no input of the earlier run can be skipped (another configuration, or changed inputs)")
	}
	cleanStaleIn(cl.errw, filepath.Join(cl.outDir, "x"), filepath.Join(cl.rejDir, "x"))
	return todo, nil
}

// pathsOf returns an input's output and rejected paths in folder mode.
func (cl *cleaner) pathsOf(input string) (out, rej string) {
	name := cl.names[input]
	out = filepath.Join(cl.outDir, name)
	format, _ := clean.FormatFor(out, "")
	return out, clean.RejectedName(filepath.Join(cl.rejDir, name), format)
}

// configUsed is the manifest's record of what decides the output besides the
// input: the rules, the configuration file's content, and the flags.
func (cl *cleaner) configUsed() json.RawMessage {
	res := cl.s.resolved
	var names []string
	for _, r := range cl.s.opt.Rules {
		names = append(names, r.Meta().Name)
	}
	rc := clean.RunConfig{Profile: res.Profile, Rules: names, Unsafe: cl.unsafe, KeepEmpty: cl.keepEmpty,
		Annotate: cl.annotate, OutputFormat: cl.format, ShardSize: cl.shardSize,
		TextField: cl.s.opt.Source.TextField, IDField: cl.s.opt.Source.IDField, ConfigFile: res.File}
	if res.File != "" {
		if b, err := os.ReadFile(res.File); err == nil {
			rc.ConfigData = b
		}
	}
	return rc.JSON()
}

func (cl *cleaner) isSkipped(f string) bool {
	for _, e := range cl.manifest.Inputs {
		if e.Input == f && e.Complete {
			return true
		}
	}
	return false
}

// entry reports whether f already has a line in this run's manifest.
func (cl *cleaner) entry(f string) (clean.Entry, bool) {
	for _, e := range cl.manifest.Inputs {
		if e.Input == f {
			return e, true
		}
	}
	return clean.Entry{}, false
}

// startInput opens the outputs of input f in folder mode.
func (cl *cleaner) startInput(f string) error {
	t := &target{input: f}
	cl.cur = t
	if cl.isSkipped(f) {
		t.skip = true
		return nil
	}
	t.out, t.rej = cl.pathsOf(f)
	if cl.shardSize > 0 {
		t.base = t.out
		t.out = clean.ShardName(t.base, 0)
	}
	if err := os.MkdirAll(filepath.Dir(t.out), 0o755); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(t.rej), 0o755); err != nil {
		return err
	}
	format, _ := clean.FormatFor(t.out, "")
	w, err := clean.Create(t.out, format, nil)
	if err != nil {
		return err
	}
	t.w = w
	rf, _ := clean.FormatFor(t.rej, "")
	if t.rw, err = clean.Create(t.rej, rf, nil); err != nil {
		t.abort()
		return err
	}
	return nil
}

// finishCur commits (or, for an input not read to its end or a stopped run,
// abandons) the current folder-mode output and records it in the manifest.
func (cl *cleaner) finishCur(stopped bool) error {
	t := cl.cur
	if t == nil || t.skip {
		cl.cur = nil
		return nil
	}
	cl.cur = nil
	e := clean.Entry{Input: t.input, Output: t.out, Rejected: t.rej, Records: t.docs + t.errors,
		Written: t.written, RejectedRecords: t.rejected, Errors: t.errors}
	if st, err := os.Stat(t.input); err == nil {
		e.Size, e.ModTime = st.Size(), st.ModTime()
	}
	switch {
	case stopped:
		t.abort()
		t.removeShards()
		return nil
	case t.failed:
		// Half an input is not its output: nothing is written, and the manifest
		// says so, so a rerun tries it again.
		t.abort()
		t.removeShards()
		fmt.Fprintf(cl.errw, "error: %s: not written because %s could not be read completely\n", t.out, t.input)
	default:
		if t.base != "" && t.w.Len() == 0 && len(t.shards) > 0 {
			// The last shard filled up exactly: no empty shard after it.
			t.w.Abort()
			t.w = nil
		}
		if err := t.commit(); err != nil {
			t.removeShards()
			return err
		}
		if t.base != "" {
			if t.w != nil {
				t.addShard()
			}
			e.Output, e.Shards = t.shards[0].Path, t.shards
			cl.removeOldShards(t)
		}
		if st, err := os.Stat(e.Output); err == nil {
			e.OutputBytes = st.Size()
		}
		e.Complete = true
		cl.summary(t)
	}
	cl.manifest.Inputs = append(cl.manifest.Inputs, e)
	// Skipped inputs were entered first; the manifest lists inputs in input order.
	sort.SliceStable(cl.manifest.Inputs, func(i, j int) bool {
		return cl.order[cl.manifest.Inputs[i].Input] < cl.order[cl.manifest.Inputs[j].Input]
	})
	return cl.manifest.Write(cl.outDir)
}

// commit finishes the outputs: the rejected one first, so that a run stopped
// between the two renames has every dropped record somewhere. A sharded
// output's last shard may be gone already (w nil): it filled up exactly.
func (t *target) commit() error {
	if t.rw != nil && t.rw != t.w {
		if err := t.rw.Commit(); err != nil {
			if t.w != nil {
				t.w.Abort()
			}
			return fmt.Errorf("%s: %w", t.rej, err)
		}
	}
	if t.w == nil {
		return nil
	}
	if err := t.w.Commit(); err != nil {
		return fmt.Errorf("%s: %w", t.out, err)
	}
	return nil
}

// roll commits the current shard, full at --shard-size records, and starts the
// next. The input's shards are removed again if it is not read to its end.
func (t *target) roll() error {
	if err := t.w.Commit(); err != nil {
		return fmt.Errorf("%s: %w", t.out, err)
	}
	t.addShard()
	t.out = clean.ShardName(t.base, len(t.shards))
	format, _ := clean.FormatFor(t.out, "")
	w, err := clean.Create(t.out, format, nil)
	if err != nil {
		t.w = nil
		return err
	}
	t.w = w
	return nil
}

// addShard records the committed current shard.
func (t *target) addShard() {
	sh := clean.Shard{Path: t.out, Records: t.w.Len()}
	if st, err := os.Stat(t.out); err == nil {
		sh.Bytes = st.Size()
	}
	t.shards = append(t.shards, sh)
}

// removeShards deletes the shards committed for an input that ends without an
// output: half an input is not its output.
func (t *target) removeShards() {
	for _, sh := range t.shards {
		_ = os.Remove(sh.Path)
	}
	t.shards = nil
}

// removeOldShards deletes the shards an earlier run wrote for t's input beyond
// those written now (the input shrank, or the shard size changed), so that the
// folder holds only what the manifest lists.
func (cl *cleaner) removeOldShards(t *target) {
	if cl.previous == nil {
		return
	}
	now := map[string]bool{}
	for _, sh := range t.shards {
		now[sh.Path] = true
	}
	for _, e := range cl.previous.Inputs {
		if e.Input != t.input {
			continue
		}
		for _, sh := range e.Shards {
			if !now[sh.Path] {
				_ = os.Remove(sh.Path)
			}
		}
	}
}

func (t *target) abort() {
	if t.w != nil {
		t.w.Abort()
	}
	if t.rw != nil && t.rw != t.w {
		t.rw.Abort()
	}
}

// summary prints one line for a committed output, on standard error (standard
// output may be the data).
func (cl *cleaner) summary(t *target) {
	if cl.c.Bool("quiet") {
		return
	}
	name := t.out
	if name == "-" {
		name = "standard output"
	}
	if len(t.shards) > 1 {
		name = fmt.Sprintf("%d shards %s ... %s", len(t.shards), t.shards[0].Path, t.shards[len(t.shards)-1].Path)
	}
	if t.input != "" {
		fmt.Fprintf(cl.errw, "%s: ", t.input)
	}
	fmt.Fprintf(cl.errw, "wrote %d of %d records to %s", t.written, t.docs+t.errors, name)
	switch {
	case t.rej != "":
		r := t.rej
		if r == "-" {
			r = "standard output"
		}
		fmt.Fprintf(cl.errw, ", %d rejected to %s", t.rejected, r)
	case t.rejected > 0:
		fmt.Fprintf(cl.errw, ", %d dropped (no --rejected given)", t.rejected)
	}
	fmt.Fprintf(cl.errw, "; fixed %d findings in %d documents; %d left unfixed", t.applied, t.changed, t.left)
	if t.errors > 0 {
		fmt.Fprintf(cl.errw, "; %d unreadable", t.errors)
	}
	fmt.Fprintln(cl.errw)
}

// result takes one checked document (or input error) from the engine, in input
// order, and writes it to the output or the rejected output.
func (cl *cleaner) result(r *engine.Result) error {
	if cl.dirMode {
		if p := itemPath(r.Item); cl.cur == nil || cl.cur.input != p {
			if err := cl.finishCur(false); err != nil {
				return err
			}
			if err := cl.startInput(p); err != nil {
				return err
			}
		}
	}
	t := cl.cur
	if t.skip {
		return nil
	}
	if e := r.Item.Err; e != nil {
		n := cl.printer.Print(e, r.Item.Raw)
		cl.errors += n
		if e.Warning || e.Omitted > 0 {
			// A warning's document follows and is cleaned; a summary's errors
			// were counted and set aside as they came.
			return nil
		}
		if e.Record == 0 {
			t.failed = true
			return nil
		}
		t.errors++
		if r.Item.Raw != nil && t.rw != nil {
			// Nothing read is lost: the unreadable record goes aside as it was.
			t.rejected++
			return t.rw.Add(clean.RejectedError(r.Item))
		}
		return nil
	}
	t.docs++
	doc, res := r.Item.Doc, r.Fix
	out := clean.Decide(r.Item, r.Report, res, clean.Options{Unsafe: cl.unsafe, KeepEmpty: cl.keepEmpty, Annotate: cl.annotate})
	if out.Rejected {
		t.rejected++
		cl.modified = true
		if t.rw == nil {
			return nil
		}
		return t.rw.Add(out.Line)
	}
	if res.Text != doc.Text {
		t.changed++
		t.applied += res.Applied
		cl.modified = true
	}
	t.left += len(res.Remaining)
	if cl.s.failOn {
		for _, f := range res.Remaining {
			if f.Severity >= cl.s.failSev {
				cl.failed = true
			}
		}
	}
	if cl.shardSize > 0 && t.w.Len() >= cl.shardSize {
		if err := t.roll(); err != nil {
			return err
		}
	}
	t.written++
	return t.w.Add(out.Line)
}
