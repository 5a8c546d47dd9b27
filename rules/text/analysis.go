package text

import (
	"math"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Line is one line of a document. [Start, End) is its content without the line
// break (neither "\n" nor a "\r" before it) and, on the first line, without a UTF-8
// byte order mark. Next is the offset where the following line starts (len(text) for
// the last line).
type Line struct {
	Start, End, Next int
}

// Span is a half-open byte range [Start, End) of the document text.
type Span struct {
	Start, End int
}

// Paragraph is a run of lines read as one unit of prose: a block of lines between
// blank lines when the block is hard-wrapped prose, else a single line (scraped text
// usually puts one paragraph on each line). First and Last are line indexes.
type Paragraph struct {
	Start, End  int
	First, Last int
}

// Word is a token of letters or digits, with inner apostrophes, hyphens and dots
// kept ("don't", "COVID-19", "U.S").
type Word struct {
	Start, End int
}

// Analysis is the work that several rules need, done once per document and lazily:
// lines, paragraphs, sentences and words. It belongs to one document and one
// goroutine at a time.
type Analysis struct {
	text string
	// lineStarts are the raw starts of every line, for Position: 4 bytes a
	// line, since a document of many short lines keeps one for each. A text
	// longer than math.MaxUint32 bytes, which the record-size limit keeps out
	// of a run, uses wideStarts instead.
	lineStarts []uint32
	wideStarts []int
	wide       bool
	lines      []Line
	paras      []Paragraph
	sentences  []Span
	words      []Word
	hasLines   bool
	hasParas   bool
	hasSents   bool
	hasWords   bool
	// runeCk[k] is the rune count of text[:runeCkAt[k]], for Position on long lines.
	runeCk, runeCkAt []int
	hasRuneCk        bool
	// slots hold the results rule families derive from the text (see Result),
	// indexed by Key.id.
	slots []slot
}

// slot is one cached result: v is valid for this document when ok is set; a
// value that implements Reuser stays in v across Release, reset, for Reused.
type slot struct {
	v  any
	ok bool
}

// analysisPool holds released analyses, whose arrays the next documents reuse.
var analysisPool sync.Pool

// NewAnalysis prepares the shared analysis of text. Nothing is computed until asked.
func NewAnalysis(text string) *Analysis {
	if a, ok := analysisPool.Get().(*Analysis); ok {
		a.text = text
		return a
	}
	return &Analysis{text: text}
}

// NewUnshared returns an analysis of text that shares no arrays with released
// analyses, which NewAnalysis may hand out again; tests compare the two.
func NewUnshared(text string) *Analysis { return &Analysis{text: text} }

// analysisKeepMax bounds the words (and lines) of an analysis Release keeps for
// reuse, so that one huge document does not pin its arrays for the rest of a run.
const analysisKeepMax = 1 << 20

// Release hands the analysis back for reuse by a later NewAnalysis, with the
// arrays it computed. Neither a nor anything its methods returned may be used
// afterwards. Drivers that create an analysis per document call it when they
// are done with the document; not calling it is always safe.
func (a *Analysis) Release() {
	if cap(a.words) > analysisKeepMax || cap(a.lines) > analysisKeepMax {
		return
	}
	slots := a.slots
	for i := range slots {
		if r, ok := slots[i].v.(Reuser); ok && slots[i].ok {
			r.Reset()
		} else if !ok {
			slots[i].v = nil
		}
		slots[i].ok = false
	}
	*a = Analysis{
		lineStarts: a.lineStarts[:0],
		lines:      a.lines[:0],
		paras:      a.paras[:0],
		sentences:  a.sentences[:0],
		words:      a.words[:0],
		runeCk:     a.runeCk[:0],
		runeCkAt:   a.runeCkAt[:0],
		slots:      slots,
	}
	analysisPool.Put(a)
}

// Text returns the document text the analysis is about.
func (a *Analysis) Text() string { return a.text }

// Lines returns every line of the text. An empty text has one empty line; a text
// ending in a line break does not get an extra empty line after it.
func (a *Analysis) Lines() []Line {
	if a.hasLines {
		return a.lines
	}
	a.hasLines = true
	t := a.text
	n := 1 + strings.Count(t, "\n")
	a.lines = slices.Grow(a.lines[:0], n)
	wide := uint64(len(t)) > wideText
	a.wide = wide
	if wide {
		a.wideStarts = slices.Grow(a.wideStarts[:0], n)
	} else {
		a.lineStarts = slices.Grow(a.lineStarts[:0], n)
	}
	start := 0
	for {
		if wide {
			a.wideStarts = append(a.wideStarts, start)
		} else {
			a.lineStarts = append(a.lineStarts, uint32(start))
		}
		i := indexByteFrom(t, '\n', start)
		if i < 0 {
			// A text ending in a line break has no further (empty) line, but the
			// position just past the break still starts a line for Position.
			if start < len(t) || len(a.lines) == 0 {
				a.lines = append(a.lines, Line{Start: start, End: len(t), Next: len(t)})
			}
			break
		}
		end := i
		if end > start && t[end-1] == '\r' {
			end--
		}
		a.lines = append(a.lines, Line{Start: start, End: end, Next: i + 1})
		start = i + 1
	}
	if len(a.lines) > 0 && len(t) >= 3 && t[:3] == "\ufeff" {
		a.lines[0].Start = min(3, a.lines[0].End)
	}
	return a.lines
}

// wideText is the length above which a text's line starts are ints (a
// variable so that tests take that path on short texts).
var wideText uint64 = math.MaxUint32

// indexByteFrom is strings.IndexByte(s[from:], c) as an index into s, or -1.
func indexByteFrom(s string, c byte, from int) int {
	if from >= len(s) {
		return -1
	}
	if i := strings.IndexByte(s[from:], c); i >= 0 {
		return from + i
	}
	return -1
}

// LineText returns the content of line i.
func (a *Analysis) LineText(i int) string {
	l := a.Lines()[i]
	return a.text[l.Start:l.End]
}

// LineAt returns the index of the line holding byte offset off.
func (a *Analysis) LineAt(off int) int {
	lines := a.Lines()
	return min(max(a.lineOf(off), 0), len(lines)-1)
}

// lineOf returns the index of the last line start at or before off (-1 when
// off is negative).
func (a *Analysis) lineOf(off int) int {
	switch {
	case a.wide:
		return sort.SearchInts(a.wideStarts, off+1) - 1
	case off < 0:
		return -1
	case uint64(off) >= math.MaxUint32:
		return len(a.lineStarts) - 1
	}
	i, _ := slices.BinarySearch(a.lineStarts, uint32(off)+1)
	return i - 1
}

// lineStart returns the raw start of line i (see lineStarts).
func (a *Analysis) lineStart(i int) int {
	if a.wide {
		return a.wideStarts[i]
	}
	return int(a.lineStarts[i])
}

// Position returns the 1-based line and column of byte offset off; columns count
// Unicode code points. An offset just past a line break is the start of the next line.
func (a *Analysis) Position(off int) (line, col int) {
	a.Lines()
	off = min(max(off, 0), len(a.text))
	i := max(a.lineOf(off), 0)
	start := a.lineStart(i)
	if off-start <= posStride {
		return i + 1, utf8.RuneCountInString(a.text[start:off]) + 1
	}
	// A long line with many findings would be counted from its start again for
	// each one (a 2 MB line of e-mail addresses took minutes); checkpoints make it
	// linear.
	return i + 1, a.runesBefore(off) - a.runesBefore(start) + 1
}

// posStride is the spacing of the rune-count checkpoints of long lines.
const posStride = 4096

// runesBefore returns utf8.RuneCountInString(a.text[:off]) from checkpoints built
// once per document. A checkpoint sits on the first byte at or after a multiple
// of posStride that is not a UTF-8 continuation byte: the decoder never reads
// past such a byte into the rune before it (an invalid byte counts one rune), so
// counts on either side add up.
func (a *Analysis) runesBefore(off int) int {
	t := a.text
	if !a.hasRuneCk {
		a.hasRuneCk = true
		n := len(t)/posStride + 1
		a.runeCk = growInts(a.runeCk, n)
		a.runeCkAt = growInts(a.runeCkAt, n)
		prev, count := 0, 0
		for k := range n {
			b := min(k*posStride, len(t))
			for b < len(t) && !utf8.RuneStart(t[b]) {
				b++
			}
			count += utf8.RuneCountInString(t[prev:b])
			a.runeCk[k], a.runeCkAt[k], prev = count, b, b
		}
	}
	k := min(off/posStride, len(a.runeCk)-1)
	for k > 0 && a.runeCkAt[k] > off {
		k--
	}
	return a.runeCk[k] + utf8.RuneCountInString(t[a.runeCkAt[k]:off])
}

// growInts returns b resized to n, reusing its array when it is large enough.
func growInts(b []int, n int) []int {
	if cap(b) < n {
		return make([]int, n)
	}
	return b[:n]
}

// IsBlank reports whether line i holds only white space.
func (a *Analysis) IsBlank(i int) bool {
	return IsBlank(a.LineText(i))
}

// IsBlank reports whether s holds only white space (and byte order marks).
func IsBlank(s string) bool {
	for _, r := range s {
		if !unicode.IsSpace(r) && r != '\ufeff' {
			return false
		}
	}
	return true
}

// Paragraphs returns the paragraphs of the text in order. Blank lines separate
// blocks; a block is one paragraph when it reads as hard-wrapped prose (many of its
// line breaks fall mid-sentence), else each of its lines is a paragraph.
func (a *Analysis) Paragraphs() []Paragraph {
	if a.hasParas {
		return a.paras
	}
	a.hasParas = true
	lines := a.Lines()
	// A paragraph is at least one line: sizing the array once spares a text of
	// many short lines the copies of growing it.
	if cap(a.paras) < len(lines) {
		a.paras = make([]Paragraph, 0, len(lines))
	}
	for i := 0; i < len(lines); {
		if a.IsBlank(i) {
			i++
			continue
		}
		j := i
		for j+1 < len(lines) && !a.IsBlank(j+1) {
			j++
		}
		if j > i && a.wrapped(i, j) {
			a.paras = append(a.paras, Paragraph{Start: lines[i].Start, End: lines[j].End, First: i, Last: j})
		} else {
			for k := i; k <= j; k++ {
				a.paras = append(a.paras, Paragraph{Start: lines[k].Start, End: lines[k].End, First: k, Last: k})
			}
		}
		i = j + 1
	}
	return a.paras
}

// wrapped reports whether lines first..last form hard-wrapped prose: at least a third
// of the breaks between them continue a sentence (the line does not end a sentence
// and the next one starts in lower case, or the line ends with a comma).
func (a *Analysis) wrapped(first, last int) bool {
	mid := 0
	for i := first; i < last; i++ {
		cur := TrimSpace(a.LineText(i))
		next := TrimSpace(a.LineText(i + 1))
		if cur == "" || next == "" {
			continue
		}
		lr, _ := utf8.DecodeLastRuneInString(cur)
		nr, _ := utf8.DecodeRuneInString(next)
		if lr == ',' || (!isTerminal(lr) && unicode.IsLower(nr)) {
			mid++
		}
	}
	return mid*3 >= last-first
}

func isTerminal(r rune) bool {
	switch r {
	case '.', '!', '?', ':', ';', '"', '\u201d', '\u2019', ')', '\u2026':
		return true
	}
	return false
}

// TrimSpace returns s without leading and trailing white space, and without a
// leading byte order mark.
func TrimSpace(s string) string {
	for len(s) > 0 {
		r, n := utf8.DecodeRuneInString(s)
		if !unicode.IsSpace(r) && r != '\ufeff' {
			break
		}
		s = s[n:]
	}
	for len(s) > 0 {
		r, n := utf8.DecodeLastRuneInString(s)
		if !unicode.IsSpace(r) {
			break
		}
		s = s[:len(s)-n]
	}
	return s
}

// Sentences returns the sentences of every paragraph in order. A sentence ends at
// ".", "!", "?" or "…" (with any closing quotes or brackets after it) followed by
// white space and a capital letter, digit or opening quote, unless the word before
// the full stop is a known abbreviation or a single capital letter. Sentences never
// cross paragraphs. Each span is trimmed of surrounding white space.
func (a *Analysis) Sentences() []Span {
	if a.hasSents {
		return a.sentences
	}
	a.hasSents = true
	for _, p := range a.Paragraphs() {
		a.sentences = appendSentences(a.sentences, a.text, p.Start, p.End)
	}
	return a.sentences
}

func appendSentences(out []Span, t string, start, end int) []Span {
	s := start
	i := start
	for i < end {
		r, n := utf8.DecodeRuneInString(t[i:end])
		if r != '.' && r != '!' && r != '?' && r != '\u2026' {
			i += n
			continue
		}
		j := i + n
		// Take the rest of a run of terminators and any closing quotes or brackets.
		for j < end {
			r2, n2 := utf8.DecodeRuneInString(t[j:end])
			if r2 == '.' || r2 == '!' || r2 == '?' || r2 == '\u2026' || IsCloser(r2) {
				j += n2
				continue
			}
			break
		}
		if j >= end {
			break
		}
		r2, _ := utf8.DecodeRuneInString(t[j:end])
		if !unicode.IsSpace(r2) {
			i = j
			continue
		}
		k := j
		for k < end {
			r3, n3 := utf8.DecodeRuneInString(t[k:end])
			if !unicode.IsSpace(r3) {
				break
			}
			k += n3
		}
		if k >= end {
			break
		}
		nr, _ := utf8.DecodeRuneInString(t[k:end])
		starts := unicode.IsUpper(nr) || unicode.IsDigit(nr) || isOpener(nr)
		if starts && r == '.' && IsAbbreviation(t[s:i]) {
			starts = false
		}
		if starts {
			out = appendTrimmed(out, t, s, j)
			s = k
		}
		i = k
	}
	return appendTrimmed(out, t, s, end)
}

func appendTrimmed(out []Span, t string, s, e int) []Span {
	s, e = TrimSpan(t, s, e)
	if e > s {
		out = append(out, Span{s, e})
	}
	return out
}

// IsCloser reports whether r closes a quotation or a bracket.
func IsCloser(r rune) bool {
	switch r {
	case '"', '\'', '\u201d', '\u2019', ')', ']', '\u00bb':
		return true
	}
	return false
}

func isOpener(r rune) bool {
	switch r {
	case '"', '\'', '\u201c', '\u2018', '(', '[', '\u00ab':
		return true
	}
	return false
}

// abbreviations that end in a full stop without ending a sentence.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "sr": true, "jr": true,
	"st": true, "mt": true, "gen": true, "gov": true, "sen": true, "rep": true, "rev": true,
	"col": true, "lt": true, "sgt": true, "capt": true, "cpt": true, "maj": true, "adm": true,
	"inc": true, "ltd": true, "co": true, "corp": true, "vs": true, "etc": true, "no": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true, "e.g": true, "i.e": true,
	"u.s": true, "u.k": true, "u.n": true, "fig": true, "vol": true, "approx": true, "ave": true,
}

// IsAbbreviation reports whether the text before a full stop ends in an abbreviation
// or a single capital letter (an initial).
func IsAbbreviation(before string) bool {
	j := len(before)
	i := j
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(before[:i])
		if !unicode.IsLetter(r) && r != '.' {
			break
		}
		i -= n
	}
	w := before[i:j]
	if w == "" {
		return false
	}
	if utf8.RuneCountInString(w) == 1 {
		r, _ := utf8.DecodeRuneInString(w)
		return unicode.IsUpper(r)
	}
	lw := make([]byte, 0, len(w))
	for k := 0; k < len(w); k++ {
		c := w[k]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		lw = append(lw, c)
	}
	return abbreviations[string(lw)]
}

// Words returns the word tokens of the whole text in order.
func (a *Analysis) Words() []Word {
	if a.hasWords {
		return a.words
	}
	a.hasWords = true
	// Prose averages about six bytes per word; sizing up front saves the
	// repeated growslice copies that showed up in profiles.
	a.words = AppendWords(slices.Grow(a.words[:0], len(a.text)/6+8), a.text, 0, len(a.text))
	return a.words
}

// CountWordsIn returns len(a.WordsIn(start, end)) for bounds that fall between
// words, such as a line's or a paragraph's. Until a rule has asked for the
// document's words, it tokenizes only t[start:end], in the word list's spare
// capacity: a rule that reads a few lines at the end of a document (a trailing
// block) need not make the whole list for them.
func (a *Analysis) CountWordsIn(start, end int) int {
	if a.hasWords {
		return len(a.WordsIn(start, end))
	}
	a.words = AppendWords(a.words[:0], a.text, start, end)
	return len(a.words)
}

// WordsIn returns the words wholly inside [start, end), a sub-slice of Words.
func (a *Analysis) WordsIn(start, end int) []Word {
	ws := a.Words()
	// Hand-written binary searches (same results as sort.Search) avoid the
	// closure calls; WordsIn runs once per line or paragraph in several rules.
	lo, hi := 0, len(ws)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if ws[m].Start >= start {
			hi = m
		} else {
			lo = m + 1
		}
	}
	i := lo
	lo, hi = 0, len(ws)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if ws[m].End > end {
			hi = m
		} else {
			lo = m + 1
		}
	}
	j := lo
	if j < i {
		j = i
	}
	return ws[i:j]
}

// AppendWords appends the word tokens of t[start:end] to out. A word is a run of
// letters, digits and marks; an apostrophe, hyphen or full stop between two such
// characters stays inside the word.
func AppendWords(out []Word, t string, start, end int) []Word {
	i := start
	for i < end {
		// The table test comes first: it is false for every non-ASCII byte, and
		// letters and digits are the common case inside a word.
		c := t[i]
		if !asciiWord[c] {
			if c < utf8.RuneSelf {
				i++
				continue
			}
			r, n := utf8.DecodeRuneInString(t[i:end])
			if !IsWordRune(r) {
				i += n
				continue
			}
		}
		s := i
		for i < end {
			if i += asciiWordRun(t, i, end); i >= end {
				break
			}
			c := t[i]
			if c < utf8.RuneSelf {
				if (c == '\'' || c == '-' || c == '.') && i+1 < end && NextIsWord(t, i+1, end) {
					i++
					continue
				}
				break
			}
			r, n := utf8.DecodeRuneInString(t[i:end])
			if IsWordRune(r) {
				i += n
				continue
			}
			if (r == '\u2019' || r == '\u2010' || r == '\u2011') && NextIsWord(t, i+n, end) {
				i += n
				continue
			}
			break
		}
		out = append(out, Word{s, i})
	}
	return out
}

// NextIsWord reports whether the character at offset i of t (before end) belongs
// in a word: a letter, digit or mark.
func NextIsWord(t string, i, end int) bool {
	if i >= end {
		return false
	}
	if t[i] < utf8.RuneSelf {
		return IsASCIIWordByte(t[i])
	}
	r, _ := utf8.DecodeRuneInString(t[i:end])
	return IsWordRune(r)
}

// asciiWord marks the ASCII letters and digits; a table lookup is cheaper than
// three range tests in the tokenizer's inner loop.
var asciiWord = func() (t [256]bool) {
	for c := 0; c < 256; c++ {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	return t
}()

// IsASCIIWordByte reports whether c is an ASCII letter or digit.
func IsASCIIWordByte(c byte) bool {
	return asciiWord[c]
}

// IsWordRune reports whether r belongs in a word: a letter, digit or mark.
func IsWordRune(r rune) bool {
	if uint32(r) < 1<<16 {
		return wordRuneBMP[r>>6]&(1<<(r&63)) != 0
	}
	return isWordRuneSlow(r)
}

// wordRuneBMP holds isWordRuneSlow for the Basic Multilingual Plane, a bit per
// rune (8 KB): the tokenizers ask about every non-ASCII rune, and the Unicode
// tables answer with a binary search over ranges (Cyrillic, Greek and
// accented text spent a tenth of the tokenizing there).
// It is built from the range tables behind unicode.IsLetter, IsDigit and Is(Mn)
// (asking about each of the 65,536 runes took 2 ms at start-up); TestIsWordRune
// holds it equal to isWordRuneSlow for every rune.
var wordRuneBMP = func() (t [1 << 10]uint64) {
	for _, tab := range []*unicode.RangeTable{unicode.Letter, unicode.Digit, unicode.Mn} {
		for _, rg := range tab.R16 {
			for r := uint32(rg.Lo); r <= uint32(rg.Hi); r += uint32(rg.Stride) {
				t[r>>6] |= 1 << (r & 63)
			}
		}
	}
	for r := 0x2000; r <= 0x206F; r++ {
		t[r>>6] &^= 1 << (r & 63)
	}
	return t
}()

// isWordRuneSlow is IsWordRune from the Unicode tables.
func isWordRuneSlow(r rune) bool {
	// General Punctuation (curly quotes, dashes, spaces, zero-width marks) is the
	// commonest non-ASCII in scraped text and holds no letter, digit or mark.
	if r >= 0x2000 && r <= 0x206F {
		return false
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// TrimSpan returns [start, end) without leading and trailing white space (and a
// byte order mark); an all-blank span becomes the empty span at its end. It runs
// once per line in several rules, so ASCII takes a fast path and nothing allocates.
func TrimSpan(t string, start, end int) (int, int) {
	for start < end {
		c := t[start]
		if isASCIISpace(c) {
			start++
			continue
		}
		if c < utf8.RuneSelf {
			break
		}
		r, n := utf8.DecodeRuneInString(t[start:end])
		if !unicode.IsSpace(r) && r != '\ufeff' {
			break
		}
		start += n
	}
	for end > start {
		c := t[end-1]
		if isASCIISpace(c) {
			end--
			continue
		}
		if c < utf8.RuneSelf {
			break
		}
		r, n := utf8.DecodeLastRuneInString(t[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= n
	}
	return start, end
}

func isASCIISpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
}

// Load8 returns the eight bytes of t at i as a little-endian word.
func Load8(t string, i int) uint64 {
	b := t[i : i+8]
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}

// HasByte8 reports whether any byte of x is c (the classic zero-byte test on
// x^c: exact as a yes/no answer).
func HasByte8(x uint64, c byte) bool {
	const lsb, msb = 0x0101010101010101, 0x8080808080808080
	v := x ^ (lsb * uint64(c))
	return (v-lsb)&^v&msb != 0
}

// HasLess8 reports whether any byte of x is less than n, for n <= 128 (exact
// as a yes/no answer).
func HasLess8(x uint64, n byte) bool {
	const lsb, msb = 0x0101010101010101, 0x8080808080808080
	return (x-lsb*uint64(n))&^x&msb != 0
}

// HasBetween8 reports whether any byte of x lies strictly between m and n, for
// m <= 127 and n <= 128 (exact as a yes/no answer).
func HasBetween8(x uint64, m, n byte) bool {
	const lsb, msb = 0x0101010101010101, 0x8080808080808080
	low := x & (lsb * 127)
	return (lsb*(127+uint64(n))-low)&^x&(low+lsb*(127-uint64(m)))&msb != 0
}
