package quotes

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/corpuslint/corpuslint/rules"
	"github.com/corpuslint/corpuslint/rules/text"
)

// BrokenQuotes returns the broken-quotes rule: double quotes that do not pair up in
// a paragraph, curly quotes turned the wrong way, straight and curly double quotes
// mixed in one document, doubled quotes and HTML-escaped quotes.
func BrokenQuotes() rules.Rule { return rule{} }

type rule struct{}

// Meta returns the broken-quotes rule's name, category and documentation.
func (rule) Meta() rules.Meta {
	return rules.Meta{
		Name:     "broken-quotes",
		Category: rules.Quotes,
		Severity: rules.Warning,
		Fixable:  true,
		Title:    "Double quotes that do not pair up, point the wrong way, mix styles or are still HTML-escaped",
		Doc: "Flags double quotation marks that extraction or editing broke: an opening quote " +
			"never closed in its paragraph, a closing quote with no opening one, curly quotes " +
			"turned the wrong way (”…“), straight and curly double quotes mixed in one document " +
			"(one finding, at the first quote of the rarer style, with both counts), a doubled " +
			"quote (\"\"Hello) and quotes left as HTML entities (&quot;, &#8220;, &ldquo;, also " +
			"&#39; and &rsquo;).\n\n" +
			"Only double quotes are balanced: apostrophes (don’t, Parents’, ’90s) and single " +
			"scare quotes (‘malicious’) are never errors, and straight ' is not counted. Inch " +
			"marks (12\" pizza), a comma outside the closing quote, JSON or HTML attributes in " +
			"the text, German „…“ quotes, guillemets and CJK text are left alone. Mojibake " +
			"(â€œ) is the encoding rules' business. A quotation running over several " +
			"paragraphs in news style (each paragraph opens with a quote, only the last one " +
			"closes) is not an error, even with a caption or a link list put in between, and " +
			"neither is a quotation that an extractor split over two lines or ran together " +
			"with the next paragraph: when in doubt there is no finding.\n\n" +
			"Fixes are offered only where the repair is unambiguous: entities are decoded, a " +
			"redundant doubled quote is deleted, a reversed pair is swapped (all safe). Mixed " +
			"styles are unified to the document's majority: curly to straight is safe; straight " +
			"to curly is unsafe and offered only when every straight quote's role is clear and " +
			"they pair up.",
		Bad:  "“We are not going anywhere,” she said. ”We will rebuild this town.“\nThe council met on &ldquo;Tuesday&rdquo;.\n",
		Good: "“We are not going anywhere,” she said. “We will rebuild this town.”\nThe council met on “Tuesday”.\n",
	}
}

// Glyphs and roles of double quote marks.
const (
	straight uint8 = iota + 1
	left           // “ U+201C
	right          // ” U+201D

	ambiguousQuote uint8 = 0
	openQuote      uint8 = 1
	closeQuote     uint8 = 2
)

// maxCarry is how many paragraphs an open quotation may skip (captions, an
// advert, a "More from UK" list the page put in between) and still be excused by a
// paragraph that goes on with it.
const maxCarry = 8

// maxEvents bounds the quote marks kept for one paragraph; a paragraph with more
// is too noisy to balance (and memory stays bounded on pathological input).
const maxEvents = 1 << 16

// event is one double quote (or a doubled pair read as one) in a paragraph.
type event struct {
	off   int   // byte offset of the mark
	glyph uint8 // straight, left, right
	role  uint8 // openQuote, closeQuote or ambiguousQuote (straight quotes only)
	mis   bool  // a curly quote whose position says the opposite of its glyph
	inch  bool  // a straight quote after a digit: an inch mark unless needed
	dup   bool  // a doubled quote: the same mark follows at off+size()
	// silent marks a carried quote whose role was a guess: it may excuse a closing
	// quote in the next paragraph but is never reported itself.
	silent bool
}

func (e event) size() int {
	if e.glyph == straight {
		return 1
	}
	return 3
}

// pendingQuote is an opening quote left open at the end of a paragraph, waiting to see
// whether the next paragraphs excuse it.
type pendingQuote struct {
	ev    event
	carry int // paragraphs passed since it was opened
}

// problem is one imbalance found in a paragraph.
type problem struct {
	kind byte // 'u' unclosed, 'o' orphan closer, 'r' reversed pair, 'm' misdirected, 'd' doubled
	a, b event
}

// checker holds the per-document state of one Check call.
type checker struct {
	text string
	// low is set for German or Polish texts („…“, „…”): their pages mix „…“ with
	// “…” and "…" so freely that only entities are reported there.
	low bool
	// cjk is set once a paragraph in a CJK script is seen: no spaces around quotes
	// there, and full-width conventions, so balance and style are not judged.
	cjk      bool
	misdir   bool // both “ and ” occur in English style, so a wrongly turned one can be told
	curlyBal bool // curly quotes are balanced (not a ”…” or “…“ house style)

	events   []event
	problems []problem
	stack    []event
	findings []rules.Finding

	nStraight, nCurly         int
	firstStraight, firstCurly int

	// Conversion pass (straight to curly): edits and whether they are all clear.
	convEdits []rules.Edit
	convOK    bool
}

// countCurlyDoubles counts the low, left and right curly double quotes of s
// („ “ ”, U+201E, U+201C, U+201D) in one pass: the three share their first
// two bytes (E2 80), and three strings.Count calls read the whole text three
// times (half of the rule's time on news text).
func countCurlyDoubles(s string) (low, left, right int) {
	for {
		i := strings.IndexByte(s, 0xE2)
		if i < 0 || len(s)-i < 3 {
			return
		}
		if s[i+1] == 0x80 {
			switch s[i+2] {
			case 0x9E:
				low++
			case 0x9C:
				left++
			case 0x9D:
				right++
			}
		}
		s = s[i+1:]
	}
}

// Check reports the broken-quotes findings of one document.
func (rule) Check(p *rules.Pass) {
	a := p.Analysis
	text := a.Text()
	c := &checker{text: text, firstStraight: -1, firstCurly: -1}
	nLow, nLeft, nRight := countCurlyDoubles(text)
	c.low = nLow > 0
	c.misdir = !c.low && nLeft > 0 && nRight > 0
	c.curlyBal = !(nLeft == 0 && nRight >= 2) && !(nRight == 0 && nLeft >= 2)

	paras := a.Paragraphs()
	c.run(paras, true)

	if c.nStraight > 0 && c.nCurly > 0 && !c.low && !c.cjk {
		c.reportMixed(paras)
	}
	// Findings come out in text order but for quotes judged a paragraph or more
	// later and the mixed-style one; order them by an index sort (cheap even for
	// millions of findings) only when needed.
	fs := c.findings
	sorted := true
	for i := 1; i < len(fs); i++ {
		if fs[i].Start < fs[i-1].Start {
			sorted = false
			break
		}
	}
	if sorted {
		for i := range fs {
			p.Report(fs[i])
		}
		return
	}
	idx := make([]int32, len(fs))
	for i := range idx {
		idx[i] = int32(i)
	}
	slices.SortStableFunc(idx, func(a, b int32) int { return cmp.Compare(fs[a].Start, fs[b].Start) })
	for _, i := range idx {
		p.Report(fs[i])
	}
}

// run walks the paragraphs in order. With report set it records findings and
// counts; otherwise it only recomputes the straight-to-curly conversion.
func (c *checker) run(paras []text.Paragraph, report bool) {
	var pending *pendingQuote
	t := c.text
	prevCode, nextCode := false, false
	if len(paras) > 0 {
		nextCode = codeLike(t[paras[0].Start:paras[0].End])
	}
	for i, pa := range paras {
		code := nextCode
		nextCode = i+1 < len(paras) && codeLike(t[paras[i+1].Start:paras[i+1].End])
		// A tag or script that a wrapping extractor broke over lines leaves an odd
		// quote next to a line that is plainly markup.
		spread := !code && (prevCode || nextCode) && strings.Count(t[pa.Start:pa.End], "\"")%2 == 1
		prevCode = code
		ns := c.nStraight
		ok := c.scan(pa.Start, pa.End, code || spread, report)
		if !ok && !report && c.nStraight > ns {
			c.convOK = false // straight quotes we could not judge
		}
		if !ok {
			pending = nil // too noisy to say anything about balance here
			continue
		}
		if len(c.events) == 0 {
			if pending != nil {
				pending.carry++
				if pending.carry > maxCarry {
					c.problem(report, problem{kind: 'u', a: pending.ev})
					pending = nil
				}
			}
			continue
		}
		pending = c.balanceParagraph(pa.Start, pending, report)
	}
	if pending != nil {
		c.problem(report, problem{kind: 'u', a: pending.ev})
	}
}

// problem turns an imbalance into a finding (report) or marks the conversion
// unclear when a straight quote is involved.
func (c *checker) problem(report bool, pr problem) {
	if pr.a.silent {
		return
	}
	if !report {
		if pr.a.glyph == straight || pr.b.glyph == straight {
			c.convOK = false
		}
		return
	}
	t := c.text
	q := t[pr.a.off : pr.a.off+pr.a.size()]
	switch pr.kind {
	case 'u':
		c.findings = append(c.findings, rules.Finding{Start: pr.a.off, End: pr.a.off + pr.a.size(),
			Message: "unbalanced quote: opening " + q + " is never closed in this paragraph"})
	case 'o':
		c.findings = append(c.findings, rules.Finding{Start: pr.a.off, End: pr.a.off + pr.a.size(),
			Message: "closing " + q + " without an opening quote"})
	case 'r':
		c.findings = append(c.findings, rules.Finding{Start: pr.a.off, End: pr.b.off + pr.b.size(),
			Message: "reversed curly quotes ”…“",
			Fix: &rules.Fix{Message: "turn the quotes the right way: “…”", Applicability: rules.Safe, Edits: []rules.Edit{
				{Start: pr.a.off, End: pr.a.off + 3, NewText: "\u201c"},
				{Start: pr.b.off, End: pr.b.off + 3, NewText: "\u201d"},
			}}})
	case 'd':
		e := pr.a
		n := e.size()
		c.findings = append(c.findings, rules.Finding{Start: e.off, End: e.off + 2*n,
			Message: "doubled quote " + q + q + " where one is redundant",
			Fix: &rules.Fix{Message: "delete the extra quote", Applicability: rules.Safe,
				Edits: []rules.Edit{{Start: e.off + n, End: e.off + 2*n}}}})
	case 'm':
		e := pr.a
		msg, repl := "opening “ used as a closing quote", "\u201d"
		if e.glyph == right {
			msg, repl = "closing ” used as an opening quote", "\u201c"
		}
		c.findings = append(c.findings, rules.Finding{Start: e.off, End: e.off + 3, Message: msg,
			Fix: &rules.Fix{Message: "replace it with " + repl, Applicability: rules.Safe,
				Edits: []rules.Edit{{Start: e.off, End: e.off + 3, NewText: repl}}}})
	}
}

// scan collects the double quote events of text[start:end] into c.events, reports
// HTML-escaped quotes and doubled quotes, and counts quotes for the mixed-style
// check. Straight quotes do not count in code (markup or JSON). It returns false
// when the paragraph cannot be balanced: it holds quote entities (the fix changes
// the balance), a run of three or more quotes, box-drawing table art, or more
// marks than maxEvents.
func (c *checker) scan(start, end int, code, report bool) bool {
	t := c.text
	c.events = c.events[:0]
	// markAt returns the byte length of a double quote taking part at t[k], or 0.
	// In markup or JSON straight quotes delimit values, not speech.
	markAt := func(k int) int {
		switch {
		case k >= end || c.low:
			return 0
		case t[k] == '"':
			if code {
				return 0
			}
			return 1
		case t[k] == 0xE2 && k+2 < end && t[k+1] == 0x80 && (t[k+2] == 0x9C || t[k+2] == 0x9D):
			if k-3 >= start && t[k-3:k] == "\u20ac" {
				return 0 // mojibake: "â€œ" is a broken “, "â€“" a broken –
			}
			return 3
		}
		return 0
	}
	ok := !code && !c.low // markup around the quotes: count them but do not balance
	for i := start; i < end; i++ {
		// Eight bytes at a time while none can start a mark (ASCII without '"'
		// or '&'), then one table look-up per byte.
		for i+8 <= end && plain8(text.Load8(t, i)) {
			i += 8
		}
		if i >= end {
			break
		}
		b := t[i]
		if !lead[b] {
			continue // the common case: one table look-up per byte of prose
		}
		if b == '&' {
			if n, repl, found := entity(t, i, end); found {
				if report {
					c.findings = append(c.findings, rules.Finding{Start: i, End: i + n,
						Message: "HTML-escaped quote " + t[i:i+n] + " instead of " + repl,
						Fix: &rules.Fix{Message: "replace it with " + repl, Applicability: rules.Safe,
							Edits: []rules.Edit{{Start: i, End: i + n, NewText: repl}}}})
				}
				ok = false // decoding it changes the balance; judge after the fix
				i += n - 1
			}
			continue
		}
		if b == 0xC2 && i+1 < end && (t[i+1] == 0xAB || t[i+1] == 0xBB) {
			ok = false // guillemets: «…» and »…« styles nest and mix with others
			continue
		}
		if b >= 0xE3 && b <= 0xED {
			// U+3000–U+D7FF: CJK punctuation, kana, Han, Hangul.
			ok = false
			c.cjk = true
			continue
		}
		if b != '"' && b != 0xE2 {
			continue
		}
		if b == 0xE2 && i+1 < end && (t[i+1] == 0x94 || t[i+1] == 0x95) {
			ok = false // box drawing: a table whose cells wrap quotations
		}
		n := markAt(i)
		if n == 0 {
			continue
		}
		// A run of adjacent marks.
		runEnd, marks := i+n, 1
		for m := markAt(runEnd); m > 0; m = markAt(runEnd) {
			runEnd += m
			marks++
		}
		c.count(start, end, i, runEnd)
		switch {
		case marks >= 3:
			ok = false
		case marks == 2 && t[i:i+n] == t[i+n:runEnd]:
			c.doubled(start, end, i, runEnd, glyphAt(t, i))
		default:
			for k := i; k < runEnd; k += size(t[k]) {
				c.add(start, end, k, glyphAt(t, k))
			}
		}
		if len(c.events) > maxEvents {
			ok = false
			c.events = c.events[:0]
		}
		i = runEnd - 1
	}
	return ok
}

// count tallies the double quotes of run [i, runEnd) for the mixed-style check:
// every curly one, and the straight ones that are not inch marks.
func (c *checker) count(start, end, i, runEnd int) {
	t := c.text
	for k := i; k < runEnd; k += size(t[k]) {
		if t[k] != '"' {
			c.nCurly++
			if c.firstCurly < 0 {
				c.firstCurly = k
			}
			continue
		}
		if runEnd-i == 1 && inch(t, start, end, k) {
			continue
		}
		c.nStraight++
		if c.firstStraight < 0 {
			c.firstStraight = k
		}
	}
}

// lead marks the bytes scan looks at: '&' (entities), '"', 0xC2 (guillemets),
// 0xE2 (curly quotes, box drawing) and 0xE3–0xED (CJK); scan skips all others.
var lead = func() (t [256]bool) {
	t['&'], t['"'], t[0xC2] = true, true, true
	for b := 0xE2; b <= 0xED; b++ {
		t[b] = true
	}
	return t
}()

// plain8 reports whether the eight bytes x are all ASCII and none is '"' or
// '&', so that none is in lead.
func plain8(x uint64) bool {
	return x&0x8080808080808080 == 0 && !text.HasByte8(x, '"') && !text.HasByte8(x, '&')
}

func size(b byte) int {
	if b == '"' {
		return 1
	}
	return 3
}

func glyphAt(t string, k int) uint8 {
	if t[k] == '"' {
		return straight
	}
	if t[k+2] == 0x9C {
		return left
	}
	return right
}

// add appends the event for the single mark at k, with its role read from the
// characters around it.
func (c *checker) add(start, end, k int, g uint8) {
	n := size(c.text[k])
	prev := prev(c.text, start, k)
	next := next(c.text, k+n, end)
	e := event{off: k, glyph: g}
	switch g {
	case straight:
		e.role = positionRole(prev, next)
		e.inch = e.role != openQuote && unicode.IsDigit(prev) && !unicode.IsLetter(next) && !unicode.IsDigit(next)
	case left:
		e.role = openQuote
		if c.misdir && clearClose(prev, next) {
			e.role, e.mis = closeQuote, true
		}
	case right:
		e.role = closeQuote
		if c.misdir && clearOpen(prev, next) {
			e.role, e.mis = openQuote, true
		}
	}
	c.events = append(c.events, e)
}

// doubled handles two identical adjacent quotes: a redundant one where the pair
// stands where a single quote would (""Hello, said."" ), otherwise two quotes.
func (c *checker) doubled(start, end, i, runEnd int, g uint8) {
	n := size(c.text[i])
	prev := prev(c.text, start, i)
	next := next(c.text, runEnd, end)
	openPos := opensBefore(prev) && isWord(next)
	closePos := (isWord(prev) || isTerminalPunct(prev)) && closesBefore(next)
	natural := ambiguousQuote // the role the glyph itself says
	switch {
	case g == left:
		natural = openQuote
	case g == right:
		natural = closeQuote
	}
	var role uint8
	switch {
	case openPos && natural != closeQuote:
		role = openQuote
	case closePos && natural != openQuote:
		role = closeQuote
	case g == straight && opensBefore(prev) && closesBefore(next):
		return // empty quotes ""
	default:
		c.add(start, end, i, g)
		c.add(start, end, i+n, g)
		return
	}
	// Whether one of the two is redundant is decided when pairing: two closing
	// quotes may close two nested quotations.
	c.events = append(c.events, event{off: i, glyph: g, role: role, dup: true})
}

// balanceParagraph pairs the events of the paragraph starting at start, given an
// opening quote carried over from earlier paragraphs, and returns what it leaves
// open for the next one.
func (c *checker) balanceParagraph(start int, pending *pendingQuote, report bool) *pendingQuote {
	next, probs := c.pair(start, pending, false)
	if (len(probs) > 0 || next != nil) && c.hasInch() {
		// Perhaps an inch mark was a closing quote after all ("50OFF699").
		if n2, p2 := c.pair(start, pending, true); len(p2) == 0 && n2 == nil {
			next, probs = n2, p2
			if !report {
				c.convOK = false
			}
		}
	}
	if !report {
		for _, e := range c.events {
			if e.glyph == straight && !e.inch {
				if e.role == ambiguousQuote || e.dup {
					c.convOK = false
				}
				r := "\u201c"
				if e.role == closeQuote {
					r = "\u201d"
				}
				c.convEdits = append(c.convEdits, rules.Edit{Start: e.off, End: e.off + 1, NewText: r})
			}
		}
	}
	for _, pr := range probs {
		c.problem(report, pr)
	}
	return next
}

func (c *checker) hasInch() bool {
	for _, e := range c.events {
		if e.inch {
			return true
		}
	}
	return false
}

// pair runs the stack over the paragraph's events. Problems go to the returned
// slice (reusing c.problems); the innermost quote left open is returned to carry.
func (c *checker) pair(start int, pending *pendingQuote, withInch bool) (*pendingQuote, []problem) {
	probs := c.problems[:0]
	st := c.stack[:0]
	carried := false
	amb := false // a straight quote whose role only the stack decided
	if pending != nil {
		first := c.events[0]
		if first.role != closeQuote && atStart(c.text, start, first.off) {
			// News style: a quotation goes on in a paragraph that opens with a quote
			// (perhaps after a caption or two that the page put in between).
		} else {
			st = append(st, pending.ev)
			carried = true
		}
	}
	for _, e := range c.events {
		if e.glyph == straight && e.inch && !withInch {
			continue
		}
		if e.glyph != straight && !c.curlyBal {
			continue
		}
		role := e.role
		if role == ambiguousQuote {
			amb = true
			role = openQuote
			if len(st) > 0 {
				role = closeQuote
			}
		}
		if e.inch && withInch {
			role = closeQuote
			if len(st) == 0 {
				continue // an inch mark after all
			}
		}
		if e.dup && (role == openQuote || len(st) < 2) {
			probs = append(probs, problem{kind: 'd', a: e})
		}
		if role == openQuote {
			if len(st) > 0 && !e.mis && !st[len(st)-1].mis && afterSentence(c.text, start, e.off) {
				// `said: "First paragraph. "Second paragraph."`: paragraphs of one
				// quotation run together, news style, by a flattening extractor.
				st[len(st)-1] = e
				continue
			}
			st = append(st, e)
			continue
		}
		if len(st) == 0 {
			probs = append(probs, problem{kind: 'o', a: e})
			continue
		}
		if e.dup && len(st) >= 2 {
			st = st[:len(st)-1] // ”” closing two nested quotations
		}
		o := st[len(st)-1]
		st = st[:len(st)-1]
		switch {
		case o.mis && e.mis && o.glyph == right && e.glyph == left:
			probs = append(probs, problem{kind: 'r', a: o, b: e})
		case o.mis && o.glyph == right && e.glyph == right:
			probs = append(probs, problem{kind: 'm', a: o})
		case e.mis && e.glyph == left && o.glyph == left:
			probs = append(probs, problem{kind: 'm', a: e})
		}
	}
	c.stack = st
	// Every quote left open but the innermost is unclosed for sure.
	for len(st) > 1 {
		probs = append(probs, problem{kind: 'u', a: st[0]})
		st = st[1:]
	}
	if amb {
		// Flattened text ("United."He has") hides which straight quote opens and
		// which closes: say nothing about straight ones left over.
		keep := probs[:0]
		for _, pr := range probs {
			if (pr.kind != 'u' && pr.kind != 'o') || pr.a.glyph != straight {
				keep = append(keep, pr)
			}
		}
		probs = keep
		if len(st) > 0 && st[0].glyph == straight {
			st[0].silent = true
		}
	}
	c.problems = probs
	if len(st) == 0 {
		return nil, probs
	}
	top := st[0]
	carry := 0
	if carried && top.off == pending.ev.off {
		carry = pending.carry + 1 // the carried quote is still the one open
	}
	if carry > maxCarry {
		probs = append(probs, problem{kind: 'u', a: top})
		c.problems = probs
		return nil, probs
	}
	return &pendingQuote{ev: top, carry: carry}, probs
}

// afterSentence reports whether the quote at off follows the end of a sentence
// ("… acts. “Other …", or "… acts.“Other …" where a flattening extractor dropped
// the space too).
func afterSentence(t string, start, off int) bool {
	k := off
	for k > start && (t[k-1] == ' ' || t[k-1] == '\t' || t[k-1] == '\n' || t[k-1] == '\r') {
		k--
	}
	if k == start {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(t[start:k])
	// ")" and "]" end captions such as "(Image: GETTY )" put between paragraphs.
	return r == '.' || r == '!' || r == '?' || r == '\u2026' || r == ')' || r == ']'
}

// atStart reports whether only white space and at most a short list marker or
// dash come before offset off in the paragraph starting at start.
func atStart(t string, start, off int) bool {
	for start < off && (t[start] == ' ' || t[start] == '\t') {
		start++
	}
	if off-start > 8 {
		return false
	}
	for _, r := range t[start:off] {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// reportMixed reports straight and curly double quotes in one document, at the
// first quote of the rarer style.
func (c *checker) reportMixed(paras []text.Paragraph) {
	msg := fmt.Sprintf("mixed straight and curly double quotes in one document (%d straight, %d curly)", c.nStraight, c.nCurly)
	f := rules.Finding{Message: msg}
	if c.nStraight <= c.nCurly {
		f.Start, f.End = c.firstStraight, c.firstStraight+1
		// Straight to curly: only when every straight quote's role is clear.
		c.convEdits, c.convOK = nil, true
		c.run(paras, false)
		if c.convOK && len(c.convEdits) > 0 {
			f.Fix = &rules.Fix{Message: "make the straight double quotes curly", Applicability: rules.Unsafe, Edits: c.convEdits}
		}
	} else {
		f.Start, f.End = c.firstCurly, c.firstCurly+3
		// Curly to straight loses nothing and needs no judgement of roles.
		var edits []rules.Edit
		t := c.text
		for i := 0; i+2 < len(t); i++ {
			if t[i] == 0xE2 && t[i+1] == 0x80 && (t[i+2] == 0x9C || t[i+2] == 0x9D) {
				if i < 3 || t[i-3:i] != "\u20ac" { // not mojibake ("â€œ")
					edits = append(edits, rules.Edit{Start: i, End: i + 3, NewText: "\""})
				}
				i += 2
			}
		}
		f.Fix = &rules.Fix{Message: "make the curly double quotes straight", Applicability: rules.Safe, Edits: edits}
	}
	c.findings = append(c.findings, f)
}

// codeLike reports whether a paragraph carries markup, JSON or script, whose
// straight quotes delimit attribute values and strings rather than speech: a quote
// after "=", "{", "[", "+", a backslash or a function name (src="x", {"a",
// \", push("x"), x = "y"), or before ":", ">", ";", "+", "}" ("a": 1, "x">,
// "y";), or a markdown link title after a URL ([text](url "title")).
func codeLike(s string) bool {
	if strings.IndexByte(s, '"') < 0 {
		return false
	}
	if strings.Contains(s, "function(") || strings.Contains(s, "});") || strings.Contains(s, "({") {
		return true // script
	}
	for i := 0; ; i++ {
		j := strings.IndexByte(s[i:], '"')
		if j < 0 {
			return false
		}
		i += j
		var prev, next byte
		if i > 0 {
			prev = s[i-1]
		}
		if i+1 < len(s) {
			next = s[i+1]
		}
		switch prev {
		case '=', '{', '[', '+', '\\':
			return true
		case '(':
			if i >= 2 && (asciiWord(s[i-2]) || s[i-2] == '_') {
				return true
			}
		case ' ':
			if afterURL(s, i-1) {
				return true
			}
			// Script: x = "a", a + "b" with spaces around the operator.
			k := i - 1
			for k > 0 && i-k < 8 && s[k-1] == ' ' {
				k--
			}
			if k > 0 && (s[k-1] == '=' || s[k-1] == '+') {
				return true
			}
		}
		switch next {
		case ':', '>', ';', '+', '}':
			return true
		case ',':
			if i+2 < len(s) && s[i+2] == '"' {
				return true // "a","b"
			}
		case '/':
			if i+2 < len(s) && s[i+2] == '>' {
				return true
			}
		}
	}
}

// afterURL reports whether the token ending at s[:sp] (sp is a space) is a URL or
// a markdown link target, so a quote after the space opens a link title.
func afterURL(s string, sp int) bool {
	k := sp
	for k > 0 && sp-k < 512 && s[k-1] != ' ' && s[k-1] != '\n' && s[k-1] != '\t' {
		k--
	}
	tok := s[k:sp]
	return strings.Contains(tok, "://") || strings.Contains(tok, "](") || strings.HasPrefix(tok, "(/")
}

func asciiWord(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// inch reports whether the straight quote at k follows a digit and ends a token
// (5" or 12" pizza), so it may be an inch mark.
func inch(t string, start, end, k int) bool {
	prev := prev(t, start, k)
	next := next(t, k+1, end)
	return unicode.IsDigit(prev) && !unicode.IsLetter(next) && !unicode.IsDigit(next) &&
		positionRole(prev, next) != openQuote
}

// prev returns the rune before k within the paragraph, or -1 at its start.
func prev(t string, start, k int) rune {
	if k <= start {
		return -1
	}
	r, _ := utf8.DecodeLastRuneInString(t[start:k])
	return r
}

// next returns the rune at k within the paragraph, or -1 at its end.
func next(t string, k, end int) rune {
	if k >= end {
		return -1
	}
	r, _ := utf8.DecodeRuneInString(t[k:end])
	return r
}

func isWord(r rune) bool { return r >= 0 && (unicode.IsLetter(r) || unicode.IsDigit(r)) }

func isTerminalPunct(r rune) bool {
	switch r {
	case '.', ',', '!', '?', '\u2026':
		return true
	}
	return false
}

// opensBefore reports whether a quote after r stands where a quotation opens.
func opensBefore(r rune) bool {
	switch r {
	case -1, '(', '[', '{', '\u2014', '\u2013':
		return true
	}
	return unicode.IsSpace(r)
}

// closesBefore reports whether a quote before r stands where a quotation closes.
func closesBefore(r rune) bool {
	switch r {
	case -1, '.', ',', ';', ':', '!', '?', ')', ']', '}', '\u2014', '\u2013', '-', '\u2019', '\'', '\u2026':
		return true
	}
	return unicode.IsSpace(r)
}

// positionRole reads a straight quote's role from its neighbours: it opens after
// white space or an opening bracket and before text, and closes after text and
// before white space or punctuation. Anything else is ambiguous.
func positionRole(prev, next rune) uint8 {
	open := opensBefore(prev) && !closesBefore(next)
	cl := !opensBefore(prev) && prev != -1 && closesBefore(next)
	switch {
	case open && !cl:
		return openQuote
	case cl && !open:
		return closeQuote
	}
	return ambiguousQuote
}

// clearOpen and clearClose are the strict positions that overrule a curly
// quote's glyph: “ between a word and a space is a closing quote turned wrong.
func clearOpen(prev, next rune) bool {
	return (prev == -1 || unicode.IsSpace(prev) || prev == '(' || prev == '[') && isLatinWord(next)
}

func clearClose(prev, next rune) bool {
	return (isLatinWord(prev) || isTerminalPunct(prev) || prev == '\u2014' || prev == '\u2013') &&
		(next == -1 || unicode.IsSpace(next) || isTerminalPunct(next) || next == ';' || next == ':' || next == ')' || next == ']')
}

// isLatinWord is isWord outside the CJK blocks, whose texts put no spaces
// around quotes and so give no clue to a quote's direction.
func isLatinWord(r rune) bool { return r < 0x2E80 && isWord(r) }

// entity recognises an HTML-escaped quote at t[i] ("&quot;", "&#8220;",
// "&#x201C;", "&ldquo;", double-escaped "&amp;quot;", ...) and returns its length
// and the character it stands for.
func entity(t string, i, end int) (int, string, bool) {
	j := i + 1
	if strings.HasPrefix(t[j:end], "amp;") {
		j += 4
		if j >= end || t[j] == '&' {
			return 0, "", false
		}
	}
	k := j
	for k < end && k-j < 10 && t[k] != ';' {
		c := t[k]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '#') {
			return 0, "", false
		}
		k++
	}
	if k >= end || t[k] != ';' || k == j {
		return 0, "", false
	}
	name := t[j:k]
	var r rune
	if name[0] == '#' {
		num := name[1:]
		base := 10
		if num != "" && (num[0] == 'x' || num[0] == 'X') {
			num, base = num[1:], 16
		}
		if num == "" {
			return 0, "", false
		}
		for _, c := range []byte(num) {
			var d int
			switch {
			case c >= '0' && c <= '9':
				d = int(c - '0')
			case base == 16 && c >= 'a' && c <= 'f':
				d = int(c-'a') + 10
			case base == 16 && c >= 'A' && c <= 'F':
				d = int(c-'A') + 10
			default:
				return 0, "", false
			}
			r = r*rune(base) + rune(d)
			if r > 0xFFFF {
				return 0, "", false
			}
		}
	} else {
		switch name {
		case "quot", "QUOT":
			r = '"'
		case "apos":
			r = '\''
		case "ldquo":
			r = '\u201c'
		case "rdquo":
			r = '\u201d'
		case "bdquo":
			r = '\u201e'
		case "lsquo":
			r = '\u2018'
		case "rsquo":
			r = '\u2019'
		case "sbquo":
			r = '\u201a'
		case "laquo":
			r = '\u00ab'
		case "raquo":
			r = '\u00bb'
		default:
			return 0, "", false
		}
	}
	switch r {
	case '"', '\'', '\u00ab', '\u00bb', '\u2018', '\u2019', '\u201a', '\u201c', '\u201d', '\u201e':
		return k + 1 - i, string(r), true
	}
	return 0, "", false
}
