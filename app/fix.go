package app

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/urfave/cli/v2"

	"github.com/corpuslint/corpuslint/internal/engine"
	"github.com/corpuslint/corpuslint/internal/fix"
	"github.com/corpuslint/corpuslint/internal/source"
	"github.com/corpuslint/corpuslint/report"
	"github.com/corpuslint/corpuslint/rules"
	"github.com/corpuslint/corpuslint/rules/text"
)

func fixCommand() *cli.Command {
	return &cli.Command{
		Name:      "fix",
		Usage:     "apply the safe fixes in place",
		ArgsUsage: "PATH...",
		Description: `Applies the safe fixes of every finding and rewrites the files in place, through a
temporary file and a rename, so an interrupted run leaves the original intact. In
JSONL only the bytes of the text field's value change: other fields, key order,
number formatting, blank lines and line endings stay as they were. After fixing, the
rules run again on the new text; what is left is listed as unfixed. With a corpus
rule selected, and --unsafe-fixes given or records dropped, fix runs rounds over the
batch until one changes nothing (at most 4): a drop or a cut changes the batch the
corpus rules decided from.

Prints one summary line per changed file, then the findings left unfixed.
Exit status (ruff's): 0 when nothing at or above --fail-on is left, 1 when
something is, 2 on a usage error or unreadable input. With --exit-non-zero-on-fix
it is also 1 when a file was changed (with --diff: would be), even if nothing is
left; the pre-commit hook runs "fix --exit-non-zero-on-fix --fail-on never", so it
fails only when it changed files and leaves the leftovers to the lint hook.

Examples:
   corpuslint fix article.txt
   corpuslint fix --diff batch.jsonl          # show what would change, write nothing
   corpuslint fix --unsafe-fixes --select privacy batch.jsonl
   corpuslint fix --exit-non-zero-on-fix --fail-on never data/   # as the pre-commit hook`,
		Flags: append(append(commonFlags(),
			&cli.BoolFlag{Name: "diff", Usage: "print a unified diff of the fixes and write nothing"},
			&cli.BoolFlag{Name: "unsafe-fixes", Usage: "also apply unsafe fixes (they may change meaning)"},
			&cli.BoolFlag{Name: "exit-non-zero-on-fix", Usage: "exit 1 when a file was changed, even if no finding is left (ruff's flag)"},
		), cleanFlags()...),
		Action: fixAction,
	}
}

// fileFix tracks the rewrite of one input file while its results stream past.
type fileFix struct {
	path      string
	rw        *fix.JSONLRewriter
	rejected  *fix.RejectedFile
	dropped   int
	failed    bool
	docs      int
	changed   int
	applied   int
	remaining int
	// unfinished counts documents whose fix loop stopped before a fixed point
	// (fix.Result.Unfinished): for them a second run would change more.
	unfinished int
	text       *engine.Result // a whole-file document waiting to be written
	// snap is the file as it was before the run read it; nil with --diff.
	snap *fix.Snapshot
	// writeErr is set when writing the new file failed (a read-only folder, a
	// full disk): already reported, and the file is left as it was.
	writeErr bool
}

func fixAction(c *cli.Context) error {
	if cleanMode(c) {
		return cleanAction(c) // --output: write elsewhere (clean.go)
	}
	s, err := newSetup(c)
	if err != nil {
		return err
	}
	dryRun := c.Bool("diff")
	for _, f := range s.files {
		if f == "-" && !dryRun {
			return usageError("fix cannot rewrite standard input; use `corpuslint fix --diff -` or name the file")
		}
		if !dryRun && source.IsStream(f) {
			// Rewriting reopens the file and renames over it: a FIFO or a
			// pipe would hang or be replaced by a regular file.
			return usageError("fix cannot rewrite %s: it is not a regular file (a pipe, FIFO or device); use `corpuslint fix --diff %s`", f, f)
		}
	}
	s.opt.Fix = true
	s.opt.UnsafeFixes = c.Bool("unsafe-fixes")
	out, errw := c.App.Writer, c.App.ErrWriter
	if !dryRun {
		// An interrupted run removes its temporary files; those of earlier runs
		// that were killed outright are removed before this one writes.
		defer fix.HandleSignals(errw)()
		dirs := map[string]bool{}
		for _, f := range s.files {
			if d := filepath.Dir(f); !dirs[d] {
				dirs[d] = true
				for _, p := range fix.CleanStale(d) {
					fmt.Fprintf(errw, "notice: removed %s, a temporary file left by a corpuslint run that was killed\n", p)
				}
			}
		}
	}

	// A corpus rule decides from the batch as it was read. With --unsafe-fixes
	// its drops and cuts change that batch (a page whose boilerplate was cut
	// becomes a near-duplicate of its clean copy), and a round that drops
	// records changes the batch's counts of documents (per site, and of sites)
	// the thresholds are shares of. Then one pass is not a fixed point: fix runs
	// rounds over the batch until one changes nothing, at most maxBatchRounds.
	// Safe fixes that only edit texts need no second round (their corpus
	// decisions only weaken as fixes remove lines; see repeated-line), so the
	// default run stays one pass.
	rounds := 1
	if !dryRun && hasCorpusRule(s) {
		rounds = maxBatchRounds
	}
	var (
		sum      *report.Summary
		modified bool // some round changed a file
		failed   bool
	)
	for round := 1; round <= rounds; round++ {
		last := round == rounds
		// Only the last round's table of what is left is shown: it is
		// written to a temporary file until the round is known to be the last.
		tableOut, spool, serr := roundOutput(out, last)
		if serr != nil {
			return serr
		}
		var changed, dropped bool
		sum, changed, dropped, failed, err = fixRound(s, roundOptions{
			round: round, dryRun: dryRun, out: out, table: tableOut, errw: errw,
		})
		modified = modified || changed
		// Another round only when this one can have moved a corpus decision.
		again := changed && (s.opt.UnsafeFixes || dropped)
		if spool != nil {
			if !again || err != nil {
				if _, cerr := spool.WriteTo(out); cerr != nil && err == nil {
					err = cerr
				}
				last = true
			}
			spool.Close()
		}
		if last || !again || err != nil {
			break
		}
	}
	if modified && c.Bool("exit-non-zero-on-fix") {
		failed = true
	}
	return exitStatus(err, sum.Errors, failed)
}

// maxBatchRounds bounds the rounds fix runs over a batch.
const maxBatchRounds = 4

// hasCorpusRule reports whether a corpus rule (one with a first pass over the
// batch) checks some input of s.
func hasCorpusRule(s *setup) bool {
	has := func(rs []rules.Rule) bool {
		for _, r := range rs {
			if _, ok := r.(rules.CorpusRule); ok {
				return true
			}
		}
		return false
	}
	if has(s.opt.Rules) {
		return true
	}
	if s.opt.RulesFor != nil {
		for _, f := range s.files {
			if has(s.opt.RulesFor(f)) {
				return true
			}
		}
	}
	return false
}

// roundOutput returns where a round writes its table of findings left: out
// itself for the last round, else a spool file the caller copies to out if the
// round turns out to be the last (it changed nothing).
func roundOutput(out io.Writer, last bool) (io.Writer, *spoolFile, error) {
	if last {
		return out, nil, nil
	}
	f, err := os.CreateTemp("", "corpuslint-fix-table-*")
	if err != nil {
		return nil, nil, fmt.Errorf("cannot create a temporary file for the findings left: %w", err)
	}
	_ = os.Remove(f.Name()) // unnamed: nothing is left behind, whatever happens
	return f, &spoolFile{f}, nil
}

// spoolFile is an unnamed temporary file holding a round's table.
type spoolFile struct{ f *os.File }

// WriteTo copies the spooled table to w.
func (sp *spoolFile) WriteTo(w io.Writer) (int64, error) {
	if _, err := sp.f.Seek(0, io.SeekStart); err != nil {
		return 0, err
	}
	return io.Copy(w, sp.f)
}

// Close closes the file.
func (sp *spoolFile) Close() { _ = sp.f.Close() }

// roundOptions are the settings of one round of fix over the batch.
type roundOptions struct {
	round  int
	dryRun bool
	out    io.Writer // summary lines
	table  io.Writer // the table of findings left
	errw   io.Writer
}

// fixRound runs one round of fix over every input of s: it reads the batch
// (both passes), fixes each document and rewrites the files. It returns the
// summary of what is left, whether a file was changed (or with --diff would
// be), whether records were moved to a rejected file, and whether a finding at
// or above --fail-on is left. Input errors are
// printed in the first round only: later rounds read the same records.
func fixRound(s *setup, ro roundOptions) (*report.Summary, bool, bool, bool, error) {
	dryRun, out, errw := ro.dryRun, ro.out, ro.errw
	var err error
	// What each file looked like before reading began: a file that changes
	// during the run is not replaced (another process appending to it).
	snaps := map[string]*fix.Snapshot{}
	if !dryRun {
		for _, f := range s.files {
			if sn, err := fix.Snap(f); err == nil {
				snaps[f] = &sn
			}
		}
	}

	var diff *report.Diff
	if dryRun {
		diff = report.NewDiff(out)
	}
	// Findings left after fixing are listed like lint's table, against the fixed text.
	left := report.NewTable(ro.table, report.Options{Color: useColor(out), Quiet: true})
	sum := report.NewSummary()
	errs := newErrorPrinter(errw)
	if ro.round > 1 {
		errs = newErrorPrinter(io.Discard) // printed in the first round
	}
	for _, e := range s.inputErr {
		sum.Errors += errs.Print(e, nil)
	}
	// A later round's summary lines say so: the first round's fixes changed
	// the batch the corpus rules decided from.
	suffix := ""
	if ro.round > 1 {
		suffix = fmt.Sprintf(" (round %d)", ro.round)
	}
	failed := false
	dropped := false // some record was moved to a rejected file
	// modified: some file was changed (or, with --diff, would be); with
	// --exit-non-zero-on-fix that alone fails the run.
	modified := false
	var cur *fileFix
	finish := func() {
		if cur == nil {
			return
		}
		if diff != nil {
			_ = diff.Flush()
		}
		if err := cur.finish(dryRun); errors.Is(err, errReported) {
			// The write error was reported as it happened; the file is as it was.
		} else if err != nil {
			fmt.Fprintln(errw, "error:", err)
			sum.Errors++
		} else if cur.changed > 0 || cur.dropped > 0 {
			modified = true
			dropped = dropped || cur.dropped > 0
			if sn := cur.snap; !dryRun && sn != nil && sn.Links > 1 && ro.round == 1 {
				fmt.Fprintf(errw, "warning: %s has %d hard links: the fixed file replaces this name only, the other %d keep the old content\n",
					cur.path, sn.Links, sn.Links-1)
			}
			verb := "fixed"
			if dryRun {
				verb = "would fix"
			}
			fmt.Fprintf(out, "%s: %s %d findings in %d of %d documents; %d left unfixed",
				cur.path, verb, cur.applied, cur.changed, cur.docs, cur.remaining)
			if cur.dropped > 0 {
				moved := "moved"
				if dryRun {
					moved = "would move"
				}
				fmt.Fprintf(out, "; %s %d records to %s", moved, cur.dropped, fix.RejectedPath(cur.path))
			}
			fmt.Fprintln(out, suffix)
		}
		if cur.unfinished > 0 {
			fmt.Fprintf(errw, "warning: %s: %d documents still had fixes to apply after %d rounds, or their fixes undo each other; run fix again to go on\n",
				cur.path, cur.unfinished, fix.MaxPasses)
		}
		cur = nil
	}
	err = engine.Run(s.files, s.opt, func(r *engine.Result) error {
		path := itemPath(r.Item)
		if cur == nil || cur.path != path {
			finish()
			cur = &fileFix{path: path, snap: snaps[path]}
		}
		if !dryRun && !cur.failed && !rewritable(r.Item) {
			fmt.Fprintf(errw, "error: %s: fix cannot rewrite %s files; use lint, or fix --diff to see the fixes\n", path, kindOf(r.Item))
			sum.Errors++
			cur.failed = true
		}
		if r.Item.Err != nil {
			sum.Errors += errs.Print(r.Item.Err, r.Item.Raw)
			if r.Item.Err.Record == 0 && r.Item.Err.Omitted == 0 {
				cur.failed = true
			}
			return nil //nolint:nilerr // an unreadable record is reported and the run goes on
		}
		cur.docs++
		res := r.Fix
		if res.Unfinished {
			cur.unfinished++
		}
		if res.Dropped != nil && r.Item.Format == source.JSONL {
			// A filter's "drop the document": move the record aside with the
			// reason, never delete it silently.
			cur.dropped++
			if !dryRun {
				if err := cur.drop(r); err != nil {
					fmt.Fprintln(errw, "error:", err)
					sum.Errors++
					cur.failed = true
					cur.writeErr = true
				}
			} else {
				fmt.Fprintf(out, "%s: would move record %d (id %s) to %s: %s\n", cur.path, r.Item.Doc.Record,
					r.Item.Doc.ID, fix.RejectedPath(cur.path), res.Dropped.Message)
			}
			return nil
		}
		if res.Text != r.Item.Doc.Text {
			cur.changed++
			cur.applied += res.Applied
			if diff != nil {
				if err := diff.Document(r.Report); err != nil {
					return err
				}
			}
			if !dryRun {
				if err := cur.write(r); err != nil {
					fmt.Fprintln(errw, "error:", err)
					sum.Errors++
					cur.failed = true
					cur.writeErr = true
				}
			}
		}
		rest := remainingReport(r.Report, res)
		cur.remaining += len(rest.Findings)
		sum.Add(rest)
		if s.failOn {
			for _, it := range rest.Findings {
				if it.Severity >= s.failSev {
					failed = true
				}
			}
		}
		return left.Document(rest)
	})
	finish()
	if diff != nil {
		if cerr := diff.Close(nil); err == nil {
			err = cerr
		}
	}
	if cerr := left.Close(nil); err == nil {
		err = cerr
	}
	return sum, modified, dropped, failed, err
}

// remainingReport is the document as it stands after fixing, with the findings that
// are left, positioned in the fixed text.
func remainingReport(before *report.Document, res *fix.Result) *report.Document {
	return &report.Document{Path: before.Path, Record: before.Record, ID: before.ID, Text: res.Text, Fixed: res.Text,
		Findings: report.Items(res.Remaining, text.NewAnalysis(res.Text))}
}

// write records one changed document: JSONL records go through the streaming
// rewriter at once; a whole-file document is written when its file finishes.
func (f *fileFix) write(r *engine.Result) error {
	if f.failed {
		return nil
	}
	it := r.Item
	if it.Format != source.JSONL {
		f.text = r
		return nil
	}
	if err := f.startRewrite(); err != nil {
		return err
	}
	return f.rw.Replace(it.Doc.Record, source.ReplaceText(it.Raw, it.TextSpan, r.Fix.Text))
}

// drop moves a record to the file's rejected file and leaves it out of the rewrite.
func (f *fileFix) drop(r *engine.Result) error {
	if f.failed {
		return nil
	}
	if err := f.startRewrite(); err != nil {
		return err
	}
	if f.rejected == nil {
		rej, err := fix.OpenRejected(fix.RejectedPath(f.path))
		if err != nil {
			return err
		}
		f.rejected = rej
	}
	d := r.Fix.Dropped
	if err := f.rejected.Add(fix.RejectedRecord(r.Item.Raw, d.Rule, d.Message)); err != nil {
		return err
	}
	return f.rw.Drop(r.Item.Doc.Record)
}

// errReported is finish's answer for a file whose write failed: the error was
// reported as it happened, and the file was left as it was.
var errReported = errors.New("already reported")

// startRewrite opens the streaming rewrite of a JSONL file, guarded by the
// file's snapshot.
func (f *fileFix) startRewrite() error {
	if f.rw != nil {
		return nil
	}
	rw, err := fix.NewJSONLRewriter(f.path)
	if err != nil {
		return err
	}
	if f.snap != nil {
		rw.Guard(*f.snap)
	}
	f.rw = rw
	return nil
}

// finish commits the file's rewrite, or abandons it when the file had an error that
// makes a faithful rewrite impossible.
func (f *fileFix) finish(dryRun bool) error {
	if dryRun {
		return nil
	}
	if f.failed {
		if f.rejected != nil {
			f.rejected.Abort()
		}
		if f.rw != nil {
			f.rw.Abort()
		}
		switch {
		case f.writeErr:
			return errReported
		case f.changed > 0:
			return fmt.Errorf("%s: not rewritten because it could not be read completely", f.path)
		}
		return nil
	}
	if f.snap != nil && (f.rejected != nil || f.rw != nil || f.text != nil) {
		// Checked before the rejected file is committed too, so that a
		// changed file leaves no record in both; Commit checks again just
		// before its rename.
		if err := f.snap.Changed(); err != nil {
			if f.rejected != nil {
				f.rejected.Abort()
			}
			if f.rw != nil {
				f.rw.Abort()
			}
			return err
		}
	}
	if f.rejected != nil {
		// The moved records must be on disk, in place, before the file loses
		// them; a run stopped between the two renames leaves them in both, and
		// the next run does not add them again.
		if err := f.rejected.Commit(); err != nil {
			if f.rw != nil {
				f.rw.Abort()
			}
			return fmt.Errorf("%s: %w; the file was left unchanged", fix.RejectedPath(f.path), err)
		}
	}
	if f.rw != nil {
		return f.rw.Commit()
	}
	if f.text != nil {
		return fix.WriteText(f.path, f.text.Fix.Text, f.text.Item.Gzip, f.snap)
	}
	return nil
}

// rewritable reports whether fix can write an item's file back: plain or gzip
// text and JSONL. WARC and Parquet are read-only inputs, and zstd output is not
// written yet.
func rewritable(it source.Item) bool {
	return (it.Format == source.Text || it.Format == source.JSONL) && it.Compression != source.CompressionZstd
}

func kindOf(it source.Item) string {
	if it.Compression == source.CompressionZstd {
		return "zstd-compressed"
	}
	return it.Format.String()
}

// itemPath is the file an item came from, whether it is a document or an error.
func itemPath(it source.Item) string {
	if it.Doc != nil {
		return it.Doc.Path
	}
	return it.Err.Path
}
