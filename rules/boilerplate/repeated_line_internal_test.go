package boilerplate

import (
	"bytes"
	"cmp"
	"fmt"
	"math/rand/v2"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/corpuslint/corpuslint/rules"
	"github.com/corpuslint/corpuslint/rules/text"
	"github.com/corpuslint/corpuslint/rules/text/minhash"
)

// hashLineByWords is the plain definition hashLine implements in one pass:
// the line's words from Analysis.WordsIn, each lowered, numbers folded to "0".
func hashLineByWords(a *text.Analysis, l text.Line) (h uint64, words int, ok bool) {
	text := a.Text()
	h = fnvOffset
	var low []byte
	for _, w := range a.WordsIn(l.Start, l.End) {
		word := text[w.Start:w.End]
		words++
		if word[0] >= '0' && word[0] <= '9' {
			h = (h ^ '0') * fnvPrime
		} else {
			low = appendLower(low[:0], word)
			for _, c := range low {
				h = (h ^ uint64(c)) * fnvPrime
			}
			if len(word) >= 2 {
				ok = true
			}
		}
		h = (h ^ ' ') * fnvPrime
	}
	return h, words, ok
}

func checkLineHashes(t *testing.T, txt string) {
	t.Helper()
	a := text.NewAnalysis(txt)
	for i, l := range a.Lines() {
		h1, w1, ok1 := hashLine(txt, l)
		h2, w2, ok2 := hashLineByWords(a, l)
		if h1 != h2 || w1 != w2 || ok1 != ok2 {
			t.Fatalf("line %d %q: one pass (%x, %d, %v), by words (%x, %d, %v)", i+1, txt[l.Start:l.End], h1, w1, ok1, h2, w2, ok2)
		}
	}
}

func TestRepeatedLineHashMatchesWords(t *testing.T) {
	for _, s := range []string{
		"", "Share this:\nFacebook  Twitter", "© 2024 ACME Corp. All rights reserved.",
		"Don't miss it — l’été d’Ÿves ‐ co‑op e.g. U.S. 3.5 x-ray 1st", "ΣΟΦΙΑ Straße İstanbul",
		"a\r\nb\rc", "\xff\xfeBad UTF-8 \xc3", "word.\nnext", "'quoted' -dash- .dot.",
	} {
		checkLineHashes(t, s)
	}
	alphabet := []string{"a", "B", "z", "0", "9", "'", "-", ".", " ", "\n", "’", "‐", "‑", "é", "É", "ß", "İ", "\u0301", "—", "\xff", "\t", "Σ"}
	r := rand.New(rand.NewPCG(7, 8))
	for iter := 0; iter < 20000; iter++ {
		var b strings.Builder
		for n := r.IntN(30); n > 0; n-- {
			b.WriteString(alphabet[r.IntN(len(alphabet))])
		}
		checkLineHashes(t, b.String())
	}
}

func FuzzRepeatedLineHash(f *testing.F) {
	f.Add("Share this: Facebook Twitter\nl’été 2024")
	f.Fuzz(func(t *testing.T, s string) { checkLineHashes(t, s) })
}

// BenchmarkLineHashes measures repeated-line's per-line hashing on news text.
func BenchmarkLineHashes(b *testing.B) {
	txt := strings.Repeat("The council approved the new budget on Tuesday after a long debate.\n"+
		"School funding, road repairs and the library’s future — officials said taxes stay flat.\n", 200)
	a := text.NewAnalysis(txt)
	a.Lines()
	b.SetBytes(int64(len(txt)))
	var out []uint64
	for b.Loop() {
		out = lineHashes(a, out[:0])
	}
}

// The flat pair table counts, prunes and lists exactly what a Go map would.
func TestPairTableMatchesMap(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	tab := newPairTable()
	ref := map[repeatedKey]uint32{}
	for iter := 0; iter < 200000; iter++ {
		// Few distinct keys so that most adds hit an existing pair; site 0 and
		// line 0 included.
		k := repeatedKey{uint64(r.IntN(5)), uint64(r.IntN(20000)) * 0x100000001b3}
		switch op := r.IntN(1000); {
		case op == 0:
			tab.dropOnes()
			for k, c := range ref {
				if c <= 1 {
					delete(ref, k)
				}
			}
		case op < 500:
			n := uint32(1 + r.IntN(3))
			if !tab.addExisting(k, n) {
				if _, ok := ref[k]; ok {
					t.Fatalf("addExisting missed %v", k)
				}
				tab.insert(k, n)
			}
			ref[k] += n
		default:
			if got, want := tab.get(k), ref[k]; got != want {
				t.Fatalf("get %v = %d, want %d", k, got, want)
			}
		}
		if tab.Len() != len(ref) {
			t.Fatalf("table holds %d pairs, map %d", tab.Len(), len(ref))
		}
	}
	seen := 0
	tab.each(func(k repeatedKey, n uint32) {
		seen++
		if ref[k] != n {
			t.Fatalf("each: %v = %d, want %d", k, n, ref[k])
		}
	})
	if seen != len(ref) {
		t.Fatalf("each listed %d pairs, want %d", seen, len(ref))
	}
}

// A state survives its binary form: decoding an encoding and encoding again
// gives the same bytes, and the decoded state counts what the original did.
func TestRepeatedStateCodecRoundTrip(t *testing.T) {
	s := RepeatedLine().(rules.CorpusRule).NewState().(*repeatedState)
	for i := 0; i < 300; i++ {
		txt := "Skip to content\nShare this story\nA line of page " + strings.Repeat("x", i%17+2) + " alone.\nFooter text\n"
		doc := &rules.Document{Text: txt, URL: []string{"https://a.example/p", "https://www.b.example/q", ""}[i%3] + strings.Repeat("/", i%2)}
		s.Observe(doc, text.NewAnalysis(txt))
	}
	s.pruned = true
	b, err := s.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	d := RepeatedLine().(rules.CorpusRule).NewState().(*repeatedState)
	if err := d.UnmarshalBinary(b); err != nil {
		t.Fatal(err)
	}
	b2, err := d.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b, b2) {
		t.Fatalf("re-encoding differs: %d bytes, then %d", len(b), len(b2))
	}
	if len(s.sigPlaces) != 300 || len(d.sigPlaces) != len(s.sigPlaces) || !bytes.Equal(d.sigs, sortedSigs(s)) {
		t.Fatalf("decoded signatures differ: %d/%d documents", len(d.sigPlaces), len(s.sigPlaces))
	}
	if d.pairs.Len() != s.pairs.Len() || len(d.sites) != len(s.sites) || len(d.docs) != len(s.docs) || !d.pruned || d.maxPairs != s.maxPairs || d.maxDocs != s.maxDocs {
		t.Fatalf("decoded state differs: %d/%d pairs, %d/%d sites, %d/%d docs", d.pairs.Len(), s.pairs.Len(), len(d.sites), len(s.sites), len(d.docs), len(s.docs))
	}
	s.pairs.each(func(k repeatedKey, n uint32) {
		if got := d.pairs.get(k); got != n {
			t.Fatalf("pair %v: decoded %d, want %d", k, got, n)
		}
	})
	// Truncations and a bad version are errors, never a panic.
	for n := 0; n < len(b); n += 1 + n/8 {
		if err := d.UnmarshalBinary(b[:n]); err == nil {
			t.Fatalf("decoding %d of %d bytes succeeded", n, len(b))
		}
	}
}

// repeatedSite lowers ASCII hosts as it hashes them: the same hash as of
// repeatedHost's lowered copy.
func TestRepeatedSiteMatchesHost(t *testing.T) {
	parts := []string{"http://", "https://", "WWW.", "www.", "wWw.", "Ex", "ample", ".COM", ".org", ":8080", "user@", "/", "/path",
		"?q=1", "#frag", "É", "İ", "[::1]", "]", "ww", ".", ""}
	r := rand.New(rand.NewPCG(13, 14))
	for iter := 0; iter < 20000; iter++ {
		var b strings.Builder
		for n := r.IntN(7); n > 0; n-- {
			b.WriteString(parts[r.IntN(len(parts))])
		}
		u := b.String()
		want := uint64(0)
		if host := repeatedHost(u); host != "" {
			want = fnvOffset
			for i := 0; i < len(host); i++ {
				want = (want ^ uint64(host[i])) * fnvPrime
			}
		}
		if got := repeatedSite(u); got != want {
			t.Fatalf("repeatedSite(%q) = %x, want %x (host %q)", u, got, want, repeatedHost(u))
		}
	}
}

// sortedSigs returns the signatures of s in the codec's order (place hash, then
// signature).
func sortedSigs(s *repeatedState) []byte {
	k := minhash.Defaults.K()
	idx := make([]int, len(s.sigPlaces))
	for i := range idx {
		idx[i] = i
	}
	slices.SortFunc(idx, func(x, y int) int {
		if c := cmp.Compare(s.sigPlaces[x], s.sigPlaces[y]); c != 0 {
			return c
		}
		return bytes.Compare(s.sigs[x*k:(x+1)*k], s.sigs[y*k:(y+1)*k])
	})
	var out []byte
	for _, i := range idx {
		out = append(out, s.sigs[i*k:(i+1)*k]...)
	}
	return out
}

// The near-duplicate clusters, and so every document's copies, are the same
// whatever the order of observing and merging, and after a round trip through
// the codec.
func TestRepeatedLineClustersMergeOrder(t *testing.T) {
	body := strings.Repeat("The council approved the new budget on Tuesday after a long debate about schools. ", 4)
	var docs []*rules.Document
	for i := range 40 {
		txt := fmt.Sprintf("Home\n%s\nUpdated at %d.\n", body, i%7)
		if i%3 == 0 {
			txt = fmt.Sprintf("Home\nStory %d: a different page about the harbour and the ferry, the storm and the %d closed roads.\n", i, i)
		}
		docs = append(docs, &rules.Document{Text: txt, Path: fmt.Sprintf("f%d.jsonl", i%4), Record: i, URL: fmt.Sprintf("https://x.example/p%d?v=%d", i%5, i)})
	}
	r := RepeatedLine().(rules.CorpusRule)
	copies := func(st *repeatedState) []int {
		st.derive()
		out := make([]int, len(docs))
		for i, d := range docs {
			out[i] = st.copies(d)
		}
		return out
	}
	whole := r.NewState().(*repeatedState)
	for _, d := range docs {
		whole.Observe(d, text.NewAnalysis(d.Text))
	}
	want := copies(whole)
	if want[1] < 20 || want[0] != 1 {
		t.Fatalf("copies = %v: want the 26 near-duplicates in one cluster and the other pages alone", want)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for round := range 5 {
		parts := make([]*repeatedState, 1+round)
		for i := range parts {
			parts[i] = r.NewState().(*repeatedState)
		}
		for _, i := range rng.Perm(len(docs)) {
			parts[rng.IntN(len(parts))].Observe(docs[i], text.NewAnalysis(docs[i].Text))
		}
		merged := r.NewState().(*repeatedState)
		for _, i := range rng.Perm(len(parts)) {
			b, err := parts[i].MarshalBinary()
			if err != nil {
				t.Fatal(err)
			}
			d := r.NewState().(*repeatedState)
			if err := d.UnmarshalBinary(b); err != nil {
				t.Fatal(err)
			}
			merged.Merge(d)
		}
		if got := copies(merged); !slices.Equal(got, want) {
			t.Fatalf("round %d: copies %v, want %v", round, got, want)
		}
	}
}

// BenchmarkRepeatedLineMemory observes a million generated documents (a shared
// menu line and 40 distinct words in four lines, with a URL) and reports the
// live heap of the whole state per document, and of its near-duplicate
// signatures alone, after the first pass and once derived. Run it with
// -run '^$' -bench RepeatedLineMemory -benchtime 1x.
func BenchmarkRepeatedLineMemory(b *testing.B) {
	const n = 1_000_000
	for range b.N {
		var words [40]string
		doc := func(i int) *rules.Document {
			for k := range words {
				words[k] = fmt.Sprintf("w%x", (i*40+k)*2654435761%(1<<30))
				if k%10 == 9 {
					words[k] += "\n"
				}
			}
			return &rules.Document{Text: "Home News Sport\n" + strings.Join(words[:], " "), Path: "part-00001.jsonl", Record: i + 1,
				URL: fmt.Sprintf("https://site%d.example/p/%d", i%1000, i)}
		}
		runtime.GC()
		var before, mid, after runtime.MemStats
		runtime.ReadMemStats(&before)
		st := RepeatedLine().(rules.CorpusRule).NewState().(*repeatedState)
		for i := range n {
			d := doc(i)
			a := text.NewAnalysis(d.Text)
			st.Observe(d, a)
			a.Release()
		}
		runtime.GC()
		runtime.ReadMemStats(&mid)
		st.derive()
		runtime.GC()
		runtime.ReadMemStats(&after)
		b.ReportMetric(float64(mid.HeapAlloc-before.HeapAlloc)/n, "state-B/doc")
		b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/n, "derived-B/doc")
		b.ReportMetric(float64(cap(st.sigs)+8*cap(st.sigPlaces))/n, "signatures-B/doc")
		b.ReportMetric(float64(st.pairs.Len()), "pairs")
		runtime.KeepAlive(st)
	}
}
