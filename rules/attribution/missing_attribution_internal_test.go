package attribution

import (
	"math/rand"
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/corpuslint/corpuslint/rules/text"
)

// parseParagraphPlain is parseParagraph as first written, a byte at a time.
func parseParagraphPlain(parts []part, t string, para text.Paragraph, pi int) []part {
	start, end := text.TrimSpan(t, para.Start, para.End)
	if start >= end || isListOrHeading(t[start:end]) {
		return parts
	}
	keep := len(parts)
	var closers string // the marks that close the open quotation; "" when outside
	var cur part
	prev := utf8.RuneError
	for i := start; i < end; {
		c := t[i]
		if c < utf8.RuneSelf && c != '"' {
			prev = rune(c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(t[i:end])
		if !isDoubleQuote(r) {
			prev = r
			i += n
			continue
		}
		next := utf8.RuneError
		if i+n < end {
			next, _ = utf8.DecodeRuneInString(t[i+n : end])
		}
		if closers == "" {
			// Outside a quotation: the mark must open one.
			switch r {
			case '"', '\u201c', '\u201d':
				if !openerContext(prev) || next == utf8.RuneError || unicode.IsSpace(next) {
					return parts[:keep]
				}
				if r == '"' {
					closers = "\""
				} else {
					// “…” and the sloppy ”…” or “…“ all close on a curly mark.
					closers = "\u201d\u201c"
				}
			case '\u201e':
				closers = "\u201c\u201d"
			case '\u00ab':
				closers = "\u00bb"
			case '\u00bb':
				if next == utf8.RuneError || unicode.IsSpace(next) {
					return parts[:keep]
				}
				closers = "\u00ab"
			}
			cur = part{open: i, in: i + n, para: pi, atParaStart: i == start}
		} else {
			isCloser := false
			for _, cr := range closers {
				if cr == r {
					isCloser = true
				}
			}
			switch {
			case isCloser && (r == '\u00bb' || r == '\u00ab' || closerContext(next)):
				cur.inEnd, cur.close, cur.closed = i, i+n, true
				parts = append(parts, cur)
				closers = ""
			case closers == "\u00bb" || closers == "\u00ab":
				// French quotations nest “…” or "…" inside « »: not ours to pair.
			default:
				return parts[:keep]
			}
		}
		prev = r
		i += n
	}
	if closers != "" {
		cur.inEnd, cur.close = end, end
		parts = append(parts, cur)
	}
	return parts
}

// hasQuoteMarkPlain is hasQuoteMark a byte at a time.
func hasQuoteMarkPlain(t string) bool {
	for i := 0; i < len(t); i++ {
		switch t[i] {
		case '"':
			return true
		case 0xE2:
			if i+2 < len(t) && t[i+1] == 0x80 && (t[i+2] == 0x9C || t[i+2] == 0x9D || t[i+2] == 0x9E) {
				return true
			}
		case 0xC2:
			if i+1 < len(t) && (t[i+1] == 0xAB || t[i+1] == 0xBB) {
				return true
			}
		}
	}
	return false
}

var scanCases = []string{
	"", "plain ascii text without marks at all, long enough for words",
	"He said \"we will win,\" and left. Then \u201cnothing\u201d happened in the long afternoon.",
	"Le ministre a dit \u00ab non \u00bb hier. \u201eJa\u201c sagte er, und ging nach Hause zur\u00fcck.",
	"12\" screen and a\"b typo \u2019curly\u2019 apostrophes \u2014 dashes\u00a0nbsp \xe2\x80\x22 \xc2\"x\"",
	"\u201cAn unclosed quotation running to the end of the paragraph with more words",
	"broken \xe2\x80 bytes \xc2 \xe2 then \"a quote\" here",
}

func checkScan(t *testing.T, s string) {
	if got, want := hasQuoteMark(s), hasQuoteMarkPlain(s); got != want {
		t.Fatalf("maHasQuoteMark(%q) = %v, want %v", s, got, want)
	}
	a := text.NewAnalysis(s)
	var got, want []part
	for pi, p := range a.Paragraphs() {
		got = parseParagraph(got, s, p, pi)
		want = parseParagraphPlain(want, s, p, pi)
	}
	// And over any span, not only paragraphs.
	for k := 0; k <= len(s); k += 7 {
		p := text.Paragraph{Start: k, End: len(s)}
		got = parseParagraph(got, s, p, k)
		want = parseParagraphPlain(want, s, p, k)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("maParseParagraph(%q) = %v, want %v", s, got, want)
	}
	c := &checker{t: s, a: a, parts: got}
	for k := range got {
		if n, want := c.partWords(k), len(a.WordsIn(got[k].in, got[k].inEnd)); n != want {
			t.Fatalf("partWords(%d) of %q = %d, want %d", k, s, n, want)
		}
	}
}

// TestMaScan holds hasQuoteMark and parseParagraph equal to their plain versions.
func TestMaScan(t *testing.T) {
	for _, s := range scanCases {
		checkScan(t, s)
	}
}

func FuzzMaScan(f *testing.F) {
	for _, s := range scanCases {
		f.Add(s)
	}
	f.Fuzz(checkScan)
}

// TestMaPartWords holds partWords equal to WordsIn over the quotations of texts,
// counted in order, in reverse and at random.
func TestMaPartWords(t *testing.T) {
	for _, s := range append(scanCases, strings.Repeat("Then \"one two three,\" she said, \"four five\" and \"six.\"\n", 50)) {
		a := text.NewAnalysis(s)
		var parts []part
		for pi, p := range a.Paragraphs() {
			parts = parseParagraph(parts, s, p, pi)
		}
		// Spans that do not hold whole words, too.
		for k := 0; k+3 <= len(s); k += 5 {
			parts = append(parts, part{in: k, inEnd: k + 3}, part{in: k + 2, inEnd: k + 1})
		}
		c := &checker{t: s, a: a, parts: parts}
		order := rand.Perm(len(parts))
		for k := range parts {
			order = append(order, k, len(parts)-1-k)
		}
		for _, k := range order {
			if got, want := c.partWords(k), len(a.WordsIn(parts[k].in, parts[k].inEnd)); got != want {
				t.Fatalf("partWords(%d) of %q = %d, want %d", k, s, got, want)
			}
		}
	}
}
