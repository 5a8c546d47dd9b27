// This file classifies the lines trailing-headlines reads: headlines, lead-ins,
// separators, footers and credits.

package boilerplate

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/corpuslint/corpuslint/rules/text"
	"github.com/corpuslint/corpuslint/rules/text/wordset"
)

// headlineKind is what a line is to the block.
type headlineKind uint8

const (
	headlineOther headlineKind = iota
	headlineBlank
	separator
	headlineLeadIn
	headline
	// headlineMinor is a one- or two-word line ("Milan", "Xi Jinping"): a tag or section
	// link, allowed in a block only when a lead-in line says what the block is.
	headlineMinor
	// headlineStray is a line inside a block that is no headline (see
	// strayInBlock); it is deleted with the block and counts for nothing.
	headlineStray
)

// Headline features, as bits, for the message.
const (
	headlineTitle  = 1 << iota // Title Case
	dashSuffix                 // trailing " -"
	headlinePipe               // "|" as a suffix or separator
	headlineBullet             // "•" or "·" as a bullet, suffix or separator
	guillemet                  // "»", "›" or ">" as a suffix or separator
	innerDash                  // " - " between a headline and its kicker or site
	ellipsis                   // cut short with "…"
	listItem                   // a "-", "*", "+" or "1." list marker: the article's own list
	linkedItem                 // the whole line is one markdown link ("* [Headline …][5]")
	mediaTag                   // a trailing "[Video]", "(Photos)" tag
)

// headlineFeatureBits is the number of feature bits above.
const headlineFeatureBits = 10

// strongFeatures are the features of a widget's headlines that an article's own
// lines seldom have. A line that is only a link to another page, its text a
// headline, is one: an article's own lists carry prose.
const strongFeatures = headlineTitle | dashSuffix | headlinePipe | guillemet | innerDash | linkedItem | mediaTag

// headlineLine is the classification of one line.
type headlineLine struct {
	kind     headlineKind
	features int
	// heads are the headlines on the line (more than one on a '|'-joined line).
	heads []string
	// words counts the words of the headlines.
	words int
	// lead is the lead-in phrase (for a lead-in line, or a "Related: X" line).
	lead string
}

func (l headlineLine) strong() bool { return l.features&strongFeatures != 0 }

// classifyShortcut lets classify say "no headline" for a line that ends as a
// sentence before the separator scans; a test turns it off to hold the two
// ways equal.
var classifyShortcut = true

// classify says what line s is to a trailing block.
func classify(s string, buf []text.Word) (headlineLine, []text.Word) {
	t := text.TrimSpace(s)
	if t == "" {
		return headlineLine{kind: headlineBlank}, buf
	}
	if isSeparator(t) {
		return headlineLine{kind: separator}, buf
	}
	if lead := leadPhrase(t); lead != "" {
		return headlineLine{kind: headlineLeadIn, lead: lead}, buf
	}
	var c headlineLine
	// "Related: Headline" and "READ MORE: Headline" carry their own lead-in.
	if i := strings.IndexByte(t, ':'); i > 0 && i < 40 {
		if lead := leadPhrase(t[:i+1]); lead != "" {
			c.lead = lead
			t = text.TrimSpace(t[i+1:])
		}
	}
	if h, ok := linkText(t); ok {
		t = h
		c.features |= linkedItem
	}
	var f0 int
	t, f0 = stripEnds(t)
	if t == "" {
		return headlineLine{}, buf
	}
	pipes := strings.Count(t, "|") >= 2
	if classifyShortcut && !pipes && endsAsSentence(t) {
		// headlineFeatures would say no before counting a word (n = 0, so no
		// minor line either): most lines the scans read are the body's
		// sentences, spared the separator scans below.
		return headlineLine{}, buf
	}
	c.features |= f0 | innerSeparators(t)
	// Several headlines joined by '|' on one line.
	if pipes {
		segs := strings.Split(t, "|")
		ok, total, titles := true, 0, 0
		var heads []string
		for _, sg := range segs {
			sg = text.TrimSpace(sg)
			var f, n int
			f, n, buf = headlineFeatures(sg, minSegWords, buf)
			total += n
			if f < 0 {
				ok = false
				continue
			}
			if f&headlineTitle != 0 {
				titles++
			}
			heads = append(heads, sg)
		}
		if ok && len(heads) >= 3 {
			c.kind = headline
			c.heads = heads
			// Each headline has minSegWords words at least, so the line is no
			// menu; count it as long enough for the block's menu check.
			c.words = max(total, minMeanWords*len(heads))
			c.features |= headlinePipe
			if titles*2 >= len(heads) {
				c.features |= headlineTitle
			}
			return c, buf
		}
		if float64(total) < 2.5*float64(len(segs)) {
			return headlineLine{}, buf // a navigation bar ("Home | News | Sport")
		}
	}
	f, n, buf := headlineFeatures(t, minWords, buf)
	if f < 0 {
		if n > 0 && n < minWords && c.lead == "" {
			if g, _, _ := headlineFeatures(t, 1, buf); g >= 0 {
				return headlineLine{kind: headlineMinor}, buf
			}
		}
		return headlineLine{}, buf
	}
	c.kind = headline
	c.words = n
	c.features |= f
	c.heads = []string{t}
	return c, buf
}

// linkText returns the text of a line that is one markdown link and nothing
// else, in a list item or not: "* [Headline …][5]", "1. [Headline](/path)",
// "[[ Headline ]][11]". A reference definition ("[5]: https://…") is no link.
func linkText(t string) (string, bool) {
	for _, p := range []string{"* ", "- ", "+ ", "\u2022 "} {
		if strings.HasPrefix(t, p) {
			t = text.TrimSpace(t[len(p):])
			break
		}
	}
	if i := 0; i < len(t) && t[i] >= '0' && t[i] <= '9' {
		for i < len(t) && i < 3 && t[i] >= '0' && t[i] <= '9' {
			i++
		}
		if i+1 < len(t) && (t[i] == '.' || t[i] == ')') && t[i+1] == ' ' {
			t = text.TrimSpace(t[i+1:])
		}
	}
	if len(t) < 4 || t[0] != '[' {
		return "", false
	}
	depth := 0
	for depth < len(t) && t[depth] == '[' {
		depth++
	}
	if depth > 2 {
		return "", false
	}
	close := strings.Index(t, strings.Repeat("]", depth))
	if close <= depth {
		return "", false
	}
	inner := t[depth:close]
	if strings.ContainsAny(inner, "[]") {
		return "", false
	}
	rest := t[close+depth:]
	switch {
	case rest == "":
	case rest[0] == '[' && rest[len(rest)-1] == ']' && !strings.ContainsAny(rest[1:len(rest)-1], "[] "):
	case rest[0] == '(' && rest[len(rest)-1] == ')' && !strings.ContainsAny(rest[1:len(rest)-1], "() "):
	default:
		return "", false
	}
	inner = text.TrimSpace(inner)
	if inner == "" {
		return "", false
	}
	return inner, true
}

// isRefDef reports whether t is a markdown reference definition ("[5]:
// https://…"), which Markdown extractors put after the text.
func isRefDef(t string) bool {
	t = text.TrimSpace(t)
	if len(t) < 4 || t[0] != '[' {
		return false
	}
	i := strings.Index(t, "]:")
	return i > 1 && i <= 40 && !strings.ContainsAny(t[1:i], "[]")
}

// isSeparator reports whether t is a lone separator ("-", "***", "|", "•").
func isSeparator(t string) bool {
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

// endsAsSentence reports whether headlineFeatures rejects t by its end alone,
// before reading its words: t ends, inside closing quotes and before reference
// marks, in a full stop, comma, colon, an opening bracket, a dash and the like,
// and not in an ellipsis.
func endsAsSentence(t string) bool {
	end, _ := headlineEnd(t)
	return !end
}

// headlineEnd reads the end of t, inside closing quotes and before reference
// marks ("...in 1999.[2]"): ok is false when a headline cannot end so (a full
// stop, comma, colon or semicolon, an opening bracket, a dash, nothing), and
// ellipsis says it ends in one.
func headlineEnd(t string) (ok, ellipsis bool) {
	e := trimRefs(t)
	for e != "" {
		r, n := utf8.DecodeLastRuneInString(e)
		if !text.IsCloser(r) {
			break
		}
		e = e[:len(e)-n]
	}
	if strings.HasSuffix(e, "...") || strings.HasSuffix(e, "\u2026") {
		return true, true
	}
	if e == "" {
		return false, false
	}
	r, _ := utf8.DecodeLastRuneInString(e)
	switch r {
	case '.', ',', ';', ':', '(', '[', '-', '\u2013', '\u2014', '/', '&', '*':
		return false, false
	}
	return true, false
}

// stripEnds removes a leading bullet and trailing separators and media tags
// from t and notes them as features.
func stripEnds(t string) (string, int) {
	f := 0
	// Leading bullet: "- ", "* ", "• ", "» ", "1. ", "2) ".
	for _, b := range []struct {
		p string
		f int
	}{{"- ", listItem}, {"* ", listItem}, {"+ ", listItem}, {"\u2013 ", listItem}, {"\u2014 ", listItem}, {"\u2022", headlineBullet}, {"\u00b7", headlineBullet}, {"\u00bb", guillemet}, {"\u203a", guillemet}} {
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
			f |= listItem
		}
	}
	// Trailing separators, possibly several (" - |").
	for changed := true; changed && t != ""; {
		changed = false
		for _, sfx := range []struct {
			s string
			f int
		}{{" -", dashSuffix}, {" \u2013", dashSuffix}, {" \u2014", dashSuffix}, {"|", headlinePipe}, {"\u2022", headlineBullet}, {"\u00b7", headlineBullet}, {"\u00bb", guillemet}, {"\u203a", guillemet}, {" >", guillemet}, {"\u2192", guillemet}} {
			if strings.HasSuffix(t, sfx.s) {
				t = text.TrimSpace(t[:len(t)-len(sfx.s)])
				f |= sfx.f
				changed = true
			}
		}
	}
	// A trailing media tag: "… headset [Video]", "… (PHOTOS)".
	if n := len(t); n > 4 && (t[n-1] == ']' || t[n-1] == ')') {
		if i := strings.LastIndexAny(t, "[("); i > 0 && t[i-1] == ' ' && mediaTags[strings.ToLower(t[i+1:n-1])] {
			t = text.TrimSpace(t[:i])
			f |= mediaTag
		}
	}
	return t, f
}

// innerSeparators notes the separators inside t as features: " | ", a bullet,
// a guillemet, " - ".
func innerSeparators(t string) int {
	f := 0
	if strings.Contains(t, " | ") {
		f |= headlinePipe
	}
	if strings.Contains(t, " \u2022 ") || strings.Contains(t, " \u00b7 ") {
		f |= headlineBullet
	}
	if strings.Contains(t, " \u00bb ") || strings.Contains(t, " \u203a ") {
		f |= guillemet
	}
	if strings.Contains(t, " - ") {
		f |= innerDash
	}
	return f
}

// headlineFeatures judges whether t reads as a headline. It returns -1 when it
// does not, else its features (headlineTitle, ellipsis), and the number of words.
func headlineFeatures(t string, minWords int, buf []text.Word) (int, int, []text.Word) {
	if t == "" {
		return -1, 0, buf
	}
	f := 0
	// Footnotes ("^ ...") and lists of names ("A, B, C, D") are no headlines.
	if t[0] == '^' || strings.Count(t, ",") >= 3 {
		return -1, 0, buf
	}
	// The end: no full stop, comma, colon or semicolon.
	ok, ell := headlineEnd(t)
	if !ok {
		return -1, 0, buf
	}
	if ell {
		f |= ellipsis
	}
	buf = text.AppendWords(buf[:0], t, 0, len(t))
	n := len(buf)
	if n < minWords || n > maxWords {
		return -1, n, buf
	}
	if isLinkOrCredit(t) {
		return -1, 0, buf
	}
	var stops, nums, caps, capBase int
	speech := false
	var lbuf [64]byte // lower-case word for the map lookups, without allocating
	for k, w := range buf {
		ws := t[w.Start:w.End]
		lb := headlineAppendLower(lbuf[:0], ws)
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
		if speechVerbs[ws] {
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
		if lower && minorWords[string(lb)] {
			continue
		}
		capBase++
		if upper {
			caps++
		}
	}
	// A wrapped paragraph breaks after "and" or "the"; a headline does not end so.
	if lb := headlineAppendLower(lbuf[:0], t[buf[n-1].Start:buf[n-1].End]); danglingWords[string(lb)] {
		return -1, n, buf
	}
	title := capBase >= 2 && float64(caps) >= titleShare*float64(capBase)
	maxStop := maxStopShare
	if title {
		maxStop = maxStopShareTitle // "How To Train Your Puppy In Two Weeks"
	}
	if float64(stops) > maxStop*float64(n) || float64(nums) > maxNumShare*float64(n) {
		return -1, n, buf
	}
	if speech && strings.ContainsAny(t, "\"\u201c\u201d\u201e") {
		return -1, n, buf // quoted speech: `"We will win," he said`
	}
	if title {
		f |= headlineTitle
	}
	return f, n, buf
}

// trimRefs removes trailing reference marks such as "[2]" or "[12][13]".
func trimRefs(t string) string {
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

// isFooter reports a copyright or "powered by" line.
func isFooter(t string) bool {
	// It runs on the document's last line, often a long paragraph: lower it into
	// a stack buffer rather than allocate with strings.ToLower.
	var lbuf [512]byte
	lt := headlineAppendLower(lbuf[:0], t)
	for _, c := range footerMarks {
		if bytes.Contains(lt, c) {
			return true
		}
	}
	return false
}

var footerMarks = byteStrings([]string{"\u00a9", "copyright", "all rights reserved", "issn", "powered by", "(c) 19", "(c) 20"})

// isLinkOrCredit reports lines that are never headlines: URLs and markdown
// links or references, credit, date and copyright lines.
func isLinkOrCredit(t string) bool {
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
	lb := headlineAppendLower(lbuf[:0], t)
	if len(lb) == 0 {
		return false
	}
	for _, p := range creditPrefixes {
		if bytes.HasPrefix(lb, p) {
			return true
		}
	}
	// One pass over the line, trying at each byte only the infixes that start
	// with it, instead of one full search per infix (there are some forty).
	for i, c := range lb {
		for _, in := range creditInfixByFirst[c] {
			if bytes.HasPrefix(lb[i:], in) {
				return true
			}
		}
	}
	return false
}

// creditInfixByFirst indexes creditInfixes by their first byte.
var creditInfixByFirst = func() (idx [256][][]byte) {
	for _, in := range creditInfixes {
		idx[in[0]] = append(idx[in[0]], in)
	}
	return idx
}()

func byteStrings(ss []string) [][]byte {
	out := make([][]byte, len(ss))
	for i, s := range ss {
		out[i] = []byte(s)
	}
	return out
}

var creditPrefixes = byteStrings([]string{
	"reporting by", "editing by", "additional reporting", "writing by", "compiled by",
	"written by", "story by", "words by", "edited by", "reported by", "produced by",
	"photo:", "photos:", "photo by", "photograph", "image:", "images:", "image by", "picture:",
	"pictures:", "credit:", "credits:", "source:", "subscribe", "sign up", "click here", "follow", "sources:", "via ", "(c)",
	"copyright", "published", "updated", "posted", "first published", "last updated",
	"filed under", "tags:", "topics:", "category:", "categories:", "by ", "with reporting",
	"(reuters)", "(ap)", "(afp)",
})

var creditInfixes = byteStrings([]string{
	"all rights reserved", "contributed to this report", "contributed reporting",
	"(reuters)", "reporting by", "editing by", "credit:", "getty images", "associated press", "(image:",
	"privacy policy", "privacy notice", "terms of service", "terms of use", "terms and conditions",
	"terms & conditions", "cookie policy", "cookie settings", "contact us", "about us", "sitemap",
	"powered by", "sign up", "sign in", "log in", "newsletter", "advertise with", "follow us",
	"share this", "leave a comment", "unsubscribe", "(photo:", "(picture:", "(credit:", "/getty", "/ap)", "/reuters", "shutterstock",
})

// leadPhrase returns t when it is a lead-in line of a related-links block
// ("Related:", "More From CNN", "Trending now", "Lire aussi"), else "".
func leadPhrase(t string) string {
	raw := text.TrimSpace(t)
	if len(raw) > 80 || strings.Count(raw, " ") > 8 {
		return ""
	}
	if !mayLead(raw) {
		return ""
	}
	s := normLead(raw)
	if s == "" {
		return ""
	}
	if headlineLeadIns[s] {
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
			if headlineLeadIns[strings.Join(words[:i], " ")] && len(words)-i-1 <= 4 {
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

// leadFirstWords are the first words of the lead-in phrases that leadPhrase
// knows: those of headlineLeadIns and the first words of "More Business News".
var leadFirstWords = func() map[string]bool {
	m := map[string]bool{}
	for k := range headlineLeadIns {
		m[strings.Fields(k)[0]] = true
	}
	for _, w := range leadFirstExtra {
		m[w] = true
	}
	return m
}()

var leadFirstExtra = []string{"more", "latest", "top", "other", "previous", "next", "newer", "older", "prev", "recent", "related", "similar", "popular"}

// mayLead reports whether the first word of normLead(raw) is one of
// leadFirstWords, without building the normalized line: leadPhrase runs on
// every line the trailing scan reads, and nearly all of them start otherwise.
// The first word of normLead(raw) is the first field of the trimmed line,
// lowered, with "’" read as "'" (lowering neither makes nor removes a space).
func mayLead(raw string) bool {
	s := strings.TrimFunc(raw, leadTrim)
	if i := strings.IndexFunc(s, unicode.IsSpace); i >= 0 {
		s = s[:i]
	}
	if s == "" {
		return false
	}
	var buf [32]byte
	w := headlineAppendLower(buf[:0], s)
	if bytes.Contains(w, []byte("\u2019")) {
		w = bytes.ReplaceAll(w, []byte("\u2019"), []byte("'"))
	}
	return leadFirstWords[string(w)]
}

func leadTrim(r rune) bool {
	return unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r)
}

// normLead folds a lead-in line for lookup: no surrounding punctuation, arrows
// or symbols, lower case, single spaces, straight apostrophes.
func normLead(t string) string {
	s := strings.TrimFunc(t, leadTrim)
	s = strings.ToLower(strings.ReplaceAll(s, "\u2019", "'"))
	return strings.Join(strings.Fields(s), " ")
}

// weakLeads are lead-in words generic enough to be an article's own subheading;
// after them the headlines must still be mostly unrelated to the body.
var weakLeads = map[string]bool{
	"more": true, "latest": true, "popular": true, "next": true, "previous": true,
	"elsewhere": true, "recommended": true, "just in": true, "correlati": true, "see also": true,
	"relacionadas": true, "relacionado": true, "relacionados": true, "related": true,
}

var headlineLeadIns = map[string]bool{
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

// danglingWords end a line of wrapped prose, never a headline.
var danglingWords = wordset.Parse(`a an the and or but nor of und oder der die das ein eine et ou le la les un une
de des du y o e el los las del di che il het een en van`)

// headlineMonths start the lines of a list of dates (tour dates, a timeline).
var headlineMonths = wordset.Parse(`jan january feb february mar march apr april may jun june jul july aug august
sep sept september oct october nov november dec december`)

// speechVerbs are speech verbs in lower case: a quote with one of them is
// reported speech, not a headline (headlines capitalise "Says").
var speechVerbs = map[string]bool{
	"said": true, "says": true, "told": true, "added": true, "asked": true, "explained": true,
	"stated": true, "noted": true, "wrote": true, "tweeted": true, "according": true, "continued": true,
}

// minorWords stay lower case in Title Case headlines.
var minorWords = map[string]bool{
	"a": true, "an": true, "the": true, "and": true, "but": true, "or": true, "nor": true,
	"for": true, "so": true, "yet": true, "as": true, "at": true, "by": true, "in": true,
	"of": true, "off": true, "on": true, "per": true, "to": true, "up": true, "via": true,
	"vs": true, "with": true, "from": true, "into": true, "onto": true, "over": true, "is": true,
	"de": true, "la": true, "le": true, "les": true, "du": true, "des": true, "et": true, "en": true,
	"à": true, "der": true, "die": true, "das": true, "und": true, "el": true, "los": true,
	"las": true, "y": true, "del": true, "di": true, "il": true, "e": true, "da": true, "van": true,
	"von": true, "het": true,
}

// mediaTags are the tags a headline of a video or photo page carries at its end.
var mediaTags = map[string]bool{"video": true, "videos": true, "photos": true, "photo": true, "gallery": true,
	"pictures": true, "pics": true, "watch": true, "podcast": true, "audio": true, "live": true, "infographic": true}
