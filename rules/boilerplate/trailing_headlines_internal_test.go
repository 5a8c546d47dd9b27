package boilerplate

import (
	"strings"
	"testing"

	"github.com/corpuslint/corpuslint/rules/text"
)

var thLowerCases = []string{
	"", "abc", "ABC xyz 123", "Don\u2019t Miss", "\u0130STANBUL", "\u212aelvin", "ÄÖÜ straße",
	"\xff\xfeBAD\xe2\x80", "\xe2\x80\x99", "ΣΊΣΥΦΟΣ", "\ufffd", "Mixed \u201cQuotes\u201d HERE",
}

// TestThAppendLower holds thAppendLower equal to strings.ToLower.
func TestThAppendLower(t *testing.T) {
	for _, s := range thLowerCases {
		if got, want := string(thAppendLower([]byte("pre"), s)), "pre"+strings.ToLower(s); got != want {
			t.Errorf("thAppendLower(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzThAppendLower(f *testing.F) {
	for _, s := range thLowerCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := string(thAppendLower(nil, s)), strings.ToLower(s); got != want {
			t.Errorf("thAppendLower(%q) = %q, want %q", s, got, want)
		}
	})
}

// thBodyWordsPlain is thBodyWords as first written: every body word's content
// key, kept when want holds it.
func thBodyWordsPlain(a *text.Analysis, last int, want map[string]struct{}) map[string]struct{} {
	set := make(map[string]struct{})
	for _, w := range a.WordsIn(0, a.Lines()[last].End) {
		if k, ok := thAppendContentKey(nil, a.Text()[w.Start:w.End]); ok {
			if _, in := want[string(k)]; in {
				set[string(k)] = struct{}{}
			}
		}
	}
	return set
}

var thBodyCases = []string{
	"The Mayor's Office said bridges and buses were late.\nYours truly, the mayors' bus company.\nThe\u2019s others OTHERS İstanbul \u212aelvin glass glasses 123abc a1b2c3",
	"Über Straße ÜBERALL \xff\xfe café CAFÉS résumés 2024 Jones's jones\u2019s the the",
	"Bus buss buses class classes news NEWS ok",
}

func thCheckBodyWords(t *testing.T, txt string) {
	a := text.NewAnalysis(txt)
	// want: the keys of every word of the text, of every other word, and of none.
	var buf []text.Word
	all := map[string]struct{}{}
	half := map[string]struct{}{}
	thAddContentKeys(all, txt, &buf)
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
			got, exp := thBodyWords(a, last, want), thBodyWordsPlain(a, last, want)
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

// TestThBodyWords holds thBodyWords equal to its plain version.
func TestThBodyWords(t *testing.T) {
	for _, s := range thBodyCases {
		thCheckBodyWords(t, s)
	}
}

func FuzzThBodyWords(f *testing.F) {
	for _, s := range thBodyCases {
		f.Add(s)
	}
	f.Fuzz(thCheckBodyWords)
}

// thLeadPhrasePlain is thLeadPhrase without the thMayLead shortcut.
func thLeadPhrasePlain(t string) string {
	raw := text.TrimSpace(t)
	if len(raw) > 80 || strings.Count(raw, " ") > 8 {
		return ""
	}
	s := thNormLead(raw)
	if s == "" {
		return ""
	}
	if thLeadIns[s] {
		return raw
	}
	words := strings.Fields(s)
	if len(words) > 7 {
		return ""
	}
	for i := 1; i < len(words)-1 && i <= 3; i++ {
		switch words[i] {
		case "from", "in", "on", "at", "about", "by", "de", "du", "des", "aus", "von", "zum", "zur", "del", "di", "da", "do":
			if thLeadIns[strings.Join(words[:i], " ")] && len(words)-i-1 <= 4 {
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

func thLeadCases() []string {
	cases := []string{"", "Related:", "  RELATED STORIES  ", "More From CNN", "» Don\u2019t Miss", "DON\u2019T MISS:",
		"Latest from the BBC", "More Business News", "Previous Story", "Next Auto News", "\u00c0 lire aussi",
		"\u212aeep reading", "\u0130n other news", "Mehr zum Thema:", "The council approved the budget.",
		"\xffRelated", "Related\xff", "***Trending now***", "Read\u00a0more", "read\u2028more", "LEIA TAMBÉM:"}
	for k := range thLeadIns {
		cases = append(cases, k, strings.ToUpper(k)+":", "\u2014 "+k+" \u2192", k+" from the Guardian",
			strings.ReplaceAll(k, "'", "\u2019"))
	}
	return cases
}

// TestThLeadPhrase holds thLeadPhrase equal to its plain version.
func TestThLeadPhrase(t *testing.T) {
	for _, s := range thLeadCases() {
		if got, want := thLeadPhrase(s), thLeadPhrasePlain(s); got != want {
			t.Errorf("thLeadPhrase(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzThLeadPhrase(f *testing.F) {
	for _, s := range thLeadCases() {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := thLeadPhrase(s), thLeadPhrasePlain(s); got != want {
			t.Errorf("thLeadPhrase(%q) = %q, want %q", s, got, want)
		}
	})
}
