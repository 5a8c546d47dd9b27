package boilerplate

import (
	"strings"
	"testing"

	"github.com/corpuslint/corpuslint/rules/text"
)

var lowerCases = []string{
	"", "abc", "ABC xyz 123", "Don\u2019t Miss", "\u0130STANBUL", "\u212aelvin", "ÄÖÜ straße",
	"\xff\xfeBAD\xe2\x80", "\xe2\x80\x99", "ΣΊΣΥΦΟΣ", "\ufffd", "Mixed \u201cQuotes\u201d HERE",
}

// TestThAppendLower holds headlineAppendLower equal to strings.ToLower.
func TestThAppendLower(t *testing.T) {
	for _, s := range lowerCases {
		if got, want := string(headlineAppendLower([]byte("pre"), s)), "pre"+strings.ToLower(s); got != want {
			t.Errorf("thAppendLower(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzThAppendLower(f *testing.F) {
	for _, s := range lowerCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := string(headlineAppendLower(nil, s)), strings.ToLower(s); got != want {
			t.Errorf("thAppendLower(%q) = %q, want %q", s, got, want)
		}
	})
}

// bodyWordsPlain is bodyWords as first written: every body word's content
// key, kept when want holds it.
func bodyWordsPlain(a *text.Analysis, last int, want map[string]struct{}) map[string]struct{} {
	set := make(map[string]struct{})
	for _, w := range a.WordsIn(0, a.Lines()[last].End) {
		if k, ok := appendContentKey(nil, a.Text()[w.Start:w.End]); ok {
			if _, in := want[string(k)]; in {
				set[string(k)] = struct{}{}
			}
		}
	}
	return set
}

var bodyCases = []string{
	"The Mayor's Office said bridges and buses were late.\nYours truly, the mayors' bus company.\nThe\u2019s others OTHERS İstanbul \u212aelvin glass glasses 123abc a1b2c3",
	"Über Straße ÜBERALL \xff\xfe café CAFÉS résumés 2024 Jones's jones\u2019s the the",
	"Bus buss buses class classes news NEWS ok",
}

func checkBodyWords(t *testing.T, txt string) {
	a := text.NewAnalysis(txt)
	// want: the keys of every word of the text, of every other word, and of none.
	var buf []text.Word
	all := map[string]struct{}{}
	half := map[string]struct{}{}
	addContentKeys(all, txt, &buf)
	i := 0
	for k := range all {
		if i%2 == 0 {
			half[k] = struct{}{}
		}
		i++
	}
	half["xyz"] = struct{}{}
	half[strings.Repeat("long", 20)] = struct{}{}
	for last := range a.Lines() {
		for _, want := range []map[string]struct{}{all, half, {}} {
			got, exp := bodyWords(a, last, want), bodyWordsPlain(a, last, want)
			if len(got) != len(exp) {
				t.Fatalf("thBodyWords(%q, %d) = %v, want %v", txt, last, got, exp)
			}
			for k := range exp {
				if _, ok := got[k]; !ok {
					t.Fatalf("thBodyWords(%q, %d) = %v, want %v", txt, last, got, exp)
				}
			}
		}
	}
}

// TestThBodyWords holds bodyWords equal to its plain version.
func TestThBodyWords(t *testing.T) {
	for _, s := range bodyCases {
		checkBodyWords(t, s)
	}
}

func FuzzThBodyWords(f *testing.F) {
	for _, s := range bodyCases {
		f.Add(s)
	}
	f.Fuzz(checkBodyWords)
}

// leadPhrasePlain is leadPhrase without the mayLead shortcut.
func leadPhrasePlain(t string) string {
	raw := text.TrimSpace(t)
	if len(raw) > 80 || strings.Count(raw, " ") > 8 {
		return ""
	}
	s := normLead(raw)
	if s == "" {
		return ""
	}
	if headlineLeadIns[s] {
		return raw
	}
	words := strings.Fields(s)
	if len(words) > 7 {
		return ""
	}
	for i := 1; i < len(words)-1 && i <= 3; i++ {
		switch words[i] {
		case "from", "in", "on", "at", "about", "by", "de", "du", "des", "aus", "von", "zum", "zur", "del", "di", "da", "do":
			if headlineLeadIns[strings.Join(words[:i], " ")] && len(words)-i-1 <= 4 {
				return raw
			}
		}
	}
	first, lastw := words[0], words[len(words)-1]
	if len(words) >= 2 && len(words) <= 5 {
		switch first {
		case "more", "latest", "top", "other", "previous", "next", "newer", "older", "prev", "recent", "related", "similar", "popular":
			switch lastw {
			case "news", "stories", "story", "articles", "article", "posts", "post", "headlines", "videos", "reads", "entries", "entry":
				return raw
			}
		}
	}
	return ""
}

func leadCases() []string {
	cases := []string{"", "Related:", "  RELATED STORIES  ", "More From CNN", "» Don\u2019t Miss", "DON\u2019T MISS:",
		"Latest from the BBC", "More Business News", "Previous Story", "Next Auto News", "\u00c0 lire aussi",
		"\u212aeep reading", "\u0130n other news", "Mehr zum Thema:", "The council approved the budget.",
		"\xffRelated", "Related\xff", "***Trending now***", "Read\u00a0more", "read\u2028more", "LEIA TAMBÉM:"}
	for k := range headlineLeadIns {
		cases = append(cases, k, strings.ToUpper(k)+":", "\u2014 "+k+" \u2192", k+" from the Guardian",
			strings.ReplaceAll(k, "'", "\u2019"))
	}
	return cases
}

// TestThLeadPhrase holds leadPhrase equal to its plain version.
func TestThLeadPhrase(t *testing.T) {
	for _, s := range leadCases() {
		if got, want := leadPhrase(s), leadPhrasePlain(s); got != want {
			t.Errorf("thLeadPhrase(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzThLeadPhrase(f *testing.F) {
	for _, s := range leadCases() {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := leadPhrase(s), leadPhrasePlain(s); got != want {
			t.Errorf("thLeadPhrase(%q) = %q, want %q", s, got, want)
		}
	})
}

var classifyCases = []string{
	"", "   ", "---", "Related:", "Related: Fog closes the airport for three hours",
	"The council approved the budget on Tuesday.", "A | B | C.", "Home | News | Sport",
	"Fog closes the airport | Ferry moves to winter timetable | Schools reopen on Monday",
	"* [Fog closes the airport for three hours][5]", "Fog closes the airport for three hours -",
	"Audio-Technica Review: My new go-to wireless gaming headset [Video]", "Ellipsis ends here …",
	"Quoted \"end.\"", "Ends in a ref.[2]", "x", "Short one", "1. Numbered item here for you",
	"\u2022 Bullet line with words in it", "Title - With Inner Dash And More", "Ends with colon:",
	"Ends with a dash \u2014", "« Previous post", "Next story \u203a", "A, B, C, D and E",
}

func checkClassify(t *testing.T, s string) {
	got, _ := classify(s, nil)
	classifyShortcut = false
	want, _ := classify(s, nil)
	classifyShortcut = true
	if got.kind != want.kind || got.features != want.features || got.words != want.words || got.lead != want.lead ||
		strings.Join(got.heads, "\x00") != strings.Join(want.heads, "\x00") {
		t.Fatalf("classify(%q) = %+v, want %+v", s, got, want)
	}
}

// TestClassifyShortcut holds classify equal with and without its shortcut.
func TestClassifyShortcut(t *testing.T) {
	for _, s := range classifyCases {
		checkClassify(t, s)
	}
}

func FuzzClassifyShortcut(f *testing.F) {
	for _, s := range classifyCases {
		f.Add(s)
	}
	f.Fuzz(checkClassify)
}
