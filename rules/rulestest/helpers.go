package rulestest

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/corpuslint/corpuslint/rules"
	"github.com/corpuslint/corpuslint/rules/text"
)

var (
	rootOnce sync.Once
	rootDir  string
)

// Root returns the module's root folder (where go.mod is), found from the
// working directory of the test, so that a test in any package finds the
// golden cases under testdata/.
func Root(tb testing.TB) string {
	tb.Helper()
	rootOnce.Do(func() {
		dir, err := os.Getwd()
		if err != nil {
			return
		}
		for {
			if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
				rootDir = dir
				return
			}
			parent := filepath.Dir(dir)
			if parent == dir {
				return
			}
			dir = parent
		}
	})
	if rootDir == "" {
		tb.Fatal("rulestest: no go.mod above the working directory")
	}
	return rootDir
}

// Dir returns the folder of rule name's golden cases, testdata/rules/NAME.
func Dir(tb testing.TB, name string) string {
	tb.Helper()
	return filepath.Join(Root(tb), "testdata", "rules", name)
}

// Golden runs rule r against its golden cases in testdata/rules/<name>.
func Golden(t *testing.T, r rules.Rule) {
	t.Helper()
	Run(t, r, Dir(t, r.Meta().Name))
}

// Inputs returns the input texts of every golden case of rs.
func Inputs(tb testing.TB, rs ...rules.Rule) []string {
	tb.Helper()
	var out []string
	for _, r := range rs {
		out = append(out, GoldenInputs(tb, Dir(tb, r.Meta().Name))...)
	}
	return out
}

// Seed returns the seed article (a real news article with a trailing block of
// headlines), kept as a golden case of html-tags.
func Seed(tb testing.TB) string {
	tb.Helper()
	a, err := txtar.ParseFile(filepath.Join(Dir(tb, "html-tags"), "ok-seed-article.txtar"))
	if err != nil {
		tb.Fatal(err)
	}
	in, _ := section(a, "input.txt")
	return string(in)
}

// BenchText returns about 1 MB of news text: the seed article with the golden
// inputs of rs mixed in, so that every rule meets both clean prose and its targets.
func BenchText(tb testing.TB, rs ...rules.Rule) string {
	tb.Helper()
	seed := Seed(tb)
	ins := Inputs(tb, rs...)
	var sb strings.Builder
	for k := 0; sb.Len() < 1<<20; k++ {
		for i := 0; i < 4; i++ {
			sb.WriteString(seed)
			sb.WriteString("\n")
		}
		sb.WriteString(ins[k%len(ins)])
		sb.WriteString("\n")
	}
	return sb.String()
}

// Bench measures rule r alone on txt: the shared analysis is made once (lines and
// words computed), as the engine shares it between rules.
func Bench(b *testing.B, r rules.Rule, txt string) {
	doc := &rules.Document{Text: txt, Path: "bench.txt", ID: "bench.txt"}
	a := text.NewAnalysis(txt)
	a.Lines()
	a.Words()
	b.SetBytes(int64(len(txt)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		rules.Run([]rules.Rule{r}, doc, a, nil)
	}
}

// FuzzRule seeds f with r's golden inputs, a few edge texts and extra, and
// checks the properties of Fuzz on every input.
func FuzzRule(f *testing.F, r rules.Rule, extra ...string) {
	for _, s := range Inputs(f, r) {
		f.Add(s)
	}
	for _, s := range append([]string{"", " ", "\n\n\n\n", "\r\n\r\n\r\n\r\n", "\ufeff"}, extra...) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		Fuzz(t, r, s)
	})
}

// ShuffledText returns about 1 MB of varied news-like text: sentences drawn from
// the words of rule name's golden inputs by a fixed generator, so that n-grams
// mostly differ from one sentence to the next.
func ShuffledText(tb testing.TB, name string) string {
	tb.Helper()
	seed := GoldenInputs(tb, Dir(tb, name))
	words := strings.Fields(strings.Join(seed, " "))
	var b strings.Builder
	x := uint32(1)
	next := func() int { x = x*1664525 + 1013904223; return int(x >> 8) }
	for b.Len() < 1<<20 {
		n := 8 + next()%20
		for i := 0; i < n; i++ {
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(words[next()%len(words)])
		}
		b.WriteString(".\n")
		if next()%5 == 0 {
			b.WriteByte('\n')
		}
	}
	return b.String()
}
