package app

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/corpuslint/corpuslint/internal/config"
	"github.com/corpuslint/corpuslint/internal/engine"
	"github.com/corpuslint/corpuslint/report/aggregate"
	"github.com/corpuslint/corpuslint/rules"
	"github.com/corpuslint/corpuslint/rules/builtin"
)

func reportCommand() *cli.Command {
	return &cli.Command{
		Name:      "report",
		Usage:     "write a quality report of a batch: HTML, Markdown or a mergeable aggregate",
		ArgsUsage: "PATH...",
		Description: `Checks each PATH as lint does (same inputs, same rule selection), computes what the
safe fixes would do, and writes a report of the batch:

   --html FILE       one self-contained HTML page (no script, no font, nothing fetched;
                     charts are inline SVG): totals, findings per rule and category,
                     histograms of document length, boilerplate share and each rule's
                     score with its threshold and what a threshold change would flip,
                     the domains with the highest finding rates (from the url field),
                     the worst documents with their fixes side by side, and a section
                     per rule with examples.
   --markdown FILE   the same summary as Markdown, for a pull request or a dataset card.
   --aggregate FILE  the aggregate behind the report as JSON. Aggregates of parts of a
                     batch merge: give them to --from-aggregate to render the whole.

At least one of them is needed; FILE may be - for standard output (only one of them).
The report is built in one streaming pass with bounded memory: counts are exact,
histograms use fixed bins, and only the worst documents and the first examples of
each rule are kept.

Exit status: 0 when the report is written, 2 on a usage error or an input that could
not be read (the report is still written, and says how many). --fail-on applies only
when given: then findings at or above it exit 1 as for lint.

Examples:
   corpuslint report --html report.html crawl/batch-0001.jsonl.gz
   corpuslint report --markdown - --select quality batch.jsonl
   corpuslint report --aggregate part1.json shard1/ && corpuslint report --aggregate part2.json shard2/
   corpuslint report --from-aggregate part1.json --from-aggregate part2.json --html all.html`,
		Flags: append(commonFlags(),
			&cli.StringFlag{Name: "html", Usage: "write the HTML report to `FILE` (- for standard output)"},
			&cli.StringFlag{Name: "markdown", Aliases: []string{"md"}, Usage: "write the Markdown report to `FILE` (- for standard output)"},
			&cli.StringFlag{Name: "aggregate", Usage: "write the aggregate as JSON to `FILE` (- for standard output), to merge or render later"},
			&cli.StringSliceFlag{Name: "from-aggregate", Usage: "merge a saved aggregate `FILE` into the report (repeatable); with no PATH, only saved aggregates are rendered"},
			&cli.StringFlag{Name: "title", Usage: "title of the report (default \"corpuslint quality report\")"},
			&cli.IntFlag{Name: "worst", Value: aggregate.DefaultWorstDocs, Usage: "how many worst documents to keep, with their diffs"},
			&cli.IntFlag{Name: "examples", Value: aggregate.DefaultExamplesPerRule, Usage: "how many example findings to keep per rule"},
		),
		Action: reportAction,
	}
}

// reportOutput is one file the report command writes.
type reportOutput struct {
	flag, path string
	write      func(io.Writer) error
}

func reportAction(c *cli.Context) error {
	outs := []reportOutput{
		{flag: "html", path: c.String("html")},
		{flag: "markdown", path: c.String("markdown")},
		{flag: "aggregate", path: c.String("aggregate")},
	}
	stdout, wanted := 0, false
	for _, o := range outs {
		if o.path != "" {
			wanted = true
		}
		if o.path == "-" {
			stdout++
		}
	}
	if !wanted {
		return usageError("report needs --html FILE, --markdown FILE or --aggregate FILE; try `corpuslint report --help`")
	}
	if stdout > 1 {
		return usageError("only one of --html, --markdown and --aggregate can write to standard output")
	}
	if c.Int("worst") < 1 || c.Int("examples") < 1 {
		return usageError("--worst and --examples must be at least 1")
	}
	saved := c.StringSlice("from-aggregate")
	if c.NArg() == 0 && len(saved) == 0 {
		return usageError("no PATH given; try `corpuslint report --help`")
	}

	agg := aggregate.New(aggregate.Options{
		WorstDocs: c.Int("worst"), ExamplesPerRule: c.Int("examples"), Fixes: true,
	})
	// The per-rule sections' docs: every rule this binary knows (a saved aggregate
	// may name any of them), then the selected rules as configured.
	metas := map[string]rules.Meta{}
	for _, m := range metasOf(append(builtin.Builtin(), extraOf(c)...)) {
		metas[m.Name] = m
	}
	var inputs []string
	failed := false
	troubled := false
	if c.NArg() > 0 {
		// The report counts and measures every finding (boilerplate lines come
		// from their spans), so nothing is grouped.
		s, err := newSetupWith(c, config.Flags{Ungrouped: true})
		if err != nil {
			return err
		}
		s.opt.Fix = true
		s.opt.UnsafeFixes = false
		for _, r := range s.opt.Rules {
			m := r.Meta()
			metas[m.Name] = m
			agg.NoteRules(m.Name)
		}
		ep := newErrorPrinter(c.App.ErrWriter)
		for _, e := range s.inputErr {
			ep.Print(e, nil)
			agg.AddError()
			troubled = true
		}
		s.opt.Source.NoRaw = true // the report rewrites no record
		err = engine.Run(s.files, s.opt, func(r *engine.Result) error {
			if r.Item.Err != nil {
				for range ep.Print(r.Item.Err, r.Item.Raw) {
					agg.AddError()
					troubled = true
				}
				return nil //nolint:nilerr // an unreadable record is reported and the run goes on
			}
			agg.Add(r.Report)
			if s.failOn && c.IsSet("fail-on") {
				for _, it := range r.Report.Findings {
					if it.Severity >= s.failSev {
						failed = true
					}
				}
			}
			return nil
		})
		if err != nil {
			return cli.Exit(err.Error(), exitTrouble)
		}
		inputs = append(inputs, c.Args().Slice()...)
	}
	for _, path := range saved {
		part, err := readAggregate(path)
		if err != nil {
			return cli.Exit(err.Error(), exitTrouble)
		}
		agg.Merge(part)
		inputs = append(inputs, path)
	}

	ropt := aggregate.RenderOptions{
		Title:     c.String("title"),
		Inputs:    inputs,
		Generated: time.Now().UTC().Format("2006-01-02 15:04 UTC"),
		Rules:     metas,
	}
	if os.Getenv("CORPUSLINT_REPORT_TIME") != "" {
		ropt.Generated = os.Getenv("CORPUSLINT_REPORT_TIME") // fixed stamps for tests and screenshots
	}
	outs[0].write = func(w io.Writer) error { return aggregate.WriteHTML(w, agg, ropt) }
	outs[1].write = func(w io.Writer) error { return aggregate.WriteMarkdown(w, agg, ropt) }
	outs[2].write = agg.WriteJSON
	for _, o := range outs {
		if o.path == "" {
			continue
		}
		if err := writeOutput(c.App.Writer, o.path, o.write); err != nil {
			return cli.Exit(fmt.Sprintf("--%s: %v", o.flag, err), exitTrouble)
		}
	}
	if !c.Bool("quiet") {
		t := agg.Totals()
		fmt.Fprintf(c.App.ErrWriter, "report: %d findings in %d of %d documents", t.Findings, t.Flagged, t.Documents)
		for _, o := range outs {
			if o.path != "" && o.path != "-" {
				fmt.Fprintf(c.App.ErrWriter, "; wrote %s", o.path)
			}
		}
		fmt.Fprintln(c.App.ErrWriter)
	}
	switch {
	case troubled:
		return cli.Exit("", exitTrouble)
	case failed:
		return cli.Exit("", exitFindings)
	}
	return nil
}

// writeOutput renders into memory first, so that a failed render leaves no half
// file, then writes path (or w for "-").
func writeOutput(w io.Writer, path string, write func(io.Writer) error) error {
	var buf bytes.Buffer
	if err := write(&buf); err != nil {
		return err
	}
	if path == "-" {
		_, err := w.Write(buf.Bytes())
		return err
	}
	return os.WriteFile(path, buf.Bytes(), 0o644)
}

func readAggregate(path string) (*aggregate.Aggregate, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("--from-aggregate: %w", err)
	}
	defer f.Close()
	a, err := aggregate.Read(f)
	if err != nil {
		return nil, fmt.Errorf("--from-aggregate %s: %w", path, err)
	}
	return a, nil
}
