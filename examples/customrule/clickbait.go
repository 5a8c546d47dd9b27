package main

import (
	"strings"

	"github.com/corpuslint/corpuslint/rules"
)

// ClickbaitTitle returns a rule that flags a first line built like clickbait
// ("You Won't Believe...", "...Will Shock You"). It is an example of a rule
// written in Go against the public rules vocabulary.
func ClickbaitTitle() rules.Rule { return clickbaitTitle{phrases: defaultClickbait} }

var defaultClickbait = []string{"you won't believe", "will shock you", "what happened next", "this one trick"}

type clickbaitTitle struct {
	phrases []string
}

func (clickbaitTitle) Meta() rules.Meta {
	return rules.Meta{
		Name:     "clickbait-title",
		Category: rules.Quality,
		Severity: rules.Info,
		Title:    "the first line reads as clickbait",
		Doc: "Flags a first line that contains a clickbait formula such as \"you won't believe\" " +
			"or \"will shock you\". Such titles usually come from link farms, not from the article. " +
			"The phrase list is the option \"phrases\".",
		Bad:  "You Won't Believe What This Council Did\nThe council met on Tuesday.",
		Good: "Council Approves Budget\nThe council met on Tuesday.",
	}
}

// Options implements rules.Configurable.
func (r clickbaitTitle) Options() map[string]any {
	return map[string]any{"phrases": r.phrases}
}

// Configure implements rules.Configurable: it returns a copy using opts.
func (r clickbaitTitle) Configure(opts map[string]any) (rules.Rule, error) {
	for k, v := range opts {
		if k != "phrases" {
			return nil, &rules.OptionError{Option: k, Msg: "unknown option (allowed: phrases)"}
		}
		list, ok := v.([]any)
		if !ok {
			return nil, &rules.OptionError{Option: k, Msg: "want a list of phrases"}
		}
		r.phrases = nil
		for _, x := range list {
			s, ok := x.(string)
			if !ok || s == "" {
				return nil, &rules.OptionError{Option: k, Msg: "every phrase must be a non-empty string"}
			}
			r.phrases = append(r.phrases, strings.ToLower(s))
		}
	}
	return r, nil
}

// Check implements rules.Rule.
func (r clickbaitTitle) Check(p *rules.Pass) {
	a := p.Analysis
	for i, l := range a.Lines() {
		if a.IsBlank(i) {
			continue
		}
		lower := strings.ToLower(a.LineText(i))
		for _, ph := range r.phrases {
			if strings.Contains(lower, ph) {
				p.Reportf(l.Start, l.End, "first line reads as clickbait (%q)", ph)
				break
			}
		}
		return // only the first line with text is a title
	}
}
