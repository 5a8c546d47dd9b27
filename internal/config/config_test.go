package config

import (
	"strings"
	"testing"

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
		{"selct: [quotes]\n", `corpuslint.yaml:1: selct: unknown key (allowed: baseline, custom-rules, extend-select, fail-on, format, ignore, ignore-ids, input, per-path, profile, rules, select)`},
		{"fail-on: sometimes\n", `corpuslint.yaml:1: fail-on: "sometimes" is not allowed (want error, warning, info or never)`},
		{"input:\n  txt-field: body\n", `corpuslint.yaml:2: input.txt-field: unknown key (allowed: id-field, max-record-size, suppress-field, text-field, url-field)`},
		{"select: {a: b}\n", `corpuslint.yaml:1: select: want a list, got a mapping`},
		{"per-path:\n  - ignore: [quotes]\n", `corpuslint.yaml:2: per-path[0].paths: at least one glob is required`},
		{"custom-rules:\n  - name: x\n    kind: pattern\n    patern: a\n", `corpuslint.yaml:4: custom-rules[0].patern: unknown key`},
		{"rules: [a, b]\n", `corpuslint.yaml:1: rules: want a mapping, got a list`},
		{"select: [a\n", `corpuslint.yaml: not valid YAML`},
	} {
		_, err := Parse("corpuslint.yaml", []byte(tc.yml))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Parse(%q) error = %v\nwant it to contain %q", tc.yml, err, tc.want)
		}
	}
}

func TestResolveErrors(t *testing.T) {
	for _, tc := range []struct{ yml, want string }{
		{"rules:\n  no-such-rule: error\n", `corpuslint.yaml:2: rules.no-such-rule: no such rule`},
		{"rules:\n  stray-dash: fatal\n", `corpuslint.yaml:2: rules.stray-dash.severity: unknown severity "fatal"`},
		{"select: [nope]\n", `unknown rule or category "nope"`},
		{"profile: gopherish\n", `unknown profile "gopherish"`},
		{"rules:\n  stray-dash:\n    max: 3\n", `rule stray-dash takes no options (given: max)`},
		{"custom-rules:\n  - name: bad\n    kind: pattern\n    pattern: 'a(b'\n    message: m\n", `corpuslint.yaml:2: custom-rules: rule "bad": bad pattern: error parsing regexp: missing closing )`},
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
