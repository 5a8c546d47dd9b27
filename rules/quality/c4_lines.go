package quality

import (
	"fmt"

	"github.com/corpuslint/corpuslint/rules"
)

// C4Lines returns the c4-lines rule: the lines datatrove's C4QualityFilter removes
// from the documents it keeps, and the wiki citation markers it strips, each with a
// fix that deletes them.
func C4Lines() rules.Rule { return c4LinesRule{o: c4Defaults()} }

type c4LinesRule struct{ o c4Options }

func (c4LinesRule) Meta() rules.Meta {
	return rules.Meta{
		Name:     "c4-lines",
		Grouped:  true,
		Category: rules.Quality,
		Severity: rules.Info,
		Fixable:  true,
		Title:    "Lines that datatrove's C4QualityFilter removes, and the wiki citation markers it strips",
		Doc: "Reproduces the line removal of datatrove's C4QualityFilter with its default settings. " +
			"Each line (Python splitlines, stripped of surrounding white space) is removed, in this " +
			"order, when one of its space-separated words is longer than 1,000 characters " +
			"(too_long_word); when, after the citation markers are taken out, it does not end in " +
			". ? ! \" or ' or ends in \"...\" (no_terminal_punc; this removes blank lines, " +
			"headings, menus and captions); when it has fewer than 3 words (too_few_words); when " +
			"it mentions javascript (javascript); or when it contains one of \"terms of use\", " +
			"\"privacy policy\", \"cookie policy\", \"uses cookies\", \"use of cookies\", \"use " +
			"cookies\" (policy). Each removed line is a finding whose fix deletes the line with " +
			"its line break. On the lines it keeps, the wiki citation markers [1], [], [edit] and " +
			"[citation needed] are findings whose fix deletes the marker, as the filter does.\n\n" +
			"Severity info: C4 keeps the document and only trims it; c4-quality reports the " +
			"documents it drops. Options are named as in datatrove. Off by default, since it " +
			"removes every heading and blank line; use --profile c4.",
		Bad:      "Storm closes schools\nSchools across the county closed on Monday.[1]\n",
		Good:     "Schools across the county closed on Monday.\n",
		Matches:  "datatrove C4QualityFilter (line removal, default settings)",
		Disabled: true,
	}
}

// Options implements rules.Configurable.
func (r c4LinesRule) Options() map[string]any { return r.o.options(true).Values() }

// Configure implements rules.Configurable: r is a copy, the receiver stays as it was.
func (r c4LinesRule) Configure(opts map[string]any) (rules.Rule, error) {
	if err := r.o.options(true).Decode(opts); err != nil {
		return nil, err
	}
	return r, nil
}

func (r c4LinesRule) Check(p *rules.Pass) {
	text := p.Doc.Text
	c4Walk(text, docLines(p), r.o, nil, func(ln c4Line) {
		for _, c := range ln.cites {
			msg := fmt.Sprintf("wiki citation marker %q that C4 removes", text[c[0]:c[1]])
			p.Report(rules.Finding{Start: c[0], End: c[1], Message: msg, Fix: &rules.Fix{
				Message: "delete the citation marker", Applicability: rules.Safe,
				Edits: []rules.Edit{{Start: c[0], End: c[1]}},
			}})
		}
		if ln.reason == "" {
			return
		}
		var msg string
		var score *rules.Score
		switch ln.reason {
		case "too_long_word":
			msg = fmt.Sprintf("line has a word of %d characters, longer than %d", ln.longWord, r.o.maxWordLength)
			score = &rules.Score{Name: ln.reason, Value: float64(ln.longWord), Op: ">", Threshold: float64(r.o.maxWordLength)}
		case "no_terminal_punc":
			switch {
			case ln.words == 0:
				msg = "blank line"
			case ln.detail == "...":
				msg = "line ends in an ellipsis"
			default:
				msg = "line does not end in terminal punctuation"
			}
		case "too_few_words":
			msg = fmt.Sprintf("line has %d words, fewer than %d", ln.words, r.o.minWordsPerLine)
			score = &rules.Score{Name: ln.reason, Value: float64(ln.words), Op: "<", Threshold: float64(r.o.minWordsPerLine)}
		case "javascript":
			msg = "line mentions javascript"
		case "policy":
			msg = fmt.Sprintf("line mentions %q", ln.detail)
		}
		msg += " (C4 removes the line: " + ln.reason + ")"
		start, end := ln.start, ln.end
		if start == end {
			end = ln.next // a blank line: point at its line break
		}
		p.Report(rules.Finding{Start: start, End: end, Message: msg, Score: score, Fix: &rules.Fix{
			Message: "delete the line", Applicability: rules.Safe,
			Edits: []rules.Edit{{Start: ln.start, End: ln.next}},
		}})
	})
}
