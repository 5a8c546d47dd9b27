package boilerplate

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/corpuslint/corpuslint/rules/text/wordset"
)

// Notices are whole sentences of page furniture that read as running text: the
// promotion under an article ("If you enjoyed this article, we have a proposition
// for you"), the legal notice ("This document is subject to copyright"), the
// affiliate disclosure ("may earn commission on products purchased through
// affiliate links"), contact details ("Fax: 972-3-561-3699"). The line model
// reads their words as prose; a few words in them say what they are. Like picture
// credits they are evidence (evidence) but no model feature.
type notice uint8

const (
	noNotice notice = iota
	promotion
	legalNotice
	affiliate
	contactLine
	leadInLine
	markupLeak  // set by markupLeaks, not by phrases
	codeLeak    // likewise
	commentLine // set by commentThread, not by phrases
)

// noticeNames name the notices in findings.
var noticeNames = [...]string{"", "promotion", "legal notice", "affiliate disclosure", "contact details", "read-more lead-in", "leaked markup", "leaked code", "reader comments"}

// noticeMaxWords: a notice is at most this long; a longer line is an article
// paragraph that happens to quote one.
const noticeMaxWords = 60

// noticePhrases are matched on the line's words in lower case (runs of
// letters and digits; "e-mail" is "e mail"). Each says what it is in the
// site's own voice ("we may earn", "this material may not be"), so that an
// article writing about newsletters, affiliate links or copyright is no notice.
var noticePhrases = []struct {
	phrase string
	kind   notice
}{
	{"if you enjoyed this article", promotion},
	{"if you enjoyed this story", promotion},
	{"if you enjoyed this post", promotion},
	{"if you enjoyed reading", promotion},
	{"if you liked this article", promotion},
	{"if you liked this story", promotion},
	{"if you like this article", promotion},
	{"if you found this article", promotion},
	{"enjoyed this article", promotion},
	{"subscribe to our newsletter", promotion},
	{"subscribe to our free newsletter", promotion},
	{"sign up for our newsletter", promotion},
	{"sign up to our newsletter", promotion},
	{"sign up for our free newsletter", promotion},
	{"delivered to your inbox", promotion},
	{"straight to your inbox", promotion},
	{"directly to your inbox", promotion},
	{"successfully subscribed", promotion},
	{"thank you for subscribing", promotion},
	{"thanks for subscribing", promotion},
	{"click here to subscribe", promotion},
	{"subscribe now", promotion},
	{"become a subscriber", promotion},
	{"already a subscriber", promotion},
	{"become a member", promotion},
	{"join our mailing list", promotion},
	{"support our journalism", promotion},
	{"support independent journalism", promotion},
	{"support quality journalism", promotion},
	{"download our app", promotion},
	{"follow us on", promotion},
	{"follow him on twitter", promotion},
	{"follow her on twitter", promotion},
	{"follow me on twitter", promotion},
	{"like us on facebook", promotion},
	{"find us on facebook", promotion},
	{"share this article", promotion},
	{"share this story", promotion},
	{"recommended for you", promotion},
	{"thanks for reading", promotion},
	{"thank you for reading", promotion},
	{"got a tip", promotion},
	{"have a news tip", promotion},
	{"send us a tip", promotion},
	{"comments are closed", promotion},
	{"your email address will not be published", promotion},
	{"required fields are marked", promotion},
	{"abonnieren sie unseren newsletter", promotion},
	{"melden sie sich für unseren newsletter", promotion},
	{"inscrivez vous à notre newsletter", promotion},
	{"abonnez vous à notre newsletter", promotion},
	{"suscríbete a nuestro boletín", promotion},
	{"assine nossa newsletter", promotion},

	{"this document is subject to copyright", legalNotice},
	{"this material may not be", legalNotice},
	{"no part may be reproduced", legalNotice},
	{"may be reproduced without the written permission", legalNotice},
	{"may not be reproduced distributed", legalNotice},
	{"may not be published broadcast", legalNotice},
	{"without the prior written permission of", legalNotice},
	{"without prior written permission of", legalNotice},
	{"without the written permission of", legalNotice},
	{"constitutes acceptance of", legalNotice},
	{"constitutes your acceptance", legalNotice},
	{"by using this site you agree", legalNotice},
	{"by using this website you agree", legalNotice},
	{"by continuing to use this site", legalNotice},
	{"by continuing to use this website", legalNotice},
	{"reprints and permissions", legalNotice},
	{"this article was originally published", legalNotice},
	{"this story was originally published", legalNotice},
	{"this article first appeared", legalNotice},
	{"this story first appeared", legalNotice},
	{"views expressed in this", legalNotice},
	{"views expressed here", legalNotice},
	{"opinions expressed in this", legalNotice},
	{"is a staff writer", legalNotice},
	{"is a senior writer", legalNotice},
	{"is a freelance writer", legalNotice},
	{"is a contributing writer", legalNotice},
	{"contact the author", legalNotice},
	{"contributed to this report", legalNotice},
	{"alle rechte vorbehalten", legalNotice},
	{"tous droits réservés", legalNotice},
	{"todos los derechos reservados", legalNotice},
	{"todos os direitos reservados", legalNotice},

	{"we may earn", affiliate},
	{"we earn a commission", affiliate},
	{"we may receive compensation", affiliate},
	{"we may receive a commission", affiliate},
	{"may earn commission on products", affiliate},
	{"may get a share of the sale", affiliate},
	{"affiliate partnerships", affiliate},
	{"contains affiliate links", affiliate},
	{"may contain affiliate links", affiliate},
	{"through affiliate links", affiliate},
	{"through our affiliate links", affiliate},
	{"use affiliate links", affiliate},
	{"uses affiliate links", affiliate},
	{"auto affiliate links", affiliate},
}

// contactLabels start a line of contact details when a number or an address
// follows: "Telephone +972-3-761-9056", "E-mail: subs@jpost.com".
var contactLabels = []string{"telephone", "tel", "phone", "fax", "e mail", "email", "telefon", "téléphone", "telefone", "teléfono"}

// contactMaxWords: a contact line is short.
const contactMaxWords = 8

// noticeIndex holds the notice phrases as hashes of their words, indexed by
// the hash of their longest word (the rarest, most likely): a line is matched
// with one pass over its bytes and one bit test per word.
type noticeIndex struct {
	byKey map[uint64][]int // key-word hash -> phrases holding it
	// keys has the bit h>>52 set for the hash h of every key word: most words
	// are ruled out with one bit test instead of a map probe.
	keys    [1 << 12 / 64]uint64
	words   [][]uint64 // each phrase's word hashes
	at      []int      // where each phrase's key word is in it
	kinds   []notice
	contact map[uint64]bool // first-word hashes of contact labels
	// mail is the hash of "e", the first word of the label "e mail".
	mail, mail2 uint64
}

var notices = func() *noticeIndex {
	ix := &noticeIndex{byKey: map[uint64][]int{}, contact: map[uint64]bool{}}
	for _, p := range noticePhrases {
		hs := wordHashes(p.phrase)
		key := noticeKey(strings.Fields(p.phrase))
		h := hs[key]
		ix.byKey[h] = append(ix.byKey[h], len(ix.words))
		ix.keys[h>>58] |= 1 << (h >> 52 & 63)
		ix.words = append(ix.words, hs)
		ix.at = append(ix.at, key)
		ix.kinds = append(ix.kinds, p.kind)
	}
	for _, l := range contactLabels {
		hs := wordHashes(l)
		if len(hs) == 1 {
			ix.contact[hs[0]] = true
		}
	}
	mail := wordHashes("e mail")
	ix.mail, ix.mail2 = mail[0], mail[1]
	return ix
}()

// noticeKey picks the word of a phrase to index it by: the longest that is no
// stop word, the rarest in running text as a rule ("news" in "have a news tip",
// not "have"). Lines are matched only when they hold some phrase's key word.
func noticeKey(words []string) int {
	key, best := 0, -1
	for k, w := range words {
		score := len(w)
		if _, stop := wordset.Stopwords[w]; !stop {
			score += 100
		}
		if score > best {
			key, best = k, score
		}
	}
	return key
}

// noticeOf returns the notice line s is, or noNotice. scratch is reused for
// the line's word hashes and returned.
func noticeOf(s string, scratch []uint64) (notice, []uint64) {
	hs := wordHashesMax(s, scratch[:0], noticeMaxWords+1)
	if len(hs) == 0 || len(hs) > noticeMaxWords {
		return noNotice, hs
	}
	ix := notices
	if len(hs) <= contactMaxWords && strings.ContainsAny(s, "0123456789@") &&
		(ix.contact[hs[0]] || len(hs) > 1 && hs[0] == ix.mail && hs[1] == ix.mail2) {
		return contactLine, hs
	}
	for i, h := range hs {
		if ix.keys[h>>58]&(1<<(h>>52&63)) == 0 {
			continue
		}
		for _, k := range ix.byKey[h] {
			ws, from := ix.words[k], i-ix.at[k]
			if from >= 0 && from+len(ws) <= len(hs) && slices.Equal(hs[from:from+len(ws)], ws) {
				return ix.kinds[k], hs
			}
		}
	}
	return noNotice, hs
}

// wordHashes returns the FNV-1a hashes of the words of s in lower case, a word
// being a run of letters and digits.
func wordHashes(s string) []uint64 {
	return wordHashesMax(s, nil, -1)
}

// wordHashesMax is wordHashes stopping after limit words (no limit when
// negative): a line that long is no notice, whatever it says.
func wordHashesMax(s string, dst []uint64, limit int) []uint64 {
	const (
		offset = 14695981039346656037
		prime  = 1099511628211
	)
	h, in := uint64(offset), false
	var buf [utf8.UTFMax]byte
	for i := 0; i < len(s); {
		c := s[i]
		var low []byte
		if c < utf8.RuneSelf {
			i++
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if 'a' <= c && c <= 'z' || '0' <= c && c <= '9' {
				buf[0] = c
				low = buf[:1]
			}
		} else {
			r, n := utf8.DecodeRuneInString(s[i:])
			i += n
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				low = utf8.AppendRune(buf[:0], unicode.ToLower(r))
			}
		}
		if low == nil {
			// A separator ends the word in progress.
			if in {
				dst = append(dst, h)
				if len(dst) == limit {
					return dst
				}
				h, in = offset, false
			}
			continue
		}
		for _, b := range low {
			h = (h ^ uint64(b)) * prime
		}
		in = true
	}
	if in {
		dst = append(dst, h)
	}
	return dst
}

// leadIns start a line that points to another page: "Read more: <headline>",
// "RELATED | <headline>", "Leia também: ...". They count only followed by a
// separator (after markdown emphasis), so that "More than 300 people" or
// "Watch the video below" in an article's own text are none.
var leadIns = []string{
	"read more", "related", "see also", "more", "also read", "read also", "watch", "listen",
	"recommended", "further reading", "more on this", "more from", "trending",
	"editor's pick", "editor’s pick", "editors' picks", "editors’ picks", "don't miss", "don’t miss",
	"leia também", "leia mais", "veja também", "lesen sie auch", "mehr zum thema",
	"lire aussi", "à lire aussi", "lea también", "ver también",
}

// leadInMax bounds the bytes of a lead-in and what surrounds it.
const leadInMax = 32

// leadIn reports whether line s starts with a lead-in (leadIns) and a
// separator: up to three marks ("* ", "**", "» ") before it, emphasis after it,
// then one of : | » › > - – —.
func leadIn(s string) bool {
	i := 0
	for k := 0; k < 3 && i < len(s); k++ {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !strings.ContainsRune("*_#>-•» \t", r) {
			break
		}
		i += n
	}
	if i >= len(s) {
		return false
	}
	// Only lines starting with a lead-in's first letter are looked at closely.
	switch s[i] | 0x20 {
	case 'r', 's', 'm', 'a', 'w', 'l', 'f', 't', 'e', 'd', 'v', 0xc3 | 0x20:
	default:
		return false
	}
	head := strings.ToLower(s[i:min(len(s), i+leadInMax)])
	for _, l := range leadIns {
		if !strings.HasPrefix(head, l) {
			continue
		}
		rest := head[len(l):]
		if r, _ := utf8.DecodeRuneInString(rest); unicode.IsLetter(r) || unicode.IsDigit(r) {
			continue
		}
		rest = strings.TrimLeft(rest, " *_")
		for _, sep := range []string{":", "|", "»", "›", ">", "-", "–", "—"} {
			if strings.HasPrefix(rest, sep) {
				return true
			}
		}
	}
	return false
}
