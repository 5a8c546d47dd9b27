package markup

import (
	"path"
	"strings"

	"github.com/corpuslint/corpuslint/rules"
	"github.com/corpuslint/corpuslint/rules/text"
)

// This file holds what the markup, typography and privacy rules share: option
// parsing, the file-extension test that tells a rule the document is written in the
// markup it looks for, fenced-code tracking and a few byte-level predicates.

// hasExt reports whether the document is a whole file whose name ends in one of
// exts (lower case, with the dot). A document in that format is written in that
// markup, so a rule looking for its remnants has nothing to say about it. A JSONL
// record (Record > 0) is text whatever its file is called.
func hasExt(p *rules.Pass, exts ...string) bool {
	if p.Doc == nil || p.Doc.Path == "" || p.Doc.Record != 0 {
		return false
	}
	e := strings.ToLower(path.Ext(p.Doc.Path))
	for _, x := range exts {
		if e == x {
			return true
		}
	}
	return false
}

// clip shortens s for a message: at most n runes, with "…" when cut, and line
// breaks shown as spaces.
func clip(s string, n int) string {
	cut := false
	k := 0
	for i := range s {
		if k == n {
			s, cut = s[:i], true
			break
		}
		k++
	}
	s = strings.Map(func(r rune) rune {
		if r == '\n' || r == '\r' || r == '\t' {
			return ' '
		}
		return r
	}, s)
	if cut {
		s += "…"
	}
	return s
}

// lineEdit returns an edit deleting line l whole, with its line break; the last
// line takes the break before it instead, so no empty line is left behind.
func lineEdit(t string, lines []text.Line, i int) rules.Edit {
	return linesEdit(t, lines, i, i)
}

// linesEdit deletes lines first..last with their line breaks (see lineEdit).
func linesEdit(t string, lines []text.Line, first, last int) rules.Edit {
	start := lines[first].Start
	if first == 0 {
		start = 0
		if len(t) >= 3 && t[:3] == "\ufeff" {
			start = 3
		}
	}
	end := lines[last].Next
	if first > 0 && last+1 < len(lines) && text.IsBlank(t[lines[first-1].Start:lines[first-1].End]) &&
		text.IsBlank(t[lines[last+1].Start:lines[last+1].End]) {
		// A block between blank lines: take one of them, so that the paragraphs
		// around stay one blank line apart.
		end = lines[last+1].Next
	}
	if end == lines[last].End && first > 0 {
		// No break after the last line: take the one before the first line.
		start = lines[first-1].End
	}
	return rules.Edit{Start: start, End: end}
}

// removal returns an edit deleting [start, end): the whole line (or lines) when
// nothing else is on them, else the span with the spaces around it tidied so that
// neither a double space nor a trailing or leading space is left.
func removal(t string, lines []text.Line, a *text.Analysis, start, end int) rules.Edit {
	fl, ll := a.LineAt(start), a.LineAt(end)
	if text.IsBlank(t[lines[fl].Start:start]) && text.IsBlank(t[end:lines[ll].End]) {
		return linesEdit(t, lines, fl, ll)
	}
	before, after := text.RuneBefore(t, start), text.RuneAt(t, end)
	spaceBefore := before == ' ' || before == '\t'
	spaceAfter := after == ' ' || after == '\t'
	switch {
	case spaceBefore && spaceAfter:
		return rules.Edit{Start: start, End: end + 1}
	case spaceBefore && (after == 0 || after == '\n' || after == '\r' || strings.ContainsRune(",.;:!?)", after)):
		s := start
		for s > lines[fl].Start && (t[s-1] == ' ' || t[s-1] == '\t') {
			s--
		}
		return rules.Edit{Start: s, End: end}
	case spaceAfter && start == lines[fl].Start:
		e := end
		for e < len(t) && (t[e] == ' ' || t[e] == '\t') {
			e++
		}
		return rules.Edit{Start: start, End: e}
	}
	return rules.Edit{Start: start, End: end}
}
