package spacy

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

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
			tld = lower(r1) && lower(r2)
		}
	}
	if !tld && dots < 3 {
		return false
	}
	starts := [2]int{0, -1}
	// a scheme ends at the first "://", since its characters hold neither ':' nor '/'
	if i := strings.Index(s, "://"); i > 0 && utf8.RuneCountInString(s[:i]) >= 2 && urlScheme(s[:i]) {
		starts[1] = i + 3
	}
	for _, st := range starts {
		if st < 0 {
			continue
		}
		rest := s[st:]
		if urlHost(rest) {
			return true
		}
		// "user@" or "user:pass@": any '@' after at least one character
		for k := 1; k < len(rest); k++ {
			if rest[k] == '@' && urlHost(rest[k+1:]) {
				return true
			}
		}
	}
	return false
}

func urlScheme(s string) bool {
	for _, r := range s {
		if !(r == '_' || r == '+' || r == '-' || r == '.' || unicode.IsLetter(r) || unicode.IsNumber(r)) {
			return false
		}
	}
	return true
}

// urlLabel reports whether r may appear in a host label: [A-Za-z0-9\u00a1-\uffff].
func urlLabel(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return 0xa1 <= r && r <= 0xffff
}

// urlHost matches h against (public IPv4 | labels.tld)(:port)?([/?#]...)?$.
func urlHost(h string) bool {
	if e, ok := urlIPv4(h); ok && urlTail(h[e:]) {
		return true
	}
	// The domain ends where its characters end: what may follow it, ':' and
	// [/?#], belongs to none of them.
	end := 0
	for end < len(h) {
		r, n := utf8.DecodeRuneInString(h[end:])
		if !(urlLabel(r) || r == '.' || r == '_' || r == '-' || lower(r)) {
			break
		}
		end += n
	}
	if !urlTail(h[end:]) {
		return false
	}
	host := h[:end]
	dot := strings.LastIndexByte(host, '.')
	if dot <= 0 {
		return false
	}
	tldLen := 0
	for _, r := range host[dot+1:] {
		if !lower(r) {
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
			if n == 0 && !urlLabel(r) || !(urlLabel(r) || r == '_' || r == '-') {
				return false
			}
			last = r
			n++
		}
		if n == 0 || n > 64 || !urlLabel(last) {
			return false
		}
	}
	return true
}

// urlTail matches (?::\d{2,5})?(?:[/?#]\S*)?$; s holds no white space.
func urlTail(s string) bool {
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

// urliPv4 matches the IP alternative of URL_MATCH at the start of h, with its
// exclusion of private and local networks, and returns where it ends.
func urlIPv4(h string) (int, bool) {
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
	if !octetFirst([]rune(oct[0])) || !octetMiddle([]rune(oct[1])) || !octetMiddle([]rune(oct[2])) ||
		!octetLast([]rune(oct[3])) {
		return 0, false
	}
	switch {
	case oct[0] == "10" || oct[0] == "127":
		return 0, false
	case oct[0] == "169" && oct[1] == "254", oct[0] == "192" && oct[1] == "168":
		return 0, false
	case oct[0] == "172" && private172(oct[1]):
		return 0, false
	}
	return i, true
}

// The octets of URL_MATCH's IP alternative, each a whole run of digits: the first
// [1-9]\d?|1\d\d|2[01]\d|22[0-3], the middle two 1?\d{1,2}|2[0-4]\d|25[0-5], the last
// [1-9]\d?|1\d\d|2[0-4]\d|25[0-4]. "\d" is any decimal digit, as in Python.
func octetFirst(o []rune) bool {
	switch len(o) {
	case 1:
		return d19(o[0])
	case 2:
		return d19(o[0]) && unicode.IsDigit(o[1])
	case 3:
		return o[0] == '1' && unicode.IsDigit(o[1]) && unicode.IsDigit(o[2]) ||
			o[0] == '2' && (o[1] == '0' || o[1] == '1') && unicode.IsDigit(o[2]) ||
			o[0] == '2' && o[1] == '2' && '0' <= o[2] && o[2] <= '3'
	}
	return false
}

func octetMiddle(o []rune) bool {
	switch len(o) {
	case 1:
		return unicode.IsDigit(o[0])
	case 2:
		return unicode.IsDigit(o[0]) && unicode.IsDigit(o[1])
	case 3:
		return octet3(o, '5')
	}
	return false
}

func octetLast(o []rune) bool {
	switch len(o) {
	case 1:
		return d19(o[0])
	case 2:
		return d19(o[0]) && unicode.IsDigit(o[1])
	case 3:
		return octet3(o, '4')
	}
	return false
}

// octet3 is 1\d\d|2[0-4]\d|25[0-top].
func octet3(o []rune, top rune) bool {
	return o[0] == '1' && unicode.IsDigit(o[1]) && unicode.IsDigit(o[2]) ||
		o[0] == '2' && '0' <= o[1] && o[1] <= '4' && unicode.IsDigit(o[2]) ||
		o[0] == '2' && o[1] == '5' && '0' <= o[2] && o[2] <= top
}

func d19(r rune) bool { return '1' <= r && r <= '9' }

// private172 reports whether the second octet after 172 is 16-31
// (1[6-9]|2\d|3[0-1]), a private network.
func private172(o string) bool {
	rs := []rune(o)
	if len(rs) != 2 {
		return false
	}
	return rs[0] == '1' && '6' <= rs[1] && rs[1] <= '9' || rs[0] == '2' && unicode.IsDigit(rs[1]) ||
		rs[0] == '3' && (rs[1] == '0' || rs[1] == '1')
}
