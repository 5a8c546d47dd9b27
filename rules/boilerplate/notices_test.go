package boilerplate

import (
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/corpuslint/corpuslint/rules/boilerplate/model"
	"github.com/corpuslint/corpuslint/rules/text"
)

func TestBPCaption(t *testing.T) {
	for _, c := range []struct {
		line string
		want bool
	}{
		{"A couple in Mongolia are suspected to have eaten a Marmot - a large rodentCredit: The Siberian Times", true},
		{"The plague wiped out half of Europe in the 14th century (Image: GETTY)", true},
		{"Photo: Gene J. Puskar", true},
		{"Photograph: AFP via Getty", true},
		{"WikiLeaks founder Julian Assange (AFP)", true},
		{"Officials inspect the site (AP Photo/Evan Vucci)", true},
		{"Rescue workers at the scene. Photo credit: Jane Roe", true},
		{"PHOTO: Reuters", true},
		{"Trump asked voters in Louisiana for a big win. He didn’t get it. Credit... Doug Mills/The New York Times", true},
		{"The evidence was thin... Credit… where it is due", false},
		{"Les secouristes sur place. Crédit : Jean Dupont", true},
		// Not credits.
		{"The new law raises the Child Tax Credit: $2,000 for each child.", false},
		{"The lawyers showed the court the photo: a blurred figure near the gate.", false},
		{"The records are kept in the electronic patient file (ePA)", false},
		{"Photo: see https://example.com/pictures for the whole gallery", false},
		{"Image: This is what the new design looks like. It was shown on Monday.", false},
		{"Credit:", false},
		{"The tax credit: families will get more from July", false},
		{"(AFP", false},
		{"", false},
	} {
		if got := caption(c.line); got != c.want {
			t.Errorf("bpCaption(%q) = %v, want %v", c.line, got, c.want)
		}
	}
}

func TestBPNoticeOf(t *testing.T) {
	for _, c := range []struct {
		line string
		want notice
	}{
		{"If you enjoyed this article, we have a proposition for you: Join NRPLUS.", promotion},
		{"Get the day’s top headlines delivered to your inbox every morning by subscribing to our newsletter.", promotion},
		{"You have been successfully subscribed!", promotion},
		{"Follow The Times on Facebook — or follow us on Twitter.", promotion},
		{"This document is subject to copyright. Apart from any fair dealing for the purpose of private study", legalNotice},
		{"This material may not be published, broadcast, rewritten, or redistributed.", legalNotice},
		{"Jane Doe is a staff writer covering science.", legalNotice},
		{"If you buy something through this post, IGN may get a share of the sale.", affiliate},
		{"AppleInsider has affiliate partnerships and may earn commission on products purchased through affiliate links.", affiliate},
		{"Telephone +972-3-761-9056", contactLine},
		{"Fax: 972-3-561-3699", contactLine},
		{"E-mail: subs@example.com", contactLine},
		{"ABONNIEREN Sie unseren Newsletter!", promotion},
		// Not notices.
		{"Critics say shoppers rarely notice affiliate links in the reviews they read.", noNotice},
		{"Salespeople earn a commission on each car they sell.", noNotice},
		{"The artist gets a share of the sale, the gallery the rest.", noNotice},
		{"The views expressed by the senator were not shared by her party.", noNotice},
		{"Phone makers shipped 300 million units in the quarter.", noNotice},
		{"Email", noNotice},
		{strings.Repeat("word ", 70) + "if you enjoyed this article", noNotice},
		{"", noNotice},
	} {
		if got, _ := noticeOf(c.line, nil); got != c.want {
			t.Errorf("bpNoticeOf(%q) = %s, want %s", c.line, noticeNames[got], noticeNames[c.want])
		}
	}
}

// Every notice phrase matches itself inside a sentence: its words hash as the
// line's words do.
func TestBPNoticePhrasesMatch(t *testing.T) {
	for _, p := range noticePhrases {
		line := "Note: " + strings.ToUpper(p.phrase[:1]) + p.phrase[1:] + "!"
		if got, _ := noticeOf(line, nil); got != p.kind {
			t.Errorf("%q: got %s, want %s", line, noticeNames[got], noticeNames[p.kind])
		}
	}
}

// wordHashesByFields is the definition wordHashes implements in one pass:
// the words are the runs of letters and digits of the lower-cased text.
func wordHashesByFields(s string) []uint64 {
	var out []uint64
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		var low []byte
		for _, r := range w {
			low = append(low, string(unicode.ToLower(r))...)
		}
		h := uint64(14695981039346656037)
		for _, b := range low {
			h = (h ^ uint64(b)) * 1099511628211
		}
		out = append(out, h)
	}
	return out
}

func FuzzBPNotices(f *testing.F) {
	for _, s := range []string{"If you enjoyed this article", "Photo: Jane (AP)", "E-mail: a@b.c", "ÉCOLE Ünïcode", "\xff\xfe bad utf8 Credit: X"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := wordHashes(s), wordHashesByFields(s); !slices.Equal(got, want) {
			t.Fatalf("bpWordHashes(%q) = %v, want %v", s, got, want)
		}
		caption(s)
		noticeOf(s, nil)
		leadIn(s)
	})
}

// The scan's key-word prefilter lets through every line noticeOf matches:
// analysed in a document, each notice line gets its notice.
func TestBPNoticePrefilter(t *testing.T) {
	lines := []string{
		"Telephone +972-3-761-9056",
		"E-mail: subs@example.com",
		"Get the day’s top headlines delivered to your inbox every morning by subscribing to our newsletter.",
	}
	for _, p := range noticePhrases {
		lines = append(lines, "Note: "+strings.ToUpper(p.phrase[:1])+p.phrase[1:]+", as the site says.")
	}
	fast := newFast(model.Builtin())
	for _, l := range lines {
		want, _ := noticeOf(l, nil)
		txt := "The council approved the budget on Tuesday after a long debate.\n" + l + "\n"
		d := analyze(text.NewAnalysis(txt), model.Builtin(), fast, &docBuf{})
		if got := d.ls[1].notice; got != want || want == noNotice {
			t.Errorf("%q: analysed as %q, bpNoticeOf says %q", l, noticeNames[got], noticeNames[want])
		}
	}
}

func TestBPLeadIn(t *testing.T) {
	for _, c := range []struct {
		line string
		want bool
	}{
		{"READ MORE: China plague outbreak confirmed: Two diagnosed with disease in Beijing", true},
		{"*Read more:* Alibaba poised to launch record-breaking $13.4bn Hong Kong listing", true},
		{"Related | Trump says he will testify", true},
		{"• Read more — the full story", true},
		{"Leia também: Como alfabetizar em casa", true},
		{"À lire aussi : les résultats du scrutin", true},
		{"Watch: the moment the bridge fell", true},
		{"More than 300 people attended the meeting.", false},
		{"Watch the video below to see how it works.", false},
		{"Relatedly, the council said it would review the plan.", false},
		{"Reading more into the figures, analysts saw a slowdown.", false},
		{"Moreover: the plan is late", false},
		{"", false},
	} {
		if got := leadIn(c.line); got != c.want {
			t.Errorf("bpLeadIn(%q) = %v, want %v", c.line, got, c.want)
		}
	}
}
