package language_test

import (
	"bufio"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/corpuslint/corpuslint/rules"
	"github.com/corpuslint/corpuslint/rules/language"
	"github.com/corpuslint/corpuslint/rules/rulestest"
)

// detected returns the language code the rule names for txt: every confident
// detection is a finding when the only expected language is one no text is in.
func detected(t *testing.T, r rules.Rule, txt string) string {
	t.Helper()
	fs := rulestest.Check(r, txt)
	if len(fs) != 1 || fs[0].Score == nil || fs[0].Score.Op != "not in expected" {
		return "" // unsure (below min-score)
	}
	return strings.TrimPrefix(fs[0].Score.Name, "language_score:")
}

var codeRE = regexp.MustCompile(`^[a-z]{2,3}$`)

// Accuracy on the sentences of testdata/eval/language: at least 50 of 60 whole
// sentences (measured 52) and, cut to three words, at least 25 named right
// (measured 31; the rest wrong or unsure).
func TestLanguageAccuracy(t *testing.T) {
	f, err := os.Open("../../testdata/eval/language/sentences.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r, err := language.Language().(rules.Configurable).Configure(map[string]any{"expected": []any{"zu"}, "min-score": 0.0})
	if err != nil {
		t.Fatal(err)
	}
	var n, whole, short int
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		code, txt, ok := strings.Cut(sc.Text(), "\t")
		if !ok || !codeRE.MatchString(code) {
			t.Fatalf("bad line %q", sc.Text())
		}
		n++
		if detected(t, r, txt) == code {
			whole++
		}
		if detected(t, r, strings.Join(strings.Fields(txt)[:3], " ")) == code {
			short++
		}
	}
	t.Logf("%d sentences: %d named right whole, %d cut to three words", n, whole, short)
	if n != 60 || whole < 50 || short < 25 {
		t.Errorf("accuracy fell: %d of %d whole, %d cut to three words", whole, n, short)
	}
}
