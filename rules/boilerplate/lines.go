package boilerplate

import (
	"encoding/binary"
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/corpuslint/corpuslint/rules/text"
	"github.com/corpuslint/corpuslint/rules/text/wordset"
)

// line holds what the boilerplate rules measure on one non-blank line: its own
// shape (length, stop words, case, punctuation, links, known phrases) and, after
// lineContext, its place among its neighbours.
type line struct {
	// The line's index into Analysis.Lines and its content without surrounding
	// white space. They are int32, as every count below is: analyze reads no
	// document of 2 GiB or more (maxDocLen). A document of many short lines
	// keeps one line for each of them (104 bytes on 10 MB of "a\n" was 136),
	// so the fields are packed, and the normalized hash markDuplicates reads
	// is kept apart (scratch.hashes) for the scan only.
	line       int32
	start, end int32
	words      int32 // word tokens outside link targets and URLs
	stop       int32 // stop words among them
	title      int32 // words starting with an upper-case letter (the first word aside)
	caps       int32 // words of two letters or more all in upper case
	digits     int32 // words starting with a digit
	dateWords  int32 // month and weekday names, "ago", "am", time zones
	letters    int32 // letters (any script)
	nonLatin   int32 // letters outside the Latin script (CJK, Cyrillic, Hangul, ...)
	wordBytes  int32 // bytes of the counted words
	linkBytes  int32 // bytes of URLs and markdown link targets
	anchorWord int32 // words inside markdown link text "[...]"
	code       int32 // bytes typical of markup and code: < > { } = ; _
	seps       int32 // separators between items: | • · » ›
	sentEnds   int32 // sentence ends inside the line
	quotes     int32 // quotation marks
	// phraseWords counts the words covered by known phrases; startClass is the
	// class of a phrase at the line's start.
	phraseWords int32
	dups        int32 // other lines of the document with the same normalized text
	// paraLines, paraWords and paraProse describe the line's paragraph when a
	// converter hard-wrapped it over several lines (Analysis.Paragraphs): each
	// wrapped line is then a piece of running text, not a short line.
	paraLines, paraWords int32
	// wFrom and wTo delimit the line's content words (four bytes or more, no
	// stop word) in the document's list of content-word hashes.
	wFrom, wTo int32
	classes    class
	startClass class
	endKind    end
	notice     notice // a promotion, legal notice, ... (noticeOf)
	flags      flags  // the line's yes-or-no features (lfList, ...)
}

// flags are a line's yes-or-no features, one bit each: twelve bools took
// twelve bytes of every line.
type flags uint16

const (
	lfFirstLower flags = 1 << iota // starts with a lower-case letter (a wrapped line's tail)
	lfList                         // starts with a list marker ("* ", "- ", "1. ")
	lfNumbered                     // starts with a number marker ("1. ", "2) ", "(3) ")
	lfStartDigit                   // the first word is a number
	lfHeading                      // markdown heading ("# ")
	lfImage                        // markdown image ("![")
	lfRefLink                      // markdown reference definition ("[3]: https://...")
	lfByline                       // "By Jane Doe", "von Hans Meier"
	lfCaption                      // ends with a picture credit (caption)
	lfNoticeKey                    // a word may be the key word of a notice phrase (noticeIndex)
	lfProse                        // reads as a sentence of running text (see isProse)
	lfParaProse                    // its wrapped paragraph reads as running text (markParagraphs)
)

// has reports whether the line has every feature of f.
func (bl *line) has(f flags) bool { return bl.flags&f == f }

// set gives the line the features of f when v is true and takes them away
// when it is false.
func (bl *line) set(f flags, v bool) {
	if v {
		bl.flags |= f
	} else {
		bl.flags &^= f
	}
}

// scratch holds the buffers of one document's scan.
type scratch struct {
	low     []byte     // the current line's words in lower case
	lw      [][2]int32 // their spans in low
	wi      []int32    // their indexes in wordTab (-1: none)
	content []uint64   // hashes of the document's content words, line after line
	hashes  []uint64   // each scanned line's normalized hash (see lowerHash)
}

// Word flags, from one map lookup per word.
const (
	bpwStop   = 1 << iota // a stop word
	bpwDate               // a date or time word
	bpwPhrase             // the first word of a known phrase
)

// wordInfo flags the words the line features look for.
var wordInfo = func() map[string]uint8 {
	m := map[string]uint8{}
	for w := range wordset.Stopwords {
		m[w] |= bpwStop
	}
	for w := range dateWords {
		m[w] |= bpwDate
	}
	for w := range phraseIndex {
		m[w] |= bpwPhrase
	}
	return m
}()

// end is how a line ends.
type end uint8

const (
	endNone     end = iota
	endSentence     // . ! ? …, possibly inside closing quotes or brackets
	endColon        // :
	endOther        // , ; - and other punctuation
)

// scan measures every non-blank line of the document, in line order, and
// returns the hashes of the document's content words.
func scan(a *text.Analysis) ([]line, []uint64) { return new(work).scan(a, nil) }

// scan is scan with w's buffers; the hashes returned are w's. The lines go
// into ls (nil: a new array).
func (w *work) scan(a *text.Analysis, ls []line) ([]line, []uint64) {
	txt := a.Text()
	sc := &w.sc
	if len(txt) > maxDocLen {
		// No line is scored: the records' int32 offsets would not hold. The
		// record-size limit keeps such documents out (--max-record-size is at
		// most 2GiB, and the default 256MiB).
		return ls[:0], sc.content[:0]
	}
	lines := a.Lines()
	// At most one line a line. A new array is made, not grown: slices.Grow
	// would clear it, and every element used is written.
	out := ls[:0]
	if cap(out) < len(lines) {
		out = make([]line, 0, len(lines))
	}
	// One hash a line with text at most: one array, not the ones left behind
	// growing it (190 MB allocated for 40 MB of hashes on 10 MB of "a\n").
	if cap(sc.hashes) < len(lines) {
		sc.hashes = make([]uint64, 0, len(lines))
	}
	sc.hashes = sc.hashes[:0]
	// Content words are words of four bytes or more (in lower case, which
	// seldom changes a length), so there are about this many at most: one
	// array, not the ones left behind growing it (over 200 bytes a line of
	// prose). Pages of it no word is written to are not touched. More words
	// still fit: append grows it.
	if most := min(len(a.Words()), len(txt)/(simMinWordSize+1)+1); cap(sc.content) < most {
		sc.content = make([]uint64, 0, most)
	}
	sc.content = sc.content[:0]
	// A line's measurement depends on its text alone: a line with the text of
	// one of the last two lines measured (separators, a document of dashes)
	// copies theirs.
	var recent [2]line
	var recentHash [2]uint64
	nrecent := 0
	for i, l := range lines {
		s, e := text.TrimSpan(txt, l.Start, l.End)
		if s >= e {
			continue
		}
		t := txt[s:e]
		var bl line
		var h uint64
		k := 0
		for ; k < min(nrecent, 2); k++ {
			if r := &recent[k]; int(r.end-r.start) == e-s && txt[r.start:r.end] == t {
				break
			}
		}
		if k < min(nrecent, 2) {
			r := &recent[k]
			bl, h = *r, recentHash[k]
			bl.line, bl.start, bl.end = int32(i), int32(s), int32(e)
			bl.wFrom = int32(len(sc.content))
			sc.content = append(sc.content, sc.content[r.wFrom:r.wTo]...)
			bl.wTo = int32(len(sc.content))
		} else {
			bl = line{line: int32(i), start: int32(s), end: int32(e)}
			h = measure(a, &bl, sc)
			recent[nrecent%2], recentHash[nrecent%2] = bl, h
			nrecent++
		}
		out = append(out, bl)
		sc.hashes = append(sc.hashes, h)
	}
	markDuplicates(out, sc.hashes, &w.tab)
	markParagraphs(a, out)
	return out, sc.content
}

// markParagraphs fills the paragraph features of lines of wrapped paragraphs
// and marks them as running text when the paragraph reads as prose.
func markParagraphs(a *text.Analysis, ls []line) {
	k := 0
	for _, p := range a.Paragraphs() {
		if p.Last == p.First {
			continue
		}
		for k < len(ls) && int(ls[k].line) < p.First {
			k++
		}
		j := k
		var agg line
		for j < len(ls) && int(ls[j].line) <= p.Last {
			agg.words += ls[j].words
			agg.stop += ls[j].stop
			agg.letters += ls[j].letters
			agg.nonLatin += ls[j].nonLatin
			agg.linkBytes += ls[j].linkBytes
			agg.anchorWord += ls[j].anchorWord
			agg.end += ls[j].end - ls[j].start
			agg.endKind = ls[j].endKind
			j++
		}
		prose := isProse(&agg)
		for m := k; m < j; m++ {
			ls[m].paraLines = int32(j - k)
			ls[m].paraWords = agg.words
			ls[m].set(lfParaProse, prose)
			ls[m].set(lfProse, ls[m].has(lfProse) || prose)
		}
		k = j
	}
}

// measure fills the intrinsic features of bl and returns the line's
// normalized hash (see lowerHash).
func measure(a *text.Analysis, bl *line, sc *scratch) uint64 {
	low, lw, wi := sc.low[:0], sc.lw[:0], sc.wi[:0]
	defer func() { sc.low, sc.lw, sc.wi = low, lw, wi }()
	t := a.Text()[bl.start:bl.end]
	// Markdown structure at the start of the line.
	switch {
	case len(t) >= 2 && (t[0] == '*' || t[0] == '-' || t[0] == '+') && t[1] == ' ':
		bl.set(lfList, true)
	case len(t) >= 1 && t[0] == '#':
		bl.set(lfHeading, true)
	case len(t) >= 2 && t[0] == '!' && t[1] == '[':
		bl.set(lfImage, true)
	case len(t) >= 1 && t[0] >= '0' && t[0] <= '9':
		j := 0
		for j < len(t) && j < 3 && t[j] >= '0' && t[j] <= '9' {
			j++
		}
		if j+1 < len(t) && (t[j] == '.' || t[j] == ')') && t[j+1] == ' ' {
			bl.set(lfList, true)
			bl.set(lfNumbered, true)
		}
	case strings.HasPrefix(t, "\u2022") || strings.HasPrefix(t, "\u00b7"):
		bl.set(lfList, true)
	case len(t) >= 4 && t[0] == '(' && t[1] >= '0' && t[1] <= '9':
		j := 1
		for j < len(t) && j < 4 && t[j] >= '0' && t[j] <= '9' {
			j++
		}
		if j+1 < len(t) && t[j] == ')' && t[j+1] == ' ' {
			bl.set(lfNumbered, true)
		}
	}
	if len(t) >= 4 && t[0] == '[' {
		j := 1
		for j < len(t) && j < 8 && t[j] != ']' {
			j++
		}
		if j+1 < len(t) && t[j] == ']' && t[j+1] == ':' {
			bl.set(lfRefLink, true)
		}
	}

	// Link targets and URLs: bytes in "](...)", "][...]" and bare URLs don't count
	// as words; words inside "[...]" followed by "(" or "[" are anchor text.
	hideEnd := 0   // words before this offset (relative to t) are hidden link targets
	anchorEnd := 0 // words before this offset are anchor text
	// One pass over the bytes also counts the letters, sentence ends inside the
	// line and a copyright sign. An ASCII byte adds its letter bit from a table
	// without a branch, and only the few bytes the switch looks at get there.
	copyright := false
	letters := 0
	for j := 0; j < len(t); j++ {
		c := t[j]
		if c < utf8.RuneSelf {
			k := byteKind[c]
			letters += int(k & bpbLetter)
			if k&bpbSwitch == 0 {
				continue
			}
		}
		switch c {
		case '[':
			if k := closing(t, j); k > 0 && k+1 < len(t) && (t[k+1] == '(' || t[k+1] == '[') {
				anchorEnd = max(anchorEnd, k)
			}
		case ']':
			if j+1 < len(t) && (t[j+1] == '(' || t[j+1] == '[') {
				close := byte(')')
				if t[j+1] == '[' {
					close = ']'
				}
				// Bounded: "[a](" repeated would make every scan run to
				// the end of the line (issue 16); no real target is longer.
				k, stop := j+2, min(len(t), j+2+maxTargetLen)
				for k < stop && t[k] != close && t[k] != ' ' {
					k++
				}
				bl.linkBytes += int32(k - j)
				hideEnd = max(hideEnd, k)
			}
		case 'h', 'w', 'H', 'W':
			if j >= hideEnd && (j == 0 || !text.IsASCIIWordByte(t[j-1])) && urlAt(t, j) {
				k, stop := j, min(len(t), j+maxTargetLen)
				for k < stop && t[k] != ' ' && t[k] != ')' && t[k] != ']' && t[k] != '"' {
					k++
				}
				bl.linkBytes += int32(k - j)
				hideEnd = k
			}
		case '<', '>', '{', '}', '=', ';', '_':
			bl.code++
		case '|':
			bl.seps++
		case '"':
			bl.quotes++
		case '.', '!', '?':
			if j+1 < len(t) && t[j+1] == ' ' {
				bl.sentEnds++
			}
		}
		if c >= utf8.RuneSelf {
			r, n := utf8.DecodeRuneInString(t[j:])
			switch r {
			case '\u2022', '\u00b7', '\u00bb', '\u203a':
				bl.seps++
			case '\u201c', '\u201d', '\u00ab', '\u201e':
				bl.quotes++
			case '\u00a9':
				copyright = true
			}
			// General Punctuation (dashes, quotation marks, spaces) holds no
			// letter: a line of dashes spares the table search.
			if (r < punctFirst || r > punctLast) && unicode.IsLetter(r) {
				letters++
				if r >= 0x250 {
					bl.nonLatin++
				}
			}
			j += n - 1
		}
	}
	bl.letters = int32(letters)

	// Words.
	bl.wFrom = int32(len(sc.content))
	start := int(bl.start)
	ws := a.WordsIn(start, int(bl.end))
	hideEnd += start
	anchorEnd += start
	first := true
	nh := uint64(fnvOffset)
	for _, w := range ws {
		if w.End <= hideEnd && inLinkTarget(a.Text(), start, w.Start) {
			continue
		}
		word := a.Text()[w.Start:w.End]
		// Scripts written without spaces (Chinese, Japanese) make one token of a
		// whole clause: such a token counts as a word per two of its characters,
		// about the length of a word there, so that a sentence of them weighs what
		// a sentence of a spaced script does.
		// Lower-case the word into low, hashing it on the way: its own hash is the
		// key of the word table and a content word's hash, and the line's
		// normalized hash chains on (see lowerHash).
		ls := len(low)
		var hw, pk uint64
		var ascii bool
		low, hw, pk, nh, ascii = lowerHash(low, word, nh)
		if notices.keys[hw>>58]&(1<<(hw>>52&63)) != 0 {
			bl.set(lfNoticeKey, true)
		}
		lwd := low[ls:]
		k := 1
		if !ascii {
			k = tokenWords(word)
		}
		bl.words += int32(k)
		bl.wordBytes += int32(len(word))
		if w.End <= anchorEnd {
			bl.anchorWord += int32(k)
		}
		r, _ := utf8.DecodeRuneInString(word)
		switch {
		case unicode.IsDigit(r):
			bl.digits++
		case unicode.IsUpper(r):
			if !first {
				bl.title++
			}
			if len(word) >= 2 && allUpper(word) {
				bl.caps++
			}
		}
		if first {
			bl.set(lfFirstLower, unicode.IsLower(r))
			bl.set(lfStartDigit, unicode.IsDigit(r))
		}
		first = false
		e, f := wordTab.lookup(pk, lwd)
		if f&bpwStop != 0 {
			bl.stop++
		} else if len(lwd) >= simMinWordSize {
			sc.content = append(sc.content, hw)
		}
		if f&bpwDate != 0 {
			bl.dateWords++
		}
		lw = append(lw, [2]int32{int32(ls), int32(len(low))})
		wi = append(wi, int32(e))
	}
	bl.wTo = int32(len(sc.content))

	// Known phrases, word by word; only short lines are page furniture.
	if bl.words > 0 && bl.words <= 40 {
		covered := -1 // last word index covered by a matched phrase
		for k := 0; k < len(lw); k++ {
			if wi[k] < 0 || wordTab.keys[wi[k]].flags&bpwPhrase == 0 {
				continue
			}
			for _, p := range wordTab.phrases[wi[k]] {
				if k+len(p.words) > len(lw) {
					continue
				}
				ok := true
				for m := 1; m < len(p.words); m++ {
					if string(low[lw[k+m][0]:lw[k+m][1]]) != p.words[m] {
						ok = false
						break
					}
				}
				if !ok {
					continue
				}
				if p.class == byline && !bylineAt(low, lw, k, len(p.words)) {
					continue
				}
				bl.classes |= p.class
				if k == 0 {
					bl.startClass |= p.class
				}
				end := k + len(p.words) - 1
				if end > covered {
					bl.phraseWords += int32(end - max(covered, k-1))
					covered = end
				}
				break
			}
		}
	}
	if bl.startClass&byline != 0 && bl.words <= 8 {
		bl.set(lfByline, true)
	}
	if copyright {
		bl.classes |= classCopyright
	}

	// Sentence ends inside the line and how it ends.
	end := t
	for end != "" {
		r, n := utf8.DecodeLastRuneInString(end)
		if !text.IsCloser(r) && r != '*' && r != '_' {
			break
		}
		end = end[:len(end)-n]
	}
	if r, _ := utf8.DecodeLastRuneInString(end); end != "" {
		switch r {
		case '.', '!', '?', '\u2026', '\u3002', '\uff01', '\uff1f':
			bl.endKind = endSentence
		case ':':
			bl.endKind = endColon
		default:
			if unicode.IsPunct(r) || unicode.IsSymbol(r) {
				bl.endKind = endOther
			}
		}
	}
	if bl.endKind == endSentence {
		bl.sentEnds++
	}

	bl.set(lfProse, isProse(bl))
	return nh
}

// The General Punctuation block, which holds no letter.
const (
	punctFirst = 0x2000
	punctLast  = 0x206f
)

// closing returns the index of the "]" closing the "[" at j, or -1.
func closing(t string, j int) int {
	depth := 0
	for k := j; k < len(t) && k < j+400; k++ {
		switch t[k] {
		case '[':
			depth++
		case ']':
			depth--
			if depth == 0 {
				return k
			}
		}
	}
	return -1
}

// urlAt reports whether a URL ("http://", "https://", "www.") starts at t[j].
func urlAt(t string, j int) bool {
	rest := t[j:]
	if len(rest) >= 7 && (rest[:7] == "http://" || rest[:7] == "HTTP://") {
		return true
	}
	if len(rest) >= 8 && (rest[:8] == "https://" || rest[:8] == "HTTPS://") {
		return true
	}
	return len(rest) >= 5 && (rest[:4] == "www." || rest[:4] == "WWW.") && text.IsASCIIWordByte(rest[4])
}

// maxTargetLen bounds the look-ahead and look-back of the link target scans,
// which keeps them linear on any line: a URL or link target is never longer in
// prose, and past it a word is taken as a word.
const maxTargetLen = 2048

// inLinkTarget reports whether the word at off sits in a URL or a markdown link
// target: after "](", "][" or a URL start with no space in between, within
// maxTargetLen bytes.
func inLinkTarget(text string, lineStart, off int) bool {
	if urlAt(text, off) {
		return true
	}
	for k := off - 1; k >= max(lineStart, off-maxTargetLen); k-- {
		c := text[k]
		if c == ' ' || c == '\t' {
			return false
		}
		if (c == '(' || c == '[') && k > lineStart && text[k-1] == ']' {
			return true
		}
		if c == '/' && k > lineStart && text[k-1] == '/' {
			return true
		}
		if (c == 'w' || c == 'W') && k+4 <= len(text) && (text[k:k+4] == "www." || text[k:k+4] == "WWW.") {
			return true
		}
	}
	return false
}

func allUpper(w string) bool {
	letters := 0
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 2
}

// lowerHash appends the lower case of w to b (as appendLower does) and
// returns it with the FNV-1a hash of the lower case (hashBytes), its first
// eight bytes packed (pack), nh chained on with the word, and whether w is all
// ASCII.
//
// Chained over a line's words from fnvOffset, nh is the line's normalized hash
// (what measure returns): its words, lower case, each followed by a space, numbers folded
// to "0" (as CCNet normalizes paragraphs), so "Image 3 of 12" and "Image 4 of 12"
// agree. The hash is FNV-1a (64 bits) with no seed, so that counts made on
// different machines agree.
func lowerHash(b []byte, w string, nh uint64) ([]byte, uint64, uint64, uint64, bool) {
	hw := uint64(fnvOffset)
	from := len(b)
	// hn is nh chained on with the word's bytes; a number is folded to "0"
	// instead, which is decided at the end. The two chains are independent, so
	// the processor overlaps their multiplications.
	hn := nh
	ascii := true
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
			hw = (hw ^ uint64(c)) * fnvPrime
			hn = (hn ^ uint64(c)) * fnvPrime
			continue
		}
		ascii = false
		r, n := utf8.DecodeRuneInString(w[i:])
		at := len(b)
		b = utf8.AppendRune(b, unicode.ToLower(r))
		for _, c := range b[at:] {
			hw = (hw ^ uint64(c)) * fnvPrime
			hn = (hn ^ uint64(c)) * fnvPrime
		}
		i += n - 1
	}
	// No rune but an ASCII digit lower-cases to one.
	if w[0] >= '0' && w[0] <= '9' {
		hn = (nh ^ '0') * fnvPrime
	}
	hn = (hn ^ ' ') * fnvPrime
	// Pack the first eight bytes with one load where the array has room past the
	// word (its bytes there are masked off).
	lw := b[from:]
	var pk uint64
	switch n := len(lw); {
	case n >= 8:
		pk = binary.LittleEndian.Uint64(lw)
	case cap(lw) >= 8:
		pk = binary.LittleEndian.Uint64(lw[:8]) & (1<<(8*n) - 1)
	default:
		pk = pack(lw)
	}
	return b, hw, pk, hn, ascii
}

// bylineAt accepts a byline phrase ("by", "von", "par") only at the start of a
// short line and followed by a word: "By Jane Doe", not "stand by".
func bylineAt(low []byte, lw [][2]int32, k, n int) bool {
	if n > 1 {
		return true // "posted by", "last updated", "min read" say it themselves
	}
	w := string(low[lw[k][0]:lw[k][1]])
	switch w {
	case "by", "von", "par", "por", "di":
		return k == 0 && len(lw) >= 2 && len(lw) <= 8
	case "published", "updated", "author", "authors":
		return k <= 1
	}
	return true
}

// tokenWords is the number of words a word token counts for: half its
// characters in Han, Hiragana or Katakana, and at least one.
func tokenWords(word string) int {
	ascii := true
	for i := 0; i < len(word); i++ {
		if word[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return 1
	}
	cjk := 0
	for _, r := range word {
		if isCJK(r) {
			cjk++
		}
	}
	return max(1, cjk/2)
}

// isCJK reports whether r is a Han ideograph, Hiragana or Katakana: the
// scripts written without spaces between words.
func isCJK(r rune) bool {
	return r >= 0x3040 && r <= 0x30ff || r >= 0x3400 && r <= 0x4dbf || r >= 0x4e00 && r <= 0x9fff ||
		r >= 0xf900 && r <= 0xfaff || r >= 0xff66 && r <= 0xff9d
}

// FNV-1a 64-bit parameters.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// markDuplicates counts, for each line, the other lines of the document with
// the same normalized words (menus repeated in a header and a footer).
// hashes[i] is the normalized hash of ls[i].
func markDuplicates(ls []line, hashes []uint64, counts *hashTable) {
	if len(ls) < 2 {
		return
	}
	counts.reset(len(ls))
	for i := range ls {
		if ls[i].words > 0 {
			counts.insert(hashes[i]).count++
		}
	}
	for i := range ls {
		if ls[i].words > 0 {
			ls[i].dups = counts.slot(hashes[i]).count - 1
		}
	}
}

// maxDocLen is the longest document scan reads: line records hold int32
// offsets.
const maxDocLen = math.MaxInt32

// Prose: a line of running text. Stop words are the test for the languages we
// know; text in another script is judged on length alone.
const (
	proseWords   = 8
	proseStop    = 0.2
	proseLetters = 40
	// proseCJKWords: in other scripts, a sentence of 12 words (about 24
	// characters of Chinese or Japanese, see tokenWords) is running text too.
	proseCJKWords = 12
)

func isProse(bl *line) bool {
	if bl.endKind != endSentence && bl.endKind != endColon {
		return false
	}
	if bl.words == 0 || 2*int(bl.linkBytes) > int(bl.end-bl.start) || 2*int(bl.anchorWord) > int(bl.words) {
		return false
	}
	if 2*int(bl.nonLatin) > int(bl.letters) {
		// Other scripts may lack stop lists; Chinese and Japanese count a word per
		// two characters (tokenWords).
		return bl.letters >= proseLetters || bl.words >= proseCJKWords
	}
	return bl.words >= proseWords && float64(bl.stop) >= proseStop*float64(bl.words)
}

// Kinds of ASCII bytes for measure's byte pass.
const (
	bpbLetter = 1 << iota // a letter
	bpbSwitch             // a byte the switch looks at
)

var byteKind = func() (k [utf8.RuneSelf]uint8) {
	for c := 0; c < utf8.RuneSelf; c++ {
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' {
			k[c] |= bpbLetter
		}
		if strings.IndexByte("hwHW[]<>{}=;_|\".!?", byte(c)) >= 0 {
			k[c] |= bpbSwitch
		}
	}
	return k
}()
