package typography

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/corpuslint/corpuslint/rules"
	"github.com/corpuslint/corpuslint/rules/option"
	"github.com/corpuslint/corpuslint/rules/text"
	"github.com/corpuslint/corpuslint/rules/text/markupscan"
)

// RepeatedSpaces returns the repeated-spaces rule: runs of spaces between words.
func RepeatedSpaces() rules.Rule { return repeatedSpaces{} }

type repeatedSpaces struct {
	afterSentence bool
}

func (r repeatedSpaces) Meta() rules.Meta {
	return rules.Meta{
		Name:     "repeated-spaces",
		Grouped:  true,
		Category: rules.Typography,
		Severity: rules.Info,
		// Normalization, not damage: off by default (profile normalize selects the five).
		Disabled: true,
		Fixable:  true,
		Title:    "Two or more spaces between words",
		Doc: "Flags runs of two or more spaces inside a line, between two words, which " +
			"extraction leaves where it dropped an inline element (a link, an icon, a " +
			"footnote mark) or joined justified text. The safe fix replaces the run by one " +
			"space.\n\n" +
			"Leading indentation and trailing spaces are not its business. Two spaces after " +
			"the end of a sentence (typewriter style) are left alone unless the option " +
			"after_sentence is true. Lines that are laid out in columns are left alone: " +
			"tables (two or more \"|\", or a tab), lines with two or more gaps of three or " +
			"more spaces, gaps that line up with a gap in the line above or below, lines " +
			"that are mostly symbols (ASCII art), and fenced code.",
		Bad:  "The council  approved the budget on Monday.\n",
		Good: "The council approved the budget on Monday.  Voting starts next week.\n",
	}
}

// gap is a run of two or more spaces inside a line, as byte offsets from the line
// start.
type gap struct{ start, end int }

// spaceGaps appends the inner space runs of line s to out. ok is false when the line is
// laid out as a table or ASCII art and no gap of it should be judged.
func spaceGaps(out []gap, s string) ([]gap, bool) {
	if !strings.Contains(s, "  ") {
		return out, true
	}
	if strings.IndexByte(s, '\t') >= 0 || strings.Count(s, "|") >= 2 {
		return out, false
	}
	i := 0
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	wide := 0
	for {
		k := strings.Index(s[i:], "  ")
		if k < 0 {
			break
		}
		st := i + k
		e := st + 2
		for e < len(s) && s[e] == ' ' {
			e++
		}
		if e >= len(s) {
			break // trailing spaces
		}
		out = append(out, gap{st, e})
		if e-st >= 3 {
			wide++
		}
		i = e
	}
	if wide >= 2 {
		return out, false
	}
	if len(out) > 0 {
		// ASCII art: fewer letters and digits than other visible characters.
		alnum, other := 0, 0
		for _, r := range s {
			switch {
			case r == ' ':
			case unicode.IsLetter(r) || unicode.IsDigit(r):
				alnum++
			default:
				other++
			}
		}
		if alnum < other {
			return out, false
		}
	}
	return out, true
}

// aligned reports whether a gap of others (sorted, as spaceGaps returns them) ends
// where g ends.
func aligned(g gap, others []gap) bool {
	k := sort.Search(len(others), func(i int) bool { return others[i].end >= g.end })
	return k < len(others) && others[k].end == g.end
}

// options declares the rule's options, bound to the fields of r.
func (r *repeatedSpaces) options() *option.Set {
	s := option.New("repeated-spaces")
	s.Bool("after_sentence", &r.afterSentence)
	return s
}

// Options implements rules.Configurable.
func (r repeatedSpaces) Options() map[string]any { return r.options().Values() }

// Configure implements rules.Configurable: r is a copy, the receiver stays as it was.
func (r repeatedSpaces) Configure(opts map[string]any) (rules.Rule, error) {
	if err := r.options().Decode(opts); err != nil {
		return nil, err
	}
	return r, nil
}

func (r repeatedSpaces) Check(p *rules.Pass) {
	a := p.Analysis
	t := a.Text()
	if !strings.Contains(t, "  ") {
		return
	}
	lines := a.Lines()
	fenced := fencedLines(a) // nil when the document has no fences
	var cur, prev, next []gap
	gaps := func(buf []gap, li int) []gap {
		if li < 0 || li >= len(lines) || (fenced != nil && fenced[li]) {
			return buf[:0]
		}
		g, _ := spaceGaps(buf[:0], t[lines[li].Start:lines[li].End])
		return g
	}
	// Jump from one double space to the next with the fast substring search and
	// judge the line holding it, looking at its neighbors for alignment.
	for i := 0; ; {
		k := strings.Index(t[i:], "  ")
		if k < 0 {
			break
		}
		li := a.LineAt(i + k)
		l := lines[li]
		i = max(l.Next, i+k+2)
		if fenced != nil && fenced[li] {
			continue
		}
		s := t[l.Start:l.End]
		var ok bool
		cur, ok = spaceGaps(cur[:0], s)
		if !ok || len(cur) == 0 {
			continue
		}
		prev, next = gaps(prev, li-1), gaps(next, li+1)
		for _, g := range cur {
			if aligned(g, prev) || aligned(g, next) {
				continue
			}
			if !r.afterSentence && g.end-g.start == 2 && afterSentence(s[:g.start]) {
				continue
			}
			start, end := l.Start+g.start, l.Start+g.end
			p.Report(rules.Finding{Start: start, End: end,
				Message: fmt.Sprintf("%d spaces between words instead of one", end-start),
				Fix:     &rules.Fix{Message: "replace them with one space", Applicability: rules.Safe, Edits: []rules.Edit{{Start: start, End: end, NewText: " "}}}})
		}
	}
}

// afterSentence reports whether s ends a sentence: ".", "!", "?" or ":" with any
// closing quotes or brackets after it.
func afterSentence(s string) bool {
	for len(s) > 0 {
		r, n := utf8.DecodeLastRuneInString(s)
		switch r {
		case '"', '\'', '\u201d', '\u2019', ')', ']', '\u00bb':
			s = s[:len(s)-n]
			continue
		case '.', '!', '?', ':', '\u2026':
			return true
		}
		return false
	}
	return false
}

// fencedLines returns, for a document with code fences, which lines are fenced;
// nil when it has none.
func fencedLines(a *text.Analysis) []bool {
	t := a.Text()
	if !strings.Contains(t, "```") && !strings.Contains(t, "~~~") {
		return nil
	}
	lines := a.Lines()
	out := make([]bool, len(lines))
	var f markupscan.Fence
	for i, l := range lines {
		out[i] = f.Code(t[l.Start:l.End])
	}
	return out
}
