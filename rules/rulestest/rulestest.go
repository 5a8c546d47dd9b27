// Package rulestest checks rules against golden cases, as go/analysis's analysistest
// does for analyzers.
//
// Each case is a txtar archive with these sections:
//
//	-- input.txt --      the document text (required)
//	-- options.json --   options for a Configurable rule (optional)
//	-- findings --       the expected findings, one a line (empty: none expected)
//	-- fixed.txt --      the text after every safe fix (required when a fix applies)
//	-- unsafe-fixed.txt -- the text after every fix, unsafe ones included (required
//	                       when the unsafe fixes change more than the safe ones)
//
// A finding line reads "LINE:COL-ENDLINE:ENDCOL SEVERITY MESSAGE", followed by
// " [fix: safe]" or " [fix: unsafe]" when the finding carries a fix. Run the tests
// with -update to rewrite the findings and fixed.txt sections from the rule's output.
//
// Beyond the goldens, every case checks the properties DESIGN.md asks of all rules:
// spans inside the text on UTF-8 boundaries, edits that do not overlap, fixing twice
// equals fixing once, and no fixable finding left on the fixed text.
package rulestest

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/corpuslint/corpuslint/internal/fix"
	"github.com/corpuslint/corpuslint/rules"
	"github.com/corpuslint/corpuslint/rules/text"
)

var update = flag.Bool("update", false, "rewrite the golden findings and fixed text of rule tests")

// Run checks rule r against every *.txtar case in dir. It fails when dir has no
// case: a rule without goldens is not tested.
func Run(t *testing.T, r rules.Rule, dir string) {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatalf("no golden cases (*.txtar) in %s", dir)
	}
	sort.Strings(files)
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			runCase(t, r, file)
		})
	}
}

func section(a *txtar.Archive, name string) ([]byte, bool) {
	for _, f := range a.Files {
		if f.Name == name {
			return f.Data, true
		}
	}
	return nil, false
}

func setSection(a *txtar.Archive, name string, data []byte) {
	for i := range a.Files {
		if a.Files[i].Name == name {
			a.Files[i].Data = data
			return
		}
	}
	a.Files = append(a.Files, txtar.File{Name: name, Data: data})
}

func dropSection(a *txtar.Archive, name string) {
	out := a.Files[:0]
	for _, f := range a.Files {
		if f.Name != name {
			out = append(out, f)
		}
	}
	a.Files = out
}

func runCase(t *testing.T, r rules.Rule, file string) {
	arch, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	input, ok := section(arch, "input.txt")
	if !ok {
		t.Fatalf("%s: no input.txt section", file)
	}
	if opts, ok := section(arch, "options.json"); ok {
		r = Configure(t, r, opts)
	}
	text := string(input)
	check := func(s string) []rules.Finding { return Check(r, s) }
	got := check(text)
	CheckProperties(t, text, got)

	res := fix.Loop(text, got, check, false)
	wantFindings, _ := section(arch, "findings")
	gotFindings := []byte(FormatFindings(text, got))
	wantFixed, hasFixed := section(arch, "fixed.txt")

	if *update {
		setSection(arch, "findings", gotFindings)
		all := fix.Loop(text, nil, check, true).Text
		switch {
		case res.Text != text:
			setSection(arch, "fixed.txt", []byte(res.Text))
		case all != res.Text:
			// A case whose only fixes are unsafe still states that the safe fixes
			// leave the text as it is.
			setSection(arch, "fixed.txt", []byte(res.Text))
		default:
			dropSection(arch, "fixed.txt")
		}
		if all != res.Text {
			setSection(arch, "unsafe-fixed.txt", []byte(all))
		} else {
			dropSection(arch, "unsafe-fixed.txt")
		}
		sortSections(arch)
		if err := os.WriteFile(file, txtar.Format(arch), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if !bytes.Equal(gotFindings, wantFindings) {
		t.Errorf("%s: findings differ\n--- got\n%s--- want\n%s", file, gotFindings, wantFindings)
	}
	switch {
	case hasFixed && res.Text != string(wantFixed):
		t.Errorf("%s: fixed text differs\n--- got\n%s--- want\n%s", file, res.Text, wantFixed)
	case !hasFixed && res.Text != text:
		t.Errorf("%s: the fixes changed the text but the case has no fixed.txt section; got\n%s", file, res.Text)
	}
	checkUnsafe(t, file, arch, text, res.Text, check)
	// Idempotency: fixing the fixed text changes nothing, and nothing fixable is left.
	again := fix.Loop(res.Text, nil, check, false)
	if again.Text != res.Text {
		t.Errorf("%s: fixing twice differs from fixing once\n--- once\n%s--- twice\n%s", file, res.Text, again.Text)
	}
	for _, f := range check(res.Text) {
		if fix.Allowed(f.Fix, false) {
			t.Errorf("%s: the fixed text still has a fixable finding: %s", file, FormatFindings(res.Text, []rules.Finding{f}))
		}
	}
}

// checkUnsafe compares the text after every fix, unsafe ones included, with the
// case's unsafe-fixed.txt section, and checks that unsafe fixing is idempotent.
func checkUnsafe(t *testing.T, file string, arch *txtar.Archive, text, safe string, check func(string) []rules.Finding) {
	t.Helper()
	all := fix.Loop(text, nil, check, true).Text
	if again := fix.Loop(all, nil, check, true).Text; again != all {
		t.Errorf("%s: unsafe fixing twice differs from once\n--- once\n%s--- twice\n%s", file, all, again)
	}
	want, ok := section(arch, "unsafe-fixed.txt")
	switch {
	case ok && string(want) != all:
		t.Errorf("%s: unsafe-fixed text differs\n--- got\n%s--- want\n%s", file, all, want)
	case !ok && all != safe:
		t.Errorf("%s: unsafe fixes change the text but the case has no unsafe-fixed.txt section; got\n%s", file, all)
	}
}

// sortSections puts an archive's sections in reading order: options, input,
// findings, fixed, unsafe-fixed.
func sortSections(a *txtar.Archive) {
	order := map[string]int{"options.json": 0, "input.txt": 1, "findings": 2, "fixed.txt": 3, "unsafe-fixed.txt": 4}
	fs := a.Files
	for i := 1; i < len(fs); i++ {
		for j := i; j > 0 && order[fs[j].Name] < order[fs[j-1].Name]; j-- {
			fs[j], fs[j-1] = fs[j-1], fs[j]
		}
	}
}

// Configure applies JSON options to a Configurable rule, failing the test otherwise.
func Configure(t testing.TB, r rules.Rule, opts []byte) rules.Rule {
	t.Helper()
	c, ok := r.(rules.Configurable)
	if !ok {
		t.Fatalf("rule %s takes no options", r.Meta().Name)
	}
	var m map[string]any
	if err := json.Unmarshal(opts, &m); err != nil {
		t.Fatalf("options.json: %v", err)
	}
	nr, err := c.Configure(m)
	if err != nil {
		t.Fatalf("options.json: %v", err)
	}
	return nr
}

// OptionCase is options for a rule's Configure and the text its error must hold
// ("" when the options are valid).
type OptionCase struct {
	Options map[string]any
	Err     string
}

// CheckOptions configures r with each case and checks the outcome, then that
// configuring left r's own options alone.
func CheckOptions(t *testing.T, r rules.Rule, cases []OptionCase) {
	t.Helper()
	c, ok := r.(rules.Configurable)
	if !ok {
		t.Fatalf("rule %s takes no options", r.Meta().Name)
	}
	before := fmt.Sprint(c.Options())
	for _, tc := range cases {
		_, err := c.Configure(tc.Options)
		switch {
		case tc.Err == "" && err != nil:
			t.Errorf("%v: %v", tc.Options, err)
		case tc.Err != "" && (err == nil || !strings.Contains(err.Error(), tc.Err)):
			t.Errorf("%v: err %v, want %q", tc.Options, err, tc.Err)
		}
	}
	if after := fmt.Sprint(c.Options()); after != before {
		t.Errorf("Configure changed the rule's own options: %s, was %s", after, before)
	}
}

// GoldenInputs returns the input.txt sections of the golden cases in dir: seeds
// for fuzz targets and texts for benchmarks. It fails when dir holds no case.
func GoldenInputs(tb testing.TB, dir string) []string {
	tb.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.txtar"))
	if err != nil || len(files) == 0 {
		tb.Fatalf("no golden cases in %s: %v", dir, err)
	}
	var out []string
	for _, f := range files {
		a, err := txtar.ParseFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		for _, s := range a.Files {
			if s.Name == "input.txt" {
				out = append(out, string(s.Data))
			}
		}
	}
	return out
}

// Check runs one rule on a text as a whole-file document.
func Check(r rules.Rule, text string) []rules.Finding {
	doc := &rules.Document{Text: text, Path: "input.txt", ID: "input.txt"}
	return rules.Run([]rules.Rule{r}, doc, nil, nil)
}

// FormatFindings renders findings in the golden format, one a line.
func FormatFindings(txt string, fs []rules.Finding) string {
	a := text.NewAnalysis(txt)
	var b strings.Builder
	for _, f := range fs {
		l, c := a.Position(f.Start)
		el, ec := a.Position(f.End)
		fmt.Fprintf(&b, "%d:%d-%d:%d %s %s", l, c, el, ec, f.Severity, f.Message)
		if f.Fix != nil {
			fmt.Fprintf(&b, " [fix: %s]", f.Fix.Applicability)
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// CheckProperties fails t when findings break the contract every rule keeps: spans
// and edits inside the text on UTF-8 boundaries, edits of one fix not overlapping,
// and applying a fix keeping the text valid UTF-8.
func CheckProperties(t testing.TB, text string, fs []rules.Finding) {
	t.Helper()
	if err := Properties(text, fs); err != nil {
		t.Error(err)
	}
}

// Properties returns the first contract violation among findings, or nil. Fuzz
// targets call it on arbitrary input.
func Properties(text string, fs []rules.Finding) error {
	onBoundary := func(i int) bool { return i == 0 || i == len(text) || utf8.RuneStart(text[i]) }
	for _, f := range fs {
		if f.Start < 0 || f.End < f.Start || f.End > len(text) {
			return fmt.Errorf("%s: span [%d,%d) outside the text (%d bytes)", f.Rule, f.Start, f.End, len(text))
		}
		if !onBoundary(f.Start) || !onBoundary(f.End) {
			return fmt.Errorf("%s: span [%d,%d) not on UTF-8 boundaries", f.Rule, f.Start, f.End)
		}
		if f.Rule == "" || f.Message == "" || f.Severity == 0 {
			return fmt.Errorf("finding at [%d,%d) lacks a rule, message or severity: %+v", f.Start, f.End, f)
		}
		if f.Fix == nil {
			continue
		}
		if len(f.Fix.Edits) == 0 || f.Fix.Message == "" {
			return fmt.Errorf("%s: fix without edits or message", f.Rule)
		}
		es := append([]rules.Edit(nil), f.Fix.Edits...)
		sort.Slice(es, func(i, j int) bool { return es[i].Start < es[j].Start })
		for i, e := range es {
			if e.Start < 0 || e.End < e.Start || e.End > len(text) || !onBoundary(e.Start) || !onBoundary(e.End) {
				return fmt.Errorf("%s: edit [%d,%d) outside the text or off UTF-8 boundaries", f.Rule, e.Start, e.End)
			}
			if i > 0 && es[i-1].End > e.Start {
				return fmt.Errorf("%s: edits [%d,%d) and [%d,%d) overlap", f.Rule, es[i-1].Start, es[i-1].End, e.Start, e.End)
			}
		}
		// Edits on rune boundaries with valid UTF-8 replacements keep valid text
		// valid; checking that is linear, unlike applying every fix.
		for _, e := range es {
			if !utf8.ValidString(e.NewText) {
				return fmt.Errorf("%s: edit [%d,%d) inserts invalid UTF-8", f.Rule, e.Start, e.End)
			}
		}
	}
	return nil
}

// Fuzz checks the DESIGN.md properties of rule r on one arbitrary text: findings
// keep the contract, and fixing twice equals fixing once. Fuzz targets call it.
func Fuzz(t *testing.T, r rules.Rule, text string) {
	if !utf8.ValidString(text) {
		return // the readers reject invalid UTF-8 before any rule sees it
	}
	check := func(s string) []rules.Finding { return Check(r, s) }
	fs := check(text)
	if err := Properties(text, fs); err != nil {
		t.Fatal(err)
	}
	once := fix.Loop(text, fs, check, true)
	if err := Properties(once.Text, once.Remaining); err != nil {
		t.Fatal(err)
	}
	twice := fix.Loop(once.Text, once.Remaining, check, true)
	if twice.Text != once.Text && once.Passes <= fix.MaxPasses {
		t.Fatalf("fixing twice differs from fixing once\ninput: %q\nonce:  %q\ntwice: %q", text, once.Text, twice.Text)
	}
}
