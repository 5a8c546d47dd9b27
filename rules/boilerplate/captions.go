package boilerplate

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/corpuslint/corpuslint/rules/text"
)

// Photo captions. News pages print a caption under every picture and end it with
// its credit: "... a large rodent Credit: The Siberian Times", "The plague wiped
// out half of Europe (Image: GETTY)", "Photo: Gene J. Puskar", "Julian Assange
// (AFP)". Extractors keep them between the paragraphs and, when the pictures
// close the page, at its end. The credit is the evidence, not the caption's
// words: a caption is a sentence of running text the model reads as article.
//
// captionMaxTail bounds what follows the credit word: a name or an agency,
// a few words, never a sentence.
const (
	captionMaxTail  = 80
	captionMaxWords = 8
)

// creditWords are the labels a credit starts with ("Credit:", "Photo:"),
// compared case-insensitively, and must start with a capital letter in the text:
// "the image: a boy" inside a sentence is no credit.
var creditWords = map[string]bool{
	"credit": true, "credits": true, "photo": true, "photos": true, "photograph": true,
	"photography": true, "image": true, "images": true, "picture": true, "pictures": true,
	"pic": true, "foto": true, "fotos": true, "bild": true, "bilder": true, "bildquelle": true,
	"crédit": true, "crédits": true, "crédito": true, "créditos": true, "illustration": true,
	"fotografía": true, "fotografia": true,
}

// creditAgencies are the agencies and picture libraries a caption may name in
// brackets alone: "Julian Assange (AFP)", "(AP Photo/Evan Vucci)". They are
// compared as written: "(ePA)" is an abbreviation, "(EPA)" an agency.
var creditAgencies = map[string]bool{
	"AP": true, "AFP": true, "Reuters": true, "REUTERS": true, "Getty": true, "EPA": true,
	"dpa": true, "DPA": true, "ANP": true, "Photo": true, "Foto": true, "Image": true,
	"Picture": true, "Pic": true, "Bild": true, "Shutterstock": true, "iStock": true,
}

// caption reports whether line s ends with a picture credit: a credit word
// with a colon followed by a short name ("Credit: Vesti/The Siberian Times",
// "(Image: GETTY)"), or a bracket at the end naming an agency ("(AP Photo/Evan
// Vucci)", "(AFP)").
func caption(s string) bool {
	s = strings.TrimRightFunc(s, unicode.IsSpace)
	if s == "" {
		return false
	}
	if s[len(s)-1] == ')' {
		if open := strings.LastIndexByte(s, '('); open >= 0 && len(s)-open <= captionMaxTail {
			inner := s[open+1 : len(s)-1]
			first := inner
			if k := strings.IndexAny(inner, " /:,;"); k >= 0 {
				first = inner[:k]
			}
			if creditAgencies[first] && captionTail(inner[len(first):]) || creditLine(inner) {
				return true
			}
			s = strings.TrimRightFunc(s[:len(s)-1], unicode.IsSpace)
		}
	}
	if len(s) <= creditLineMax && creditLine(s) || creditAfterSentence(s) {
		return true
	}
	// The last colon within reach of the end, with a credit word glued to it;
	// some sites write "Credit..." instead.
	from := max(0, len(s)-captionMaxTail)
	colon, width := strings.LastIndexByte(s[from:], ':'), 1
	for _, dots := range []string{"...", "…"} {
		if k := strings.LastIndex(s[from:], dots); k > colon {
			colon, width = k, len(dots)
		}
	}
	if colon < 0 {
		return false
	}
	colon += from
	name := s[colon+width:]
	if !captionTail(name) {
		return false
	}
	// A credit names someone: "Credit: $500 per child" is a price list. After
	// dots the name must be capitalized: "Credit… where it is due" is prose.
	if r, _ := utf8.DecodeRuneInString(strings.TrimSpace(name)); !unicode.IsLetter(r) || width > 1 && !unicode.IsUpper(r) {
		return false
	}
	return creditBefore(s[:colon])
}

// captionTail reports whether t reads as a credit's name: at most
// captionMaxWords words, no URL and no sentence in it.
func captionTail(t string) bool {
	if strings.Contains(t, "://") {
		return false
	}
	words := strings.Fields(t)
	if len(words) > captionMaxWords {
		return false
	}
	for i, w := range words {
		// "Gene J. Puskar" has a full stop; "He said. Then" is two sentences.
		if i+1 < len(words) && strings.HasSuffix(w, ".") && utf8.RuneCountInString(w) > 2 {
			return false
		}
	}
	return true
}

// creditBefore reports whether s ends with a credit word that starts with a
// capital letter: "Credit", "… rodentCredit" (extractors glue captions to
// their credit), "PHOTO".
func creditBefore(s string) bool {
	end := len(s)
	for end > 0 && s[end-1] == ' ' {
		end--
	}
	start := end
	for start > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:start])
		if !unicode.IsLetter(r) {
			break
		}
		start -= n
	}
	run := s[start:end]
	// Try every capital letter of the run as the start of the credit word, so
	// that a word glued before it does not hide it.
	for i, r := range run {
		if unicode.IsUpper(r) && creditWords[strings.ToLower(run[i:])] {
			return true
		}
	}
	// "Photo credit:", "Image credit:"
	if creditWords[strings.ToLower(run)] && start > 0 {
		return creditBefore(s[:start])
	}
	return false
}

// A credit line stands alone under a picture: the photographer's name, then the
// agency after a comma or a slash ("Michael Conroy, AP", "Patrick Semansky,
// ASSOCIATED PRESS", "Doug Mills/The New York Times", "(Joshua
// Roberts/Reuters)"). The agency is compared as written, from
// creditLineAgencies, or for a slash the outlet's last word from
// creditOutletWords: "Either/Or" and "Smith, Jones" are no credits.
const creditLineMax = 80

var creditLineAgencies = map[string]bool{
	"AP": true, "ASSOCIATED PRESS": true, "Associated Press": true, "AFP": true, "Reuters": true,
	"REUTERS": true, "Getty Images": true, "GETTY IMAGES": true, "Getty": true, "EPA": true, "dpa": true,
	"Shutterstock": true, "iStock": true, "Bloomberg": true, "AFP/Getty Images": true, "Invision/AP": true,
	"AP Photo": true, "Xinhua": true, "ANP": true, "PA": true, "PA Images": true, "Alamy": true,
}

// creditOutletWords end the names of news outlets and picture libraries
// ("The New York Times", "The Washington Post", "Getty Images").
var creditOutletWords = map[string]bool{
	"Times": true, "Post": true, "Press": true, "Images": true, "News": true, "Journal": true,
	"Tribune": true, "Herald": true, "Guardian": true, "Photos": true, "Photo": true, "Pictures": true,
}

// creditAfterSentence reports whether caption s ends with a credit line after
// its last sentence: "... born in Braunau am Inn, Austria. Leonhard Foeger /
// Reuters file".
func creditAfterSentence(s string) bool {
	from := max(0, len(s)-creditLineMax)
	k := -1
	for _, sep := range []string{". ", "? ", "! ", ".” ", "   "} {
		if j := strings.LastIndex(s[from:], sep); j >= 0 && from+j+len(sep) > k {
			k = from + j + len(sep)
		}
	}
	return k > 0 && k < len(s) && creditLine(s[k:])
}

// creditLine reports whether s is a credit line alone (see creditLineMax).
func creditLine(s string) bool {
	s = strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(s), "("), ")")
	for _, file := range []string{" file", " File", " file photo", " File Photo", " FILE"} {
		s = strings.TrimSuffix(s, file)
	}
	// Most lines end with punctuation or start in lower case: they go first.
	if s == "" || !text.IsLetter(s[len(s)-1]) || s[0] >= 'a' && s[0] <= 'z' {
		return false
	}
	k := strings.IndexAny(s, ",/")
	if k <= 0 {
		return false
	}
	name, agency := strings.TrimSpace(s[:k]), strings.TrimSpace(s[k+1:])
	if !capitalizedWords(name, 1, 4) || !capitalizedWords(agency, 1, 5) {
		return false
	}
	if creditLineAgencies[agency] {
		return true
	}
	words := strings.Fields(agency)
	return s[k] == '/' && creditOutletWords[words[len(words)-1]]
}

// capitalizedWords reports whether s is lo to hi words, each starting with
// an upper-case letter (initials and "McDonald" included) and holding letters,
// full stops, apostrophes and hyphens only, with at most one slash between two.
func capitalizedWords(s string, lo, hi int) bool {
	words := strings.Fields(s)
	if len(words) < lo || len(words) > hi {
		return false
	}
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return false
		}
		for _, c := range w {
			if !unicode.IsLetter(c) && c != '.' && c != '\'' && c != '’' && c != '-' && c != '/' {
				return false
			}
		}
	}
	return true
}
