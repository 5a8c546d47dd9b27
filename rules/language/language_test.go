package language_test

import (
	"strings"
	"testing"

	"github.com/corpuslint/corpuslint/rules"
	"github.com/corpuslint/corpuslint/rules/language"
	"github.com/corpuslint/corpuslint/rules/rulestest"
)

func TestLanguageGolden(t *testing.T) {
	rulestest.Run(t, language.Language(), "../../testdata/rules/language")
}

// The language and its score are in the finding's Score.
func TestLanguageScore(t *testing.T) {
	fs := rulestest.Check(language.Language(), "Der Stadtrat hat am Dienstag nach einer langen Debatte den neuen Haushalt beschlossen.")
	if len(fs) != 1 || fs[0].Score == nil || fs[0].Score.Name != "language_score:de" || fs[0].Score.Value < 0.65 {
		t.Fatalf("want one finding scored language_score:de, got %+v", fs)
	}
}

// A tie between the two best languages is undetermined, the same on every
// run: whatlanggo breaks ties in map order (a document of "a  " came out Czech
// or Hungarian from one run to the next).
func TestLanguageTieIsUndetermined(t *testing.T) {
	text := strings.Repeat("a  ", 2000)
	var first string
	for i := range 30 {
		fs := rulestest.Check(language.Language(), text)
		if len(fs) != 1 || fs[0].Score == nil {
			t.Fatalf("want one finding with a score, got %+v", fs)
		}
		got := fs[0].Message + " " + fs[0].Score.Name
		if i == 0 {
			first = got
			if fs[0].Score.Name != "language_score:und" || !strings.Contains(got, "undetermined (und)") {
				t.Fatalf("a tie: want language und, got %q", got)
			}
		} else if got != first {
			t.Fatalf("run %d: %q, first run %q", i, got, first)
		}
	}
}

// An unknown code is an option error naming the code.
func TestLanguageOptions(t *testing.T) {
	_, err := language.Language().(rules.Configurable).Configure(map[string]any{"expected": []any{"en", "xx"}})
	if err == nil || !strings.Contains(err.Error(), `"xx"`) {
		t.Fatalf("want an error naming xx, got %v", err)
	}
	r, err := language.Language().(rules.Configurable).Configure(map[string]any{"expected": []any{"ENG", "deu"}})
	if err != nil {
		t.Fatal(err)
	}
	if got := r.(rules.Configurable).Options()["expected"]; strings.Join(got.([]string), ",") != "en,de" {
		t.Errorf("expected codes not normalised: %v", got)
	}
}

// BenchmarkLanguage checks one page of English prose of about 2,000 bytes (the
// sample size), the cost of the rule per document.
func BenchmarkLanguage(b *testing.B) {
	para := "The council approved the new budget on Tuesday after a long debate about school funding, and the mayor said the plan would protect libraries and parks.\n"
	txt := strings.Repeat(para, 2000/len(para)+1)
	r := language.Language()
	b.SetBytes(int64(len(txt)))
	for b.Loop() {
		rulestest.Check(r, txt)
	}
}
