package typography

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/corpuslint/corpuslint/rules"
	"github.com/corpuslint/corpuslint/rules/text"
)

// SpaceBeforePunctuation returns the space-before-punctuation rule: a space between
// a word and the comma, full stop, colon, semicolon, question or exclamation mark
// after it.
func SpaceBeforePunctuation() rules.Rule { return spaceBeforePunct{} }

type spaceBeforePunct struct{}

func (spaceBeforePunct) Meta() rules.Meta {
	return rules.Meta{
		Name:     "space-before-punctuation",
		Grouped:  true,
		Category: rules.Typography,
		Severity: rules.Info,
		// Normalization, not damage: off by default (profile normalize selects the five).
		Disabled: true,
		Fixable:  true,
		Title:    "A space between a word and the punctuation after it (word , word)",
		Doc: "Flags spaces between a word and a following comma, full stop, semicolon, " +
			"colon, question mark or exclamation mark (\"Yobe North , Ahmad Lawan\", \"the " +
			"recess .\"), which extraction leaves where it removed a link or a footnote " +
			"before the mark, and which careless typing produces. The safe fix removes the " +
			"space.\n\n" +
			"French typography puts a space before ; : ! and ?, so in a document that reads " +
			"as French those four are left alone (commas and full stops are still checked); " +
			"no-break spaces (U+00A0, U+202F) before a mark are always accepted. A mark must " +
			"be followed by a space, a line end or a closing quote to count, so spaced " +
			"ellipses (word ...), file extensions (.com, .NET), decimals (.5), emoticons " +
			"(:-) ;)) and code are left alone, as is anything inside fenced code; a full " +
			"stop, question or exclamation mark standing between spaces before a lower-case " +
			"word is a symbol (\"Type ? for help\"), not punctuation.",
		Bad:  "Senator representing Yobe North , Ahmad Lawan , moved the motion .\n",
		Good: "Senator representing Yobe North, Ahmad Lawan, moved the motion. Visit example .com or wait ...\n",
	}
}

// frenchWords and englishWords are frequent function words that tell French
// text from English.
var frenchWords = map[string]bool{
	"le": true, "la": true, "les": true, "des": true, "du": true, "une": true, "est": true, "et": true,
	"que": true, "qui": true, "dans": true, "pour": true, "pas": true, "sur": true, "au": true,
	"aux": true, "avec": true, "ce": true, "cette": true, "il": true, "elle": true, "nous": true,
	"vous": true, "sont": true, "mais": true, "ou": true, "son": true, "ses": true, "leur": true,
}

var englishWords = map[string]bool{
	"the": true, "and": true, "of": true, "to": true, "is": true, "in": true, "that": true,
	"for": true, "with": true, "on": true, "was": true, "it": true, "are": true, "this": true,
	"be": true, "by": true, "he": true, "she": true, "they": true, "from": true, "at": true,
}

// looksFrench reports whether the document reads as French: in its first 4 KB,
// French function words outnumber English ones and there are at least five. It
// splits only that prefix, so a long document does not pay for all its words.
func looksFrench(a *text.Analysis) bool {
	t := a.Text()
	fr, en := 0, 0
	end := min(len(t), 4096)
	for end < len(t) && !utf8.RuneStart(t[end]) {
		end++
	}
	var buf [800]text.Word
	ws := text.AppendWords(buf[:0], t, 0, end)
	for _, w := range ws {
		s := t[w.Start:w.End]
		if len(s) > 5 {
			continue
		}
		if frenchWords[s] {
			fr++
		} else if englishWords[s] {
			en++
		}
	}
	return fr >= 5 && fr > en
}

func (spaceBeforePunct) Check(p *rules.Pass) {
	a := p.Analysis
	t := a.Text()
	var fenced []bool
	fencedDone := false
	french := -1 // unknown until a ; : ! ? candidate needs it
	// Find every " ," " ." … with the fast substring search, then judge them in
	// order of position.
	var buf [64]int
	cands := buf[:0]
	for _, pat := range [...]string{" ,", " .", " ;", " :", " !", " ?"} {
		for i := 0; ; {
			k := strings.Index(t[i:], pat)
			if k < 0 {
				break
			}
			cands = append(cands, i+k+1)
			i += k + 2
		}
	}
	sort.Ints(cands)
	for _, i := range cands {
		c := t[i]
		s := i - 1
		for s > 0 && t[s-1] == ' ' {
			s--
		}
		prev := text.RuneBefore(t, s)
		if !(unicode.IsLetter(prev) || unicode.IsDigit(prev)) {
			continue
		}
		// What follows the mark decides whether it is punctuation.
		j := i + 1
		if c == '!' || c == '?' {
			for j < len(t) && (t[j] == '!' || t[j] == '?') {
				j++
			}
		}
		next := text.RuneAt(t, j)
		switch {
		case next == 0 || next == ' ' || next == '\n' || next == '\r' || next == '\t':
		case (c == '.' || c == '!' || c == '?' || c == ',') && (next == '"' || next == '\u201d' || next == '\u2019' || next == ')' || next == '\u00bb'):
		default:
			continue
		}
		if c == '.' && strings.HasPrefix(t[j:], " .") {
			continue // a spaced ellipsis ". . ."
		}
		// A mark standing between spaces before a lower-case word is a symbol
		// ("Type ? for help"), not the end of a sentence.
		if (c == '.' || c == '?' || c == '!') && j+1 < len(t) && t[j] == ' ' && 'a' <= t[j+1] && t[j+1] <= 'z' {
			continue
		}
		if c == ';' || c == ':' || c == '!' || c == '?' {
			if french < 0 {
				french = 0
				if looksFrench(a) {
					french = 1
				}
			}
			if french == 1 {
				continue
			}
		}
		if !fencedDone {
			fenced, fencedDone = fencedLines(a), true
		}
		if fenced != nil && fenced[a.LineAt(i)] {
			continue
		}
		p.Report(rules.Finding{Start: s, End: i + 1,
			Message: fmt.Sprintf("space before %q", string(c)),
			Fix:     &rules.Fix{Message: "remove the space", Applicability: rules.Safe, Edits: []rules.Edit{{Start: s, End: i}}}})
	}
}
