package app

import (
	"fmt"
	"runtime"
	"strconv"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/corpuslint/corpuslint/internal/eval"
	"github.com/corpuslint/corpuslint/rules"
)

func evalCommand() *cli.Command {
	return &cli.Command{
		Name:  "eval",
		Usage: "measure the boilerplate rules on line-labeled JSONL",
		Description: `Runs the boilerplate rules over line-labeled records (the format of the shared
corpus README: a text, its extractor and extractor_kind, and "lines" with byte spans
labeled body, boilerplate, title, notext, mixed or unknown) and prints how well the
findings agree with the labels.

Each extractor's records of one file run as one batch, as a crawl batch would (one
tool's output over many sites), so corpus rules such as repeated-line see the
batch. A line counts as flagged when boilerplate findings cover at least half of
its bytes. Only lines labeled body or boilerplate enter the line metrics, and
records marked flattened are left out of them.

The report gives line-level precision, recall and F1 by extractor_kind and by
extractor; what each rule covers on its own; the share of body lines flagged in the
clean ground_truth records; the junk-tail decision per kind (the last three lines
with text are all boilerplate, predicted when findings cover each of them); and the
worst false positives and false negatives as text.

Without --select, the boilerplate rules that are on by default are measured: what
users get. --select and --ignore choose rules as for lint (only rules of the
boilerplate category are scored). --fold K/N scores only the pages whose doc_id
falls in fold K of N, for cross-validation by page; the batches still hold every
page, since corpus rules read no label and a held-out batch is of full size too.
To measure a model on pages it was not trained on, train it on the other folds
(go run ./cmd/boilertrain -cv does both halves).

Examples:
   corpuslint eval --labels ../shared/corpus/aeb-dev.jsonl --labels ../shared/corpus/readability-dev.jsonl
   corpuslint eval --labels aeb-dev.jsonl --fold 1/2 --format json
   corpuslint eval --labels aeb-dev.jsonl --select boilerplate --kind article --worst 30`,
		Flags: []cli.Flag{
			&cli.StringSliceFlag{Name: "labels", Usage: "labeled JSONL file (repeatable; .gz allowed)", Required: true},
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "table", Usage: "output format: table or json"},
			&cli.StringFlag{Name: "select", Usage: "measure these rules or categories, comma separated (default: the boilerplate rules on by default)"},
			&cli.StringFlag{Name: "ignore", Usage: "leave out these rules or categories, comma separated"},
			&cli.StringFlag{Name: "kind", Usage: "keep only these extractor kinds, comma separated"},
			&cli.StringFlag{Name: "fold", Usage: "score only the pages of fold K of N (K/N, 1-based, by a hash of doc_id); batches keep every page"},
			&cli.StringFlag{Name: "split", Usage: "the site split of the dev pages (testdata/eval/site-split.tsv); with --part, score one part only"},
			&cli.StringFlag{Name: "part", Usage: "with --split: score only the pages of this part, tune or check"},
			&cli.IntFlag{Name: "worst", Value: 10, Usage: "how many worst false positives and negatives to show"},
			&cli.IntFlag{Name: "workers", Value: runtime.NumCPU(), Usage: "batches checked in parallel"},
		},
		Action: evalAction,
	}
}

func evalAction(c *cli.Context) error {
	if c.NArg() > 0 {
		return usageError("eval takes no arguments; give the labeled files with --labels")
	}
	format := c.String("format")
	if format != "table" && format != "json" {
		return usageError("--format: unknown format %q (want table or json)", format)
	}
	if c.Int("worst") < 0 || c.Int("workers") < 1 {
		return usageError("--worst must be at least 0 and --workers at least 1")
	}
	fold, folds, err := parseFold(c.String("fold"))
	if err != nil {
		return usageError("--fold: %v", err)
	}
	var sites map[string]bool
	if c.String("split") != "" || c.String("part") != "" {
		if c.String("split") == "" || c.String("part") == "" {
			return usageError("--split and --part go together")
		}
		if sites, err = eval.ReadSplit(c.String("split"), c.String("part")); err != nil {
			return usageError("--split: %v", err)
		}
	}
	rs, err := evalRules(c, splitList(c.String("select")), splitList(c.String("ignore")))
	if err != nil {
		return err
	}
	var recs []*eval.Record
	for _, path := range c.StringSlice("labels") {
		rr, err := eval.Load(path)
		if err != nil {
			return cli.Exit(err.Error(), exitTrouble)
		}
		recs = append(recs, rr...)
	}
	rep := eval.Evaluate(recs, eval.Options{
		Rules:   rs,
		Workers: c.Int("workers"),
		Worst:   c.Int("worst"),
		Fold:    fold,
		Folds:   folds,
		Kinds:   splitList(c.String("kind")),
		Sites:   sites,
	})
	if folds > 1 {
		rep.Fold = fmt.Sprintf("pages of fold %d/%d", fold, folds)
	}
	if sites != nil {
		rep.Fold = strings.TrimPrefix(rep.Fold+", ", ", ") + "sites of the " + c.String("part") + " part of " + c.String("split")
	}
	if format == "json" {
		return eval.WriteJSON(c.App.Writer, rep)
	}
	return eval.WriteTable(c.App.Writer, rep)
}

// evalRules selects the rules to run: by default the rules users get (on by
// default); with selectors, those chosen. At least one must be a boilerplate rule.
func evalRules(c *cli.Context, sel, ign []string) ([]rules.Rule, error) {
	reg, err := registryOf(c)
	if err != nil {
		return nil, err
	}
	chosen, err := reg.Select(sel, ign)
	if err != nil {
		return nil, usageError("%v", err)
	}
	// Every chosen rule runs, because the safe deletions count what fix removes
	// through any rule; precision and recall count the boilerplate ones.
	for _, r := range chosen {
		if r.Meta().Category == rules.Boilerplate {
			return chosen, nil
		}
	}
	return nil, usageError("no boilerplate rule selected; eval measures rules of the boilerplate category")
}

// parseFold parses "K/N" with 1 <= K <= N; an empty string keeps every page.
func parseFold(s string) (fold, folds int, err error) {
	if s == "" {
		return 0, 0, nil
	}
	k, n, ok := strings.Cut(s, "/")
	fold, err1 := strconv.Atoi(strings.TrimSpace(k))
	folds, err2 := strconv.Atoi(strings.TrimSpace(n))
	if !ok || err1 != nil || err2 != nil || folds < 1 || fold < 1 || fold > folds {
		return 0, 0, fmt.Errorf("want K/N with 1 <= K <= N, such as 1/2; got %q", s)
	}
	return fold, folds, nil
}
