package typography

import (
	"fmt"
	"unicode"
	"unicode/utf8"

	"github.com/corpuslint/corpuslint/rules"
	"github.com/corpuslint/corpuslint/rules/text"
)

// StrayDash returns the stray-dash rule: dashes left behind by extraction on a line
// of their own, dangling at the end of a line, or leading a lone prose line.
func StrayDash() rules.Rule { return dashRule{} }

type dashRule struct{}

// Meta returns the stray-dash rule's name, category and documentation.
func (dashRule) Meta() rules.Meta {
	return rules.Meta{
		Name:     "stray-dash",
		Category: rules.Typography,
		Severity: rules.Warning,
		Fixable:  true,
		Title:    "Dashes stranded by extraction: alone on a line, dangling at a line end, or leading a lone line",
		Doc: "Flags three shapes of dash (-, --, –, —, ―, ‒) that extractors leave behind when " +
			"they drop the text around it: a line that holds nothing but one or two dashes " +
			"(an emptied list item, a separator between widgets); a dash dangling at the end " +
			"of a line after a space (\"Headline -\", where a site name or a link was cut off); " +
			"and a dash with a space after it starting a prose line that is not one of a list " +
			"of two or more items. The fix removes the dash, and the whole line (with its line " +
			"break, so no blank line is left behind) when nothing else is on it.\n\n" +
			"It never looks at a dash inside a line, so hyphenated words, ranges (2022-2023, " +
			"9–5), scores, dates, negative numbers and dashes used as sentence punctuation " +
			"(\"word - word\", \"word—word\") are left alone, as are command-line options " +
			"(--flag), markdown rules (---), table borders, YAML front matter and fenced code. " +
			"A word broken at a hyphen (\"well-\") is not dangling; neither is a dash at the end " +
			"of a line that a hard-wrapped paragraph continues on the next line. Lines led by " +
			"em dashes are left alone when the document has several (dialogue) or when they are " +
			"short (an attribution such as \"— Mark Twain\").",
		Bad:  "The storm closed schools across the county on Monday.\n-\nRelated: County schools reopen after storm -\n",
		Good: "The storm closed schools across the county on Monday.\nRelated: County schools reopen after storm\n",
	}
}

// dashLen returns the byte length of the dash starting at s[i] (-, ‒, –, —, ―),
// or 0 when there is none. Hyphen characters U+2010/U+2011 and the minus sign are
// deliberately not dashes here: they belong to words and numbers.
func dashLen(s string, i int) int {
	if i >= len(s) {
		return 0
	}
	if s[i] == '-' {
		return 1
	}
	if s[i] == 0xE2 && i+2 < len(s) && s[i+1] == 0x80 && s[i+2] >= 0x92 && s[i+2] <= 0x95 {
		return 3
	}
	return 0
}

// dashMarker returns the byte length of a leading dash marker at s[i]: one dash rune,
// or "--" standing in for an em dash.
func dashMarker(s string, i int) int {
	n := dashLen(s, i)
	if n == 1 && i+1 < len(s) && s[i+1] == '-' {
		return 2
	}
	return n
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' }

// isListItem reports whether trimmed line t starts like a list item: a bullet or
// dash followed by white space (or nothing), or a number followed by "." or ")".
func isListItem(t string) bool {
	if t == "" {
		return false
	}
	n := dashMarker(t, 0)
	if n == 0 {
		r, size := utf8.DecodeRuneInString(t)
		switch r {
		case '*', '+', '•', '·', '▪', '◦', '‣', '●', '○', '■', '□', '►', '▶', '→', '✓', '✔':
			n = size
		}
	}
	if n == 0 {
		d := 0
		for d < len(t) && d < 4 && t[d] >= '0' && t[d] <= '9' {
			d++
		}
		if d > 0 && d < len(t) && (t[d] == '.' || t[d] == ')') {
			n = d + 1
		}
	}
	return n > 0 && (n == len(t) || isSpace(t[n]))
}

// dashOnly reports whether trimmed line t holds only dashes and spaces and is not a
// horizontal rule or separator (three or more hyphens, four or more dashes).
func dashOnly(t string) bool {
	if t == "" {
		return false
	}
	dashes, hyphens := 0, 0
	for i := 0; i < len(t); {
		if isSpace(t[i]) {
			i++
			continue
		}
		n := dashLen(t, i)
		if n == 0 {
			return false
		}
		dashes++
		if n == 1 {
			hyphens++
		}
		i += n
	}
	if hyphens == dashes && hyphens >= 3 {
		return false // markdown/setext rule "---", "- - -"
	}
	return dashes <= 3
}

// terminal reports whether a line ending in r finishes a sentence or introduces
// what follows, so a next line starting in lower case is not its continuation.
func terminal(r rune) bool {
	switch r {
	case '.', '!', '?', ':', ';', '"', '\u201d', '\u2019', ')', '\u2026':
		return true
	}
	return false
}

// markerKind indexes the per-document count of lines led by marker m.
func markerKind(m string) int {
	switch {
	case m == "-":
		return 4
	case m == "--":
		return 5
	case len(m) == 3:
		return int(m[2] - 0x92)
	}
	return 4
}

// endsSentence reports whether s ends like a sentence: ".", "!", "?" or "…",
// possibly followed by closing quotes or brackets.
func endsSentence(s string) bool {
	s = text.TrimSpace(s)
	for s != "" {
		r, n := utf8.DecodeLastRuneInString(s)
		switch r {
		case '.', '!', '?', '\u2026':
			return true
		case '"', '\'', '\u201d', '\u2019', ')', ']', '\u00bb':
			s = s[:len(s)-n]
			continue
		}
		return false
	}
	return false
}

// countWords counts the words of t[start:end] up to limit, reading only a bounded
// window so a huge line costs nothing extra.
func countWords(t string, start, end, limit int) int {
	var buf [16]text.Word
	end = min(end, start+40*limit)
	for end < len(t) && end > start && !utf8.RuneStart(t[end]) {
		end--
	}
	return min(len(text.AppendWords(buf[:0], t, start, end)), limit)
}

// Check reports the stray-dash findings of one document.
func (dashRule) Check(p *rules.Pass) {
	a := p.Analysis
	txt := a.Text()
	lines := a.Lines()
	paras := a.Paragraphs()

	// How many lines each dash marker leads: several lines led by an em dash are
	// dialogue, several led by "- " are a list whose items are far apart.
	var led [6]int
	for i := range lines {
		t := a.LineText(i)
		k := 0
		for k < len(t) && isSpace(t[k]) {
			k++
		}
		if n := dashMarker(t, k); n > 0 && k+n < len(t) && isSpace(t[k+n]) {
			led[markerKind(t[k:k+n])]++
		}
	}

	// YAML front matter: a first line "---" closed by "---" or "...".
	fmEnd := -1
	if len(lines) > 1 && text.TrimSpace(a.LineText(0)) == "---" {
		for i := 1; i < len(lines); i++ {
			if t := text.TrimSpace(a.LineText(i)); t == "---" || t == "..." {
				fmEnd = i
				break
			}
		}
	}

	// trimmed returns the trimmed span of line i.
	trimmed := func(i int) (int, int) { return text.TrimSpan(txt, lines[i].Start, lines[i].End) }
	tailRun := dashTailRuns(a, lines)
	inFence := false
	pi := 0
	prevNB := -1 // previous non-blank line
	nextNB := func(i int) int {
		for j := i + 1; j < len(lines); j++ {
			if !a.IsBlank(j) {
				return j
			}
		}
		return -1
	}

	for i := 0; i < len(lines); i++ {
		ts, te := trimmed(i)
		if ts == te {
			continue
		}
		t := txt[ts:te]
		if i <= fmEnd {
			prevNB = i
			continue
		}
		if len(t) >= 3 && (t[:3] == "```" || t[:3] == "~~~") {
			inFence = !inFence
			prevNB = i
			continue
		}
		if inFence {
			prevNB = i
			continue
		}
		for pi < len(paras) && paras[pi].Last < i {
			pi++
		}
		firstOfPara, lastOfPara := true, true
		if pi < len(paras) && paras[pi].First <= i && i <= paras[pi].Last {
			firstOfPara, lastOfPara = paras[pi].First == i, paras[pi].Last == i
		}

		if dashOnly(t) {
			// Take the whole run of dash-only lines as one finding.
			j := i
			for j+1 < len(lines) {
				s2, e2 := trimmed(j + 1)
				if s2 == e2 || !dashOnly(txt[s2:e2]) {
					break
				}
				j++
			}
			p.Report(loneFinding(a, lines, i, j, prevNB))
			prevNB = j
			i = j
			continue
		}

		// Decorated labels such as "- Advertisement -" are left alone.
		lead := dashMarker(t, 0)
		trailStart := -1 // offset in t of a trailing dash run after a space
		{
			k := len(t)
			for k > 0 {
				r, size := utf8.DecodeLastRuneInString(t[:k])
				if r == '-' || (r >= '\u2012' && r <= '\u2015') {
					k -= size
					continue
				}
				break
			}
			if k < len(t) && k > 0 && isSpace(t[k-1]) && utf8.RuneCountInString(t[k:]) <= 2 {
				trailStart = k
			}
		}
		decorated := lead > 0 && trailStart > 0 && lead < len(t) && isSpace(t[lead])

		if lead > 0 && !decorated && lead < len(t) && isSpace(t[lead]) {
			if f, ok := dashLeading(a, i, ts, te, lead, prevNB, nextNB(i), firstOfPara, &led); ok {
				p.Report(f)
			}
		}
		if trailStart > 0 && !decorated && lastOfPara {
			if f, ok := dangling(a, txt, lines, i, ts, te, trailStart, nextNB(i)); ok {
				if n := tailRun[i]; n >= minDashTailRun {
					// Headlines whose links were cut: the " -" is the evidence that
					// the lines are a sidebar (trailing-headlines takes such a block
					// whole). Stripping it would hide that, so only a person decides.
					f.Message += fmt.Sprintf(" (one of %d lines in a row ending so: a list of headlines cut from their links?)", n)
					f.Fix.Applicability = rules.Unsafe
					f.Fix.Message += " (unsafe: the dashes mark a block of headlines that may be boilerplate as a whole)"
				}
				p.Report(f)
			}
		}
		prevNB = i
	}
}

// loneFinding reports the dash-only lines first..last. The fix deletes the lines
// with one line break, and the blank lines after them when blank lines before them
// already separate the neighbours, so no empty line is left where the dash was.
func loneFinding(a *text.Analysis, lines []text.Line, first, last, prevNB int) rules.Finding {
	txt := a.Text()
	s, _ := text.TrimSpan(txt, lines[first].Start, lines[first].End)
	_, e := text.TrimSpan(txt, lines[last].Start, lines[last].End)
	next := -1
	for j := last + 1; j < len(lines); j++ {
		if !a.IsBlank(j) {
			next = j
			break
		}
	}
	var del rules.Edit
	switch {
	case next < 0 && prevNB < 0:
		del = rules.Edit{Start: lines[first].Start, End: len(txt)}
	case next < 0:
		// Last thing in the document: take the break before it, keep the text's ending.
		del = rules.Edit{Start: lines[prevNB].End, End: lines[last].End}
	case prevNB >= 0 && prevNB == first-1:
		del = rules.Edit{Start: lines[first].Start, End: lines[last].Next}
	default:
		del = rules.Edit{Start: lines[first].Start, End: lines[next].Start}
	}
	var msg string
	fixMsg := "delete the line"
	switch dash := txt[s:e]; {
	case last > first:
		msg = fmt.Sprintf("%d lines holding only a stray dash", last-first+1)
		fixMsg = "delete the lines"
	case dash == "-":
		msg = loneHyphen // a document can hold hundreds of thousands
	default:
		msg = "line holding only a stray dash \"" + dash + "\""
	}
	// The fix and its edit in one allocation.
	fe := &fixEdit{fix: rules.Fix{Message: fixMsg, Applicability: rules.Safe}, edit: [1]rules.Edit{del}}
	fe.fix.Edits = fe.edit[:]
	return rules.Finding{Start: s, End: e, Message: msg, Fix: &fe.fix}
}

// loneHyphen is the message of a line holding only "-".
const loneHyphen = "line holding only a stray dash \"-\""

// fixEdit is a fix of one edit.
type fixEdit struct {
	fix  rules.Fix
	edit [1]rules.Edit
}

// dashLeading judges a line led by a dash marker of lead bytes at text[ts:].
func dashLeading(a *text.Analysis, i, ts, te, lead, prevNB, nextNB int, firstOfPara bool, led *[6]int) (rules.Finding, bool) {
	txt := a.Text()
	rs := ts + lead
	for rs < te && isSpace(txt[rs]) {
		rs++
	}
	if rs >= te {
		return rules.Finding{}, false
	}
	// A list of two or more items (any bullet style) is fine.
	if prevNB >= 0 && isListItem(text.TrimSpace(a.LineText(prevNB))) {
		return rules.Finding{}, false
	}
	if nextNB >= 0 && isListItem(text.TrimSpace(a.LineText(nextNB))) {
		return rules.Finding{}, false
	}
	// After "Here are the highlights:" a dash starts a list, however far apart its
	// items are.
	if prevNB >= 0 {
		if pt := text.TrimSpace(a.LineText(prevNB)); pt != "" && pt[len(pt)-1] == ':' {
			return rules.Finding{}, false
		}
	}
	// Inside a hard-wrapped paragraph a leading dash is sentence punctuation.
	if !firstOfPara {
		return rules.Finding{}, false
	}
	r, _ := utf8.DecodeRuneInString(txt[rs:te])
	if !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '"' || r == '\u201c' || r == '\u2018') {
		return rules.Finding{}, false
	}
	if unicode.IsLower(r) && prevNB == i-1 && prevNB >= 0 {
		pt := text.TrimSpace(a.LineText(prevNB))
		lr, _ := utf8.DecodeLastRuneInString(pt)
		if !terminal(lr) {
			return rules.Finding{}, false // the previous line's sentence goes on here
		}
	}
	minWords := 3
	prose := endsSentence(txt[rs:te])
	if lead == 3 {
		// Em/en dashes: dialogue when several lines use them, an attribution or a
		// tweet's byline ("— Name (@handle) date") when the line is no sentence.
		if led[markerKind(txt[ts:ts+lead])] >= 2 || !prose || r == '"' || r == '\u201c' || r == '\u2018' {
			return rules.Finding{}, false
		}
		if prevNB >= 0 {
			lr, _ := utf8.DecodeLastRuneInString(text.TrimSpace(a.LineText(prevNB)))
			if lr == '"' || lr == '\u201d' || lr == '\u00bb' {
				return rules.Finding{}, false
			}
		}
		minWords = 6
	} else if !prose && led[markerKind(txt[ts:ts+lead])] >= 2 {
		// Labels led by "- " in several places are the items of a list whose
		// descriptions sit between them.
		return rules.Finding{}, false
	}
	if countWords(txt, rs, te, minWords) < minWords {
		return rules.Finding{}, false
	}
	return rules.Finding{
		Start:   ts,
		End:     ts + lead,
		Message: "stray dash \"" + txt[ts:ts+lead] + "\" starting a line that is not part of a list",
		Fix: &rules.Fix{Message: "remove the dash", Applicability: rules.Safe,
			Edits: []rules.Edit{{Start: ts, End: rs}}},
	}, true
}

// minDashTailRun is how many lines in a row ending in " -" make a list of
// headlines rather than a stray dash.
const minDashTailRun = 3

// dashTailRuns returns, for each line ending in a space and a dash, how many
// lines the run it belongs to holds: lines ending so, with only blank or
// dash-only lines between them. Other lines map to 0.
func dashTailRuns(a *text.Analysis, lines []text.Line) []int {
	var runs []int
	start, n := -1, 0
	end := func(upto int) {
		if n >= minDashTailRun {
			for j := start; j < upto; j++ {
				if runs[j] < 0 {
					runs[j] = n
				} else {
					runs[j] = 0
				}
			}
		} else if runs != nil {
			for j := max(start, 0); j < upto; j++ {
				runs[j] = 0
			}
		}
		start, n = -1, 0
	}
	for i := range lines {
		t := text.TrimSpace(a.LineText(i))
		switch {
		case len(t) > 2 && t[len(t)-1] == '-' && isSpace(t[len(t)-2]):
			if runs == nil {
				runs = make([]int, len(lines))
			}
			if start < 0 {
				start = i
			}
			runs[i] = -1
			n++
		case t == "" || dashOnly(t):
		default:
			if start >= 0 {
				end(i)
			}
		}
	}
	if start >= 0 {
		end(len(lines))
	}
	if runs == nil {
		runs = make([]int, len(lines))
	}
	return runs
}

// dangling judges a dash run at text[ts+trail:te] ending a line.
func dangling(a *text.Analysis, txt string, lines []text.Line, i, ts, te, trail, nextNB int) (rules.Finding, bool) {
	ds := ts + trail
	cs, ce := text.TrimSpan(txt, ts, ds) // the content before the dash
	if ce <= cs {
		return rules.Finding{}, false
	}
	content := txt[cs:ce]
	letters, symbols := 0, 0
	for _, r := range content {
		switch {
		case unicode.IsLetter(r):
			letters++
		case unicode.IsDigit(r), unicode.IsSpace(r):
		case r == '|':
			return rules.Finding{}, false // a table row
		case unicode.IsPunct(r) && r != '-' && r != '_' && r != '*' && r != '#':
		default:
			symbols++
		}
	}
	if letters < 2 || symbols*3 > letters {
		return rules.Finding{}, false // ASCII art, arrows, emoticons
	}
	if openQuote(content) {
		return rules.Finding{}, false // a quotation goes on past the line break
	}
	if valueToken(content) {
		return rules.Finding{}, false // "2,95 % -": a dash for an empty table cell
	}
	if nextNB >= 0 {
		nt := text.TrimSpace(a.LineText(nextNB))
		nr, _ := utf8.DecodeRuneInString(nt)
		if unicode.IsLower(nr) {
			return rules.Finding{}, false // a sentence goes on after the break
		}
		if nextNB == i+1 && te-ds == 3 && (nr == '"' || nr == '\u201c' || nr == '\u2018') {
			return rules.Finding{}, false // "headline — “quoted rest”" broken by a wrap
		}
	}
	return rules.Finding{
		Start:   ds,
		End:     te,
		Message: "dangling dash \"" + txt[ds:te] + "\" at the end of the line",
		Fix: &rules.Fix{Message: "remove the dash", Applicability: rules.Safe,
			Edits: []rules.Edit{{Start: ce, End: lines[i].End}}},
	}, true
}

// valueToken reports whether the last word of s holds no letter ("2,95", "%",
// "€", "2019"): a line of table values, whose dash marks an empty cell.
func valueToken(s string) bool {
	for k := len(s); k > 0; {
		r, n := utf8.DecodeLastRuneInString(s[:k])
		if unicode.IsSpace(r) {
			return k < len(s)
		}
		if unicode.IsLetter(r) {
			return false
		}
		k -= n
	}
	return true
}

// openQuote reports whether s leaves a double quotation open: more “ than ”, or an
// odd number of straight double quotes.
func openQuote(s string) bool {
	open, straight := 0, 0
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '"':
			straight++
		case s[i] == 0xE2 && i+2 < len(s) && s[i+1] == 0x80 && s[i+2] == 0x9C:
			open++
		case s[i] == 0xE2 && i+2 < len(s) && s[i+1] == 0x80 && s[i+2] == 0x9D:
			open--
		}
	}
	return open > 0 || straight%2 == 1
}
