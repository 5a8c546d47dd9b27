package quality

import (
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/corpuslint/corpuslint/rules/rulestest"
	rtext "github.com/corpuslint/corpuslint/rules/text"
	"github.com/corpuslint/corpuslint/rules/text/spacy"
)

// The expected tokens below are what spaCy 3's blank("en") tokenizer gives, worked
// out from its punctuation rules and exceptions; datatrove's split_into_words then
// drops the white-space tokens.
func TestQualityWordTokens(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"  \n\t ", nil},
		{"Hello, world!", []string{"Hello", ",", "world", "!"}},
		{"don't can't It's won't", []string{"do", "n't", "ca", "n't", "It", "'s", "wo", "n't"}},
		{"don’t it’s", []string{"do", "n’t", "it", "’s"}}, // every exception has a "’" version too
		{"25°C.", []string{"25", "°", "C", "."}},          // the "°C." exception re-joins, then splits

		{"John's students' it’s", []string{"John", "'s", "students", "'", "it", "’s"}},
		{"U.S. U.S.-based e-mail well-known COVID-19", []string{"U.S.", "U.S.-based", "e", "-", "mail", "well", "-", "known", "COVID-19"}},
		{"$5.30 10% 5km 25mph 3pm 1990s", []string{"$", "5.30", "10", "%", "5", "km", "25", "mph", "3", "pm", "1990s"}},
		{"Visit www.example.com/foo.", []string{"Visit", "www.example.com/foo", "."}},
		{"end.The", []string{"end", ".", "The"}},
		{"Mr. Smith, St. Louis, e.g. this", []string{"Mr.", "Smith", ",", "St.", "Louis", ",", "e.g.", "this"}},
		{"cannot gonna", []string{"can", "not", "gon", "na"}},
		{"“Yes,” she said.", []string{"“", "Yes", ",", "”", "she", "said", "."}},
		{"Wait... what… ....", []string{"Wait", "...", "what", "…", "...."}},
		{"a—b 10-20 1-800-555", []string{"a", "—", "b", "10", "-", "20", "1", "-", "800", "-", "555"}},
		{"#news -5 •Item", []string{"#", "news", "-5", "•Item"}},
		{"NATO. I. B.", []string{"NATO", ".", "I.", "B."}},
		{"a\u00a0b\x1cc", []string{"a", "b", "c"}},
		// the special-case matcher re-joins exceptions that affixes split apart
		{"Update (AP): (1-8) word:)", []string{"Update", "(", "AP", "):", "(", "1", "-", "8)", "word", ":)"}},
		// a match that is not kept still blocks the next: ":):)" gives ":)" ":" ")"
		{"x.:):)", []string{"x.", ":)", ":", ")"}},
		// matches across a space take part but are not re-joined: "[ :" blocks ":)"
		{"[ :)¥", []string{"[", ":", ")", "¥"}},
		{"(8)", []string{"(", "8)"}},
	} {
		var got []string
		for _, sp := range spacy.WordsOf(tc.in) {
			got = append(got, tc.in[sp.Start:sp.End])
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("words(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestQualityURL checks IsURL against the answers of spaCy's URL_MATCH expression
// (with its look-aheads) run by Python's re.
func TestQualityURL(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want bool
	}{
		{"www.example.com", true},
		{"example.com/foo", true},
		{"http://example.com", true},
		{"https://user:pw@example.co.uk:8080/a?b#c", true},
		{"example.Com", false},
		{"e.g", false},
		{"U.S", false},
		{"file.txt", true},
		{"8.8.8.8", true},
		{"10.0.0.1", false},
		{"192.168.1.1", false},
		{"172.16.0.1", false},
		{"172.32.0.1", true},
		{"8.8.8.8:53/dns", true},
		{"1.2.3", false},
		{"user@example.com", true},
		{"a.b", false},
		{"-a.com", false},
		{"a-.com", false},
		{"a_b.com", true},
		{"中国.中国", true},
		{"example.com:1", false},
		{"example.com:123456", false},
		{"x.ab!", false},
		{"http://1.2.3.4", true},
		{"256.1.1.1", false},
		{"1.2.3.255", false},
		{"1.2.3.254", true},
	} {
		if got := spacy.IsURL(tc.in); got != tc.want {
			t.Errorf("qIsURL(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

func TestQualitySentenceCount(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int
	}{
		{"Hello there. How are you? Fine.", 3},
		{"Mr. Smith went home.", 1},
		{"Wait... what?", 1}, // "..." is not one of the sentencizer's characters
		{"Hi! ! Yes.", 2},    // punctuation after "!" does not start a sentence
		{"Yes. (No.) Maybe", 3},
		{"one line without a stop", 1},
	} {
		if got := spacy.SentenceCount(tc.in); got != tc.want {
			t.Errorf("sentences(%q) = %d, want %d", tc.in, got, tc.want)
		}
	}
}

func TestQualitySplitLines(t *testing.T) {
	collect := func(s string) []string {
		var out []string
		spacy.SplitLines(s, func(a, b, _ int) { out = append(out, s[a:b]) })
		return out
	}
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"\n", []string{""}},
		{"a\n\n", []string{"a", ""}},
		{"a\r\nb\rc\u2028d\x1ce\u0085f\vg\fh", []string{"a", "b", "c", "d", "e", "f", "g", "h"}},
		{"no break", []string{"no break"}},
	} {
		if got := collect(tc.in); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("splitlines(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if a, b := spacy.PyStrip("\x1c\u00a0 x y\u2003\t"); a != 4 || b != 7 {
		t.Errorf("strip = [%d,%d), want [4,7)", a, b)
	}
}

// TestGopherMeasure checks every GopherQualityFilter measurement against a count by
// hand. The tokens of the document are: The cat sat . It 's # 1 ! - item ... • next …
// (15); ".", "#", "!", "-", "..." and "…" are punctuation only, so 9 words of
// 3+3+3+2+2+1+4+1+4 = 23 characters remain; 7 tokens have a letter; "•" is not in
// datatrove's punctuation, "'s" has a letter.
func TestGopherMeasure(t *testing.T) {
	text := "The cat sat. It's #1!\n- item ...\n  • next…\n"
	st := gopherMeasureOf(text, spacy.WordsOf(text), appendLines(nil, text), gopherStopWords)
	want := gopherStats{Tokens: 15, Words: 9, MeanLength: 23.0 / 9, Hashes: 1, Ellipses: 2,
		Lines: 3, BulletLines: 2, EllipsisLines: 2, AlphaTokens: 7}
	if !reflect.DeepEqual(st, want) {
		t.Errorf("measure = %+v\nwant      %+v", st, want)
	}

	// stop words are matched case-sensitively and counted once each
	st = gopherMeasureOf("The the the and The AND", spacy.WordsOf("The the the and The AND"), appendLines(nil, "The the the and The AND"), gopherStopWords)
	if !reflect.DeepEqual(st.StopWords, []string{"the", "and"}) {
		t.Errorf("stop words = %q, want [the and]", st.StopWords)
	}
	// "...." holds one "..." and a dot; "......" two
	if st := gopherMeasureOf("a.... b...... c…", spacy.WordsOf("a.... b...... c…"), appendLines(nil, "a.... b...... c…"), nil); st.Ellipses != 4 {
		t.Errorf("ellipses = %d, want 4", st.Ellipses)
	}
	if st := gopherMeasureOf("", spacy.WordsOf(""), appendLines(nil, ""), nil); st.Tokens != 0 || st.Lines != 0 || !math.IsNaN(st.MeanLength) {
		t.Errorf("empty measure = %+v", st)
	}
	// only • and - are bullets, after leading white space
	if st := gopherMeasureOf("* a\n‣ b\n - c\n\t• d\n–e\n", spacy.WordsOf("* a\n‣ b\n - c\n\t• d\n–e\n"), appendLines(nil, "* a\n‣ b\n - c\n\t• d\n–e\n"), nil); st.BulletLines != 2 || st.Lines != 5 {
		t.Errorf("bullets = %d of %d, want 2 of 5", st.BulletLines, st.Lines)
	}
}

// TestFineWebMeasure checks every FineWebQualityFilter measurement by hand on
// "Hello world.\n\nHello world.\nshort\r\n<51 characters>!\n": split at "\n" there
// are 4 non-blank lines (the blank ones are left out, and are not duplicates); 3
// end in . or ! ("short\r" ends in "\r"); 3 have 30 characters or fewer; the second
// "Hello world." repeats 12 characters; 86 characters less 5 line feeds is 81; the
// words are Hello world . Hello world . short A longer line that has more than
// thirty characters ! (17).
func TestFineWebMeasure(t *testing.T) {
	text := "Hello world.\n\nHello world.\nshort\r\nA longer line that has more than thirty characters!\n"
	st := fineWebMeasure(text, spacy.WordsOf(text), fineWebDefaults())
	want := fineWebStats{Lines: 4, PunctLines: 3, ShortLines: 3, DupChars: 12, Chars: 81, NewLines: 5, Words: 17}
	if st != want {
		t.Errorf("measure = %+v\nwant      %+v", st, want)
	}
	// a line of white space is blank; a repeated line counts its characters each time after the first
	st = fineWebMeasure("ab\n \t\nab\nab\n\n", spacy.WordsOf("ab\n \t\nab\nab\n\n"), fineWebDefaults())
	if st.Lines != 3 || st.DupChars != 4 {
		t.Errorf("lines %d dup %d, want 3 and 4", st.Lines, st.DupChars)
	}
	o := fineWebDefaults()
	o.stopChars = []string{"!"}
	if st := fineWebMeasure("a.\nb!\n", spacy.WordsOf("a.\nb!\n"), o); st.PunctLines != 1 {
		t.Errorf("custom stop chars: %d punct lines, want 1", st.PunctLines)
	}
	// terminal punctuation of other scripts counts: Devanagari danda, ideographic full stop
	if st := fineWebMeasure("नमस्ते।\n你好。\nhello\n", spacy.WordsOf("नमस्ते।\n你好。\nhello\n"), fineWebDefaults()); st.PunctLines != 2 {
		t.Errorf("punct lines = %d, want 2", st.PunctLines)
	}
}

func TestC4Measure(t *testing.T) {
	if got := c4Citations("a[1] b[] c[edit] d[citation needed] e[x] f[١٢]", 0); len(got) != 5 {
		t.Errorf("citations = %v, want 5 matches", got)
	}
	for _, tc := range []struct {
		in              string
		words, longWord int
	}{
		{"", 0, 0}, {"  a  bb\tccc ", 3, 3}, {"naïve café", 2, 5},
	} {
		if w, l := pySplitStats(tc.in); w != tc.words || l != tc.longWord {
			t.Errorf("split(%q) = %d words, longest %d; want %d, %d", tc.in, w, l, tc.words, tc.longWord)
		}
	}
	var reasons []string
	text := "Heading\n\nA line with three.\nYes.\nOK then...\nEnable JavaScript now please.\nRead our Terms of Use today.\n" +
		"Two sentences here. And a second one.[1]\n" + strings.Repeat("x", 1001) + " word end.\n"
	n := c4Walk(text, appendLines(nil, text), c4Defaults(), rtext.NewAnalysis(text), func(ln c4Line) { reasons = append(reasons, ln.reason) })
	want := []string{"no_terminal_punc", "no_terminal_punc", "", "too_few_words", "no_terminal_punc", "javascript", "policy", "", "too_long_word"}
	if !reflect.DeepEqual(reasons, want) {
		t.Errorf("reasons = %q\nwant      %q", reasons, want)
	}
	if n != 3 {
		t.Errorf("sentences = %d, want 3", n)
	}
	if got := string(asciiLowerInto([]byte("x"), "LOREM Ipsum ÉTÉ")); got != "xlorem ipsum ÉtÉ" {
		t.Errorf("asciiLowerInto = %q", got)
	}
}

func TestQualityFormat(t *testing.T) {
	for _, tc := range []struct {
		v, t float64
		want string
	}{
		{0.7999, 0.8, "0.7999"}, {0.5, 0.8, "0.5"}, {2.0 / 3, 0.67, "0.667"}, {0.1, 0.1, "0.1"}, {24.30555, 10, "24.306"},
	} {
		if got := format(tc.v, tc.t); got != tc.want {
			t.Errorf("qFormat(%v, %v) = %q, want %q", tc.v, tc.t, got, tc.want)
		}
	}
}

// c4PolicyIn finds the phrase the plain loop over c4Policy finds, and every
// phrase it skips without "cookie" holds "cookie".
func TestC4PolicyInMatchesLoop(t *testing.T) {
	for _, ph := range c4Policy[c4CookieFrom:] {
		if !strings.Contains(ph, string(c4Cookie)) {
			t.Fatalf("policy phrase %q lacks %q", ph, c4Cookie)
		}
	}
	parts := append([]string{"cookie", "cookies", "use ", "of ", "terms", "privacy", " policy", "x", " "}, c4Policy...)
	r := rand.New(rand.NewPCG(5, 6))
	for iter := 0; iter < 20000; iter++ {
		var b strings.Builder
		for n := r.IntN(6); n > 0; n-- {
			b.WriteString(parts[r.IntN(len(parts))])
		}
		line := b.String()
		want := -1
		for i, ph := range c4Policy {
			if strings.Contains(line, ph) {
				want = i
				break
			}
		}
		if got := c4PolicyIn([]byte(line)); got != want {
			t.Fatalf("c4PolicyIn(%q) = %d, want %d", line, got, want)
		}
	}
}

// The lines split once in the analysis are Python's splitlines with
// PyStrip's bounds, blank and white-space lines included.
func TestLinesOfMatchesSplitLines(t *testing.T) {
	for _, s := range []string{"", "a", "a\n", " a \r\n\n\tb\u2028 \x1c c \u0085", "  \n \t", "x\r\ry"} {
		var want []pyLine
		spacy.SplitLines(s, func(start, end, next int) {
			a, b := spacy.PyStrip(s[start:end])
			want = append(want, pyLine{start, end, next, start + a, start + b})
		})
		a := rtext.NewAnalysis(s)
		got := linesOf(a)
		if !slices.Equal(got, want) {
			t.Errorf("linesOf(%q) = %v, want %v", s, got, want)
		}
		if again := linesOf(a); len(again) > 0 && &again[0] != &got[0] {
			t.Errorf("linesOf(%q) split the text twice", s)
		}
		a.Release()
	}
}

// fineWebMeasure counts the characters but line feeds line by line; they
// are the text's, invalid UTF-8 included, and its duplicate lines are a map's.
func TestFineWebCountsMatchText(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	parts := []string{"a", "é", "\n", "\xe2\x80", "\xff", "\xe2", " ", "ab.", "\n\n"}
	for iter := 0; iter < 5000; iter++ {
		var b strings.Builder
		for n := r.IntN(30); n > 0; n-- {
			b.WriteString(parts[r.IntN(len(parts))])
		}
		s := b.String()
		st := fineWebMeasure(s, nil, fineWebDefaults())
		nl := strings.Count(s, "\n")
		if st.NewLines != nl || st.Chars != utf8.RuneCountInString(s)-nl {
			t.Fatalf("%q: %d line feeds, %d characters; want %d, %d", s, st.NewLines, st.Chars, nl, utf8.RuneCountInString(s)-nl)
		}
		dup, seen := 0, map[string]bool{}
		for _, line := range strings.Split(s, "\n") {
			if a, b := spacy.PyStrip(line); a < b {
				if seen[line] {
					dup += utf8.RuneCountInString(line)
				}
				seen[line] = true
			}
		}
		if st.DupChars != dup {
			t.Fatalf("%q: %d duplicate characters, want %d", s, st.DupChars, dup)
		}
	}
}

// BenchmarkMeasures measures each quality rule's own work on about 1 MB of
// the golden inputs once the shared pieces exist (spaCy's tokens and the
// lines, computed once per document in its analysis), and the splitting of
// the lines.
func BenchmarkMeasures(b *testing.B) {
	var docs []string
	var as []*rtext.Analysis
	size := 0
	for size < 1<<20 {
		for _, s := range rulestest.GoldenInputs(b, "../../testdata/rules/gopher-quality") {
			a := rtext.NewUnshared(s)
			spacy.WordIDs(a)
			linesOf(a)
			docs, as = append(docs, s), append(as, a)
			size += len(s)
		}
	}
	run := func(name string, f func(i int)) {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(size))
			b.ReportAllocs()
			for n := 0; n < b.N; n++ {
				for i := range docs {
					f(i)
				}
			}
		})
	}
	run("lines", func(i int) { appendLines(nil, docs[i]) })
	// The word ids are shared by gopher-quality and gopher-repetition.
	var ids rtext.WordIDs
	run("word-ids", func(i int) { ids.Build(docs[i], spacy.Words(as[i])) })
	run("gopher-quality", func(i int) {
		gopherMeasure(docs[i], spacy.Words(as[i]), spacy.WordIDs(as[i]), linesOf(as[i]), gopherStopWords)
	})
	run("c4-quality", func(i int) { c4Walk(docs[i], linesOf(as[i]), c4Defaults(), as[i], func(c4Line) {}) })
	run("fineweb-quality", func(i int) { fineWebMeasure(docs[i], spacy.Words(as[i]), fineWebDefaults()) })
}

// gopherMeasureOf is gopherMeasure with the word ids built from words.
func gopherMeasureOf(txt string, words []rtext.Span, lines []pyLine, stopWords []string) gopherStats {
	var ids rtext.WordIDs
	ids.Build(txt, words)
	return gopherMeasure(txt, words, &ids, lines, stopWords)
}

// refSplitStats is pySplitStats by its definition: the fields of Python's
// str.split() and the longest in code points.
func refSplitStats(line string) (words, longest int) {
	for _, f := range strings.FieldsFunc(line, spacy.IsPySpace) {
		words++
		longest = max(longest, utf8.RuneCountInString(f))
	}
	return words, longest
}

// TestPySplitStatsMatchesFields holds pySplitStats (eight bytes at a time
// through printable ASCII) equal to its definition.
func TestPySplitStatsMatchesFields(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	pick := []string{"a", "Z", "~", "!", "\x7f", "\x21", " ", "\t", "\n", "\x1c", "\x1f", "\x0b", "\x00", "\x08", "\x0e",
		"\u00a0", "\u2003", "\u3000", "é", "日", "\xff", "\xe2\x80", "\u0085"}
	for iter := 0; iter < 50000; iter++ {
		var b strings.Builder
		for k := r.IntN(30); k > 0; k-- {
			b.WriteString(pick[r.IntN(len(pick))])
		}
		s := b.String()
		w1, l1 := pySplitStats(s)
		w2, l2 := refSplitStats(s)
		if w1 != w2 || l1 != l2 {
			t.Fatalf("pySplitStats(%q) = %d, %d; want %d, %d", s, w1, l1, w2, l2)
		}
	}
}

func FuzzPySplitStats(f *testing.F) {
	f.Add("  a  bb\tccc naïve\u00a0café abcdefghijklmnop")
	f.Fuzz(func(t *testing.T, s string) {
		w1, l1 := pySplitStats(s)
		w2, l2 := refSplitStats(s)
		if w1 != w2 || l1 != l2 {
			t.Fatalf("pySplitStats(%q) = %d, %d; want %d, %d", s, w1, l1, w2, l2)
		}
	})
}

// BenchmarkPySplitStats measures c4-quality's word count of a line of prose.
func BenchmarkPySplitStats(b *testing.B) {
	line := strings.Repeat("The council approved the new budget on Tuesday after a long debate, officials said. ", 4)
	b.SetBytes(int64(len(line)))
	for b.Loop() {
		pySplitStats(line)
	}
}
