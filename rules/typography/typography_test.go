package typography_test

import (
	"reflect"
	"testing"

	"github.com/corpuslint/corpuslint/internal/fix"
	"github.com/corpuslint/corpuslint/rules"
	"github.com/corpuslint/corpuslint/rules/rulestest"
	"github.com/corpuslint/corpuslint/rules/typography"
)

func TestRepeatedSpaces(t *testing.T) { rulestest.Golden(t, typography.RepeatedSpaces()) }
func TestSpaceBeforePunctuation(t *testing.T) {
	rulestest.Golden(t, typography.SpaceBeforePunctuation())
}
func TestExcessBlankLines(t *testing.T) { rulestest.Golden(t, typography.ExcessBlankLines()) }
func TestEllipsisVariants(t *testing.T) { rulestest.Golden(t, typography.EllipsisVariants()) }

func BenchmarkRepeatedSpaces(b *testing.B) {
	rulestest.Bench(b, typography.RepeatedSpaces(), rulestest.BenchText(b, typography.RepeatedSpaces()))
}
func BenchmarkSpaceBeforePunctuation(b *testing.B) {
	rulestest.Bench(b, typography.SpaceBeforePunctuation(), rulestest.BenchText(b, typography.SpaceBeforePunctuation()))
}
func BenchmarkExcessBlankLines(b *testing.B) {
	rulestest.Bench(b, typography.ExcessBlankLines(), rulestest.BenchText(b, typography.ExcessBlankLines()))
}
func BenchmarkEllipsisVariants(b *testing.B) {
	rulestest.Bench(b, typography.EllipsisVariants(), rulestest.BenchText(b, typography.EllipsisVariants()))
}

func FuzzRepeatedSpaces(f *testing.F) {
	rulestest.FuzzRule(f, typography.RepeatedSpaces(), "a  b", "a  b\nc  d", "a.  b", "  a  ")
}
func FuzzSpaceBeforePunctuation(f *testing.F) {
	rulestest.FuzzRule(f, typography.SpaceBeforePunctuation(), "a ,", "a  .", "a ?!", "a . .", "é ,\u00a0")
}
func FuzzExcessBlankLines(f *testing.F) {
	rulestest.FuzzRule(f, typography.ExcessBlankLines(), "a\n\n\n\nb", "\n \n\t\n \n", "a\r\n\r\n\r\n\r\n")
}
func FuzzEllipsisVariants(f *testing.F) {
	rulestest.FuzzRule(f, typography.EllipsisVariants(), "...", "....", ". . .", "a..b", "…...", ". . . . .", "1...2")
}

// TestExcessBlankLinesScore checks the measured run length and the threshold
// against counts made by hand.
func TestExcessBlankLinesScore(t *testing.T) {
	for _, tc := range []struct {
		text string
		max  int
		want []float64
	}{
		{"a\n\nb", 2, nil},
		{"a\n\n\nb", 2, nil},
		{"a\n\n\n\nb", 2, []float64{3}},
		{"a\n \n\t\n\u00a0\n\nb\n\n\n\n\n\n\nc", 2, []float64{4, 6}},
		{"\n\n\n\na", 2, []float64{4}},
		{"a\n\n\nb", 1, []float64{2}},
		{"a\n\n\n\n\n\n\n\n\n\nb", 9, nil},
	} {
		r, err := typography.ExcessBlankLines().(rules.Configurable).Configure(map[string]any{"max_blank_lines": tc.max})
		if err != nil {
			t.Fatal(err)
		}
		var got []float64
		for _, f := range rulestest.Check(r, tc.text) {
			if f.Score == nil || f.Score.Op != ">" || f.Score.Threshold != float64(tc.max) {
				t.Errorf("%q: score %+v, want threshold %d", tc.text, f.Score, tc.max)
				continue
			}
			got = append(got, f.Score.Value)
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%q (max %d): runs %v, want %v", tc.text, tc.max, got, tc.want)
		}
	}
}

// TestEllipsisStyle checks which style a document's fixes write.
func TestEllipsisStyle(t *testing.T) {
	for _, tc := range []struct {
		text, style, fixed string
	}{
		{"a... b… c…", "majority", "a… b… c…"},
		{"a… b... c...", "majority", "a... b... c..."},
		{"a… b...", "majority", "a… b…"},
		{"a... b…", "majority", "a... b..."},
		{"a.... b", "majority", "a... b"},
		{"a.... b…", "majority", "a… b…"},
		{"a . . . b", "unicode", "a … b"},
		{"a… b…", "ascii", "a... b..."},
		{"Introduction ....... 12", "majority", "Introduction ....... 12"},
	} {
		r, err := typography.EllipsisVariants().(rules.Configurable).Configure(map[string]any{"style": tc.style})
		if err != nil {
			t.Fatal(err)
		}
		check := func(s string) []rules.Finding { return rulestest.Check(r, s) }
		if got := fix.Loop(tc.text, nil, check, false).Text; got != tc.fixed {
			t.Errorf("%q (%s): fixed to %q, want %q", tc.text, tc.style, got, tc.fixed)
		}
	}
}

// TestSpaceBeforePunctuationFrench checks that French documents keep their spaces
// before ; : ! ? but not before commas.
func TestSpaceBeforePunctuationFrench(t *testing.T) {
	fr := "Le maire a dit : la ville est prête ! Les écoles sont fermées pour la journée et les habitants sont dans la rue , selon la préfecture.\n"
	fs := rulestest.Check(typography.SpaceBeforePunctuation(), fr)
	if len(fs) != 1 || fr[fs[0].Start:fs[0].End] != " ," {
		t.Errorf("French text: %s", rulestest.FormatFindings(fr, fs))
	}
	en := "The mayor said : the city is ready ! Schools are closed for the day and the people are in the street , the prefecture said.\n"
	if fs := rulestest.Check(typography.SpaceBeforePunctuation(), en); len(fs) != 3 {
		t.Errorf("English text: %s", rulestest.FormatFindings(en, fs))
	}
}
