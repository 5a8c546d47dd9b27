package eval

import (
	"bytes"
	"encoding/json"
	"math"
	"strings"
	"testing"

	"github.com/corpuslint/corpuslint/rules"
)

// junkRule flags every line from "JUNK" to its end: a rule whose findings are
// known exactly, so the metrics can be computed by hand.
type junkRule struct{ category rules.Category }

func (r junkRule) Meta() rules.Meta {
	return rules.Meta{Name: "junk", Category: r.category, Severity: rules.Warning, Title: "junk", Doc: "test rule"}
}

func (junkRule) Check(p *rules.Pass) {
	a := p.Analysis
	for i := range a.Lines() {
		l := a.Lines()[i]
		if k := strings.Index(a.Text()[l.Start:l.End], "JUNK"); k >= 0 {
			p.Reportf(l.Start+k, l.End, "junk")
		}
	}
}

func loadTiny(t *testing.T) []*Record {
	t.Helper()
	recs, err := Load("../../testdata/eval/tiny.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 5 {
		t.Fatalf("want 5 records, got %d", len(recs))
	}
	return recs
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

// The figures of the tiny fixture, computed by hand (see testdata/eval/tiny.jsonl):
//
//	p1:toolA (article)  JUNK lines 2,5,6,7 boilerplate, flagged: TP 4; body lines 1,3: TN 2;
//	                    the title line is left out; the last three lines are a flagged junk tail.
//	p2:toolA (article)  "JUNK but body" flagged body: FP; the boilerplate line is missed: FN;
//	                    "... ends with a JUNK" is covered for 4 of 31 bytes, under half: TN;
//	                    "***" (notext) is left out; no junk tail, none predicted.
//	p1:gt (ground truth) one of three body lines flagged: FP 1, TN 2, share 1/3.
//	p3:toolB            flattened: left out of the line metrics.
//	p1:toolB (fullpage) two flagged menu lines TP 2, body TN 1, missed copyright FN 1.
func TestEvaluateByHand(t *testing.T) {
	rep := Evaluate(loadTiny(t), Options{Rules: []rules.Rule{junkRule{rules.Boilerplate}}, Worst: 10, Workers: 2})
	art := rep.Kind(KindArticle)
	if art.Counts != (Counts{TP: 4, FP: 1, FN: 1, TN: 3}) || art.Records != 2 {
		t.Errorf("article row %+v", art)
	}
	if !near(art.Precision, 0.8) || !near(art.Recall, 0.8) || !near(art.F1, 0.8) {
		t.Errorf("article P/R/F1 %v %v %v, want 0.8 each", art.Precision, art.Recall, art.F1)
	}
	full := rep.Kind("fullpage_text")
	if full.Counts != (Counts{TP: 2, FN: 1, TN: 1}) || full.Records != 1 {
		t.Errorf("fullpage_text row %+v (the flattened record must be left out)", full)
	}
	if rep.Total.Counts != (Counts{TP: 6, FP: 2, FN: 2, TN: 6}) || !near(rep.Total.Precision, 0.75) {
		t.Errorf("total %+v", rep.Total)
	}
	if c := rep.Clean; c.Records != 1 || c.BodyLines != 3 || c.Flagged != 1 || !near(c.Share, 1.0/3) {
		t.Errorf("ground truth %+v", c)
	}
	jt := rep.Tail(KindArticle)
	if jt.Records != 2 || jt.Counts != (Counts{TP: 1, TN: 1}) || !near(jt.Precision, 1) || !near(jt.Recall, 1) {
		t.Errorf("article junk tail %+v", jt)
	}
	var names []string
	for _, e := range rep.Extractors {
		names = append(names, e.Name+"/"+e.Kind)
	}
	if got := strings.Join(names, ","); got != "toolA/article,toolB/fullpage_text,ground_truth/ground_truth" {
		t.Errorf("extractor rows %s", got)
	}
	// Worst false positives: the confidently-body line first.
	if len(rep.WorstFP) != 2 || rep.WorstFP[0].Text != "JUNK in clean body." || rep.WorstFP[1].Text != "JUNK but body" {
		t.Errorf("worst false positives %+v", rep.WorstFP)
	}
	if rep.WorstFP[0].Line != 2 || rep.WorstFP[0].Rules != "junk" || rep.WorstFP[0].Message != "junk" {
		t.Errorf("worst false positive details %+v", rep.WorstFP[0])
	}
	if len(rep.WorstFN) != 2 || rep.WorstFN[0].Text != "A boilerplate line not flagged" {
		t.Errorf("worst false negatives %+v", rep.WorstFN)
	}
	if len(rep.ByRule) != 1 || rep.ByRule[0].Boilerplate != 6 || rep.ByRule[0].Body != 2 || rep.ByRule[0].ArticleBody != 1 {
		t.Errorf("by rule %+v", rep.ByRule)
	}
}

// Findings of rules outside the boilerplate category do not count.
func TestEvaluateOnlyBoilerplate(t *testing.T) {
	rep := Evaluate(loadTiny(t), Options{Rules: []rules.Rule{junkRule{rules.Quality}}})
	if rep.Total.TP+rep.Total.FP != 0 || len(rep.Rules) != 0 {
		t.Errorf("a quality rule was scored: %+v", rep.Total)
	}
}

func TestFolds(t *testing.T) {
	recs := loadTiny(t)
	a := Evaluate(recs, Options{Rules: []rules.Rule{junkRule{rules.Boilerplate}}, Fold: 1, Folds: 2})
	b := Evaluate(recs, Options{Rules: []rules.Rule{junkRule{rules.Boilerplate}}, Fold: 2, Folds: 2})
	all := Evaluate(recs, Options{Rules: []rules.Rule{junkRule{rules.Boilerplate}}})
	sum := a.Total.Counts
	sum.add(b.Total.Counts)
	if sum != all.Total.Counts {
		t.Errorf("the two folds %+v + %+v do not add up to %+v", a.Total.Counts, b.Total.Counts, all.Total.Counts)
	}
	for _, id := range []string{"p1", "p2", "p3"} {
		if InFold(id, 1, 2) == InFold(id, 2, 2) {
			t.Errorf("page %s is in both folds or in none", id)
		}
	}
}

func TestCovered(t *testing.T) {
	lines := []Line{{Start: 0, End: 10}, {Start: 11, End: 21}, {Start: 22, End: 26}, {Start: 30, End: 30}}
	for _, tc := range []struct {
		spans []span
		want  string
	}{
		{nil, "----"},
		{[]span{{0, 5}}, "x---"},             // exactly half
		{[]span{{0, 4}}, "----"},             // under half
		{[]span{{0, 3}, {2, 5}}, "x---"},     // overlapping spans merge
		{[]span{{13, 17}, {8, 11}}, "----"},  // 4 of 10 in line 2, 2 of 10 in line 1
		{[]span{{13, 17}, {17, 18}}, "-x--"}, // adjacent spans add up to half
		{[]span{{5, 30}}, "xxx-"},            // one span over several lines; empty line never
		{[]span{{24, 26}, {0, 0}, {100, 200}}, "--x-"},
	} {
		got := covered(lines, tc.spans)
		var b strings.Builder
		for _, c := range got {
			if c {
				b.WriteByte('x')
			} else {
				b.WriteByte('-')
			}
		}
		if b.String() != tc.want {
			t.Errorf("covered(%v) = %s, want %s", tc.spans, b.String(), tc.want)
		}
	}
}

func TestLoadErrors(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{`{"id":"a","extractor_kind":"article","text":"abc","lines":[{"start":0,"end":9,"label":"body"}]}`, "outside the text"},
		{`{"id":"a","text":"abc","lines":[]}`, "no extractor_kind"},
		{`{"id":`, "x.jsonl:1"},
		{"{\"id\":\"a\",\"extractor_kind\":\"article\",\"text\":\"\xff\"}", "UTF-8"},
	} {
		_, err := Read("x.jsonl", strings.NewReader(tc.in+"\n"))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: err %v, want %q", tc.in, err, tc.want)
		}
	}
}

func TestWriters(t *testing.T) {
	rep := Evaluate(loadTiny(t), Options{Rules: []rules.Rule{junkRule{rules.Boilerplate}}, Worst: 3})
	var tb bytes.Buffer
	if err := WriteTable(&tb, rep); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Boilerplate lines by extractor kind", "toolA", "1 of 3 body lines flagged (33.33%)",
		"Junk tails", "Worst false positives", "JUNK in clean body."} {
		if !strings.Contains(tb.String(), want) {
			t.Errorf("table output lacks %q:\n%s", want, tb.String())
		}
	}
	var jb bytes.Buffer
	if err := WriteJSON(&jb, rep); err != nil {
		t.Fatal(err)
	}
	var back Report
	if err := json.Unmarshal(jb.Bytes(), &back); err != nil {
		t.Fatal(err)
	}
	if back.Total.Counts != rep.Total.Counts || back.Kind(KindArticle).Precision != 0.8 {
		t.Errorf("JSON round trip lost figures: %+v", back.Total)
	}
}
