package process

import (
	"testing"

	"github.com/corpuslint/corpuslint/rules"
)

func TestSeverity(t *testing.T) {
	over := func(path string) map[string]rules.Severity {
		if path == "quiet.jsonl" {
			return nil
		}
		return map[string]rules.Severity{"a": rules.Error}
	}
	fs := []rules.Finding{{Rule: "a", Severity: rules.Warning}, {Rule: "b", Severity: rules.Warning}}
	fs = Severity{For: over}.Process(&rules.Document{Path: "x.jsonl"}, fs)
	if fs[0].Severity != rules.Error || fs[1].Severity != rules.Warning {
		t.Errorf("got %v", fs)
	}
	fs = []rules.Finding{{Rule: "a", Severity: rules.Warning}}
	if fs = (Severity{For: over}).Process(&rules.Document{Path: "quiet.jsonl"}, fs); fs[0].Severity != rules.Warning {
		t.Errorf("no overrides for the path, got %v", fs)
	}
}
