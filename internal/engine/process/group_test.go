package process

import (
	"strings"
	"testing"

	"github.com/corpuslint/corpuslint/rules"
)

func tagFinding(start, end int, app rules.Applicability) rules.Finding {
	return rules.Finding{
		Rule: "html-tags", Severity: rules.Warning, Start: start, End: end,
		Message: "HTML tag left in text",
		Fix:     &rules.Fix{Message: "remove the tag", Applicability: app, Edits: []rules.Edit{{Start: start, End: end}}},
	}
}

func TestGroupMergesOneRuleInOneDocument(t *testing.T) {
	text := "a<b>\nc<i>\nd\ne<u>\n"
	doc := &rules.Document{Text: text}
	fs := []rules.Finding{
		tagFinding(1, 4, rules.Safe),
		{Rule: "stray-dash", Severity: rules.Warning, Start: 9, End: 10, Message: "dash"},
		tagFinding(6, 9, rules.Safe),
		tagFinding(13, 16, rules.Safe),
	}
	got := Group{Rules: map[string]bool{"html-tags": true}}.Process(doc, fs)
	if len(got) != 2 {
		t.Fatalf("got %d findings, want 2 (one group and the other rule's finding): %+v", len(got), got)
	}
	g := got[0]
	if g.Rule != "html-tags" || g.Start != 1 || g.End != 4 {
		t.Errorf("group does not keep the first member's span: %+v", g)
	}
	if want := "(and 2 more html-tags findings in this document, lines 2, 4)"; !strings.HasSuffix(g.Message, want) {
		t.Errorf("message %q does not end %q", g.Message, want)
	}
	if len(g.Fix.Edits) != 3 || g.Fix.Edits[0].Start != 1 || g.Fix.Edits[1].Start != 6 || g.Fix.Edits[2].Start != 13 {
		t.Errorf("group fix does not hold every member's edit in order: %+v", g.Fix.Edits)
	}
	if g.Fix.Applicability != rules.Safe || !strings.Contains(g.Fix.Message, "2 more places") {
		t.Errorf("group fix = %+v", g.Fix)
	}
	if got[1].Rule != "stray-dash" {
		t.Errorf("other rule's finding lost or moved: %+v", got[1])
	}
}

func TestGroupKeepsSafeAndUnsafeApart(t *testing.T) {
	doc := &rules.Document{Text: "a<b>\nc<i>\nd<u>\n"}
	fs := []rules.Finding{
		tagFinding(1, 4, rules.Safe),
		tagFinding(6, 9, rules.Unsafe),
		tagFinding(11, 14, rules.Safe),
	}
	got := Group{Rules: map[string]bool{"html-tags": true}}.Process(doc, fs)
	if len(got) != 2 {
		t.Fatalf("got %d findings, want 2", len(got))
	}
	for _, f := range got {
		for _, e := range f.Fix.Edits {
			if (e.Start == 6) != (f.Fix.Applicability == rules.Unsafe) {
				t.Errorf("the unsafe edit and the safe ones share a fix: %+v", f.Fix)
			}
		}
	}
	// A finding without a fix never joins (and so never acquires) one.
	fs = []rules.Finding{tagFinding(1, 4, rules.Safe), {Rule: "html-tags", Severity: rules.Warning, Start: 6, End: 9}}
	got = Group{Rules: map[string]bool{"html-tags": true}}.Process(doc, fs)
	if len(got) != 2 || got[1].Fix != nil {
		t.Errorf("finding without fix grouped with one that has a fix: %+v", got)
	}
}

func TestGroupLeavesOverlapsDropsAndOtherRules(t *testing.T) {
	doc := &rules.Document{Text: "abcdefghij\n"}
	over := []rules.Finding{tagFinding(1, 5, rules.Safe), tagFinding(3, 7, rules.Safe)}
	over[1].Fix.Edits[0].NewText = "x"
	if got := (Group{Rules: map[string]bool{"html-tags": true}}).Process(doc, over); len(got) != 2 {
		t.Errorf("overlapping replacements grouped: %+v", got)
	}
	dels := []rules.Finding{tagFinding(1, 8, rules.Safe), tagFinding(3, 5, rules.Safe), tagFinding(8, 9, rules.Safe)}
	got := (Group{Rules: map[string]bool{"html-tags": true}}).Process(doc, dels)
	if len(got) != 1 || len(got[0].Fix.Edits) != 2 || got[0].Fix.Edits[0] != (rules.Edit{Start: 1, End: 8}) {
		t.Errorf("overlapping deletions not merged into one: %+v", got)
	}
	drop := []rules.Finding{tagFinding(0, 11, rules.Safe), tagFinding(0, 11, rules.Safe)}
	drop[0].Fix.Drop, drop[1].Fix.Drop = true, true
	if got := (Group{Rules: map[string]bool{"html-tags": true}}).Process(doc, drop); len(got) != 2 {
		t.Errorf("drops grouped: %+v", got)
	}
	two := []rules.Finding{tagFinding(1, 2, rules.Safe), tagFinding(4, 5, rules.Safe)}
	if got := (Group{Rules: map[string]bool{"other": true}}).Process(doc, two); len(got) != 2 {
		t.Errorf("a rule that does not group was grouped: %+v", got)
	}
}

func TestGroupIsAPresenter(t *testing.T) {
	var p Processor = Group{}
	if _, ok := p.(Presenter); !ok {
		t.Fatal("Group must be a Presenter so that the fix loop resolves members one by one")
	}
}

func TestDescribeLines(t *testing.T) {
	var b strings.Builder
	var fs []rules.Finding
	for i := 0; i < 30; i++ {
		start := b.Len()
		b.WriteString("x\n")
		if i%2 == 0 || i < 4 {
			fs = append(fs, rules.Finding{Start: start, End: start + 1})
		}
	}
	l := newLineIndex(b.String())
	idx := make([]int, len(fs))
	for i := range idx {
		idx[i] = i
	}
	got := l.describe(fs, idx)
	if !strings.HasPrefix(got, "lines 1-5, 7, 9") || !strings.HasSuffix(got, "and 1 more") {
		t.Errorf("describe = %q", got)
	}
}
