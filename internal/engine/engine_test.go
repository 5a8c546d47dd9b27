package engine

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/corpuslint/corpuslint/internal/engine/process"
	"github.com/corpuslint/corpuslint/internal/jsonenc"
	"github.com/corpuslint/corpuslint/internal/source"
	"github.com/corpuslint/corpuslint/rules"
	"github.com/corpuslint/corpuslint/rules/builtin"
	"github.com/corpuslint/corpuslint/rules/text"
)

// lineCount is a corpus rule for tests: it flags lines that occur in at least two
// documents of the batch.
type lineCount struct{}

type lineCountState struct {
	counts map[string]int
}

func (lineCount) Meta() rules.Meta {
	return rules.Meta{Name: "repeated-test-line", Category: rules.Boilerplate, Severity: rules.Warning}
}

func (lineCount) NewState() rules.CorpusState { return &lineCountState{counts: map[string]int{}} }

func (s *lineCountState) Observe(doc *rules.Document, a *text.Analysis) {
	seen := map[string]bool{}
	for i := range a.Lines() {
		l := a.LineText(i)
		if l != "" && !seen[l] {
			seen[l] = true
			s.counts[l]++
		}
	}
}

func (s *lineCountState) Merge(o rules.CorpusState) {
	for k, v := range o.(*lineCountState).counts {
		s.counts[k] += v
	}
}

func (lineCount) Check(p *rules.Pass) {
	st := p.Corpus.(*lineCountState)
	a := p.Analysis
	for i, l := range a.Lines() {
		if n := st.counts[a.LineText(i)]; n >= 2 {
			p.Reportf(l.Start, l.End, "line occurs in %d documents", n)
		}
	}
}

func writeJSONL(t testing.TB, path string, texts []string) {
	var b []byte
	for i, s := range texts {
		b = fmt.Appendf(b, `{"id":"d%d","text":`, i)
		b = jsonenc.AppendString(b, s)
		b = append(b, "}\n"...)
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestRunKeepsInputOrder(t *testing.T) {
	dir := t.TempDir()
	var texts []string
	for i := range 1000 {
		texts = append(texts, fmt.Sprintf("Document %d.\nShared footer line\n%d %s", i, i, strings.Repeat("x ", i%97)))
	}
	p := filepath.Join(dir, "a.jsonl")
	writeJSONL(t, p, texts)
	for _, workers := range []int{1, 2, 7} {
		var ids []string
		findings := 0
		err := Run([]string{p}, Options{Rules: []rules.Rule{lineCount{}}, Workers: workers, Source: source.Options{TextField: "text", IDField: "id"}},
			func(r *Result) error {
				if r.Item.Err != nil {
					t.Fatal(r.Item.Err)
				}
				ids = append(ids, r.Report.ID)
				findings += len(r.Report.Findings)
				return nil
			})
		if err != nil {
			t.Fatal(err)
		}
		if len(ids) != 1000 {
			t.Fatalf("workers=%d: %d documents, want 1000", workers, len(ids))
		}
		for i, id := range ids {
			if id != fmt.Sprintf("d%d", i) {
				t.Fatalf("workers=%d: document %d is %s: order lost", workers, i, id)
			}
		}
		// The corpus rule saw every document in its first pass: the shared footer
		// (and nothing else) recurs.
		if findings != 1000 {
			t.Errorf("workers=%d: %d findings, want one footer per document", workers, findings)
		}
	}
}

func TestRunStopsOnSinkError(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.jsonl")
	texts := make([]string, 5000)
	for i := range texts {
		texts[i] = "text"
	}
	writeJSONL(t, p, texts)
	n := 0
	err := Run([]string{p}, Options{Workers: 2, Source: source.Options{TextField: "text"}}, func(*Result) error {
		n++
		if n == 10 {
			return fmt.Errorf("stop")
		}
		return nil
	})
	if err == nil || err.Error() != "stop" || n != 10 {
		t.Errorf("err = %v after %d results", err, n)
	}
}

func TestCheckerPositionsAndFix(t *testing.T) {
	reg, _ := rules.NewRegistry(builtin.Builtin()...)
	defaults, _ := reg.Select(nil, nil)
	c := NewChecker(Options{Rules: defaults, Fix: true, Processors: []process.Processor{process.Sort{}}}, nil)
	doc := &rules.Document{Text: "Café owners met.\n-\nThey left.", Path: "x.txt", ID: "x.txt"}
	rd, res := c.Check(doc)
	if len(rd.Findings) == 0 {
		t.Fatal("no finding on a lone dash line")
	}
	it := rd.Findings[0]
	if it.Line != 2 || it.Col != 1 || it.EndLine != 2 || it.EndCol != 2 {
		t.Errorf("position %d:%d-%d:%d, want 2:1-2:2", it.Line, it.Col, it.EndLine, it.EndCol)
	}
	if res.Text != "Café owners met.\nThey left." || rd.Fixed != res.Text {
		t.Errorf("fixed = %q", res.Text)
	}
}
