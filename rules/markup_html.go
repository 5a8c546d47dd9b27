package rules

import (
	"fmt"
	"html"
	"strings"
	"unicode"
	"unicode/utf8"
)

// HTMLTags returns the html-tags rule: HTML tags, comments and declarations that
// extraction left in the text.
func HTMLTags() Rule { return mkTagsRule{} }

type mkTagsRule struct{}

func (mkTagsRule) Meta() Meta {
	return Meta{
		Name:     "html-tags",
		Category: Markup,
		Severity: Warning,
		Fixable:  true,
		Title:    "HTML tags, comments and declarations left in the text",
		Doc: "Flags HTML that an extractor copied into the text instead of rendering it: " +
			"opening, closing and self-closing tags of real HTML elements (<div class=\"x\">, " +
			"</p>, <br/>, <script>, <span id=\"app\"></span>), custom elements with attributes " +
			"(<amp-img src=\"…\">), comments (<!-- … -->, <!--[if IE]>), <!DOCTYPE …>, " +
			"CDATA sections and <?xml …?> instructions. Tags that follow each other on one line " +
			"are reported together. The fix (unsafe, since the tag might be quoted on " +
			"purpose) removes the tags, keeping a space where they separated two words, and " +
			"removes a line that held nothing else.\n\n" +
			"Only names of HTML elements count, written all in lower or all in upper case, so " +
			"comparisons (a < b > c), e-mail addresses and URLs in angle brackets " +
			"(<name@example.com>, <https://…>), hearts (<3), arrows (<-, ->) and placeholders " +
			"(<insert key here>, <Name>) are left alone. An opening tag with words after its " +
			"name must have at least one name=value attribute, so prose such as \"if a <b and " +
			"c> d\" is not a tag. Tags in inline code (`<div>`) and fenced code blocks, and " +
			"whole documents whose file is HTML or XML (.html, .htm, .xhtml, .xml, .svg), are " +
			"not checked.",
		Bad:  "The council approved the budget.<br/>\n<div class=\"share-buttons\"></div>\nVoting starts on Monday.\n",
		Good: "The council approved the budget.\nVoting starts on Monday. Turnout was 3 < 5 expected.\n",
	}
}

// mkElements are the HTML element names (current and obsolete) plus the SVG and
// MathML names that turn up in pages.
var mkElements = func() map[string]bool {
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

// mkBlockElements separate words when rendered; removing one between two words
// must leave a space.
var mkBlockElements = func() map[string]bool {
	m := map[string]bool{}
	for _, n := range strings.Fields(`address article aside blockquote br dd div dl dt fieldset figcaption figure
		footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table tbody td tfoot th thead tr ul
		img iframe script style noscript`) {
		m[n] = true
	}
	return m
}()

// mkMaxTag bounds how far a tag or comment may reach, so that a stray "<" never
// makes the scan quadratic.
const mkMaxTag = 2048

// mkMaxComment bounds a comment or CDATA section; an opener whose end is further
// away is reported alone.
const mkMaxComment = 64 * 1024

// mkScan remembers where the next "-->" and "]]>" are, so that many unclosed
// comment openers do not each search the rest of the text.
type mkScan struct {
	comment, cdata [2]int // [searched from, found at or -1]; zero value: not searched
}

// next returns the offset of the first sep at or after from, reusing the last
// search when it is still valid.
func (sc *mkScan) next(t string, from int, sep string, memo *[2]int) int {
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

// mkTag is one piece of HTML found at [start, end).
type mkTag struct {
	start, end int
	name       string // lower-case element name; "" for comments and declarations
	comment    bool
}

// mkParseTag parses HTML at t[i] == '<' and returns its end offset, element name
// (lower case, "" for comments and declarations) and whether it is a tag at all.
func mkParseTag(t string, i int, sc *mkScan) (end int, name string, ok bool) {
	if i+2 > len(t) {
		return 0, "", false
	}
	switch c := t[i+1]; c {
	case '!':
		return mkParseDecl(t, i, sc)
	case '?':
		rest := t[i+2:]
		if !(strings.HasPrefix(rest, "xml") || strings.HasPrefix(rest, "php")) {
			return 0, "", false
		}
		limit := min(len(t), i+mkMaxTag)
		k := strings.IndexAny(t[i+2:limit], "<>\n")
		if k < 0 || t[i+2+k] != '>' || t[i+1+k] != '?' {
			return 0, "", false
		}
		return i + 2 + k + 1, "", true
	case '/':
		j, nm, ok := mkTagName(t, i+2)
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
	j, nm, ok := mkTagName(t, i+1)
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
	limit := min(len(t), i+mkMaxTag)
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
		for j < limit && (mkIsAlnum(t[j]) || t[j] == '-' || t[j] == '_' || t[j] == ':' || t[j] == '.' || t[j] == '@') {
			j++
		}
		if j == a || !(mkIsLetter(t[a]) || t[a] == '_' || t[a] == ':' || t[a] == '@') {
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

// mkTagName reads an element name at t[i]: all lower or all upper case ASCII, a
// known element, or a custom element (lower case with a hyphen).
func mkTagName(t string, i int) (int, string, bool) {
	j := i
	upper, lower := false, false
	for j < len(t) && j-i < 32 && (mkIsAlnum(t[j]) || (t[j] == '-' && j > i)) {
		if 'A' <= t[j] && t[j] <= 'Z' {
			upper = true
		} else if 'a' <= t[j] && t[j] <= 'z' {
			lower = true
		}
		j++
	}
	if j == i || !mkIsLetter(t[i]) || (upper && lower) || t[j-1] == '-' {
		return 0, "", false
	}
	nm := strings.ToLower(t[i:j])
	if mkElements[nm] {
		return j, nm, true
	}
	if lower && strings.IndexByte(nm, '-') > 0 {
		return j, nm, true
	}
	return 0, "", false
}

// mkParseDecl parses "<!-- … -->", "<![CDATA[ … ]]>", "<![endif]>" and "<!DOCTYPE …>".
func mkParseDecl(t string, i int, sc *mkScan) (int, string, bool) {
	rest := t[i:]
	switch {
	case strings.HasPrefix(rest, "<!--"):
		if k := sc.next(t, i+4, "-->", &sc.comment); k >= 0 && k-i <= mkMaxComment {
			return k + 3, "", true
		}
		return i + 4, "", true // an unclosed comment: report the opener
	case strings.HasPrefix(rest, "<![CDATA["):
		if k := sc.next(t, i+9, "]]>", &sc.cdata); k >= 0 && k-i <= mkMaxComment {
			return k + 3, "", true
		}
		return i + 9, "", true
	case strings.HasPrefix(rest, "<![") || (len(rest) > 9 && mkEqualFold(rest[2:9], "doctype") && (rest[9] == ' ' || rest[9] == '>')):
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

func (mkTagsRule) Check(p *Pass) {
	if mkHasExt(p, ".html", ".htm", ".xhtml", ".xml", ".svg") {
		return
	}
	t := p.Analysis.Text()
	if strings.IndexByte(t, '<') < 0 {
		return
	}
	a := p.Analysis
	lines := a.Lines()
	var fence mkFence
	var sc mkScan
	line := 0
	fenced := false
	lastLine := -1
	for i := 0; i < len(t); {
		k := strings.IndexByte(t[i:], '<')
		if k < 0 {
			break
		}
		i += k
		// Keep the fence state up to date for the line holding i.
		if li := a.LineAt(i); li != lastLine {
			for line <= li {
				fenced = fence.code(t[lines[line].Start:lines[line].End])
				line++
			}
			lastLine = li
		}
		if fenced || (i > 0 && t[i-1] == '`') {
			i++
			continue
		}
		end, name, ok := mkParseTag(t, i, &sc)
		if !ok {
			i++
			continue
		}
		start := i
		tags := []mkTag{{start: start, end: end, name: name, comment: name == ""}}
		// Take the tags that follow on the same line with only spaces between.
		for {
			j := end
			for j < len(t) && (t[j] == ' ' || t[j] == '\t') {
				j++
			}
			if j >= len(t) || t[j] != '<' {
				break
			}
			e2, n2, ok2 := mkParseTag(t, j, &sc)
			if !ok2 {
				break
			}
			tags = append(tags, mkTag{start: j, end: e2, name: n2, comment: n2 == ""})
			end = e2
		}
		p.Report(mkTagFinding(t, lines, a, start, end, tags))
		i = end
	}
}

func mkTagFinding(t string, lines []Line, a *Analysis, start, end int, tags []mkTag) Finding {
	var msg string
	switch {
	case len(tags) > 1:
		msg = fmt.Sprintf("%d HTML tags %s left in the text", len(tags), mkClip(t[start:end], 60))
	case tags[0].comment && strings.HasPrefix(t[start:], "<!--"):
		msg = fmt.Sprintf("HTML comment %s left in the text", mkClip(t[start:end], 60))
	case tags[0].comment:
		msg = fmt.Sprintf("HTML declaration %s left in the text", mkClip(t[start:end], 60))
	default:
		msg = fmt.Sprintf("HTML tag %s left in the text", mkClip(t[start:end], 60))
	}
	return Finding{Start: start, End: end, Message: msg, Fix: &Fix{
		Message:       "remove the HTML",
		Applicability: Unsafe,
		Edits:         []Edit{mkTagEdit(t, lines, a, start, end, tags)},
	}}
}

// mkTagEdit removes [start, end) as mkRemoval does, but keeps one space where
// block tags separated two words.
func mkTagEdit(t string, lines []Line, a *Analysis, start, end int, tags []mkTag) Edit {
	before, after := mkRuneBefore(t, start), mkRuneAt(t, end)
	if before != 0 && after != 0 && !unicode.IsSpace(before) && !unicode.IsSpace(after) {
		for _, tg := range tags {
			if tg.comment || mkBlockElements[tg.name] {
				return Edit{Start: start, End: end, NewText: " "}
			}
		}
	}
	return mkRemoval(t, lines, a, start, end)
}

// HTMLEntities returns the html-entities rule: HTML character references left in
// the text instead of the characters they stand for.
func HTMLEntities() Rule { return mkEntitiesRule{} }

type mkEntitiesRule struct{}

func (mkEntitiesRule) Meta() Meta {
	return Meta{
		Name:     "html-entities",
		Category: Markup,
		Severity: Warning,
		Fixable:  true,
		Title:    "HTML character references (&amp;, &nbsp;, &#8217;, &mdash;) left undecoded",
		Doc: "Flags HTML character references that an extractor copied instead of decoding: " +
			"named ones (&amp;, &nbsp;, &mdash;, &eacute;, any of the HTML5 names), decimal and " +
			"hexadecimal ones (&#8212;, &#x2014;), double-escaped ones (&amp;mdash;, &amp;amp;), " +
			"and the few that pages often write without a semicolon (&nbsp, &amp, &copy before a " +
			"space). The safe fix decodes the reference as a browser would (&nbsp; becomes a " +
			"no-break space, U+00A0); references that decode to control characters are " +
			"reported without a fix.\n\n" +
			"References to quotation marks and apostrophes (&quot;, &#39;, &apos;, &ldquo;, " +
			"&rdquo;, &lsquo;, &rsquo;, &#8216;–&#8221;, &laquo;, &raquo; and their " +
			"double-escaped forms) are left to the broken-quotes rule, which judges them " +
			"together with the quotes around them. A bare ampersand (AT&T, R&D, Q&A, " +
			"?a=1&b=2) is not a reference and is never flagged, nor are documents whose file " +
			"is HTML or XML.",
		Bad:  "Tom &amp; Jerry returned&nbsp;to the screen &mdash; and fans cheered.\n",
		Good: "Tom & Jerry returned to the screen — and fans cheered. AT&T and R&D stay as they are.\n",
	}
}

// mkEntity parses a character reference at t[i] == '&'. It returns its length and
// decoded text; ok is false when t[i:] is not a reference. Double-escaped forms
// (&amp;mdash;) decode all the way.
func mkEntity(t string, i int) (n int, decoded string, ok bool) {
	n, decoded, ok = mkOneEntity(t, i)
	if !ok {
		return 0, "", false
	}
	// "&amp;" followed by another reference name is a double escape: decode both.
	for decoded == "&" && t[i+n-1] == ';' {
		inner := "&" + t[i+n:min(len(t), i+n+40)]
		n2, d2, ok2 := mkOneEntity(inner, 0)
		if !ok2 || inner[n2-1] != ';' {
			break
		}
		n += n2 - 1
		decoded = d2
	}
	return n, decoded, true
}

// mkOneEntity parses one reference without looking for double escapes.
func mkOneEntity(t string, i int) (int, string, bool) {
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
		for j < len(t) && j-d < 8 && (mkIsDigit(t[j]) || hex && strings.IndexByte("abcdefABCDEF", t[j]) >= 0) {
			j++
		}
		if j == d || j >= len(t) || t[j] != ';' {
			return 0, "", false
		}
		ref := t[i : j+1]
		return len(ref), html.UnescapeString(ref), true
	}
	d := j
	for j < len(t) && j-d < 32 && mkIsAlnum(t[j]) {
		j++
	}
	if j == d || !mkIsLetter(t[d]) {
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
		if j < len(t) && (mkIsAlnum(t[j]) || t[j] == '=' || t[j] == '_' || t[j] >= utf8.RuneSelf) {
			return 0, "", false
		}
		ref := t[i:j]
		return len(ref), html.UnescapeString(ref + ";"), true
	}
	return 0, "", false
}

// mkQuoteEntity reports whether a decoded reference is a quotation mark or
// apostrophe: those belong to the broken-quotes rule.
func mkQuoteEntity(s string) bool {
	switch s {
	case "\"", "'", "\u00ab", "\u00bb", "\u2018", "\u2019", "\u201a", "\u201c", "\u201d", "\u201e":
		return true
	}
	return false
}

// mkDescribe names decoded text for a message: invisible and space characters by
// their code point.
func mkDescribe(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == len(s) && (unicode.IsSpace(r) || unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Mn, r)) {
		switch r {
		case '\u00a0':
			return "a no-break space (U+00A0)"
		case '\u00ad':
			return "a soft hyphen (U+00AD)"
		}
		return fmt.Sprintf("U+%04X", r)
	}
	if r == utf8.RuneError && n == len(s) {
		return "U+FFFD (no valid character)"
	}
	return "\"" + s + "\""
}

// mkFixable reports whether decoded text may replace its reference: control
// characters (other than tab and line feed) and U+FFFD would damage the text.
func mkFixable(s string) bool {
	for _, r := range s {
		if r == utf8.RuneError || (r < 0x20 && r != '\t' && r != '\n') || (r >= 0x7f && r < 0xa0) {
			return false
		}
	}
	return s != ""
}

func (mkEntitiesRule) Check(p *Pass) {
	if mkHasExt(p, ".html", ".htm", ".xhtml", ".xml", ".svg") {
		return
	}
	t := p.Analysis.Text()
	for i := 0; i < len(t); {
		k := strings.IndexByte(t[i:], '&')
		if k < 0 {
			break
		}
		i += k
		n, dec, ok := mkEntity(t, i)
		if !ok {
			i++
			continue
		}
		if mkQuoteEntity(dec) {
			i += n
			continue
		}
		ref := t[i : i+n]
		kind := "HTML entity"
		if strings.HasPrefix(ref, "&amp;") && len(ref) > 5 {
			kind = "double-escaped HTML entity"
		}
		f := Finding{Start: i, End: i + n, Message: fmt.Sprintf("%s %s instead of %s", kind, ref, mkDescribe(dec))}
		if mkFixable(dec) {
			f.Fix = &Fix{Message: "decode it to " + mkDescribe(dec), Applicability: Safe,
				Edits: []Edit{{Start: i, End: i + n, NewText: dec}}}
		}
		p.Report(f)
		i += n
	}
}
