package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/corpuslint/corpuslint/rules"
)

// TestStatisticsFolded checks that findings folded into others are counted per
// rule, including a rule none of whose findings is shown on its own.
func TestStatisticsFolded(t *testing.T) {
	var buf bytes.Buffer
	st := NewStatistics(&buf, Options{})
	sum := NewSummary()
	d := &Document{Path: "seed.txt", Findings: []Item{{Finding: rules.Finding{
		Rule: "trailing-headlines", Category: rules.Boilerplate, Severity: rules.Warning,
		Covers: []rules.Covered{{Rule: "stray-dash", Category: rules.Typography, Count: 16}},
	}}}}
	if err := st.Document(d); err != nil {
		t.Fatal(err)
	}
	sum.Add(d)
	if err := st.Close(sum); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{"│ 0        │ 16     │ stray-dash         │ typography", "│ 1        │ 0      │ trailing-headlines │ boilerplate", "│        1 │     16 │              total"} {
		if !strings.Contains(out, want) {
			t.Errorf("statistics lack %q:\n%s", want, out)
		}
	}
}
