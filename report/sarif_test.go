package report_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/corpuslint/corpuslint/report"
	"github.com/corpuslint/corpuslint/report/internal/reporttest"
	"github.com/corpuslint/corpuslint/rules"
	"github.com/corpuslint/corpuslint/rules/builtin"
)

func renderSARIF(t *testing.T, opt report.Options, metas []rules.Meta) []byte {
	t.Helper()
	var buf bytes.Buffer
	opt.Rules = metas
	rep := report.NewSARIF(&buf, opt)
	for _, d := range reporttest.Documents() {
		if err := rep.Document(d); err != nil {
			t.Fatal(err)
		}
	}
	if err := rep.Close(nil); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func sarifSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	path, err := filepath.Abs(filepath.Join("..", "testdata", "report", "sarif-schema-2.1.0.json"))
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource("sarif-schema-2.1.0.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("sarif-schema-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}
	return sch
}

func validateSARIF(t *testing.T, sch *jsonschema.Schema, out []byte) {
	t.Helper()
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
	if err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if err := sch.Validate(inst); err != nil {
		t.Errorf("output does not validate against the SARIF 2.1.0 schema: %v\n%s", err, out)
	}
}

// TestSARIF checks the sarif output against its golden and against the published
// SARIF 2.1.0 JSON schema (vendored in testdata/report), with the fixture's rules,
// with unsafe fixes, with the built-in rules' docs and with no finding at all.
func TestSARIF(t *testing.T) {
	got := renderSARIF(t, report.Options{}, reporttest.Metas())
	golden := filepath.Join("..", "testdata", "report", "sarif.golden")
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("sarif output differs from %s\n--- got\n%s", golden, got)
	}

	sch := sarifSchema(t)
	validateSARIF(t, sch, got)
	validateSARIF(t, sch, renderSARIF(t, report.Options{UnsafeFixes: true}, reporttest.Metas()))
	var builtins []rules.Meta
	for _, r := range builtin.Builtin() {
		builtins = append(builtins, r.Meta())
	}
	validateSARIF(t, sch, renderSARIF(t, report.Options{}, builtins))
	var empty bytes.Buffer
	rep, err := report.New("sarif", &empty, report.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := rep.Close(nil); err != nil {
		t.Fatal(err)
	}
	validateSARIF(t, sch, empty.Bytes())

	// The schema check must be able to fail.
	bad := bytes.Replace(got, []byte(`"level": "warning"`), []byte(`"level": "severe"`), 1)
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(bad))
	if err != nil {
		t.Fatal(err)
	}
	if sch.Validate(inst) == nil {
		t.Error("the schema accepted a result with level \"severe\"")
	}
}

// TestSARIFContent checks what the schema cannot: indexes, regions and fixes.
func TestSARIFContent(t *testing.T) {
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Rules []struct{ ID string }
				}
			}
			ColumnKind string
			Results    []struct {
				RuleID    string
				RuleIndex *int
				Level     string
				Message   struct{ Text string }
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }
						Region           struct {
							StartLine, StartColumn, EndLine, EndColumn int
							ByteOffset, ByteLength                     *int
						}
					}
					LogicalLocations []struct{ Name string }
				}
				Fixes []struct {
					ArtifactChanges []struct {
						Replacements []struct {
							DeletedRegion   struct{ ByteOffset, ByteLength int }
							InsertedContent *struct{ Text string }
						}
					}
				}
				Properties struct {
					Record     int
					TextRegion *struct{ StartLine, StartColumn int }
				}
			}
		}
	}
	if err := json.Unmarshal(renderSARIF(t, report.Options{}, reporttest.Metas()), &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	if run.ColumnKind != "unicodeCodePoints" || len(run.Results) != 4 {
		t.Fatalf("columnKind %q, %d results", run.ColumnKind, len(run.Results))
	}
	for _, r := range run.Results {
		if r.RuleIndex == nil || run.Tool.Driver.Rules[*r.RuleIndex].ID != r.RuleID {
			t.Errorf("result of %s has a wrong ruleIndex", r.RuleID)
		}
	}
	// a.txt: "Café \"quoted\n-\nLast line -"; the dash line's span ends before the
	// line break, the first finding is a warning with no fix.
	first, dash, unsafe, rec := run.Results[0], run.Results[1], run.Results[2], run.Results[3]
	reg := first.Locations[0].PhysicalLocation.Region
	if reg.StartLine != 1 || reg.StartColumn != 6 || reg.EndColumn != 7 || *reg.ByteOffset != 6 || *reg.ByteLength != 1 || len(first.Fixes) != 0 {
		t.Errorf("first result region %+v fixes %d", reg, len(first.Fixes))
	}
	if len(dash.Fixes) != 1 || dash.Fixes[0].ArtifactChanges[0].Replacements[0].DeletedRegion.ByteOffset != 14 {
		t.Errorf("the safe fix is missing or misplaced: %+v", dash.Fixes)
	}
	if unsafe.Level != "note" || len(unsafe.Fixes) != 0 {
		t.Errorf("info finding: level %s, %d fixes (unsafe fixes need --unsafe-fixes)", unsafe.Level, len(unsafe.Fixes))
	}
	loc := rec.Locations[0]
	if loc.PhysicalLocation.Region.StartLine != 3 || loc.PhysicalLocation.Region.StartColumn != 0 ||
		loc.PhysicalLocation.ArtifactLocation.URI != "b.jsonl" || loc.LogicalLocations[0].Name != "record 3" {
		t.Errorf("JSONL result location %+v", loc)
	}
	if rec.Properties.Record != 3 || rec.Properties.TextRegion == nil || rec.Properties.TextRegion.StartColumn != 3 || len(rec.Fixes) != 0 {
		t.Errorf("JSONL result properties %+v, %d fixes", rec.Properties, len(rec.Fixes))
	}
	if !strings.HasPrefix(rec.Message.Text, "record 3, text 1:3: ") {
		t.Errorf("JSONL message %q", rec.Message.Text)
	}
}

func TestSARIFRegionEndsAtLineBreak(t *testing.T) {
	text := "ab\ncd\nef"
	d := &report.Document{Path: "dir with space/é.txt", ID: "x", Text: text, Findings: []report.Item{
		{Finding: rules.Finding{Rule: "r", Severity: rules.Error, Start: 3, End: 6, Message: "m"}, Line: 2, Col: 1, EndLine: 3, EndCol: 1},
	}}
	var buf bytes.Buffer
	rep := report.NewSARIF(&buf, report.Options{})
	if err := rep.Document(d); err != nil {
		t.Fatal(err)
	}
	if err := rep.Close(nil); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{`"endLine": 2`, `"endColumn": 4`, `"uri": "dir%20with%20space/%C3%A9.txt"`, `"level": "error"`} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %s in\n%s", want, out)
		}
	}
	if strings.Contains(out, "ruleIndex") {
		t.Error("a rule without metadata got a ruleIndex")
	}
	validateSARIF(t, sarifSchema(t), buf.Bytes())
}
