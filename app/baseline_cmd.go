package app

import (
	"fmt"

	"github.com/urfave/cli/v2"

	"github.com/corpuslint/corpuslint/internal/baseline"
	"github.com/corpuslint/corpuslint/internal/engine"
	"github.com/corpuslint/corpuslint/internal/fix"
)

func baselineCommand() *cli.Command {
	return &cli.Command{
		Name:      "baseline",
		Usage:     "record today's findings so that lint reports only new ones",
		ArgsUsage: "FILE PATH...",
		Description: `Checks every PATH and records each finding in FILE, keyed by document id, rule and
a hash of the flagged text (not by line numbers or counts): reordering records or
editing other documents leaves the baseline valid, and a fixed finding plus a new
one elsewhere do not cancel out. Then ` + "`corpuslint lint --baseline FILE`" + ` (or
"baseline: FILE" in corpuslint.yaml) reports only findings that are not in it.

Examples:
   corpuslint baseline corpuslint-baseline.json data/
   corpuslint lint --baseline corpuslint-baseline.json data/`,
		Flags: commonFlags(),
		Action: func(c *cli.Context) error {
			if c.NArg() < 2 {
				return usageError("baseline needs FILE and at least one PATH")
			}
			file := c.Args().First()
			rest := c.Args().Tail()
			s, err := newSetupFor(c, rest)
			if err != nil {
				return err
			}
			rec := baseline.NewRecorder()
			errs := len(s.inputErr)
			ep := newErrorPrinter(c.App.ErrWriter)
			for _, e := range s.inputErr {
				ep.Print(e, nil)
			}
			s.opt.Source.NoRaw = true // a baseline records findings; it rewrites no record
			err = engine.Run(s.files, s.opt, func(r *engine.Result) error {
				if r.Item.Err != nil {
					errs += ep.Print(r.Item.Err, r.Item.Raw)
					return nil //nolint:nilerr // an unreadable record is reported and the run goes on
				}
				rec.Add(r.Item.Doc, findingsOf(r))
				return nil
			})
			if err != nil {
				return cli.Exit(err.Error(), exitTrouble)
			}
			if errs > 0 {
				// A baseline missing the findings of unreadable inputs would hide
				// them later: write nothing.
				return cli.Exit(fmt.Sprintf("%d inputs could not be read; %s not written", errs, file), exitTrouble)
			}
			if err := writeBaseline(file, rec); err != nil {
				return cli.Exit(err.Error(), exitTrouble)
			}
			fmt.Fprintf(c.App.Writer, "wrote %d findings to %s\n", rec.Len(), file)
			return nil
		},
	}
}

func writeBaseline(path string, rec *baseline.Recorder) error {
	f, err := fix.CreateAtomic(path)
	if err != nil {
		return err
	}
	if err := rec.Write(f); err != nil {
		f.Abort()
		return err
	}
	return f.Commit()
}
