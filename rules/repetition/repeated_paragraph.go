package repetition

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/corpuslint/corpuslint/rules"
	"github.com/corpuslint/corpuslint/rules/option"
	"github.com/corpuslint/corpuslint/rules/text"
)

// RepeatedParagraph returns the repeated-paragraph rule: a paragraph of 60
// characters or more that appears verbatim earlier in the same document, as
// extractors produce when a page shows the same block twice.
func RepeatedParagraph() rules.Rule { return paragraph{minChars: 60} }

type paragraph struct {
	minChars int
}

// minWords is the number of words a repeated paragraph needs: a line of code
// or a header line ("Access-Control-Allow-Origin: https://...") repeated in a
// technical example is no copied paragraph.
const minWords = 8

func (paragraph) Meta() rules.Meta {
	return rules.Meta{
		Name:     "repeated-paragraph",
		Grouped:  true,
		Category: rules.Repetition,
		Severity: rules.Warning,
		Fixable:  true,
		Title:    "a paragraph appears verbatim a second time in the document",
		Doc: `Flags a paragraph that is an exact copy of an earlier paragraph of the same
document. Extractors often keep a block twice: a lead paragraph repeated as a
teaser, a caption shown with a gallery and again inline, a pull quote, a summary
box that copies the body, a page rendered in two layouts.

Paragraphs are those of the shared analysis (usually one line each; hard-wrapped
prose blocks count as one). Two paragraphs are the same when their text, without
leading and trailing white space, is identical byte for byte. Only paragraphs of
at least 60 characters (option min_chars) and 8 words count, so short repeated
lines such as "Advertisement", "Share" or a dateline are left alone (those are
boilerplate, not repetition), and so are repeated lines of code or headers in a
technical example. List items (lines starting with "-", "*", "•", "1." and the like) and
table rows (lines holding "|") are left alone too, since lists and tables repeat
entries on purpose.

The first occurrence stays; every later copy is flagged. A copy within two
paragraphs of the first is what extraction leaves: a warning whose safe fix deletes
the copy together with its line break and the blank lines after it. A copy further
on may be deliberate (a refrain, a rule a specification restates, a code sample a
tutorial shows twice): it is reported at info severity with an unsafe fix.`,
		Bad:  "The ministry said the new rules would apply to all imports from the first of March.\nOfficials expect the measures to cut delays at the border.\nThe ministry said the new rules would apply to all imports from the first of March.",
		Good: "The ministry said the new rules would apply to all imports from the first of March.\nOfficials expect the measures to cut delays at the border.",
	}
}

// options declares the rule's options, bound to the fields of r.
func (r *paragraph) options() *option.Set {
	s := option.New("repeated-paragraph")
	s.Int("min_chars", &r.minChars, 1, 1000000)
	return s
}

// Options implements rules.Configurable.
func (r paragraph) Options() map[string]any { return r.options().Values() }

// Configure implements rules.Configurable: r is a copy, the receiver stays as it was.
func (r paragraph) Configure(opts map[string]any) (rules.Rule, error) {
	if err := r.options().Decode(opts); err != nil {
		return nil, err
	}
	return r, nil
}

// adjacentParas: a repeat at most this many paragraphs after its first
// occurrence is an extraction duplicate (warning, safe fix).
const adjacentParas = 2

func (r paragraph) Check(p *rules.Pass) {
	a := p.Analysis
	txt := a.Text()
	if len(txt) < 2*r.minChars {
		return // no room for two copies
	}
	paras := a.Paragraphs()
	lines := a.Lines()
	var seen map[string]int // trimmed text -> index of first paragraph
	var last map[string]int // trimmed text -> index of its latest copy
	var words []text.Word
	for i, para := range paras {
		s, e := text.TrimSpan(txt, para.Start, para.End)
		if e-s < r.minChars {
			continue // fewer bytes than characters needed
		}
		t := txt[s:e]
		// A rune takes at most utf8.UTFMax bytes: long paragraphs need no count.
		if len(t) < utf8.UTFMax*r.minChars && utf8.RuneCountInString(t) < r.minChars || listOrTable(t) {
			continue
		}
		if seen == nil {
			// Sized for the paragraphs left, at most: growing it showed in profiles.
			seen = make(map[string]int, len(paras)-i)
			last = map[string]int{}
		}
		j, dup := seen[t]
		if !dup {
			seen[t], last[t] = i, i
			continue
		}
		prev := last[t]
		last[t] = i
		// Prose, not code or a header line repeated in an example.
		if words = text.AppendWords(words[:0], txt, s, e); len(words) < minWords {
			continue
		}
		first := paras[j]
		line, _ := a.Position(first.Start)
		ds, de := deletion(a, lines, para)
		f := rules.Finding{
			Start: s,
			End:   e,
			Message: fmt.Sprintf("paragraph repeats line %d verbatim (%d characters)",
				line, utf8.RuneCountInString(t)),
			Fix: &rules.Fix{
				Message:       "delete the repeated paragraph",
				Applicability: rules.Safe,
				Edits:         []rules.Edit{{Start: ds, End: de}},
			},
		}
		// A copy right after the first is what extraction leaves (a caption or
		// a teaser printed twice); further on, a repeat may be deliberate: a
		// refrain, a rule a specification restates, a sample a tutorial shows
		// again. Those are reported for information, with an unsafe fix.
		if i-prev > adjacentParas {
			f.Severity = rules.Info
			f.Message += "; further on in the text, so it may be deliberate"
			f.Fix.Applicability = rules.Unsafe
			f.Fix.Message += " (unsafe: a repeat further on may be deliberate)"
		}
		p.Report(f)
	}
}

// deletion returns the bytes that deleting paragraph para removes: its lines
// and the blank lines after them up to the next line with text. A paragraph with
// no text after it takes the line break before it instead, so that the text ends
// as it did (with or without a final line break).
func deletion(a *text.Analysis, lines []text.Line, para text.Paragraph) (int, int) {
	for k := para.Last + 1; k < len(lines); k++ {
		if !a.IsBlank(k) {
			return lines[para.First].Start, lines[k].Start
		}
	}
	for k := para.First - 1; k >= 0; k-- {
		if !a.IsBlank(k) {
			return lines[k].End, lines[para.Last].End
		}
	}
	return lines[para.First].Start, lines[para.Last].Next
}

// listOrTable reports whether a trimmed line is a list item or a table row.
func listOrTable(t string) bool {
	if strings.IndexByte(t, '|') >= 0 {
		return true
	}
	r, n := utf8.DecodeRuneInString(t)
	switch r {
	case '-', '*', '+', '•', '·', '–', '—', '►', '▪', '◦', '‣', '○', '●', '■', '□', '→', '>':
		if n < len(t) {
			next, _ := utf8.DecodeRuneInString(t[n:])
			return unicode.IsSpace(next)
		}
		return false
	}
	// "1." "12)" "a)" "(1)" "(b)"
	i := 0
	paren := t[0] == '('
	if paren {
		i = 1
	}
	j := i
	for j < len(t) && j-i < 3 && t[j] >= '0' && t[j] <= '9' {
		j++
	}
	digits := j > i
	if !digits && j < len(t) && t[j] >= 'a' && t[j] <= 'z' {
		j++
	}
	if j == i || j+1 >= len(t) || t[j+1] != ' ' {
		return false
	}
	return t[j] == ')' || (t[j] == '.' && digits && !paren)
}
