package repetition

import (
	"fmt"
	"math/rand/v2"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/corpuslint/corpuslint/rules/rulestest"
	"github.com/corpuslint/corpuslint/rules/text"
	"github.com/corpuslint/corpuslint/rules/text/spacy"
	"github.com/corpuslint/corpuslint/rules/text/spanset"
)

// refTop is datatrove's find_top_duplicate written plainly: a counter of the
// n-grams joined with " ", the first of the most common.
func refTop(words []string, n int) (first, count, chars int, ok bool) {
	if len(words) < n {
		return 0, 0, 0, false
	}
	counts := map[string]int{}
	firsts := map[string]int{}
	var order []string
	for i := 0; i+n <= len(words); i++ {
		g := strings.Join(words[i:i+n], " ")
		if _, seen := counts[g]; !seen {
			order = append(order, g)
			firsts[g] = i
		}
		counts[g]++
	}
	best := order[0]
	for _, g := range order {
		if counts[g] > counts[best] {
			best = g
		}
	}
	return firsts[best], counts[best], utf8.RuneCountInString(best) * counts[best], true
}

// refAllDuplicate is datatrove's find_all_duplicate written plainly.
func refAllDuplicate(words []string, n int) (chars, first int) {
	first = -1
	seen := map[string]bool{}
	for i := 0; i < len(words)-n+1; {
		g := strings.Join(words[i:i+n], "")
		if seen[g] {
			chars += utf8.RuneCountInString(g)
			if first < 0 {
				first = i
			}
			i += n
			continue
		}
		seen[g] = true
		i++
	}
	return chars, first
}

// checkNGrams holds the indexed n-gram counts equal to the plain ones on the
// words of txt (split at spaces), for every n from 1 to 11 in the order of
// the default options and in others (the candidate lists of top depend on the
// order).
func checkNGrams(t *testing.T, g *nGrams, txt string) {
	t.Helper()
	var words []string
	var spans []text.Span
	for i := 0; i < len(txt); {
		j := strings.IndexByte(txt[i:], ' ')
		if j < 0 {
			j = len(txt) - i
		}
		if j > 0 {
			words = append(words, txt[i:i+j])
			spans = append(spans, text.Span{Start: i, End: i + j})
		}
		i += j + 1
	}
	for _, order := range [][]int{{2, 3, 4, 5, 6, 7, 8, 9, 10}, {1, 2, 3, 11, 4, 3, 1}, {4, 2, 9, 5}} {
		var ids text.WordIDs
		ids.Build(txt, spans)
		g.load(txt, spans, &ids)
		for _, n := range order {
			f1, c1, ch1, ok1 := g.top(n)
			f2, c2, ch2, ok2 := refTop(words, n)
			if f1 != f2 || c1 != c2 || ch1 != ch2 || ok1 != ok2 {
				t.Fatalf("%q: top(%d) = %d %d %d %v, want %d %d %d %v", txt, n, f1, c1, ch1, ok1, f2, c2, ch2, ok2)
			}
			a1, b1 := g.allDuplicate(n)
			a2, b2 := refAllDuplicate(words, n)
			if a1 != a2 || b1 != b2 {
				t.Fatalf("%q: allDuplicate(%d) = %d %d, want %d %d", txt, n, a1, b1, a2, b2)
			}
		}
	}
}

// The flat tables and the candidate lists give what the plain definitions
// give, on texts made to repeat: few distinct words, words that join to the
// same bytes across different boundaries ("ab c" and "a bc"), long and short
// words around the 8-byte key, multi-byte letters.
func TestNGramsMatchDefinitions(t *testing.T) {
	g := &nGrams{}
	for _, s := range []string{"", "a", "a b c d e a b c d e", "ab c d e f a bc d e f", "aa b ccc b aa b ccc b",
		"abcdefgh abcdefgh", "abcdefghij k abcdefgh ij k", "x y x y x y x y x y x y x y x y",
		strings.Repeat("x", 70) + " y " + strings.Repeat("x", 70) + " y z " + strings.Repeat("x", 64) + " xxxxxx y z"} {
		checkNGrams(t, g, s)
	}
	alphabets := [][]string{
		{"a", "b", "ab", "ba", "c"},
		{"the", "cat", "thecat", "sat", ".", "é", "ée"},
		{"abcdefg", "h", "abcdefgh", "abcd", "efgh", "x"},
		{"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"},
	}
	r := rand.New(rand.NewPCG(1, 2))
	for iter := 0; iter < 3000; iter++ {
		al := alphabets[iter%len(alphabets)]
		var b strings.Builder
		for n := r.IntN(60); n > 0; n-- {
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(al[r.IntN(len(al))])
		}
		checkNGrams(t, g, b.String())
	}
}

// With tags of 2 bits nearly every n-gram shares its slot with others, and
// the chains of buckets tell them apart.
func TestNGramsCollidingTags(t *testing.T) {
	defer func(m uint32) { tagMask = m }(tagMask)
	tagMask = 3
	g := &nGrams{}
	r := rand.New(rand.NewPCG(11, 12))
	al := []string{"a", "b", "ab", "ba", "c", "abcdefgh", "abcd", "efgh"}
	for iter := 0; iter < 1000; iter++ {
		var b strings.Builder
		for n := r.IntN(80); n > 0; n-- {
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(al[r.IntN(len(al))])
		}
		checkNGrams(t, g, b.String())
	}
}

func FuzzNGrams(f *testing.F) {
	f.Add("ab c d e f a bc d e f")
	f.Add("abcdefghij k abcdefgh ij k")
	g := &nGrams{}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 2000 {
			return
		}
		checkNGrams(t, g, s)
	})
}

// refFindDuplicates is datatrove's find_duplicates over re.split(r"\n{min,}",
// txt[s:e]) written plainly, with the first duplicate's offsets.
func refFindDuplicates(txt string, s, e, min int) duplicates {
	re := regexp.MustCompile(`\n{` + strconv.Itoa(min) + `,}`)
	d := duplicates{first: text.Span{Start: 0, End: len(txt)}}
	seen := map[string]bool{}
	at := s
	var cuts [][]int
	cuts = append(cuts, re.FindAllStringIndex(txt[s:e], -1)...)
	cuts = append(cuts, []int{e - s, e - s})
	for _, c := range cuts {
		p := txt[at : s+c[0]]
		d.n++
		if seen[p] {
			if d.dups == 0 {
				d.first = text.Span{Start: at, End: s + c[0]}
			}
			d.dups++
			d.chars += utf8.RuneCountInString(p)
		}
		seen[p] = true
		at = s + c[1]
	}
	return d
}

// The table of pieces finds what a map of strings finds, on texts of few
// distinct lines, blank ones included, and across its growth.
func TestFindDuplicatesMatchesDefinition(t *testing.T) {
	var ps spanset.Set
	r := rand.New(rand.NewPCG(3, 4))
	parts := []string{"a", "b", "ab", "é", "\n", "\n", "\n\n", " ", "\r"}
	for iter := 0; iter < 3000; iter++ {
		var b strings.Builder
		for n := r.IntN(1 + iter/10); n > 0; n-- {
			b.WriteString(parts[r.IntN(len(parts))])
		}
		checkFindDuplicates(t, &ps, b.String())
	}
	var b strings.Builder
	for i := 0; i < 5000; i++ {
		fmt.Fprintf(&b, "line %d\n\n", i%3000)
	}
	checkFindDuplicates(t, &ps, b.String())
}

func checkFindDuplicates(t *testing.T, ps *spanset.Set, txt string) {
	t.Helper()
	for _, min := range []int{1, 2} {
		s, e := 0, len(txt)
		if min == 2 {
			s, e = len(txt)/3, len(txt)-len(txt)/4
		}
		if got, want := findDuplicates(ps, txt, s, e, min), refFindDuplicates(txt, s, e, min); got != want {
			t.Fatalf("%q [%d:%d] min %d: %+v, want %+v", txt, s, e, min, got, want)
		}
	}
}

func FuzzFindDuplicates(f *testing.F) {
	f.Add("a\n\nb\na\n\n\nb\n\n")
	var ps spanset.Set
	f.Fuzz(func(t *testing.T, s string) {
		checkFindDuplicates(t, &ps, s)
	})
}

// benchDocs cuts rulestest.ShuffledText into documents of about size bytes at
// line ends, with their spaCy words.
func benchDocs(b *testing.B, size int) (docs []string, words [][]text.Span, total int) {
	txt := rulestest.ShuffledText(b, "repeated-paragraph")
	for len(txt) > 0 {
		n := min(size, len(txt))
		if j := strings.IndexByte(txt[n:], '\n'); j >= 0 {
			n += j + 1
		} else {
			n = len(txt)
		}
		docs = append(docs, txt[:n])
		words = append(words, spacy.WordsOf(txt[:n]))
		total += n
		txt = txt[n:]
	}
	return docs, words, total
}

func benchMeasure(b *testing.B, size int) {
	docs, words, total := benchDocs(b, size)
	b.SetBytes(int64(total))
	b.ReportAllocs()
	var ids text.WordIDs
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for d, txt := range docs {
			// The word ids are shared with gopher-quality, but counted here:
			// before they were, the rule numbered the words itself.
			ids.Build(txt, words[d])
			gopherMeasure(txt, words[d], &ids, gopherDefaults(), nil)
		}
	}
}

// BenchmarkGopherMeasurePages measures the checks of gopher-repetition after
// the tokenizer on documents of about 2 KB (the generated bench corpus's
// mean), where the cost of each document's set-up counts.
func BenchmarkGopherMeasurePages(b *testing.B) { benchMeasure(b, 2<<10) }

// BenchmarkGopherMeasureLong measures them on one document of 1 MB.
func BenchmarkGopherMeasureLong(b *testing.B) { benchMeasure(b, 1<<20) }
