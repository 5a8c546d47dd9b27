package builtin_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/corpuslint/corpuslint/rules"
	"github.com/corpuslint/corpuslint/rules/builtin"
	"github.com/corpuslint/corpuslint/rules/rulestest"
	"github.com/corpuslint/corpuslint/rules/typography"
)

// TestRegistry checks what every built-in rule owes its users: complete docs, a
// Bad example it flags, a Good example it leaves alone, and golden cases both ways.
func TestRegistry(t *testing.T) {
	reg, err := rules.NewRegistry(builtin.Builtin()...)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range reg.All() {
		m := r.Meta()
		t.Run(m.Name, func(t *testing.T) {
			if m.Title == "" || len(m.Doc) < 80 || m.Bad == "" || m.Good == "" {
				t.Errorf("incomplete docs: title %q, doc %d bytes, bad %q, good %q", m.Title, len(m.Doc), m.Bad, m.Good)
			}
			if m.Severity == 0 || m.Category == "" {
				t.Errorf("no default severity or category")
			}
			// A corpus rule judges a document against the batch: one document
			// alone cannot show it (its own tests run batches).
			_, corpus := r.(rules.CorpusRule)
			if got := rulestest.Check(r, m.Bad); !corpus && len(got) == 0 {
				t.Errorf("the Bad example is not flagged:\n%s", m.Bad)
			}
			if got := rulestest.Check(r, m.Good); len(got) != 0 {
				t.Errorf("the Good example is flagged:\n%s", rulestest.FormatFindings(m.Good, got))
			}
			cases, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "rules", m.Name, "*.txtar"))
			var pos, neg int
			for _, c := range cases {
				if strings.HasPrefix(filepath.Base(c), "ok-") {
					neg++
				} else {
					pos++
				}
			}
			if pos == 0 || neg == 0 {
				t.Errorf("testdata/rules/%s needs cases it flags and ok-* cases it must not flag (has %d and %d)", m.Name, pos, neg)
			}
			if m.Fixable && hasSafeEditFix(rulestest.Check(r, m.Bad)) {
				fixed := false
				for _, c := range cases {
					data, err := os.ReadFile(c)
					if err == nil && strings.Contains(string(data), "-- fixed.txt --") {
						fixed = true
					}
				}
				if !fixed {
					t.Errorf("a fixable rule needs a golden case with fixed.txt")
				}
			}
		})
	}
}

// hasSafeEditFix reports whether a finding offers a safe fix that edits the text
// (rules whose fixes are all unsafe or drop the document cannot show fixed.txt in a
// golden case, which applies safe edits only).
func hasSafeEditFix(fs []rules.Finding) bool {
	for _, f := range fs {
		if f.Fix != nil && !f.Fix.Drop && f.Fix.Applicability == rules.Safe {
			return true
		}
	}
	return false
}

func TestSelect(t *testing.T) {
	reg, err := rules.NewRegistry(builtin.Builtin()...)
	if err != nil {
		t.Fatal(err)
	}
	names := func(rs []rules.Rule) string {
		var ns []string
		for _, r := range rs {
			ns = append(ns, r.Meta().Name)
		}
		return strings.Join(ns, ",")
	}
	for _, tc := range []struct {
		sel, ign []string
		want     string
	}{
		{[]string{"quotes"}, nil, "broken-quotes"},
		{[]string{"quotes", "attribution", "stray-dash"}, []string{"missing-attribution"}, "broken-quotes,stray-dash"},
		{[]string{"trailing-headlines", "stray-dash"}, nil, "trailing-headlines,stray-dash"},
	} {
		got, err := reg.Select(tc.sel, tc.ign)
		if err != nil {
			t.Fatal(err)
		}
		if names(got) != tc.want {
			t.Errorf("Select(%v, %v) = %s, want %s", tc.sel, tc.ign, names(got), tc.want)
		}
	}
	// The default set is every rule not marked Disabled, in registry order.
	def, err := reg.Select(nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, r := range reg.All() {
		if !r.Meta().Disabled {
			want = append(want, r.Meta().Name)
		}
	}
	if names(def) != strings.Join(want, ",") || !strings.HasPrefix(names(def), "trailing-headlines,broken-quotes,stray-dash,missing-attribution") {
		t.Errorf("default set = %s", names(def))
	}
	all, _ := reg.Select([]string{"all"}, []string{"typography"})
	for _, r := range all {
		if r.Meta().Category == rules.Typography {
			t.Errorf("ignore by category kept %s", r.Meta().Name)
		}
	}
	if len(all) == 0 {
		t.Error("all selected nothing")
	}
	if _, err := reg.Select([]string{"nope"}, nil); err == nil || !strings.Contains(err.Error(), "unknown rule") {
		t.Errorf("unknown selector: err = %v", err)
	}
	if _, err := rules.NewRegistry(typography.StrayDash(), typography.StrayDash()); err == nil {
		t.Errorf("duplicate names accepted")
	}
}
