package boilerplate

import (
	"math"
	"strings"
	"testing"
	"unicode"

	"github.com/corpuslint/corpuslint/rules/boilerplate/model"
	"github.com/corpuslint/corpuslint/rules/text"
)

// The model shipped in the repository fits the features this version computes.
func TestBoilerplateWeights(t *testing.T) {
	if err := CheckModel(model.Builtin()); err != nil {
		t.Fatal(err)
	}
	if len(model.Builtin().Line.Roots) == 0 || len(model.Builtin().Context.Roots) == 0 {
		t.Fatal("the model has no trees")
	}
	bad := *model.Builtin()
	bad.Line.Features = bad.Line.Features[1:]
	if CheckModel(&bad) == nil {
		t.Error("a model with a missing feature passes Check")
	}
}

// Saabas attribution: the contributions along each tree's path add up to the
// leaf values minus the root values, so they explain the whole score.
func TestBoilerplateExplainAddsUp(t *testing.T) {
	a := text.NewAnalysis("Home\nNews\n\nThe council approved the new budget on Tuesday after a long debate about schools.\n© 2019 City Times")
	ls, x := features(a)
	m := model.Builtin().Line
	var roots float32
	for _, r := range m.Roots {
		roots += m.Nodes[r].Value
	}
	for i := range ls {
		row := x[i*numFeatures : (i+1)*numFeatures]
		contrib := make([]float32, numFeatures)
		m.Explain(row, contrib)
		var sum float32
		for _, c := range contrib {
			sum += c
		}
		if got, want := sum, m.LogOdds(row)-m.Bias-roots; math.Abs(float64(got-want)) > 1e-3 {
			t.Errorf("line %d: contributions add to %v, want %v", i, got, want)
		}
	}
}

// Line measurements against values counted by hand.
func TestBoilerplateLineFeatures(t *testing.T) {
	for _, tc := range []struct {
		line  string
		check func(bl *line) bool
		what  string
	}{
		{"The cat sat on the mat.", func(bl *line) bool { return bl.words == 6 && bl.stop == 3 && bl.endKind == endSentence }, "6 words, 3 stop words (the, on, the), sentence end"},
		{"Donald Trump Meets Kim In Hanoi", func(bl *line) bool { return bl.title == 5 && bl.caps == 0 && bl.endKind == endNone }, "5 capitalised words after the first"},
		{"BREAKING NEWS TODAY", func(bl *line) bool { return bl.caps == 3 }, "3 upper-case words"},
		{"[3]: https://example.com/a b", func(bl *line) bool { return bl.has(lfRefLink) && bl.words == 2 }, "the URL's words are hidden: 3 and b"},
		{"* [Home](https://example.com/) and more", func(bl *line) bool {
			return bl.has(lfList) && bl.words == 3 && bl.anchorWord == 1 && int(bl.linkBytes) == len("](https://example.com/")
		}, "list marker; link target bytes hidden; 1 anchor word"},
		{"[3]: https://example.com/a", func(bl *line) bool { return bl.has(lfRefLink) && bl.words == 1 }, "reference definition"},
		{"1) Lego Star Wars", func(bl *line) bool { return bl.has(lfNumbered) && bl.has(lfList) && bl.has(lfStartDigit) }, "numbered item"},
		{"By Jane Doe", func(bl *line) bool { return bl.has(lfByline) && bl.startClass&byline != 0 }, "byline"},
		{"Stand by me, he sang.", func(bl *line) bool { return !bl.has(lfByline) && bl.classes&byline == 0 }, "\"by\" inside a sentence is no byline"},
		{"Share this article", func(bl *line) bool { return bl.classes&share != 0 && bl.phraseWords == 3 }, "a share phrase covering the line"},
		{"© 2019 City Times", func(bl *line) bool { return bl.classes&classCopyright != 0 }, "copyright sign"},
		{"Monday, November 18, 2019, 04:05 pm PT", func(bl *line) bool { return bl.dateWords == 4 && bl.digits == 4 }, "date words: monday, november, pm, pt"},
		{"We use cookies to improve your experience", func(bl *line) bool { return bl.classes&classLegal != 0 }, "cookie notice"},
		{"Lire la suite", func(bl *line) bool { return bl.classes&readMore != 0 && bl.phraseWords == 3 }, "French read-more"},
		{"Schreibe einen Kommentar", func(bl *line) bool { return bl.classes&comment != 0 }, "German comment prompt"},
		{"東京で会議が開かれた。", func(bl *line) bool { return bl.nonLatin == bl.letters && bl.endKind == endSentence }, "CJK letters, ideographic full stop"},
	} {
		a := text.NewAnalysis(tc.line)
		ls, _ := scan(a)
		if len(ls) != 1 {
			t.Fatalf("%q: %d lines", tc.line, len(ls))
		}
		if !tc.check(&ls[0]) {
			t.Errorf("%q: want %s, got %+v", tc.line, tc.what, ls[0])
		}
	}
}

func TestBoilerplateEvidence(t *testing.T) {
	for _, tc := range []struct{ line, want string }{
		{"Advertisement", "advertisement label"},
		{"© Reuters", "copyright line"},
		{"By Jane Doe", "byline"},
		{"Published November 19, 2019 6:18 p.m.", "byline"},
		{"November 19, 2019", "date line"},
		{"Home Depot shares fell on Tuesday", ""},          // one nav word in a sentence
		{"June 10 -- Coastal Credit Union Music Park", ""}, // "credit" alone proves nothing
		{"[12]: https://example.com/page", "reference link"},
		{"679", ""}, // a number is no date
		{"Share on Facebook", "share prompt"},
	} {
		a := text.NewAnalysis(tc.line)
		ls, _ := scan(a)
		if got := evidence(&ls[0]); got != tc.want {
			t.Errorf("%q: evidence %q, want %q", tc.line, got, tc.want)
		}
	}
}

// Duplicates within the document and wrapped paragraphs.
func TestBoilerplateDocumentFeatures(t *testing.T) {
	txt := "Home\nNews\n\nthe council approved the new budget on Tuesday after a\nlong debate that lasted more than six hours and ended\nwith a vote of seven to two.\n\nHome\n"
	ls, _ := scan(text.NewAnalysis(txt))
	if ls[0].dups != 1 || ls[len(ls)-1].dups != 1 || ls[1].dups != 0 {
		t.Errorf("dups %d %d %d, want 1 0 1", ls[0].dups, ls[1].dups, ls[len(ls)-1].dups)
	}
	for i := 2; i <= 4; i++ {
		if ls[i].paraLines != 3 || !ls[i].has(lfParaProse) || !ls[i].has(lfProse) {
			t.Errorf("line %d of the wrapped paragraph: %+v", i, ls[i])
		}
	}
	if ls[0].has(lfProse) {
		t.Errorf("a menu item reads as running text")
	}
}

// The main text and the regime, on probabilities set by hand: a long menu above
// the text and a footer below make a whole-page dump; the same text with a table
// after a short intro does not.
func TestBoilerplateMainText(t *testing.T) {
	mk := func(spec string) (func(int) bool, func(int) int, []float64) {
		var prose []bool
		var words []int
		var p []float64
		for _, c := range spec {
			switch c {
			case 'T': // a line of running text the model keeps
				prose, words, p = append(prose, true), append(words, 25), append(p, 0.05)
			case 'm': // a menu line
				prose, words, p = append(prose, false), append(words, 1), append(p, 0.97)
			case 'c': // a table cell
				prose, words, p = append(prose, false), append(words, 1), append(p, 0.95)
			}
		}
		return func(i int) bool { return prose[i] }, func(i int) int { return words[i] }, p
	}
	pr, w, p := mk("mmmmmmmmmmTTTTTmm")
	r := mainText(len(p), pr, w, func(int) bool { return false }, p)
	if r.start != 10 || r.end != 14 || r.lead != 10 || r.trail != 2 || !r.page {
		t.Errorf("menus around text: %+v", r)
	}
	pr, w, p = mk("TTcccccccccccccccccccccccccccccccTT")
	r = mainText(len(p), pr, w, func(int) bool { return false }, p)
	if r.page {
		t.Errorf("intro, table, outro read as a whole page: %+v", r)
	}
	pr, w, p = mk("mmmmmmm")
	if r := mainText(len(p), pr, w, func(int) bool { return false }, p); r.start != -1 || r.page {
		t.Errorf("a short menu alone: %+v", r)
	}
}

func TestBoilerplateListLike(t *testing.T) {
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"1) Lego Star Wars\n2) Blade Runner\n3) Ghostbusters", true},
		{"June 9 -- Coral Sky Amphitheatre\nJune 10 -- Tampa\nJune 12 -- Atlanta", true},
		{"Subscribe to our newsletter\nFollow us on Twitter\n© 2019 City Times", false},
	} {
		a := text.NewAnalysis(tc.text)
		ls, _ := scan(a)
		idx := make([]int, len(ls))
		for i := range idx {
			idx[i] = i
		}
		if got := listLike(a, ls, idx); got != tc.want {
			t.Errorf("%q: list-like %v, want %v", tc.text, got, tc.want)
		}
	}
}

// The deletion edit of a block: with the line break and blank lines after it,
// or, at the end, with the break before it and the final break kept.
func TestBoilerplateDeleteLines(t *testing.T) {
	txt := "Menu\n\nBody one.\nBody two.\n\nFooter\n"
	a := text.NewAnalysis(txt)
	if e := deleteLines(a, 0, 0); txt[:e.Start]+txt[e.End:] != "Body one.\nBody two.\n\nFooter\n" {
		t.Errorf("leading: %+v", e)
	}
	if e := deleteLines(a, 5, 5); txt[:e.Start]+txt[e.End:] != "Menu\n\nBody one.\nBody two.\n" {
		t.Errorf("trailing: %+v -> %q", e, txt[:e.Start]+txt[e.End:])
	}
	crlf := "Body.\r\nFooter\r\n"
	a = text.NewAnalysis(crlf)
	if e := deleteLines(a, 1, 1); crlf[:e.Start]+crlf[e.End:] != "Body.\r\n" {
		t.Errorf("CRLF trailing: %+v", e)
	}
	if !strings.HasPrefix(contextNames[numFeatures], "first-stage") || len(contextNames) != numStage2 {
		t.Errorf("context names out of step with the vector")
	}
}

// The flattened trees score exactly as the nodes do.
func TestBoilerplateFlatTrees(t *testing.T) {
	f := newFast(model.Builtin())
	if f == nil {
		t.Fatal("the shipped model cannot be flattened")
	}
	a := text.NewAnalysis(testPage)
	_, x := features(a)
	n := len(x) / numFeatures
	x2a, pa := predict(model.Builtin(), x, n)
	x2b, pb := predictFast(model.Builtin(), f, x, n)
	for i := range pa {
		if math.Abs(pa[i]-pb[i]) > 1e-6 {
			t.Fatalf("line %d: nodes give %v, flat trees %v", i, pa[i], pb[i])
		}
	}
	if len(x2a) != len(x2b) {
		t.Fatal("second-stage vectors differ")
	}
}

// Explaining over the flattened trees adds up bit for bit what walking the nodes
// does, padding splits included.
func TestBoilerplateFlatExplain(t *testing.T) {
	f := newFast(model.Builtin())
	txt := strings.Repeat("----\n", 5) + testPage + strings.Repeat("* * *\nShare this:\n", 3) + testPage
	_, x := features(text.NewAnalysis(txt))
	n := len(x) / numFeatures
	x2, _ := predictFast(model.Builtin(), f, x, n)
	for _, st := range []struct {
		m    *model.Trees
		flat []model.FlatTree
		vals []model.FlatVals
		x    []float32
		w    int
	}{{&model.Builtin().Line, f.line, f.lineVals, x, numFeatures}, {&model.Builtin().Context, f.ctx, f.ctxVals, x2, numStage2}} {
		a, b := make([]float32, st.w), make([]float32, st.w)
		for i := 0; i < n; i++ {
			row := st.x[i*st.w : (i+1)*st.w]
			st.m.Explain(row, a)
			model.ExplainFlat(st.flat, st.vals, row, b)
			for k := range a {
				if math.Float32bits(a[k]) != math.Float32bits(b[k]) {
					t.Fatalf("row %d feature %d: nodes %v, flat trees %v", i, k, a[k], b[k])
				}
			}
		}
	}
}

// Scoring identical rows once gives bit for bit what scoring every row does.
func TestBoilerplateMemoExact(t *testing.T) {
	f := newFast(model.Builtin())
	txt := strings.Repeat("----\n", 50) + testPage + strings.Repeat("* * *\nShare this:\n", 30) + testPage
	_, x := features(text.NewAnalysis(txt))
	n := len(x) / numFeatures
	_, got := predictFast(model.Builtin(), f, x, n)
	p1 := make([]float64, n)
	for i := range p1 {
		p1[i] = model.Prob(model.ScoreFlat(model.Builtin().Line.Bias, f.line, x[i*numFeatures:(i+1)*numFeatures]))
	}
	x2 := stage2(x, p1)
	for i := range p1 {
		want := model.Prob(model.ScoreFlat(model.Builtin().Context.Bias, f.ctx, x2[i*numStage2:(i+1)*numStage2]))
		if math.Float64bits(got[i]) != math.Float64bits(want) {
			t.Fatalf("line %d: memoized %v, scored %v", i, got[i], want)
		}
	}
}

// Chinese and Japanese count a word per two characters.
func TestBoilerplateTokenWords(t *testing.T) {
	for _, c := range []struct {
		word string
		want int
	}{
		{"budget", 1}, {"Straße", 1}, {"新竹尖石鄉後山一帶", 4}, {"kindleのプログラムを探し", 4}, {"右", 1},
	} {
		if got := tokenWords(c.word); got != c.want {
			t.Errorf("bpTokenWords(%q) = %d, want %d", c.word, got, c.want)
		}
	}
	a := text.NewAnalysis("まずスタートメーニューからkindleのプログラムを探し、右クリック。\n")
	ls, _ := scan(a)
	if len(ls) != 1 || !ls[0].has(lfProse) || ls[0].words < 12 {
		t.Errorf("a Japanese sentence of 30 characters: %+v, want running text of 12 words or more", ls)
	}
}

const testPage = "Skip to content\nHome\nNews\n\nCouncil approves budget\n\nThe council approved the new budget on Tuesday after a long debate about schools.\n" +
	"The mayor said the plan would protect libraries and parks.\n\nShare this:\nFacebook\n© 2019 City Times. All rights reserved.\n"

func BenchmarkBoilerplateScore(b *testing.B) {
	f := newFast(model.Builtin())
	_, x := features(text.NewAnalysis(testPage))
	row := x[:numFeatures]
	b.Run("nodes", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			model.Builtin().Line.LogOdds(row)
		}
	})
	b.Run("flat", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			model.ScoreFlat(model.Builtin().Line.Bias, f.line, row)
		}
	})
}

// measure skips the letter test in General Punctuation, which holds none.
func TestBoilerplatePunctuationHasNoLetters(t *testing.T) {
	for r := rune(punctFirst); r <= punctLast; r++ {
		if unicode.IsLetter(r) {
			t.Errorf("%U is a letter", r)
		}
	}
}
