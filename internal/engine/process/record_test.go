package process

import (
	"testing"

	"github.com/corpuslint/corpuslint/rules"
)

func TestRecordSuppression(t *testing.T) {
	fs := func() []rules.Finding {
		return []rules.Finding{
			{Rule: "stray-dash", Category: rules.Typography},
			{Rule: "html-tags", Category: rules.Markup},
			{Rule: "email-address", Category: rules.Privacy},
		}
	}
	for _, c := range []struct {
		ignore []string
		want   int
	}{
		{nil, 3},
		{[]string{"stray-dash"}, 2},
		{[]string{"markup", "email-address"}, 1},
		{[]string{"all"}, 0},
	} {
		got := RecordSuppression{}.Process(&rules.Document{Ignore: c.ignore}, fs())
		if len(got) != c.want {
			t.Errorf("ignore %v: %d findings left, want %d", c.ignore, len(got), c.want)
		}
	}
}

func TestIgnoreIDs(t *testing.T) {
	p := IgnoreIDs{"skip": true}
	if got := p.Process(&rules.Document{ID: "skip"}, []rules.Finding{{Rule: "a"}}); len(got) != 0 {
		t.Errorf("an ignored id kept %d findings", len(got))
	}
	if got := p.Process(&rules.Document{ID: "keep"}, []rules.Finding{{Rule: "a"}}); len(got) != 1 {
		t.Errorf("another id lost its findings")
	}
}
