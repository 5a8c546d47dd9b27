package encoding_test

import (
	"strings"
	"testing"

	"github.com/corpuslint/corpuslint/internal/fix"
	"github.com/corpuslint/corpuslint/rules"
	"github.com/corpuslint/corpuslint/rules/encoding"
	"github.com/corpuslint/corpuslint/rules/repetition"
	"github.com/corpuslint/corpuslint/rules/rulestest"
)

var rulesUnderTest = []struct {
	name string
	rule rules.Rule
}{
	{"mojibake", encoding.Mojibake()},
	{"replacement-character", encoding.ReplacementCharacter()},
	{"control-characters", encoding.ControlCharacters()},
	{"invisible-characters", encoding.InvisibleCharacters()},
	{"soft-hyphen", encoding.SoftHyphen()},
	{"nonbreaking-space", encoding.NonbreakingSpace()},
	{"mixed-line-endings", encoding.MixedLineEndings()},
}

func TestEncodingGoldens(t *testing.T) {
	for _, tc := range rulesUnderTest {
		t.Run(tc.name, func(t *testing.T) {
			rulestest.Run(t, tc.rule, "../../testdata/rules/"+tc.name)
		})
	}
}

// TestEncodingSeedArticle: no encoding rule flags the seed article.
func TestEncodingSeedArticle(t *testing.T) {
	ins := rulestest.GoldenInputs(t, "../../testdata/rules/mojibake")
	var seed string
	for _, s := range ins {
		if strings.Contains(s, "Czech") {
			seed = s
		}
	}
	if seed == "" {
		t.Fatal("the seed article is missing from testdata/rules/mojibake")
	}
	for _, tc := range rulesUnderTest {
		if fs := rulestest.Check(tc.rule, seed); len(fs) != 0 {
			t.Errorf("%s flags the seed article:\n%s", tc.name, rulestest.FormatFindings(seed, fs))
		}
	}
}

// fixed returns text after every safe fix of rule r.
func fixed(r rules.Rule, text string) string {
	check := func(s string) []rules.Finding { return rulestest.Check(r, s) }
	return fix.Loop(text, nil, check, false).Text
}

// TestEncodingCases checks what each rule flags and how it mends it on small
// texts, the edge cases of each definition included.
func TestEncodingCases(t *testing.T) {
	for _, tc := range []struct {
		rule  rules.Rule
		in    string
		count int    // findings expected
		fixed string // text after the safe fixes ("" for unchanged)
	}{
		// mojibake: Central European, Cyrillic and Greek in disguise.
		{encoding.Mojibake(), "ko\u00c5\u00a1ice", 1, "košice"},
		{encoding.Mojibake(), "\u00c4\u0152esko", 1, "Česko"},
		{encoding.Mojibake(), "\u00d0\u00bf\u00d1\u20ac\u00d0\u00b8\u00d0\u00b2\u00d0\u00b5\u00d1\u201a", 1, "привет"},
		{encoding.Mojibake(), "caf\u00c3\u00a9s and \u00c3\u00a9t\u00c3\u00a9", 2, "cafés and été"},
		// mojibake: real text it must leave alone.
		{encoding.Mojibake(), "A IRMÃ” voltou. NÃO… ESPAÑ” STRAß… 2×½ CAFÉ’s", 0, ""},
		{encoding.Mojibake(), "Ã", 0, ""},
		{encoding.Mojibake(), "Ã©", 1, "é"},
		// A lost byte: flagged, not mended.
		{encoding.Mojibake(), "\u00e2\u20ac", 1, ""},
		// replacement-character: no fix.
		{encoding.ReplacementCharacter(), "a\ufffd\ufffdb\ufffd", 2, ""},
		// control-characters.
		{encoding.ControlCharacters(), "a\x00b\x7fc\u0085d", 3, "abc…d"},
		{encoding.ControlCharacters(), "a\u0081\u008d\u008f\u0090\u009db", 1, "ab"},
		{encoding.ControlCharacters(), "tab\there\r\n", 0, ""},
		// A C1 control inside mojibake is the mojibake rule's; one the mojibake
		// rule leaves alone ("ß" + U+0085 is Windows-1252 "ß…" read as Latin-1)
		// is this rule's.
		{encoding.ControlCharacters(), "Bolton \u00e2\u0080\u0094 said", 0, ""},
		{encoding.ControlCharacters(), "Stra\u00df\u0085 Gro\u00df\u0092s", 2, "Straß… Groß’s"},
		// invisible-characters.
		{encoding.InvisibleCharacters(), "a\u200db c\u200cd \ufeff", 3, "ab cd "},
		{encoding.InvisibleCharacters(), "\ufeffstart", 0, ""},
		{encoding.InvisibleCharacters(), "x\u202eevil", 1, "xevil"},
		// soft-hyphen.
		{encoding.SoftHyphen(), "in\u00adfor\u00adma\u00adtion \u00ad", 2, "information "},
		// nonbreaking-space.
		{encoding.NonbreakingSpace(), "as\u00a0if and\u202fthen more", 2, "as if and then more"},
		{encoding.NonbreakingSpace(), "the last\u00a0word", 0, ""},
		{encoding.NonbreakingSpace(), "\u00a0\u00a0\n", 1, "\n"},
		// mixed-line-endings: a tie goes to LF.
		{encoding.MixedLineEndings(), "a\r\nb\nc", 1, "a\nb\nc"},
		{encoding.MixedLineEndings(), "a\rb\rc\r\nd", 1, "a\rb\rc\rd"},
		{encoding.MixedLineEndings(), "a\rb\rc", 0, ""},
	} {
		fs := rulestest.Check(tc.rule, tc.in)
		rulestest.CheckProperties(t, tc.in, fs)
		name := tc.rule.Meta().Name
		if len(fs) != tc.count {
			t.Errorf("%s on %q: %d findings, want %d:\n%s", name, tc.in, len(fs), tc.count, rulestest.FormatFindings(tc.in, fs))
		}
		want := tc.fixed
		if want == "" {
			want = tc.in
		}
		if got := fixed(tc.rule, tc.in); got != want {
			t.Errorf("%s on %q: fixed to %q, want %q", name, tc.in, got, want)
		}
	}
}

// TestMixedLineEndingsManyEdits: past manyEdits line endings the fix is one
// edit, and it rewrites every ending.
func TestMixedLineEndingsManyEdits(t *testing.T) {
	text := strings.Repeat("line\r\n", 3000) + strings.Repeat("line\n", 2500)
	fs := rulestest.Check(encoding.MixedLineEndings(), text)
	if len(fs) != 1 || fs[0].Fix == nil || len(fs[0].Fix.Edits) != 1 {
		t.Fatalf("want one finding with one edit, got %+v", fs)
	}
	if got := fixed(encoding.MixedLineEndings(), text); got != strings.Repeat("line\r\n", 5500) {
		t.Errorf("fixed text is not all CRLF")
	}
}

// TestEncodingMetaExamples: fixing each Bad example gives its Good one.
func TestEncodingMetaExamples(t *testing.T) {
	for _, tc := range rulesUnderTest {
		m := tc.rule.Meta()
		if !m.Fixable {
			continue
		}
		if got := fixed(tc.rule, m.Bad); got != m.Good {
			t.Errorf("%s: fixing Bad gives %q, want Good %q", tc.name, got, m.Good)
		}
	}
}

func fuzz(f *testing.F, r rules.Rule) {
	for _, s := range rulestest.GoldenInputs(f, "../../testdata/rules/"+r.Meta().Name) {
		f.Add(s)
	}
	f.Add("")
	f.Add("\u00c3\u00a9\u00c3 \u00c2 \u00e2\u20ac\u0092\u00a0\u00ad\u200b\r\n\r\x00\ufffd")
	f.Fuzz(func(t *testing.T, s string) {
		rulestest.Fuzz(t, r, s)
	})
}

func FuzzMojibake(f *testing.F)             { fuzz(f, encoding.Mojibake()) }
func FuzzReplacementCharacter(f *testing.F) { fuzz(f, encoding.ReplacementCharacter()) }
func FuzzControlCharacters(f *testing.F)    { fuzz(f, encoding.ControlCharacters()) }
func FuzzInvisibleCharacters(f *testing.F)  { fuzz(f, encoding.InvisibleCharacters()) }
func FuzzSoftHyphen(f *testing.F)           { fuzz(f, encoding.SoftHyphen()) }
func FuzzNonbreakingSpace(f *testing.F)     { fuzz(f, encoding.NonbreakingSpace()) }
func FuzzMixedLineEndings(f *testing.F)     { fuzz(f, encoding.MixedLineEndings()) }

// benchText is about 1 MB of news text with an encoding problem every few
// kilobytes, as scraped text has them.
func benchText(tb testing.TB) string {
	base := rulestest.ShuffledText(tb, "repeated-paragraph")
	issues := []string{"caf\u00c3\u00a9", "it\u00e2\u20ac\u2122s", "\ufffd", "\u0092", "a\u200bb", "in\u00adfor", "as\u00a0if", "\r\n"}
	var b strings.Builder
	for i, k := 0, 0; i < len(base); i += 4096 {
		end := min(i+4096, len(base))
		b.WriteString(base[i:end])
		b.WriteString(issues[k%len(issues)])
		k++
	}
	return b.String()
}

func BenchmarkMojibake(b *testing.B) {
	rulestest.Bench(b, encoding.Mojibake(), benchText(b))
}
func BenchmarkReplacementCharacter(b *testing.B) {
	rulestest.Bench(b, encoding.ReplacementCharacter(), benchText(b))
}
func BenchmarkControlCharacters(b *testing.B) {
	rulestest.Bench(b, encoding.ControlCharacters(), benchText(b))
}
func BenchmarkInvisibleCharacters(b *testing.B) {
	rulestest.Bench(b, encoding.InvisibleCharacters(), benchText(b))
}
func BenchmarkSoftHyphen(b *testing.B) {
	rulestest.Bench(b, encoding.SoftHyphen(), benchText(b))
}
func BenchmarkNonbreakingSpace(b *testing.B) {
	rulestest.Bench(b, encoding.NonbreakingSpace(), benchText(b))
}
func BenchmarkMixedLineEndings(b *testing.B) {
	rulestest.Bench(b, encoding.MixedLineEndings(), benchText(b))
}

// TestEncodingLargeInputs runs every rule of both families on inputs that would
// be slow with a quadratic step: long runs of mojibake around no-break spaces and
// soft hyphens, many short lines, one long line.
func TestEncodingLargeInputs(t *testing.T) {
	if testing.Short() {
		t.Skip("large inputs")
	}
	inputs := map[string]string{
		"nbsp mojibake": strings.Repeat("\u00c2\u00a0", 50000),
		"shy mojibake":  strings.Repeat("\u00c3\u00ad", 50000),
		"c1 mojibake":   strings.Repeat("\u00e2\u0080\u0094", 30000),
		"short lines":   strings.Repeat("a\n", 100000),
		"long line":     strings.Repeat("word ", 400000),
		"mixed":         strings.Repeat("x\u00a0y\r\nz\u00ad\u200b\n", 300),
	}
	all := []rules.Rule{repetition.RepeatedParagraph(), repetition.GopherRepetition()}
	for _, tc := range rulesUnderTest {
		all = append(all, tc.rule)
	}
	for name, text := range inputs {
		for _, r := range all {
			fs := rulestest.Check(r, text)
			if err := rulestest.Properties(text, fs); err != nil {
				t.Errorf("%s on %s: %v", r.Meta().Name, name, err)
			}
		}
	}
}
