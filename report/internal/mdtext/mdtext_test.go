package mdtext

import "testing"

func TestMarkdownProse(t *testing.T) {
	for in, want := range map[string]string{
		"a `x_y` b_c":            "a `x_y` b\\_c",
		"``a`b`` *c*":            "``a`b`` \\*c\\*",
		"lone ` tick_":           "lone \\` tick\\_",
		"two\nlines <b>":         "two\nlines \\<b\\>",
		"`open\n\nnever closed`": "\\`open\n\nnever closed\\`",
	} {
		if got := EscapeProse(in); got != want {
			t.Errorf("EscapeProse(%q) = %q, want %q", in, got, want)
		}
	}
}
