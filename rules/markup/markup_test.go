package markup_test

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/corpuslint/corpuslint/internal/fix"
	"github.com/corpuslint/corpuslint/rules"
	"github.com/corpuslint/corpuslint/rules/builtin"
	"github.com/corpuslint/corpuslint/rules/markup"
	"github.com/corpuslint/corpuslint/rules/privacy"
	"github.com/corpuslint/corpuslint/rules/rulestest"
	"github.com/corpuslint/corpuslint/rules/typography"
)

// markupRules are the rules of the markup family's list (markup, typography and
// privacy), as markupRules returns them.
func markupRules() []rules.Rule {
	return []rules.Rule{
		markup.HTMLTags(), markup.HTMLEntities(), markup.MarkdownRemnants(), markup.WikiMarkup(),
		markup.CodeFragments(), markup.URLOnlyLine(), typography.RepeatedSpaces(), typography.SpaceBeforePunctuation(),
		typography.ExcessBlankLines(), typography.EllipsisVariants(), privacy.EmailAddress(), privacy.PhoneNumber(),
		privacy.IPAddress(),
	}
}

func TestHTMLTags(t *testing.T)         { rulestest.Golden(t, markup.HTMLTags()) }
func TestHTMLEntities(t *testing.T)     { rulestest.Golden(t, markup.HTMLEntities()) }
func TestMarkdownRemnants(t *testing.T) { rulestest.Golden(t, markup.MarkdownRemnants()) }
func TestWikiMarkup(t *testing.T)       { rulestest.Golden(t, markup.WikiMarkup()) }
func TestCodeFragments(t *testing.T)    { rulestest.Golden(t, markup.CodeFragments()) }
func TestURLOnlyLine(t *testing.T)      { rulestest.Golden(t, markup.URLOnlyLine()) }
func BenchmarkHTMLTags(b *testing.B) {
	rulestest.Bench(b, markup.HTMLTags(), rulestest.BenchText(b, markupRules()...))
}
func BenchmarkHTMLEntities(b *testing.B) {
	rulestest.Bench(b, markup.HTMLEntities(), rulestest.BenchText(b, markupRules()...))
}
func BenchmarkMarkdownRemnants(b *testing.B) {
	rulestest.Bench(b, markup.MarkdownRemnants(), rulestest.BenchText(b, markupRules()...))
}
func BenchmarkWikiMarkup(b *testing.B) {
	rulestest.Bench(b, markup.WikiMarkup(), rulestest.BenchText(b, markupRules()...))
}
func BenchmarkCodeFragments(b *testing.B) {
	rulestest.Bench(b, markup.CodeFragments(), rulestest.BenchText(b, markupRules()...))
}
func BenchmarkURLOnlyLine(b *testing.B) {
	rulestest.Bench(b, markup.URLOnlyLine(), rulestest.BenchText(b, markupRules()...))
}

func FuzzHTMLTags(f *testing.F) {
	rulestest.FuzzRule(f, markup.HTMLTags(), "<", "<b", "<!--", "<<b>b>", "a<br>b", "<p\n>", "<div a=\"x>\"", "<!DOCTYPE")
}
func FuzzHTMLEntities(f *testing.F) {
	rulestest.FuzzRule(f, markup.HTMLEntities(), "&", "&amp;amp;amp;", "&#", "&#x;", "&#99999999;", "&amp;&amp;", "&nbsp")
}
func FuzzMarkdownRemnants(f *testing.F) {
	rulestest.FuzzRule(f, markup.MarkdownRemnants(), "**", "****", "[](", "[a](b.c)", "[a][", "# ", "#\n===", "```\n```")
}
func FuzzWikiMarkup(f *testing.F) {
	rulestest.FuzzRule(f, markup.WikiMarkup(), "[[", "[[a|]]", "{{{{}}}}", "''''''", "== = ==", "[edit][edit]")
}
func FuzzCodeFragments(f *testing.F) {
	rulestest.FuzzRule(f, markup.CodeFragments(), "{", "}\n}", "<script>\n", "var x = {\n", "{\"a\":1,\"b\":2}")
}
func FuzzURLOnlyLine(f *testing.F) {
	rulestest.FuzzRule(f, markup.URLOnlyLine(), "http://a.b", "<www.a.b>", "https://x.y\nhttps://x.y")
}

// TestMkSeedArticle checks that no rule of the family flags the seed article.
func TestMkSeedArticle(t *testing.T) {
	seed := rulestest.Seed(t)
	for _, r := range markupRules() {
		if fs := rulestest.Check(r, seed); len(fs) > 0 {
			t.Errorf("%s flags the seed article:\n%s", r.Meta().Name, rulestest.FormatFindings(seed, fs))
		}
	}
}

// TestMkFamilyList checks that the family's registry list holds every rule once,
// in the documented order.
func TestMkFamilyList(t *testing.T) {
	var want, got []string
	for _, r := range markupRules() {
		want = append(want, r.Meta().Name)
	}
	for _, r := range builtin.Builtin() {
		switch r.Meta().Category {
		case rules.Markup, rules.Privacy:
			got = append(got, r.Meta().Name)
		case rules.Typography:
			if r.Meta().Name != "stray-dash" {
				got = append(got, r.Meta().Name)
			}
		}
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("registry order %v, want %v", got, want)
	}
}

// TestMkFileFormats checks that a whole file written in a markup is not judged by
// the rule for that markup, while a JSONL record from a file of that name is.
func TestMkFileFormats(t *testing.T) {
	for _, tc := range []struct {
		rule rules.Rule
		path string
		text string
	}{
		{markup.MarkdownRemnants(), "notes.md", "# Title\n\nSome **bold** text and a [link](https://example.com/x).\n"},
		{markup.HTMLTags(), "page.html", "<p>Text</p>\n"},
		{markup.HTMLEntities(), "page.htm", "Tom &amp; Jerry\n"},
		{markup.WikiMarkup(), "page.wiki", "== History ==\n[[Lyon]]\n"},
		{markup.CodeFragments(), "app.js", "var x = 1;\nfunction f() {\n}\n"},
	} {
		whole := &rules.Document{Text: tc.text, Path: tc.path}
		if fs := rules.Run([]rules.Rule{tc.rule}, whole, nil, nil); len(fs) != 0 {
			t.Errorf("%s flags the whole file %s: %v", tc.rule.Meta().Name, tc.path, fs)
		}
		rec := &rules.Document{Text: tc.text, Path: tc.path + ".jsonl", Record: 3}
		rec2 := &rules.Document{Text: tc.text, Path: tc.path, Record: 3}
		for _, d := range []*rules.Document{rec, rec2} {
			if fs := rules.Run([]rules.Rule{tc.rule}, d, nil, nil); len(fs) == 0 {
				t.Errorf("%s does not flag record %d of %s", tc.rule.Meta().Name, d.Record, d.Path)
			}
		}
	}
}

// TestHTMLTagShapes lists what counts as a tag and what does not.
func TestHTMLTagShapes(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []string // flagged spans in order; tags in a run are one span
	}{
		{"x <br> y", []string{"<br>"}},
		{"x <BR/> y", []string{"<BR/>"}},
		{"x <Br> y", nil},
		{"a <span class='k' data-x=1>b</span> c", []string{"<span class='k' data-x=1>", "</span>"}},
		{"<p title=\"a>b\">x", []string{"<p title=\"a>b\">"}},
		{"a <b and c> d", nil},
		{"<input disabled>", nil},
		{"<input type=\"checkbox\" disabled>", []string{"<input type=\"checkbox\" disabled>"}},
		{"<my-widget>", nil},
		{"</my-widget>", []string{"</my-widget>"}},
		{"<?xml version=\"1.0\"?>", []string{"<?xml version=\"1.0\"?>"}},
		{"<![CDATA[ x ]]>", []string{"<![CDATA[ x ]]>"}},
		{"<!-- never closed", []string{"<!--"}},
		{"`<em>`", nil},
		{"<3 <- -> <= >=", nil},
		{"<td>1</td> <td>2</td>", []string{"<td>", "</td> <td>", "</td>"}},
	} {
		fs := rulestest.Check(markup.HTMLTags(), tc.text)
		var got []string
		for _, f := range fs {
			got = append(got, tc.text[f.Start:f.End])
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%q: flagged %q, want %q", tc.text, got, tc.want)
		}
	}
}

// TestHTMLEntityDecoding checks the decoded text and the fix of each reference.
func TestHTMLEntityDecoding(t *testing.T) {
	for _, tc := range []struct {
		text, fixed string
		n           int
	}{
		{"a &amp; b", "a & b", 1},
		{"a&nbsp;b", "a\u00a0b", 1},
		{"&mdash;&ndash;&hellip;", "—–…", 3},
		{"&#8212; &#x2014; &#X2014;", "— — —", 3},
		{"&amp;amp;amp;", "&", 1},
		{"&amp;mdash;", "—", 1},
		{"&amp;quot;", "&amp;quot;", 0},
		{"&rsquo; &#8217; &#x27; &apos;", "&rsquo; &#8217; &#x27; &apos;", 0},
		{"&copy 2020", "© 2020", 1},
		{"&copy2020 &nbsp=1 &ampx", "&copy2020 &nbsp=1 &ampx", 0},
		{"&notin; &notit;", "∉ &notit;", 1},
		{"&#128;", "€", 1},
		{"&#0; &#13;", "&#0; &#13;", 2},
	} {
		fs := rulestest.Check(markup.HTMLEntities(), tc.text)
		if len(fs) != tc.n {
			t.Errorf("%q: %d findings, want %d: %s", tc.text, len(fs), tc.n, rulestest.FormatFindings(tc.text, fs))
		}
		check := func(s string) []rules.Finding { return rulestest.Check(markup.HTMLEntities(), s) }
		if got := fix.Loop(tc.text, fs, check, false).Text; got != tc.fixed {
			t.Errorf("%q: fixed to %q, want %q", tc.text, got, tc.fixed)
		}
	}
}

// TestURLOnlyLineWithoutFinalBreak checks that deleting the last line takes the
// line break before it.
func TestURLOnlyLineWithoutFinalBreak(t *testing.T) {
	text := "Story text.\nhttp://amzn.to/2iJFhRj"
	check := func(s string) []rules.Finding { return rulestest.Check(markup.URLOnlyLine(), s) }
	if got := fix.Loop(text, nil, check, true).Text; got != "Story text." {
		t.Errorf("fixed to %q", got)
	}
}

// TestMkOptions checks every Configurable rule of the family: Options lists the
// defaults, Configure validates types and ranges, reports an OptionError naming the
// option, and leaves the receiver untouched.
func TestMkOptions(t *testing.T) {
	for _, tc := range []struct {
		rule    rules.Rule
		good    map[string]any
		bad     map[string]any
		errWant string
	}{
		{typography.RepeatedSpaces(), map[string]any{"after_sentence": true}, map[string]any{"after_sentence": "yes"}, `"after_sentence"`},
		{typography.ExcessBlankLines(), map[string]any{"max_blank_lines": 3.0}, map[string]any{"max_blank_lines": 0.0}, `"max_blank_lines"`},
		{typography.ExcessBlankLines(), map[string]any{"max_blank_lines": 5}, map[string]any{"max_blank_lines": 2.5}, `"max_blank_lines"`},
		{typography.EllipsisVariants(), map[string]any{"style": "ascii"}, map[string]any{"style": "dots"}, `"style"`},
		{privacy.EmailAddress(), map[string]any{"replacements": []any{"<EMAIL>"}}, map[string]any{"replacements": []any{}}, `"replacements"`},
		{privacy.PhoneNumber(), map[string]any{"replacements": "<PHONE>"}, map[string]any{"replacements": []any{1.0}}, `"replacements"`},
		{privacy.IPAddress(), map[string]any{"public_only": false, "ipv6_replacements": []any{"::"}}, map[string]any{"public_only": 1.0}, `"public_only"`},
		{privacy.IPAddress(), map[string]any{}, map[string]any{"publiconly": true}, `"publiconly": unknown option of ip-address (known: ipv6_replacements, public_only, replacements)`},
	} {
		c, ok := tc.rule.(rules.Configurable)
		if !ok {
			t.Fatalf("%s is not Configurable", tc.rule.Meta().Name)
		}
		before := c.Options()
		nr, err := c.Configure(tc.good)
		if err != nil {
			t.Errorf("%s: Configure(%v): %v", tc.rule.Meta().Name, tc.good, err)
			continue
		}
		after := nr.(rules.Configurable).Options()
		for k, v := range tc.good {
			if s, ok := v.(string); ok && k == "replacements" {
				v = []string{s}
			}
			if f, ok := v.(float64); ok {
				v = int(f)
			}
			if l, ok := v.([]any); ok {
				var ss []string
				for _, e := range l {
					ss = append(ss, e.(string))
				}
				v = ss
			}
			if !reflect.DeepEqual(after[k], v) {
				t.Errorf("%s: after Configure %s = %v, want %v", tc.rule.Meta().Name, k, after[k], v)
			}
		}
		if !reflect.DeepEqual(c.Options(), before) {
			t.Errorf("%s: Configure changed the receiver", tc.rule.Meta().Name)
		}
		_, err = c.Configure(tc.bad)
		var oe *rules.OptionError
		if !errors.As(err, &oe) || !strings.Contains(err.Error(), tc.errWant) {
			t.Errorf("%s: Configure(%v) error %v, want an OptionError quoting %s", tc.rule.Meta().Name, tc.bad, err, tc.errWant)
		}
	}
}
