package builtin_test

import (
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/corpuslint/corpuslint/rules"
	"github.com/corpuslint/corpuslint/rules/builtin"
	"github.com/corpuslint/corpuslint/rules/text"
)

// adversarialShapes are texts built to make a scan run away or memory balloon
// (issue 16): unclosed Markdown links made a forward scan from every "](" run to
// the end of the line, and the others are runs of one thing, many tiny lines,
// many findings.
var adversarialShapes = []struct{ name, unit string }{
	{"unclosed-links", "[a]("},
	{"angle-links", "[a](<"},
	{"title-links", `[a](http://x "`},
	{"ref-links", "[a]["},
	{"urls", "http://"},
	{"open-brackets", "["},
	{"one-char", "a"},
	{"tiny-lines", "a\n"},
	{"cr-only", "\r"},
	{"dash-lines", "-\n"},
	{"hash-lines", "#\n"},
	{"double-spaces", "a  "},
	{"quotes", `"`},
	{"html", "<a "},
	{"bold-tags", "<b>"},
	{"entities", "&amp;"},
}

// BenchmarkAdversarial runs every built-in rule on each shape at 1 MB and 10 MB
// and reports the ratios of the two: time-ratio (wall time of the 10 MB run over
// the 1 MB run) and alloc-ratio (bytes allocated, which the machine's load does
// not move), both about 10 when the work is linear, and alloc-B/B, the bytes
// allocated per byte of the 10 MB document. The closing note of issue 16
// reports them:
//
//	go test ./rules/builtin -run '^$' -bench Adversarial -benchtime 1x -count 3 -timeout 0
//
// (one round of the 16 shapes takes several minutes, past go test's default
// timeout)
func BenchmarkAdversarial(b *testing.B) {
	all := builtin.Builtin()
	run := func(txt string) (time.Duration, uint64) {
		var ms runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&ms)
		before := ms.TotalAlloc
		start := time.Now()
		doc := &rules.Document{Text: txt, Path: "adversarial.txt", ID: "adversarial.txt"}
		a := text.NewUnshared(txt)
		rules.Run(all, doc, a, nil)
		d := time.Since(start)
		runtime.ReadMemStats(&ms)
		return d, ms.TotalAlloc - before
	}
	for _, sh := range adversarialShapes {
		small := strings.Repeat(sh.unit, (1<<20)/len(sh.unit))
		large := strings.Repeat(sh.unit, (10<<20)/len(sh.unit))
		b.Run(sh.name, func(b *testing.B) {
			var t1, t10 time.Duration
			var a1, a10 uint64
			for b.Loop() {
				d, n := run(small)
				t1, a1 = t1+d, a1+n
				d, n = run(large)
				t10, a10 = t10+d, a10+n
			}
			b.ReportMetric(float64(t10)/float64(t1), "time-ratio")
			b.ReportMetric(float64(a10)/float64(a1), "alloc-ratio")
			b.ReportMetric(float64(a10)/float64(b.N)/float64(len(large)), "alloc-B/B")
		})
	}
}
