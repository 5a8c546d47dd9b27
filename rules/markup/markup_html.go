package markup

import (
	"fmt"
	"github.com/corpuslint/corpuslint/rules"
	"github.com/corpuslint/corpuslint/rules/text"
	"github.com/corpuslint/corpuslint/rules/text/markupscan"
	"strings"
	"unicode"
	"unicode/utf8"
)

// HTMLTags returns the html-tags rule: HTML tags, comments and declarations that
// extraction left in the text.
func HTMLTags() rules.Rule { return tagsRule{} }

type tagsRule struct{}

func (tagsRule) Meta() rules.Meta {
	return rules.Meta{
		Name:     "html-tags",
		Category: rules.Markup,
		Severity: rules.Warning,
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

// blockElements separate words when rendered; removing one between two words
// must leave a space.
var blockElements = func() map[string]bool {
	m := map[string]bool{}
	for _, n := range strings.Fields(`address article aside blockquote br dd div dl dt fieldset figcaption figure
		footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table tbody td tfoot th thead tr ul
		img iframe script style noscript`) {
		m[n] = true
	}
	return m
}()

// tag is one piece of HTML found at [start, end).
type tag struct {
	start, end int
	name       string // lower-case element name; "" for comments and declarations
	comment    bool
}

func (tagsRule) Check(p *rules.Pass) {
	if hasExt(p, ".html", ".htm", ".xhtml", ".xml", ".svg") {
		return
	}
	t := p.Analysis.Text()
	if strings.IndexByte(t, '<') < 0 {
		return
	}
	a := p.Analysis
	lines := a.Lines()
	var fence markupscan.Fence
	var sc markupscan.Scanner
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
				fenced = fence.Code(t[lines[line].Start:lines[line].End])
				line++
			}
			lastLine = li
		}
		if fenced || (i > 0 && t[i-1] == '`') {
			i++
			continue
		}
		end, name, ok := markupscan.ParseTag(t, i, &sc)
		if !ok {
			i++
			continue
		}
		start := i
		tags := []tag{{start: start, end: end, name: name, comment: name == ""}}
		// Take the tags that follow on the same line with only spaces between.
		for {
			j := end
			for j < len(t) && (t[j] == ' ' || t[j] == '\t') {
				j++
			}
			if j >= len(t) || t[j] != '<' {
				break
			}
			e2, n2, ok2 := markupscan.ParseTag(t, j, &sc)
			if !ok2 {
				break
			}
			tags = append(tags, tag{start: j, end: e2, name: n2, comment: n2 == ""})
			end = e2
		}
		p.Report(tagFinding(t, lines, a, start, end, tags))
		i = end
	}
}

func tagFinding(t string, lines []text.Line, a *text.Analysis, start, end int, tags []tag) rules.Finding {
	var msg string
	switch {
	case len(tags) > 1:
		msg = fmt.Sprintf("%d HTML tags %s left in the text", len(tags), clip(t[start:end], 60))
	case tags[0].comment && strings.HasPrefix(t[start:], "<!--"):
		msg = fmt.Sprintf("HTML comment %s left in the text", clip(t[start:end], 60))
	case tags[0].comment:
		msg = fmt.Sprintf("HTML declaration %s left in the text", clip(t[start:end], 60))
	default:
		msg = fmt.Sprintf("HTML tag %s left in the text", clip(t[start:end], 60))
	}
	return rules.Finding{Start: start, End: end, Message: msg, Fix: &rules.Fix{
		Message:       "remove the HTML",
		Applicability: rules.Unsafe,
		Edits:         []rules.Edit{tagEdit(t, lines, a, start, end, tags)},
	}}
}

// tagEdit removes [start, end) as removal does, but keeps one space where
// block tags separated two words.
func tagEdit(t string, lines []text.Line, a *text.Analysis, start, end int, tags []tag) rules.Edit {
	before, after := text.RuneBefore(t, start), text.RuneAt(t, end)
	if before != 0 && after != 0 && !unicode.IsSpace(before) && !unicode.IsSpace(after) {
		for _, tg := range tags {
			if tg.comment || blockElements[tg.name] {
				return rules.Edit{Start: start, End: end, NewText: " "}
			}
		}
	}
	return removal(t, lines, a, start, end)
}

// HTMLEntities returns the html-entities rule: HTML character references left in
// the text instead of the characters they stand for.
func HTMLEntities() rules.Rule { return entitiesRule{} }

type entitiesRule struct{}

func (entitiesRule) Meta() rules.Meta {
	return rules.Meta{
		Name:     "html-entities",
		Category: rules.Markup,
		Severity: rules.Warning,
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

// quoteEntity reports whether a decoded reference is a quotation mark or
// apostrophe: those belong to the broken-quotes rule.
func quoteEntity(s string) bool {
	switch s {
	case "\"", "'", "\u00ab", "\u00bb", "\u2018", "\u2019", "\u201a", "\u201c", "\u201d", "\u201e":
		return true
	}
	return false
}

// describe names decoded text for a message: invisible and space characters by
// their code point.
func describe(s string) string {
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

// fixable reports whether decoded text may replace its reference: control
// characters (other than tab and line feed) and U+FFFD would damage the text.
func fixable(s string) bool {
	for _, r := range s {
		if r == utf8.RuneError || (r < 0x20 && r != '\t' && r != '\n') || (r >= 0x7f && r < 0xa0) {
			return false
		}
	}
	return s != ""
}

func (entitiesRule) Check(p *rules.Pass) {
	if hasExt(p, ".html", ".htm", ".xhtml", ".xml", ".svg") {
		return
	}
	t := p.Analysis.Text()
	for i := 0; i < len(t); {
		k := strings.IndexByte(t[i:], '&')
		if k < 0 {
			break
		}
		i += k
		n, dec, ok := markupscan.Entity(t, i)
		if !ok {
			i++
			continue
		}
		if quoteEntity(dec) {
			i += n
			continue
		}
		ref := t[i : i+n]
		kind := "HTML entity"
		if strings.HasPrefix(ref, "&amp;") && len(ref) > 5 {
			kind = "double-escaped HTML entity"
		}
		f := rules.Finding{Start: i, End: i + n, Message: fmt.Sprintf("%s %s instead of %s", kind, ref, describe(dec))}
		if fixable(dec) {
			f.Fix = &rules.Fix{Message: "decode it to " + describe(dec), Applicability: rules.Safe,
				Edits: []rules.Edit{{Start: i, End: i + n, NewText: dec}}}
		}
		p.Report(f)
		i += n
	}
}
