package boilerplate

import (
	"strings"
	"testing"

	"github.com/corpuslint/corpuslint/rules/text"
)

func TestBPSelectorLine(t *testing.T) {
	for _, c := range []struct {
		s    string
		want bool
	}{
		{".basel-sticky-btn .basel-sticky-add-to-cart,", true},
		{"button:hover,", true},
		{"img.wp-smiley,", true},
		{"#nav > li a {", true},
		{".yith-woocompare-widget a.button.compare:hover,", true},
		{"a::before, a::after {", true},
		{"in the U.S. and abroad,", false},
		{"visit example.com,", false},
		{"Tomatoes, peppers and herbs,", false},
		{"div, span,", false}, // no class, id or pseudo-class: could be a word list
		{"e.g. the first one,", false},
		{"at 10:30,", false},
		{"button:hover", false}, // no "," or "{" at the end
	} {
		if got := selectorLine(c.s); got != c.want {
			t.Errorf("bpSelectorLine(%q) = %v, want %v", c.s, got, c.want)
		}
	}
}

func TestBPCommentHeaders(t *testing.T) {
	for _, c := range []struct {
		s    string
		want bool
	}{
		{"Catherine (GiveWell) on September 13, 2018 at 5:23 pm said:", true},
		{"* *Alex* on September 17, 2018 at 6:34 am", true},
		{"Milan Griffes on 12 September 2018 at 16:47 said:", true},
		{"Jane says: March 3, 2015 at 4:12 pm", true},
		{"The vote on September 13, 2018 at 5:23 pm was close, officials said:", false},
		{"Trump on Twitter said:", false},
		{"Officials met on Tuesday at 5:23 pm", false},
		{"Maria em 22 de agosto de 2018 às 17:57 disse:", true},
		{"Hans Meier am 22. August 2018 um 17:57 Uhr", true},
		{"Ana dice: 3 de marzo de 2019 a las 10:15", true},
	} {
		if got := headerLine(c.s); got != c.want {
			t.Errorf("bpHeaderLine(%q) = %v, want %v", c.s, got, c.want)
		}
	}
	for _, c := range []struct {
		s    string
		want bool
	}{
		{"August 22, 2018 at 5:57 am", true},
		{"11/20/2019 01:19 AM", true},
		{"22 August 2018, 17:05", true},
		{"22 августа 2018 в 17:57", true},
		{"22 agustus 2018 pukul 17:57", true},
		{"5:57 am", false}, // a time without a date
		{"August 22, 2018", false},
		{"Polls close at 8:00 pm on Tuesday, November 5, 2019", false},
	} {
		if got := dateTimeWords(c.s); got != c.want {
			t.Errorf("bpDateTimeWords(%q) = %v, want %v", c.s, got, c.want)
		}
	}
	for _, c := range []struct {
		s    string
		want bool
	}{
		{"3 thoughts on “How to start a vegetable garden”", true},
		{"Comments", true},
		{"10 Responses to “Open thread”", true},
		{"Leave a Reply", true},
		{"Kommentare", true},
		{"Deixe um comentário", true},
		{"12 комментариев", false}, // a count's plural: a link to the comments, not the heading of a thread
		{"Комментарии", true},
		{"Commentary on the budget", false},
		{"Commenting on the vote, the mayor said the city would appeal.", false},
	} {
		a := text.NewAnalysis(c.s)
		w := new(work)
		ls, _ := w.scan(a, nil)
		if got := commentCue(c.s, &ls[0]); got != c.want {
			t.Errorf("bpCommentCue(%q) = %v, want %v", c.s, got, c.want)
		}
	}
}

// threadOf runs commentThread on text with every line at probability p and
// returns the marked lines as 0/1.
func threadOf(txt string, p float64) string {
	a := text.NewAnalysis(txt)
	w := new(work)
	ls, _ := w.scan(a, nil)
	prob := make([]float64, len(ls))
	for i := range prob {
		prob[i] = p
	}
	marks := make([]bool, len(ls))
	commentThread(a.Text(), ls, prob, marks)
	return marksString(marks, nil)
}

// marksString writes one byte a line: '1' (or 't') where first is set, 'c' where
// second is, else '0'.
func marksString(first, second []bool) string {
	var b strings.Builder
	for i := range first {
		switch {
		case first[i] && second == nil:
			b.WriteByte('1')
		case first[i]:
			b.WriteByte('t')
		case second != nil && second[i]:
			b.WriteByte('c')
		default:
			b.WriteByte('0')
		}
	}
	return b.String()
}

func TestBPCommentThread(t *testing.T) {
	post := "Water in the morning rather than the evening, and feed the plants every two weeks.\n"
	comment := func(name, when, text string) string { return name + "\n" + when + "\n" + text + "\n" }
	c1 := comment("Maria Lopez", "August 22, 2018 at 5:57 am", "Thank you for this, I had no idea that herbs needed so much light.")
	c2 := comment("Tom Becker", "August 22, 2018 at 7:19 am", "Great tips, and strawberries do well in hanging baskets too.")
	for _, c := range []struct {
		name, text, want string
	}{
		{"heading and two comments", post + "2 Comments\n" + c1 + c2 + "Leave a Reply\n", "011111110"},
		{"no heading: a live blog", post + c1 + c2, "0000000"},
		{"one comment is no thread", post + "1 Comment\n" + c1, "00000"},
		{"headers without sentences", post + "Comments\nMaria Lopez\nAugust 22, 2018 at 5:57 am\nTom Becker\nAugust 22, 2018 at 7:19 am\n", "000000"},
	} {
		if got := threadOf(c.text, 0.9); got != c.want {
			t.Errorf("%s: thread %s, want %s", c.name, got, c.want)
		}
	}
}

// leaksOf runs markupLeaks on text and returns the lines as t (tags), c
// (code) or 0.
func leaksOf(txt string) string {
	a := text.NewAnalysis(txt)
	w := new(work)
	ls, _ := w.scan(a, nil)
	tags, code := make([]bool, len(ls)), make([]bool, len(ls))
	markupLeaks(a.Text(), ls, tags, code)
	return marksString(tags, code)
}

func TestBPMarkupLeaks(t *testing.T) {
	for _, c := range []struct {
		name, text, want string
	}{
		{"empty elements", "<span id=\"dfp-ad-billboard\"></span>\n<div class=\"ad\"></div>\n", "tt"},
		{"a tag wrapped over lines",
			"The plant grows fast.\n<img class=\"aligncenter size-full\"\nsrc=\"https://example.com/wp-content/uploads/jam-1.jpg\" alt=\"Spiced pear jam\"\nwidth=\"1280\" height=\"914\">\nThe jam keeps for a year.\n",
			"0ttt0"},
		{"style sheet", ".nav a:hover,\n.nav a:focus {\ncolor: #c00; text-decoration: none;\n}\n", "cccc"},
		{"script", "var _settings = {\"pluginPath\":\"/wp-includes/js/\",\"classPrefix\":\"mejs-\"};\n", "c"},
		{"tags around words", "<span>The Afghan government has ruled out Taliban involvement in the incident.</span>\n", "0"},
		{"a tag before a sentence", "<span id=\"gallery-1\"></span>Turbine-style wheels have five aero flaps.\n", "0"},
		{"entities in prose", "Tom &amp; Jerry returned to the screen &mdash; and fans cheered.\n", "0"},
		{"a lone weak line", "total = price * count;\n", "0"},
		{"comparison in prose", "Turnout was 3 < 5 expected, and x > y.\n", "0"},
	} {
		if got := leaksOf(c.text); got != c.want {
			t.Errorf("%s: leaks %s, want %s", c.name, got, c.want)
		}
	}
}

// FuzzBPLeaks checks that the markup and comment detectors never panic and
// mark only lines that exist.
func FuzzBPLeaks(f *testing.F) {
	f.Add("<img src=\"a.jpg\"\nalt=\"x\">\n.nav a:hover,\n")
	f.Add("Comments\nAnn\nMay 1, 2019 at 5:00 pm\nNice post, thank you.\nBob\nMay 2, 2019 at 6:00 pm\nI agree with you.\n")
	f.Add("<!-- x\n&amp;\n<")
	f.Fuzz(func(t *testing.T, s string) {
		if len(leaksOf(s)) != len(threadOf(s, 0.1)) {
			t.Fatal("line counts differ")
		}
	})
}

func TestBPCreditLine(t *testing.T) {
	for _, c := range []struct {
		s    string
		want bool
	}{
		{"Michael Conroy, AP", true},
		{"Patrick Semansky, ASSOCIATED PRESS", true},
		{"Doug Mills/The New York Times", true},
		{"(Joshua Roberts/Reuters)", true},
		{"Anna Moneymaker/The New York Times", true},
		{"The house where Adolf Hitler was born in Braunau am Inn, Austria. Leonhard Foeger / Reuters file", true},
		{"Lawmakers listen during the hearing, October 31, 2019. (Joshua Roberts/Reuters)", true},
		{"The city has grown. Mayor Jane Smith, AP reported, welcomed it", false},
		{"He thanked his team. John Smith, Jones", false},
		{"Smith, Jones", false},
		{"Either/Or", false},
		{"Paris, France", false},
		{"Washington, AP reported the vote on Tuesday", false},
	} {
		if got := caption(c.s); got != c.want {
			t.Errorf("bpCaption(%q) = %v, want %v", c.s, got, c.want)
		}
	}
}
