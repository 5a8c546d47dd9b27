package markup

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/corpuslint/corpuslint/rules"
	"github.com/corpuslint/corpuslint/rules/text/markupscan"
)

// HTMLEntities returns the html-entities rule: HTML character references left in
// the text instead of the characters they stand for.
func HTMLEntities() rules.Rule { return entitiesRule{} }

type entitiesRule struct{}

func (entitiesRule) Meta() rules.Meta {
	return rules.Meta{
		Name:     "html-entities",
		Grouped:  true,
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
