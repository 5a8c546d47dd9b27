package duplication_test

import (
	"bytes"
	"encoding"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/corpuslint/corpuslint/internal/engine"
	"github.com/corpuslint/corpuslint/internal/source"
	"github.com/corpuslint/corpuslint/rules"
	"github.com/corpuslint/corpuslint/rules/duplication"
	"github.com/corpuslint/corpuslint/rules/text"
)

// word returns a pseudo-word for n, so generated documents differ in words.
func word(n int) string {
	const syl = "ba be bi bo bu ka ke ki ko ku la le li lo lu ma me mi mo mu na ne ni no nu ra re ri ro ru sa se si so su ta te ti to tu"
	s := strings.Fields(syl)
	w := ""
	for n++; n > 0; n /= len(s) {
		w += s[n%len(s)]
	}
	return w
}

// corpus returns n documents in two files: each a paragraph of its own, with
// every seventh an exact copy (in other case and spacing) of an earlier one and
// every eleventh a near copy (one word in twenty changed) of an earlier one.
func corpus(n int) []*rules.Document {
	rng := rand.New(rand.NewPCG(1, 2))
	body := func(i int) []string {
		var ws []string
		for k := range 80 {
			ws = append(ws, word(i*131+k*7+rng.IntN(3)))
		}
		return ws
	}
	var texts [][]string
	docs := make([]*rules.Document, 0, n)
	for i := range n {
		var ws []string
		switch {
		case i > 0 && i%7 == 0:
			ws = texts[rng.IntN(len(texts))]
			t := strings.ToUpper(strings.Join(ws, "  ")) + "."
			texts = append(texts, ws)
			docs = append(docs, &rules.Document{Text: t})
			continue
		case i > 0 && i%11 == 0:
			src := texts[rng.IntN(len(texts))]
			ws = append([]string(nil), src...)
			for k := 0; k < len(ws); k += 20 {
				ws[k] = word(1_000_000 + i + k)
			}
		default:
			ws = body(i)
		}
		texts = append(texts, ws)
		docs = append(docs, &rules.Document{Text: strings.Join(ws, " ") + "."})
	}
	for i, d := range docs {
		d.Path = []string{"part-b.jsonl", "part-a.jsonl"}[i%2]
		d.Record = i/2 + 1
		d.ID = fmt.Sprintf("doc-%d", i)
	}
	return docs
}

// findingsOf checks every document with states and returns one line per
// finding: where, then the message.
func findingsOf(r rules.Rule, docs []*rules.Document, st rules.CorpusState) string {
	var b strings.Builder
	for _, d := range docs {
		for _, f := range rules.Run([]rules.Rule{r}, d, nil, map[string]rules.CorpusState{r.Meta().Name: st}) {
			fmt.Fprintf(&b, "%s:%d %s\n", d.Path, d.Record, f.Message)
		}
	}
	return b.String()
}

// mergeOrders observes docs in shards and merges them in several orders, each
// after a trip through the binary form, as Beam moves states; every order must
// give the same encoding and the same findings as one state observing all.
func mergeOrders(t *testing.T, r rules.Rule, docs []*rules.Document) {
	t.Helper()
	cr := r.(rules.CorpusRule)
	whole := cr.NewState()
	for _, d := range docs {
		whole.Observe(d, text.NewAnalysis(d.Text))
	}
	want := findingsOf(r, docs, whole)
	if want == "" {
		t.Fatal("no finding on the generated corpus")
	}
	wantBytes, err := whole.(encoding.BinaryMarshaler).MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(3, 4))
	for _, shards := range []int{2, 3, 8} {
		parts := make([]rules.CorpusState, shards)
		for i := range parts {
			parts[i] = cr.NewState()
		}
		for _, d := range docs {
			parts[rng.IntN(shards)].Observe(d, text.NewAnalysis(d.Text))
		}
		rng.Shuffle(shards, func(i, j int) { parts[i], parts[j] = parts[j], parts[i] })
		merged := cr.NewState()
		for _, p := range parts {
			b, err := p.(encoding.BinaryMarshaler).MarshalBinary()
			if err != nil {
				t.Fatal(err)
			}
			back := cr.NewState()
			if err := back.(encoding.BinaryUnmarshaler).UnmarshalBinary(b); err != nil {
				t.Fatalf("shards=%d: decoding: %v", shards, err)
			}
			merged.Merge(back)
		}
		got, _ := merged.(encoding.BinaryMarshaler).MarshalBinary()
		if !bytes.Equal(got, wantBytes) {
			t.Errorf("shards=%d: merged state encodes differently from the whole state", shards)
		}
		if f := findingsOf(r, docs, merged); f != want {
			t.Errorf("shards=%d: findings differ\n--- merged\n%s--- whole\n%s", shards, f, want)
		}
	}
	// A corrupt encoding is an error, never a panic or a half-read state.
	for cut := 0; cut < len(wantBytes); cut += 1 + len(wantBytes)/50 {
		if err := cr.NewState().(encoding.BinaryUnmarshaler).UnmarshalBinary(wantBytes[:cut]); err == nil {
			t.Errorf("a truncated encoding (%d of %d bytes) decoded without error", cut, len(wantBytes))
		}
	}
}

func TestDuplicateDocumentMergeAndCodec(t *testing.T) {
	mergeOrders(t, duplication.DuplicateDocument(), corpus(600))
}

// engineFindings runs the engine over the documents written as JSONL files on
// the given number of workers.
func engineFindings(t *testing.T, r rules.Rule, docs []*rules.Document, workers int) string {
	t.Helper()
	// One folder for every run: cluster ids derive from the kept member's path.
	dir := filepath.Join(os.TempDir(), "corpuslint-duplication-test-"+r.Meta().Name)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	files := map[string]*bytes.Buffer{}
	var names []string
	for _, d := range docs {
		if files[d.Path] == nil {
			files[d.Path] = new(bytes.Buffer)
			names = append(names, filepath.Join(dir, d.Path))
		}
		line, _ := json.Marshal(map[string]string{"id": d.ID, "text": d.Text})
		files[d.Path].Write(append(line, '\n'))
	}
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(dir, name), b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var out strings.Builder
	err := engine.Run(names, engine.Options{Rules: []rules.Rule{r}, Workers: workers, Source: source.Options{TextField: "text", IDField: "id"}},
		func(res *engine.Result) error {
			if res.Report == nil {
				return fmt.Errorf("input error: %v", res.Item.Err)
			}
			for _, f := range res.Report.Findings {
				fmt.Fprintf(&out, "%s:%d %s\n", filepath.Base(res.Report.Path), res.Report.Record, strings.ReplaceAll(f.Message, dir+"/", ""))
			}
			return nil
		})
	if err != nil {
		t.Fatal(err)
	}
	return out.String()
}

// The engine's two passes give the same findings on 1, 2 and 8 workers.
func TestDuplicateDocumentWorkers(t *testing.T) {
	r := duplication.DuplicateDocument()
	docs := corpus(600)
	one := engineFindings(t, r, docs, 1)
	if strings.Count(one, "\n") < 50 {
		t.Fatalf("want the generated copies flagged, got\n%s", one)
	}
	for _, w := range []int{2, 8} {
		if got := engineFindings(t, r, docs, w); got != one {
			t.Errorf("workers=%d: findings differ from one worker's\n--- %d\n%s--- 1\n%s", w, w, got, one)
		}
	}
	// Each flagged copy names a first copy in part-a before part-b, or an
	// earlier record of its file.
	if !strings.Contains(one, "part-b.jsonl:") || !strings.Contains(one, "(part-a.jsonl:") {
		t.Errorf("unexpected findings\n%s", one)
	}
}
