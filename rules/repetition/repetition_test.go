package repetition_test

import (
	"math"
	"os"
	"strings"
	"testing"

	"github.com/corpuslint/corpuslint/rules"
	"github.com/corpuslint/corpuslint/rules/repetition"
	"github.com/corpuslint/corpuslint/rules/rulestest"
	"github.com/corpuslint/corpuslint/rules/text"
)

func TestRepeatedParagraph(t *testing.T) {
	rulestest.Run(t, repetition.RepeatedParagraph(), "../../testdata/rules/repeated-paragraph")
}

func TestGopherRepetition(t *testing.T) {
	rulestest.Run(t, repetition.GopherRepetition(), "../../testdata/rules/gopher-repetition")
}

// TestGopherMeasurements checks each Gopher measurement against values computed
// by hand from datatrove's definitions.
func TestGopherMeasurements(t *testing.T) {
	type want struct {
		reason string
		num    float64 // the expected value is num / den
		den    float64
	}
	for _, tc := range []struct {
		name, text string
		want       []want
	}{
		{
			// lines ["x y","x y","z",""]: 1 of 4 repeats (0.25, passes); its 3
			// characters of 10 fail the character check. Words x y x y z: the top
			// 2-gram "x y" occurs twice (3*2); every 3- and 4-gram occurs once and
			// the first counts ("x y x", "x y x y"). Only one 5-gram.
			name: "lines and top n-grams",
			text: "x y\nx y\nz\n",
			want: []want{{"dup_line_char_frac", 3, 10}, {"top_2_gram", 6, 10}, {"top_3_gram", 5, 10}, {"top_4_gram", 7, 10}},
		},
		{
			// Blank lines are no duplicate lines: "\n+" splits three lines, and
			// the paragraphs are the same three. The n-grams all occur once, so
			// the first counts: "alpha beta" (10 of 86, passes), "alpha beta
			// gamma" (16) and "alpha beta gamma delta" (22).
			name: "blank lines",
			text: "alpha beta gamma delta epsilon\n\n\n\nzeta eta theta iota kappa\n\n\n\nlambda mu nu xi omicron",
			want: []want{{"top_2_gram", 0, 1}, {"top_3_gram", 16, 86}, {"top_4_gram", 22, 86}},
		},
		{
			// The text is not stripped before the line split: the leading and
			// trailing "\n" leave two empty lines, one a duplicate (1 of 3). The
			// first 4-gram "foo bar baz qux" covers 15 of 70 characters.
			name: "unstripped lines",
			text: "\nfoo bar baz qux quux corge grault garply waldo fred plugh xyzzy thud\n",
			want: []want{{"dup_line_frac", 1, 3}, {"top_3_gram", 0, 1}, {"top_4_gram", 15, 70}},
		},
		{
			// Paragraphs of text.strip() split at "\n{2,}": 1 of 3 repeats, 8 of 30
			// characters; lines: 1 of 4 (passes), 8 of 30 characters.
			name: "paragraphs",
			text: "para one\n\npara two\n\npara one\n\n",
			want: []want{{"dup_para_frac", 1, 3}, {"dup_para_char_frac", 8, 30}, {"dup_line_char_frac", 8, 30},
				{"top_2_gram", 16, 30}, {"top_3_gram", 13, 30}, {"top_4_gram", 17, 30}, {"duplicated_5_n_grams", 0, 1}},
		},
		{
			// find_all_duplicate: 5-grams abcde bcdea cdeab deabc eabcd are new,
			// then abcde repeats (5 characters, joined without spaces) and the walk
			// jumps past the end. Top 2-gram "a b" (first of the twice-seen).
			name: "duplicate 5-grams",
			text: "a b c d e a b c d e",
			want: []want{{"top_2_gram", 6, 19}, {"top_3_gram", 10, 19}, {"top_4_gram", 14, 19}, {"duplicated_5_n_grams", 5, 19}},
		},
		{
			// datatrove joins the words of a duplicate n-gram without spaces, so
			// "ab c d e f" and "a bc d e f" are the same 5-gram ("abcdef").
			name: "joined without spaces",
			text: "ab c d e f a bc d e f",
			// The top 2- and 3-grams "d e" and "d e f" occur twice; every 4-gram
			// once, the first "ab c d e" counts.
			want: []want{{"top_2_gram", 6, 21}, {"top_3_gram", 10, 21}, {"top_4_gram", 8, 21}, {"duplicated_5_n_grams", 6, 21}},
		},
		{
			// Counter.most_common(1) returns the first of the most frequent
			// 2-grams ("aa b", 4*2 = 8), not the longest ("b ccc", 5*2). The four
			// 5-grams are all different.
			name: "top n-gram tie",
			text: "aa b ccc b aa b ccc b",
			want: []want{{"top_2_gram", 8, 21}, {"top_3_gram", 16, 21}, {"top_4_gram", 20, 21}, {"duplicated_5_n_grams", 0, 1}},
		},
		{
			// spaCy splits "Don't" into "Do" "n't" and the full stops off: the top
			// 2-gram is "Do n't" (6 characters, twice, of 23), the top 3-gram "Do
			// n't stop" (11, twice), the top 4-gram "Do n't stop ." (13, twice).
			name: "tokenizer",
			text: "Don't stop. Don't stop.",
			want: []want{{"top_2_gram", 12, 23}, {"top_3_gram", 22, 23}, {"top_4_gram", 26, 23}},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := repetition.GopherMeasure(tc.text)
			wantN := 0
			for _, w := range tc.want {
				if w.num != 0 {
					wantN++
				}
			}
			if len(got) != wantN {
				t.Errorf("got %d failed checks %+v, want %d", len(got), got, wantN)
			}
			for _, w := range tc.want {
				var found *repetition.ExportedFailure
				for i := range got {
					if got[i].Reason == w.reason {
						found = &got[i]
					}
				}
				if w.num == 0 {
					if found != nil {
						t.Errorf("%s failed with %v, want it to pass", w.reason, found.Value)
					}
					continue
				}
				if found == nil {
					t.Errorf("%s passed, want %v/%v", w.reason, w.num, w.den)
					continue
				}
				if math.Abs(found.Value-w.num/w.den) > 1e-12 {
					t.Errorf("%s = %v, want %v/%v = %v", w.reason, found.Value, w.num, w.den, w.num/w.den)
				}
			}
		})
	}
}

func TestGopherRepetitionOptions(t *testing.T) {
	r := repetition.GopherRepetition().(rules.Configurable)
	if _, err := r.Configure(r.Options()); err != nil {
		t.Fatalf("the rule's own options do not configure it: %v", err)
	}
	for _, tc := range []struct {
		opts map[string]any
		want string
	}{
		{map[string]any{"dup_line_frac": 1.5}, "dup_line_frac"},
		{map[string]any{"dup_para_frac": "0.3"}, "dup_para_frac"},
		{map[string]any{"top_n_grams": []any{[]any{2.5, 0.2}}}, "top_n_grams"},
		{map[string]any{"dup_n_grams": []any{[]any{5.0}}}, "dup_n_grams"},
		{map[string]any{"dup_n_grams": "5"}, "dup_n_grams"},
		{map[string]any{"min_chars": 3}, "unknown option"},
	} {
		if _, err := r.Configure(tc.opts); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Configure(%v) = %v, want an error naming %q", tc.opts, err, tc.want)
		}
	}
	// Options are not shared: configuring a copy leaves the default alone.
	if _, err := r.Configure(map[string]any{"top_n_grams": [][]float64{{2, 0.5}}}); err != nil {
		t.Fatal(err)
	}
	if got := repetition.GopherRepetition().(rules.Configurable).Options()["top_n_grams"].([][]float64); len(got) != 3 {
		t.Errorf("default top_n_grams changed: %v", got)
	}
	p := repetition.RepeatedParagraph().(rules.Configurable)
	for _, bad := range []map[string]any{{"min_chars": 0}, {"min_chars": 2.5}, {"other": 1}} {
		if _, err := p.Configure(bad); err == nil {
			t.Errorf("repeated-paragraph accepted %v", bad)
		}
	}
}

// TestGopherRepetitionFinding checks the finding's shape: the span of the first
// repeat, the score, and a drop fix over the whole text.
func TestGopherRepetitionFinding(t *testing.T) {
	text := "spam spam spam spam spam spam spam spam\nspam spam spam spam spam spam spam spam\n"
	fs := rulestest.Check(repetition.GopherRepetition(), text)
	if len(fs) == 0 {
		t.Fatal("no finding")
	}
	f := fs[0]
	if f.Score == nil || f.Score.Name != "dup_line_frac" || f.Score.Op != ">" || f.Score.Threshold != 0.3 || math.Abs(f.Score.Value-1.0/3) > 1e-12 {
		t.Errorf("score %+v, want dup_line_frac 1/3 > 0.3", f.Score)
	}
	if text[f.Start:f.End] != "spam spam spam spam spam spam spam spam" || f.Start != 40 {
		t.Errorf("span [%d,%d) %q, want the second line", f.Start, f.End, text[f.Start:f.End])
	}
	if f.Fix == nil || !f.Fix.Drop || len(f.Fix.Edits) != 1 || f.Fix.Edits[0] != (rules.Edit{Start: 0, End: len(text)}) {
		t.Errorf("fix %+v, want a drop of [0,%d)", f.Fix, len(text))
	}
	if !strings.Contains(f.Message, "0.333") || !strings.Contains(f.Message, "0.3") {
		t.Errorf("message %q lacks the value and the threshold", f.Message)
	}
	if m := repetition.GopherRepetition().Meta(); !m.Disabled || m.Matches == "" {
		t.Errorf("meta %+v: want Disabled and Matches", m)
	}
}

func FuzzRepeatedParagraph(f *testing.F) {
	for _, s := range rulestest.GoldenInputs(f, "../../testdata/rules/repeated-paragraph") {
		f.Add(s)
	}
	f.Add("")
	f.Add(strings.Repeat("x", 70) + "\r\n\r\n" + strings.Repeat("x", 70))
	f.Fuzz(func(t *testing.T, s string) {
		rulestest.Fuzz(t, repetition.RepeatedParagraph(), s)
	})
}

func FuzzGopherRepetition(f *testing.F) {
	for _, s := range rulestest.GoldenInputs(f, "../../testdata/rules/gopher-repetition") {
		f.Add(s)
	}
	f.Add("")
	f.Add("\n\n")
	f.Add("a b c d e a b c d e")
	f.Fuzz(func(t *testing.T, s string) {
		rulestest.Fuzz(t, repetition.GopherRepetition(), s)
	})
}

func bench(b *testing.B, r rules.Rule, txt string) {
	doc := &rules.Document{Text: txt, Path: "bench.txt", ID: "bench.txt"}
	a := text.NewAnalysis(txt)
	a.Paragraphs()
	b.SetBytes(int64(len(txt)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		rules.Run([]rules.Rule{r}, doc, a, nil)
	}
}

// BenchmarkRepeatedParagraph measures the rule once the shared analysis exists.
func BenchmarkRepeatedParagraph(b *testing.B) {
	bench(b, repetition.RepeatedParagraph(), rulestest.ShuffledText(b, "repeated-paragraph"))
}

// BenchmarkGopherRepetition measures the whole filter, word tokenizer included.
func BenchmarkGopherRepetition(b *testing.B) {
	bench(b, repetition.GopherRepetition(), rulestest.ShuffledText(b, "repeated-paragraph"))
}

func TestRepSeedFile(t *testing.T) {
	// The shared seed article, where it exists, passes both repetition rules.
	data, err := os.ReadFile("../../shared/seed/000_83fc4e3a81442546.txt")
	if err != nil {
		t.Skip("no shared seed article")
	}
	for _, r := range []rules.Rule{repetition.RepeatedParagraph(), repetition.GopherRepetition()} {
		if fs := rulestest.Check(r, string(data)); len(fs) != 0 {
			t.Errorf("%s flags the seed article:\n%s", r.Meta().Name, rulestest.FormatFindings(string(data), fs))
		}
	}
}
