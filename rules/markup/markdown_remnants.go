package markup

import (
	"fmt"
	"math/bits"
	"sort"
	"strings"

	"github.com/corpuslint/corpuslint/rules"
	"github.com/corpuslint/corpuslint/rules/option"
	"github.com/corpuslint/corpuslint/rules/text"
	"github.com/corpuslint/corpuslint/rules/text/markupscan"
)

// MarkdownRemnants returns the markdown-remnants rule: Markdown syntax left in a
// plain-text document.
func MarkdownRemnants() rules.Rule { return markdownRule{documents: "skip"} }

type markdownRule struct {
	documents string // "skip" (default) or "check": Markdown documents as a whole
}

// markdownExts are the file extensions of Markdown documents, where Markdown is
// the format and not a remnant.
var markdownExts = []string{".md", ".markdown", ".mdown", ".mkd", ".mkdn", ".mdx", ".rmd", ".qmd"}

func (markdownRule) Meta() rules.Meta {
	return rules.Meta{
		Name:     "markdown-remnants",
		Grouped:  true,
		Category: rules.Markup,
		Severity: rules.Warning,
		Fixable:  true,
		Title:    "Markdown syntax left in plain text: **bold**, [links](url), # headings, [n]: url lines",
		Doc: "Flags Markdown that an HTML-to-Markdown converter left in what should be plain " +
			"text: bold markers (**word**), inline links and images ([text](url), " +
			"![alt](url)), reference links ([text][12]), ATX headings (# Heading), setext " +
			"underlines (a line of ===== under a heading), reference definitions ([12]: " +
			"https://…), code fences (```) and table separator rows (|---|---|). Safe fixes " +
			"remove the bold markers, the heading hashes and underlines, and the reference " +
			"label of a reference link; unsafe fixes replace an inline link by its text " +
			"(dropping the URL), delete an image, and delete reference-definition and fence " +
			"lines.\n\n" +
			"Documents whose file is Markdown (.md, .markdown, .mdx, …) are Markdown by " +
			"design and are not checked, and neither are documents that read as Markdown as a " +
			"whole, as Markdown extractors write them: three kinds of Markdown syntax or more " +
			"(headings, links, bold, list items, reference definitions, fences, table rows), or " +
			"two kinds with two headings (option documents: skip, the default, or check). Asterisks that are not paired bold markers around " +
			"text on one line (ratings such as CCI**, footnote marks, \"5 * 3\"), hashtags " +
			"(#MeToo) and numbers (#1), bracketed citations and notes ([1][2], [n 11][283]) " +
			"and brackets followed by ordinary parentheses ([sic] (2019)) are left alone, as " +
			"is anything inside fenced code. A \"# line\" followed directly by more text counts " +
			"as a heading only in a document with other Markdown (links, bold): elsewhere it " +
			"is more often a comment in a code sample.",
		Bad:  "## Storm closes schools\nThe **county** closed [every school](https://example.com/schools) on Monday.\n",
		Good: "Storm closes schools\nThe county closed every school on Monday. Ratings: CCI** and #1 seed.\n",
	}
}

// options declares the rule's options, bound to the fields of r.
func (r *markdownRule) options() *option.Set {
	s := option.New("markdown-remnants")
	s.String("documents", &r.documents, "skip", "check")
	return s
}

// Options implements rules.Configurable.
func (r markdownRule) Options() map[string]any { return r.options().Values() }

// Configure implements rules.Configurable: r is a copy, the receiver stays as it was.
func (r markdownRule) Configure(opts map[string]any) (rules.Rule, error) {
	if err := r.options().Decode(opts); err != nil {
		return nil, err
	}
	return r, nil
}

// markdownLines: a Markdown document has Markdown on this many lines or more.
const markdownLines = 5

func (r markdownRule) Check(p *rules.Pass) {
	if hasExt(p, markdownExts...) {
		return
	}
	a := p.Analysis
	t := a.Text()
	lines := a.Lines()
	if r.documents == "skip" && markdownDocument(t, lines) {
		return
	}
	var fence markupscan.Fence
	var found []rules.Finding
	// A "# line" followed directly by more text is a heading only in a document
	// with other Markdown: elsewhere it is more often a comment in a code sample.
	mdDoc := strings.Contains(t, "](") || strings.Contains(t, "][") || strings.Contains(t, "**")
	for li, l := range lines {
		s := t[l.Start:l.End]
		if fence.Code(s) {
			if markupscan.IsFenceLine(s) {
				p.Report(rules.Finding{Start: l.Start, End: l.End,
					Message: fmt.Sprintf("Markdown code fence %s left in the text", clip(strings.TrimSpace(s), 30)),
					Fix:     &rules.Fix{Message: "delete the fence line", Applicability: rules.Unsafe, Edits: []rules.Edit{lineEdit(t, lines, li)}}})
			}
			continue
		}
		if s == "" {
			continue
		}
		// The line-shaped remnants all start with one of a few bytes: test that
		// first, as most lines are prose.
		k := 0
		for k < len(s)-1 && k < 3 && s[k] == ' ' {
			k++
		}
		switch s[k] {
		case '[':
			if f, ok := refDefinition(t, lines, li); ok {
				p.Report(f)
				continue
			}
		case '#':
			if f, ok := heading(t, l); ok && (mdDoc || li+1 == len(lines) || a.IsBlank(li+1) || headingLine(t[lines[li+1].Start:lines[li+1].End])) {
				p.Report(f)
			}
		case '=':
			if f, ok := setext(t, lines, li); ok {
				p.Report(f)
				continue
			}
		case '|', '-', ':':
			if tableRule(s) {
				p.Report(rules.Finding{Start: l.Start, End: l.End, Message: "Markdown table separator row left in the text"})
				continue
			}
		}
		if strings.IndexByte(s, '*') < 0 && strings.IndexByte(s, ']') < 0 {
			continue
		}
		found = inline(found[:0], a, l.Start, l.End)
		for _, f := range found {
			p.Report(f)
		}
	}
}

// refDefinition matches a reference definition line "[label]: url".
func refDefinition(t string, lines []text.Line, li int) (rules.Finding, bool) {
	l := lines[li]
	s := t[l.Start:l.End]
	i := 0
	for i < len(s) && i < 3 && s[i] == ' ' {
		i++
	}
	if i >= len(s) || s[i] != '[' {
		return rules.Finding{}, false
	}
	j := strings.IndexByte(s[i:], ']')
	if j < 2 || j > 100 || strings.IndexByte(s[i+1:i+j], '[') >= 0 {
		return rules.Finding{}, false
	}
	k := i + j + 1
	if k >= len(s) || s[k] != ':' {
		return rules.Finding{}, false
	}
	k++
	for k < len(s) && (s[k] == ' ' || s[k] == '\t') {
		k++
	}
	target := s[k:]
	if e := strings.IndexAny(target, " \t"); e >= 0 {
		target = target[:e]
	}
	if !looksLikeURL(target) {
		return rules.Finding{}, false
	}
	return rules.Finding{Start: l.Start, End: l.End,
		Message: fmt.Sprintf("Markdown reference definition %s left in the text", clip(strings.TrimSpace(s), 60)),
		Fix:     &rules.Fix{Message: "delete the line", Applicability: rules.Unsafe, Edits: []rules.Edit{lineEdit(t, lines, li)}}}, true
}

// looksLikeURL reports whether a link target looks like a URL or a path.
func looksLikeURL(s string) bool {
	s = strings.TrimPrefix(s, "<")
	if s == "" || strings.ContainsAny(s, " \t") {
		return false
	}
	for _, pre := range []string{"http://", "https://", "ftp://", "mailto:", "tel:", "www.", "/", "#", "./", "../"} {
		if len(s) >= len(pre) && text.EqualFoldASCII(s[:len(pre)], pre) {
			return true
		}
	}
	return strings.Contains(s, "://") || (strings.ContainsAny(s, "./") && text.IsAlnum(s[0]))
}

// heading matches an ATX heading "# Title" (one to six hashes and a space).
func heading(t string, l text.Line) (rules.Finding, bool) {
	s := t[l.Start:l.End]
	i := 0
	for i < len(s) && i < 3 && s[i] == ' ' {
		i++
	}
	h := i
	for i < len(s) && s[i] == '#' {
		i++
	}
	n := i - h
	if n == 0 || n > 6 || i >= len(s) || s[i] != ' ' {
		return rules.Finding{}, false
	}
	j := i
	for j < len(s) && (s[j] == ' ' || s[j] == '\t') {
		j++
	}
	if j >= len(s) || s[j] == '#' || strings.HasPrefix(s[j:], "of ") {
		return rules.Finding{}, false
	}
	edits := []rules.Edit{{Start: l.Start + h, End: l.Start + j}}
	// An optional closing sequence " ##".
	e := len(s)
	for e > j && s[e-1] == ' ' {
		e--
	}
	c := e
	for c > j && s[c-1] == '#' {
		c--
	}
	if c < e && c > j && s[c-1] == ' ' {
		for c > j && s[c-1] == ' ' {
			c--
		}
		edits = append(edits, rules.Edit{Start: l.Start + c, End: l.Start + e})
	}
	return rules.Finding{Start: l.Start + h, End: l.Start + j,
		Message: fmt.Sprintf("Markdown heading marker %s left in the text", strings.TrimSpace(s[h:j])),
		Fix:     &rules.Fix{Message: "remove the heading marker", Applicability: rules.Safe, Edits: edits}}, true
}

// headingLine reports whether s starts like an ATX heading.
func headingLine(s string) bool {
	s = strings.TrimLeft(s, " ")
	n := 0
	for n < len(s) && s[n] == '#' {
		n++
	}
	return n >= 1 && n <= 6 && n < len(s) && s[n] == ' '
}

// setext matches a setext underline: a line of three or more "=" under a line of
// text.
func setext(t string, lines []text.Line, li int) (rules.Finding, bool) {
	if li == 0 {
		return rules.Finding{}, false
	}
	l := lines[li]
	s := strings.TrimRight(t[l.Start:l.End], " \t")
	if len(s) < 3 || strings.Trim(s, "=") != "" {
		return rules.Finding{}, false
	}
	prev := strings.TrimSpace(t[lines[li-1].Start:lines[li-1].End])
	if prev == "" || strings.Trim(prev, "=-*_ ") == "" || strings.HasPrefix(prev, "==") {
		return rules.Finding{}, false
	}
	return rules.Finding{Start: l.Start, End: l.End, Message: "Markdown heading underline " + clip(s, 12) + " left in the text",
		Fix: &rules.Fix{Message: "delete the underline", Applicability: rules.Safe, Edits: []rules.Edit{lineEdit(t, lines, li)}}}, true
}

// tableRule reports whether s is a Markdown table separator row (|---|:--:|).
func tableRule(s string) bool {
	pipes, dashes := 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '|':
			pipes++
		case '-':
			dashes++
		case ':', ' ', '\t':
		default:
			return false
		}
	}
	return pipes >= 1 && dashes >= 3 && strings.Contains(s, "---") && (pipes >= 2 || strings.Contains(s, "- |") || strings.Contains(s, "-|"))
}

// inline appends the inline remnants of t[ls:le] (bold, links, images,
// reference links) to out, in order, dropping those inside a larger one.
func inline(out []rules.Finding, a *text.Analysis, ls, le int) []rules.Finding {
	t := a.Text()
	lines := a.Lines()
	s := t[ls:le]
	// Bold: **text** on one line, opening after a non-word character, closing before one.
	for i := 0; i+1 < len(s); {
		k := strings.Index(s[i:], "**")
		if k < 0 {
			break
		}
		o := i + k
		i = o + 2
		if (o > 0 && (text.IsAlnum(s[o-1]) || s[o-1] == '*' || s[o-1] == '\\')) || o+2 >= len(s) || s[o+2] == ' ' || s[o+2] == '*' || s[o+2] == '\t' {
			continue
		}
		c := strings.Index(s[o+2:min(len(s), o+2+300)], "**")
		if c < 0 {
			continue
		}
		c += o + 2
		if s[c-1] == ' ' || s[c-1] == '\t' || (c+2 < len(s) && (s[c+2] == '*' || text.IsAlnum(s[c+2]))) {
			continue
		}
		out = append(out, rules.Finding{Start: ls + o, End: ls + c + 2,
			Message: fmt.Sprintf("Markdown bold markers around %q left in the text", clip(s[o+2:c], 40)),
			Fix: &rules.Fix{Message: "remove the ** markers", Applicability: rules.Safe,
				Edits: []rules.Edit{{Start: ls + o, End: ls + o + 2}, {Start: ls + c, End: ls + c + 2}}}})
		i = c + 2
	}
	// Links and images: [text](target), ![alt](target), and reference links
	// [text][label]. One pass keeps a stack of open brackets, so each "]" finds
	// its "[" without searching back.
	var stackBuf [16]int
	stack := stackBuf[:0]
	for i := 0; i < len(s); {
		k := strings.IndexAny(s[i:], "[]")
		if k < 0 {
			break
		}
		cb := i + k
		i = cb + 1
		if s[cb] == '[' {
			if len(stack) == 64 {
				// Deep nesting is not Markdown; keep memory bounded.
				stack = stack[:copy(stack, stack[32:])]
			}
			stack = append(stack, cb)
			continue
		}
		if len(stack) == 0 {
			continue
		}
		ob := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if cb+1 >= len(s) || cb-ob > 500 {
			continue
		}
		next := s[cb+1]
		if next != '(' && next != '[' {
			continue
		}
		image := ob > 0 && s[ob-1] == '!'
		start := ob
		if image {
			start--
		}
		text := s[ob+1 : cb]
		var f rules.Finding
		if next == '(' {
			end, target, ok := linkTarget(s, cb+1)
			if !ok {
				continue
			}
			if image {
				f = rules.Finding{Start: ls + start, End: ls + end,
					Message: fmt.Sprintf("Markdown image %s left in the text", clip(s[start:end], 60)),
					Fix:     &rules.Fix{Message: "delete the image", Applicability: rules.Unsafe, Edits: []rules.Edit{removal(t, lines, a, ls+start, ls+end)}}}
			} else {
				f = rules.Finding{Start: ls + start, End: ls + end,
					Message: fmt.Sprintf("Markdown link [%s](%s) left in the text", clip(text, 30), clip(target, 30)),
					Fix: &rules.Fix{Message: "keep the link text, drop the URL", Applicability: rules.Unsafe,
						Edits: []rules.Edit{{Start: ls + start, End: ls + end, NewText: text}}}}
			}
			i = end
		} else {
			e := strings.IndexByte(s[cb+2:min(len(s), cb+2+42)], ']')
			if e < 0 {
				continue
			}
			label := s[cb+2 : cb+2+e]
			end := cb + 2 + e + 1
			if !refLabel(label) || (text == "" && label == "") || allDigits(text) || noteMark(text) || (end < len(s) && (s[end] == '(' || s[end] == ':' || s[end] == '[')) {
				continue
			}
			if image {
				f = rules.Finding{Start: ls + start, End: ls + end,
					Message: fmt.Sprintf("Markdown image %s left in the text", clip(s[start:end], 60)),
					Fix:     &rules.Fix{Message: "delete the image", Applicability: rules.Unsafe, Edits: []rules.Edit{removal(t, lines, a, ls+start, ls+end)}}}
			} else {
				f = rules.Finding{Start: ls + start, End: ls + end,
					Message: fmt.Sprintf("Markdown reference link [%s][%s] left in the text", clip(text, 30), label),
					Fix: &rules.Fix{Message: "keep the link text", Applicability: rules.Safe,
						Edits: []rules.Edit{{Start: ls + start, End: ls + end, NewText: text}}}}
			}
			i = end
		}
		out = append(out, f)
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].Start < out[b].Start })
	// Of overlapping remnants (an image inside a link, bold inside a link text) the
	// larger is reported; the fix of the next pass reaches the inner one.
	w := 0
	for r := range out {
		if w > 0 && out[r].Start < out[w-1].End {
			if out[r].End-out[r].Start > out[w-1].End-out[w-1].Start {
				out[w-1] = out[r]
			}
			continue
		}
		out[w] = out[r]
		w++
	}
	return out[:w]
}

// maxTarget bounds every look-ahead of linkTarget (the target, an <angle>
// target, a title), so that a line of "[a](<" or `[a](u "` repeated costs
// linear time (issue 16).
const maxTarget = 2048

// linkTarget reads "(target)" or "(target \"title\")" at s[i] == '(' and returns
// the end offset after ")" and the target.
func linkTarget(s string, i int) (int, string, bool) {
	j := i + 1
	if j < len(s) && s[j] == '<' {
		e := strings.IndexByte(s[j:min(len(s), j+maxTarget)], '>')
		if e < 0 {
			return 0, "", false
		}
		target := s[j+1 : j+e]
		k := j + e + 1
		if k >= len(s) || s[k] != ')' || !looksLikeURL(target) {
			return 0, "", false
		}
		return k + 1, target, true
	}
	depth := 0
	k := j
	for k < len(s) && k-j < maxTarget {
		c := s[k]
		if c == ' ' || c == '\t' || c == '[' || c == ']' || c == '<' {
			break // none of these is in a target; stopping keeps the scan linear
		}
		if c == '(' {
			depth++
		} else if c == ')' {
			if depth == 0 {
				break
			}
			depth--
		}
		k++
	}
	target := s[j:k]
	if !looksLikeURL(target) {
		return 0, "", false
	}
	if k < len(s) && s[k] == ' ' {
		// An optional title: "title" or 'title'.
		m := k + 1
		if m >= len(s) || (s[m] != '"' && s[m] != '\'') {
			return 0, "", false
		}
		e := strings.IndexByte(s[m+1:min(len(s), m+1+maxTarget)], s[m])
		if e < 0 {
			return 0, "", false
		}
		k = m + 1 + e + 1
	}
	if k >= len(s) || s[k] != ')' {
		return 0, "", false
	}
	return k + 1, target, true
}

func refLabel(s string) bool {
	for i := 0; i < len(s); i++ {
		if !(text.IsAlnum(s[i]) || s[i] == ' ' || s[i] == '-' || s[i] == '_') {
			return false
		}
	}
	return true
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !text.IsDigit(s[i]) {
			return false
		}
	}
	return true
}

// noteMark reports whether a bracketed text is a footnote mark such as "n 11" or
// "note 3" rather than link text.
func noteMark(s string) bool {
	return len(s) <= 7 && strings.ContainsAny(s, "0123456789")
}

// markdownDocument reports whether a text reads as a Markdown document as a
// whole (what a Markdown extractor writes), not as plain text with Markdown left
// in it: it uses three kinds of Markdown syntax or more (headings, inline links,
// bold, list items, reference definitions, code fences, table separators), or
// two kinds with two headings or more, on markdownLines lines or more (a short
// text with a heading, a link and bold is plain text with remnants).
func markdownDocument(t string, lines []text.Line) bool {
	const (
		heading = 1 << iota
		link
		bold
		list
		refDef
		fenceLine
		tableSep
	)
	kinds, headings, marked := 0, 0, 0
	for _, l := range lines {
		s := strings.TrimLeft(t[l.Start:l.End], " ")
		seen := false
		switch {
		case strings.HasPrefix(s, "#"):
			h := strings.TrimLeft(s, "#")
			if len(s)-len(h) <= 6 && strings.HasPrefix(h, " ") {
				kinds |= heading
				headings++
				seen = true
			}
		case strings.HasPrefix(s, "* "), strings.HasPrefix(s, "- "), strings.HasPrefix(s, "+ "):
			kinds, seen = kinds|list, true
		case strings.HasPrefix(s, "```"), strings.HasPrefix(s, "~~~"):
			kinds, seen = kinds|fenceLine, true
		case strings.HasPrefix(s, "|") && strings.Contains(s, "---"):
			kinds, seen = kinds|tableSep, true
		case strings.HasPrefix(s, "[") && strings.Contains(s, "]: "):
			kinds, seen = kinds|refDef, true
		}
		if strings.Contains(s, "](") {
			kinds, seen = kinds|link, true
		}
		if strings.Contains(s, "**") {
			kinds |= bold
			seen = true
		}
		if seen {
			marked++
		}
	}
	n := bits.OnesCount(uint(kinds))
	return marked >= markdownLines && (n >= 3 || n >= 2 && headings >= 2)
}
