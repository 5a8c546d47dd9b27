package attribution

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A glossary or dictionary entry illustrates its headword with quoted sentences
// of its own making ("His report has a lot of boxology in it."): nobody is
// quoted, so nobody is missing. An entry is recognised by its first line, a
// short headword, and a dictionary mark near the top: the Jargon File's
// ":headword:" form, a pronunciation between slashes (/bok-sol'*-jee/), a part
// of speech ("n.", "vt.", "adj.") or a FOLDOC-style "<category>" tag. A
// quotation that uses the headword (or a word sharing its first letters:
// "gunned" for "gun") is then a usage example.

// maxHeadwordWords bounds the words of a headword line.
const maxHeadwordWords = 5

// headwordStems returns the lower-case stems of the document's headword when
// the document reads as a glossary entry, nil otherwise: each word of the
// headword of at least three letters, cut to its first five.
func headwordStems(t string) []string {
	t = strings.TrimLeft(t, " \t\r\n")
	nl := strings.IndexByte(t, '\n')
	if nl < 0 {
		return nil
	}
	first := strings.TrimSpace(t[:nl])
	top := t
	if len(top) > 300 {
		top = top[:300]
	}
	head := first
	marked := false
	if strings.HasPrefix(first, ":") {
		if k := strings.IndexByte(first[1:], ':'); k > 0 {
			head, marked = first[1:k+1], true
		}
	}
	if !marked {
		marked = hasPronunciation(top) || hasPartOfSpeech(top) || hasCategoryTag(t[nl:min(len(t), nl+200)]) ||
			crossRefs(t[nl:min(len(t), nl+maxEntryScan)]) >= 2
		// The headword ends where its pronunciation or part of speech starts.
		if k := strings.IndexAny(head, "/,("); k > 0 {
			head = head[:k]
		}
	}
	if !marked {
		return nil
	}
	words := strings.Fields(head)
	if len(words) == 0 || len(words) > maxHeadwordWords {
		return nil
	}
	if r, _ := utf8.DecodeLastRuneInString(head); r == '.' || r == '!' || r == '?' {
		return nil
	}
	var stems []string
	for _, w := range words {
		w = strings.ToLower(strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }))
		for _, piece := range strings.FieldsFunc(w, func(r rune) bool { return r == '-' || r == '\'' || r == '\u2019' }) {
			if utf8.RuneCountInString(piece) < 3 || englishWords[piece] {
				continue
			}
			if len(piece) > 5 {
				piece = piece[:5]
			}
			stems = append(stems, piece)
		}
	}
	return stems
}

// hasPronunciation reports whether s holds a pronunciation between slashes: a
// slash, one to forty characters without spaces at their ends and with a
// letter, and a slash, not part of a path or URL (no "//", no dot inside).
func hasPronunciation(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] != '/' || i > 0 && s[i-1] != ' ' && s[i-1] != '(' && s[i-1] != '\t' && s[i-1] != '\n' {
			continue
		}
		j := strings.IndexByte(s[i+1:], '/')
		if j < 1 || j > 40 {
			continue
		}
		in := s[i+1 : i+1+j]
		if in[0] == ' ' || in[len(in)-1] == ' ' || strings.ContainsAny(in, ".:\n") {
			continue
		}
		if strings.IndexFunc(in, unicode.IsLetter) >= 0 && (strings.ContainsAny(in, "'*-ˈˌəɪʊ") || !strings.Contains(in, " ")) {
			end := i + 2 + j
			if end >= len(s) || s[end] == ' ' || s[end] == ',' || s[end] == '\n' || s[end] == ')' {
				return true
			}
		}
	}
	return false
}

// partsOfSpeech are the abbreviations glossaries set after a headword.
var partsOfSpeech = []string{", n.", " n.\n", ", v.", ", vt.", ", vi.", ", adj.", ", adv.", " adj.\n", " prov.", ", interj.", " n., ", " vt. ", " vi. "}

// hasPartOfSpeech reports whether s holds a part-of-speech mark.
func hasPartOfSpeech(s string) bool {
	for _, p := range partsOfSpeech {
		if strings.Contains(s, p) {
			return true
		}
	}
	return false
}

// maxEntryScan bounds how much of an entry is read for its cross-references.
const maxEntryScan = 3000

// crossRefs counts FOLDOC's cross-references in s: a term between braces
// ("{addressing mode}", "[{Jargon File}]"), letters, digits, spaces, hyphens
// and dots only, which no prose writes and a template's placeholder seldom
// has twice with a headword line above.
func crossRefs(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] != '{' {
			continue
		}
		j := strings.IndexByte(s[i+1:], '}')
		if j < 1 || j > 40 {
			continue
		}
		in := s[i+1 : i+1+j]
		ok := unicode.IsLetter(rune(in[0]))
		for _, r := range in {
			if !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == ' ' || r == '-' || r == '.' || r == '/') {
				ok = false
				break
			}
		}
		if ok {
			n++
			i += j + 1
		}
	}
	return n
}

// hasCategoryTag reports whether the first paragraph after the headword opens
// with a FOLDOC-style category tag ("<jargon>", "<graphics>").
func hasCategoryTag(s string) bool {
	s = strings.TrimLeft(s, " \t\r\n")
	if !strings.HasPrefix(s, "<") {
		return false
	}
	k := strings.IndexByte(s, '>')
	if k < 2 || k > 30 {
		return false
	}
	for _, r := range s[1:k] {
		if !unicode.IsLower(r) && r != ' ' && r != '-' && r != ',' {
			return false
		}
	}
	return true
}

// usesHeadword reports whether the quotation text q uses one of stems: a word
// of q starts with it.
func usesHeadword(q string, stems []string) bool {
	if len(stems) == 0 {
		return false
	}
	lq := strings.ToLower(q)
	for _, st := range stems {
		for k := 0; ; {
			i := strings.Index(lq[k:], st)
			if i < 0 {
				break
			}
			i += k
			if i == 0 {
				return true
			}
			r, _ := utf8.DecodeLastRuneInString(lq[:i])
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				return true
			}
			k = i + len(st)
		}
	}
	return false
}
