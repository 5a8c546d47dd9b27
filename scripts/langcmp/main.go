// Command langcmp compares the two Go language detectors the language rule
// could use, whatlanggo (chosen) and lingua-go, on the sentences of
// testdata/eval/language (whole and cut to three words) and, with -corpus, on
// the texts of a JSONL file (optionally cut to -trunc bytes), writing each
// detector's verdicts beside the file. It is a module of its own so that
// corpuslint does not depend on lingua-go (whose models add 115 MB to a binary).
//
//	cd scripts/langcmp && go build -o /tmp/langcmp . && /tmp/langcmp -d whatlang -sentences ../../testdata/eval/language/sentences.tsv
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"runtime"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/abadojack/whatlanggo"
	"github.com/pemistahl/lingua-go"
)

type det struct {
	name string
	fn   func(string) (string, float64)
}

func heap() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

func main() {
	which := flag.String("d", "whatlang", "whatlang, lingua-low, lingua-high")
	corpus := flag.String("corpus", "", "jsonl")
	sentences := flag.String("sentences", "sentences.tsv", "CODE<TAB>TEXT lines")
	trunc := flag.Int("trunc", 0, "bytes")
	flag.Parse()
	h0 := heap()
	t0 := time.Now()
	var d det
	switch *which {
	case "whatlang":
		d = det{"whatlanggo", func(s string) (string, float64) { i := whatlanggo.Detect(s); return i.Lang.Iso6391(), i.Confidence }}
	case "lingua-low", "lingua-high":
		b := lingua.NewLanguageDetectorBuilder().FromAllLanguages()
		if *which == "lingua-low" {
			b = b.WithLowAccuracyMode()
		}
		b = b.WithPreloadedLanguageModels()
		l := b.Build()
		d = det{*which, func(s string) (string, float64) {
			lang, ok := l.DetectLanguageOf(s)
			if !ok {
				return "", 0
			}
			return strings.ToLower(lang.IsoCode639_1().String()), l.ComputeLanguageConfidence(s, lang)
		}}
	}
	d.fn("warm up text for the detector")
	setup := time.Since(t0)
	h1 := heap()
	f, err := os.Open(*sentences)
	if err != nil {
		panic(err)
	}
	sc := bufio.NewScanner(f)
	var n, ok, nshort, okshort int
	var dur time.Duration
	for sc.Scan() {
		lang, s, _ := strings.Cut(sc.Text(), "\t")
		t := time.Now()
		got, _ := d.fn(s)
		dur += time.Since(t)
		n++
		if got == lang {
			ok++
		}
		short := strings.Join(strings.Fields(s)[:3], " ")
		g2, _ := d.fn(short)
		nshort++
		if g2 == lang {
			okshort++
		}
	}
	fmt.Printf("%s: setup %v, heap %.0f MB; sentences %d/%d, 3-word %d/%d, %.1f µs/sentence\n", d.name, setup.Round(time.Millisecond), float64(int64(h1)-int64(h0))/1e6, ok, n, okshort, nshort, float64(dur.Microseconds())/float64(n))
	if *corpus != "" {
		cf, _ := os.Open(*corpus)
		cs := bufio.NewScanner(cf)
		cs.Buffer(nil, 1<<26)
		counts := map[string]int{}
		var bytes, docs int
		t := time.Now()
		out, _ := os.Create(fmt.Sprintf("%s.%s.%d.langs", *corpus, *which, *trunc))
		for cs.Scan() {
			var r struct{ ID, Text string }
			if err := json.Unmarshal(cs.Bytes(), &r); err != nil {
				panic(err)
			}
			txt := r.Text
			if *trunc > 0 && len(txt) > *trunc {
				k := *trunc
				for k > 0 && !utf8.RuneStart(txt[k]) {
					k--
				}
				txt = txt[:k]
			}
			g, c := d.fn(txt)
			counts[g]++
			docs++
			bytes += len(txt)
			fmt.Fprintf(out, "%s\t%s\t%.3f\n", r.ID, g, c)
		}
		el := time.Since(t)
		fmt.Printf("  corpus %s: %.3f MB/s, %.0f µs/doc; %v\n", *corpus, float64(bytes)/1e6/el.Seconds(), float64(el.Microseconds())/float64(max(1, docs)), counts)
	}
}
