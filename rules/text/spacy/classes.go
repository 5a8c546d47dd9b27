package spacy

import (
	"unicode"
	"unicode/utf8"
)

// Terminal is datatrove's TERMINAL_PUNCTUATION (utils/text.py): the characters
// that end a sentence in some script. FineWebQualityFilter counts the lines ending
// in one of them.
var Terminal = runeSet(
	0x0021, 0x002E, 0x003F, 0x0589, 0x061D, 0x061E, 0x061F, 0x06D4, 0x0700, 0x0701, 0x0702,
	0x07F9, 0x0837, 0x0839, 0x083D, 0x083E, 0x0964, 0x0965, 0x104A, 0x104B, 0x1362, 0x1367,
	0x1368, 0x166E, 0x1735, 0x1736, 0x17D4, 0x17D5, 0x17D6, 0x17D9, 0x17DA, 0x1803, 0x1809,
	0x1944, 0x1945, 0x1AA8, 0x1AA9, 0x1AAA, 0x1AAB, 0x1B5A, 0x1B5B, 0x1B5E, 0x1B5F, 0x1B7D,
	0x1B7E, 0x1C3B, 0x1C3C, 0x1C7E, 0x1C7F, 0x203C, 0x203D, 0x2047, 0x2048, 0x2049, 0x2E2E,
	0x2E3C, 0x2E53, 0x2E54, 0x3002, 0xA4FF, 0xA60E, 0xA60F, 0xA6F3, 0xA6F7, 0xA876, 0xA877,
	0xA8CE, 0xA8CF, 0xA92F, 0xA9C8, 0xA9C9, 0xAA5D, 0xAA5E, 0xAA5F, 0xAAF0, 0xAAF1, 0xABEB,
	0xFE52, 0xFE56, 0xFE57, 0xFF01, 0xFF0E, 0xFF1F, 0xFF61, 0x10A56, 0x10A57, 0x10F55,
	0x10F56, 0x10F57, 0x10F58, 0x10F59, 0x10F86, 0x10F87, 0x10F88, 0x10F89, 0x11047, 0x11048,
	0x110BE, 0x110BF, 0x110C0, 0x110C1, 0x11141, 0x11142, 0x11143, 0x111C5, 0x111C6, 0x111CD,
	0x111DE, 0x111DF, 0x11238, 0x11239, 0x1123B, 0x1123C, 0x112A9, 0x1144B, 0x1144C, 0x115C2,
	0x115C3, 0x115C9, 0x115CA, 0x115CB, 0x115CC, 0x115CD, 0x115CE, 0x115CF, 0x115D0, 0x115D1,
	0x115D2, 0x115D3, 0x115D4, 0x115D5, 0x115D6, 0x115D7, 0x11641, 0x11642, 0x1173C, 0x1173D,
	0x1173E, 0x11944, 0x11946, 0x11A42, 0x11A43, 0x11A9B, 0x11A9C, 0x11C41, 0x11C42, 0x11EF7,
	0x11EF8, 0x11F43, 0x11F44, 0x16A6E, 0x16A6F, 0x16AF5, 0x16B37, 0x16B38, 0x16B44, 0x16E98,
	0x1BC9F, 0x1DA88,
)

// sentencePunct is the default punct_chars of spaCy's sentencizer, which datatrove's
// SpaCyTokenizer uses to count sentences (C4QualityFilter's min_num_sentences).
var sentencePunct = runeSet(
	'!', '.', '?', 0x0589, 0x061F, 0x06D4, 0x0700, 0x0701, 0x0702, 0x07F9, 0x0964, 0x0965,
	0x104A, 0x104B, 0x1362, 0x1367, 0x1368, 0x166E, 0x1735, 0x1736, 0x1803, 0x1809, 0x1944,
	0x1945, 0x1AA8, 0x1AA9, 0x1AAA, 0x1AAB, 0x1B5A, 0x1B5B, 0x1B5E, 0x1B5F, 0x1C3B, 0x1C3C,
	0x1C7E, 0x1C7F, 0x203C, 0x203D, 0x2047, 0x2048, 0x2049, 0x2E2E, 0x2E3C, 0xA4FF, 0xA60E,
	0xA60F, 0xA6F3, 0xA6F7, 0xA876, 0xA877, 0xA8CE, 0xA8CF, 0xA92F, 0xA9C8, 0xA9C9, 0xAA5D,
	0xAA5E, 0xAA5F, 0xAAF0, 0xAAF1, 0xABEB, 0xFE52, 0xFE56, 0xFE57, 0xFF01, 0xFF0E, 0xFF1F,
	0x10A56, 0x10A57, 0x11047, 0x11048, 0x110BE, 0x110BF, 0x110C0, 0x110C1, 0x11141, 0x11142,
	0x11143, 0x111C5, 0x111C6, 0x111CD, 0x111DE, 0x111DF, 0x11238, 0x11239, 0x1123B, 0x1123C,
	0x112A9, 0x1144B, 0x1144C, 0x115C2, 0x115C3, 0x115C9, 0x115CA, 0x115CB, 0x115CC, 0x115CD,
	0x115CE, 0x115CF, 0x115D0, 0x115D1, 0x115D2, 0x115D3, 0x115D4, 0x115D5, 0x115D6, 0x115D7,
	0x11641, 0x11642, 0x1173C, 0x1173D, 0x1173E, 0x11A42, 0x11A43, 0x11A9B, 0x11A9C, 0x11C41,
	0x11C42, 0x16A6E, 0x16A6F, 0x16AF5, 0x16B37, 0x16B38, 0x16B44, 0x1BC9F, 0x1DA88, 0xFF61,
	0x3002,
)

// punctuation is datatrove's PUNCTUATION_SET: the characters of PUNCTUATION, the C0
// and C1 controls but tab and line feed, and TERMINAL_PUNCTUATION. A token made only
// of them is a symbol, not a word, for GopherQualityFilter.
var punctuation = func() *runes {
	rs := []rune("!/—”:％１〈&(、━\\【#%「」，】；+^]~“《„';’{|∶´[=-`*．（–？！：$～«〉,><》)?）。…@_.\"}►»")
	for _, rg := range [][2]rune{{0, 9}, {11, 13}, {13, 32}, {127, 160}} {
		for r := rg[0]; r < rg[1]; r++ {
			rs = append(rs, r)
		}
	}
	for r := range Terminal.other {
		rs = append(rs, r)
	}
	for r, ok := range Terminal.ascii {
		if ok {
			rs = append(rs, rune(r))
		}
	}
	return runeSet(rs...)
}()

// IsSymbol reports whether every character of w is in datatrove's PUNCTUATION_SET.
func IsSymbol(w string) bool {
	for _, r := range w {
		if !punctuation.Has(r) {
			return false
		}
	}
	return true
}

// HasLetter reports whether Python's str.isalpha holds for a character of w.
func HasLetter(w string) bool {
	for _, r := range w {
		if r < 128 {
			if 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' {
				return true
			}
			continue
		}
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// WordStats returns what GopherQualityFilter asks of a word: its length in
// characters, IsSymbol(w) and HasLetter(w). Both answers are usually known at
// the first character; the rest is only counted.
func WordStats(w string) (chars int, symbol, letter bool) {
	symbol = true
	i := 0
	for i < len(w) && (symbol || !letter) {
		c := w[i]
		chars++
		if c < utf8.RuneSelf {
			i++
			symbol = symbol && punctuation.ascii[c]
			letter = letter || 'a' <= c|0x20 && c|0x20 <= 'z'
			continue
		}
		r, n := utf8.DecodeRuneInString(w[i:])
		i += n
		symbol = symbol && punctuation.Has(r)
		letter = letter || unicode.IsLetter(r)
	}
	return chars + utf8.RuneCountInString(w[i:]), symbol, letter
}

// runes is a set of characters with a table for ASCII, which the hot loops mostly
// ask about.
type runes struct {
	ascii [utf8.RuneSelf]bool
	other map[rune]bool
}

func runeSet(rs ...rune) *runes {
	s := &runes{other: map[rune]bool{}}
	for _, r := range rs {
		if 0 <= r && r < utf8.RuneSelf {
			s.ascii[r] = true
		} else {
			s.other[r] = true
		}
	}
	return s
}

func (s *runes) Has(r rune) bool {
	if 0 <= r && r < utf8.RuneSelf {
		return s.ascii[r]
	}
	return len(s.other) > 0 && s.other[r]
}

// sig is a bit set of string signatures (length and three bytes) that rules out
// most strings before a map lookup.
type sig [1 << 12]uint64

func sigHash(k string) uint32 {
	n := len(k)
	if n == 0 {
		return 0
	}
	return (uint32(n)*0x9E3779B1 ^ uint32(k[0])*0x85EBCA77 ^ uint32(k[n-1])*0xC2B2AE3D ^ uint32(k[n/2])*0x27D4EB2F) >> 14
}

func (s *sig) add(k string) { h := sigHash(k); s[h>>6] |= 1 << (h & 63) }

func (s *sig) has(k string) bool { h := sigHash(k); return s[h>>6]&(1<<(h&63)) != 0 }

// class is a character class of spaCy's char_classes.py: sorted, merged ranges.
type class [][2]rune

// parseClass parses the inside of a regular expression character class as
// char_classes.py writes them: literal characters, \uXXXX and \UXXXXXXXX escapes, and
// ranges with "-".
func parseClass(parts ...string) class {
	var rs []rune
	var out class
	for _, s := range parts {
		rs = rs[:0]
		for i := 0; i < len(s); {
			if s[i] == '\\' && i+1 < len(s) && (s[i+1] == 'u' || s[i+1] == 'U') {
				n := 4
				if s[i+1] == 'U' {
					n = 8
				}
				var v rune
				for _, c := range s[i+2 : i+2+n] {
					v = v*16 + hexVal(c)
				}
				rs = append(rs, v)
				i += 2 + n
				continue
			}
			r, n := utf8.DecodeRuneInString(s[i:])
			if r == '-' && len(rs) > 0 && i+1 < len(s) {
				rs = append(rs, -1) // range marker
				i += n
				continue
			}
			rs = append(rs, r)
			i += n
		}
		for k := 0; k < len(rs); k++ {
			if k+2 < len(rs) && rs[k+1] == -1 {
				out = append(out, [2]rune{rs[k], rs[k+2]})
				k += 2
				continue
			}
			out = append(out, [2]rune{rs[k], rs[k]})
		}
	}
	return merge(out)
}

func hexVal(c rune) rune {
	switch {
	case '0' <= c && c <= '9':
		return c - '0'
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10
	case 'A' <= c && c <= 'F':
		return c - 'A' + 10
	}
	return 0
}

func merge(rs class) class {
	// insertion sort is fine: the classes are built once at start-up
	for i := 1; i < len(rs); i++ {
		for j := i; j > 0 && rs[j][0] < rs[j-1][0]; j-- {
			rs[j], rs[j-1] = rs[j-1], rs[j]
		}
	}
	var out class
	for _, r := range rs {
		if n := len(out); n > 0 && r[0] <= out[n-1][1]+1 {
			out[n-1][1] = max(out[n-1][1], r[1])
			continue
		}
		out = append(out, r)
	}
	return out
}

func (c class) has(r rune) bool {
	lo, hi := 0, len(c)
	for lo < hi {
		m := (lo + hi) / 2
		switch {
		case r < c[m][0]:
			hi = m
		case r > c[m][1]:
			lo = m + 1
		default:
			return true
		}
	}
	return false
}

func alpha(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
	}
	return alphaClass.has(r)
}

func lower(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z'
	}
	return lowerClass.has(r)
}

func upper(r rune) bool {
	if r < utf8.RuneSelf {
		return 'A' <= r && r <= 'Z'
	}
	return upperClass.has(r)
}

func icon(r rune) bool { return r >= 0xA6 && iconClass.has(r) }

func digit(r rune) bool { return '0' <= r && r <= '9' }
