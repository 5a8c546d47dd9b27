package app

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/corpuslint/corpuslint/internal/config"
	"github.com/corpuslint/corpuslint/internal/engine"
	"github.com/corpuslint/corpuslint/internal/fix"
	"github.com/corpuslint/corpuslint/internal/progress"
	"github.com/corpuslint/corpuslint/report"
	"github.com/corpuslint/corpuslint/rules"
)

func lintCommand() *cli.Command {
	return &cli.Command{
		Name:      "lint",
		Usage:     "check files and report findings",
		ArgsUsage: "PATH...",
		Description: `Checks each PATH: a file, a folder (walked recursively for .txt, .md, .jsonl,
.ndjson, .warc, .wet and .parquet files and their .gz/.zst forms; hidden folders
skipped), or - for standard input. A .txt or .md file is one document; each JSONL
line, each WARC conversion record or text response record, and each Parquet row
(--text-field names the column) is one document. Compression and WARC/Parquet are
detected by content.

Exit status: 0 when no finding is at or above --fail-on, 1 when one is, 2 on a usage
error or an input that could not be read (the other inputs are still checked).

Examples:
   corpuslint lint article.txt
   corpuslint lint --format diff crawl/
   corpuslint lint crawl/ --format concise | grep stray-dash
   corpuslint lint crawl/ --format sarif --output-file corpuslint.sarif
   corpuslint lint --format jsonl --text-field meta.body batch.jsonl.gz > findings.jsonl
   corpuslint lint --select quotes,stray-dash --fail-on error batch.jsonl
   corpuslint lint --statistics --profile gopher batch.jsonl
   corpuslint lint --baseline corpuslint-baseline.json data/
   zcat batch.jsonl.gz | corpuslint lint -`,
		Flags: append(commonFlags(),
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Usage: "output `FORMAT`: " + strings.Join(report.Formats(), ", "), DefaultText: "table"},
			&cli.BoolFlag{Name: "unsafe-fixes", Usage: "include unsafe fixes in diffs and machine output"},
			&cli.StringFlag{Name: "baseline", Usage: "report only findings not recorded in this baseline `FILE` (written by corpuslint baseline)"},
			&cli.BoolFlag{Name: "ungrouped", Usage: "report every finding on its own, also of the rules whose findings in one document are reported as one (boilerplate blocks, markup left by the extractor)"},
			&cli.BoolFlag{Name: "statistics", Usage: "print a count per rule and per category instead of the findings"},
			&cli.StringFlag{Name: "output-file", Aliases: []string{"o"}, Usage: "write the report to `FILE` instead of standard output; it is replaced whole when the run ends (never half written)"},
			&cli.BoolFlag{Name: "show-scores", Usage: "keep the model's measurements (probabilities, distances) in the table and concise messages; the json format always has them in its score field"},
			&cli.StringFlag{Name: "cpuprofile", Usage: "write a CPU profile to this file (for performance work)", Hidden: true},
			&cli.StringFlag{Name: "memprofile", Usage: "write an allocation profile to this file at the end (for performance work)", Hidden: true},
		),
		Action: lintAction,
	}
}

func lintAction(c *cli.Context) error {
	s, err := newSetupWith(c, config.Flags{Format: c.String("format"), Baseline: c.String("baseline"), Ungrouped: c.Bool("ungrouped")})
	if err != nil {
		return err
	}
	if p := c.String("cpuprofile"); p != "" {
		stop, err := startCPUProfile(p)
		if err != nil {
			return usageError("--cpuprofile: %v", err)
		}
		defer stop()
	}
	if p := c.String("memprofile"); p != "" {
		runtime.MemProfileRate = 64 << 10
		defer func() {
			if err := writeAllocProfile(p); err != nil {
				fmt.Fprintf(c.App.ErrWriter, "corpuslint: --memprofile: %v\n", err)
			}
		}()
	}
	format := s.resolved.Format
	if c.Bool("statistics") {
		format = "statistics"
	}
	// A progress bar on a terminal's stderr only; output written through Wrap
	// clears it first, so lines never interleave with it.
	bar := startProgress(c, s)
	defer bar.Stop()
	errw, out := bar.Wrap(c.App.ErrWriter), bar.Wrap(c.App.Writer)
	if bar != nil {
		s.opt.Source.Progress = bar.AddBytes
	}
	color, width := useColor(c.App.Writer), report.TerminalWidth(c.App.Writer)
	outFile, stopSignals, err := openOutputFile(c, errw)
	if err != nil {
		return err
	}
	if outFile != nil {
		defer stopSignals()
		defer outFile.Abort() // a no-op once committed
		out, color = outFile, false
		width = report.TerminalWidth(nil) // COLUMNS, or the default: a file has no terminal
	}
	rep, err := report.New(format, out, report.Options{
		Color:       color,
		UnsafeFixes: c.Bool("unsafe-fixes"),
		Quiet:       c.Bool("quiet"),
		Rules:       metasOf(s.resolved.Registry.All()),
		Width:       width,
		ShowScores:  c.Bool("show-scores"),
	})
	if err != nil {
		return usageError("--format: %v", err)
	}
	s.opt.Fix = report.NeedsFixed(format)
	s.opt.Scores = report.NeedsScores(format)
	s.opt.UnsafeFixes = c.Bool("unsafe-fixes")

	sum := report.NewSummary()
	errs := newErrorPrinter(errw)
	for _, e := range s.inputErr {
		errs.Print(e, nil)
		sum.Errors++
	}
	failed := false
	s.opt.Source.NoRaw = true // lint reports; it rewrites no record
	err = engine.Run(s.files, s.opt, func(r *engine.Result) error {
		if r.Item.Err != nil {
			sum.Errors += errs.Print(r.Item.Err, r.Item.Raw)
			return nil //nolint:nilerr // an unreadable record is reported and the run goes on
		}
		bar.AddDocs(1)
		sum.Add(r.Report)
		if s.failOn {
			for _, it := range r.Report.Findings {
				if it.Severity >= s.failSev {
					failed = true
				}
			}
		}
		return rep.Document(r.Report)
	})
	bar.Stop() // the summary prints after the bar is gone
	if cerr := rep.Close(sum); err == nil {
		err = cerr
	}
	if outFile != nil && err == nil {
		if err = outFile.Commit(); err == nil && !c.Bool("quiet") {
			fmt.Fprintf(c.App.ErrWriter, "wrote %d findings in %d of %d documents to %s\n", sum.Total(), sum.Flagged, sum.Documents, c.String("output-file"))
		}
	}
	return exitStatus(err, sum.Errors, failed)
}

// openOutputFile starts the --output-file, nil without one. The report goes to a
// temporary file beside it that replaces it when the run ends (fix's atomic
// rewrite), so that a failed or interrupted run leaves the old file, never half
// a report: SIGINT and SIGTERM remove the temporary file, and one a killed run
// left is removed by the next run.
func openOutputFile(c *cli.Context, errw io.Writer) (f *fix.AtomicFile, stop func(), err error) {
	path := c.String("output-file")
	if path == "" {
		return nil, nil, nil
	}
	if path == "-" {
		return nil, nil, usageError("--output-file -: standard output is the default; leave the flag out")
	}
	// As ruff does, the folders on the way are made.
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, nil, usageError("--output-file: %v", err)
	}
	for _, p := range fix.CleanStale(filepath.Dir(path)) {
		fmt.Fprintf(errw, "notice: removed %s, a temporary file left by a corpuslint run that was killed\n", p)
	}
	stop = fix.HandleSignals(errw)
	f, err = fix.CreateAtomic(path)
	if err != nil {
		stop()
		return nil, nil, usageError("--output-file: %v", err)
	}
	return f, stop, nil
}

// startProgress starts the progress bar of a checking run (nil when stderr is
// not a terminal or with --quiet). Corpus rules read every file once before the
// checking pass: the bar then shows "pass 1/2: counting lines" and "pass 2/2:
// checking", each with its own total, rate and time left.
func startProgress(c *cli.Context, s *setup) *progress.Bar {
	total := progress.TotalSize(s.files)
	bar := progress.Start(c.App.ErrWriter, total, progress.Enabled(c.App.ErrWriter, c.Bool("quiet")))
	if bar == nil {
		return nil
	}
	if len(engine.CorpusRules(s.opt.Rules)) == 0 {
		bar.SetPass("checking", total, true)
		return bar
	}
	var readable []string // the first pass skips standard input
	for _, f := range s.files {
		if f != "-" {
			readable = append(readable, f)
		}
	}
	bar.SetPass("pass 1/2: counting lines", progress.TotalSize(readable), false)
	s.opt.OnCheck = func() { bar.SetPass("pass 2/2: checking", total, true) }
	return bar
}

// metasOf returns the rules' metadata, in order.
func metasOf(rs []rules.Rule) []rules.Meta {
	out := make([]rules.Meta, 0, len(rs))
	for _, r := range rs {
		out = append(out, r.Meta())
	}
	return out
}

// exitStatus is the end of lint and fix: 2 for a run error or unreadable input,
// 1 for findings at or above --fail-on, else success.
func exitStatus(err error, inputErrors int, failed bool) error {
	switch {
	case err != nil:
		return cli.Exit(err.Error(), exitTrouble)
	case inputErrors > 0:
		return cli.Exit("", exitTrouble)
	case failed:
		return cli.Exit("", exitFindings)
	}
	return nil
}
