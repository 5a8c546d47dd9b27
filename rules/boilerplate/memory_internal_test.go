package boilerplate

import (
	"math"
	"math/rand/v2"
	"runtime"
	"strings"
	"testing"
	"unsafe"

	"github.com/corpuslint/corpuslint/rules/boilerplate/model"
	"github.com/corpuslint/corpuslint/rules/text"
)

// proseDoc returns about size bytes of generated running text: lines of 40 to
// 120 bytes, sentence after sentence, paragraphs of one to four lines with a
// blank line between them, as in a web article. Nearly every line has a
// vector of its own.
func proseDoc(size int) string {
	words := strings.Fields("the council approved a new budget on tuesday after long debate about schools " +
		"mayor said plan would protect libraries and parks while keeping property taxes flat next year " +
		"opponents relied optimistic revenue forecasts warned city could face cuts services economy slowed " +
		"residents members changed their votes meeting evening hall public comment period lasted hours")
	r := rand.New(rand.NewPCG(16, 4))
	var b strings.Builder
	for b.Len() < size {
		for range 1 + r.IntN(4) {
			n := 40 + r.IntN(80)
			start := b.Len()
			for first := true; b.Len()-start < n; first = false {
				w := words[r.IntN(len(words))]
				if first {
					w = strings.ToUpper(w[:1]) + w[1:]
				} else {
					b.WriteByte(' ')
				}
				b.WriteString(w)
				if r.IntN(12) == 0 {
					b.WriteByte(',')
				}
			}
			b.WriteString(".\n")
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// analyzeMemory returns what analyze allocates for txt, the shared text
// analysis (computed before) left out, and what the document it returns keeps
// after a collection, in bytes per non-blank line.
func analyzeMemory(txt string) (alloc, kept float64) {
	a := text.NewUnshared(txt)
	m := model.Builtin()
	f := newFast(m)
	lines := float64(len(analyze(a, m, f, nil).ls))
	// Two collections empty sync.Pool's caches too.
	var before, after runtime.MemStats
	runtime.GC()
	runtime.GC()
	runtime.ReadMemStats(&before)
	d := analyze(a, m, f, nil)
	runtime.GC()
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(d)
	// A document keeps its work until its reading is released, so every
	// round allocates a document's arrays anew, as a document read alone does.
	res := testing.Benchmark(func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			analyze(a, m, f, nil)
		}
	})
	return float64(res.AllocedBytesPerOp()) / lines, (float64(after.HeapAlloc) - float64(before.HeapAlloc)) / lines
}

// TestAnalyzeMemory guards the boilerplate model's memory per document, on
// running text, where nearly every line is a distinct row: analyze allocates
// no feature vectors (numFeatures and keyWidth values a distinct row, 344
// bytes), and the document keeps only its lines and the arrays its vectors are
// computed again from, not the scan's and the scoring's. With the vectors
// kept, 1 MB of prose allocated 2,300 bytes a line and kept 600; now 575 and
// 219.
func TestAnalyzeMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("measures allocations over 1 MB")
	}
	alloc, kept := analyzeMemory(proseDoc(1 << 20))
	t.Logf("analyze allocates %.0f bytes a line of prose, the document keeps %.0f", alloc, kept)
	if alloc > 1200 {
		t.Errorf("analyze allocates %.0f bytes a line of prose, want at most 1200", alloc)
	}
	if kept > 400 {
		t.Errorf("a document keeps %.0f bytes a line of prose, want at most 400", kept)
	}
}

// TestRowsAfterShed: a large document's context arrays are dropped once its
// lines are scored and computed again for its explanations; the rows are then
// bit for bit the vectors that computing everything at once gives.
func TestRowsAfterShed(t *testing.T) {
	txt := strings.Repeat("Home\nNews\n", 1500) + proseDoc(300<<10) + strings.Repeat("Share this:\nFacebook\n", 1500)
	m := model.Builtin()
	f := newFast(m)
	d := analyze(text.NewUnshared(txt), m, f, nil)
	if d.w.lctx.pl != nil || d.w.sctx.prefix != nil {
		t.Fatal("the context arrays of a large document were kept")
	}
	_, x := features(text.NewUnshared(txt))
	n := len(x) / numFeatures
	if n != len(d.ls) {
		t.Fatalf("%d lines, want %d", len(d.ls), n)
	}
	p1 := make([]float64, n)
	for i := range p1 {
		p1[i] = model.Prob(model.ScoreFlat(m.Line.Bias, f.line, x[i*numFeatures:(i+1)*numFeatures]))
	}
	x2 := stage2(x, p1)
	for i := 0; i < n; i++ {
		got, want := d.row(i), x2[i*numStage2:(i+1)*numStage2]
		for k := range got {
			if math.Float32bits(got[k]) != math.Float32bits(want[k]) {
				t.Fatalf("line %d feature %d (%s): %v, want %v", i, k, contextNames[k], got[k], want[k])
			}
		}
		if i == 0 && d.w.lctx.pl == nil {
			t.Fatal("the context arrays were not computed again")
		}
	}
}

// TestEvidenceNames: every name evidence gives has a byte code that gives it
// back, so keeping a line's evidence as a byte loses nothing.
func TestEvidenceNames(t *testing.T) {
	names := append(append([]string{"", "byline", "photo caption", "reference link", "date line"}, classNames[:]...), noticeNames[:]...)
	for _, n := range names {
		if got := evidenceNames[evidenceCode(n)]; got != n {
			t.Errorf("evidence %q comes back as %q", n, got)
		}
	}
	if len(evidenceNames) > 256 {
		t.Errorf("%d evidence names do not fit a byte", len(evidenceNames))
	}
}

// TestLineRecordSize: a document of many short lines keeps one line record
// for each of them (10 MB of "a\n" has 5.2 million), so its size is a
// multiple of every such document's memory.
func TestLineRecordSize(t *testing.T) {
	if n := unsafe.Sizeof(line{}); n > 104 {
		t.Errorf("a line record takes %d bytes, want at most 104 (136 before int32 offsets and bit flags)", n)
	}
}
