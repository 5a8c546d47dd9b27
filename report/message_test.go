package report

import (
	"testing"

	"github.com/corpuslint/corpuslint/rules"
)

func TestPeopleMessage(t *testing.T) {
	score := &rules.Score{Name: "boilerplate_probability", Value: 0.97, Op: ">=", Threshold: 0.5}
	for _, tc := range []struct {
		msg, want string
		score     *rules.Score
	}{
		{"11 lines of navigation before the main text (whole page; boilerplate probability 0.99 >= 0.50; outside the main text, distance from the core text 80.50, no between main-text lines); safe to delete: level balanced",
			"11 lines of navigation before the main text (whole page; outside the main text, no between main-text lines); safe to delete: level balanced", score},
		{"1 line of byline inside the main text (article; boilerplate probability 0.91 >= 0.80; known phrases on 1 of 1 (byline), known-phrase share 0.50, similarity to the core text 0, likely lines before the main text 10); deleting it is unsafe",
			"1 line of byline inside the main text (article; known phrases on 1 of 1 (byline)); deleting it is unsafe", score},
		{"2 lines (boilerplate probability 0.40; notices, picture credits and reader comments need none)",
			"2 lines (notices, picture credits and reader comments need none)", score},
		{"a block (boilerplate probability 0.99 >= 0.50) (fixable)", "a block (fixable)", score},
		// Positions and counts are words, not measurements.
		{"x (and 1 more findings in this document, line 282)", "x (and 1 more findings in this document, line 282)", score},
		{"quotes (8 straight, 2 curly)", "quotes (8 straight, 2 curly)", score},
		// Without a Score the message is left alone.
		{"a block (boilerplate probability 0.99 >= 0.50)", "a block (boilerplate probability 0.99 >= 0.50)", nil},
		{"unbalanced (boilerplate probability 0.99", "unbalanced (boilerplate probability 0.99", score},
	} {
		it := Item{Finding: rules.Finding{Message: tc.msg, Score: tc.score}}
		if got := PeopleMessage(it, false); got != tc.want {
			t.Errorf("PeopleMessage(%q)\n got %q\nwant %q", tc.msg, got, tc.want)
		}
		if got := PeopleMessage(it, true); got != tc.msg {
			t.Errorf("with showScores: got %q, want the message unchanged", got)
		}
	}
}

func TestWrapAndShorten(t *testing.T) {
	for _, tc := range []struct {
		s     string
		width int
		want  []string
	}{
		{"a bb ccc dddd", 6, []string{"a bb", "ccc", "dddd"}},
		{"abcdefghij xy", 4, []string{"abcd", "efgh", "ij", "xy"}},
		{"", 5, []string{""}},
		{"naïve café", 5, []string{"naïve", "café"}},
	} {
		got := wrapText(tc.s, tc.width)
		if len(got) != len(tc.want) {
			t.Errorf("wrapText(%q, %d) = %q, want %q", tc.s, tc.width, got, tc.want)
			continue
		}
		for i := range got {
			if got[i] != tc.want[i] || displayWidth(got[i]) > tc.width {
				t.Errorf("wrapText(%q, %d) = %q, want %q", tc.s, tc.width, got, tc.want)
			}
		}
	}
	if got := shortenLeft("data/crawl/2024/batch-0001.jsonl", 16); got != "…atch-0001.jsonl" || displayWidth(got) != 16 {
		t.Errorf("shortenLeft = %q (%d cells)", got, displayWidth(got))
	}
	if got := shortenLeft("short.txt", 16); got != "short.txt" {
		t.Errorf("shortenLeft changed a path that fits: %q", got)
	}
}
