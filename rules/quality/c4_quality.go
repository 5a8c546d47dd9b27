package quality

import (
	"bytes"
	"fmt"
	"math"
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/corpuslint/corpuslint/rules"
	"github.com/corpuslint/corpuslint/rules/option"
	"github.com/corpuslint/corpuslint/rules/text"
	"github.com/corpuslint/corpuslint/rules/text/spacy"
)

// C4Quality returns the c4-quality rule: the documents datatrove's C4QualityFilter
// drops (a "lorem ipsum" or curly-bracket line, or too few sentences left).
func C4Quality() rules.Rule { return c4Rule{o: c4Defaults()} }

type c4Options struct {
	removeCitations       bool
	filterNoTerminalPunct bool
	minNumSentences       int
	minWordsPerLine       int
	maxWordLength         int
	filterLoremIpsum      bool
	filterJavascript      bool
	filterCurlyBracket    bool
	filterPolicy          bool
}

func c4Defaults() c4Options {
	return c4Options{
		removeCitations:       true,
		filterNoTerminalPunct: true,
		minNumSentences:       5,
		minWordsPerLine:       3,
		maxWordLength:         1000,
		filterLoremIpsum:      true,
		filterJavascript:      true,
		filterCurlyBracket:    true,
		filterPolicy:          true,
	}
}

// options declares the options of c4-quality (or, with lineOnly, of c4-lines,
// which takes the line options only) under datatrove's parameter names, bound to
// the fields of o; -1 turns a count check off, as in datatrove.
func (o *c4Options) options(lineOnly bool) *option.Set {
	name := "c4-quality"
	if lineOnly {
		name = "c4-lines"
	}
	s := option.New(name)
	s.Bool("remove_citations", &o.removeCitations)
	s.Bool("filter_no_terminal_punct", &o.filterNoTerminalPunct)
	s.Int("min_words_per_line", &o.minWordsPerLine, -1, math.MaxInt32)
	s.Int("max_word_length", &o.maxWordLength, -1, math.MaxInt32)
	s.Bool("filter_javascript", &o.filterJavascript)
	s.Bool("filter_policy", &o.filterPolicy)
	if !lineOnly {
		s.Int("min_num_sentences", &o.minNumSentences, -1, math.MaxInt32)
		s.Bool("filter_lorem_ipsum", &o.filterLoremIpsum)
		s.Bool("filter_curly_bracket", &o.filterCurlyBracket)
	}
	return s
}

// c4Line is C4QualityFilter's decision on one line of text.splitlines().
type c4Line struct {
	start, end, next int // the line's content and where the next line starts
	// reason is why the filter removes the line ("too_long_word", "no_terminal_punc",
	// "too_few_words", "javascript", "policy"), or "" when it keeps it.
	reason   string
	detail   string // what the message quotes: the policy phrase, "..." for an ellipsis
	words    int    // len(line.split())
	longWord int    // length in characters of the longest word
	cites    [][2]int
	// stop is "lorem_ipsum" or "curly_bracket" when the line makes the filter drop the
	// whole document.
	stop string
}

// c4Policy is POLICY_SUBSTRINGS.
var c4Policy = []string{"terms of use", "privacy policy", "cookie policy", "uses cookies", "use of cookies", "use cookies"}

// The phrases c4Walk looks for in a lowered line, as bytes.
var (
	c4Lorem       = []byte("lorem ipsum")
	c4Javascript  = []byte("javascript")
	c4PolicyBytes = func() (out [][]byte) {
		for _, ph := range c4Policy {
			out = append(out, []byte(ph))
		}
		return out
	}()
)

// c4Walk runs C4QualityFilter's line loop over text, whose lines are lines,
// and calls fn for each line.
// With doc, the analysis of text, it also returns how many sentences the kept
// lines hold, as the filter counts them for min_num_sentences, from the
// document's spaCy tokens (computed once for every rule that needs them); with
// doc nil it counts none.
func c4Walk(text string, lines []pyLine, o c4Options, doc *text.Analysis, fn func(c4Line)) int {
	total := 0
	var buf, lowBuf []byte
	for _, pl := range lines {
		ln := c4Line{start: pl.start, end: pl.end, next: pl.next}
		a, b := pl.a, pl.b
		line := text[a:b]
		ln.words, ln.longWord = pySplitStats(line)
		if o.maxWordLength != -1 && ln.longWord > o.maxWordLength {
			ln.reason = "too_long_word"
			fn(ln)
			continue
		}
		if o.removeCitations {
			ln.cites = c4Citations(line, a)
			if len(ln.cites) > 0 {
				buf = buf[:0]
				last := a
				for _, c := range ln.cites {
					buf = append(buf, text[last:c[0]]...)
					last = c[1]
				}
				buf = append(buf, text[last:b]...)
				line = string(buf)
			}
		}
		if o.filterNoTerminalPunct && (!c4EndsTerminal(line) || strings.HasSuffix(line, "...")) {
			ln.reason = "no_terminal_punc"
			if strings.HasSuffix(line, "...") {
				ln.detail = "..."
			}
			ln.cites = nil
			fn(ln)
			continue
		}
		if ln.words < o.minWordsPerLine {
			ln.reason = "too_few_words"
			ln.cites = nil
			fn(ln)
			continue
		}
		// The lowered line stays bytes in a reused buffer: a string of it cost
		// an allocation per line.
		lowBuf = asciiLowerInto(lowBuf[:0], line)
		lower := lowBuf
		switch {
		case o.filterLoremIpsum && bytes.Contains(lower, c4Lorem):
			ln.stop = "lorem_ipsum"
		case o.filterJavascript && bytes.Contains(lower, c4Javascript):
			ln.reason = "javascript"
		case o.filterCurlyBracket && strings.Contains(line, "{"):
			ln.stop = "curly_bracket"
		case o.filterPolicy:
			if i := c4PolicyIn(lower); i >= 0 {
				ln.reason = "policy"
				ln.detail = c4Policy[i]
			}
		}
		if ln.reason != "" || ln.stop != "" {
			ln.cites = nil
		} else if doc != nil && o.minNumSentences != -1 {
			if len(ln.cites) == 0 && doc.Text() == text {
				// line is text[a:b], bounded by white space: the document's
				// tokens inside it are the line's own.
				total += spacy.SentenceCountIn(doc, a, b)
			} else {
				total += spacy.SentenceCount(line)
			}
		}
		fn(ln)
	}
	return total
}

// c4Cookie is in every policy phrase from c4Policy[c4CookieFrom] on.
var c4Cookie = []byte("cookie")

const c4CookieFrom = 2

// c4PolicyIn returns the index of the first phrase of c4Policy that the
// lowered line holds, or -1. Most lines hold none, and the four phrases of
// cookies are searched for only in a line that holds "cookie": three
// searches of the line instead of six.
func c4PolicyIn(lower []byte) int {
	for i, ph := range c4PolicyBytes {
		if i == c4CookieFrom && !bytes.Contains(lower, c4Cookie) {
			return -1
		}
		if bytes.Contains(lower, ph) {
			return i
		}
	}
	return -1
}

// pySplitStats returns the number of words of Python's line.split() and the length
// in characters of the longest.
func pySplitStats(line string) (words, longest int) {
	n := 0
	for i := 0; i < len(line); {
		// Runs of printable ASCII, most of a word, are counted eight bytes at
		// a time.
		if k := printableRun(line, i); k > 0 {
			n += k
			if i += k; i >= len(line) {
				break
			}
		}
		// Bytes, not a range over runes: most are ASCII, and a table says
		// which of them are white space.
		c := line[i]
		space := pySpaceASCII[c&0x7f]
		if c < utf8.RuneSelf {
			i++
		} else {
			r, size := utf8.DecodeRuneInString(line[i:])
			space = spacy.IsPySpace(r)
			i += size
		}
		if space {
			if n > 0 {
				words++
				longest = max(longest, n)
			}
			n = 0
			continue
		}
		n++
	}
	if n > 0 {
		words++
		longest = max(longest, n)
	}
	return words, longest
}

// printableRun returns how many bytes of s from i on are ASCII above the
// space (0x21 to 0x7F): never white space to Python, one character each.
func printableRun(s string, i int) int {
	const (
		ones  = 0x0101010101010101
		highs = 0x8080808080808080
	)
	start := i
	for i+8 <= len(s) {
		t := s[i : i+8]
		x := uint64(t[0]) | uint64(t[1])<<8 | uint64(t[2])<<16 | uint64(t[3])<<24 |
			uint64(t[4])<<32 | uint64(t[5])<<40 | uint64(t[6])<<48 | uint64(t[7])<<56
		// The high bit of each byte of the sum is set when its low 7 bits
		// exceed 0x20 (no sum carries into the next byte); a byte with its
		// own high bit set is not ASCII.
		ok := (x&^highs + (0x80-0x21)*ones) &^ x & highs
		if ok != highs {
			return i - start + bits.TrailingZeros64(^ok&highs)/8
		}
		i += 8
	}
	for i < len(s) && s[i] > 0x20 && s[i] < utf8.RuneSelf {
		i++
	}
	return i - start
}

// pySpaceASCII is spacy.IsPySpace for the ASCII characters.
var pySpaceASCII = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = spacy.IsPySpace(rune(c))
	}
	return t
}()

// c4EndsTerminal is line.endswith(END_PUNCTUATION): . ? ! " '.
func c4EndsTerminal(line string) bool {
	if line == "" {
		return false
	}
	switch line[len(line)-1] {
	case '.', '?', '!', '"', '\'':
		return true
	}
	return false
}

// c4Citations finds the matches of CITATION_REGEX, r"\[\d*]|\[edit]|\[citation
// needed]", in line (which starts at offset at), left to right as re.sub does.
func c4Citations(line string, at int) [][2]int {
	var out [][2]int
	for i := 0; i < len(line); {
		j := strings.IndexByte(line[i:], '[')
		if j < 0 {
			break
		}
		i += j
		k := i + 1
		for k < len(line) {
			r, n := utf8.DecodeRuneInString(line[k:])
			if !unicode.IsDigit(r) {
				break
			}
			k += n
		}
		switch {
		case k < len(line) && line[k] == ']':
			out = append(out, [2]int{at + i, at + k + 1})
			i = k + 1
		case strings.HasPrefix(line[i:], "[edit]"):
			out = append(out, [2]int{at + i, at + i + len("[edit]")})
			i += len("[edit]")
		case strings.HasPrefix(line[i:], "[citation needed]"):
			out = append(out, [2]int{at + i, at + i + len("[citation needed]")})
			i += len("[citation needed]")
		default:
			i++
		}
	}
	return out
}

// asciiLowerInto appends s to buf with ASCII letters lower-cased. Python's
// s.lower() also lower-cases other letters, but only ASCII letters can become
// the letters of the ASCII phrases C4 looks for (the Kelvin sign aside, which
// nobody writes in a cookie notice).
func asciiLowerInto(buf []byte, s string) []byte {
	n := len(buf)
	buf = append(buf, s...)
	for i := n; i < len(buf); i++ {
		if c := buf[i]; 'A' <= c && c <= 'Z' {
			buf[i] = c + 'a' - 'A'
		}
	}
	return buf
}

const c4GoodExample = "The council met on Tuesday evening to discuss the budget. Members agreed that " +
	"the library should stay open on weekends. The mayor said the decision reflected the wishes " +
	"of residents. The cost will be met from savings elsewhere. A final vote is expected next month.\n"

type c4Rule struct{ o c4Options }

func (c4Rule) Meta() rules.Meta {
	return rules.Meta{
		Name:     "c4-quality",
		Category: rules.Quality,
		Severity: rules.Warning,
		Fixable:  true,
		Title:    "Documents that datatrove's C4QualityFilter drops: lorem ipsum, curly brackets, too few sentences",
		Doc: "Reproduces the document decisions of datatrove's C4QualityFilter with its default " +
			"settings (split_paragraph=True, English). The filter walks the lines (Python " +
			"splitlines), strips each, and removes the lines c4-lines reports; the first line it " +
			"keeps that contains \"lorem ipsum\" (any case) or a curly bracket \"{\" drops the whole " +
			"document (lorem_ipsum, curly_bracket), and so does keeping lines that hold fewer than " +
			"5 sentences in all, counted by spaCy's sentencizer on each kept line " +
			"(too_few_sentences). It reports the reason datatrove returns, with the line that " +
			"decided it, and a fix that drops the document (`fix` moves a JSONL record to " +
			"<name>.rejected.jsonl). The bad-words list of the C4 paper is a separate filter in " +
			"datatrove and is not applied.\n\n" +
			"Options are named as in datatrove; the line options must match c4-lines' for the two " +
			"to agree. Off by default: short news items and pages with code or JSON fail it; use " +
			"--profile c4.",
		Bad:      "Lorem ipsum dolor sit amet, consectetur adipiscing elit.\n",
		Good:     c4GoodExample,
		Matches:  "datatrove C4QualityFilter (document decisions, default settings)",
		Disabled: true,
	}
}

// Options implements rules.Configurable.
func (r c4Rule) Options() map[string]any { return r.o.options(false).Values() }

// Configure implements rules.Configurable: r is a copy, the receiver stays as it was.
func (r c4Rule) Configure(opts map[string]any) (rules.Rule, error) {
	if err := r.o.options(false).Decode(opts); err != nil {
		return nil, err
	}
	return r, nil
}

func (r c4Rule) Check(p *rules.Pass) {
	text := p.Doc.Text
	stop, stopLine, line := "", 0, 0
	n := c4Walk(text, docLines(p), r.o, p.Analysis, func(ln c4Line) {
		line++
		if stop == "" && ln.stop != "" {
			stop, stopLine = ln.stop, line
		}
	})
	switch stop {
	case "lorem_ipsum":
		docFinding(p, fmt.Sprintf("line %d contains \"lorem ipsum\" (lorem_ipsum)", stopLine), "", 0, "", 0)
		return
	case "curly_bracket":
		docFinding(p, fmt.Sprintf("line %d contains a curly bracket \"{\" (curly_bracket)", stopLine), "", 0, "", 0)
		return
	}
	p.ReportScore(rules.Score{Name: "too_few_sentences", Value: float64(n), Op: "<", Threshold: float64(r.o.minNumSentences)})
	if n < r.o.minNumSentences {
		noun := "sentences"
		if n == 1 {
			noun = "sentence"
		}
		docFinding(p, fmt.Sprintf("the lines C4 keeps hold %d %s, fewer than %d (too_few_sentences)", n, noun, r.o.minNumSentences),
			"too_few_sentences", float64(n), "<", float64(r.o.minNumSentences))
	}
}
