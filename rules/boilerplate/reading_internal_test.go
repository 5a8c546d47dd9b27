package boilerplate

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/corpuslint/corpuslint/rules"
	"github.com/corpuslint/corpuslint/rules/text"
)

// An analysis reused after Release gives what a new one gives, whatever the
// documents before it left in its arrays: longer, shorter, empty, with and
// without the boilerplate model's reading.
func TestAnalysisRelease(t *testing.T) {
	texts := []string{
		testPage,
		"",
		"one line",
		strings.Repeat("Home\nNews\nSport\n\n", 40) + testPage + strings.Repeat("Share this:\nFacebook\n", 20),
		"\ufeffA wrapped paragraph that goes on\nand on over a line break, as converters\nleave it.\n\nShort.",
		"x\r\ny\r\n" + strings.Repeat("é", 9000) + "\n",
		testPage,
	}
	rs := []rules.Rule{LeadingBoilerplate(), TrailingBoilerplate(), InlineBoilerplate()}
	describe := func(a *text.Analysis, txt string) string {
		var b strings.Builder
		fmt.Fprintf(&b, "%v|%v|%v|%v\n", a.Lines(), a.Words(), a.Paragraphs(), a.Sentences())
		for _, off := range []int{0, len(txt) / 3, len(txt) / 2, len(txt)} {
			l, c := a.Position(off)
			fmt.Fprintf(&b, "%d:%d ", l, c)
		}
		for _, f := range rules.Run(rs, &rules.Document{Text: txt}, a, nil) {
			fix, score := *f.Fix, *f.Score
			f.Fix, f.Score = nil, nil
			fmt.Fprintf(&b, "%+v %+v %+v\n", f, fix, score)
		}
		if rd := text.Result(a, readingKey, newReading); rd.doc != nil {
			d := rd.doc
			fmt.Fprintf(&b, "%+v %v %v", d.ls, d.prob, d.pos)
			for i := range d.ls {
				fmt.Fprintf(&b, " %v", d.row(i))
			}
		}
		return b.String()
	}
	for round := 0; round < 2; round++ {
		for i, txt := range texts {
			want := describe(text.NewUnshared(txt), txt)
			a := text.NewAnalysis(txt)
			if got := describe(a, txt); got != want {
				t.Fatalf("round %d, text %d: a reused analysis gives\n%s\nwant\n%s", round, i, got, want)
			}
			a.Release()
		}
	}
	if !reflect.DeepEqual(text.NewAnalysis("a").Lines(), []text.Line{{Start: 0, End: 1, Next: 1}}) {
		t.Fatal("Lines of a reused analysis")
	}
}
