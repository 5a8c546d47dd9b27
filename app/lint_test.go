package app

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/corpuslint/corpuslint/rules/builtin"
)

// TestSARIFListsExtraRules checks that a rule added through Run's extra rules (as
// app.Main(args, extra...) adds them) is described in SARIF's tool.driver.rules,
// after the built-in ones, and that its results point at it by index.
func TestSARIFListsExtraRules(t *testing.T) {
	in := filepath.Join(t.TempDir(), "docs.jsonl")
	if err := os.WriteFile(in, []byte(`{"id":"a","text":"SPAM SPAM SPAM"}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	args := []string{"corpuslint", "lint", "--no-config", "--format", "sarif", "--extend-select", "test-spam", "--fail-on", "never", in}
	if code := Run(args, strings.NewReader(""), &stdout, &stderr, dropRule{}); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Rules []struct {
						ID               string `json:"id"`
						ShortDescription struct {
							Text string `json:"text"`
						} `json:"shortDescription"`
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
			Results []struct {
				RuleID    string `json:"ruleId"`
				RuleIndex *int   `json:"ruleIndex"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &log); err != nil {
		t.Fatalf("%v\n%s", err, stdout.String())
	}
	if len(log.Runs) != 1 {
		t.Fatalf("%d runs", len(log.Runs))
	}
	run := log.Runs[0]
	descs := run.Tool.Driver.Rules
	if want := len(builtin.Builtin()) + 1; len(descs) != want {
		t.Fatalf("tool.driver.rules has %d rules, want %d (the built-in ones and test-spam)", len(descs), want)
	}
	last := len(descs) - 1
	if descs[last].ID != "test-spam" || descs[last].ShortDescription.Text != "spam" {
		t.Errorf("last rule descriptor = %+v, want test-spam with its title", descs[last])
	}
	found := false
	for _, res := range run.Results {
		if res.RuleID == "test-spam" {
			found = true
			if res.RuleIndex == nil || *res.RuleIndex != last {
				t.Errorf("test-spam result has ruleIndex %v, want %d", res.RuleIndex, last)
			}
		}
	}
	if !found {
		t.Errorf("no test-spam result in\n%s", stdout.String())
	}
}
