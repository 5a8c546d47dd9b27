package quality_test

import (
	"bufio"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/corpuslint/corpuslint/rules"
	"github.com/corpuslint/corpuslint/rules/quality"
	"github.com/corpuslint/corpuslint/rules/rulestest"
)

func TestGopherQuality(t *testing.T) {
	rulestest.Run(t, quality.GopherQuality(), "../../testdata/rules/gopher-quality")
}

func TestFineWebQuality(t *testing.T) {
	rulestest.Run(t, quality.FineWebQuality(), "../../testdata/rules/fineweb-quality")
}

func TestC4Quality(t *testing.T) {
	rulestest.Run(t, quality.C4Quality(), "../../testdata/rules/c4-quality")
}

func TestC4Lines(t *testing.T) {
	rulestest.Run(t, quality.C4Lines(), "../../testdata/rules/c4-lines")
}

// fuzzSeeds are inputs that exercise the tokenizer's corners: affixes around
// special cases, infixes, URLs, white space Python counts and Go does not.
var fuzzSeeds = []string{
	"", " ", "\n", "\x1c", "\u00a0", "\u2028x", "a\r\nb\rc\u0085d",
	"(AP): x-a. word:) (1-8) rock-and/or word'' don't-stop",
	"U.S.-based e-mail 5km 10% $5.30 US$5 end.The www.example.com/foo. Mr. Smith 3pm -5",
	"...... …… .. ― — – -- --- ~~ ^_^ ¯\\(ツ)/¯ 😀😀 ©®°",
	"[1] [edit] [citation needed] [] [١٢] lorem IPSUM {x} JavaScript cookie policy",
	strings.Repeat(")", 200) + strings.Repeat("(", 200) + strings.Repeat(".", 100),
	"http://10.0.0.1/x 192.168.1.1 8.8.8.8:53/dns user@example.com a.b.c.d",
}

func fuzz(f *testing.F, r rules.Rule, dir string) {
	for _, s := range rulestest.GoldenInputs(f, dir) {
		f.Add(s)
	}
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		rulestest.Fuzz(t, r, s)
	})
}

func FuzzGopherQuality(f *testing.F) {
	fuzz(f, quality.GopherQuality(), "../../testdata/rules/gopher-quality")
}

func FuzzFineWebQuality(f *testing.F) {
	fuzz(f, quality.FineWebQuality(), "../../testdata/rules/fineweb-quality")
}

func FuzzC4Quality(f *testing.F) {
	fuzz(f, quality.C4Quality(), "../../testdata/rules/c4-quality")
}

func FuzzC4Lines(f *testing.F) {
	fuzz(f, quality.C4Lines(), "../../testdata/rules/c4-lines")
}

// benchText is about 1 MB of real news text: the ground-truth articles of the shared
// corpus when it is there, else the golden inputs repeated.
func benchText(b *testing.B) []string {
	var docs []string
	size := 0
	if f, err := os.Open("/work/shared/corpus/aeb-dev.jsonl"); err == nil {
		defer f.Close()
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<26)
		for sc.Scan() && size < 1<<20 {
			var d struct {
				Text string `json:"text"`
				Kind string `json:"extractor_kind"`
			}
			if json.Unmarshal(sc.Bytes(), &d) == nil && d.Kind == "ground_truth" {
				docs = append(docs, d.Text)
				size += len(d.Text)
			}
		}
	}
	for size < 1<<20 {
		for _, s := range rulestest.GoldenInputs(b, "../../testdata/rules/gopher-quality") {
			docs = append(docs, s)
			size += len(s)
		}
	}
	return docs
}

func bench(b *testing.B, r rules.Rule) {
	docs := benchText(b)
	size := 0
	for _, d := range docs {
		size += len(d)
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			rules.Run([]rules.Rule{r}, &rules.Document{Text: d, Path: "bench.txt", ID: "bench.txt"}, nil, nil)
		}
	}
}

func BenchmarkGopherQuality(b *testing.B)  { bench(b, quality.GopherQuality()) }
func BenchmarkFineWebQuality(b *testing.B) { bench(b, quality.FineWebQuality()) }
func BenchmarkC4Quality(b *testing.B)      { bench(b, quality.C4Quality()) }
func BenchmarkC4Lines(b *testing.B)        { bench(b, quality.C4Lines()) }
