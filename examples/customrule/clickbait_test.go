package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/corpuslint/corpuslint/app"
	"github.com/corpuslint/corpuslint/rules/rulestest"
)

func TestClickbaitTitle(t *testing.T) {
	rulestest.Run(t, ClickbaitTitle(), "testdata")
}

// TestBinary runs the custom binary's CLI in-process: the extra rule is listed,
// selectable, configurable from corpuslint.yaml, and reported like a built-in.
func TestBinary(t *testing.T) {
	dir := t.TempDir()
	doc := filepath.Join(dir, "a.txt")
	if err := os.WriteFile(doc, []byte("This One Trick Will Shock You\nThe council met -\nNext.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	run := func(args ...string) (string, int) {
		var out, errOut bytes.Buffer
		code := app.Run(append([]string{"corpuslint-custom"}, args...), strings.NewReader(""), &out, &errOut, ClickbaitTitle())
		return out.String() + errOut.String(), code
	}
	out, code := run("rules")
	if code != 0 || !strings.Contains(out, "clickbait-title") || !strings.Contains(out, "stray-dash") {
		t.Fatalf("rules (exit %d):\n%s", code, out)
	}
	out, code = run("lint", "--no-config", "--format", "jsonl", doc)
	if code != 1 || !strings.Contains(out, `"rule":"clickbait-title"`) || !strings.Contains(out, `"rule":"stray-dash"`) {
		t.Fatalf("lint (exit %d):\n%s", code, out)
	}
	cfg := filepath.Join(dir, "corpuslint.yaml")
	if err := os.WriteFile(cfg, []byte("select: [clickbait-title]\nrules:\n  clickbait-title:\n    severity: error\n    phrases: [the council]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, code = run("lint", "--config", cfg, "--format", "jsonl", doc)
	if code != 0 || strings.Contains(out, "clickbait-title") {
		// "the council" is on line 2, not the title: nothing to report.
		t.Fatalf("configured lint (exit %d):\n%s", code, out)
	}
	out, code = run("config", "--config", cfg)
	if code != 0 || !strings.Contains(out, "- the council") || !strings.Contains(out, "severity: error") {
		t.Fatalf("config (exit %d):\n%s", code, out)
	}
}
