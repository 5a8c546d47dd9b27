package repetition

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/corpuslint/corpuslint/rules/text"
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
		g.load(txt, spans)
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
