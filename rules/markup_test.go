package rules_test

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/corpuslint/corpuslint/internal/fix"
	"github.com/corpuslint/corpuslint/rules"
	"github.com/corpuslint/corpuslint/rules/rulestest"
)

// mkRules are the rules of the markup family's list (markup, typography and
// privacy), as markupRules returns them.
func mkRules() []rules.Rule {
	return []rules.Rule{
		rules.HTMLTags(), rules.HTMLEntities(), rules.MarkdownRemnants(), rules.WikiMarkup(),
		rules.CodeFragments(), rules.URLOnlyLine(), rules.RepeatedSpaces(), rules.SpaceBeforePunctuation(),
		rules.ExcessBlankLines(), rules.EllipsisVariants(), rules.EmailAddress(), rules.PhoneNumber(),
		rules.IPAddress(),
	}
}

func mkDir(r rules.Rule) string {
	return filepath.Join("..", "testdata", "rules", r.Meta().Name)
}

// mkGolden runs the shared golden harness on r and then checks the
// unsafe-fixed.txt sections, which the shared harness does not know: the text after
// every fix, unsafe ones included (what `fix --unsafe-fixes` writes).
func mkGolden(t *testing.T, r rules.Rule) {
	t.Helper()
	dir := mkDir(r)
	rulestest.Run(t, r, dir)
	mkUnsafeGolden(t, r, dir)
}

func mkSection(a *txtar.Archive, name string) ([]byte, bool) {
	for _, f := range a.Files {
		if f.Name == name {
			return f.Data, true
		}
	}
	return nil, false
}

func mkSetSection(a *txtar.Archive, name string, data []byte) {
	for i := range a.Files {
		if a.Files[i].Name == name {
			a.Files[i].Data = data
			return
		}
	}
	a.Files = append(a.Files, txtar.File{Name: name, Data: data})
}

func mkDropSection(a *txtar.Archive, name string) {
	out := a.Files[:0]
	for _, f := range a.Files {
		if f.Name != name {
			out = append(out, f)
		}
	}
	a.Files = out
}

func mkUnsafeGolden(t *testing.T, r rules.Rule, dir string) {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	update := false
	if f := flag.Lookup("update"); f != nil {
		update = f.Value.String() == "true"
	}
	for _, file := range files {
		arch, err := txtar.ParseFile(file)
		if err != nil {
			t.Fatal(err)
		}
		input, _ := mkSection(arch, "input.txt")
		rr := r
		if opts, ok := mkSection(arch, "options.json"); ok {
			rr = rulestest.Configure(t, r, opts)
		}
		text := string(input)
		check := func(s string) []rules.Finding { return rulestest.Check(rr, s) }
		safe := fix.Loop(text, nil, check, false).Text
		all := fix.Loop(text, nil, check, true).Text
		if again := fix.Loop(all, nil, check, true).Text; again != all {
			t.Errorf("%s: unsafe fixing twice differs from once\n--- once\n%s--- twice\n%s", file, all, again)
		}
		if update {
			if all != safe {
				mkSetSection(arch, "unsafe-fixed.txt", []byte(all))
				// A case whose only fixes are unsafe still states that the safe
				// fixes leave the text as it is: the registry asks every fixable rule
				// for a fixed.txt case, and the shared harness drops unchanged ones.
				if _, ok := mkSection(arch, "fixed.txt"); !ok {
					mkSetSection(arch, "fixed.txt", []byte(safe))
				}
			} else {
				mkDropSection(arch, "unsafe-fixed.txt")
			}
			// Keep the sections in reading order: findings, fixed, unsafe-fixed.
			order := map[string]int{"options.json": 0, "input.txt": 1, "findings": 2, "fixed.txt": 3, "unsafe-fixed.txt": 4}
			fs := arch.Files
			for i := 1; i < len(fs); i++ {
				for j := i; j > 0 && order[fs[j].Name] < order[fs[j-1].Name]; j-- {
					fs[j], fs[j-1] = fs[j-1], fs[j]
				}
			}
			if err := os.WriteFile(file, txtar.Format(arch), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, ok := mkSection(arch, "unsafe-fixed.txt")
		switch {
		case ok && string(want) != all:
			t.Errorf("%s: unsafe-fixed text differs\n--- got\n%s--- want\n%s", file, all, want)
		case !ok && all != safe:
			t.Errorf("%s: unsafe fixes change the text but the case has no unsafe-fixed.txt section; got\n%s", file, all)
		}
	}
}

// mkGoldenInputs returns the input texts of every golden case of rs.
func mkGoldenInputs(tb testing.TB, rs ...rules.Rule) []string {
	tb.Helper()
	var out []string
	for _, r := range rs {
		out = append(out, rulestest.GoldenInputs(tb, mkDir(r))...)
	}
	return out
}

// mkSeed is the seed article, kept as a golden case of html-tags.
func mkSeed(tb testing.TB) string {
	a, err := txtar.ParseFile(filepath.Join("..", "testdata", "rules", "html-tags", "ok-seed-article.txtar"))
	if err != nil {
		tb.Fatal(err)
	}
	in, _ := mkSection(a, "input.txt")
	return string(in)
}

// mkBenchText is about 1 MB of news text: the seed article with the golden inputs
// of the family mixed in, so every rule meets both clean prose and its targets.
func mkBenchText(tb testing.TB) string {
	seed := mkSeed(tb)
	ins := mkGoldenInputs(tb, mkRules()...)
	var sb strings.Builder
	for k := 0; sb.Len() < 1<<20; k++ {
		for i := 0; i < 4; i++ {
			sb.WriteString(seed)
			sb.WriteString("\n")
		}
		sb.WriteString(ins[k%len(ins)])
		sb.WriteString("\n")
	}
	return sb.String()
}

func mkBench(b *testing.B, r rules.Rule) {
	text := mkBenchText(b)
	doc := &rules.Document{Text: text, Path: "bench.txt", ID: "bench.txt"}
	// The rule alone: the shared analysis is made once, as the engine shares it
	// between rules.
	a := rules.NewAnalysis(text)
	a.Lines()
	a.Words()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		rules.Run([]rules.Rule{r}, doc, a, nil)
	}
}

func mkFuzz(f *testing.F, r rules.Rule, extra ...string) {
	for _, s := range mkGoldenInputs(f, r) {
		f.Add(s)
	}
	for _, s := range append([]string{"", " ", "\n\n\n\n", "\r\n\r\n\r\n\r\n", "\ufeff"}, extra...) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		rulestest.Fuzz(t, r, s)
	})
}

func TestHTMLTags(t *testing.T)          { mkGolden(t, rules.HTMLTags()) }
func TestHTMLEntities(t *testing.T)      { mkGolden(t, rules.HTMLEntities()) }
func TestMarkdownRemnants(t *testing.T)  { mkGolden(t, rules.MarkdownRemnants()) }
func TestWikiMarkup(t *testing.T)        { mkGolden(t, rules.WikiMarkup()) }
func TestCodeFragments(t *testing.T)     { mkGolden(t, rules.CodeFragments()) }
func TestURLOnlyLine(t *testing.T)       { mkGolden(t, rules.URLOnlyLine()) }
func BenchmarkHTMLTags(b *testing.B)     { mkBench(b, rules.HTMLTags()) }
func BenchmarkHTMLEntities(b *testing.B) { mkBench(b, rules.HTMLEntities()) }
func BenchmarkMarkdownRemnants(b *testing.B) {
	mkBench(b, rules.MarkdownRemnants())
}
func BenchmarkWikiMarkup(b *testing.B)    { mkBench(b, rules.WikiMarkup()) }
func BenchmarkCodeFragments(b *testing.B) { mkBench(b, rules.CodeFragments()) }
func BenchmarkURLOnlyLine(b *testing.B)   { mkBench(b, rules.URLOnlyLine()) }

func FuzzHTMLTags(f *testing.F) {
	mkFuzz(f, rules.HTMLTags(), "<", "<b", "<!--", "<<b>b>", "a<br>b", "<p\n>", "<div a=\"x>\"", "<!DOCTYPE")
}
func FuzzHTMLEntities(f *testing.F) {
	mkFuzz(f, rules.HTMLEntities(), "&", "&amp;amp;amp;", "&#", "&#x;", "&#99999999;", "&amp;&amp;", "&nbsp")
}
func FuzzMarkdownRemnants(f *testing.F) {
	mkFuzz(f, rules.MarkdownRemnants(), "**", "****", "[](", "[a](b.c)", "[a][", "# ", "#\n===", "```\n```")
}
func FuzzWikiMarkup(f *testing.F) {
	mkFuzz(f, rules.WikiMarkup(), "[[", "[[a|]]", "{{{{}}}}", "''''''", "== = ==", "[edit][edit]")
}
func FuzzCodeFragments(f *testing.F) {
	mkFuzz(f, rules.CodeFragments(), "{", "}\n}", "<script>\n", "var x = {\n", "{\"a\":1,\"b\":2}")
}
func FuzzURLOnlyLine(f *testing.F) {
	mkFuzz(f, rules.URLOnlyLine(), "http://a.b", "<www.a.b>", "https://x.y\nhttps://x.y")
}

// TestMkSeedArticle checks that no rule of the family flags the seed article.
func TestMkSeedArticle(t *testing.T) {
	seed := mkSeed(t)
	for _, r := range mkRules() {
		if fs := rulestest.Check(r, seed); len(fs) > 0 {
			t.Errorf("%s flags the seed article:\n%s", r.Meta().Name, rulestest.FormatFindings(seed, fs))
		}
	}
}

// TestMkFamilyList checks that the family's registry list holds every rule once,
// in the documented order.
func TestMkFamilyList(t *testing.T) {
	var want, got []string
	for _, r := range mkRules() {
		want = append(want, r.Meta().Name)
	}
	for _, r := range rules.Builtin() {
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
		{rules.MarkdownRemnants(), "notes.md", "# Title\n\nSome **bold** text and a [link](https://example.com/x).\n"},
		{rules.HTMLTags(), "page.html", "<p>Text</p>\n"},
		{rules.HTMLEntities(), "page.htm", "Tom &amp; Jerry\n"},
		{rules.WikiMarkup(), "page.wiki", "== History ==\n[[Lyon]]\n"},
		{rules.CodeFragments(), "app.js", "var x = 1;\nfunction f() {\n}\n"},
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
		fs := rulestest.Check(rules.HTMLTags(), tc.text)
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
		fs := rulestest.Check(rules.HTMLEntities(), tc.text)
		if len(fs) != tc.n {
			t.Errorf("%q: %d findings, want %d: %s", tc.text, len(fs), tc.n, rulestest.FormatFindings(tc.text, fs))
		}
		check := func(s string) []rules.Finding { return rulestest.Check(rules.HTMLEntities(), s) }
		if got := fix.Loop(tc.text, fs, check, false).Text; got != tc.fixed {
			t.Errorf("%q: fixed to %q, want %q", tc.text, got, tc.fixed)
		}
	}
}

// TestURLOnlyLineWithoutFinalBreak checks that deleting the last line takes the
// line break before it.
func TestURLOnlyLineWithoutFinalBreak(t *testing.T) {
	text := "Story text.\nhttp://amzn.to/2iJFhRj"
	check := func(s string) []rules.Finding { return rulestest.Check(rules.URLOnlyLine(), s) }
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
		{rules.RepeatedSpaces(), map[string]any{"after_sentence": true}, map[string]any{"after_sentence": "yes"}, `"after_sentence"`},
		{rules.ExcessBlankLines(), map[string]any{"max_blank_lines": 3.0}, map[string]any{"max_blank_lines": 0.0}, `"max_blank_lines"`},
		{rules.ExcessBlankLines(), map[string]any{"max_blank_lines": 5}, map[string]any{"max_blank_lines": 2.5}, `"max_blank_lines"`},
		{rules.EllipsisVariants(), map[string]any{"style": "ascii"}, map[string]any{"style": "dots"}, `"style"`},
		{rules.EmailAddress(), map[string]any{"replacements": []any{"<EMAIL>"}}, map[string]any{"replacements": []any{}}, `"replacements"`},
		{rules.PhoneNumber(), map[string]any{"replacements": "<PHONE>"}, map[string]any{"replacements": []any{1.0}}, `"replacements"`},
		{rules.IPAddress(), map[string]any{"public_only": false, "ipv6_replacements": []any{"::"}}, map[string]any{"public_only": 1.0}, `"public_only"`},
		{rules.IPAddress(), map[string]any{}, map[string]any{"publiconly": true}, `"publiconly": unknown option of ip-address (known: ipv6_replacements, public_only, replacements)`},
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
