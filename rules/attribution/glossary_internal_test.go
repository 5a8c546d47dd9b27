package attribution

import (
	"slices"
	"testing"
)

func TestHeadwordStems(t *testing.T) {
	for _, c := range []struct {
		text string
		want []string
	}{
		{"   :blurgle: /bler'gl/, n.\n\n   [UK] Spoken ...\n", []string{"blurg"}},
		{":Infinite-Monkey Theorem: n.\n\n“If you put ...”\n", []string{"infin", "monke", "theor"}},
		{"boxology\n\n   <graphics> /bok-sol'*-jee/ {ASCII art}.\n", []string{"boxol"}},
		{"gun\n\n   <jargon> ({ITS}, from the \":GUN\" command) To forcibly\n", []string{"gun"}},
		{"VAXen\n\n   /vak'sn/ (From \"oxen\") The plural\n", []string{"vaxen"}},
		// No dictionary mark: a headline, a path, a sentence.
		{"Hospital cyber attacks\n\nHospitals in ...\n", nil},
		{"Install notes\n\nCopy it to /usr/local/bin/ and run it.\n", nil},
		{"We met at noon.\n\n<b>bold</b>\n", nil},
	} {
		if got := headwordStems(c.text); !slices.Equal(got, c.want) {
			t.Errorf("headwordStems(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

func TestUsesHeadword(t *testing.T) {
	stems := []string{"gun"}
	for q, want := range map[string]bool{
		"so I gunned it":       true,
		"Gun it now":           true,
		"the shotgun went off": false,
		"nothing to see here":  false,
	} {
		if got := usesHeadword(q, stems); got != want {
			t.Errorf("usesHeadword(%q) = %v, want %v", q, got, want)
		}
	}
	if usesHeadword("anything", nil) {
		t.Error("no stems must match nothing")
	}
}
