package boilerplate

import (
	"bytes"
	"fmt"
	"github.com/corpuslint/corpuslint/rules"
	"github.com/corpuslint/corpuslint/rules/text"
	"github.com/corpuslint/corpuslint/rules/text/wordset"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// TrailingHeadlines returns the trailing-headlines rule: a block of short,
// headline-like lines after the body of a document ("Related", "Trending", "More
// From X" widgets), unrelated to what the body is about.
func TrailingHeadlines() rules.Rule { return trailingHeadlines{} }

type trailingHeadlines struct{}

// Thresholds of the rule, set by hand on the AEB dev split; they favour precision
// (every line the rule flagged there is labeled boilerplate).
const (
	thMinWords          = 3    // a headline has at least this many words ...
	thMaxWords          = 20   // ... and at most this many
	thMinSegWords       = 3    // words of each headline on a '|'-joined line
	thMinMeanWords      = 5    // mean words of a block's headlines (menus are shorter)
	thTitleShare        = 0.6  // share of capitalised words (first one aside) for Title Case
	thMaxStopShare      = 0.55 // stop words among a headline's words ...
	thMaxStopShareTitle = 0.7  // ... or a Title Case headline's
	thMaxNumShare       = 0.4  // words starting with a digit (dates, scores, prices)
	// A block without a lead-in line needs this many headlines, most of them with a
	// strong headline feature (Title Case or a separator affix).
	thMinHeadlines   = 3
	thMinStrongShare = 0.6
	// With a lead-in line ("Related:", "Trending") fewer headlines will do.
	thMinHeadlinesLead = 2
	// A headline is related to the body when it shares this many distinct content
	// words with it; a block is unrelated when at most this share of its headlines
	// is related. After an explicit lead-in line ("Related", "You may also like",
	// "More From X") the topic does not matter; after a generic one ("More", "See
	// also", "Next") it does.
	thRelatedWords    = 2
	thMaxRelatedShare = 0.25
	// The text before the block must read as a body: this many prose lines, or one
	// prose line and this many words.
	thMinBodyProse = 2
	thMinBodyWords = 60
	// Footer lines (copyright, "powered by") allowed after the block.
	thMaxFooter = 2
	// thMaxBlockLines bounds the backward scan: a tail of more lines that all read
	// as headlines, separators or blanks is a list page or a dump, not a widget
	// after an article, and scanning it whole made memory grow with the document.
	thMaxBlockLines = 300
	// Short lines (tags) allowed in a row under a lead-in line.
	thMaxMinor = 2
)

func (trailingHeadlines) Meta() rules.Meta {
	return rules.Meta{
		Name:     "trailing-headlines",
		Category: rules.Boilerplate,
		Severity: rules.Warning,
		Fixable:  true,
		Title:    "a block of unrelated headline-like lines after the body",
		Doc: `Flags a block at the end of a document made of short, headline-like lines
that have nothing to do with the body: the "Related", "Trending", "More From X" or
"You may also like" widgets that extractors keep after the article.

A line is headline-like when it has 3 to 20 words, does not end in a full stop,
comma, colon, semicolon or "*" (a question or exclamation mark is fine), starts
with a capital, has few stop words, is no quoted speech ('"...," he said'), no
list of names, no link, footnote, credit, date or copyright line. It is strong
evidence when it is in Title Case or carries a separator: a trailing " -", "|",
"»" or "›", or a " - " or "|" between a kicker and the headline. The block may
also hold a lead-in line ("Related:", "More From CNN", "Trending now", "You may
also like", "Read more", "Lire aussi", "Mehr zum Thema", "Leer más", ...), lone
separator lines ("-", "*", "***", "|", "•"), and, right under a lead-in line, up
to two one- or two-word tag lines ("More in Milan" / "Milan"). One line holding
three or more headlines joined by "|" counts as that many headlines. Up to two
copyright or "powered by" lines may follow the block; they stay.

The rule flags the block when:
  - a body comes before it: two prose lines ending in terminal punctuation, or
    one and 60 words; the line just before it is no "Key points:" style intro;
  - the headlines average 5 words or more (menus such as "About Us" are shorter);
  - without a lead-in line: 3 headlines or more, at least 60% of them strong, no
    list markers ("-", "*", "1.") on half of them, and no common first word or
    leading date on half of them (tour dates, "Q:"/"A:" pairs, numbered lists);
    with a lead-in line: 2 headlines or more;
  - the headlines are unrelated to the body: at most a quarter of them share two
    or more distinct content words with it (one shared word, such as a country
    name, is not enough). After an explicit lead-in ("Related", "Trending", "You
    may also like", "More From X") the topic does not matter; after a generic one
    ("More", "See also", "Next", "Recommended") it does. Headlines at the top of
    the block that share the body's topic are read as the body's own last lines.

It leaves alone: a body ending with a topical bullet list, credit lines such as
"Reporting by X; Editing by Y", copyright and date lines, short final paragraphs
that are sentences, a subheading and its paragraph, markdown reference lists,
and a document with no body. The message counts the lines and names the features
that decided; the score is the share of headlines related to the body.

The safe fix deletes the block together with the line break before it and any
blank lines after it; a final line break of the document is kept, so a text
without one ends exactly where the body ends.`,
		Bad:  "Hospitals in the eastern Czech cities of Olomouc and Ostrava reported attacks.\nThe agency did not say where the attacks might come from.\n-\nBad Bunny Headlines Super Bowl With Hits, Dancers And Celebrity Guests -\nMiranda Kerr Shares The One Wellness Practice She Does With Her Kids -\nChris Hemsworth Hailed By Halle Berry For Sweet Gesture",
		Good: "Hospitals in the eastern Czech cities of Olomouc and Ostrava reported attacks.\nThe agency did not say where the attacks might come from.",
	}
}

// thKind is what a line is to the block.
type thKind uint8

const (
	thOther thKind = iota
	thBlank
	thSeparator
	thLeadIn
	thHeadline
	// thMinor is a one- or two-word line ("Milan", "Xi Jinping"): a tag or section
	// link, allowed in a block only when a lead-in line says what the block is.
	thMinor
)

// Headline features, as bits, for the message.
const (
	thTitle      = 1 << iota // Title Case
	thDashSuffix             // trailing " -"
	thPipe                   // "|" as a suffix or separator
	thBullet                 // "•" or "·" as a bullet, suffix or separator
	thGuillemet              // "»", "›" or ">" as a suffix or separator
	thInnerDash              // " - " between a headline and its kicker or site
	thEllipsis               // cut short with "…"
	thListItem               // a "-", "*", "+" or "1." list marker: the article's own list
)

const thStrongFeatures = thTitle | thDashSuffix | thPipe | thGuillemet | thInnerDash

// thLine is the classification of one line.
type thLine struct {
	kind     thKind
	features int
	// heads are the headlines on the line (more than one on a '|'-joined line).
	heads []string
	// words counts the words of the headlines.
	words int
	// lead is the lead-in phrase (for a lead-in line, or a "Related: X" line).
	lead string
}

func (l thLine) strong() bool { return l.features&thStrongFeatures != 0 }

func (r trailingHeadlines) Check(p *rules.Pass) {
	// Each pass gets its own copies, so that no caller can change another's finding.
	for _, f := range thBlock(p.Analysis) {
		if f.Fix != nil {
			fix := *f.Fix
			fix.Edits = append([]rules.Edit(nil), fix.Edits...)
			f.Fix = &fix
		}
		if f.Score != nil {
			sc := *f.Score
			f.Score = &sc
		}
		p.Report(f)
	}
}

// thBlockKey caches the trailing headline block of a document: trailing-headlines
// reports it and trailing-boilerplate leaves its lines alone.
var thBlockKey = text.NewKey[[]rules.Finding]("trailing headline block")

// thBlock returns the finding of the trailing headline block of a's text (none
// or one), computed once per document. Callers must not change it.
func thBlock(a *text.Analysis) []rules.Finding {
	return text.Result(a, thBlockKey, func(a *text.Analysis) []rules.Finding {
		var fs []rules.Finding
		thCheck(a, func(f rules.Finding) { fs = append(fs, f) })
		return fs
	})
}

// thCheck finds the trailing block of a's text and sends its finding to report.
func thCheck(a *text.Analysis, report func(rules.Finding)) {
	txt := a.Text()
	lines := a.Lines()
	if len(lines) < 3 {
		return
	}
	var buf []text.Word

	// A copyright or "powered by" footer may follow the block; it is not the
	// block's (nor this rule's) business, so skip up to thMaxFooter such lines.
	scanEnd := len(lines) - 1
	footer := false
	for k := 0; scanEnd >= 0; scanEnd-- {
		t := a.LineText(scanEnd)
		if text.IsBlank(t) {
			continue
		}
		if k >= thMaxFooter || !thIsFooter(t) {
			break
		}
		k++
		footer = true
	}
	// Scan back over blank, separator, lead-in and headline lines.
	cls := make([]thLine, 0, 16) // cls[k] is line scanEnd-k
	last, top := -1, -1          // the block's last and first non-blank lines
	for i := scanEnd; i >= 0; i-- {
		var c thLine
		c, buf = thClassify(a.LineText(i), buf)
		if c.kind == thOther {
			break
		}
		if len(cls) == thMaxBlockLines {
			return
		}
		cls = append(cls, c)
		if c.kind == thBlank {
			continue
		}
		if last < 0 {
			last = i
		}
		top = i
	}
	if last < 0 {
		return
	}
	at := func(i int) thLine { return cls[scanEnd-i] }
	// A short line belongs to the block only right under a lead-in line ("More in
	// Milan" / "Milan"), at most thMaxMinor in a row; the block starts after the
	// last short line that is not so placed (a menu, a form).
	run := -1 // short lines in a row under a lead-in; -1 when not under one
	cut := -1
	for i := top; i <= last; i++ {
		switch c := at(i); {
		case c.kind == thBlank:
		case c.kind == thLeadIn || c.lead != "":
			run = 0
		case c.kind == thMinor:
			if run < 0 || run >= thMaxMinor {
				cut = i
				run = -1
			} else {
				run++
			}
		default:
			run = -1
		}
	}
	if cut >= 0 {
		top = cut + 1
	}
	for top <= last && at(top).kind == thBlank {
		top++
	}
	if top > last {
		return
	}
	// Cheap shape check before the body is read: enough headlines of some length.
	heads, words := 0, 0
	for i := top; i <= last; i++ {
		heads += len(at(i).heads)
		words += at(i).words
	}
	if heads < thMinHeadlinesLead || words < thMinMeanWords*heads {
		return
	}
	prev := top - 1 // the last line of the body: the line before the block, blanks aside
	for prev >= 0 && a.IsBlank(prev) {
		prev--
	}
	if prev < 0 {
		return // no body at all: a document of headlines is not this rule's business
	}
	if !thHasBody(a, prev) {
		return
	}
	// A list the body introduces ("Key points:", "The nominees are:") is the body's.
	if pt := text.TrimSpace(a.LineText(prev)); strings.HasSuffix(pt, ":") && thLeadPhrase(pt) == "" {
		return
	}

	// Only the block's own content words matter in the body: collect them first
	// (a few dozen) and keep just those of the body, rather than a set of every
	// distinct word of the body. related() gives the same answers, as it only
	// asks about words of these headlines.
	want := make(map[string]struct{})
	for i := top; i <= last; i++ {
		c := at(i)
		if len(c.heads) == 0 {
			continue
		}
		// The words of the heads joined by spaces are the words of each head (no
		// word runs over a space), so the heads alone give the same keys.
		for _, h := range c.heads {
			thAddContentKeys(want, h, &buf)
		}
	}
	body := thBodyWords(a, prev, want)
	related := func(h string) bool { return thSharedWords(h, body, &buf) >= thRelatedWords }

	// Lines at the top of the block that share the body's topic are the body's own
	// closing lines (a short last paragraph, a subheading), not the widget.
	for top <= last {
		c := at(top)
		if c.kind == thBlank {
			top++
			continue
		}
		if c.kind != thHeadline || c.lead != "" || !related(strings.Join(c.heads, " ")) {
			break
		}
		top++
	}
	if top > last {
		return
	}
	for prev = top - 1; prev >= 0 && a.IsBlank(prev); prev-- {
	}

	var (
		nLines, nHeads, nStrong, nRelated, nSep int
		nWords, nList, nMinor                   int
		firsts                                  []string
		leads                                   []string
		strongLead                              bool
		featCount                               [8]int
	)
	for i := top; i <= last; i++ {
		c := at(i)
		if c.kind == thBlank {
			continue
		}
		nLines++
		switch c.kind {
		case thSeparator:
			nSep++
		case thMinor:
			nMinor++
		case thLeadIn:
			leads = append(leads, c.lead)
			strongLead = strongLead || !thWeakLeads[thNormLead(c.lead)]
		case thHeadline:
			if c.lead != "" {
				leads = append(leads, c.lead)
				strongLead = strongLead || !thWeakLeads[thNormLead(c.lead)]
			}
			nWords += c.words
			for _, h := range c.heads {
				firsts = append(firsts, thFirstWord(h))
				if c.features&thListItem != 0 {
					nList++
				}
				nHeads++
				if c.strong() {
					nStrong++
				}
				if related(h) {
					nRelated++
				}
			}
			for b := 0; b < len(featCount); b++ {
				if c.features&(1<<b) != 0 {
					featCount[b] += len(c.heads)
				}
			}
		}
	}
	if nHeads == 0 || nWords < thMinMeanWords*nHeads || nMinor > nHeads {
		return // nothing, or a menu ("Al Jazeera Forum", "Contact Us")
	}
	hasLead := len(leads) > 0
	share := float64(nRelated) / float64(nHeads)
	maxShare := thMaxRelatedShare
	if hasLead {
		if strongLead {
			maxShare = 1 // an explicit "Related", "More From X" block is junk on any topic
		}
		if nHeads < thMinHeadlinesLead {
			return
		}
	} else {
		if nHeads < thMinHeadlines || nList*2 >= nHeads || thListLike(firsts) {
			return // too few, or the article's own list (bullets, numbers, dates, Q&A)
		}
		if float64(nStrong) < thMinStrongShare*float64(nHeads) {
			return
		}
	}
	if share > maxShare {
		return
	}

	// The finding spans the block; the fix also takes the line break before it and
	// any blank lines after it, but keeps the document's final line break.
	start, end := lines[top].Start, lines[last].End
	delStart, delEnd := lines[prev].End, len(txt)
	switch {
	case footer:
		delEnd = end // the footer stays, on the line after the body
	case strings.HasSuffix(txt, "\r\n"):
		delEnd -= 2
	case strings.HasSuffix(txt, "\n"):
		delEnd--
	}
	delEnd = max(delEnd, end)

	var what []string
	if len(leads) > 0 {
		what = append(what, fmt.Sprintf("lead-in %q", leads[0]))
	}
	if nSep > 0 {
		what = append(what, thPlural(nSep, "separator"))
	}
	what = append(what, thPlural(nHeads, "headline"))
	feats := thFeatureNames(featCount[:], nHeads)
	if nRelated == 0 {
		feats = append(feats, "no shared topic with the body")
	} else {
		feats = append(feats, fmt.Sprintf("%d of %d share topic words with the body", nRelated, nHeads))
	}
	rel := "unrelated to the body"
	if share > thMaxRelatedShare {
		rel = "under a lead-in line"
	}
	msg := fmt.Sprintf("%s %s (%s: %s)", thPlural(nLines, "trailing headline-like line"), rel,
		strings.Join(what, " + "), strings.Join(feats, ", "))
	report(rules.Finding{
		Start:   start,
		End:     end,
		Message: msg,
		Fix: &rules.Fix{
			Message:       "delete the trailing headline block",
			Applicability: rules.Safe,
			Edits:         []rules.Edit{{Start: delStart, End: delEnd}},
		},
		Score: &rules.Score{Name: "related_headline_share", Value: share, Op: "<=", Threshold: maxShare},
	})
}

// thFirstWord returns the first word of h in lower case, "#" for a number.
func thFirstWord(h string) string {
	ws := text.AppendWords(nil, h, 0, len(h))
	if len(ws) == 0 {
		return ""
	}
	w := strings.ToLower(h[ws[0].Start:ws[0].End])
	if r, _ := utf8.DecodeRuneInString(w); unicode.IsDigit(r) || thMonths[strings.TrimSuffix(w, ".")] {
		return "#"
	}
	return w
}

// thListLike reports whether the headlines begin alike, as the items of a list
// do (dates, numbers, "Q:"/"A:"), where the headlines of a widget vary.
func thListLike(firsts []string) bool {
	for i, f := range firsts {
		if f == "the" || f == "" {
			continue // many headlines start with "The"
		}
		n := 0
		for _, g := range firsts[i:] {
			if g == f {
				n++
			}
		}
		if n*2 >= len(firsts) && n >= 2 {
			return true
		}
	}
	return false
}

func thPlural(n int, s string) string {
	if n == 1 {
		return "1 " + s
	}
	return fmt.Sprintf("%d %ss", n, s)
}

// thFeatureNames names the features that most of the headlines share.
func thFeatureNames(count []int, n int) []string {
	names := []struct {
		bit  int
		name string
	}{
		{thTitle, "Title Case"},
		{thDashSuffix, "' -' suffix"},
		{thPipe, "'|' separated"},
		{thBullet, "'•' bullets"},
		{thGuillemet, "'»' suffix"},
		{thInnerDash, "' - ' separated"},
		{thEllipsis, "cut short with '…'"},
	}
	var out []string
	for _, nm := range names {
		b := 0
		for nm.bit>>b != 1 {
			b++
		}
		if count[b]*2 >= n {
			out = append(out, nm.name)
		}
	}
	if count[0]*2 < n {
		out = append([]string{"sentence-case"}, out...)
	}
	return append(out, "no final full stop")
}

// thHasBody reports whether lines 0..last read as a body: enough prose lines
// (sentences that end in terminal punctuation) and words.
func thHasBody(a *text.Analysis, last int) bool {
	lines := a.Lines()
	prose, words := 0, 0
	for i := last; i >= 0; i-- {
		l := lines[i]
		ws := a.WordsIn(l.Start, l.End)
		words += len(ws)
		if len(ws) >= 5 {
			s := text.TrimSpace(a.Text()[l.Start:l.End])
			for s != "" {
				r, n := utf8.DecodeLastRuneInString(s)
				if !text.IsCloser(r) {
					break
				}
				s = s[:len(s)-n]
			}
			r, _ := utf8.DecodeLastRuneInString(s)
			if r == '.' || r == '!' || r == '?' || r == '\u2026' {
				prose++
			}
		}
		if prose >= thMinBodyProse || (prose >= 1 && words >= thMinBodyWords) {
			return true
		}
	}
	return false
}

// thBodyWords returns the distinct content words of lines 0..last that are in want.
// It reads every word of the body, so it asks first whether a word's key could
// be in want at all (its length and first byte, then the map) and only then
// whether the word is a content word, rather than the other way round: the
// answer is the same, as thAppendContentKey's key is a function of the lowered
// word whatever its verdict, and few body words are wanted.
func thBodyWords(a *text.Analysis, last int, want map[string]struct{}) map[string]struct{} {
	set := make(map[string]struct{}, len(want))
	if len(want) == 0 {
		return set
	}
	// lens[b] has bit l set when a wanted key of l bytes (l%64) starts with b.
	var lens [256]uint64
	for k := range want {
		lens[k[0]] |= 1 << (len(k) & 63)
	}
	end := a.Lines()[last].End
	ws := a.WordsIn(0, end)
	var kbuf [64]byte
	k := kbuf[:0]
	for _, w := range ws {
		d := bytesTrimSuffix(bytesTrimSuffix(thAppendLower(k[:0], a.Text()[w.Start:w.End]), "'s"), "\u2019s")
		k = d
		if n := len(d); n > 4 && d[n-1] == 's' && d[n-2] != 's' {
			k = d[:n-1]
		}
		if len(k) == 0 || lens[k[0]]&(1<<(len(k)&63)) == 0 {
			continue
		}
		// m[string(k)] lookups do not allocate; only a first hit makes a string.
		if _, in := want[string(k)]; !in {
			continue
		}
		if !thIsContentWord(d) {
			continue
		}
		if _, in := set[string(k)]; !in {
			set[string(k)] = struct{}{}
		}
	}
	return set
}

// thAddContentKeys adds the content words of h to set.
func thAddContentKeys(set map[string]struct{}, h string, buf *[]text.Word) {
	*buf = text.AppendWords((*buf)[:0], h, 0, len(h))
	var kbuf [64]byte
	k := kbuf[:0]
	for _, w := range *buf {
		var ok bool
		if k, ok = thAppendContentKey(k, h[w.Start:w.End]); ok {
			if _, in := set[string(k)]; !in {
				set[string(k)] = struct{}{}
			}
		}
	}
}

// thSharedWords counts the distinct content words of h that occur in body.
func thSharedWords(h string, body map[string]struct{}, buf *[]text.Word) int {
	*buf = text.AppendWords((*buf)[:0], h, 0, len(h))
	n := 0
	var seen []string
	var kbuf [64]byte
	k := kbuf[:0]
	for _, w := range *buf {
		var ok bool
		if k, ok = thAppendContentKey(k, h[w.Start:w.End]); !ok {
			continue
		}
		if _, in := body[string(k)]; !in {
			continue
		}
		dup := false
		for _, s := range seen {
			if s == string(k) {
				dup = true
				break
			}
		}
		if !dup {
			seen = append(seen, string(k))
			n++
		}
	}
	return n
}

// thAppendContentKey folds word w for topic comparison into dst[:0]: lower case,
// no possessive, no plural "s"; ok is false for stop words, numbers and words
// under 3 letters. Writing into a buffer lets the callers look the key up in a
// map (m[string(k)] does not allocate) and copy it only when they keep it.
func thAppendContentKey(dst []byte, w string) ([]byte, bool) {
	dst = thAppendLower(dst[:0], w)
	dst = bytesTrimSuffix(bytesTrimSuffix(dst, "'s"), "\u2019s")
	if !thIsContentWord(dst) {
		return dst, false
	}
	if n := len(dst); n > 4 && dst[n-1] == 's' && dst[n-2] != 's' {
		dst = dst[:n-1]
	}
	return dst, true
}

// thIsContentWord reports whether d, a lowered word without its possessive, is a
// content word: three letters or more, starting with a letter, no stop word.
func thIsContentWord(d []byte) bool {
	if utf8.RuneCount(d) < 3 || wordset.Stopwords[string(d)] {
		return false
	}
	r, _ := utf8.DecodeRune(d)
	return unicode.IsLetter(r)
}

func bytesTrimSuffix(b []byte, sfx string) []byte {
	if len(b) >= len(sfx) && string(b[len(b)-len(sfx):]) == sfx {
		return b[:len(b)-len(sfx)]
	}
	return b
}

// thAppendLower appends strings.ToLower(s) to dst in one pass and without
// allocating: ASCII bytes through a table, other runes as strings.ToLower maps
// them (unicode.ToLower, an invalid byte becoming U+FFFD). Falling back to
// strings.ToLower for any non-ASCII text allocated for every line or word with a
// curly apostrophe or quote; TestThAppendLower and FuzzThAppendLower hold the two
// equal.
func thAppendLower(dst []byte, s string) []byte {
	n0 := len(dst)
	dst = slices.Grow(dst, len(s))[:n0+len(s)]
	i := 0
	for ; i < len(s) && s[i] < utf8.RuneSelf; i++ {
		dst[n0+i] = rlLower[s[i]]
	}
	if i == len(s) {
		return dst
	}
	dst = dst[:n0+i]
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			dst = append(dst, rlLower[c])
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		dst = utf8.AppendRune(dst, unicode.ToLower(r))
		i += n
	}
	return dst
}

// thClassify says what line s is to a trailing block.
func thClassify(s string, buf []text.Word) (thLine, []text.Word) {
	t := text.TrimSpace(s)
	if t == "" {
		return thLine{kind: thBlank}, buf
	}
	if thIsSeparator(t) {
		return thLine{kind: thSeparator}, buf
	}
	if lead := thLeadPhrase(t); lead != "" {
		return thLine{kind: thLeadIn, lead: lead}, buf
	}
	var c thLine
	// "Related: Headline" and "READ MORE: Headline" carry their own lead-in.
	if i := strings.IndexByte(t, ':'); i > 0 && i < 40 {
		if lead := thLeadPhrase(t[:i+1]); lead != "" {
			c.lead = lead
			t = text.TrimSpace(t[i+1:])
		}
	}
	t, c.features = thStripAffixes(t)
	if t == "" {
		return thLine{}, buf
	}
	// Several headlines joined by '|' on one line.
	if strings.Count(t, "|") >= 2 {
		segs := strings.Split(t, "|")
		ok, total, titles := true, 0, 0
		var heads []string
		for _, sg := range segs {
			sg = text.TrimSpace(sg)
			var f, n int
			f, n, buf = thHeadlineFeatures(sg, thMinSegWords, buf)
			total += n
			if f < 0 {
				ok = false
				continue
			}
			if f&thTitle != 0 {
				titles++
			}
			heads = append(heads, sg)
		}
		if ok && len(heads) >= 3 {
			c.kind = thHeadline
			c.heads = heads
			// Each headline has thMinSegWords words at least, so the line is no
			// menu; count it as long enough for the block's menu check.
			c.words = max(total, thMinMeanWords*len(heads))
			c.features |= thPipe
			if titles*2 >= len(heads) {
				c.features |= thTitle
			}
			return c, buf
		}
		if float64(total) < 2.5*float64(len(segs)) {
			return thLine{}, buf // a navigation bar ("Home | News | Sport")
		}
	}
	f, n, buf := thHeadlineFeatures(t, thMinWords, buf)
	if f < 0 {
		if n > 0 && n < thMinWords && c.lead == "" {
			if g, _, _ := thHeadlineFeatures(t, 1, buf); g >= 0 {
				return thLine{kind: thMinor}, buf
			}
		}
		return thLine{}, buf
	}
	c.kind = thHeadline
	c.words = n
	c.features |= f
	c.heads = []string{t}
	return c, buf
}

// thIsSeparator reports whether t is a lone separator ("-", "***", "|", "•").
func thIsSeparator(t string) bool {
	// A rune takes at most utf8.UTFMax bytes: longer lines need no count.
	if len(t) > 24*utf8.UTFMax || utf8.RuneCountInString(t) > 24 {
		return false
	}
	for _, r := range t {
		switch r {
		case '-', '\u2013', '\u2014', '\u2015', '*', '|', '\u2022', '\u00b7', '_', '=', '~', '#', '+', ' ', '\t':
		default:
			return false
		}
	}
	return true
}

// thStripAffixes removes a leading bullet and trailing separators from t and
// notes them as features; it also notes separators inside t.
func thStripAffixes(t string) (string, int) {
	f := 0
	// Leading bullet: "- ", "* ", "• ", "» ", "1. ", "2) ".
	for _, b := range []struct {
		p string
		f int
	}{{"- ", thListItem}, {"* ", thListItem}, {"+ ", thListItem}, {"\u2013 ", thListItem}, {"\u2014 ", thListItem}, {"\u2022", thBullet}, {"\u00b7", thBullet}, {"\u00bb", thGuillemet}, {"\u203a", thGuillemet}} {
		if strings.HasPrefix(t, b.p) {
			t = text.TrimSpace(t[len(b.p):])
			f |= b.f
			break
		}
	}
	if i := 0; i < len(t) && t[i] >= '0' && t[i] <= '9' {
		for i < len(t) && i < 3 && t[i] >= '0' && t[i] <= '9' {
			i++
		}
		if i+1 < len(t) && (t[i] == '.' || t[i] == ')') && t[i+1] == ' ' {
			t = text.TrimSpace(t[i+1:])
			f |= thListItem
		}
	}
	// Trailing separators, possibly several (" - |").
	for changed := true; changed && t != ""; {
		changed = false
		for _, sfx := range []struct {
			s string
			f int
		}{{" -", thDashSuffix}, {" \u2013", thDashSuffix}, {" \u2014", thDashSuffix}, {"|", thPipe}, {"\u2022", thBullet}, {"\u00b7", thBullet}, {"\u00bb", thGuillemet}, {"\u203a", thGuillemet}, {" >", thGuillemet}, {"\u2192", thGuillemet}} {
			if strings.HasSuffix(t, sfx.s) {
				t = text.TrimSpace(t[:len(t)-len(sfx.s)])
				f |= sfx.f
				changed = true
			}
		}
	}
	if strings.Contains(t, " | ") {
		f |= thPipe
	}
	if strings.Contains(t, " \u2022 ") || strings.Contains(t, " \u00b7 ") {
		f |= thBullet
	}
	if strings.Contains(t, " \u00bb ") || strings.Contains(t, " \u203a ") {
		f |= thGuillemet
	}
	if strings.Contains(t, " - ") {
		f |= thInnerDash
	}
	return t, f
}

// thHeadlineFeatures judges whether t reads as a headline. It returns -1 when it
// does not, else its features (thTitle, thEllipsis), and the number of words.
func thHeadlineFeatures(t string, minWords int, buf []text.Word) (int, int, []text.Word) {
	if t == "" {
		return -1, 0, buf
	}
	f := 0
	// Footnotes ("^ ...") and lists of names ("A, B, C, D") are no headlines.
	if t[0] == '^' || strings.Count(t, ",") >= 3 {
		return -1, 0, buf
	}
	// The end: no full stop, comma, colon or semicolon, also inside closing quotes
	// and before reference marks ("...in 1999.[2]").
	e := thTrimRefs(t)
	for e != "" {
		r, n := utf8.DecodeLastRuneInString(e)
		if !text.IsCloser(r) {
			break
		}
		e = e[:len(e)-n]
	}
	switch {
	case strings.HasSuffix(e, "...") || strings.HasSuffix(e, "\u2026"):
		f |= thEllipsis
	case e == "":
		return -1, 0, buf
	default:
		r, _ := utf8.DecodeLastRuneInString(e)
		switch r {
		case '.', ',', ';', ':', '(', '[', '-', '\u2013', '\u2014', '/', '&', '*':
			return -1, 0, buf
		}
	}
	buf = text.AppendWords(buf[:0], t, 0, len(t))
	n := len(buf)
	if n < minWords || n > thMaxWords {
		return -1, n, buf
	}
	if thIsLinkOrCredit(t) {
		return -1, 0, buf
	}
	var stops, nums, caps, capBase int
	speech := false
	var lbuf [64]byte // lower-case word for the map lookups, without allocating
	for k, w := range buf {
		ws := t[w.Start:w.End]
		lb := thAppendLower(lbuf[:0], ws)
		r, _ := utf8.DecodeRuneInString(ws)
		if !unicode.IsLetter(r) {
			if unicode.IsDigit(r) {
				nums++
			}
			continue
		}
		if wordset.Stopwords[string(lb)] {
			stops++
		}
		if thSpeechVerbs[ws] {
			speech = true
		}
		lower, upper := unicode.IsLower(r), unicode.IsUpper(r) || unicode.IsTitle(r)
		if !lower && !upper {
			continue // a script without case (Hangul, Han, Arabic): no Title Case
		}
		if k == 0 {
			// A headline starts with a capital ("iPhone" aside).
			if lower && strings.ToLower(ws) == ws {
				return -1, n, buf
			}
			continue
		}
		if lower && thMinorWords[string(lb)] {
			continue
		}
		capBase++
		if upper {
			caps++
		}
	}
	// A wrapped paragraph breaks after "and" or "the"; a headline does not end so.
	if lb := thAppendLower(lbuf[:0], t[buf[n-1].Start:buf[n-1].End]); thDanglingWords[string(lb)] {
		return -1, n, buf
	}
	title := capBase >= 2 && float64(caps) >= thTitleShare*float64(capBase)
	maxStop := thMaxStopShare
	if title {
		maxStop = thMaxStopShareTitle // "How To Train Your Puppy In Two Weeks"
	}
	if float64(stops) > maxStop*float64(n) || float64(nums) > thMaxNumShare*float64(n) {
		return -1, n, buf
	}
	if speech && strings.ContainsAny(t, "\"\u201c\u201d\u201e") {
		return -1, n, buf // quoted speech: `"We will win," he said`
	}
	if title {
		f |= thTitle
	}
	return f, n, buf
}

// thTrimRefs removes trailing reference marks such as "[2]" or "[12][13]".
func thTrimRefs(t string) string {
	for strings.HasSuffix(t, "]") {
		i := strings.LastIndexByte(t, '[')
		if i < 0 || i < len(t)-6 {
			break
		}
		for _, c := range t[i+1 : len(t)-1] {
			if c < '0' || c > '9' {
				return t
			}
		}
		t = t[:i]
	}
	return t
}

// thIsFooter reports a copyright or "powered by" line.
func thIsFooter(t string) bool {
	// It runs on the document's last line, often a long paragraph: lower it into
	// a stack buffer rather than allocate with strings.ToLower.
	var lbuf [512]byte
	lt := thAppendLower(lbuf[:0], t)
	for _, c := range thFooterMarks {
		if bytes.Contains(lt, c) {
			return true
		}
	}
	return false
}

var thFooterMarks = thByteStrings([]string{"\u00a9", "copyright", "all rights reserved", "issn", "powered by", "(c) 19", "(c) 20"})

// thIsLinkOrCredit reports lines that are never headlines: URLs and markdown
// links or references, credit, date and copyright lines.
func thIsLinkOrCredit(t string) bool {
	if strings.Contains(t, "://") || strings.Contains(t, "www.") || strings.Contains(t, "](") || strings.Contains(t, "][") ||
		strings.Contains(t, "@") || strings.Contains(t, "\u00a9") {
		return true
	}
	if len(t) > 2 && t[0] == '[' {
		if i := strings.Index(t, "]:"); i > 0 {
			return true
		}
	}
	// Lower into a stack buffer: strings.ToLower allocates for every Title Case
	// line, and this runs on every headline candidate.
	var lbuf [256]byte
	lb := thAppendLower(lbuf[:0], t)
	if len(lb) == 0 {
		return false
	}
	for _, p := range thCreditPrefixes {
		if bytes.HasPrefix(lb, p) {
			return true
		}
	}
	// One pass over the line, trying at each byte only the infixes that start
	// with it, instead of one full search per infix (there are some forty).
	for i, c := range lb {
		for _, in := range thCreditInfixByFirst[c] {
			if bytes.HasPrefix(lb[i:], in) {
				return true
			}
		}
	}
	return false
}

// thCreditInfixByFirst indexes thCreditInfixes by their first byte.
var thCreditInfixByFirst = func() (idx [256][][]byte) {
	for _, in := range thCreditInfixes {
		idx[in[0]] = append(idx[in[0]], in)
	}
	return idx
}()

func thByteStrings(ss []string) [][]byte {
	out := make([][]byte, len(ss))
	for i, s := range ss {
		out[i] = []byte(s)
	}
	return out
}

var thCreditPrefixes = thByteStrings([]string{
	"reporting by", "editing by", "additional reporting", "writing by", "compiled by",
	"written by", "story by", "words by", "edited by", "reported by", "produced by",
	"photo:", "photos:", "photo by", "photograph", "image:", "images:", "image by", "picture:",
	"pictures:", "credit:", "credits:", "source:", "subscribe", "sign up", "click here", "follow", "sources:", "via ", "(c)",
	"copyright", "published", "updated", "posted", "first published", "last updated",
	"filed under", "tags:", "topics:", "category:", "categories:", "by ", "with reporting",
	"(reuters)", "(ap)", "(afp)",
})

var thCreditInfixes = thByteStrings([]string{
	"all rights reserved", "contributed to this report", "contributed reporting",
	"(reuters)", "reporting by", "editing by", "credit:", "getty images", "associated press", "(image:",
	"privacy policy", "privacy notice", "terms of service", "terms of use", "terms and conditions",
	"terms & conditions", "cookie policy", "cookie settings", "contact us", "about us", "sitemap",
	"powered by", "sign up", "sign in", "log in", "newsletter", "advertise with", "follow us",
	"share this", "leave a comment", "unsubscribe", "(photo:", "(picture:", "(credit:", "/getty", "/ap)", "/reuters", "shutterstock",
})

// thLeadPhrase returns t when it is a lead-in line of a related-links block
// ("Related:", "More From CNN", "Trending now", "Lire aussi"), else "".
func thLeadPhrase(t string) string {
	raw := text.TrimSpace(t)
	if len(raw) > 80 || strings.Count(raw, " ") > 8 {
		return ""
	}
	if !thMayLead(raw) {
		return ""
	}
	s := thNormLead(raw)
	if s == "" {
		return ""
	}
	if thLeadIns[s] {
		return raw
	}
	words := strings.Fields(s)
	if len(words) > 7 {
		return ""
	}
	// "More From CNN", "Latest from the BBC", "More in Milan": a lead-in phrase, a
	// preposition and a short name.
	for i := 1; i < len(words)-1 && i <= 3; i++ {
		switch words[i] {
		case "from", "in", "on", "at", "about", "by", "de", "du", "des", "aus", "von", "zum", "zur", "del", "di", "da", "do":
			if thLeadIns[strings.Join(words[:i], " ")] && len(words)-i-1 <= 4 {
				return raw
			}
		}
	}
	// "More Business News", "Previous Story", "Next Auto News".
	first, lastw := words[0], words[len(words)-1]
	if len(words) >= 2 && len(words) <= 5 {
		switch first {
		case "more", "latest", "top", "other", "previous", "next", "newer", "older", "prev", "recent", "related", "similar", "popular":
			switch lastw {
			case "news", "stories", "story", "articles", "article", "posts", "post", "headlines", "videos", "reads", "entries", "entry":
				return raw
			}
		}
	}
	return ""
}

// thLeadFirstWords are the first words of the lead-in phrases that thLeadPhrase
// knows: those of thLeadIns and the first words of "More Business News".
var thLeadFirstWords = func() map[string]bool {
	m := map[string]bool{}
	for k := range thLeadIns {
		m[strings.Fields(k)[0]] = true
	}
	for _, w := range thLeadFirstExtra {
		m[w] = true
	}
	return m
}()

var thLeadFirstExtra = []string{"more", "latest", "top", "other", "previous", "next", "newer", "older", "prev", "recent", "related", "similar", "popular"}

// thMayLead reports whether the first word of thNormLead(raw) is one of
// thLeadFirstWords, without building the normalized line: thLeadPhrase runs on
// every line the trailing scan reads, and nearly all of them start otherwise.
// The first word of thNormLead(raw) is the first field of the trimmed line,
// lowered, with "’" read as "'" (lowering neither makes nor removes a space).
func thMayLead(raw string) bool {
	s := strings.TrimFunc(raw, thLeadTrim)
	if i := strings.IndexFunc(s, unicode.IsSpace); i >= 0 {
		s = s[:i]
	}
	if s == "" {
		return false
	}
	var buf [32]byte
	w := thAppendLower(buf[:0], s)
	if bytes.Contains(w, []byte("\u2019")) {
		w = bytes.ReplaceAll(w, []byte("\u2019"), []byte("'"))
	}
	return thLeadFirstWords[string(w)]
}

func thLeadTrim(r rune) bool {
	return unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r)
}

// thNormLead folds a lead-in line for lookup: no surrounding punctuation, arrows
// or symbols, lower case, single spaces, straight apostrophes.
func thNormLead(t string) string {
	s := strings.TrimFunc(t, thLeadTrim)
	s = strings.ToLower(strings.ReplaceAll(s, "\u2019", "'"))
	return strings.Join(strings.Fields(s), " ")
}

// thWeakLeads are lead-in words generic enough to be an article's own subheading;
// after them the headlines must still be mostly unrelated to the body.
var thWeakLeads = map[string]bool{
	"more": true, "latest": true, "popular": true, "next": true, "previous": true,
	"elsewhere": true, "recommended": true, "just in": true, "correlati": true, "see also": true,
	"relacionadas": true, "relacionado": true, "relacionados": true, "related": true,
}

var thLeadIns = map[string]bool{
	// English
	"related": true, "related articles": true, "related stories": true, "related posts": true,
	"related news": true, "related content": true, "related coverage": true, "related links": true,
	"related reading": true, "related topics": true, "related video": true, "related videos": true,
	"more": true, "more stories": true, "more news": true, "more articles": true, "more headlines": true,
	"more to read": true, "more to explore": true, "more like this": true, "more on this story": true,
	"more on this topic": true, "latest": true, "latest news": true, "latest stories": true,
	"latest articles": true, "latest headlines": true, "latest posts": true, "trending": true,
	"trending now": true, "trending stories": true, "trending news": true, "trending articles": true,
	"now trending": true, "popular": true, "popular now": true, "popular stories": true,
	"popular posts": true, "popular articles": true, "most popular": true, "most read": true,
	"most viewed": true, "most shared": true, "most commented": true, "most emailed": true,
	"top stories": true, "top news": true, "top headlines": true, "top articles": true,
	"recommended": true, "recommended for you": true, "recommended stories": true,
	"recommended articles": true, "recommended reading": true, "we recommend": true,
	"you may also like": true, "you might also like": true, "you may like": true,
	"you might like": true, "you may also be interested in": true, "you might be interested in": true,
	"you may be interested in": true, "you might also be interested in": true,
	"you may have missed": true, "you might have missed": true, "also read": true, "read also": true,
	"also see": true, "see also": true, "read more": true, "read next": true, "read this next": true,
	"what to read next": true, "up next": true, "don't miss": true, "do not miss": true,
	"editor's picks": true, "editors' picks": true, "editors picks": true, "editor's choice": true,
	"in other news": true, "other stories": true, "other news": true, "elsewhere": true,
	"around the web": true, "from the web": true, "from around the web": true,
	"sponsored stories": true, "promoted stories": true, "more from": true, "latest from": true,
	"more stories from": true, "more news from": true, "more articles from": true, "trending in": true,
	"top stories from": true, "also on": true, "more in": true, "more on": true, "more about": true,
	"related to this story": true, "related news stories": true, "further coverage": true,
	"people also read": true, "readers also read": true, "also in the news": true, "keep reading": true,
	"continue reading": true, "recent posts": true, "recent stories": true, "recent articles": true,
	"recent news": true, "hot stories": true, "hot news": true, "what's hot": true, "just in": true,
	"must read": true, "must reads": true, "previous": true, "next": true,
	// French
	"lire aussi": true, "à lire aussi": true, "a lire aussi": true, "lire également": true,
	"à lire également": true, "voir aussi": true, "sur le même sujet": true, "articles similaires": true,
	"articles liés": true, "les plus lus": true, "plus de": true, "à découvrir": true, "à voir aussi": true,
	"dans la même rubrique": true, "nos articles": true, "les plus populaires": true,
	// German
	"mehr zum thema": true, "weitere artikel": true, "weitere beiträge": true, "weitere beiträge zum thema": true,
	"das könnte sie auch interessieren": true, "das könnte dich auch interessieren": true,
	"auch interessant": true, "meistgelesen": true, "meistgelesene artikel": true, "lesen sie auch": true,
	"lies auch": true, "weitere nachrichten": true, "ähnliche artikel": true, "mehr aus": true,
	"mehr von": true, "neueste artikel": true, "top-themen": true, "top themen": true,
	// Spanish
	"leer más": true, "lee también": true, "lea también": true, "te puede interesar": true,
	"también te puede interesar": true, "noticias relacionadas": true, "artículos relacionados": true,
	"lo más leído": true, "más noticias": true, "más leídas": true, "más de": true, "te recomendamos": true,
	"quizás te interese": true, "relacionado": true, "relacionados": true, "ver también": true,
	// Italian
	"leggi anche": true, "potrebbe interessarti": true, "articoli correlati": true, "più letti": true,
	"i più letti": true, "ti potrebbe interessare": true, "altre notizie": true, "correlati": true,
	// Portuguese
	"leia também": true, "leia mais": true, "veja também": true, "notícias relacionadas": true,
	"mais lidas": true, "mais lidos": true, "relacionadas": true, "mais notícias": true,
	"você também pode gostar": true, "você pode gostar": true, "você pode gostar também": true,
	"leia também:": true, "saiba mais": true, "veja mais": true,
	// Dutch
	"lees ook": true, "lees meer": true, "meer nieuws": true, "gerelateerde artikelen": true,
	"meest gelezen": true, "ook interessant": true,
}

// thDanglingWords end a line of wrapped prose, never a headline.
var thDanglingWords = wordset.Parse(`a an the and or but nor of und oder der die das ein eine et ou le la les un une
de des du y o e el los las del di che il het een en van`)

// thMonths start the lines of a list of dates (tour dates, a timeline).
var thMonths = wordset.Parse(`jan january feb february mar march apr april may jun june jul july aug august
sep sept september oct october nov november dec december`)

// thSpeechVerbs are speech verbs in lower case: a quote with one of them is
// reported speech, not a headline (headlines capitalise "Says").
var thSpeechVerbs = map[string]bool{
	"said": true, "says": true, "told": true, "added": true, "asked": true, "explained": true,
	"stated": true, "noted": true, "wrote": true, "tweeted": true, "according": true, "continued": true,
}

// thMinorWords stay lower case in Title Case headlines.
var thMinorWords = map[string]bool{
	"a": true, "an": true, "the": true, "and": true, "but": true, "or": true, "nor": true,
	"for": true, "so": true, "yet": true, "as": true, "at": true, "by": true, "in": true,
	"of": true, "off": true, "on": true, "per": true, "to": true, "up": true, "via": true,
	"vs": true, "with": true, "from": true, "into": true, "onto": true, "over": true, "is": true,
	"de": true, "la": true, "le": true, "les": true, "du": true, "des": true, "et": true, "en": true,
	"à": true, "der": true, "die": true, "das": true, "und": true, "el": true, "los": true,
	"las": true, "y": true, "del": true, "di": true, "il": true, "e": true, "da": true, "van": true,
	"von": true, "het": true,
}
