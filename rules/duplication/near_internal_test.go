package duplication

import (
	"fmt"
	"math"
	"runtime"
	"strings"
	"testing"

	"github.com/corpuslint/corpuslint/rules"
	"github.com/corpuslint/corpuslint/rules/text"
	"github.com/corpuslint/corpuslint/rules/text/minhash"
)

// shingleJaccard is the exact Jaccard similarity of the 5-word shingle sets.
func shingleJaccard(a, b []string) float64 {
	set := func(ws []string) map[string]bool {
		m := map[string]bool{}
		for i := 0; i+5 <= len(ws); i++ {
			m[strings.Join(ws[i:i+5], " ")] = true
		}
		return m
	}
	x, y := set(a), set(b)
	inter := 0
	for k := range x {
		if y[k] {
			inter++
		}
	}
	return float64(inter) / float64(len(x)+len(y)-inter)
}

// The estimate from the one-byte signatures follows the exact shingle Jaccard
// similarity, and the bands catch the similar pairs and miss the dissimilar.
func TestNearDuplicateEstimate(t *testing.T) {
	s := newNearState(nearOptions{NGrams: 5, Buckets: 14, PerBucket: 8, Seed: 1})
	k := s.k()
	var sumErr float64
	trials := 0
	caught, pairs := map[bool]int{}, map[bool]int{}
	for trial := range 40 {
		base := make([]string, 300)
		for i := range base {
			base[i] = fmt.Sprintf("w%dx%d", trial, i)
		}
		for _, every := range []int{4, 10, 40, 150} { // change one word in every
			other := append([]string(nil), base...)
			for i := trial % every; i < len(other); i += every {
				other[i] = "changed" + other[i]
			}
			want := shingleJaccard(base, other)
			x, y := make([]byte, k), make([]byte, k)
			s.signature(strings.Join(base, " "), x)
			s.signature(strings.Join(other, " "), y)
			got := minhash.Estimate(x, y)
			sumErr += math.Abs(got - want)
			trials++
			if math.Abs(got-want) > 0.2 {
				t.Errorf("trial %d, every %d: estimated %.3f, exact %.3f", trial, every, got, want)
			}
			collide := false
			for band := range 14 {
				if minhash.BandKey(x[band*8:band*8+8]) == minhash.BandKey(y[band*8:band*8+8]) {
					collide = true
				}
			}
			if want > 0.85 || want < 0.3 {
				pairs[want > 0.85]++
				if collide {
					caught[want > 0.85]++
				}
			}
		}
	}
	if mean := sumErr / float64(trials); mean > 0.05 {
		t.Errorf("mean absolute error of the estimate %.3f, want at most 0.05", mean)
	}
	// One word in 150 changed gives Jaccard 0.93 (a collision in 99.9% of pairs
	// by the S-curve), one in 4 under 0.3 (0.03%).
	if pairs[true] == 0 || pairs[false] == 0 || caught[true] < pairs[true]-1 || caught[false] > 1 {
		t.Errorf("band collisions: %d of %d similar pairs, %d of %d dissimilar", caught[true], pairs[true], caught[false], pairs[false])
	}
}

// BenchmarkNearDuplicateMemory observes a million generated documents (10-byte
// ids, 40 words each) and reports the heap the state holds per document, before
// and after the clusters are derived. Run it with
//
//	go test ./rules/duplication -run '^$' -bench Memory -benchtime 1x
func BenchmarkNearDuplicateMemory(b *testing.B) {
	const n = 1_000_000
	for range b.N {
		var words [40]string
		docs := func(i int) *rules.Document {
			for k := range words {
				words[k] = fmt.Sprintf("w%x", (i*40+k)*2654435761%(1<<30))
			}
			return &rules.Document{Text: strings.Join(words[:], " "), Path: "part-00001.jsonl", Record: i + 1, ID: fmt.Sprintf("d%09d", i)}
		}
		runtime.GC()
		var before, mid, after runtime.MemStats
		runtime.ReadMemStats(&before)
		st := NearDuplicate().(rules.CorpusRule).NewState().(*nearState)
		dup := DuplicateDocument().(rules.CorpusRule).NewState().(*dupState)
		for i := range n {
			d := docs(i)
			a := text.NewAnalysis(d.Text)
			st.Observe(d, a)
			a.Release()
		}
		runtime.GC()
		runtime.ReadMemStats(&mid)
		st.derive()
		runtime.GC()
		runtime.ReadMemStats(&after)
		for i := range n {
			d := docs(i)
			a := text.NewAnalysis(d.Text)
			dup.Observe(d, a)
			a.Release()
		}
		var withDup runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&withDup)
		b.ReportMetric(float64(mid.HeapAlloc-before.HeapAlloc)/n, "near-B/doc")
		b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/n, "near-derived-B/doc")
		b.ReportMetric(float64(withDup.HeapAlloc-after.HeapAlloc)/n, "dup-B/doc")
		runtime.KeepAlive(st)
		runtime.KeepAlive(dup)
	}
}

// BenchmarkNearDuplicateObserve is the first pass's cost per document: the
// signature of about 2,000 bytes (350 words) of prose.
func BenchmarkNearDuplicateObserve(b *testing.B) {
	var ws []string
	for i := range 350 {
		ws = append(ws, fmt.Sprintf("word%d", i*7919%1000))
	}
	d := &rules.Document{Text: strings.Join(ws, " "), Path: "a.jsonl", Record: 1, ID: "a"}
	a := text.NewAnalysis(d.Text)
	st := newNearState(nearOptions{NGrams: 5, Buckets: 14, PerBucket: 8, Seed: 1})
	sig := make([]byte, st.k())
	b.SetBytes(int64(len(d.Text)))
	for b.Loop() {
		st.signature(a.Text(), sig)
	}
}
