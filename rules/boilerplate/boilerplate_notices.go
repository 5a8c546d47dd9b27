package boilerplate

import (
	"github.com/corpuslint/corpuslint/rules/text/wordset"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Notices are whole sentences of page furniture that read as running text: the
// promotion under an article ("If you enjoyed this article, we have a proposition
// for you"), the legal notice ("This document is subject to copyright"), the
// affiliate disclosure ("may earn commission on products purchased through
// affiliate links"), contact details ("Fax: 972-3-561-3699"). The line model
// reads their words as prose; a few words in them say what they are. Like picture
// credits they are evidence (bpEvidence) but no model feature.
type bpNotice uint8

const (
	bpNoNotice bpNotice = iota
	bpPromotion
	bpLegalNotice
	bpAffiliate
	bpContactLine
	bpLeadInLine
	bpMarkupLeak  // set by bpMarkupLeaks, not by phrases
	bpCodeLeak    // likewise
	bpCommentLine // set by bpCommentThread, not by phrases
)

// bpNoticeNames name the notices in findings.
var bpNoticeNames = [...]string{"", "promotion", "legal notice", "affiliate disclosure", "contact details", "read-more lead-in", "leaked markup", "leaked code", "reader comments"}

// bpNoticeMaxWords: a notice is at most this long; a longer line is an article
// paragraph that happens to quote one.
const bpNoticeMaxWords = 60

// bpNoticePhrases are matched on the line's words in lower case (runs of
// letters and digits; "e-mail" is "e mail"). Each says what it is in the
// site's own voice ("we may earn", "this material may not be"), so that an
// article writing about newsletters, affiliate links or copyright is no notice.
var bpNoticePhrases = []struct {
	phrase string
	kind   bpNotice
}{
	{"if you enjoyed this article", bpPromotion},
	{"if you enjoyed this story", bpPromotion},
	{"if you enjoyed this post", bpPromotion},
	{"if you enjoyed reading", bpPromotion},
	{"if you liked this article", bpPromotion},
	{"if you liked this story", bpPromotion},
	{"if you like this article", bpPromotion},
	{"if you found this article", bpPromotion},
	{"enjoyed this article", bpPromotion},
	{"subscribe to our newsletter", bpPromotion},
	{"subscribe to our free newsletter", bpPromotion},
	{"sign up for our newsletter", bpPromotion},
	{"sign up to our newsletter", bpPromotion},
	{"sign up for our free newsletter", bpPromotion},
	{"delivered to your inbox", bpPromotion},
	{"straight to your inbox", bpPromotion},
	{"directly to your inbox", bpPromotion},
	{"successfully subscribed", bpPromotion},
	{"thank you for subscribing", bpPromotion},
	{"thanks for subscribing", bpPromotion},
	{"click here to subscribe", bpPromotion},
	{"subscribe now", bpPromotion},
	{"become a subscriber", bpPromotion},
	{"already a subscriber", bpPromotion},
	{"become a member", bpPromotion},
	{"join our mailing list", bpPromotion},
	{"support our journalism", bpPromotion},
	{"support independent journalism", bpPromotion},
	{"support quality journalism", bpPromotion},
	{"download our app", bpPromotion},
	{"follow us on", bpPromotion},
	{"follow him on twitter", bpPromotion},
	{"follow her on twitter", bpPromotion},
	{"follow me on twitter", bpPromotion},
	{"like us on facebook", bpPromotion},
	{"find us on facebook", bpPromotion},
	{"share this article", bpPromotion},
	{"share this story", bpPromotion},
	{"recommended for you", bpPromotion},
	{"thanks for reading", bpPromotion},
	{"thank you for reading", bpPromotion},
	{"got a tip", bpPromotion},
	{"have a news tip", bpPromotion},
	{"send us a tip", bpPromotion},
	{"comments are closed", bpPromotion},
	{"your email address will not be published", bpPromotion},
	{"required fields are marked", bpPromotion},
	{"abonnieren sie unseren newsletter", bpPromotion},
	{"melden sie sich für unseren newsletter", bpPromotion},
	{"inscrivez vous à notre newsletter", bpPromotion},
	{"abonnez vous à notre newsletter", bpPromotion},
	{"suscríbete a nuestro boletín", bpPromotion},
	{"assine nossa newsletter", bpPromotion},

	{"this document is subject to copyright", bpLegalNotice},
	{"this material may not be", bpLegalNotice},
	{"no part may be reproduced", bpLegalNotice},
	{"may be reproduced without the written permission", bpLegalNotice},
	{"may not be reproduced distributed", bpLegalNotice},
	{"may not be published broadcast", bpLegalNotice},
	{"without the prior written permission of", bpLegalNotice},
	{"without prior written permission of", bpLegalNotice},
	{"without the written permission of", bpLegalNotice},
	{"constitutes acceptance of", bpLegalNotice},
	{"constitutes your acceptance", bpLegalNotice},
	{"by using this site you agree", bpLegalNotice},
	{"by using this website you agree", bpLegalNotice},
	{"by continuing to use this site", bpLegalNotice},
	{"by continuing to use this website", bpLegalNotice},
	{"reprints and permissions", bpLegalNotice},
	{"this article was originally published", bpLegalNotice},
	{"this story was originally published", bpLegalNotice},
	{"this article first appeared", bpLegalNotice},
	{"this story first appeared", bpLegalNotice},
	{"views expressed in this", bpLegalNotice},
	{"views expressed here", bpLegalNotice},
	{"opinions expressed in this", bpLegalNotice},
	{"is a staff writer", bpLegalNotice},
	{"is a senior writer", bpLegalNotice},
	{"is a freelance writer", bpLegalNotice},
	{"is a contributing writer", bpLegalNotice},
	{"contact the author", bpLegalNotice},
	{"contributed to this report", bpLegalNotice},
	{"alle rechte vorbehalten", bpLegalNotice},
	{"tous droits réservés", bpLegalNotice},
	{"todos los derechos reservados", bpLegalNotice},
	{"todos os direitos reservados", bpLegalNotice},

	{"we may earn", bpAffiliate},
	{"we earn a commission", bpAffiliate},
	{"we may receive compensation", bpAffiliate},
	{"we may receive a commission", bpAffiliate},
	{"may earn commission on products", bpAffiliate},
	{"may get a share of the sale", bpAffiliate},
	{"affiliate partnerships", bpAffiliate},
	{"contains affiliate links", bpAffiliate},
	{"may contain affiliate links", bpAffiliate},
	{"through affiliate links", bpAffiliate},
	{"through our affiliate links", bpAffiliate},
	{"use affiliate links", bpAffiliate},
	{"uses affiliate links", bpAffiliate},
	{"auto affiliate links", bpAffiliate},
}

// bpContactLabels start a line of contact details when a number or an address
// follows: "Telephone +972-3-761-9056", "E-mail: subs@jpost.com".
var bpContactLabels = []string{"telephone", "tel", "phone", "fax", "e mail", "email", "telefon", "téléphone", "telefone", "teléfono"}

// bpContactMaxWords: a contact line is short.
const bpContactMaxWords = 8

// bpNoticeIndex holds the notice phrases as hashes of their words, indexed by
// the hash of their longest word (the rarest, most likely): a line is matched
// with one pass over its bytes and one bit test per word.
type bpNoticeIndex struct {
	byKey map[uint64][]int // key-word hash -> phrases holding it
	// keys has the bit h>>52 set for the hash h of every key word: most words
	// are ruled out with one bit test instead of a map probe.
	keys    [1 << 12 / 64]uint64
	words   [][]uint64 // each phrase's word hashes
	at      []int      // where each phrase's key word is in it
	kinds   []bpNotice
	contact map[uint64]bool // first-word hashes of contact labels
	// mail is the hash of "e", the first word of the label "e mail".
	mail, mail2 uint64
}

var bpNotices = func() *bpNoticeIndex {
	ix := &bpNoticeIndex{byKey: map[uint64][]int{}, contact: map[uint64]bool{}}
	for _, p := range bpNoticePhrases {
		hs := bpWordHashes(p.phrase)
		key := bpNoticeKey(strings.Fields(p.phrase))
		h := hs[key]
		ix.byKey[h] = append(ix.byKey[h], len(ix.words))
		ix.keys[h>>58] |= 1 << (h >> 52 & 63)
		ix.words = append(ix.words, hs)
		ix.at = append(ix.at, key)
		ix.kinds = append(ix.kinds, p.kind)
	}
	for _, l := range bpContactLabels {
		hs := bpWordHashes(l)
		if len(hs) == 1 {
			ix.contact[hs[0]] = true
		}
	}
	mail := bpWordHashes("e mail")
	ix.mail, ix.mail2 = mail[0], mail[1]
	return ix
}()

// bpNoticeKey picks the word of a phrase to index it by: the longest that is no
// stop word, the rarest in running text as a rule ("news" in "have a news tip",
// not "have"). Lines are matched only when they hold some phrase's key word.
func bpNoticeKey(words []string) int {
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

// bpNoticeOf returns the notice line s is, or bpNoNotice. scratch is reused for
// the line's word hashes and returned.
func bpNoticeOf(s string, scratch []uint64) (bpNotice, []uint64) {
	hs := bpWordHashesMax(s, scratch[:0], bpNoticeMaxWords+1)
	if len(hs) == 0 || len(hs) > bpNoticeMaxWords {
		return bpNoNotice, hs
	}
	ix := bpNotices
	if len(hs) <= bpContactMaxWords && strings.ContainsAny(s, "0123456789@") &&
		(ix.contact[hs[0]] || len(hs) > 1 && hs[0] == ix.mail && hs[1] == ix.mail2) {
		return bpContactLine, hs
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
	return bpNoNotice, hs
}

// bpWordHashes returns the FNV-1a hashes of the words of s in lower case, a word
// being a run of letters and digits.
func bpWordHashes(s string) []uint64 {
	return bpWordHashesMax(s, nil, -1)
}

// bpWordHashesMax is bpWordHashes stopping after limit words (no limit when
// negative): a line that long is no notice, whatever it says.
func bpWordHashesMax(s string, dst []uint64, limit int) []uint64 {
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

// bpLeadIns start a line that points to another page: "Read more: <headline>",
// "RELATED | <headline>", "Leia também: ...". They count only followed by a
// separator (after markdown emphasis), so that "More than 300 people" or
// "Watch the video below" in an article's own text are none.
var bpLeadIns = []string{
	"read more", "related", "see also", "more", "also read", "read also", "watch", "listen",
	"recommended", "further reading", "more on this", "more from", "trending",
	"editor's pick", "editor’s pick", "editors' picks", "editors’ picks", "don't miss", "don’t miss",
	"leia também", "leia mais", "veja também", "lesen sie auch", "mehr zum thema",
	"lire aussi", "à lire aussi", "lea también", "ver también",
}

// bpLeadInMax bounds the bytes of a lead-in and what surrounds it.
const bpLeadInMax = 32

// bpLeadIn reports whether line s starts with a lead-in (bpLeadIns) and a
// separator: up to three marks ("* ", "**", "» ") before it, emphasis after it,
// then one of : | » › > - – —.
func bpLeadIn(s string) bool {
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
	head := strings.ToLower(s[i:min(len(s), i+bpLeadInMax)])
	for _, l := range bpLeadIns {
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
