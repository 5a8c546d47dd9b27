package main

import (
	"fmt"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/corpuslint/corpuslint/internal/config"
	"github.com/corpuslint/corpuslint/internal/engine"
	"github.com/corpuslint/corpuslint/report"
)

func lintCommand() *cli.Command {
	return &cli.Command{
		Name:      "lint",
		Usage:     "check files and report findings",
		ArgsUsage: "PATH...",
		Description: `Checks each PATH: a file, a folder (walked recursively for .txt, .md, .jsonl and
.ndjson files and their .gz forms; hidden folders skipped), or - for standard input.
A .txt or .md file is one document; each JSONL line is one document.

Exit status: 0 when no finding is at or above --fail-on, 1 when one is, 2 on a usage
error or an input that could not be read (the other inputs are still checked).

Examples:
   corpuslint lint article.txt
   corpuslint lint --format diff crawl/
   corpuslint lint --format jsonl --text-field meta.body batch.jsonl.gz > findings.jsonl
   corpuslint lint --select quotes,stray-dash --fail-on error batch.jsonl
   corpuslint lint --statistics --profile gopher batch.jsonl
   corpuslint lint --baseline corpuslint-baseline.json data/
   zcat batch.jsonl.gz | corpuslint lint -`,
		Flags: append(commonFlags(),
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Usage: "output format: " + strings.Join(report.Formats(), ", "), DefaultText: "table"},
			&cli.BoolFlag{Name: "unsafe-fixes", Usage: "include unsafe fixes in diffs and machine output"},
			&cli.StringFlag{Name: "baseline", Usage: "report only findings not recorded in this baseline file (see `corpuslint baseline`)"},
			&cli.BoolFlag{Name: "statistics", Usage: "print a count per rule and per category instead of the findings"},
			&cli.StringFlag{Name: "cpuprofile", Usage: "write a CPU profile to this file (for performance work)", Hidden: true},
		),
		Action: lintAction,
	}
}

func lintAction(c *cli.Context) error {
	s, err := newSetupWith(c, config.Flags{Format: c.String("format"), Baseline: c.String("baseline")})
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
	format := s.resolved.Format
	if c.Bool("statistics") {
		format = "statistics"
	}
	out := c.App.Writer
	rep, err := report.New(format, out, report.Options{
		Color:       useColor(out),
		UnsafeFixes: c.Bool("unsafe-fixes"),
		Quiet:       c.Bool("quiet"),
	})
	if err != nil {
		return usageError("--format: %v", err)
	}
	s.opt.Fix = report.NeedsFixed(format)
	s.opt.UnsafeFixes = c.Bool("unsafe-fixes")

	sum := report.NewSummary()
	for _, e := range s.inputErr {
		fmt.Fprintln(c.App.ErrWriter, "error:", e)
		sum.Errors++
	}
	failed := false
	err = engine.Run(s.files, s.opt, func(r *engine.Result) error {
		if r.Item.Err != nil {
			fmt.Fprintln(c.App.ErrWriter, "error:", r.Item.Err)
			sum.Errors++
			return nil //nolint:nilerr // an unreadable record is reported and the run goes on
		}
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
	if cerr := rep.Close(sum); err == nil {
		err = cerr
	}
	switch {
	case err != nil:
		return cli.Exit(err.Error(), exitTrouble)
	case sum.Errors > 0:
		return cli.Exit("", exitTrouble)
	case failed:
		return cli.Exit("", exitFindings)
	}
	return nil
}
