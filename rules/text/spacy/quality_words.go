package spacy

// This file reproduces, byte for byte where it matters, how datatrove splits an
// English document into words: datatrove's split_into_words(text, "en") runs spaCy's
// rule-based tokenizer of a blank English pipeline (tokenizer_assignment.csv assigns
// SpaCyTokenizer("en") to English) and drops the tokens that are white space. The
// quality rules need that exact split, because the Gopher and FineWeb thresholds are
// applied to counts of it: one token more or less per hundred moves the share of
// words with a letter by a point.
//
// spaCy's tokenizer works on each run of non-space characters: it checks a table of
// special cases ("don't" -> "do" "n't"), then strips prefixes and suffixes found by
// regular expressions (punctuation, quotes, currency, units after a number), then
// keeps a URL whole or splits the rest at infixes (hyphens between letters, "..."
// and so on). The expressions below are written as byte scans that make the same
// decisions as spaCy 3's punctuation.py, char_classes.py and the English
// tokenizer_exceptions.py, including Python's leftmost-first alternation.

import (
	"github.com/corpuslint/corpuslint/rules/text"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// IsPySpace reports whether Python's str.isspace is true for r: Go's white space plus
// the four ASCII separators U+001C..U+001F, which Python counts as space.
func IsPySpace(r rune) bool {
	if r < utf8.RuneSelf {
		switch r {
		case ' ', '\t', '\n', '\v', '\f', '\r', 0x1c, 0x1d, 0x1e, 0x1f:
			return true
		}
		return false
	}
	return unicode.IsSpace(r)
}

// PyStrip returns s[i:j] without leading and trailing Python white space.
func PyStrip(s string) (int, int) {
	i, j := 0, len(s)
	for i < j {
		r, n := utf8.DecodeRuneInString(s[i:j])
		if !IsPySpace(r) {
			break
		}
		i += n
	}
	for j > i {
		r, n := utf8.DecodeLastRuneInString(s[i:j])
		if !IsPySpace(r) {
			break
		}
		j -= n
	}
	return i, j
}

// SplitLines calls fn for every line of Python's text.splitlines(): lines end at
// \n, \r, \r\n, \v, \f, \x1c, \x1d, \x1e, U+0085, U+2028 and U+2029; a final line
// break does not start another line, and an empty text has no line. start and end
// bound the line's content; next is where the following line starts.
func SplitLines(text string, fn func(start, end, next int)) {
	start := 0
	for i := 0; i < len(text); {
		c := text[i]
		brk := 0
		switch {
		case c == '\n' || c == '\v' || c == '\f' || c == 0x1c || c == 0x1d || c == 0x1e:
			brk = 1
		case c == '\r':
			brk = 1
			if i+1 < len(text) && text[i+1] == '\n' {
				brk = 2
			}
		case c == 0xC2 && i+1 < len(text) && text[i+1] == 0x85:
			brk = 2
		case c == 0xE2 && i+2 < len(text) && text[i+1] == 0x80 && (text[i+2] == 0xA8 || text[i+2] == 0xA9):
			brk = 3
		}
		if brk == 0 {
			i++
			continue
		}
		fn(start, i, i+brk)
		i += brk
		start = i
	}
	if start < len(text) {
		fn(start, len(text), len(text))
	}
}

// Terminal is datatrove's TERMINAL_PUNCTUATION (utils/text.py): the characters
// that end a sentence in some script. FineWebQualityFilter counts the lines ending
// in one of them.
var Terminal = qRuneSet(
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

// qSentencePunct is the default punct_chars of spaCy's sentencizer, which datatrove's
// SpaCyTokenizer uses to count sentences (C4QualityFilter's min_num_sentences).
var qSentencePunct = qRuneSet(
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

// qPunctuation is datatrove's PUNCTUATION_SET: the characters of PUNCTUATION, the C0
// and C1 controls but tab and line feed, and TERMINAL_PUNCTUATION. A token made only
// of them is a symbol, not a word, for GopherQualityFilter.
var qPunctuation = func() *qRunes {
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
	return qRuneSet(rs...)
}()

// IsSymbol reports whether every character of w is in datatrove's PUNCTUATION_SET.
func IsSymbol(w string) bool {
	for _, r := range w {
		if !qPunctuation.Has(r) {
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

// qRunes is a set of characters with a table for ASCII, which the hot loops mostly
// ask about.
type qRunes struct {
	ascii [utf8.RuneSelf]bool
	other map[rune]bool
}

func qRuneSet(rs ...rune) *qRunes {
	s := &qRunes{other: map[rune]bool{}}
	for _, r := range rs {
		if 0 <= r && r < utf8.RuneSelf {
			s.ascii[r] = true
		} else {
			s.other[r] = true
		}
	}
	return s
}

func (s *qRunes) Has(r rune) bool {
	if 0 <= r && r < utf8.RuneSelf {
		return s.ascii[r]
	}
	return len(s.other) > 0 && s.other[r]
}

// qSig is a bit set of string signatures (length and three bytes) that rules out
// most strings before a map lookup.
type qSig [1 << 12]uint64

func qSigHash(k string) uint32 {
	n := len(k)
	if n == 0 {
		return 0
	}
	return (uint32(n)*0x9E3779B1 ^ uint32(k[0])*0x85EBCA77 ^ uint32(k[n-1])*0xC2B2AE3D ^ uint32(k[n/2])*0x27D4EB2F) >> 14
}

func (s *qSig) add(k string) { h := qSigHash(k); s[h>>6] |= 1 << (h & 63) }

func (s *qSig) has(k string) bool { h := qSigHash(k); return s[h>>6]&(1<<(h&63)) != 0 }

// qClass is a character class of spaCy's char_classes.py: sorted, merged ranges.
type qClass [][2]rune

// qParseClass parses the inside of a regular expression character class as
// char_classes.py writes them: literal characters, \uXXXX and \UXXXXXXXX escapes, and
// ranges with "-".
func qParseClass(parts ...string) qClass {
	var rs []rune
	var out qClass
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
					v = v*16 + qHexVal(c)
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
	return qMerge(out)
}

func qHexVal(c rune) rune {
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

func qMerge(rs qClass) qClass {
	// insertion sort is fine: the classes are built once at start-up
	for i := 1; i < len(rs); i++ {
		for j := i; j > 0 && rs[j][0] < rs[j-1][0]; j-- {
			rs[j], rs[j-1] = rs[j-1], rs[j]
		}
	}
	var out qClass
	for _, r := range rs {
		if n := len(out); n > 0 && r[0] <= out[n-1][1]+1 {
			out[n-1][1] = max(out[n-1][1], r[1])
			continue
		}
		out = append(out, r)
	}
	return out
}

func (c qClass) has(r rune) bool {
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

// The letter classes of spaCy's char_classes.py (ALPHA, ALPHA_LOWER, ALPHA_UPPER) and
// its symbols (ICONS). They are narrower than Unicode's letters: spaCy lists Latin,
// Cyrillic, Greek and a few more scripts, and counts the uncased scripts (Hebrew,
// Arabic, CJK, ...) as both lower and upper case.
var (
	qLatinLower = `a-z\uFF41-\uFF5A\u00DF-\u00F6\u00F8-\u00FF` +
		`\u0101\u0103\u0105\u0107\u0109\u010B\u010D\u010F\u0111\u0113\u0115\u0117\u0119\u011B\u011D` +
		`\u011F\u0121\u0123\u0125\u0127\u0129\u012B\u012D\u012F\u0131\u0133\u0135\u0137\u0138\u013A` +
		`\u013C\u013E\u0140\u0142\u0144\u0146\u0148\u0149\u014B\u014D\u014F\u0151\u0153\u0155\u0157` +
		`\u0159\u015B\u015D\u015F\u0161\u0163\u0165\u0167\u0169\u016B\u016D\u016F\u0171\u0173\u0175` +
		`\u0177\u017A\u017C\u017E\u017F` +
		`\u0180\u0183\u0185\u0188\u018C\u018D\u0192\u0195\u0199-\u019B\u019E\u01A1\u01A3\u01A5` +
		`\u01A8\u01AA\u01AB\u01AD\u01B0\u01B4\u01B6\u01B9\u01BA\u01BD-\u01BF\u01C6\u01C9\u01CC` +
		`\u01CE\u01D0\u01D2\u01D4\u01D6\u01D8\u01DA\u01DC\u01DD\u01DF\u01E1\u01E3\u01E5\u01E7` +
		`\u01E9\u01EB\u01ED\u01EF\u01F0\u01F3\u01F5\u01F9\u01FB\u01FD\u01FF\u0201\u0203\u0205` +
		`\u0207\u0209\u020B\u020D\u020F\u0211\u0213\u0215\u0217\u0219\u021B\u021D\u021F\u0221` +
		`\u0223\u0225\u0227\u0229\u022B\u022D\u022F\u0231\u0233-\u0239\u023C\u023F\u0240\u0242` +
		`\u0247\u0249\u024B\u024D\u024F` +
		`\u2C61\u2C65\u2C66\u2C68\u2C6A\u2C6C\u2C71\u2C73\u2C74\u2C76-\u2C7B` +
		`\uA723\uA725\uA727\uA729\uA72B\uA72D\uA72F-\uA731\uA733\uA735\uA737\uA739\uA73B\uA73D` +
		`\uA73F\uA741\uA743\uA745\uA747\uA749\uA74B\uA74D\uA74F\uA751\uA753\uA755\uA757\uA759` +
		`\uA75B\uA75D\uA75F\uA761\uA763\uA765\uA767\uA769\uA76B\uA76D\uA76F\uA771-\uA778\uA77A` +
		`\uA77C\uA77F\uA781\uA783\uA785\uA787\uA78C\uA78E\uA791\uA793-\uA795\uA797\uA799\uA79B` +
		`\uA79D\uA79F\uA7A1\uA7A3\uA7A5\uA7A7\uA7A9\uA7AF\uA7B5\uA7B7\uA7B9\uA7FA` +
		`\uAB30-\uAB5A\uAB60-\uAB64` +
		`\u0250-\u02AF\u1D00-\u1D25\u1D6B-\u1D77\u1D79-\u1D9A` +
		`\u1E01\u1E03\u1E05\u1E07\u1E09\u1E0B\u1E0D\u1E0F\u1E11\u1E13\u1E15\u1E17\u1E19\u1E1B` +
		`\u1E1D\u1E1F\u1E21\u1E23\u1E25\u1E27\u1E29\u1E2B\u1E2D\u1E2F\u1E31\u1E33\u1E35\u1E37` +
		`\u1E39\u1E3B\u1E3D\u1E3F\u1E41\u1E43\u1E45\u1E47\u1E49\u1E4B\u1E4D\u1E4F\u1E51\u1E53` +
		`\u1E55\u1E57\u1E59\u1E5B\u1E5D\u1E5F\u1E61\u1E63\u1E65\u1E67\u1E69\u1E6B\u1E6D\u1E6F` +
		`\u1E71\u1E73\u1E75\u1E77\u1E79\u1E7B\u1E7D\u1E7F\u1E81\u1E83\u1E85\u1E87\u1E89\u1E8B` +
		`\u1E8D\u1E8F\u1E91\u1E93\u1E95-\u1E9D\u1E9F\u1EA1\u1EA3\u1EA5\u1EA7\u1EA9\u1EAB\u1EAD` +
		`\u1EAF\u1EB1\u1EB3\u1EB5\u1EB7\u1EB9\u1EBB\u1EBD\u1EBF\u1EC1\u1EC3\u1EC5\u1EC7\u1EC9` +
		`\u1ECB\u1ECD\u1ECF\u1ED1\u1ED3\u1ED5\u1ED7\u1ED9\u1EDB\u1EDD\u1EDF\u1EE1\u1EE3\u1EE5` +
		`\u1EE7\u1EE9\u1EEB\u1EED\u1EEF\u1EF1\u1EF3\u1EF5\u1EF7\u1EF9\u1EFB\u1EFD\u1EFF`
	qLatinUpper = `A-Z\uFF21-\uFF3A\u00C0-\u00D6\u00D8-\u00DE` +
		`\u0100\u0102\u0104\u0106\u0108\u010A\u010C\u010E\u0110\u0112\u0114\u0116\u0118\u011A\u011C` +
		`\u011E\u0120\u0122\u0124\u0126\u0128\u012A\u012C\u012E\u0130\u0132\u0134\u0136\u0139\u013B` +
		`\u013D\u013F\u0141\u0143\u0145\u0147\u014A\u014C\u014E\u0150\u0152\u0154\u0156\u0158` +
		`\u015A\u015C\u015E\u0160\u0162\u0164\u0166\u0168\u016A\u016C\u016E\u0170\u0172\u0174\u0176` +
		`\u0178\u0179\u017B\u017D` +
		`\u0181\u0182\u0184\u0186\u0187\u0189-\u018B\u018E-\u0191\u0193\u0194\u0196-\u0198\u019C` +
		`\u019D\u019F\u01A0\u01A2\u01A4\u01A6\u01A7\u01A9\u01AC\u01AE\u01AF\u01B1-\u01B3\u01B5` +
		`\u01B7\u01B8\u01BC\u01C4\u01C7\u01CA\u01CD\u01CF\u01D1\u01D3\u01D5\u01D7\u01D9\u01DB` +
		`\u01DE\u01E0\u01E2\u01E4\u01E6\u01E8\u01EA\u01EC\u01EE\u01F1\u01F4\u01F6-\u01F8\u01FA` +
		`\u01FC\u01FE\u0200\u0202\u0204\u0206\u0208\u020A\u020C\u020E\u0210\u0212\u0214\u0216` +
		`\u0218\u021A\u021C\u021E\u0220\u0222\u0224\u0226\u0228\u022A\u022C\u022E\u0230\u0232` +
		`\u023A\u023B\u023D\u023E\u0241\u0243-\u0246\u0248\u024A\u024C\u024E` +
		`\u2C60\u2C62-\u2C64\u2C67\u2C69\u2C6B\u2C6D-\u2C70\u2C72\u2C75\u2C7E\u2C7F` +
		`\uA722\uA724\uA726\uA728\uA72A\uA72C\uA72E\uA732\uA734\uA736\uA738\uA73A\uA73C` +
		`\uA73E\uA740\uA742\uA744\uA746\uA748\uA74A\uA74C\uA74E\uA750\uA752\uA754\uA756\uA758` +
		`\uA75A\uA75C\uA75E\uA760\uA762\uA764\uA766\uA768\uA76A\uA76C\uA76E\uA779\uA77B\uA77D` +
		`\uA77E\uA780\uA782\uA784\uA786\uA78B\uA78D\uA790\uA792\uA796\uA798\uA79A\uA79C\uA79E` +
		`\uA7A0\uA7A2\uA7A4\uA7A6\uA7A8\uA7AA-\uA7AE\uA7B0-\uA7B4\uA7B6\uA7B8` +
		`\u1E00\u1E02\u1E04\u1E06\u1E08\u1E0A\u1E0C\u1E0E\u1E10\u1E12\u1E14\u1E16\u1E18\u1E1A` +
		`\u1E1C\u1E1E\u1E20\u1E22\u1E24\u1E26\u1E28\u1E2A\u1E2C\u1E2E\u1E30\u1E32\u1E34\u1E36` +
		`\u1E38\u1E3A\u1E3C\u1E3E\u1E40\u1E42\u1E44\u1E46\u1E48\u1E4A\u1E4C\u1E4E\u1E50\u1E52` +
		`\u1E54\u1E56\u1E58\u1E5A\u1E5C\u1E5E\u1E60\u1E62\u1E64\u1E66\u1E68\u1E6A\u1E6C\u1E6E` +
		`\u1E70\u1E72\u1E74\u1E76\u1E78\u1E7A\u1E7C\u1E7E\u1E80\u1E82\u1E84\u1E86\u1E88\u1E8A` +
		`\u1E8C\u1E8E\u1E90\u1E92\u1E94\u1E9E\u1EA0\u1EA2\u1EA4\u1EA6\u1EA8\u1EAA\u1EAC\u1EAE` +
		`\u1EB0\u1EB2\u1EB4\u1EB6\u1EB8\u1EBA\u1EBC\u1EBE\u1EC0\u1EC2\u1EC4\u1EC6\u1EC8` +
		`\u1ECA\u1ECC\u1ECE\u1ED0\u1ED2\u1ED4\u1ED6\u1ED8\u1EDA\u1EDC\u1EDE\u1EE0\u1EE2\u1EE4` +
		`\u1EE6\u1EE8\u1EEA\u1EEC\u1EEE\u1EF0\u1EF2\u1EF4\u1EF6\u1EF8\u1EFA\u1EFC\u1EFE`
	qLatinAll = `A-Za-z\uFF21-\uFF3A\uFF41-\uFF5A\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u00FF\u0100-\u017F` +
		`\u0180-\u01BF\u01C4-\u024F\u2C60-\u2C7B\u2C7E\u2C7F\uA722-\uA76F\uA771-\uA787\uA78B-\uA78E` +
		`\uA790-\uA7B9\uA7FA\uAB30-\uAB5A\uAB60-\uAB64\u0250-\u02AF\u1D00-\u1D25\u1D6B-\u1D77` +
		`\u1D79-\u1D9A\u1E00-\u1EFF`
	qOtherLower = `ёа-яәөүҗңһα-ωάέίόώήύа-щюяіїєґѓѕјљњќѐѝ`
	qOtherUpper = `ЁА-ЯӘӨҮҖҢҺΑ-ΩΆΈΊΌΏΉΎА-ЩЮЯІЇЄҐЃЅЈЉЊЌЀЍ`
	qUncased    = `\u1200-\u137F\u0980-\u09FF\u0591-\u05F4\uFB1D-\uFB4F` +
		`\u0620-\u064A\u066E-\u06D5\u06E5-\u06FF\u0750-\u077F\u08A0-\u08BD` +
		`\uFB50-\uFBB1\uFBD3-\uFD3D\uFD50-\uFDC7\uFDF0-\uFDFB\uFE70-\uFEFC\U0001EE00-\U0001EEBB` +
		`\u0D85-\u0D96\u0D9A-\u0DB1\u0DB3-\u0DBB\u0DBD\u0DC0-\u0DC6` +
		`\u0900-\u097F\u0C80-\u0CFF\u0B80-\u0BFF\u0C00-\u0C7F\uAC00-\uD7AF\u1100-\u11FF` +
		`\u4E00-\u62FF\u6300-\u77FF\u7800-\u8CFF\u8D00-\u9FFF\u3400-\u4DBF` +
		`\U00020000-\U000215FF\U00021600-\U000230FF\U00023100-\U000245FF` +
		`\U00024600-\U000260FF\U00026100-\U000275FF\U00027600-\U000290FF` +
		`\U00029100-\U0002A6DF\U0002A700-\U0002B73F\U0002B740-\U0002B81F` +
		`\U0002B820-\U0002CEAF\U0002CEB0-\U0002EBEF\u2E80-\u2EFF\u2F00-\u2FDF` +
		`\u2FF0-\u2FFF\u3000-\u303F\u31C0-\u31EF\u3200-\u32FF\u3300-\u33FF` +
		`\uF900-\uFAFF\uFE30-\uFE4F\U0001F200-\U0001F2FF\U0002F800-\U0002FA1F`
	qIcons = `\u00A6\u00A9\u00AE\u00B0\u0482\u058D\u058E\u060E\u060F\u06DE\u06E9\u06FD\u06FE\u07F6\u09FA\u0B70` +
		`\u0BF3-\u0BF8\u0BFA\u0C7F\u0D4F\u0D79\u0F01-\u0F03\u0F13\u0F15-\u0F17\u0F1A-\u0F1F\u0F34` +
		`\u0F36\u0F38\u0FBE-\u0FC5\u0FC7-\u0FCC\u0FCE\u0FCF\u0FD5-\u0FD8\u109E\u109F\u1390-\u1399` +
		`\u1940\u19DE-\u19FF\u1B61-\u1B6A\u1B74-\u1B7C\u2100\u2101\u2103-\u2106\u2108\u2109\u2114\u2116` +
		`\u2117\u211E-\u2123\u2125\u2127\u2129\u212E\u213A\u213B\u214A\u214C\u214D\u214F\u218A\u218B` +
		`\u2195-\u2199\u219C-\u219F\u21A1\u21A2\u21A4\u21A5\u21A7-\u21AD\u21AF-\u21CD\u21D0\u21D1\u21D3` +
		`\u21D5-\u21F3\u2300-\u2307\u230C-\u231F\u2322-\u2328\u232B-\u237B\u237D-\u239A\u23B4-\u23DB` +
		`\u23E2-\u2426\u2440-\u244A\u249C-\u24E9\u2500-\u25B6\u25B8-\u25C0\u25C2-\u25F7\u2600-\u266E` +
		`\u2670-\u2767\u2794-\u27BF\u2800-\u28FF\u2B00-\u2B2F\u2B45\u2B46\u2B4D-\u2B73\u2B76-\u2B95` +
		`\u2B98-\u2BC8\u2BCA-\u2BFE\u2CE5-\u2CEA\u2E80-\u2E99\u2E9B-\u2EF3\u2F00-\u2FD5\u2FF0-\u2FFB` +
		`\u3004\u3012\u3013\u3020\u3036\u3037\u303E\u303F\u3190\u3191\u3196-\u319F\u31C0-\u31E3` +
		`\u3200-\u321E\u322A-\u3247\u3250\u3260-\u327F\u328A-\u32B0\u32C0-\u32FE\u3300-\u33FF\u4DC0-\u4DFF` +
		`\uA490-\uA4C6\uA828-\uA82B\uA836\uA837\uA839\uAA77-\uAA79\uFDFD\uFFE4\uFFE8\uFFED\uFFEE\uFFFC` +
		`\uFFFD\U00010137-\U0001013F\U00010179-\U00010189\U0001018C-\U0001018E\U00010190-\U0001019B` +
		`\U000101A0\U000101D0-\U000101FC\U00010877\U00010878\U00010AC8\U0001173F\U00016B3C-\U00016B3F` +
		`\U00016B45\U0001BC9C\U0001D000-\U0001D0F5\U0001D100-\U0001D126\U0001D129-\U0001D164` +
		`\U0001D16A-\U0001D16C\U0001D183\U0001D184\U0001D18C-\U0001D1A9\U0001D1AE-\U0001D1E8` +
		`\U0001D200-\U0001D241\U0001D245\U0001D300-\U0001D356\U0001D800-\U0001D9FF\U0001DA37-\U0001DA3A` +
		`\U0001DA6D-\U0001DA74\U0001DA76-\U0001DA83\U0001DA85\U0001DA86\U0001ECAC\U0001F000-\U0001F02B` +
		`\U0001F030-\U0001F093\U0001F0A0-\U0001F0AE\U0001F0B1-\U0001F0BF\U0001F0C1-\U0001F0CF` +
		`\U0001F0D1-\U0001F0F5\U0001F110-\U0001F16B\U0001F170-\U0001F1AC\U0001F1E6-\U0001F202` +
		`\U0001F210-\U0001F23B\U0001F240-\U0001F248\U0001F250\U0001F251\U0001F260-\U0001F265` +
		`\U0001F300-\U0001F3FA\U0001F400-\U0001F6D4\U0001F6E0-\U0001F6EC\U0001F6F0-\U0001F6F9` +
		`\U0001F700-\U0001F773\U0001F780-\U0001F7D8\U0001F800-\U0001F80B\U0001F810-\U0001F847` +
		`\U0001F850-\U0001F859\U0001F860-\U0001F887\U0001F890-\U0001F8AD\U0001F900-\U0001F90B` +
		`\U0001F910-\U0001F93E\U0001F940-\U0001F970\U0001F973-\U0001F976\U0001F97A\U0001F97C-\U0001F9A2` +
		`\U0001F9B0-\U0001F9B9\U0001F9C0-\U0001F9C2\U0001F9D0-\U0001F9FF\U0001FA60-\U0001FA6D`

	qAlphaClass = qParseClass(qLatinAll, qOtherLower, qOtherUpper, qUncased)
	qLowerClass = qParseClass(qLatinLower, qOtherLower, qUncased)
	qUpperClass = qParseClass(qLatinUpper, qOtherUpper, qUncased)
	qIconClass  = qParseClass(qIcons)
)

func qAlpha(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
	}
	return qAlphaClass.has(r)
}

func qLower(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z'
	}
	return qLowerClass.has(r)
}

func qUpper(r rune) bool {
	if r < utf8.RuneSelf {
		return 'A' <= r && r <= 'Z'
	}
	return qUpperClass.has(r)
}

func qIcon(r rune) bool { return r >= 0xA6 && qIconClass.has(r) }

func qDigit(r rune) bool { return '0' <= r && r <= '9' }

// qPunctRunes is LIST_PUNCT (all single characters but "……"); qQuoteRunes is
// LIST_QUOTES; qCurrencyRunes the one-character entries of LIST_CURRENCY.
var (
	qPunctRunes    = qRuneSet([]rune("…,:;!?¿؟¡()[]{}<>_#*&。？！，、；：～·।،۔؛٪")...)
	qQuoteRunes    = qRuneSet([]rune("'\"”“`‘´’‚,„»«「」『』（）〔〕【】《》〈〉〈〉⟦⟧")...)
	qCurrencyRunes = qRuneSet([]rune("$£€¥฿₽﷼₴₠₡₢₣₤₥₦₧₨₩₪₫₭₮₯₰₱₲₳₵₶₷₸₹₺₻₼₾₿")...)
	// qCurrency is LIST_CURRENCY, for the suffix after a number.
	qCurrency = strings.Fields("$ £ € ¥ ฿ US$ C$ A$ ₽ ﷼ ₴ ₠ ₡ ₢ ₣ ₤ ₥ ₦ ₧ ₨ ₩ ₪ ₫ ₭ ₮ ₯ ₰ ₱ ₲ ₳ ₵ ₶ ₷ ₸ ₹ ₺ ₻ ₼ ₾ ₿")
	// qUnits is LIST_UNITS; "тбكم" is one entry because char_classes.py lacks a space there.
	qUnits = strings.Fields("km km² km³ m m² m³ dm dm² dm³ cm cm² cm³ mm mm² mm³ ha µm nm yd in ft " +
		"kg g mg µg t lb oz m/s km/h kmh mph hPa Pa mbar mb MB kb KB gb GB tb " +
		"TB T G M K % км км² км³ м м² м³ дм дм² дм³ см см² см³ мм мм² мм³ нм " +
		"кг г мг м/с км/ч кПа Па мбар Кб КБ кб Мб МБ мб Гб ГБ гб Тб ТБ тбكم كم² كم³ م م² م³ " +
		"سم سم² سم³ مم مم² مم³ كم غرام جرام جم كغ ملغ كوب اكواب")
	// qAfterDigit holds the currency signs and units split off after a number.
	qAfterDigit, qAfterDigitMax = func() (map[string]bool, int) {
		m := map[string]bool{}
		longest := 0
		for _, l := range [][]string{qCurrency, qUnits} {
			for _, u := range l {
				m[u] = true
				longest = max(longest, len(u))
			}
		}
		return m, longest
	}()
	// qBeforeDot is the look-behind class of the suffix rule that splits a final "."
	// after a digit, a lower-case letter or punctuation. Being built from PUNCT and
	// "(?:{q})" inside brackets, it also holds "|", "(", "?", ":" and ")".
	qBeforeDot = qRuneSet([]rune("%²-+|(?:)…,:;!?¿؟¡()[]{}<>_#*&。？！，、；：～·।،۔؛٪'\"”“`‘´’‚,„»«「」『』（）〔〕【】《》〈〉〈〉⟦⟧")...)
)

// qPrefixLen returns the byte length of the prefix spaCy splits off s, or 0. Python's
// alternation takes the first entry that matches, so "……" yields "…".
func qPrefixLen(s string) int {
	if s == "" {
		return 0
	}
	r, n := utf8.DecodeRuneInString(s)
	switch r {
	case '§', '%', '=', '—', '–':
		return n
	case '+':
		if len(s) > 1 && qDigit(rune(s[1])) {
			return 0
		}
		return 1
	case '.':
		if len(s) > 1 && s[1] == '.' {
			i := 2
			for i < len(s) && s[i] == '.' {
				i++
			}
			return i
		}
		return 0
	}
	if qPunctRunes.Has(r) || qQuoteRunes.Has(r) || qCurrencyRunes.Has(r) || qIcon(r) {
		return n
	}
	switch {
	case strings.HasPrefix(s, "US$"):
		return 3
	case strings.HasPrefix(s, "C$"), strings.HasPrefix(s, "A$"):
		return 2
	}
	return 0
}

// qSuffixLen returns the byte length of the suffix spaCy splits off s, or 0. Every
// suffix expression is anchored at the end and searched leftmost-first, so the
// longest one that matches wins.
func qSuffixLen(s string) int {
	if s == "" {
		return 0
	}
	best := 0
	r, n := utf8.DecodeLastRuneInString(s)
	if qPunctRunes.Has(r) || qQuoteRunes.Has(r) || qIcon(r) || r == '—' || r == '–' {
		best = n
	}
	if strings.HasSuffix(s, "……") {
		best = max(best, len("……"))
	}
	if r == '.' {
		k := len(s)
		for k > 0 && s[k-1] == '.' {
			k--
		}
		if len(s)-k >= 2 {
			best = max(best, len(s)-k)
		}
	}
	for _, e := range [...]string{"'s", "'S", "’s", "’S"} {
		if strings.HasSuffix(s, e) {
			best = max(best, len(e))
		}
	}
	rest := s[:len(s)-n]
	p, pn := utf8.DecodeLastRuneInString(rest)
	switch r {
	case '+':
		if qDigit(p) {
			best = max(best, 1)
		}
	case '.':
		if pn > 0 {
			before := rest[:len(rest)-pn]
			if qDigit(p) || qLower(p) || qBeforeDot.Has(p) {
				best = max(best, 1)
			}
			if pp, ppn := utf8.DecodeLastRuneInString(before); ppn > 0 && qUpper(p) && qUpper(pp) {
				best = max(best, 1) // r"(?<=[{au}][{au}])\."
			}
		}
	}
	// r"(?<=[0-9])(?:{c})" and r"(?<=[0-9])(?:{u})": a currency sign or unit after a
	// digit; the leftmost digit that starts one gives the longest
	for i := max(0, len(s)-qAfterDigitMax-1); i < len(s)-1; i++ {
		if qDigit(rune(s[i])) && len(s)-i-1 > best && qAfterDigit[s[i+1:]] {
			best = len(s) - i - 1
			break
		}
	}
	return best
}

// qHyphens is HYPHENS in the order Python tries them.
var qHyphens = [...]string{"-", "–", "—", "--", "---", "——", "~"}

// qInfixes calls fn for each infix match of spaCy's English infix expressions in s,
// left to right and without overlaps, as re.finditer returns them.
func qInfixes(s string, fn func(start, end int)) {
	for i := 0; i < len(s); {
		c, cn := utf8.DecodeRuneInString(s[i:])
		if end := qInfixAt(s, i, c, cn); end > i {
			fn(i, end)
			i = end
			continue
		}
		i += cn
	}
}

// qInfixAt returns the end of the infix match at s[i] (c, cn being the rune there),
// or i when none matches.
func qInfixAt(s string, i int, c rune, cn int) int {
	// LIST_ELLIPSES: r"\.\.+" and "…", then LIST_ICONS
	if c == '.' && i+1 < len(s) && s[i+1] == '.' {
		j := i + 2
		for j < len(s) && s[j] == '.' {
			j++
		}
		return j
	}
	if c == '…' || qIcon(c) {
		return i + cn
	}
	if i == 0 {
		return i // every other expression looks behind
	}
	prev, _ := utf8.DecodeLastRuneInString(s[:i])
	next, _ := utf8.DecodeRuneInString(s[i+cn:])
	hasNext := i+cn < len(s)
	switch c {
	case '+', '-', '*', '^':
		// r"(?<=[0-9])[+\-\*^](?=[0-9-])"
		if qDigit(prev) && hasNext && (qDigit(next) || next == '-') {
			return i + 1
		}
	case '.':
		// r"(?<=[{al}{q}])\.(?=[{au}{q}])"
		if (qLower(prev) || qQuoteRunes.Has(prev)) && hasNext && (qUpper(next) || qQuoteRunes.Has(next)) {
			return i + 1
		}
	case ',':
		// r"(?<=[{a}]),(?=[{a}])"
		if qAlpha(prev) && hasNext && qAlpha(next) {
			return i + 1
		}
	}
	if (c == '-' || c == '–' || c == '—' || c == '~' || c == ':' || c == '<' || c == '>' || c == '=' || c == '/') &&
		(qAlpha(prev) || qDigit(prev)) {
		// r"(?<=[{a}0-9])(?:{h})(?=[{a}])"
		for _, h := range qHyphens {
			if strings.HasPrefix(s[i:], h) && i+len(h) < len(s) {
				if r, _ := utf8.DecodeRuneInString(s[i+len(h):]); qAlpha(r) {
					return i + len(h)
				}
			}
		}
		// r"(?<=[{a}0-9])[:<>=/](?=[{a}])"
		switch c {
		case ':', '<', '>', '=', '/':
			if hasNext && qAlpha(next) {
				return i + 1
			}
		}
	}
	return i
}

// IsURL reports whether spaCy's URL_MATCH (lang/tokenizer_exceptions.py) accepts
// s, that is whether s is, whole,
//
//	(scheme://)? (user@)? (public IPv4 | host.tld) (:port)? ([/?#]...)?
//
// with scheme [\w+\-.]{2,}, host labels of 1 to 64 of [A-Za-z0-9\u00a1-\uffff_-]
// starting and ending with a letter or digit, and a top-level domain of 2 to 63
// lower-case letters. It is written out rather than run as a regular expression:
// the expression's look-aheads have no Go equivalent, and the tokenizer asks about
// every candidate word.
func IsURL(s string) bool {
	// The host needs a top-level domain (a "." and two lower-case letters) or the
	// three dots of an IP address, which rules out numbers and abbreviations.
	dots, tld := 0, false
	for i := 0; i < len(s); i++ {
		if s[i] != '.' {
			continue
		}
		dots++
		if !tld && i+1 < len(s) {
			r1, n1 := utf8.DecodeRuneInString(s[i+1:])
			r2, _ := utf8.DecodeRuneInString(s[i+1+n1:])
			tld = qLower(r1) && qLower(r2)
		}
	}
	if !tld && dots < 3 {
		return false
	}
	starts := [2]int{0, -1}
	// a scheme ends at the first "://", since its characters hold neither ':' nor '/'
	if i := strings.Index(s, "://"); i > 0 && utf8.RuneCountInString(s[:i]) >= 2 && qURLScheme(s[:i]) {
		starts[1] = i + 3
	}
	for _, st := range starts {
		if st < 0 {
			continue
		}
		rest := s[st:]
		if qURLHost(rest) {
			return true
		}
		// "user@" or "user:pass@": any '@' after at least one character
		for k := 1; k < len(rest); k++ {
			if rest[k] == '@' && qURLHost(rest[k+1:]) {
				return true
			}
		}
	}
	return false
}

func qURLScheme(s string) bool {
	for _, r := range s {
		if !(r == '_' || r == '+' || r == '-' || r == '.' || unicode.IsLetter(r) || unicode.IsNumber(r)) {
			return false
		}
	}
	return true
}

// qURLLabel reports whether r may appear in a host label: [A-Za-z0-9\u00a1-\uffff].
func qURLLabel(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return 0xa1 <= r && r <= 0xffff
}

// qURLHost matches h against (public IPv4 | labels.tld)(:port)?([/?#]...)?$.
func qURLHost(h string) bool {
	if e, ok := qURLIPv4(h); ok && qURLTail(h[e:]) {
		return true
	}
	// The domain ends where its characters end: what may follow it, ':' and
	// [/?#], belongs to none of them.
	end := 0
	for end < len(h) {
		r, n := utf8.DecodeRuneInString(h[end:])
		if !(qURLLabel(r) || r == '.' || r == '_' || r == '-' || qLower(r)) {
			break
		}
		end += n
	}
	if !qURLTail(h[end:]) {
		return false
	}
	host := h[:end]
	dot := strings.LastIndexByte(host, '.')
	if dot <= 0 {
		return false
	}
	tldLen := 0
	for _, r := range host[dot+1:] {
		if !qLower(r) {
			return false
		}
		tldLen++
	}
	if tldLen < 2 || tldLen > 63 {
		return false
	}
	for _, label := range strings.Split(host[:dot], ".") {
		n := 0
		last := rune(-1)
		for _, r := range label {
			if n == 0 && !qURLLabel(r) || !(qURLLabel(r) || r == '_' || r == '-') {
				return false
			}
			last = r
			n++
		}
		if n == 0 || n > 64 || !qURLLabel(last) {
			return false
		}
	}
	return true
}

// qURLTail matches (?::\d{2,5})?(?:[/?#]\S*)?$; s holds no white space.
func qURLTail(s string) bool {
	if s != "" && s[0] == ':' {
		n, i := 0, 1
		for i < len(s) {
			r, size := utf8.DecodeRuneInString(s[i:])
			if !unicode.IsDigit(r) {
				break
			}
			n++
			i += size
		}
		if n < 2 || n > 5 {
			return false
		}
		s = s[i:]
	}
	return s == "" || s[0] == '/' || s[0] == '?' || s[0] == '#'
}

// qURLIPv4 matches the IP alternative of URL_MATCH at the start of h, with its
// exclusion of private and local networks, and returns where it ends.
func qURLIPv4(h string) (int, bool) {
	var oct [4]string
	i := 0
	for k := 0; k < 4; k++ {
		j := i
		for j < len(h) {
			r, size := utf8.DecodeRuneInString(h[j:])
			if !unicode.IsDigit(r) {
				break
			}
			j += size
		}
		oct[k] = h[i:j]
		if k < 3 {
			if j >= len(h) || h[j] != '.' {
				return 0, false
			}
			j++
		}
		i = j
	}
	if !qOctetFirst([]rune(oct[0])) || !qOctetMiddle([]rune(oct[1])) || !qOctetMiddle([]rune(oct[2])) ||
		!qOctetLast([]rune(oct[3])) {
		return 0, false
	}
	switch {
	case oct[0] == "10" || oct[0] == "127":
		return 0, false
	case oct[0] == "169" && oct[1] == "254", oct[0] == "192" && oct[1] == "168":
		return 0, false
	case oct[0] == "172" && qPrivate172(oct[1]):
		return 0, false
	}
	return i, true
}

// The octets of URL_MATCH's IP alternative, each a whole run of digits: the first
// [1-9]\d?|1\d\d|2[01]\d|22[0-3], the middle two 1?\d{1,2}|2[0-4]\d|25[0-5], the last
// [1-9]\d?|1\d\d|2[0-4]\d|25[0-4]. "\d" is any decimal digit, as in Python.
func qOctetFirst(o []rune) bool {
	switch len(o) {
	case 1:
		return qD19(o[0])
	case 2:
		return qD19(o[0]) && unicode.IsDigit(o[1])
	case 3:
		return o[0] == '1' && unicode.IsDigit(o[1]) && unicode.IsDigit(o[2]) ||
			o[0] == '2' && (o[1] == '0' || o[1] == '1') && unicode.IsDigit(o[2]) ||
			o[0] == '2' && o[1] == '2' && '0' <= o[2] && o[2] <= '3'
	}
	return false
}

func qOctetMiddle(o []rune) bool {
	switch len(o) {
	case 1:
		return unicode.IsDigit(o[0])
	case 2:
		return unicode.IsDigit(o[0]) && unicode.IsDigit(o[1])
	case 3:
		return qOctet3(o, '5')
	}
	return false
}

func qOctetLast(o []rune) bool {
	switch len(o) {
	case 1:
		return qD19(o[0])
	case 2:
		return qD19(o[0]) && unicode.IsDigit(o[1])
	case 3:
		return qOctet3(o, '4')
	}
	return false
}

// qOctet3 is 1\d\d|2[0-4]\d|25[0-top].
func qOctet3(o []rune, top rune) bool {
	return o[0] == '1' && unicode.IsDigit(o[1]) && unicode.IsDigit(o[2]) ||
		o[0] == '2' && '0' <= o[1] && o[1] <= '4' && unicode.IsDigit(o[2]) ||
		o[0] == '2' && o[1] == '5' && '0' <= o[2] && o[2] <= top
}

func qD19(r rune) bool { return '1' <= r && r <= '9' }

// qPrivate172 reports whether the second octet after 172 is 16-31
// (1[6-9]|2\d|3[0-1]), a private network.
func qPrivate172(o string) bool {
	rs := []rune(o)
	if len(rs) != 2 {
		return false
	}
	return rs[0] == '1' && '6' <= rs[1] && rs[1] <= '9' || rs[0] == '2' && unicode.IsDigit(rs[1]) ||
		rs[0] == '3' && (rs[1] == '0' || rs[1] == '1')
}

// qSpecials are spaCy's English tokenizer exceptions (with the base ones every
// language shares): a string matching one exactly becomes the listed tokens, given
// here by their byte lengths.
var qSpecials, qMaxSpecial = qBuildSpecials()

// qSpecialSig rules out most strings before the lookup in qSpecials.
var qSpecialSig = func() *qSig {
	s := new(qSig)
	for k := range qSpecials {
		s.add(k)
	}
	return s
}()

func qBuildSpecials() (map[string][]int, int) {
	exc := map[string][]string{}
	one := func(ss ...string) {
		for _, s := range ss {
			exc[s] = []string{s}
		}
	}
	// spacy/lang/tokenizer_exceptions.py
	one(" ", "\t", "\\t", "\n", "\\n", "\u2014", "\u00a0", "'", "\\\")", "<space>", "''", "C++")
	for c := 'a'; c <= 'z'; c++ {
		one(string(c) + ".")
	}
	one("ä.", "ö.", "ü.")
	// "°C." and the like: a suffix rule once, an exception since the suffix search
	// stopped seeing the prefix ("°" is a prefix) in spaCy 3.2
	for _, u := range "cfkCFK" {
		exc["°"+string(u)+"."] = []string{"°", string(u), "."}
	}
	one(strings.Fields(`:) :-) :)) :-)) :))) :-))) (: (-: =) (= ") :] :-] [: [-: [= =] :o) (o: :} :-} 8) 8-)
		(-8 ;) ;-) (; (-; :( :-( :(( :-(( :((( :-((( ): )-: =( >:( :') :'-) :'( :'-( :/ :-/ =/ =| :| :-|
		]= =[ :1 :P :-P :p :-p :O :-O :o :-o :0 :-0 :() >:o :* :-* :3 :-3 =3 :> :-> :X :-X :x :-x :D :-D
		;D ;-D =D xD XD xDD XDD 8D 8-D ^_^ ^__^ ^___^ >.< >.> <.< ._. ;_; -_- -__- v.v V.V v_v V_V o_o o_O
		O_o O_O 0_o o_0 0_0 o.O O.o O.O o.o 0.0 o.0 0.o @_@ <3 <33 <333 </3 (^_^) (-_-) (._.) (>_<) (*_*)
		(¬_¬) ಠ_ಠ ಠ︵ಠ (ಠ_ಠ) ¯\(ツ)/¯ (╯°□°）╯︵┻━┻ ><(((*>`)...)

	// spacy/lang/en/tokenizer_exceptions.py
	en := map[string][]string{}
	title := func(s string) string { return strings.ToUpper(s[:1]) + s[1:] }
	for _, o := range []string{"i", "I"} {
		en[o+"'m"] = []string{o, "'m"}
		en[o+"m"] = []string{o, "m"}
		en[o+"'ma"] = []string{o, "'m", "a"}
		en[o+"ma"] = []string{o, "m", "a"}
	}
	for _, p := range []string{"i", "you", "he", "she", "it", "we", "they"} {
		for _, o := range []string{p, title(p)} {
			en[o+"'ll"] = []string{o, "'ll"}
			en[o+"ll"] = []string{o, "ll"}
			en[o+"'ll've"] = []string{o, "'ll", "'ve"}
			en[o+"llve"] = []string{o, "ll", "ve"}
			en[o+"'d"] = []string{o, "'d"}
			en[o+"d"] = []string{o, "d"}
			en[o+"'d've"] = []string{o, "'d", "'ve"}
			en[o+"dve"] = []string{o, "d", "ve"}
		}
	}
	for _, p := range []string{"i", "you", "we", "they"} {
		for _, o := range []string{p, title(p)} {
			en[o+"'ve"] = []string{o, "'ve"}
			en[o+"ve"] = []string{o, "ve"}
		}
	}
	for _, p := range []string{"you", "we", "they"} {
		for _, o := range []string{p, title(p)} {
			en[o+"'re"] = []string{o, "'re"}
			en[o+"re"] = []string{o, "re"}
		}
	}
	for _, p := range []string{"he", "she", "it"} {
		for _, o := range []string{p, title(p)} {
			en[o+"'s"] = []string{o, "'s"}
			en[o+"s"] = []string{o, "s"}
		}
	}
	for _, w := range []struct {
		word   string
		number byte // 's' singular, 'p' plural, 0 none
	}{{"who", 0}, {"what", 0}, {"when", 0}, {"where", 0}, {"why", 0}, {"how", 0}, {"there", 0},
		{"that", 's'}, {"this", 's'}, {"these", 'p'}, {"those", 'p'}} {
		for _, o := range []string{w.word, title(w.word)} {
			if w.number != 'p' {
				en[o+"'s"] = []string{o, "'s"}
				en[o+"s"] = []string{o, "s"}
			}
			en[o+"'ll"] = []string{o, "'ll"}
			en[o+"ll"] = []string{o, "ll"}
			en[o+"'ll've"] = []string{o, "'ll", "'ve"}
			en[o+"llve"] = []string{o, "ll", "ve"}
			if w.number != 's' {
				en[o+"'re"] = []string{o, "'re"}
				en[o+"re"] = []string{o, "re"}
				en[o+"'ve"] = []string{o, "'ve"}
				en[o+"ve"] = []string{o, "ve"}
			}
			en[o+"'d"] = []string{o, "'d"}
			en[o+"d"] = []string{o, "d"}
			en[o+"'d've"] = []string{o, "'d", "'ve"}
			en[o+"dve"] = []string{o, "d", "ve"}
		}
	}
	for _, v := range []string{"ca", "could", "do", "does", "did", "had", "may", "might", "must", "need",
		"ought", "sha", "should", "wo", "would"} {
		for _, o := range []string{v, title(v)} {
			en[o+"n't"] = []string{o, "n't"}
			en[o+"nt"] = []string{o, "nt"}
			en[o+"n't've"] = []string{o, "n't", "'ve"}
			en[o+"ntve"] = []string{o, "nt", "ve"}
		}
	}
	for _, v := range []string{"could", "might", "must", "should", "would"} {
		for _, o := range []string{v, title(v)} {
			en[o+"'ve"] = []string{o, "'ve"}
			en[o+"ve"] = []string{o, "ve"}
		}
	}
	for _, v := range []string{"ai", "are", "is", "was", "were", "have", "has", "dare"} {
		for _, o := range []string{v, title(v)} {
			en[o+"n't"] = []string{o, "n't"}
			en[o+"nt"] = []string{o, "nt"}
		}
	}
	for _, w := range []string{"doin", "goin", "nothin", "nuthin", "ol", "somethin"} {
		for _, o := range []string{w, title(w)} {
			en[o] = []string{o}
			en[o+"'"] = []string{o + "'"}
		}
	}
	for _, w := range []string{"em", "ll", "nuff"} {
		en[w] = []string{w}
		en["'"+w] = []string{"'" + w}
	}
	for h := 1; h <= 12; h++ {
		hs := qItoa(h)
		for _, p := range []string{"a.m.", "am", "p.m.", "pm"} {
			en[hs+p] = []string{hs, p}
		}
	}
	for k, v := range map[string][]string{
		"y'all": {"y'", "all"}, "yall": {"y", "all"},
		"how'd'y": {"how", "'d", "'y"}, "How'd'y": {"How", "'d", "'y"},
		"not've": {"not", "'ve"}, "notve": {"not", "ve"}, "Not've": {"Not", "'ve"}, "Notve": {"Not", "ve"},
		"cannot": {"can", "not"}, "Cannot": {"Can", "not"},
		"gonna": {"gon", "na"}, "Gonna": {"Gon", "na"}, "gotta": {"got", "ta"}, "Gotta": {"Got", "ta"},
		"let's": {"let", "'s"}, "Let's": {"Let", "'s"}, "c'mon": {"c'm", "on"}, "C'mon": {"C'm", "on"},
	} {
		en[k] = v
	}
	for _, o := range strings.Fields(`'S 's ‘S ‘s and/or w/o 're 'Cause 'cause 'cos 'Cos 'coz 'Coz 'cuz 'Cuz
		'bout ma'am Ma'am o'clock O'clock lovin' Lovin' lovin Lovin havin' Havin' havin Havin doin' Doin'
		doin Doin goin' Goin' goin Goin Mt. Ak. Ala. Apr. Ariz. Ark. Aug. Calif. Colo. Conn. Dec. Del. Feb.
		Fla. Ga. Ia. Id. Ill. Ind. Jan. Jul. Jun. Kan. Kans. Ky. La. Mar. Mass. Mich. Minn. Miss. N.C. N.D.
		N.H. N.J. N.M. N.Y. Neb. Nebr. Nev. Nov. Oct. Okla. Ore. Pa. S.C. Sep. Sept. Tenn. Va. Wash. Wis.
		'd a.m. Adm. Bros. co. Co. Corp. D.C. Dr. e.g. E.g. E.G. Gen. Gov. i.e. I.e. I.E. Inc. Jr. Ltd. Md.
		Messrs. Mo. Mont. Mr. Mrs. Ms. p.m. Ph.D. Prof. Rep. Rev. Sen. St. vs. v.s.`) {
		en[o] = []string{o}
	}
	for _, o := range []string{"Ill", "ill", "Its", "its", "Hell", "hell", "Shell", "shell", "Shed", "shed",
		"were", "Were", "Well", "well", "Whore", "whore"} {
		delete(en, o)
	}
	for k, v := range en {
		exc[k] = v
	}
	// spaCy's update_exc adds a version with a typographic apostrophe of every
	// exception written with "'": "don’t" -> "do" "n’t".
	for k, pieces := range exc {
		if !strings.Contains(k, "'") {
			continue
		}
		ps := make([]string, len(pieces))
		for i, p := range pieces {
			ps[i] = strings.ReplaceAll(p, "'", "’")
		}
		exc[strings.ReplaceAll(k, "'", "’")] = ps
	}
	out := make(map[string][]int, len(exc))
	longest := 0
	for k, pieces := range exc {
		ls := make([]int, len(pieces))
		for i, p := range pieces {
			ls[i] = len(p)
		}
		out[k] = ls
		longest = max(longest, len(k))
	}
	return out, longest
}

func qItoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return string(rune('0'+n/10)) + string(rune('0'+n%10))
}

func qSpecial(s string) ([]int, bool) {
	if len(s) > qMaxSpecial || !qSpecialSig.has(s) {
		return nil, false
	}
	p, ok := qSpecials[s]
	return p, ok
}

// qTok is one token of spaCy's tokenizer as byte offsets; space marks the
// white-space tokens spaCy keeps (a run of white space other than the single space
// after a token), which datatrove drops.
type qTok struct {
	start, end int
	space      bool
}

// qTokens returns the tokens spaCy's blank English pipeline makes of text, in order,
// appended to buf[:0]: Tokenizer._tokenize_affixes followed by
// _apply_special_cases.
func qTokens(text string, buf []qTok) []qTok {
	if buf == nil {
		buf = make([]qTok, 0, len(text)/5+1)
	}
	buf = buf[:0]
	qTokenizeAffixes(text, true, func(s, e int, space bool) {
		buf = append(buf, qTok{s, e, space})
	})
	return qApplySpecials(text, buf)
}

// qTokenizeAffixes splits text at white space as spaCy does and tokenizes each run
// of non-space characters; with specials false the tokenizer exceptions are ignored
// (spaCy builds its special-case patterns that way).
func qTokenizeAffixes(text string, specials bool, emit func(start, end int, space bool)) {
	if text == "" {
		return
	}
	r0, _ := utf8.DecodeRuneInString(text)
	inWS := IsPySpace(r0)
	start := 0
	for i := 0; i < len(text); {
		c := text[i]
		var r rune
		n := 1
		if c < utf8.RuneSelf {
			r = rune(c)
		} else {
			r, n = utf8.DecodeRuneInString(text[i:])
		}
		if IsPySpace(r) != inWS {
			if start < i {
				if inWS {
					emit(start, i, true)
				} else {
					qTokenizeChunk(text, start, i, specials, emit)
				}
			}
			if r == ' ' {
				start = i + 1
			} else {
				start = i
			}
			inWS = !inWS
		}
		i += n
	}
	if start < len(text) {
		if inWS {
			emit(start, len(text), true)
		} else {
			qTokenizeChunk(text, start, len(text), specials, emit)
		}
	}
}

// qTokenizeChunk tokenizes text[s:e], a run of non-space characters, as spaCy's
// Tokenizer._split_affixes and _attach_tokens do.
func qTokenizeChunk(text string, s, e int, specials bool, emit func(start, end int, space bool)) {
	special := func(t string) ([]int, bool) {
		if !specials {
			return nil, false
		}
		return qSpecial(t)
	}
	if p, ok := special(text[s:e]); ok {
		qEmitPieces(text, s, p, emit)
		return
	}
	// A run of ASCII letters (most words) has no prefix, suffix, infix or URL.
	letters := true
	for i := s; i < e; i++ {
		if c := text[i] | 0x20; c < 'a' || c > 'z' {
			letters = false
			break
		}
	}
	if letters {
		emit(s, e, false)
		return
	}
	var preBuf, sufBuf [8][2]int
	pre, suf := preBuf[:0], sufBuf[:0]
	lo, hi := s, e
	last := -1
	for lo < hi && hi-lo != last {
		if _, ok := special(text[lo:hi]); ok {
			break
		}
		last = hi - lo
		p := qPrefixLen(text[lo:hi])
		if p > 0 && lo+p < hi {
			if _, ok := special(text[lo+p : hi]); ok {
				pre = append(pre, [2]int{lo, lo + p})
				lo += p
				break
			}
		}
		sf := qSuffixLen(text[lo+p : hi])
		if sf > 0 && hi-sf > lo {
			if _, ok := special(text[lo : hi-sf]); ok {
				suf = append(suf, [2]int{hi - sf, hi})
				hi -= sf
				break
			}
		}
		switch {
		case p > 0 && sf > 0 && p+sf <= hi-lo:
			pre = append(pre, [2]int{lo, lo + p})
			suf = append(suf, [2]int{hi - sf, hi})
			lo += p
			hi -= sf
		case p > 0:
			pre = append(pre, [2]int{lo, lo + p})
			lo += p
		case sf > 0:
			suf = append(suf, [2]int{hi - sf, hi})
			hi -= sf
		}
		if lo < hi {
			if _, ok := special(text[lo:hi]); ok {
				break
			}
		}
	}
	for _, t := range pre {
		emit(t[0], t[1], false)
	}
	if lo < hi {
		word := text[lo:hi]
		if p, ok := special(word); ok {
			qEmitPieces(text, lo, p, emit)
		} else if IsURL(word) {
			emit(lo, hi, false)
		} else {
			start := lo
			qInfixes(word, func(ms, me int) {
				if ms == 0 {
					return // an infix at the very start stays with what follows
				}
				ms += lo
				me += lo
				if ms != start {
					emit(start, ms, false)
				}
				if ms != me {
					emit(ms, me, false)
				}
				start = me
			})
			if start < hi {
				emit(start, hi, false)
			}
		}
	}
	for i := len(suf) - 1; i >= 0; i-- {
		emit(suf[i][0], suf[i][1], false)
	}
}

// qPatterns are the token sequences of spaCy's special-case matcher: for every
// exception that has a prefix, suffix or infix of its own, its tokenization without
// exceptions ("):" -> ")" ":"). Where such a sequence turns up among the tokens of a
// text (as in "(AP):"), spaCy replaces it by the exception's tokens ("):").
// Keyed by the first token.
var qPatterns, qPatternFirstMax = func() (map[string][][]string, int) {
	m := map[string][][]string{}
	longest := 0
	for k := range qSpecials {
		if qPrefixLen(k) == 0 && qSuffixLen(k) == 0 && !qHasInfix(k) && !strings.Contains(k, " ") {
			continue
		}
		var pat []string
		allSpace := true
		qTokenizeAffixes(k, false, func(s, e int, space bool) {
			pat = append(pat, k[s:e])
			allSpace = allSpace && space
		})
		if len(pat) == 0 || allSpace {
			continue // the white-space exceptions change nothing
		}
		m[pat[0]] = append(m[pat[0]], pat)
		longest = max(longest, len(pat[0]))
	}
	return m, longest
}()

// qPatternSig rules out most tokens before the lookup in qPatterns.
var qPatternSig = func() *qSig {
	s := new(qSig)
	for k := range qPatterns {
		s.add(k)
	}
	return s
}()

func qHasInfix(s string) bool {
	found := false
	qInfixes(s, func(int, int) { found = true })
	return found
}

// qApplySpecials is spaCy's Tokenizer._apply_special_cases: it finds the special-case
// patterns among toks (also across a space, as the PhraseMatcher does), keeps the
// longest (then leftmost) of overlapping matches, and replaces each kept match whose
// text is an exception (so not one across a space) by the exception's tokens.
func qApplySpecials(text string, toks []qTok) []qTok {
	var matches [][2]int
	for i := range toks {
		t := text[toks[i].start:toks[i].end]
		if len(t) > qPatternFirstMax || !qPatternSig.has(t) {
			continue
		}
		for _, pat := range qPatterns[t] {
			if i+len(pat) > len(toks) {
				continue
			}
			ok := true
			for k := 1; k < len(pat); k++ {
				if text[toks[i+k].start:toks[i+k].end] != pat[k] {
					ok = false
					break
				}
			}
			if ok {
				matches = append(matches, [2]int{i, i + len(pat)})
			}
		}
	}
	if len(matches) == 0 {
		return toks
	}
	sort.Slice(matches, func(a, b int) bool {
		la, lb := matches[a][1]-matches[a][0], matches[b][1]-matches[b][0]
		if la != lb {
			return la > lb
		}
		return matches[a][0] < matches[b][0]
	})
	// _filter_special_spans keeps a match when neither its first nor its last token
	// was seen, and every match, kept or not, marks its tokens seen
	seen := map[int]bool{}
	kept := matches[:0]
	for _, m := range matches {
		if !seen[m[0]] && !seen[m[1]-1] {
			kept = append(kept, m)
		}
		for i := m[0]; i < m[1]; i++ {
			seen[i] = true
		}
	}
	sort.Slice(kept, func(a, b int) bool { return kept[a][0] < kept[b][0] })
	out := make([]qTok, 0, len(toks))
	i := 0
	for _, m := range kept {
		out = append(out, toks[i:m[0]]...)
		span := text[toks[m[0]].start:toks[m[1]-1].end]
		if p, ok := qSpecial(span); ok {
			qEmitPieces(text, toks[m[0]].start, p, func(s, e int, space bool) {
				out = append(out, qTok{s, e, space})
			})
		} else {
			out = append(out, toks[m[0]:m[1]]...)
		}
		i = m[1]
	}
	return append(out, toks[i:]...)
}

func qEmitPieces(text string, at int, pieces []int, emit func(start, end int, space bool)) {
	for _, n := range pieces {
		s, e := PyStrip(text[at : at+n])
		emit(at, at+n, s == e)
		at += n
	}
}

// WordTokens returns the words datatrove's split_into_words(text, "en") gives
// for the analyzed text, as byte spans: spaCy's English tokens without the
// white-space ones. The quality rules each call it once per document; it belongs in
// Analysis once more than one rule runs on the same document.
func WordTokens(a *text.Analysis) []text.Span {
	return QualityWords(a.Text())
}

// QualityWords is WordTokens for a text.
func QualityWords(txt string) []text.Span {
	toks := qTokens(txt, nil)
	out := make([]text.Span, 0, len(toks))
	for _, t := range toks {
		if !t.space {
			out = append(out, text.Span{Start: t.start, End: t.end})
		}
	}
	return out
}

// SentenceCount returns how many sentences spaCy's sentencizer finds in text, as
// datatrove's split_into_sentences counts them: a sentence starts at each token that
// is neither punctuation nor a sentence-final mark after one that is a
// sentence-final mark. A text without tokens counts as one part.
func SentenceCount(text string) int {
	n := 1
	seen := false
	for _, tok := range qTokens(text, nil) {
		t := text[tok.start:tok.end]
		r, size := utf8.DecodeRuneInString(t)
		inPunct := size == len(t) && qSentencePunct.Has(r)
		if seen && !inPunct && !qAllPunct(t) {
			n++
			seen = false
		} else if inPunct {
			seen = true
		}
	}
	return n
}

// qAllPunct is spaCy's is_punct lexeme attribute: every character is in a Unicode
// punctuation category.
func qAllPunct(t string) bool {
	for _, r := range t {
		if !unicode.IsPunct(r) {
			return false
		}
	}
	return t != ""
}
