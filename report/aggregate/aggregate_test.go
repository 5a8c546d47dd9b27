package aggregate_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/corpuslint/corpuslint/report"
	"github.com/corpuslint/corpuslint/report/aggregate"
	"github.com/corpuslint/corpuslint/rules"
)

// synthDoc builds the i-th document of a synthetic batch: a spread of lengths,
// hosts, boilerplate spans, scores and fixes, all derived from i.
func synthDoc(i int, hosts int) *report.Document {
	words := 1 + (i*37)%900
	var b strings.Builder
	for w := range words {
		if w > 0 {
			b.WriteByte(' ')
		}
		fmt.Fprintf(&b, "w%d", w%13)
		if w%17 == 16 {
			b.WriteByte('\n')
		}
	}
	text := b.String()
	d := &report.Document{
		Path: fmt.Sprintf("part-%d.jsonl", i%3), Record: i + 1, ID: fmt.Sprintf("doc-%d", i),
		URL:  fmt.Sprintf("https://www.site%d.example/page/%d", i%hosts, i),
		Text: text, Fixed: text,
	}
	n := len(text)
	switch i % 5 {
	case 0: // a boilerplate tail with a safe fix and a score
		start := n / 2
		d.Findings = append(d.Findings, report.Item{Finding: rules.Finding{
			Rule: "trailing-headlines", Category: rules.Boilerplate, Severity: rules.Warning,
			Start: start, End: n, Message: "tail",
			Fix:   &rules.Fix{Message: "delete", Edits: []rules.Edit{{Start: start, End: n}}},
			Score: &rules.Score{Name: "related_headline_share", Value: float64(i%7) / 28, Op: "<=", Threshold: 0.25},
		}, Line: 1, Col: start + 1, EndLine: 1, EndCol: n + 1})
		d.Fixed = text[:start]
	case 1: // two typography findings
		d.Findings = append(d.Findings,
			report.Item{Finding: rules.Finding{Rule: "stray-dash", Category: rules.Typography, Severity: rules.Warning,
				Start: 0, End: 1, Message: "dash"}, Line: 1, Col: 1, EndLine: 1, EndCol: 2},
			report.Item{Finding: rules.Finding{Rule: "repeated-spaces", Category: rules.Typography, Severity: rules.Info,
				Start: 1, End: 2, Message: "spaces"}, Line: 1, Col: 2, EndLine: 1, EndCol: 3})
	case 2: // an error with a measured score and overlapping boilerplate
		d.Findings = append(d.Findings,
			report.Item{Finding: rules.Finding{Rule: "gopher-quality", Category: rules.Quality, Severity: rules.Error,
				Start: 0, End: n, Message: "low quality",
				Score: &rules.Score{Name: "mean_word_length", Value: 2 + float64(i%11)/4, Op: "<", Threshold: 3}},
				Line: 1, Col: 1, EndLine: 1, EndCol: n + 1},
			report.Item{Finding: rules.Finding{Rule: "boiler-a", Category: rules.Boilerplate, Severity: rules.Info,
				Start: 0, End: n / 3, Message: "a"}, Line: 1, Col: 1, EndLine: 1, EndCol: n/3 + 1},
			report.Item{Finding: rules.Finding{Rule: "boiler-b", Category: rules.Boilerplate, Severity: rules.Info,
				Start: n / 4, End: n / 2, Message: "b"}, Line: 1, Col: n/4 + 1, EndLine: 1, EndCol: n/2 + 1})
	}
	return d
}

func aggregateOf(docs []*report.Document) *aggregate.Aggregate {
	a := aggregate.New(aggregate.Options{WorstDocs: 7, ExamplesPerRule: 2, Domains: 50, Fixes: true})
	a.NoteRules("trailing-headlines", "stray-dash", "quiet-rule")
	for _, d := range docs {
		a.Add(d)
	}
	return a
}

func jsonOf(t *testing.T, a *aggregate.Aggregate) string {
	t.Helper()
	var buf bytes.Buffer
	if err := a.WriteJSON(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// TestAggregateMerge checks that aggregating parts and merging them in order gives
// the same aggregate as one pass, also after a JSON round trip of each part.
func TestAggregateMerge(t *testing.T) {
	var docs []*report.Document
	for i := range 600 {
		docs = append(docs, synthDoc(i, 30))
	}
	whole := jsonOf(t, aggregateOf(docs))

	parts := [][]*report.Document{docs[:100], docs[100:101], docs[101:450], docs[450:]}
	merged := aggregateOf(nil)
	for _, p := range parts {
		part := aggregateOf(p)
		back, err := aggregate.Read(strings.NewReader(jsonOf(t, part)))
		if err != nil {
			t.Fatal(err)
		}
		merged.Merge(back)
	}
	if diff := jsonDiff(whole, jsonOf(t, merged)); diff != "" {
		t.Errorf("merged parts differ from one pass: %s", diff)
	}
}

// jsonDiff compares two JSON documents, floats within a relative 1e-9 (sums added in
// another order differ in the last bits), and names the first difference.
func jsonDiff(a, b string) string {
	var x, y any
	if err := json.Unmarshal([]byte(a), &x); err != nil {
		return err.Error()
	}
	if err := json.Unmarshal([]byte(b), &y); err != nil {
		return err.Error()
	}
	return valueDiff("$", x, y)
}

func valueDiff(path string, x, y any) string {
	switch xv := x.(type) {
	case map[string]any:
		yv, ok := y.(map[string]any)
		if !ok || len(xv) != len(yv) {
			return fmt.Sprintf("%s: %v vs %v", path, x, y)
		}
		for k := range xv {
			if d := valueDiff(path+"."+k, xv[k], yv[k]); d != "" {
				return d
			}
		}
	case []any:
		yv, ok := y.([]any)
		if !ok || len(xv) != len(yv) {
			return fmt.Sprintf("%s: %v vs %v", path, x, y)
		}
		for i := range xv {
			if d := valueDiff(fmt.Sprintf("%s[%d]", path, i), xv[i], yv[i]); d != "" {
				return d
			}
		}
	case float64:
		yv, ok := y.(float64)
		if !ok || math.Abs(xv-yv) > 1e-9*math.Max(1, math.Abs(xv)) {
			return fmt.Sprintf("%s: %v vs %v", path, x, y)
		}
	default:
		if x != y {
			return fmt.Sprintf("%s: %v vs %v", path, x, y)
		}
	}
	return ""
}

// TestAggregateBounded feeds 100,000 documents, each from its own host, and checks
// that what the aggregate keeps stays within its limits.
func TestAggregateBounded(t *testing.T) {
	const n = 100_000
	opt := aggregate.Options{WorstDocs: 10, ExamplesPerRule: 3, Domains: 200, DiffRows: 20, Fixes: true}
	a := aggregate.New(opt)
	base := make([]*report.Document, 1000)
	for i := range base {
		base[i] = synthDoc(i, 1)
	}
	for i := range n {
		d := *base[i%len(base)]
		d.URL = fmt.Sprintf("https://host%d.example/", i) // a new host per document
		d.Record = i + 1
		a.Add(&d)
		if len(a.Worst) > opt.WorstDocs {
			t.Fatalf("after %d documents the heap holds %d worst documents", i+1, len(a.Worst))
		}
		if len(a.Domains.Hosts) >= 2*opt.Domains {
			t.Fatalf("after %d documents the host map holds %d hosts", i+1, len(a.Domains.Hosts))
		}
	}
	if a.Documents != n {
		t.Fatalf("counted %d documents", a.Documents)
	}
	if len(a.Worst) != opt.WorstDocs {
		t.Errorf("kept %d worst documents, want %d", len(a.Worst), opt.WorstDocs)
	}
	for name, rs := range a.Rules {
		if len(rs.Examples) > opt.ExamplesPerRule {
			t.Errorf("rule %s kept %d examples", name, len(rs.Examples))
		}
	}
	for _, w := range a.WorstDocuments() {
		if len(w.Diff) > opt.DiffRows {
			t.Errorf("a worst document kept %d diff rows", len(w.Diff))
		}
	}
	var docs int64
	for _, c := range a.Domains.Hosts {
		docs += c.Documents
	}
	if docs+a.Domains.Other.Documents != n {
		t.Errorf("hosts (%d) and pruned (%d) do not add up to %d documents", docs, a.Domains.Other.Documents, n)
	}
	if a.Domains.PrunedHosts == 0 {
		t.Error("the host map was never pruned")
	}
	if size := len(jsonOf(t, a)); size > 256<<10 {
		t.Errorf("the aggregate of %d documents is %d bytes of JSON", n, size)
	}
	var page bytes.Buffer
	if err := aggregate.WriteHTML(&page, a, aggregate.RenderOptions{}); err != nil {
		t.Fatal(err)
	}
	if page.Len() > 1<<20 {
		t.Errorf("the HTML report of %d documents is %d bytes", n, page.Len())
	}
	// The worst documents are the errors (severity 3 + two infos, in
	// hundredths), best first.
	w := a.WorstDocuments()
	if w[0].Badness != 500 || w[len(w)-1].Badness > w[0].Badness {
		t.Errorf("worst documents not ranked: first badness %d, last %d", w[0].Badness, w[len(w)-1].Badness)
	}
}

func TestAggregateCounts(t *testing.T) {
	text := "Header line\nBody text here.\nFooter"
	d := &report.Document{Path: "a.txt", ID: "a.txt", URL: "http://WWW.News.Example:8080/x?y", Text: text,
		Fixed: "Body text here.\n",
		Findings: []report.Item{
			{Finding: rules.Finding{Rule: "b1", Category: rules.Boilerplate, Severity: rules.Warning, Start: 0, End: 12, Message: "m",
				Fix: &rules.Fix{Message: "del", Edits: []rules.Edit{{Start: 0, End: 12}}}}, Line: 1, Col: 1, EndLine: 2, EndCol: 1},
			{Finding: rules.Finding{Rule: "b2", Category: rules.Boilerplate, Severity: rules.Warning, Start: 6, End: 12, Message: "m"},
				Line: 1, Col: 7, EndLine: 2, EndCol: 1},
			{Finding: rules.Finding{Rule: "b1", Category: rules.Boilerplate, Severity: rules.Warning, Start: 28, End: 34, Message: "m"},
				Line: 3, Col: 1, EndLine: 3, EndCol: 7},
		}}
	a := aggregate.New(aggregate.Options{Fixes: true})
	a.Add(d)
	a.Add(&report.Document{Path: "b.txt", ID: "b.txt", Text: "", Fixed: ""})
	a.AddError()
	if a.Documents != 2 || a.Flagged != 1 || a.Findings != 3 || a.Errors != 1 || a.Words != 6 {
		t.Errorf("counts: %+v", a)
	}
	if a.BoilerplateBytes != 18 {
		t.Errorf("boilerplate bytes %d, want 18 (12 + 6, overlaps once)", a.BoilerplateBytes)
	}
	if a.FixedDocs != 1 || a.FixRemovedBytes != int64(len(text)-16) {
		t.Errorf("fixes: %d documents, %d bytes", a.FixedDocs, a.FixRemovedBytes)
	}
	if rs := a.Rules["b1"]; rs.Findings != 2 || rs.Documents != 1 || rs.Fixable != 1 || rs.Severity["warning"] != 2 {
		t.Errorf("b1 stats: %+v", rs)
	}
	if c := a.Domains.Hosts["news.example"]; c == nil || c.Flagged != 1 || c.Findings != 3 {
		t.Errorf("hosts: %v", a.Domains.Hosts)
	}
	if a.Domains.NoURL != 1 {
		t.Errorf("no-URL count %d", a.Domains.NoURL)
	}
	ex := a.Rules["b1"].Examples[0]
	if ex.Before != "" || ex.Match != "Header line\n" || ex.After != "Body text here." {
		t.Errorf("example context: %q %q %q", ex.Before, ex.Match, ex.After)
	}
	if q := a.QuietRules(); len(q) != 0 {
		t.Errorf("quiet rules without NoteRules: %v", q)
	}
}

func TestThresholdRows(t *testing.T) {
	a := aggregate.New(aggregate.Options{})
	// Flagged when value < 10: values 1..9, one document each.
	for v := 1; v <= 9; v++ {
		a.Add(&report.Document{Path: "p", Text: "x", Findings: []report.Item{{Finding: rules.Finding{
			Rule: "r", Severity: rules.Warning, Start: 0, End: 1,
			Score: &rules.Score{Name: "s", Value: float64(v), Op: "<", Threshold: 10}}}}})
	}
	st := a.Scores[aggregate.ScoreKey("s", "<", 10)]
	got := map[string]aggregate.ThresholdRow{}
	for _, r := range st.ThresholdRows() {
		got[r.Label] = r
	}
	// At 7.5, values 1..7 stay flagged and 8, 9 pass; at 9, 1..8 stay.
	for label, want := range map[string][2]int64{"-25%": {7, 2}, "-10%": {8, 1}, "current": {9, 0}, "+10%": {9, 0}, "+25%": {9, 0}} {
		if r := got[label]; r.Flagged != want[0] || r.Unflagged != want[1] || r.Newly != 0 {
			t.Errorf("%s: flagged %d unflagged %d newly %d, want %v", label, r.Flagged, r.Unflagged, r.Newly, want)
		}
	}
	if got["-25%"].Threshold != 7.5 {
		t.Errorf("-25%% threshold %v", got["-25%"].Threshold)
	}
}

func TestHistogramQuantile(t *testing.T) {
	a := aggregate.New(aggregate.Options{})
	for _, w := range []int{0, 1, 3, 5, 100, 1000} {
		a.Add(&report.Document{Path: "p", Text: strings.Repeat("w ", w)})
	}
	h := a.Length
	if h.N != 6 || h.Min != 0 || h.Max != 1000 || h.Counts[0] != 1 || h.Counts[1] != 1 || h.Counts[2] != 1 || h.Counts[3] != 1 {
		t.Errorf("length histogram: %+v", h)
	}
	if m := h.Quantile(0.5); m < 3 || m > 7 {
		t.Errorf("median %v, want within the 4-7 bin", m)
	}
	if h.Quantile(1) != 1000 || h.Quantile(0) != 0 {
		t.Errorf("extremes %v %v", h.Quantile(0), h.Quantile(1))
	}
}

func TestHost(t *testing.T) {
	for in, want := range map[string]string{
		"https://www.Example.com/a/b":   "example.com",
		"http://user:pw@news.site:8080": "news.site",
		"//cdn.example.org/x":           "cdn.example.org",
		"https://[::1]:443/":            "[::1]",
		"example.com/no-scheme":         "",
		"":                              "",
		"https://example.com.?q#f":      "example.com",
	} {
		if got := aggregate.Host(in); got != want {
			t.Errorf("Host(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestReadRejects(t *testing.T) {
	for _, in := range []string{`{"version": 99}`, `not json`, `{"version":1,"length":{"counts":[]}}`} {
		if _, err := aggregate.Read(strings.NewReader(in)); err == nil {
			t.Errorf("Read(%q) accepted it", in)
		}
	}
}

func TestSideBySide(t *testing.T) {
	a := "one\ntwo -\nthree\nfour\nfive\nsix\nseven\n-\nHead A\nHead B"
	b := "one\ntwo\nthree\nfour\nfive\nsix\nseven"
	rows, cut := aggregate.SideBySide(a, b, 1, 100)
	var kinds []string
	for _, r := range rows {
		kinds = append(kinds, r.Kind)
	}
	want := "same change same skip same del del del"
	if strings.Join(kinds, " ") != want || cut != 0 {
		t.Errorf("rows %v (cut %d), want %s", kinds, cut, want)
	}
	ch := rows[1]
	if ch.OldLine != 2 || ch.NewLine != 2 || len(ch.Old) != 2 || ch.Old[1].Text != " -" || !ch.Old[1].Mark || ch.New[0].Text != "two" {
		t.Errorf("changed row: %+v", ch)
	}
	if rows[3].Skip != 3 {
		t.Errorf("skip row %+v", rows[3])
	}
	if rows, cut := aggregate.SideBySide(a, b, 1, 2); len(rows) != 2 || cut != 6 {
		t.Errorf("cap: %d rows, %d cut", len(rows), cut)
	}
	if rows, _ := aggregate.SideBySide("same", "same", 3, 10); rows != nil {
		t.Error("equal texts gave rows")
	}
}

// BenchmarkAggregateAdd measures folding one document into an aggregate.
func BenchmarkAggregateAdd(b *testing.B) {
	docs := make([]*report.Document, 500)
	var size int64
	for i := range docs {
		docs[i] = synthDoc(i, 40)
		size += int64(len(docs[i].Text))
	}
	a := aggregate.New(aggregate.Options{Fixes: true})
	b.SetBytes(size / int64(len(docs)))
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		a.Add(docs[i%len(docs)])
	}
}

// TestWorstAndDomainRanking: one cause repeated many times does not outrank
// several causes, and domains rank by findings per kilobyte, not by the share
// of flagged documents (which is 100% for both hosts here).
func TestWorstAndDomainRanking(t *testing.T) {
	a := aggregate.New(aggregate.Options{Domains: 10, WorstDocs: 5, ExamplesPerRule: 1})
	f := func(rule string, n int) []report.Item {
		var out []report.Item
		for range n {
			out = append(out, report.Item{Finding: rules.Finding{Rule: rule, Category: rules.Encoding, Severity: rules.Warning, Start: 0, End: 1, Message: "m"}, Line: 1, Col: 1})
		}
		return out
	}
	hyphens := &report.Document{Path: "a.jsonl", Record: 1, ID: "hyphens", URL: "https://long.example/1", Text: strings.Repeat("word ", 2000), Findings: f("soft-hyphen", 606)}
	var many []report.Item
	for _, r := range []string{"mojibake", "html-tags", "stray-dash", "broken-quotes", "html-entities", "wiki-markup"} {
		many = append(many, f(r, 1)...)
	}
	varied := &report.Document{Path: "a.jsonl", Record: 2, ID: "varied", URL: "https://short.example/1", Text: "short text here", Findings: many}
	a.Add(hyphens)
	a.Add(varied)
	w := a.WorstDocuments()
	if len(w) != 2 || w[0].ID != "varied" {
		t.Errorf("worst first = %s (badness %d), want varied", w[0].ID, w[0].Badness)
	}
	d := a.TopDomains(10, 1)
	if len(d) != 2 || d[0].Host != "short.example" || d[0].Rate != 1 || d[1].Rate != 1 {
		t.Errorf("domains = %+v, want short.example first (more findings per KB)", d)
	}
}
