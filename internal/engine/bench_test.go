package engine

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/corpuslint/corpuslint/internal/source"
	"github.com/corpuslint/corpuslint/rules"
	"github.com/corpuslint/corpuslint/rules/builtin"
)

// benchCorpus writes a JSONL batch of about mb megabytes of news-like documents
// built from the seed article, a third of them with its trailing headline list.
func benchCorpus(b *testing.B, mb int) (string, int64) {
	seed, err := os.ReadFile("../../testdata/examples/seed.txt")
	if err != nil {
		b.Fatal(err)
	}
	text := string(seed)
	body, tail, _ := strings.Cut(text, "\n-\n")
	var texts []string
	size := 0
	for i := 0; size < mb<<20; i++ {
		var t string
		switch i % 3 {
		case 0:
			t = text
		case 1:
			t = body
		default:
			t = strings.ReplaceAll(body, `"`, "\u201c") + "\n" + tail
		}
		t = fmt.Sprintf("Story %d. %s", i, t)
		texts = append(texts, t)
		size += len(t) + 30
	}
	p := filepath.Join(b.TempDir(), "bench.jsonl")
	writeJSONL(b, p, texts)
	info, _ := os.Stat(p)
	return p, info.Size()
}

// BenchmarkEngine runs every default rule over a generated batch end to end (read,
// decode, check, order), as `corpuslint lint` does, on 1 and 2 workers.
func BenchmarkEngine(b *testing.B) {
	p, size := benchCorpus(b, 8)
	reg, _ := rules.NewRegistry(builtin.Builtin()...)
	rs, _ := reg.Select(nil, nil)
	for _, workers := range []int{1, 2} {
		b.Run(fmt.Sprintf("workers=%d", workers), func(b *testing.B) {
			b.SetBytes(size)
			b.ReportAllocs()
			for b.Loop() {
				err := Run([]string{p}, Options{Rules: rs, Workers: workers, Source: source.Options{TextField: "text", IDField: "id"}},
					func(*Result) error { return nil })
				if err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkEngineAdversarial runs every default rule on one-document batches of the
// shapes that make naive linters quadratic (the shapes of internal/benchgen, 1 MB
// each; scripts/bench.sh runs them at full size). MB/s should stay near
// BenchmarkEngine's on one worker.
func BenchmarkEngineAdversarial(b *testing.B) {
	const size = 1 << 20
	fill := func(pat string) string { return strings.Repeat(pat, size/len(pat)+1)[:size] }
	var short strings.Builder
	for i := 0; short.Len() < size; i++ {
		fmt.Fprintf(&short, "Line %d of the list.\n", i)
	}
	docs := map[string]string{
		"longline":   fill("The council approved the new budget on Tuesday after a long debate about school funding. "),
		"shortlines": short.String(),
		"quotes":     strings.ToValidUTF8(fill("\"\u201c\u201d\"\u2018\u2019'\" "), ""),
		"dashes":     strings.ToValidUTF8(fill("- \u2013 \u2014\n-\n -- \u2014\u2014 "), ""),
	}
	reg, _ := rules.NewRegistry(builtin.Builtin()...)
	rs, _ := reg.Select(nil, nil)
	for _, name := range []string{"longline", "shortlines", "quotes", "dashes"} {
		b.Run(name, func(b *testing.B) {
			p := filepath.Join(b.TempDir(), name+".jsonl")
			writeJSONL(b, p, []string{docs[name]})
			info, _ := os.Stat(p)
			b.SetBytes(info.Size())
			for b.Loop() {
				err := Run([]string{p}, Options{Rules: rs, Workers: 1, Source: source.Options{TextField: "text", IDField: "id"}},
					func(*Result) error { return nil })
				if err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
