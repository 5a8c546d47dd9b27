package report

import (
	"slices"
	"strings"
	"testing"

	"github.com/corpuslint/corpuslint/rules"
)

// TestStatsScores: the scores a rule recorded come for a document nothing
// flagged, and a finding's score that the rule recorded too is marked flagged
// rather than listed twice; one it did not record follows.
func TestStatsScores(t *testing.T) {
	ratio := rules.Score{Name: "ratio", Value: 0.5, Op: ">", Threshold: 0.25}
	share := rules.Score{Name: "share", Value: 0.1, Op: "<", Threshold: 0.3}
	block := rules.Score{Name: "block_probability", Value: 0.9, Op: ">=", Threshold: 0.5}
	recorded := []rules.RuleScore{{Rule: "q", Score: ratio}, {Rule: "q", Score: share}}

	clean := StatsOf(&Document{Text: "text", Fixed: "text", Scores: recorded}, false)
	want := []RuleScore{
		{Rule: "q", Measure: Measure{Name: "ratio", Value: 0.5, Op: ">", Threshold: 0.25}},
		{Rule: "q", Measure: Measure{Name: "share", Value: 0.1, Op: "<", Threshold: 0.3}},
	}
	if !equalScores(clean.Scores, want) || clean.Findings != 0 {
		t.Errorf("unflagged document: scores %+v, want %+v", clean.Scores, want)
	}

	flagged := StatsOf(&Document{Text: "text", Fixed: "text", Scores: recorded, Findings: []Item{
		{Finding: rules.Finding{Rule: "q", Score: &ratio}},
		{Finding: rules.Finding{Rule: "b", Score: &block}},
	}}, false)
	want[0].Flagged = true
	want = append(want, RuleScore{Rule: "b", Measure: Measure{Name: "block_probability", Value: 0.9, Op: ">=", Threshold: 0.5}, Flagged: true})
	if !equalScores(flagged.Scores, want) {
		t.Errorf("flagged document: scores %+v, want %+v", flagged.Scores, want)
	}

	b, err := StatsJSON(flagged)
	if err != nil {
		t.Fatal(err)
	}
	if got, frag := string(b), `"op":"<"`; !strings.Contains(got, frag) {
		t.Errorf("StatsJSON = %s, want %s unescaped", got, frag)
	}
}

func equalScores(a, b []RuleScore) bool { return slices.Equal(a, b) }
