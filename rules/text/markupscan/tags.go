package markupscan

import (
	"github.com/corpuslint/corpuslint/rules/text"
	"html"
	"strings"
	"unicode/utf8"
)

// Elements are the HTML element names (current and obsolete) plus the SVG and
// MathML names that turn up in pages.
var Elements = func() map[string]bool {
	m := map[string]bool{}
	for _, n := range strings.Fields(`a abbr acronym address applet area article aside audio b base basefont bdi bdo
		bgsound big blink blockquote body br button canvas caption center cite code col colgroup data datalist
		dd del details dfn dialog dir div dl dt em embed fieldset figcaption figure font footer form frame
		frameset h1 h2 h3 h4 h5 h6 head header hgroup hr html i iframe img input ins isindex kbd keygen label
		legend li link listing main map mark marquee math menu menuitem meta meter nav nobr noembed noframes
		noscript object ol optgroup option output p param picture plaintext pre progress q rb rp rt rtc ruby s
		samp script search section select slot small source spacer span strike strong style sub summary sup
		svg table tbody td template textarea tfoot th thead time title tr track tt u ul var video wbr xmp
		path g circle rect line polyline polygon ellipse defs use symbol lineargradient radialgradient stop
		clippath mask tspan foreignobject noindex`) {
		m[n] = true
	}
	return m
}()

// maxTag bounds how far a tag or comment may reach, so that a stray "<" never
// makes the scan quadratic.
const maxTag = 2048

// maxComment bounds a comment or CDATA section; an opener whose end is further
// away is reported alone.
const maxComment = 64 * 1024

// Scanner remembers where the next "-->" and "]]>" are, so that many unclosed
// comment openers do not each search the rest of the text.
type Scanner struct {
	comment, cdata [2]int // [searched from, found at or -1]; zero value: not searched
}

// next returns the offset of the first sep at or after from, reusing the last
// search when it is still valid.
func (sc *Scanner) next(t string, from int, sep string, memo *[2]int) int {
	if memo[0] > 0 && memo[0] <= from && (memo[1] < 0 || memo[1] >= from) {
		return memo[1]
	}
	k := strings.Index(t[from:], sep)
	if k >= 0 {
		k += from
	}
	*memo = [2]int{from, k}
	return k
}

// ParseTag parses HTML at t[i] == '<' and returns its end offset, element name
// (lower case, "" for comments and declarations) and whether it is a tag at all.
func ParseTag(t string, i int, sc *Scanner) (end int, name string, ok bool) {
	if i+2 > len(t) {
		return 0, "", false
	}
	switch c := t[i+1]; c {
	case '!':
		return parseDecl(t, i, sc)
	case '?':
		rest := t[i+2:]
		if !(strings.HasPrefix(rest, "xml") || strings.HasPrefix(rest, "php")) {
			return 0, "", false
		}
		limit := min(len(t), i+maxTag)
		k := strings.IndexAny(t[i+2:limit], "<>\n")
		if k < 0 || t[i+2+k] != '>' || t[i+1+k] != '?' {
			return 0, "", false
		}
		return i + 2 + k + 1, "", true
	case '/':
		j, nm, ok := tagName(t, i+2)
		if !ok {
			return 0, "", false
		}
		for j < len(t) && (t[j] == ' ' || t[j] == '\t') {
			j++
		}
		if j < len(t) && t[j] == '>' {
			return j + 1, nm, true
		}
		return 0, "", false
	}
	j, nm, ok := tagName(t, i+1)
	if !ok {
		return 0, "", false
	}
	custom := strings.IndexByte(nm, '-') >= 0
	if j < len(t) && t[j] == '>' {
		if custom {
			return 0, "", false
		}
		return j + 1, nm, true
	}
	if j+1 < len(t) && t[j] == '/' && t[j+1] == '>' {
		return j + 2, nm, true
	}
	if j >= len(t) || !(t[j] == ' ' || t[j] == '\t' || t[j] == '\n' || t[j] == '\r') {
		return 0, "", false
	}
	// Attributes: name[=value] separated by white space, up to ">" or "/>". At least
	// one must carry a value, or prose like "a <b and c> d" would read as a tag.
	limit := min(len(t), i+maxTag)
	hasValue := false
	for j < limit {
		for j < limit && (t[j] == ' ' || t[j] == '\t' || t[j] == '\n' || t[j] == '\r') {
			j++
		}
		if j >= limit {
			return 0, "", false
		}
		if t[j] == '>' {
			if !hasValue {
				return 0, "", false
			}
			return j + 1, nm, true
		}
		if t[j] == '/' && j+1 < limit && t[j+1] == '>' {
			if !hasValue {
				return 0, "", false
			}
			return j + 2, nm, true
		}
		a := j
		for j < limit && (text.IsAlnum(t[j]) || t[j] == '-' || t[j] == '_' || t[j] == ':' || t[j] == '.' || t[j] == '@') {
			j++
		}
		if j == a || !(text.IsLetter(t[a]) || t[a] == '_' || t[a] == ':' || t[a] == '@') {
			return 0, "", false
		}
		k := j
		for k < limit && (t[k] == ' ' || t[k] == '\t') {
			k++
		}
		if k >= limit || t[k] != '=' {
			continue // a bare attribute such as "disabled"
		}
		k++
		for k < limit && (t[k] == ' ' || t[k] == '\t') {
			k++
		}
		if k >= limit {
			return 0, "", false
		}
		if q := t[k]; q == '"' || q == '\'' {
			// A "<" ends the search too, so that a run of broken tags is scanned
			// once, not once per "<".
			e := strings.IndexAny(t[k+1:limit], string(q)+"<")
			if e < 0 || t[k+1+e] != q {
				return 0, "", false
			}
			j = k + 1 + e + 1
		} else {
			s := k
			for k < limit && t[k] != ' ' && t[k] != '\t' && t[k] != '\n' && t[k] != '>' && t[k] != '<' && t[k] != '"' && t[k] != '\'' {
				k++
			}
			if k == s {
				return 0, "", false
			}
			j = k
		}
		hasValue = true
	}
	return 0, "", false
}

// tagName reads an element name at t[i]: all lower or all upper case ASCII, a
// known element, or a custom element (lower case with a hyphen).
func tagName(t string, i int) (int, string, bool) {
	j := i
	upper, lower := false, false
	for j < len(t) && j-i < 32 && (text.IsAlnum(t[j]) || (t[j] == '-' && j > i)) {
		if 'A' <= t[j] && t[j] <= 'Z' {
			upper = true
		} else if 'a' <= t[j] && t[j] <= 'z' {
			lower = true
		}
		j++
	}
	if j == i || !text.IsLetter(t[i]) || (upper && lower) || t[j-1] == '-' {
		return 0, "", false
	}
	nm := strings.ToLower(t[i:j])
	if Elements[nm] {
		return j, nm, true
	}
	if lower && strings.IndexByte(nm, '-') > 0 {
		return j, nm, true
	}
	return 0, "", false
}

// parseDecl parses "<!-- … -->", "<![CDATA[ … ]]>", "<![endif]>" and "<!DOCTYPE …>".
func parseDecl(t string, i int, sc *Scanner) (int, string, bool) {
	rest := t[i:]
	switch {
	case strings.HasPrefix(rest, "<!--"):
		if k := sc.next(t, i+4, "-->", &sc.comment); k >= 0 && k-i <= maxComment {
			return k + 3, "", true
		}
		return i + 4, "", true // an unclosed comment: report the opener
	case strings.HasPrefix(rest, "<![CDATA["):
		if k := sc.next(t, i+9, "]]>", &sc.cdata); k >= 0 && k-i <= maxComment {
			return k + 3, "", true
		}
		return i + 9, "", true
	case strings.HasPrefix(rest, "<![") || (len(rest) > 9 && text.EqualFoldASCII(rest[2:9], "doctype") && (rest[9] == ' ' || rest[9] == '>')):
		limit := min(len(t), i+512)
		k := strings.IndexAny(t[i+2:limit], "<>\n")
		if k >= 0 {
			k += 2
		}
		if k < 0 || t[i+k] != '>' {
			return 0, "", false
		}
		return i + k + 1, "", true
	}
	return 0, "", false
}

// Entity parses a character reference at t[i] == '&'. It returns its length and
// decoded text; ok is false when t[i:] is not a reference. Double-escaped forms
// (&amp;mdash;) decode all the way.
func Entity(t string, i int) (n int, decoded string, ok bool) {
	n, decoded, ok = oneEntity(t, i)
	if !ok {
		return 0, "", false
	}
	// "&amp;" followed by another reference name is a double escape: decode both.
	for decoded == "&" && t[i+n-1] == ';' {
		inner := "&" + t[i+n:min(len(t), i+n+40)]
		n2, d2, ok2 := oneEntity(inner, 0)
		if !ok2 || inner[n2-1] != ';' {
			break
		}
		n += n2 - 1
		decoded = d2
	}
	return n, decoded, true
}

// oneEntity parses one reference without looking for double escapes.
func oneEntity(t string, i int) (int, string, bool) {
	j := i + 1
	if j >= len(t) {
		return 0, "", false
	}
	if t[j] == '#' {
		j++
		hex := j < len(t) && (t[j] == 'x' || t[j] == 'X')
		if hex {
			j++
		}
		d := j
		for j < len(t) && j-d < 8 && (text.IsDigit(t[j]) || hex && strings.IndexByte("abcdefABCDEF", t[j]) >= 0) {
			j++
		}
		if j == d || j >= len(t) || t[j] != ';' {
			return 0, "", false
		}
		ref := t[i : j+1]
		return len(ref), html.UnescapeString(ref), true
	}
	d := j
	for j < len(t) && j-d < 32 && text.IsAlnum(t[j]) {
		j++
	}
	if j == d || !text.IsLetter(t[d]) {
		return 0, "", false
	}
	if j < len(t) && t[j] == ';' {
		ref := t[i : j+1]
		dec := html.UnescapeString(ref)
		// html decodes the longest known prefix ("&notit;" -> "¬it;"): only a whole
		// name is a reference.
		if dec == ref || (strings.HasSuffix(dec, ";") && ref != "&semi;") {
			return 0, "", false
		}
		return len(ref), dec, true
	}
	// Without a semicolon only a few names are certain enough, and only before a
	// space or punctuation other than "=" (a query parameter such as "&amp=1").
	switch t[d:j] {
	case "nbsp", "amp", "copy":
		if j < len(t) && (text.IsAlnum(t[j]) || t[j] == '=' || t[j] == '_' || t[j] >= utf8.RuneSelf) {
			return 0, "", false
		}
		ref := t[i:j]
		return len(ref), html.UnescapeString(ref + ";"), true
	}
	return 0, "", false
}
