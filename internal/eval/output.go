package eval

import (
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/tw"
)

// WriteJSON writes the report as one indented JSON object, for machines.
func WriteJSON(w io.Writer, rep *Report) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(rep)
}

// WriteTable writes the report as tables for people: the line metrics by kind and
// by extractor, what each rule covers, the clean-article figure, the junk tails
// and the worst mistakes as text.
func WriteTable(w io.Writer, rep *Report) error {
	var names []string
	for _, f := range rep.Files {
		names = append(names, filepath.Base(f))
	}
	fmt.Fprintf(w, "Labels: %s", strings.Join(names, ", "))
	if rep.Fold != "" {
		fmt.Fprintf(w, " (scored: %s)", rep.Fold)
	}
	fmt.Fprintf(w, "\nRules: %s\n", strings.Join(rep.Rules, ", "))
	fmt.Fprintln(w, "A line is flagged when boilerplate findings cover at least half of its bytes;")
	fmt.Fprintln(w, "only lines labeled body or boilerplate count, flattened records are left out.")

	fmt.Fprintln(w, "\nBoilerplate lines by extractor kind")
	rows := append(append([]Row(nil), rep.Kinds...), rep.Total)
	if err := lineTable(w, rows, false); err != nil {
		return err
	}
	fmt.Fprintln(w, "\nBoilerplate lines by extractor")
	if err := lineTable(w, rep.Extractors, true); err != nil {
		return err
	}

	fmt.Fprintln(w, "\nLines each rule's own findings cover")
	t := newTable(w)
	t.Header("rule", "boilerplate", "body", "precision", "article bp", "article body", "article precision", "safe-deleted bp", "safe-deleted body", "safe precision")
	for _, r := range rep.ByRule {
		if err := t.Append([]string{r.Rule, itoa(r.Boilerplate), itoa(r.Body), pct(r.Precision, r.Boilerplate+r.Body),
			itoa(r.ArticleBP), itoa(r.ArticleBody), pct(r.ArticlePrecision, r.ArticleBP+r.ArticleBody),
			itoa(r.SafeBoilerplate), itoa(r.SafeBody), pct(r.SafePrecision, r.SafeBoilerplate+r.SafeBody)}); err != nil {
			return err
		}
	}
	if err := t.Render(); err != nil {
		return err
	}

	c := rep.Clean
	fmt.Fprintf(w, "\nClean ground-truth articles: %d of %d body lines flagged (%.2f%%) in %d records\n",
		c.Flagged, c.BodyLines, 100*c.Share, c.Records)
	fmt.Fprintf(w, "Clean ground-truth articles: %d of %d body lines deleted by safe fixes (%.2f%%)\n",
		c.Deleted, c.BodyLines, 100*c.DeletedShare)

	fmt.Fprintln(w, "\nSafe deletions (the lines `fix` removes on its first pass, every selected rule)")
	t = newTable(w)
	t.Header("kind", "records", "boilerplate", "body", "precision", "body lines", "body lost")
	for _, sr := range rep.Safe {
		if err := t.Append([]string{sr.Kind, itoa(sr.Records), itoa(sr.Boilerplate), itoa(sr.Body),
			pct(sr.Precision, sr.Boilerplate+sr.Body), itoa(sr.BodyLines), fmt.Sprintf("%.2f%%", 100*sr.BodyShare)}); err != nil {
			return err
		}
	}
	if err := t.Render(); err != nil {
		return err
	}

	fmt.Fprintln(w, "\nJunk tails (the last three lines with text all boilerplate; predicted when findings cover each)")
	t = newTable(w)
	t.Header("kind", "records", "tails", "predicted", "tp", "fp", "fn", "precision", "recall", "f1")
	for _, jt := range rep.JunkTail {
		if err := t.Append([]string{jt.Kind, itoa(jt.Records), itoa(jt.TP + jt.FN), itoa(jt.TP + jt.FP),
			itoa(jt.TP), itoa(jt.FP), itoa(jt.FN), pct(jt.Precision, jt.TP+jt.FP), pct(jt.Recall, jt.TP+jt.FN), f3(jt.F1)}); err != nil {
			return err
		}
	}
	if err := t.Render(); err != nil {
		return err
	}

	if len(rep.WorstFP) > 0 {
		fmt.Fprintln(w, "\nWorst false positives (body lines flagged)")
		if err := exampleTable(w, rep.WorstFP, true); err != nil {
			return err
		}
	}
	if len(rep.WorstFN) > 0 {
		fmt.Fprintln(w, "\nWorst false negatives (boilerplate lines not flagged)")
		if err := exampleTable(w, rep.WorstFN, false); err != nil {
			return err
		}
	}
	return nil
}

func newTable(w io.Writer) *tablewriter.Table {
	return tablewriter.NewTable(w, tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithRowAutoWrap(tw.WrapNone))
}

func lineTable(w io.Writer, rows []Row, withKind bool) error {
	t := newTable(w)
	hdr := []any{"records", "tp", "fp", "fn", "tn", "precision", "recall", "f1"}
	if withKind {
		hdr = append([]any{"extractor", "kind"}, hdr...)
	} else {
		hdr = append([]any{"kind"}, hdr...)
	}
	t.Header(hdr...)
	for _, r := range rows {
		cells := []string{itoa(r.Records), itoa(r.TP), itoa(r.FP), itoa(r.FN), itoa(r.TN),
			pct(r.Precision, r.TP+r.FP), pct(r.Recall, r.TP+r.FN), f3(r.F1)}
		if withKind {
			cells = append([]string{r.Name, r.Kind}, cells...)
		} else {
			cells = append([]string{r.Name}, cells...)
		}
		if err := t.Append(cells); err != nil {
			return err
		}
	}
	return t.Render()
}

func exampleTable(w io.Writer, exs []Example, withRule bool) error {
	t := newTable(w)
	if withRule {
		t.Header("record", "line", "score", "rules", "text")
	} else {
		t.Header("record", "line", "score", "text")
	}
	for _, ex := range exs {
		cells := []string{shortID(ex.Record), itoa(ex.Line), fmt.Sprintf("%.2f", ex.Score)}
		if withRule {
			cells = append(cells, ex.Rules)
		}
		cells = append(cells, clip(ex.Text, 100))
		if err := t.Append(cells); err != nil {
			return err
		}
	}
	return t.Render()
}

// shortID drops the source prefix of an id ("scrapinghub-aeb:").
func shortID(id string) string {
	if i := strings.IndexByte(id, ':'); i >= 0 && strings.Count(id, ":") >= 2 {
		return id[i+1:]
	}
	return id
}

func clip(s string, n int) string {
	s = strings.ReplaceAll(s, "\t", " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	i, k := 0, 0
	for i = range s {
		if k == n-1 {
			break
		}
		k++
	}
	return s[:i] + "…"
}

func itoa(n int) string { return strconv.Itoa(n) }

func f3(v float64) string { return fmt.Sprintf("%.3f", v) }

// pct prints a ratio with three decimals, or "-" when its denominator is zero.
func pct(v float64, den int) string {
	if den == 0 {
		return "-"
	}
	return f3(v)
}
