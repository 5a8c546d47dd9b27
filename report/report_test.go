package report_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/corpuslint/corpuslint/report"
	"github.com/corpuslint/corpuslint/report/internal/reporttest"
)

var update = flag.Bool("update", false, "rewrite the report goldens")

func render(t *testing.T, format string) []byte {
	var buf bytes.Buffer
	rep, err := report.New(format, &buf, report.Options{Width: report.DefaultWidth})
	if err != nil {
		t.Fatal(err)
	}
	sum := report.NewSummary()
	for _, d := range reporttest.Documents() {
		sum.Add(d)
		if err := rep.Document(d); err != nil {
			t.Fatal(err)
		}
	}
	if err := rep.Close(sum); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestGoldens(t *testing.T) {
	for _, format := range report.Formats() {
		if format == "sarif" {
			continue // TestSARIF checks its golden with fixed rule docs
		}
		t.Run(format, func(t *testing.T) {
			got := render(t, format)
			golden := filepath.Join("..", "testdata", "report", format+".golden")
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s output differs from %s\n--- got\n%s", format, golden, got)
			}
		})
	}
}

// TestJSONLContract checks the jsonl field order and types DESIGN.md fixes.
func TestJSONLContract(t *testing.T) {
	want := []string{"path", "record", "id", "rule", "category", "severity", "line", "col",
		"end_line", "end_col", "offset", "end_offset", "message", "fix"}
	lines := strings.Split(strings.TrimSpace(string(render(t, "jsonl"))), "\n")
	if len(lines) != 4 {
		t.Fatalf("%d lines, want 4", len(lines))
	}
	for _, l := range lines {
		dec := json.NewDecoder(strings.NewReader(l))
		if _, err := dec.Token(); err != nil {
			t.Fatal(err)
		}
		var keys []string
		for dec.More() {
			k, err := dec.Token()
			if err != nil {
				t.Fatal(err)
			}
			keys = append(keys, k.(string))
			var v json.RawMessage
			if err := dec.Decode(&v); err != nil {
				t.Fatal(err)
			}
		}
		if strings.Join(keys, ",") != strings.Join(want, ",") {
			t.Errorf("keys %v, want %v", keys, want)
		}
	}
	var f struct {
		Fix *struct{ Edits []struct{ Text string } }
	}
	if err := json.Unmarshal([]byte(lines[3]), &f); err != nil || f.Fix == nil || f.Fix.Edits[0].Text != "\u2028<&>" {
		t.Errorf("edit text did not round-trip: %v %+v", err, f)
	}
	// An unsafe fix is not a safe fix: null unless asked for.
	if !strings.HasSuffix(lines[2], `"fix":null}`) {
		t.Errorf("unsafe fix printed without --unsafe-fixes: %s", lines[2])
	}
}

func TestUnifiedDiff(t *testing.T) {
	a := "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12"
	b := "1\n2\n3\n4\nfive\n6\n7\n8\n9\n10\n11"
	got := report.UnifiedDiff("a", "b", a, b, 2)
	want := "--- a\n+++ b\n@@ -3,5 +3,5 @@\n 3\n 4\n-5\n+five\n 6\n 7\n@@ -9,4 +9,3 @@\n 9\n 10\n-11\n-12\n\\ No newline at end of file\n+11\n\\ No newline at end of file\n"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if report.UnifiedDiff("a", "b", "same", "same", 3) != "" {
		t.Error("equal texts gave a diff")
	}
}

// TestFormats checks that the one format table serves --help, validation and New
// alike: every listed name builds a reporter, and the error for an unknown one
// names them all.
func TestFormats(t *testing.T) {
	names := report.Formats()
	seen := map[string]bool{}
	for _, name := range names {
		if seen[name] {
			t.Errorf("format %q listed twice", name)
		}
		seen[name] = true
		if _, err := report.New(name, &bytes.Buffer{}, report.Options{}); err != nil {
			t.Errorf("New(%q): %v", name, err)
		}
		if got, want := report.NeedsFixed(name), name == "diff" || name == "stats"; got != want {
			t.Errorf("NeedsFixed(%q) = %v, want %v", name, got, want)
		}
	}
	for _, want := range []string{"table", "concise", "diff", "json", "jsonl", "sarif", "github", "statistics", "stats"} {
		if !seen[want] {
			t.Errorf("format %q missing from Formats()", want)
		}
	}
	_, err := report.New("xml", &bytes.Buffer{}, report.Options{})
	if err == nil || !strings.Contains(err.Error(), strings.Join(names, ", ")) {
		t.Errorf("New(xml) error = %v, want one naming %s", err, strings.Join(names, ", "))
	}
}
