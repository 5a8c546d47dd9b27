package spacy

import (
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// This file ports the English word tokenizer that datatrove's Gopher filters use:
// datatrove's load_word_tokenizer("en") is a SpaCyTokenizer("en"), that is
// spacy.blank("en") (spaCy 3), whose tokens datatrove keeps after strip() when they
// are not empty. The port follows spaCy's Tokenizer (tokenizer.pyx): split on
// white space, then peel prefixes and suffixes off each chunk, keep special cases
// (English tokenizer exceptions such as "don't" -> "do" "n't"), keep URLs whole,
// split the rest on infixes, and finally merge token runs that spell a special
// case containing affixes (the PhraseMatcher pass). The character classes, affix
// lists and exceptions are those of spacy/lang/char_classes.py, punctuation.py,
// tokenizer_exceptions.py and en/tokenizer_exceptions.py.
//
// Tokens are byte spans of the text: every token is a substring, and together the
// tokens cover every character that Python's str.isspace() does not call white
// space. Lengths that datatrove measures with Python's len() are code points.

// Token is one word token: the bytes [Start, End) of the text.
type Token struct {
	Start, End int
}

// RepetitionWords returns the tokens of text as datatrove's English word tokenizer
// (spaCy's) returns them after strip_strings: what GopherRepetitionFilter and
// GopherQualityFilter count as words. Punctuation tokens are included.
func RepetitionWords(text string) []string {
	toks := Tokens(text, nil)
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = text[t.Start:t.End]
	}
	return out
}

// Tokens appends the word tokens of text to out and returns it.
func Tokens(text string, out []Token) []Token {
	tb := repTables()
	first := len(out)
	i := 0
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			if repASCIISpace(c) {
				i++
				continue
			}
			// Fast path: a chunk of plain ASCII letters needs no affix work.
		} else {
			r, n := utf8.DecodeRuneInString(text[i:])
			if IsSpace(r) {
				i += n
				continue
			}
		}
		s := i
		for i < len(text) {
			c := text[i]
			if c < utf8.RuneSelf {
				if repASCIISpace(c) {
					break
				}
				i++
				continue
			}
			r, n := utf8.DecodeRuneInString(text[i:])
			if IsSpace(r) {
				break
			}
			i += n
		}
		out = tb.chunk(text, s, i, out)
	}
	if len(tb.matchFirst) > 0 && len(out)-first > 1 {
		out = tb.applySpecialMatches(text, out, first)
	}
	return out
}

func repASCIISpace(c byte) bool {
	return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f)
}

// IsSpace is Python's str.isspace() for one character: Go's unicode.IsSpace
// plus the information separators U+001C to U+001F.
func IsSpace(r rune) bool {
	return unicode.IsSpace(r) || (r >= 0x1c && r <= 0x1f)
}

// repTok holds the tokenizer's tables, built once.
type repTok struct {
	// specials maps a special case (a tokenizer exception) to the byte lengths of
	// its tokens.
	specials map[string][]int
	// matchFirst maps the first token of a special case that contains affixes, as
	// the plain affix rules split it, to the special cases starting with it.
	matchFirst map[string][]repPattern
}

// repPattern is a special case as the affix rules split it.
type repPattern struct {
	key    string
	pieces []string
}

var repTablesOnce = sync.OnceValue(repBuildTables)

func repTables() *repTok { return repTablesOnce() }

// chunk tokenizes the white-space-free text[s:e] (spaCy's _tokenize with special
// cases on) and appends the tokens to out.
func (tb *repTok) chunk(text string, s, e int, out []Token) []Token {
	str := text[s:e]
	if p, ok := tb.specials[str]; ok {
		return repEmit(out, s, p)
	}
	if repPlainWord(str) {
		return append(out, Token{s, e})
	}
	return tb.split(text, s, e, out, true)
}

// repPlainWord reports whether s is ASCII letters and digits only: no affix, infix
// or URL rule applies to such a chunk (special cases are checked before).
func repPlainWord(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9') {
			return false
		}
	}
	// A unit suffix after a digit ("10km", "5M") and "1am"-style times need the
	// general path.
	for i := 1; i < len(s); i++ {
		if '0' <= s[i-1] && s[i-1] <= '9' && !('0' <= s[i] && s[i] <= '9') {
			return false
		}
	}
	return true
}

func repEmit(out []Token, s int, pieces []int) []Token {
	for _, n := range pieces {
		out = append(out, Token{s, s + n})
		s += n
	}
	return out
}

// split is spaCy's _split_affixes followed by _attach_tokens. With specials off
// it is the plain affix tokenization used to build the special-case matcher.
func (tb *repTok) split(text string, a, b int, out []Token, specials bool) []Token {
	var preBuf, sufBuf [8]Token
	pre, suf := preBuf[:0], sufBuf[:0]
	// The chunk itself was looked up by the caller; remember the last string
	// looked up, as the loop and the core often ask twice.
	lastKey, lastHit := text[a:b], false
	isSpecial := func(s string) bool {
		if !specials {
			return false
		}
		if s == lastKey {
			return lastHit
		}
		_, ok := tb.specials[s]
		lastKey, lastHit = s, ok
		return ok
	}
	last := -1
	for a < b && b-a != last {
		str := text[a:b]
		if isSpecial(str) {
			break
		}
		last = b - a
		pl := repFindPrefix(str)
		if pl != 0 {
			if minus := text[a+pl : b]; minus != "" && isSpecial(minus) {
				pre = append(pre, Token{a, a + pl})
				a += pl
				break
			}
		}
		sl := repFindSuffix(text[a+pl : b])
		if sl != 0 {
			if minus := text[a : b-sl]; minus != "" && isSpecial(minus) {
				suf = append(suf, Token{b - sl, b})
				b -= sl
				break
			}
		}
		switch {
		case pl != 0 && sl != 0:
			pre = append(pre, Token{a, a + pl})
			suf = append(suf, Token{b - sl, b})
			a += pl
			b -= sl
		case pl != 0:
			pre = append(pre, Token{a, a + pl})
			a += pl
		case sl != 0:
			suf = append(suf, Token{b - sl, b})
			b -= sl
		}
	}
	out = append(out, pre...)
	if a < b {
		core := text[a:b]
		if specials && isSpecial(core) {
			out = repEmit(out, a, tb.specials[core])
		} else if repURLMatch(core) {
			out = append(out, Token{a, b})
		} else {
			out = repSplitInfixes(text, a, b, out)
		}
	}
	for i := len(suf) - 1; i >= 0; i-- {
		out = append(out, suf[i])
	}
	return out
}

// repSplitInfixes splits text[a:b] at the English infixes (spaCy's
// _attach_tokens after find_infix): an infix at the very start is not split off.
func repSplitInfixes(text string, a, b int, out []Token) []Token {
	s := text[a:b]
	start := 0
	var prev rune = -1
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		ml := repInfixAt(s, i, prev, r, n)
		if ml > 0 {
			if i != 0 {
				if i != start {
					out = append(out, Token{a + start, a + i})
				}
				out = append(out, Token{a + i, a + i + ml})
				start = i + ml
			}
			// The next search starts after the match; its last rune is the
			// look-behind of what follows.
			prev, _ = utf8.DecodeLastRuneInString(s[:i+ml])
			i += ml
			continue
		}
		prev = r
		i += n
	}
	if start < len(s) {
		out = append(out, Token{a + start, b})
	}
	return out
}

// repInfixAt returns the byte length of an English infix match at s[i:] (rune r of
// n bytes, after rune prev; prev is -1 at the start), or 0. The alternatives are
// tried in spaCy's order:
//
//	\.\.+ | … | [icons] | (?<=[0-9])[+\-*^](?=[0-9-]) | (?<=[{al}{q}])\.(?=[{au}{q}])
//	| (?<=[{a}]),(?=[{a}]) | (?<=[{a}0-9])(?:-|–|—|--|---|——|~)(?=[{a}])
//	| (?<=[{a}0-9])[:<>=/](?=[{a}])
func repInfixAt(s string, i int, prev, r rune, n int) int {
	if r < utf8.RuneSelf && ('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9') {
		return 0
	}
	next := func(j int) rune {
		if j >= len(s) {
			return -1
		}
		r, _ := utf8.DecodeRuneInString(s[j:])
		return r
	}
	afterAlnum := prev >= 0 && (repIsAlpha(prev) || prev >= '0' && prev <= '9')
	switch r {
	case '.':
		nr := next(i + 1)
		if nr == '.' {
			j := i + 1
			for j < len(s) && s[j] == '.' {
				j++
			}
			return j - i
		}
		if prev >= 0 && (repIsLower(prev) || repIsQuote(prev)) && nr >= 0 && (repIsUpper(nr) || repIsQuote(nr)) {
			return n
		}
		return 0
	case '…':
		return n
	case '+', '*', '^', '-':
		nr := next(i + n)
		if prev >= '0' && prev <= '9' && (nr >= '0' && nr <= '9' || nr == '-') {
			return n
		}
		if r != '-' {
			return 0
		}
	case ',':
		nr := next(i + n)
		if prev >= 0 && repIsAlpha(prev) && nr >= 0 && repIsAlpha(nr) {
			return n
		}
		return 0
	case ':', '<', '>', '=', '/':
		if nr := next(i + n); afterAlnum && nr >= 0 && repIsAlpha(nr) {
			return n
		}
		return 0
	case '–', '—', '~':
	default:
		if repIsIcon(r) {
			return n
		}
		return 0
	}
	// r is a hyphen or a tilde: (?<=[{a}0-9])(?:-|–|—|--|---|——|~)(?=[{a}])
	if !afterAlnum {
		return 0
	}
	for _, h := range repHyphens {
		if strings.HasPrefix(s[i:], h) {
			if a := next(i + len(h)); a >= 0 && repIsAlpha(a) {
				return len(h)
			}
		}
	}
	return 0
}

// repHyphens is spaCy's HYPHENS alternation, in its order.
var repHyphens = []string{"-", "–", "—", "--", "---", "——", "~"}

// repFindPrefix returns the byte length of spaCy's prefix match at the start of s,
// or 0. The prefixes are "§ % = — – \+(?![0-9])", LIST_PUNCT, \.\.+ and …,
// LIST_QUOTES, LIST_CURRENCY and LIST_ICONS, tried in that order.
func repFindPrefix(s string) int {
	if s == "" {
		return 0
	}
	r, n := utf8.DecodeRuneInString(s)
	switch r {
	case '.':
		j := 0
		for j < len(s) && s[j] == '.' {
			j++
		}
		if j >= 2 {
			return j
		}
		return 0
	case '+':
		if len(s) > 1 && s[1] >= '0' && s[1] <= '9' {
			return 0
		}
		return 1
	}
	if r < utf8.RuneSelf && ('a' <= r && r <= 'z' || '0' <= r && r <= '9' || 'A' <= r && r <= 'Z' && r != 'U' && r != 'C' && r != 'A') {
		return 0
	}
	if repIsPrefixChar(r) {
		return n
	}
	for _, c := range [...]string{"US$", "C$", "A$"} {
		if strings.HasPrefix(s, c) {
			return len(c)
		}
	}
	return 0
}

// repFindSuffix returns the byte length of spaCy's suffix match at the end of s, or
// 0. Python's re.search returns the match that starts first, so among the
// alternatives (each anchored with $) the longest suffix wins.
func repFindSuffix(s string) int {
	if s == "" {
		return 0
	}
	best := len(s)
	take := func(start int) {
		if start < best {
			best = start
		}
	}
	r1, n1 := utf8.DecodeLastRuneInString(s)
	r2, n2 := rune(-1), 0
	if n1 < len(s) {
		r2, n2 = utf8.DecodeLastRuneInString(s[:len(s)-n1])
	}
	r3 := rune(-1)
	if n1+n2 < len(s) {
		r3, _ = utf8.DecodeLastRuneInString(s[:len(s)-n1-n2])
	}
	if repIsSuffixChar(r1) {
		take(len(s) - n1)
	}
	if strings.HasSuffix(s, "……") {
		take(len(s) - len("……"))
	}
	if r1 == '.' {
		j := len(s)
		for j > 0 && s[j-1] == '.' {
			j--
		}
		if len(s)-j >= 2 {
			take(j)
		}
	}
	for _, p := range [...]string{"'s", "'S", "’s", "’S"} {
		if strings.HasSuffix(s, p) {
			take(len(s) - len(p))
		}
	}
	isDigit := func(r rune) bool { return r >= '0' && r <= '9' }
	if r1 == '+' && isDigit(r2) {
		take(len(s) - 1)
	}
	if r1 == '.' && r3 == '°' && strings.ContainsRune("FfCcKk", r2) && r2 >= 0 {
		take(len(s) - 1)
	}
	// (?<=[0-9])(?:{currency}) and (?<=[0-9])(?:{units}): the earliest digit
	// followed by a whole unit or currency up to the end.
	for k := max(0, len(s)-repMaxUnit-1); k < len(s)-1; k++ {
		if isDigit(rune(s[k])) && repUnitSet[s[k+1:]] {
			take(k + 1)
			break
		}
	}
	if r1 == '.' && r2 >= 0 {
		if isDigit(r2) || repIsLower(r2) || repIsDotLookbehind(r2) {
			take(len(s) - 1)
		}
		if r3 >= 0 && repIsUpper(r2) && repIsUpper(r3) {
			take(len(s) - 1)
		}
	}
	return len(s) - best
}

var repCurrencies = strings.Fields("$ £ € ¥ ฿ US$ C$ A$ ₽ ﷼ ₴ ₠ ₡ ₢ ₣ ₤ ₥ ₦ ₧ ₨ ₩ ₪ ₫ ₭ ₮ ₯ ₰ ₱ ₲ ₳ ₵ ₶ ₷ ₸ ₹ ₺ ₻ ₼ ₾ ₿")

// repUnitSet holds the units and currencies that split off after a digit, and
// repMaxUnit the byte length of the longest.
var repUnitSet, repMaxUnit = func() (map[string]bool, int) {
	m := map[string]bool{}
	n := 0
	for _, u := range append(append([]string(nil), repCurrencies...), repUnits...) {
		m[u] = true
		n = max(n, len(u))
	}
	return m, n
}()

// repUnits is spaCy's _units split on spaces; "тбكم" is one unit there because two
// string literals meet without a space.
var repUnits = strings.Fields("km km² km³ m m² m³ dm dm² dm³ cm cm² cm³ mm mm² mm³ ha µm nm yd in ft " +
	"kg g mg µg t lb oz m/s km/h kmh mph hPa Pa mbar mb MB kb KB gb GB tb " +
	"TB T G M K % км км² км³ м м² м³ дм дм² дм³ см см² см³ мм мм² мм³ нм " +
	"кг г мг м/с км/ч кПа Па мбар Кб КБ кб Мб МБ мб Гб ГБ гб Тб ТБ тб" +
	"كم كم² كم³ م م² م³ سم سم² سم³ مم مم² مم³ كم غرام جرام جم كغ ملغ كوب اكواب")

// Character sets of spacy/lang/char_classes.py.
const (
	repPunctChars = "…,:;!?¿؟¡()[]{}<>_#*&。？！，、；：～·।،۔؛٪"
	repQuoteChars = "'\"”“`‘´’‚,„»«「」『』（）〔〕【】《》〈〉⟦⟧"
	repCurrChars  = "$£€¥฿₽﷼₴₠₡₢₣₤₥₦₧₨₩₪₫₭₮₯₰₱₲₳₵₶₷₸₹₺₻₼₾₿"
)

func repIsPrefixChar(r rune) bool {
	return strings.ContainsRune("§%=—–", r) || strings.ContainsRune(repPunctChars, r) ||
		strings.ContainsRune(repQuoteChars, r) || strings.ContainsRune(repCurrChars, r) || repIsIcon(r)
}

func repIsSuffixChar(r rune) bool {
	return strings.ContainsRune(repPunctChars, r) || strings.ContainsRune(repQuoteChars, r) ||
		r == '—' || r == '–' || repIsIcon(r)
}

func repIsQuote(r rune) bool { return strings.ContainsRune(repQuoteChars, r) }

// repIsDotLookbehind reports the characters other than digits and lower-case
// letters after which a final "." is split off: [%²\-\+], the characters of PUNCT
// (with its "|" separators), "(?:" and ")" and the quotes, all read as members of
// one character class.
func repIsDotLookbehind(r rune) bool {
	return strings.ContainsRune("%²-+|(?:)", r) || strings.ContainsRune(repPunctChars, r) || repIsQuote(r)
}

// repIcons is spaCy's _other_symbols class (LIST_ICONS).
var repIcons = [][2]rune{
	{0x00A6, 0x00A6}, {0x00A9, 0x00A9}, {0x00AE, 0x00AE}, {0x00B0, 0x00B0}, {0x0482, 0x0482},
	{0x058D, 0x058E}, {0x060E, 0x060F}, {0x06DE, 0x06DE}, {0x06E9, 0x06E9}, {0x06FD, 0x06FE},
	{0x07F6, 0x07F6}, {0x09FA, 0x09FA}, {0x0B70, 0x0B70}, {0x0BF3, 0x0BF8}, {0x0BFA, 0x0BFA},
	{0x0C7F, 0x0C7F}, {0x0D4F, 0x0D4F}, {0x0D79, 0x0D79}, {0x0F01, 0x0F03}, {0x0F13, 0x0F13},
	{0x0F15, 0x0F17}, {0x0F1A, 0x0F1F}, {0x0F34, 0x0F34}, {0x0F36, 0x0F36}, {0x0F38, 0x0F38},
	{0x0FBE, 0x0FC5}, {0x0FC7, 0x0FCC}, {0x0FCE, 0x0FCF}, {0x0FD5, 0x0FD8}, {0x109E, 0x109F},
	{0x1390, 0x1399}, {0x1940, 0x1940}, {0x19DE, 0x19FF}, {0x1B61, 0x1B6A}, {0x1B74, 0x1B7C},
	{0x2100, 0x2101}, {0x2103, 0x2106}, {0x2108, 0x2109}, {0x2114, 0x2114}, {0x2116, 0x2117},
	{0x211E, 0x2123}, {0x2125, 0x2125}, {0x2127, 0x2127}, {0x2129, 0x2129}, {0x212E, 0x212E},
	{0x213A, 0x213B}, {0x214A, 0x214A}, {0x214C, 0x214D}, {0x214F, 0x214F}, {0x218A, 0x218B},
	{0x2195, 0x2199}, {0x219C, 0x219F}, {0x21A1, 0x21A2}, {0x21A4, 0x21A5}, {0x21A7, 0x21AD},
	{0x21AF, 0x21CD}, {0x21D0, 0x21D1}, {0x21D3, 0x21D3}, {0x21D5, 0x21F3}, {0x2300, 0x2307},
	{0x230C, 0x231F}, {0x2322, 0x2328}, {0x232B, 0x237B}, {0x237D, 0x239A}, {0x23B4, 0x23DB},
	{0x23E2, 0x2426}, {0x2440, 0x244A}, {0x249C, 0x24E9}, {0x2500, 0x25B6}, {0x25B8, 0x25C0},
	{0x25C2, 0x25F7}, {0x2600, 0x266E}, {0x2670, 0x2767}, {0x2794, 0x27BF}, {0x2800, 0x28FF},
	{0x2B00, 0x2B2F}, {0x2B45, 0x2B46}, {0x2B4D, 0x2B73}, {0x2B76, 0x2B95}, {0x2B98, 0x2BC8},
	{0x2BCA, 0x2BFE}, {0x2CE5, 0x2CEA}, {0x2E80, 0x2E99}, {0x2E9B, 0x2EF3}, {0x2F00, 0x2FD5},
	{0x2FF0, 0x2FFB}, {0x3004, 0x3004}, {0x3012, 0x3013}, {0x3020, 0x3020}, {0x3036, 0x3037},
	{0x303E, 0x303F}, {0x3190, 0x3191}, {0x3196, 0x319F}, {0x31C0, 0x31E3}, {0x3200, 0x321E},
	{0x322A, 0x3247}, {0x3250, 0x3250}, {0x3260, 0x327F}, {0x328A, 0x32B0}, {0x32C0, 0x32FE},
	{0x3300, 0x33FF}, {0x4DC0, 0x4DFF}, {0xA490, 0xA4C6}, {0xA828, 0xA82B}, {0xA836, 0xA837},
	{0xA839, 0xA839}, {0xAA77, 0xAA79}, {0xFDFD, 0xFDFD}, {0xFFE4, 0xFFE4}, {0xFFE8, 0xFFE8},
	{0xFFED, 0xFFEE}, {0xFFFC, 0xFFFD}, {0x10137, 0x1013F}, {0x10179, 0x10189}, {0x1018C, 0x1018E},
	{0x10190, 0x1019B}, {0x101A0, 0x101A0}, {0x101D0, 0x101FC}, {0x10877, 0x10878}, {0x10AC8, 0x10AC8},
	{0x1173F, 0x1173F}, {0x16B3C, 0x16B3F}, {0x16B45, 0x16B45}, {0x1BC9C, 0x1BC9C}, {0x1D000, 0x1D0F5},
	{0x1D100, 0x1D126}, {0x1D129, 0x1D164}, {0x1D16A, 0x1D16C}, {0x1D183, 0x1D184}, {0x1D18C, 0x1D1A9},
	{0x1D1AE, 0x1D1E8}, {0x1D200, 0x1D241}, {0x1D245, 0x1D245}, {0x1D300, 0x1D356}, {0x1D800, 0x1D9FF},
	{0x1DA37, 0x1DA3A}, {0x1DA6D, 0x1DA74}, {0x1DA76, 0x1DA83}, {0x1DA85, 0x1DA86}, {0x1ECAC, 0x1ECAC},
	{0x1F000, 0x1F02B}, {0x1F030, 0x1F093}, {0x1F0A0, 0x1F0AE}, {0x1F0B1, 0x1F0BF}, {0x1F0C1, 0x1F0CF},
	{0x1F0D1, 0x1F0F5}, {0x1F110, 0x1F16B}, {0x1F170, 0x1F1AC}, {0x1F1E6, 0x1F202}, {0x1F210, 0x1F23B},
	{0x1F240, 0x1F248}, {0x1F250, 0x1F251}, {0x1F260, 0x1F265}, {0x1F300, 0x1F3FA}, {0x1F400, 0x1F6D4},
	{0x1F6E0, 0x1F6EC}, {0x1F6F0, 0x1F6F9}, {0x1F700, 0x1F773}, {0x1F780, 0x1F7D8}, {0x1F800, 0x1F80B},
	{0x1F810, 0x1F847}, {0x1F850, 0x1F859}, {0x1F860, 0x1F887}, {0x1F890, 0x1F8AD}, {0x1F900, 0x1F90B},
	{0x1F910, 0x1F93E}, {0x1F940, 0x1F970}, {0x1F973, 0x1F976}, {0x1F97A, 0x1F97A}, {0x1F97C, 0x1F9A2},
	{0x1F9B0, 0x1F9B9}, {0x1F9C0, 0x1F9C2}, {0x1F9D0, 0x1F9FF}, {0x1FA60, 0x1FA6D},
}

func repInRanges(rs [][2]rune, r rune) bool {
	i := sort.Search(len(rs), func(i int) bool { return rs[i][1] >= r })
	return i < len(rs) && rs[i][0] <= r
}

func repIsIcon(r rune) bool {
	return r >= 0xA6 && repInRanges(repIcons, r)
}

// Letter classes of spacy/lang/char_classes.py, as character-class strings in
// spaCy's own notation: ALPHA is LATIN plus the other scripts, ALPHA_LOWER and
// ALPHA_UPPER their cased letters plus the uncased scripts (which count as both).
const (
	repLatinLowerClass = "a-z\uFF41-\uFF5A\u00DF-\u00F6\u00F8-\u00FF" +
		"\u0101\u0103\u0105\u0107\u0109\u010B\u010D\u010F\u0111\u0113\u0115\u0117\u0119\u011B\u011D" +
		"\u011F\u0121\u0123\u0125\u0127\u0129\u012B\u012D\u012F\u0131\u0133\u0135\u0137\u0138\u013A" +
		"\u013C\u013E\u0140\u0142\u0144\u0146\u0148\u0149\u014B\u014D\u014F\u0151\u0153\u0155\u0157" +
		"\u0159\u015B\u015D\u015F\u0161\u0163\u0165\u0167\u0169\u016B\u016D\u016F\u0171\u0173\u0175" +
		"\u0177\u017A\u017C\u017E\u017F" +
		"\u0180\u0183\u0185\u0188\u018C\u018D\u0192\u0195\u0199-\u019B\u019E\u01A1\u01A3\u01A5" +
		"\u01A8\u01AA\u01AB\u01AD\u01B0\u01B4\u01B6\u01B9\u01BA\u01BD-\u01BF\u01C6\u01C9\u01CC" +
		"\u01CE\u01D0\u01D2\u01D4\u01D6\u01D8\u01DA\u01DC\u01DD\u01DF\u01E1\u01E3\u01E5\u01E7" +
		"\u01E9\u01EB\u01ED\u01EF\u01F0\u01F3\u01F5\u01F9\u01FB\u01FD\u01FF\u0201\u0203\u0205" +
		"\u0207\u0209\u020B\u020D\u020F\u0211\u0213\u0215\u0217\u0219\u021B\u021D\u021F\u0221" +
		"\u0223\u0225\u0227\u0229\u022B\u022D\u022F\u0231\u0233-\u0239\u023C\u023F\u0240\u0242" +
		"\u0247\u0249\u024B\u024D\u024F" +
		"\u2C61\u2C65\u2C66\u2C68\u2C6A\u2C6C\u2C71\u2C73\u2C74\u2C76-\u2C7B" +
		"\uA723\uA725\uA727\uA729\uA72B\uA72D\uA72F-\uA731\uA733\uA735\uA737\uA739\uA73B\uA73D" +
		"\uA73F\uA741\uA743\uA745\uA747\uA749\uA74B\uA74D\uA74F\uA751\uA753\uA755\uA757\uA759" +
		"\uA75B\uA75D\uA75F\uA761\uA763\uA765\uA767\uA769\uA76B\uA76D\uA76F\uA771-\uA778\uA77A" +
		"\uA77C\uA77F\uA781\uA783\uA785\uA787\uA78C\uA78E\uA791\uA793-\uA795\uA797\uA799\uA79B" +
		"\uA79D\uA79F\uA7A1\uA7A3\uA7A5\uA7A7\uA7A9\uA7AF\uA7B5\uA7B7\uA7B9\uA7FA" +
		"\uAB30-\uAB5A\uAB60-\uAB64\u0250-\u02AF\u1D00-\u1D25\u1D6B-\u1D77\u1D79-\u1D9A" +
		"\u1E01\u1E03\u1E05\u1E07\u1E09\u1E0B\u1E0D\u1E0F\u1E11\u1E13\u1E15\u1E17\u1E19\u1E1B" +
		"\u1E1D\u1E1F\u1E21\u1E23\u1E25\u1E27\u1E29\u1E2B\u1E2D\u1E2F\u1E31\u1E33\u1E35\u1E37" +
		"\u1E39\u1E3B\u1E3D\u1E3F\u1E41\u1E43\u1E45\u1E47\u1E49\u1E4B\u1E4D\u1E4F\u1E51\u1E53" +
		"\u1E55\u1E57\u1E59\u1E5B\u1E5D\u1E5F\u1E61\u1E63\u1E65\u1E67\u1E69\u1E6B\u1E6D\u1E6F" +
		"\u1E71\u1E73\u1E75\u1E77\u1E79\u1E7B\u1E7D\u1E7F\u1E81\u1E83\u1E85\u1E87\u1E89\u1E8B" +
		"\u1E8D\u1E8F\u1E91\u1E93\u1E95-\u1E9D\u1E9F\u1EA1\u1EA3\u1EA5\u1EA7\u1EA9\u1EAB\u1EAD" +
		"\u1EAF\u1EB1\u1EB3\u1EB5\u1EB7\u1EB9\u1EBB\u1EBD\u1EBF\u1EC1\u1EC3\u1EC5\u1EC7\u1EC9" +
		"\u1ECB\u1ECD\u1ECF\u1ED1\u1ED3\u1ED5\u1ED7\u1ED9\u1EDB\u1EDD\u1EDF\u1EE1\u1EE3\u1EE5" +
		"\u1EE7\u1EE9\u1EEB\u1EED\u1EEF\u1EF1\u1EF3\u1EF5\u1EF7\u1EF9\u1EFB\u1EFD\u1EFF"
	repLatinUpperClass = "A-Z\uFF21-\uFF3A\u00C0-\u00D6\u00D8-\u00DE" +
		"\u0100\u0102\u0104\u0106\u0108\u010A\u010C\u010E\u0110\u0112\u0114\u0116\u0118\u011A\u011C" +
		"\u011E\u0120\u0122\u0124\u0126\u0128\u012A\u012C\u012E\u0130\u0132\u0134\u0136\u0139\u013B" +
		"\u013D\u013F\u0141\u0143\u0145\u0147\u014A\u014C\u014E\u0150\u0152\u0154\u0156\u0158" +
		"\u015A\u015C\u015E\u0160\u0162\u0164\u0166\u0168\u016A\u016C\u016E\u0170\u0172\u0174\u0176" +
		"\u0178\u0179\u017B\u017D" +
		"\u0181\u0182\u0184\u0186\u0187\u0189-\u018B\u018E-\u0191\u0193\u0194\u0196-\u0198\u019C" +
		"\u019D\u019F\u01A0\u01A2\u01A4\u01A6\u01A7\u01A9\u01AC\u01AE\u01AF\u01B1-\u01B3\u01B5" +
		"\u01B7\u01B8\u01BC\u01C4\u01C7\u01CA\u01CD\u01CF\u01D1\u01D3\u01D5\u01D7\u01D9\u01DB" +
		"\u01DE\u01E0\u01E2\u01E4\u01E6\u01E8\u01EA\u01EC\u01EE\u01F1\u01F4\u01F6-\u01F8\u01FA" +
		"\u01FC\u01FE\u0200\u0202\u0204\u0206\u0208\u020A\u020C\u020E\u0210\u0212\u0214\u0216" +
		"\u0218\u021A\u021C\u021E\u0220\u0222\u0224\u0226\u0228\u022A\u022C\u022E\u0230\u0232" +
		"\u023A\u023B\u023D\u023E\u0241\u0243-\u0246\u0248\u024A\u024C\u024E" +
		"\u2C60\u2C62-\u2C64\u2C67\u2C69\u2C6B\u2C6D-\u2C70\u2C72\u2C75\u2C7E\u2C7F" +
		"\uA722\uA724\uA726\uA728\uA72A\uA72C\uA72E\uA732\uA734\uA736\uA738\uA73A\uA73C" +
		"\uA73E\uA740\uA742\uA744\uA746\uA748\uA74A\uA74C\uA74E\uA750\uA752\uA754\uA756\uA758" +
		"\uA75A\uA75C\uA75E\uA760\uA762\uA764\uA766\uA768\uA76A\uA76C\uA76E\uA779\uA77B\uA77D" +
		"\uA77E\uA780\uA782\uA784\uA786\uA78B\uA78D\uA790\uA792\uA796\uA798\uA79A\uA79C\uA79E" +
		"\uA7A0\uA7A2\uA7A4\uA7A6\uA7A8\uA7AA-\uA7AE\uA7B0-\uA7B4\uA7B6\uA7B8" +
		"\u1E00\u1E02\u1E04\u1E06\u1E08\u1E0A\u1E0C\u1E0E\u1E10\u1E12\u1E14\u1E16\u1E18\u1E1A" +
		"\u1E1C\u1E1E\u1E20\u1E22\u1E24\u1E26\u1E28\u1E2A\u1E2C\u1E2E\u1E30\u1E32\u1E34\u1E36" +
		"\u1E38\u1E3A\u1E3C\u1E3E\u1E40\u1E42\u1E44\u1E46\u1E48\u1E4A\u1E4C\u1E4E\u1E50\u1E52" +
		"\u1E54\u1E56\u1E58\u1E5A\u1E5C\u1E5E\u1E60\u1E62\u1E64\u1E66\u1E68\u1E6A\u1E6C\u1E6E" +
		"\u1E70\u1E72\u1E74\u1E76\u1E78\u1E7A\u1E7C\u1E7E\u1E80\u1E82\u1E84\u1E86\u1E88\u1E8A" +
		"\u1E8C\u1E8E\u1E90\u1E92\u1E94\u1E9E\u1EA0\u1EA2\u1EA4\u1EA6\u1EA8\u1EAA\u1EAC\u1EAE" +
		"\u1EB0\u1EB2\u1EB4\u1EB6\u1EB8\u1EBA\u1EBC\u1EBE\u1EC0\u1EC2\u1EC4\u1EC6\u1EC8" +
		"\u1ECA\u1ECC\u1ECE\u1ED0\u1ED2\u1ED4\u1ED6\u1ED8\u1EDA\u1EDC\u1EDE\u1EE0\u1EE2\u1EE4" +
		"\u1EE6\u1EE8\u1EEA\u1EEC\u1EEE\u1EF0\u1EF2\u1EF4\u1EF6\u1EF8\u1EFA\u1EFC\u1EFE"
	repLatinClass = "A-Za-z\uFF21-\uFF3A\uFF41-\uFF5A\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u00FF\u0100-\u017F" +
		"\u0180-\u01BF\u01C4-\u024F\u2C60-\u2C7B\u2C7E\u2C7F\uA722-\uA76F\uA771-\uA787\uA78B-\uA78E" +
		"\uA790-\uA7B9\uA7FA\uAB30-\uAB5A\uAB60-\uAB64\u0250-\u02AF\u1D00-\u1D25\u1D6B-\u1D77" +
		"\u1D79-\u1D9A\u1E00-\u1EFF"
	// Russian, Tatar, Greek, Ukrainian and Macedonian.
	repOtherLowerClass = "ёа-яәөүҗңһα-ωάέίόώήύа-щюяіїєґѓѕјљњќѐѝ"
	repOtherUpperClass = "ЁА-ЯӘӨҮҖҢҺΑ-ΩΆΈΊΌΏΉΎА-ЩЮЯІЇЄҐЃЅЈЉЊЌЀЍ"
	// _uncased: Ethiopic, Bengali, Hebrew, Persian, Sinhala, Hindi, Kannada, Tamil,
	// Telugu, Hangul, Japanese kana and CJK.
	repUncasedClass = "\u1200-\u137F\u0980-\u09FF\u0591-\u05F4\uFB1D-\uFB4F" +
		"\u0620-\u064A\u066E-\u06D5\u06E5-\u06FF\u0750-\u077F\u08A0-\u08BD" +
		"\uFB50-\uFBB1\uFBD3-\uFD3D\uFD50-\uFDC7\uFDF0-\uFDFB\uFE70-\uFEFC\U0001EE00-\U0001EEBB" +
		"\u0D80-\u0DFF\u0900-\u097F\u0C80-\u0CFF\u0B80-\u0BFF\u0C00-\u0C7F\uAC00-\uD7AF\u1100-\u11FF" +
		"\u3040-\u309F\u30A0-\u30FF\u30FC\u4E00-\u9FFF\u3400-\u4DBF\U00020000-\U0002A6DF" +
		"\U0002A700-\U0002EBEF\u2E80-\u2EFF\u2F00-\u2FDF\u2FF0-\u2FFF\u3000-\u303F\u31C0-\u31EF" +
		"\u3200-\u32FF\u3300-\u33FF\uF900-\uFAFF\uFE30-\uFE4F\U0001F200-\U0001F2FF\U0002F800-\U0002FA1F"
)

// repParseClass reads a character class in spaCy's notation ("a-z" ranges and
// single characters) into sorted, merged ranges.
func repParseClass(parts ...string) [][2]rune {
	var rs [][2]rune
	for _, p := range parts {
		runes := []rune(p)
		for i := 0; i < len(runes); i++ {
			if i+2 < len(runes) && runes[i+1] == '-' {
				rs = append(rs, [2]rune{runes[i], runes[i+2]})
				i += 2
				continue
			}
			rs = append(rs, [2]rune{runes[i], runes[i]})
		}
	}
	sort.Slice(rs, func(i, j int) bool { return rs[i][0] < rs[j][0] })
	var out [][2]rune
	for _, r := range rs {
		if n := len(out); n > 0 && r[0] <= out[n-1][1]+1 {
			out[n-1][1] = max(out[n-1][1], r[1])
			continue
		}
		out = append(out, r)
	}
	return out
}

var (
	repAlphaRanges = repParseClass(repLatinClass, repOtherLowerClass, repOtherUpperClass, repUncasedClass)
	repLowerRanges = repParseClass(repLatinLowerClass, repOtherLowerClass, repUncasedClass)
	repUpperRanges = repParseClass(repLatinUpperClass, repOtherUpperClass, repUncasedClass)
)

// repIsLower is spaCy's ALPHA_LOWER class.
func repIsLower(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z'
	}
	return repInRanges(repLowerRanges, r)
}

// repIsUpper is spaCy's ALPHA_UPPER class.
func repIsUpper(r rune) bool {
	if r < utf8.RuneSelf {
		return 'A' <= r && r <= 'Z'
	}
	return repInRanges(repUpperRanges, r)
}

// repIsAlpha is spaCy's ALPHA class.
func repIsAlpha(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
	}
	return repInRanges(repAlphaRanges, r)
}

// repURLMatch is spaCy's URL_MATCH (spacy/lang/tokenizer_exceptions.py) on a whole
// string: an optional scheme, optional user info, a public IPv4 address or a host
// name with a lower-case top-level domain, an optional port and an optional path.
func repURLMatch(s string) bool {
	if len(s) < 4 || !strings.Contains(s, ".") {
		return false
	}
	starts := [2]int{0, -1}
	if i := strings.Index(s, "://"); i >= 2 && repSchemeChars(s[:i]) {
		starts[1] = i + 3
	}
	for _, p := range starts {
		if p < 0 {
			continue
		}
		if repURLHost(s, p) {
			return true
		}
		// (?:\S+(?::\S*)?@)? : any "@" after at least one character.
		for q := p + 1; q < len(s); q++ {
			if s[q] == '@' && repURLHost(s, q+1) {
				return true
			}
		}
	}
	return false
}

func repSchemeChars(s string) bool {
	for _, r := range s {
		if !(r == '_' || r == '+' || r == '-' || r == '.' || unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)) {
			return false
		}
	}
	return true
}

// repURLHost matches the host, port, path and end of a URL at s[p:].
func repURLHost(s string, p int) bool {
	if p >= len(s) {
		return false
	}
	if e, ok := repURLIPv4(s, p); ok && repURLTail(s, e) {
		return true
	}
	// Host names: labels of [A-Za-z0-9\u00a1-\uffff] with inner "_" and "-", each
	// followed by ".", then a top-level domain of 2 to 63 lower-case letters.
	e := p
	for e < len(s) {
		r, n := utf8.DecodeRuneInString(s[e:])
		if !(repURLLabelRune(r) || r == '.' || r == '_' || r == '-') {
			break
		}
		e += n
	}
	host := s[p:e]
	dot := strings.LastIndexByte(host, '.')
	if dot <= 0 {
		return false
	}
	tld := host[dot+1:]
	if n := utf8.RuneCountInString(tld); n < 2 || n > 63 {
		return false
	}
	for _, r := range tld {
		if !repIsLower(r) {
			return false
		}
	}
	for _, label := range strings.Split(host[:dot], ".") {
		if label == "" || utf8.RuneCountInString(label) > 64 {
			return false
		}
		f, _ := utf8.DecodeRuneInString(label)
		l, _ := utf8.DecodeLastRuneInString(label)
		if !repURLLabelRune(f) || !repURLLabelRune(l) {
			return false
		}
	}
	return repURLTail(s, e)
}

func repURLLabelRune(r rune) bool {
	return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || (r >= 0xA1 && r <= 0xFFFF)
}

// repURLTail matches (?::\d{2,5})?(?:[/?#]\S*)?$ at s[e:].
func repURLTail(s string, e int) bool {
	if e < len(s) && s[e] == ':' {
		j := e + 1
		k := 0
		for j < len(s) {
			r, n := utf8.DecodeRuneInString(s[j:])
			if !unicode.IsDigit(r) {
				break
			}
			j += n
			k++
		}
		if k < 2 || k > 5 {
			return false
		}
		e = j
	}
	return e == len(s) || s[e] == '/' || s[e] == '?' || s[e] == '#'
}

// repURLIPv4 matches a public dotted IPv4 address at s[p:] and returns its end.
func repURLIPv4(s string, p int) (int, bool) {
	var oct [4]string
	j := p
	for k := 0; k < 4; k++ {
		if k > 0 {
			if j >= len(s) || s[j] != '.' {
				return 0, false
			}
			j++
		}
		st := j
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		if j == st {
			return 0, false
		}
		oct[k] = s[st:j]
	}
	num := func(x string) int { n, _ := strconv.Atoi(x); return n }
	first := func(x string) bool { // [1-9]\d?|1\d\d|2[01]\d|22[0-3]
		return len(x) <= 3 && x[0] != '0' && num(x) >= 1 && num(x) <= 223
	}
	mid := func(x string) bool { // 1?\d{1,2}|2[0-4]\d|25[0-5]
		switch len(x) {
		case 1, 2:
			return true
		case 3:
			return x[0] == '1' || (x[0] == '2' && num(x) <= 255)
		}
		return false
	}
	last := func(x string) bool { // [1-9]\d?|1\d\d|2[0-4]\d|25[0-4]
		return len(x) <= 3 && x[0] != '0' && num(x) >= 1 && num(x) <= 254
	}
	if !first(oct[0]) || !mid(oct[1]) || !mid(oct[2]) || !last(oct[3]) {
		return 0, false
	}
	// Private and local networks are not URLs.
	a, b := num(oct[0]), num(oct[1])
	if a == 10 || a == 127 || (a == 169 && b == 254 && oct[1] == "254") || (a == 192 && oct[1] == "168") ||
		(a == 172 && len(oct[1]) == 2 && b >= 16 && b <= 31) {
		return 0, false
	}
	return j, true
}

// applySpecialMatches is spaCy's final pass (_apply_special_cases): token runs that
// spell a special case containing affixes are merged into that special case's
// tokens.
func (tb *repTok) applySpecialMatches(text string, toks []Token, first int) []Token {
	type match struct{ start, end int }
	var ms []match
	for i := first; i+1 < len(toks); i++ {
		// Only runs of touching tokens can change: a run with a space inside
		// spells no special case. (spaCy also lets such a run claim its tokens
		// before shorter runs; this port does not, a difference no text has
		// shown.)
		if toks[i].End != toks[i+1].Start {
			continue
		}
		ps := tb.matchFirst[text[toks[i].Start:toks[i].End]]
	next:
		for _, p := range ps {
			if i+len(p.pieces) > len(toks) {
				continue
			}
			for k, piece := range p.pieces {
				t := toks[i+k]
				if text[t.Start:t.End] != piece {
					continue next
				}
				if k > 0 && toks[i+k-1].End != t.Start {
					continue next
				}
			}
			ms = append(ms, match{i, i + len(p.pieces)})
		}
	}
	if len(ms) == 0 {
		return toks
	}
	// _filter_special_spans: longest first, then earliest; a span is kept when
	// neither its first nor its last token was seen; every span marks its tokens.
	sort.Slice(ms, func(a, b int) bool {
		la, lb := ms[a].end-ms[a].start, ms[b].end-ms[b].start
		if la != lb {
			return la > lb
		}
		return ms[a].start < ms[b].start
	})
	seen := map[int]bool{}
	var keep []match
	for _, m := range ms {
		if !seen[m.start] && !seen[m.end-1] {
			keep = append(keep, m)
		}
		for k := m.start; k < m.end; k++ {
			seen[k] = true
		}
	}
	sort.Slice(keep, func(a, b int) bool { return keep[a].start < keep[b].start })
	out := make([]Token, 0, len(toks))
	out = append(out, toks[:keep[0].start]...)
	i := keep[0].start
	for _, m := range keep {
		out = append(out, toks[i:m.start]...)
		s, e := toks[m.start].Start, toks[m.end-1].End
		if p, ok := tb.specials[text[s:e]]; ok {
			out = repEmit(out, s, p)
		} else {
			out = append(out, toks[m.start:m.end]...)
		}
		i = m.end
	}
	return append(out, toks[i:]...)
}

// repBuildTables builds the English tokenizer exceptions (spaCy's
// TOKENIZER_EXCEPTIONS = update_exc(BASE_EXCEPTIONS, _exc), which also adds a "’"
// version of every exception with "'") and the special-case matcher.
func repBuildTables() *repTok {
	exc := map[string][]string{}
	add := func(pieces ...string) { exc[strings.Join(pieces, "")] = pieces }
	title := func(s string) string { return strings.ToUpper(s[:1]) + s[1:] }
	both := func(w string) []string { return []string{w, title(w)} }

	for _, o := range both("i") {
		add(o, "'m")
		add(o, "m")
		add(o, "'m", "a")
		add(o, "m", "a")
	}
	for _, pron := range []string{"i", "you", "he", "she", "it", "we", "they"} {
		for _, o := range both(pron) {
			add(o, "'ll")
			add(o, "ll")
			add(o, "'ll", "'ve")
			add(o, "ll", "ve")
			add(o, "'d")
			add(o, "d")
			add(o, "'d", "'ve")
			add(o, "d", "ve")
		}
	}
	for _, pron := range []string{"i", "you", "we", "they"} {
		for _, o := range both(pron) {
			add(o, "'ve")
			add(o, "ve")
		}
	}
	for _, pron := range []string{"you", "we", "they"} {
		for _, o := range both(pron) {
			add(o, "'re")
			add(o, "re")
		}
	}
	for _, pron := range []string{"he", "she", "it"} {
		for _, o := range both(pron) {
			add(o, "'s")
			add(o, "s")
		}
	}
	for _, w := range []struct {
		word   string
		plural bool
		sing   bool
	}{
		{"who", false, false}, {"what", false, false}, {"when", false, false}, {"where", false, false},
		{"why", false, false}, {"how", false, false}, {"there", false, false},
		{"that", false, true}, {"this", false, true}, {"these", true, false}, {"those", true, false},
	} {
		for _, o := range both(w.word) {
			if !w.plural {
				add(o, "'s")
				add(o, "s")
			}
			add(o, "'ll")
			add(o, "ll")
			add(o, "'ll", "'ve")
			add(o, "ll", "ve")
			if !w.sing {
				add(o, "'re")
				add(o, "re")
				add(o, "'ve")
				add(o, "ve")
			}
			add(o, "'d")
			add(o, "d")
			add(o, "'d", "'ve")
			add(o, "d", "ve")
		}
	}
	for _, v := range []string{"ca", "could", "do", "does", "did", "had", "may", "might", "must", "need",
		"ought", "sha", "should", "wo", "would"} {
		for _, o := range both(v) {
			add(o, "n't")
			add(o, "nt")
			add(o, "n't", "'ve")
			add(o, "nt", "ve")
		}
	}
	for _, v := range []string{"could", "might", "must", "should", "would"} {
		for _, o := range both(v) {
			add(o, "'ve")
			add(o, "ve")
		}
	}
	for _, v := range []string{"ai", "are", "is", "was", "were", "have", "has", "dare"} {
		for _, o := range both(v) {
			add(o, "n't")
			add(o, "nt")
		}
	}
	for _, w := range []string{"doin", "goin", "nothin", "nuthin", "ol", "somethin"} {
		for _, o := range both(w) {
			add(o)
			add(o + "'")
		}
	}
	for _, w := range []string{"em", "ll", "nuff"} {
		add(w)
		add("'" + w)
	}
	for h := 1; h <= 12; h++ {
		for _, p := range []string{"a.m.", "am", "p.m.", "pm"} {
			add(strconv.Itoa(h), p)
		}
	}
	for _, p := range [][]string{
		{"y'", "all"}, {"y", "all"}, {"how", "'d", "'y"}, {"How", "'d", "'y"}, {"not", "'ve"}, {"not", "ve"},
		{"Not", "'ve"}, {"Not", "ve"}, {"can", "not"}, {"Can", "not"}, {"gon", "na"}, {"Gon", "na"},
		{"got", "ta"}, {"Got", "ta"}, {"let", "'s"}, {"Let", "'s"}, {"c'm", "on"}, {"C'm", "on"},
	} {
		add(p...)
	}
	for _, o := range strings.Fields(`'S 's ‘S ‘s and/or w/o 're 'Cause 'cause 'cos 'Cos 'coz 'Coz 'cuz 'Cuz
		'bout ma'am Ma'am o'clock O'clock lovin' Lovin' lovin Lovin havin' Havin' havin Havin doin' Doin'
		doin Doin goin' Goin' goin Goin Mt. Ak. Ala. Apr. Ariz. Ark. Aug. Calif. Colo. Conn. Dec. Del.
		Feb. Fla. Ga. Ia. Id. Ill. Ind. Jan. Jul. Jun. Kan. Kans. Ky. La. Mar. Mass. Mich. Minn. Miss.
		N.C. N.D. N.H. N.J. N.M. N.Y. Neb. Nebr. Nev. Nov. Oct. Okla. Ore. Pa. S.C. Sep. Sept. Tenn.
		Va. Wash. Wis. 'd a.m. Adm. Bros. co. Co. Corp. D.C. Dr. e.g. E.g. E.G. Gen. Gov. i.e. I.e.
		I.E. Inc. Jr. Ltd. Md. Messrs. Mo. Mont. Mr. Mrs. Ms. p.m. Ph.D. Prof. Rep. Rev. Sen. St. vs. v.s.`) {
		add(o)
	}
	for _, o := range strings.Fields("Ill ill Its its Hell hell Shell shell Shed shed were Were Well well Whore whore") {
		delete(exc, o)
	}

	// BASE_EXCEPTIONS; white-space keys are left out as chunks never hold white space.
	for _, o := range []string{`\t`, `\n`, "—", "'", `\")`, "<space>", "''", "C++", "ä.", "ö.", "ü."} {
		add(o)
	}
	for c := 'a'; c <= 'z'; c++ {
		add(string(c) + ".")
	}
	for _, o := range strings.Fields(`:) :-) :)) :-)) :))) :-))) (: (-: =) (= ") :] :-] [: [-: [= =] :o) (o:
		:} :-} 8) 8-) (-8 ;) ;-) (; (-; :( :-( :(( :-(( :((( :-((( ): )-: =( >:( :') :'-) :'( :'-(
		:/ :-/ =/ =| :| :-| ]= =[ :1 :P :-P :p :-p :O :-O :o :-o :0 :-0 :() >:o :* :-* :3 :-3 =3
		:> :-> :X :-X :x :-x :D :-D ;D ;-D =D xD XD xDD XDD 8D 8-D ^_^ ^__^ ^___^ >.< >.> <.< ._.
		;_; -_- -__- v.v V.V v_v V_V o_o o_O O_o O_O 0_o o_0 0_0 o.O O.o O.O o.o 0.0 o.0 0.o @_@
		<3 <33 <333 </3 (^_^) (-_-) (._.) (>_<) (*_*) (¬_¬) ಠ_ಠ ಠ︵ಠ (ಠ_ಠ) ¯\(ツ)/¯ (╯°□°）╯︵┻━┻ ><(((*>`) {
		add(o)
	}
	for _, u := range "cfkCFK" {
		add("°", string(u), ".")
	}

	// update_exc: a "’" version of every exception holding "'".
	for k, ps := range exc {
		if !strings.Contains(k, "'") {
			continue
		}
		nps := make([]string, len(ps))
		for i, p := range ps {
			nps[i] = strings.ReplaceAll(p, "'", "’")
		}
		exc[strings.ReplaceAll(k, "'", "’")] = nps
	}

	tb := &repTok{specials: make(map[string][]int, len(exc)), matchFirst: map[string][]repPattern{}}
	for k, ps := range exc {
		ls := make([]int, len(ps))
		for i, p := range ps {
			ls[i] = len(p)
		}
		tb.specials[k] = ls
	}
	// The matcher holds the special cases that the affix rules would split
	// (add_special_case with faster_heuristics), as the rules split them.
	keys := make([]string, 0, len(exc))
	for k := range exc {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if repFindPrefix(k) == 0 && repFindSuffix(k) == 0 && !repHasInfix(k) {
			continue
		}
		toks := tb.split(k, 0, len(k), nil, false)
		if len(toks) < 2 {
			continue // one token is no run to merge
		}
		pieces := make([]string, len(toks))
		for i, t := range toks {
			pieces[i] = k[t.Start:t.End]
		}
		tb.matchFirst[pieces[0]] = append(tb.matchFirst[pieces[0]], repPattern{key: k, pieces: pieces})
	}
	return tb
}

func repHasInfix(s string) bool {
	var prev rune = -1
	for i, r := range s {
		if repInfixAt(s, i, prev, r, utf8.RuneLen(r)) > 0 {
			return true
		}
		prev = r
	}
	return false
}
