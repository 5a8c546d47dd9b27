package rules_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/corpuslint/corpuslint/rules"
)

// flood reports n findings with a safe fix each, one per byte of the text
// (cycling), as a rule that flags every entity of a huge document does.
type flood struct {
	name string
	n    int
}

func (r flood) Meta() rules.Meta {
	return rules.Meta{Name: r.name, Category: rules.Markup, Severity: rules.Warning}
}

func (r flood) Check(p *rules.Pass) {
	t := p.Doc.Text
	for i := range r.n {
		at := i % len(t)
		p.Report(rules.Finding{Start: at, End: at + 1, Message: "a finding",
			Fix: &rules.Fix{Message: "delete it", Applicability: rules.Safe, Edits: []rules.Edit{{Start: at, End: at + 1}}}})
	}
}

// TestFindingsCap: a rule keeps at most MaxFindingsPerRule findings of one
// document; the first says how many it found, Covers counts the rest, and none
// keeps its fix, so that fix leaves the document as it is (a partial fix would
// leave a second run more to do). Rules within the limit, before and after it,
// are untouched.
func TestFindingsCap(t *testing.T) {
	const over = 5
	doc := &rules.Document{Text: strings.Repeat("x", 64)}
	fs := rules.Run([]rules.Rule{
		flood{"before", 3},
		flood{"many", rules.MaxFindingsPerRule + over},
		flood{"exact", rules.MaxFindingsPerRule},
	}, doc, nil, nil)
	count := map[string]int{}
	fixed := map[string]int{}
	for _, f := range fs {
		count[f.Rule]++
		if f.Fix != nil {
			fixed[f.Rule]++
		}
	}
	if count["before"] != 3 || fixed["before"] != 3 {
		t.Errorf("rule before the capped one: %d findings, %d fixed", count["before"], fixed["before"])
	}
	if count["many"] != rules.MaxFindingsPerRule || fixed["many"] != 0 {
		t.Errorf("capped rule: %d findings (want %d), %d with a fix (want 0)", count["many"], rules.MaxFindingsPerRule, fixed["many"])
	}
	if count["exact"] != rules.MaxFindingsPerRule || fixed["exact"] != rules.MaxFindingsPerRule {
		t.Errorf("rule at exactly the limit: %d findings, %d fixed", count["exact"], fixed["exact"])
	}
	var first *rules.Finding
	others := 0
	for i := range fs {
		switch {
		case fs[i].Rule != "many":
		case first == nil:
			first = &fs[i]
		case fs[i].Message != "a finding" || fs[i].Covers != nil:
			t.Errorf("finding %d of the capped rule changed: %q", i, fs[i].Message)
		default:
			others++
		}
	}
	if others != rules.MaxFindingsPerRule-1 {
		t.Errorf("%d other findings of the capped rule", others)
	}
	total := strconv.Itoa(rules.MaxFindingsPerRule + over)
	if want := "a finding; the rule found " + total + " in this document and lists " +
		strconv.Itoa(rules.MaxFindingsPerRule) + ", its most for one document; none of them is fixed"; first.Message != want {
		t.Errorf("first capped finding: %q\nwant %q", first.Message, want)
	}
	if len(first.Covers) != 1 || first.Covers[0] != (rules.Covered{Rule: "many", Category: rules.Markup, Count: over}) {
		t.Errorf("covers: %+v", first.Covers)
	}
}
