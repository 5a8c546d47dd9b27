package config

import (
	"strings"
	"testing"

	"github.com/corpuslint/corpuslint/internal/source"
	"github.com/corpuslint/corpuslint/rules"
)

func mustResolve(t *testing.T, yml string, flags Flags) *Resolved {
	t.Helper()
	cfg, err := Parse("corpuslint.yaml", []byte(yml))
	if err != nil {
		t.Fatal(err)
	}
	r, err := Resolve(cfg, flags, nil)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func names(rs []rules.Rule) string {
	var ns []string
	for _, r := range rs {
		ns = append(ns, r.Meta().Name)
	}
	return strings.Join(ns, ",")
}

func TestParseErrorsQuoteFileLineAndKey(t *testing.T) {
	for _, tc := range []struct{ yml, want string }{
		{"selct: [quotes]\n", `corpuslint.yaml:1:1: selct: unknown key; did you mean "select"? (allowed: baseline, custom-rules, extend-select, fail-on, format, ignore, ignore-ids, input, per-path, profile, rules, select)`},
		{"fail-on: sometimes\n", `corpuslint.yaml:1:10: fail-on: unknown fail-on "sometimes" (want error, warning, info or never)`},
		{"input:\n  txt-field: body\n", `corpuslint.yaml:2:3: input.txt-field: unknown key; did you mean "text-field"? (allowed: id-field, max-record-lines, max-record-size, suppress-field, text-field, url-field, verify-digests)`},
		{"select: {a: b}\n", `corpuslint.yaml:1:9: select: want a list, got a mapping`},
		{"per-path:\n  - ignore: [quotes]\n", `corpuslint.yaml:2:5: per-path[0].paths: at least one glob is required`},
		{"per-path:\n  - path: [a]\n", `corpuslint.yaml:2:5: per-path[0].path: unknown key; did you mean "paths"?`},
		{"custom-rules:\n  - name: x\n    kind: pattern\n    patern: a\n", `corpuslint.yaml:4:5: custom-rules[0].patern: unknown key; did you mean "pattern"?`},
		{"rules: [a, b]\n", `corpuslint.yaml:1:8: rules: want a mapping, got a list`},
		{"select: [a\n", `corpuslint.yaml: not valid YAML`},
	} {
		_, err := Parse("corpuslint.yaml", []byte(tc.yml))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Parse(%q) error = %v\nwant it to contain %q", tc.yml, err, tc.want)
		}
	}
}

// TestRecordLines: input.max-record-lines is read, a flag overrides it, and
// both default to source.DefaultMaxRecordLines.
func TestRecordLines(t *testing.T) {
	if r := mustResolve(t, "", Flags{}); r.Input.MaxRecordLines != source.DefaultMaxRecordLines {
		t.Errorf("default: %d", r.Input.MaxRecordLines)
	}
	if r := mustResolve(t, "input:\n  max-record-lines: 1000\n", Flags{}); r.Input.MaxRecordLines != 1000 {
		t.Errorf("from the file: %d", r.Input.MaxRecordLines)
	}
	if r := mustResolve(t, "input:\n  max-record-lines: 1000\n", Flags{MaxRecordLines: 7}); r.Input.MaxRecordLines != 7 {
		t.Errorf("flag over the file: %d", r.Input.MaxRecordLines)
	}
	for _, bad := range []string{"0", "-3", "many", "1e6", "4294967296"} {
		if _, err := Parse("corpuslint.yaml", []byte("input:\n  max-record-lines: "+bad+"\n")); err == nil ||
			!strings.Contains(err.Error(), "input.max-record-lines: invalid line count") {
			t.Errorf("max-record-lines %s: %v", bad, err)
		}
	}
}

// TestFailOnWarn: the file accepts what --fail-on accepts, warn among them.
func TestFailOnWarn(t *testing.T) {
	r := mustResolve(t, "fail-on: warn\n", Flags{})
	if sev, ok, err := ParseFailOn(r.FailOn); err != nil || !ok || sev != rules.Warning {
		t.Errorf("fail-on: warn = %v %v %v", sev, ok, err)
	}
	if _, err := Resolve(nil, Flags{FailOn: "sometimes"}, nil); err == nil || err.Error() != `--fail-on: unknown fail-on "sometimes" (want error, warning, info or never)` {
		t.Errorf("--fail-on sometimes: %v", err)
	}
}

func TestResolveErrors(t *testing.T) {
	for _, tc := range []struct{ yml, want string }{
		{"rules:\n  no-such-rule: error\n", `corpuslint.yaml:2:3: rules.no-such-rule: no such rule (see`},
		{"rules:\n  stray-dsh: error\n", `corpuslint.yaml:2:3: rules.stray-dsh: no such rule; did you mean "stray-dash"?`},
		{"rules:\n  stray-dash: fatal\n", `corpuslint.yaml:2:15: rules.stray-dash.severity: unknown severity "fatal"`},
		{"select: [quotes, nope]\n", `corpuslint.yaml:1:18: select[1]: unknown rule or category "nope"`},
		{"ignore: [typografy]\n", `corpuslint.yaml:1:10: ignore[0]: unknown rule or category "typografy"; did you mean "typography"?`},
		{"profile: gopherish\n", `corpuslint.yaml:1:10: profile: unknown profile "gopherish"`},
		{"profile: newz\n", `corpuslint.yaml:1:10: profile: unknown profile "newz"; did you mean "news"?`},
		{"rules:\n  stray-dash:\n    max: 3\n", `corpuslint.yaml:3:5: rules.stray-dash.max: unknown key: stray-dash takes no options, only severity`},
		{"rules:\n  stray-dash: {severty: error}\n", `corpuslint.yaml:2:16: rules.stray-dash.severty: unknown key: stray-dash takes no options, only severity; did you mean "severity"?`},
		// Rules that are not selected (gopher-quality is off by default) are
		// checked as strictly as selected ones.
		{"rules:\n  gopher-quality:\n    min_doc_wrds: 3\n", `corpuslint.yaml:3:5: rules.gopher-quality.min_doc_wrds: unknown option of gopher-quality`},
		{"rules:\n  gopher-quality:\n    min_doc_words: lots\n", `corpuslint.yaml:3:5: rules.gopher-quality.min_doc_words: `},
		{"rules:\n  missing-attribution: {elsewher: info}\n", `corpuslint.yaml:2:25: rules.missing-attribution.elsewher: unknown option of missing-attribution (known: elsewhere); did you mean "elsewhere"?`},
		{"per-path:\n  - paths: [a]\n    rules:\n      gopher-quality: {max_x: 1}\n", `corpuslint.yaml:4:24: per-path[0].rules.gopher-quality.max_x: unknown option`},
		{"per-path:\n  - paths: [a]\n    select: [quotez]\n", `corpuslint.yaml:3:14: per-path[0].select[0]: unknown rule or category "quotez"; did you mean "quotes"?`},
		{"custom-rules:\n  - name: bad\n    kind: pattern\n    pattern: 'a(b'\n    message: m\n", `corpuslint.yaml:2:5: custom-rules[0]: rule "bad": bad pattern: error parsing regexp: missing closing )`},
		{"custom-rules:\n  - name: e\n    kind: pattern\n    pattern: 'a*'\n    message: m\n", `matches the empty string`},
		{"custom-rules:\n  - name: k\n    kind: regex\n    pattern: a\n    message: m\n", `kind "regex" is not pattern or phrases`},
		{"custom-rules:\n  - name: p\n    kind: phrases\n    message: m\n", `phrases needs at least one phrase`},
		{"custom-rules:\n  - name: s\n    kind: phrases\n    phrases: [x]\n    message: m\n    scope: middle\n", `scope "middle"`},
		{"custom-rules:\n  - name: c\n    kind: phrases\n    phrases: [x]\n    message: m\n    category: style\n", `category "style" is not one of`},
		{"custom-rules:\n  - name: stray-dash\n    kind: phrases\n    phrases: [x]\n    message: m\n", `rule "stray-dash" registered twice`},
		{"custom-rules:\n  - kind: phrases\n    phrases: [x]\n    message: m\n", `a custom rule needs a name`},
		{"custom-rules:\n  - name: nomsg\n    kind: phrases\n    phrases: [x]\n", `a message is required`},
		{"per-path:\n  - paths: ['[a']\n", `bad glob "[a"`},
	} {
		cfg, err := Parse("corpuslint.yaml", []byte(tc.yml))
		if err == nil {
			_, err = Resolve(cfg, Flags{}, nil)
		}
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: error = %v\nwant it to contain %q", tc.yml, err, tc.want)
		}
	}
}

// TestFlagErrors: the same checks name the flag when a flag gave the value.
func TestFlagErrors(t *testing.T) {
	for _, tc := range []struct {
		flags Flags
		want  string
	}{
		{Flags{Profile: "newz"}, `--profile: unknown profile "newz"; did you mean "news"?`},
		{Flags{Select: []string{"stray-dsh"}}, `--select: unknown rule or category "stray-dsh"; did you mean "stray-dash"?`},
		{Flags{Ignore: []string{"quotez"}}, `--ignore: unknown rule or category "quotez"; did you mean "quotes"?`},
		{Flags{ExtendSelect: []string{"c4-line"}}, `--extend-select: unknown rule or category "c4-line"; did you mean "c4-lines"?`},
	} {
		_, err := Resolve(nil, tc.flags, nil)
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("%+v: error = %v\nwant it to start with %q", tc.flags, err, tc.want)
		}
	}
}

func TestPrecedence(t *testing.T) {
	r := mustResolve(t, "select: [quotes]\nfail-on: error\ninput:\n  text-field: body\n", Flags{})
	if names(r.Rules) != "broken-quotes" || r.FailOn != "error" || r.Input.TextField != "body" || r.Input.IDField != "id" {
		t.Errorf("file settings not applied: %s %s %+v", names(r.Rules), r.FailOn, r.Input)
	}
	r = mustResolve(t, "select: [quotes]\nfail-on: error\n", Flags{Select: []string{"stray-dash"}, FailOn: "info", TextField: "t"})
	if names(r.Rules) != "stray-dash" || r.FailOn != "info" || r.Input.TextField != "t" {
		t.Errorf("flags must win: %s %s %s", names(r.Rules), r.FailOn, r.Input.TextField)
	}
	r = mustResolve(t, "ignore: [attribution]\nextend-select: [quotes]\n", Flags{})
	if strings.Contains(names(r.Rules), "missing-attribution") || !strings.Contains(names(r.Rules), "trailing-headlines") {
		t.Errorf("ignore/extend-select on the default set: %s", names(r.Rules))
	}
	r = mustResolve(t, "rules:\n  stray-dash: error\n  broken-quotes:\n    severity: info\n", Flags{})
	if r.Severity["stray-dash"] != rules.Error || r.Severity["broken-quotes"] != rules.Info {
		t.Errorf("severities: %v", r.Severity)
	}
	if r := mustResolve(t, "", Flags{}); r.Profile != "news" || r.FailOn != "warning" || r.Format != "table" {
		t.Errorf("defaults: %+v", r)
	}
}

func TestPerPath(t *testing.T) {
	r := mustResolve(t, "per-path:\n  - paths: ['drafts/**', '*.md']\n    ignore: [typography]\n", Flags{})
	if strings.Contains(names(r.RulesFor("drafts/a/b.txt")), "stray-dash") {
		t.Errorf("drafts/** not matched")
	}
	if strings.Contains(names(r.RulesFor("other/notes.md")), "stray-dash") {
		t.Errorf("*.md without a slash must match the name anywhere")
	}
	if !strings.Contains(names(r.RulesFor("data/a.jsonl")), "stray-dash") {
		t.Errorf("unmatched path lost rules")
	}
}

func TestCustomRules(t *testing.T) {
	yml := `custom-rules:
  - name: lorem-ipsum
    kind: pattern
    pattern: '(?i)lorem (ipsum)'
    message: placeholder text
    severity: error
    category: quality
    replace: ''
  - name: click-here
    kind: phrases
    phrases: [click here, read more]
    message: 'link text "%s"'
    scope: last 2 lines
    replace: see below
`
	r := mustResolve(t, yml, Flags{Select: []string{"lorem-ipsum", "click-here"}})
	text := "Click here to start.\nLorem Ipsum dolor.\nNo clickhere here. Read more.\nClick here"
	doc := &rules.Document{Text: text}
	fs := rules.Run(r.Rules, doc, nil, nil)
	var got []string
	for _, f := range fs {
		s := f.Rule + ":" + text[f.Start:f.End] + ":" + f.Message + ":" + f.Severity.String()
		if f.Fix != nil {
			s += ":" + f.Fix.Edits[0].NewText
		}
		got = append(got, s)
	}
	want := []string{
		"lorem-ipsum:Lorem Ipsum:placeholder text:error:",
		`click-here:Read more:link text "Read more":warning:See below`,
		`click-here:Click here:link text "Click here":warning:See below`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("custom findings:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestScopeFirstLines(t *testing.T) {
	r := mustResolve(t, "custom-rules:\n  - name: top\n    kind: phrases\n    phrases: [menu]\n    message: m\n    scope: first 1 lines\n", Flags{Select: []string{"top"}})
	fs := rules.Run(r.Rules, &rules.Document{Text: "\nMenu\nmenu"}, nil, nil)
	if len(fs) != 1 || fs[0].Start != 1 {
		t.Errorf("first 1 lines (blank lines skipped): %+v", fs)
	}
}
