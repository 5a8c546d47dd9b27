package quality_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/corpuslint/corpuslint/rules"
	"github.com/corpuslint/corpuslint/rules/builtin"
	"github.com/corpuslint/corpuslint/rules/quality"
	"github.com/corpuslint/corpuslint/rules/rulestest"
)

// prose returns n words cycling through a sentence whose mean word length is 5.25
// and that holds the stop words "the" and "that"; no punctuation, so every token is
// a word with a letter.
func prose(n int) string {
	vocab := []string{"the", "council", "agreed", "that", "library", "hours", "should", "grow"}
	ws := make([]string, n)
	for i := range ws {
		ws[i] = vocab[i%len(vocab)]
	}
	return strings.Join(ws, " ")
}

// numbers returns n number tokens, which have no letter.
func numbers(n int) string {
	return strings.TrimSpace(strings.Repeat(" 2024", n))
}

// insert puts mark after each of the first k words of prose.
func insert(prose, mark string, k int) string {
	ws := strings.Fields(prose)
	for i := 0; i < k && i < len(ws); i++ {
		ws[i] += " " + mark
	}
	return strings.Join(ws, " ")
}

// lineNames make the lines of lines distinct with a word of their own.
var lineNames = strings.Fields("alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike " +
	"november oscar papa quebec romeo sierra tango uniform victor whiskey xray yankee")

// lines returns n (at most 25) distinct lines of seven words, each prefixed and
// suffixed: 7 tokens with a letter per line, plus what prefix and suffix add.
func lines(n int, prefix, suffix func(i int) string) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "%s%s %s%s\n", prefix(i), lineNames[i], prose(6), suffix(i))
	}
	return b.String()
}

func none(int) string { return "" }

// parityCases are documents with the decision datatrove's filter takes on them,
// worked out by hand from the filter's code (datatrove main: GopherQualityFilter,
// FineWebQualityFilter; default settings, English). Tokens are spaCy's: "#", "...",
// "…" and "-" at the start of a word are split off as their own tokens.
var parityCases = []struct {
	name   string
	filter string // "gopher" or "fineweb"
	text   string
	drop   bool
}{
	// GopherQualityFilter: 50 <= words (tokens with a non-punctuation character)
	{"50 words is enough", "gopher", prose(50), false},
	{"49 words is too few", "gopher", prose(49), true},
	{"punctuation tokens are not words", "gopher", prose(49) + strings.Repeat(" !", 5), true},
	{"numbers are words", "gopher", prose(45) + " " + numbers(5), false},
	// mean word length 3..10
	{"mean word length exactly 3", "gopher", strings.TrimSpace(strings.Repeat("the cat and dog ", 13)), false},
	{"mean word length below 3", "gopher", strings.TrimSpace(strings.Repeat("the ox and it is to be ", 8)), true},
	{"mean word length above 10", "gopher", strings.TrimSpace(strings.Repeat("the internationalization and standardization ", 13)), true},
	// '#' per token <= 0.1: 54 words and 6 "#" tokens is 6/60 = 0.1
	{"hash ratio exactly 0.1", "gopher", prose(54) + strings.Repeat(" #", 6), false},
	{"hash ratio above 0.1", "gopher", prose(54) + strings.Repeat(" #", 7), true},
	{"hashtags split into # and a word", "gopher", insert(prose(54), "#tag", 0) + strings.Repeat(" #news", 6), false},
	// ellipses per token <= 0.1, counting "..." (non-overlapping) and "…"
	{"six ellipses in 60 tokens", "gopher", insert(prose(54), "...", 6), false},
	{"seven ellipses in 61 tokens", "gopher", insert(prose(54), "...", 7), true},
	{"unicode ellipses count", "gopher", insert(prose(54), "…", 7), true},
	{"four dots are one ellipsis", "gopher", insert(prose(54), "....", 6), false},
	{"six dots are two ellipses", "gopher", insert(prose(54), "......", 6), true},
	// lines starting with "•" or "-" (after leading white space) <= 90%
	{"all lines start with a hyphen", "gopher", lines(10, func(int) string { return "- " }, none), true},
	{"9 of 10 lines are bullets", "gopher", lines(10, func(i int) string {
		if i == 0 {
			return ""
		}
		return "• "
	}, none), false},
	{"indented bullets count", "gopher", lines(10, func(int) string { return "   • " }, none), true},
	{"asterisks are not bullets", "gopher", lines(10, func(int) string { return "* " }, none), false},
	{"triangular bullets are not bullets", "gopher", lines(10, func(int) string { return "‣ " }, none), false},
	// lines ending in "..." or "…" (before trailing white space) <= 30%
	{"3 of 10 lines end in an ellipsis", "gopher", lines(10, none, func(i int) string {
		if i < 3 {
			return " ..."
		}
		return ""
	}), false},
	{"4 of 10 lines end in an ellipsis", "gopher", lines(10, none, func(i int) string {
		switch {
		case i < 2:
			return " ...  "
		case i < 4:
			return "…"
		}
		return ""
	}), true},
	// tokens with a letter >= 80%: 48 words and 12 numbers is 48/60 = 0.8
	{"alpha share exactly 0.8", "gopher", prose(48) + " " + numbers(12), false},
	{"alpha share below 0.8", "gopher", prose(48) + " " + numbers(13), true},
	// at least 2 distinct stop words, matched case-sensitively
	{"capitalized stop words do not count", "gopher", "The " + strings.TrimSpace(strings.Repeat("council library hours grow The ", 13)), true},
	{"one stop word repeated", "gopher", strings.TrimSpace(strings.Repeat("the council library hours grow ", 12)), true},
	{"two distinct stop words", "gopher", strings.TrimSpace(strings.Repeat("the council library hours grow ", 12)) + " of", false},
	{"CRLF lines are lines", "gopher", strings.ReplaceAll(lines(10, none, none), "\n", "\r\n"), false},

	// FineWebQualityFilter: non-blank lines split at "\n" only
	{"blank document", "fineweb", " \n\t\n", true},
	{"article with blank lines", "fineweb", lines(10, none, func(int) string { return ".\n" }), false},
	// lines ending in terminal punctuation >= 0.12: 3 of 25 is 0.12
	{"3 of 25 lines end in punctuation", "fineweb", lines(25, none, func(i int) string {
		if i < 3 {
			return "."
		}
		return ""
	}), false},
	{"2 of 25 lines end in punctuation", "fineweb", lines(25, none, func(i int) string {
		if i < 2 {
			return "!"
		}
		return ""
	}), true},
	{"closing quotes are not terminal punctuation", "fineweb", lines(10, none, func(int) string { return ".\"" }), true},
	{"CRLF lines end in \\r", "fineweb", strings.ReplaceAll(lines(10, none, func(int) string { return "." }), "\n", "\r\n"), true},
	{"CR-only breaks make one line", "fineweb", strings.TrimSuffix(strings.ReplaceAll(lines(10, none, func(int) string { return "." }), "\n", "\r"), "\r"), false},
	// lines of 30 characters or fewer <= 0.67: 2 of 3 is 0.667
	{"2 of 3 lines are short", "fineweb", "Short line one.\nShort line two.\n" + lines(1, none, func(int) string { return "." }), false},
	{"3 of 4 lines are short", "fineweb", "Short line one.\nShort line two.\nShort line three.\n" + lines(1, none, func(int) string { return "." }), true},
	// characters of repeated lines <= 1% of the characters (without line feeds)
	{"repeated caption", "fineweb", lines(10, none, func(int) string { return ".\nPhoto by the council." }), true},
	{"repeated blank lines are not duplicates", "fineweb", lines(10, none, func(int) string { return ".\n \t" }), false},
	// line feeds per word <= 0.3: 3 line feeds and 10 tokens is 0.3
	{"list ratio exactly 0.3", "fineweb", "Internationalization standardization.\nInternationalization harmonization.\nInternationalization standardization harmonization.\n", false},
	{"list ratio above 0.3", "fineweb", "Internationalization standardization.\nInternationalization harmonization.\nStandardization harmonization.\n", true},
}

// TestQualityParity checks that the rules behind --profile gopher (its quality part)
// and --profile fineweb report a finding of severity warning or above exactly when
// datatrove's filter drops the document.
func TestQualityParity(t *testing.T) {
	ruleFor := map[string]rules.Rule{"gopher": quality.GopherQuality(), "fineweb": quality.FineWebQuality()}
	for _, tc := range parityCases {
		fs := rulestest.Check(ruleFor[tc.filter], tc.text)
		drop := false
		for _, f := range fs {
			if f.Severity >= rules.Warning {
				drop = true
			}
		}
		if drop != tc.drop {
			t.Errorf("%s: %s: dropped %v, datatrove drops %v; findings:\n%s", tc.filter, tc.name, drop, tc.drop,
				rulestest.FormatFindings(tc.text, fs))
		}
	}
}

// TestQualityProfiles checks the profiles that reproduce a published filter select
// existing rules (gopher-repetition comes from the repetition family).
func TestQualityProfiles(t *testing.T) {
	reg, err := rules.NewRegistry(builtin.Builtin()...)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{
		"gopher":  {"gopher-quality", "gopher-repetition"},
		"c4":      {"c4-quality", "c4-lines"},
		"fineweb": {"fineweb-quality"},
	}
	for name, sel := range want {
		p, ok := builtin.LookupProfile(name)
		if !ok {
			t.Errorf("no profile %q", name)
			continue
		}
		if strings.Join(p.Select, ",") != strings.Join(sel, ",") {
			t.Errorf("profile %s selects %v, want %v", name, p.Select, sel)
		}
		for _, r := range sel {
			if _, ok := reg.Lookup(r); !ok {
				t.Errorf("profile %s selects %s, which is not registered", name, r)
			}
		}
	}
	for _, name := range []string{"news", "all"} {
		if _, ok := builtin.LookupProfile(name); !ok {
			t.Errorf("no profile %q", name)
		}
	}
	for _, r := range []rules.Rule{quality.GopherQuality(), quality.FineWebQuality(), quality.C4Quality(), quality.C4Lines()} {
		m := r.Meta()
		if !m.Disabled || m.Matches == "" {
			t.Errorf("%s: want a rule off by default that names the filter it matches", m.Name)
		}
	}
}

// TestQualityOptions checks option validation and that Configure leaves the
// registry's rule untouched.
func TestQualityOptions(t *testing.T) {
	for _, tc := range []struct {
		rule rules.Rule
		opts map[string]any
		err  string
	}{
		{quality.GopherQuality(), map[string]any{"min_doc_words": 10.5}, `"min_doc_words": want a whole number`},
		{quality.GopherQuality(), map[string]any{"max_non_alpha_words_ratio": -1.0}, `"max_non_alpha_words_ratio": want a number of 0 or more, got -1`},
		{quality.GopherQuality(), map[string]any{"stop_words": []any{"the", 3.0}}, `"stop_words": want a list of strings`},
		{quality.GopherQuality(), map[string]any{"min_words": 3.0}, `"min_words": unknown option of gopher-quality`},
		{quality.FineWebQuality(), map[string]any{"line_punct_exclude_zero": "yes"}, `"line_punct_exclude_zero": want true or false`},
		{quality.C4Lines(), map[string]any{"min_num_sentences": 3.0}, `"min_num_sentences": unknown option of c4-lines`},
		{quality.C4Quality(), map[string]any{"max_word_length": -2.0}, `"max_word_length": want a whole number from -1 to`},
	} {
		_, err := tc.rule.(rules.Configurable).Configure(tc.opts)
		if err == nil || !strings.Contains(err.Error(), tc.err) {
			t.Errorf("%s %v: err = %v, want %q", tc.rule.Meta().Name, tc.opts, err, tc.err)
		}
	}
	g := quality.GopherQuality().(rules.Configurable)
	c, err := g.Configure(map[string]any{"min_doc_words": 3.0, "stop_words": []any{"cat"}})
	if err != nil {
		t.Fatal(err)
	}
	if got := c.(rules.Configurable).Options()["min_doc_words"]; got != 3 {
		t.Errorf("configured min_doc_words = %v", got)
	}
	if got := g.Options()["min_doc_words"]; got != 50 {
		t.Errorf("Configure changed the original: min_doc_words = %v", got)
	}
	// the configured stop words replace the default list
	if fs := rulestest.Check(c, "the cat sat"); len(fs) != 1 || !strings.Contains(fs[0].Message, "1 distinct stop word found (cat)") {
		t.Errorf("custom stop words: %s", rulestest.FormatFindings("the cat sat", fs))
	}
}

// TestQualityScores checks that each document-level finding carries its measurement
// and a drop fix spanning the whole document.
func TestQualityScores(t *testing.T) {
	text := prose(20)
	fs := rulestest.Check(quality.GopherQuality(), text)
	if len(fs) != 1 {
		t.Fatalf("want one finding, got:\n%s", rulestest.FormatFindings(text, fs))
	}
	f := fs[0]
	want := rules.Score{Name: "gopher_short_doc", Value: 20, Op: "<", Threshold: 50}
	if f.Score == nil || *f.Score != want {
		t.Errorf("score = %+v, want %+v", f.Score, want)
	}
	if f.Start != 0 || f.End != len(text) || f.Fix == nil || !f.Fix.Drop || f.Fix.Applicability != rules.Safe ||
		len(f.Fix.Edits) != 1 || f.Fix.Edits[0] != (rules.Edit{Start: 0, End: len(text)}) {
		t.Errorf("want a safe drop fix over the whole text, got %+v (fix %+v)", f, f.Fix)
	}
	if !strings.Contains(f.Fix.Message, "gopher_short_doc") {
		t.Errorf("fix message %q does not name the reason", f.Fix.Message)
	}
}
