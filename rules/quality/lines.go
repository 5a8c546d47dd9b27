package quality

import (
	"github.com/corpuslint/corpuslint/rules"
	"github.com/corpuslint/corpuslint/rules/text"
	"github.com/corpuslint/corpuslint/rules/text/spacy"
)

// pyLine is one line of Python's text.splitlines(): start and end bound its
// content, next is where the following line starts, and a and b bound the
// content without leading and trailing white space as spacy.PyStrip finds it
// (a == b == end for a blank line).
type pyLine struct {
	start, end, next, a, b int
}

// pyLines is a document's lines, split once in its analysis for every rule
// of this package that walks them (gopher-quality, c4-quality, c4-lines).
// The array is kept for the next document (text.Reuser).
type pyLines struct{ lines []pyLine }

// Reset implements text.Reuser.
func (l *pyLines) Reset() { l.lines = l.lines[:0] }

var pyLinesKey = text.NewKey[*pyLines]("Python lines")

// linesOf returns the lines of a's text, split on first use.
func linesOf(a *text.Analysis) []pyLine {
	return text.Result(a, pyLinesKey, func(a *text.Analysis) *pyLines {
		l := text.Reused(a, pyLinesKey)
		if l == nil {
			l = new(pyLines)
		}
		l.lines = appendLines(l.lines[:0], a.Text())
		return l
	}).lines
}

// appendLines appends the lines of txt to out.
func appendLines(out []pyLine, txt string) []pyLine {
	spacy.SplitLines(txt, func(start, end, next int) {
		a, b := spacy.PyStrip(txt[start:end])
		out = append(out, pyLine{start: start, end: end, next: next, a: start + a, b: start + b})
	})
	return out
}

// docLines returns the lines of the pass's document: from its analysis when
// the analysis is of the document's text, else split anew.
func docLines(p *rules.Pass) []pyLine {
	if p.Analysis != nil && p.Analysis.Text() == p.Doc.Text {
		return linesOf(p.Analysis)
	}
	return appendLines(nil, p.Doc.Text)
}
