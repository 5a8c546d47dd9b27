package text_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/corpuslint/corpuslint/rules/text"
)

// fieldSpans returns the spans of the space-separated fields of s, empty
// fields included (two spaces in a row give an empty token).
func fieldSpans(s string) []text.Span {
	var out []text.Span
	start := 0
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == ' ' {
			out = append(out, text.Span{Start: start, End: i})
			start = i + 1
		}
	}
	return out
}

// checkWordIDs holds w, built from toks of txt, against a map of the tokens'
// texts: the ids in order of first occurrence, the first tokens and counts.
func checkWordIDs(t *testing.T, w *text.WordIDs, txt string, toks []text.Span) {
	t.Helper()
	ids := map[string]uint32{}
	var first, count []int32
	for i, tk := range toks {
		s := txt[tk.Start:tk.End]
		id, ok := ids[s]
		if !ok {
			id = uint32(len(first))
			ids[s] = id
			first = append(first, int32(i))
			count = append(count, 0)
		}
		count[id]++
		if w.IDs[i] != id {
			t.Fatalf("token %d %q: id %d, want %d", i, s, w.IDs[i], id)
		}
	}
	if len(w.IDs) != len(toks) || w.Len() != len(first) {
		t.Fatalf("%d ids and %d words, want %d and %d", len(w.IDs), w.Len(), len(toks), len(first))
	}
	for id := range first {
		if w.First[id] != first[id] || w.Count[id] != count[id] {
			t.Fatalf("word %d: first %d count %d, want %d and %d", id, w.First[id], w.Count[id], first[id], count[id])
		}
	}
}

func TestWordIDsMatchMap(t *testing.T) {
	var w text.WordIDs // reused across the cases, as the analysis does
	long := strings.Repeat("x", 40)
	var many strings.Builder // enough distinct words to grow the table several times
	for i := 0; i < 20000; i++ {
		many.WriteString(strconv.Itoa(i*7919%10007) + " the ")
	}
	for _, txt := range []string{
		"",
		"a",
		"a b a c b a",
		"the cat the dog  the ",
		"abc abcd abcde abcdef abcdefg abcdefgh abcdefghi abcdefgh abcdefg",
		"x" + long + " " + long + "x " + long + " " + long,
		"é é e\xcc\x81 \xff \xff\xfe café cafe",
		"aaaabbbb bbbbaaaa aaaabbbb abba baab",
		many.String(),
		"a b",
	} {
		toks := fieldSpans(txt)
		w.Build(txt, toks)
		checkWordIDs(t, &w, txt, toks)
	}
}

func FuzzWordIDs(f *testing.F) {
	f.Add("the cat sat on the mat the end")
	f.Add("abcdefgh abcdefgi abcdefgh  x")
	var w text.WordIDs
	f.Fuzz(func(t *testing.T, txt string) {
		toks := fieldSpans(txt)
		w.Build(txt, toks)
		checkWordIDs(t, &w, txt, toks)
	})
}

func BenchmarkWordIDs(b *testing.B) {
	txt := strings.Repeat("The council met on Tuesday , and the mayor said “ yes ” to the new café budget . ", 2000)
	toks := fieldSpans(txt)
	var w text.WordIDs
	b.SetBytes(int64(len(txt)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		w.Build(txt, toks)
	}
}
