package markup

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/corpuslint/corpuslint/rules"
	"github.com/corpuslint/corpuslint/rules/text"
	"github.com/corpuslint/corpuslint/rules/text/markupscan"
)

// WikiMarkup returns the wiki-markup rule: MediaWiki syntax left in the text.
func WikiMarkup() rules.Rule { return wikiRule{} }

type wikiRule struct{}

func (wikiRule) Meta() rules.Meta {
	return rules.Meta{
		Name:     "wiki-markup",
		Grouped:  true,
		Category: rules.Markup,
		Severity: rules.Warning,
		Fixable:  true,
		Title:    "Wiki markup left in the text: [[links]], {{templates}}, '''bold''', ==Headings==, [edit]",
		Doc: "Flags MediaWiki syntax that a dump or a scraper left in the text: internal links " +
			"([[Target]], [[Target|label]]), templates ({{cite web|…}}, and template " +
			"placeholders such as {{ user.name }}), bold and bold-italic quotes ('''word''', " +
			"'''''word'''''), headings (== History ==) and the section links Wikipedia shows " +
			"as text ([edit], [edit source], [citation needed]). Safe fixes keep the link's " +
			"label (or its target), strip the quote and heading markers and delete the [edit] " +
			"marks; file and category links ([[File:…]], [[Category:…]]) and templates are " +
			"deleted by an unsafe fix, since they may hold text.\n\n" +
			"Two single quotes ('' italics) are not flagged: some texts use them for a double " +
			"quote. A double bracket followed by a Markdown link target ([[Title]](url), " +
			"[[Title]][3]) is a Markdown link whose text was bracketed and belongs to " +
			"markdown-remnants. Double brackets without a letter inside (nested arrays in code, " +
			"[[300,250]]) or glued to words on both sides (an obfuscated address, " +
			"name[[at]]example.org) are not links. Lines of \"=\" only (separators) and anything " +
			"inside fenced code are left alone, as are documents whose file is wiki source (.wiki, " +
			".mediawiki).",
		Bad:  "== Early life ==\nShe was born in [[Lyon|Lyons]] and studied '''law'''.[citation needed]\n",
		Good: "Early life\nShe was born in Lyons and studied law.\n",
	}
}

// wikiNamespaces are link prefixes whose links are media or metadata, not text.
var wikiNamespaces = []string{"file:", "image:", "category:", "media:", "datei:", "fichier:", "categoría:", "kategorie:", "catégorie:", "archivo:"}

// wikiMarks are bracketed markers that Wikipedia renders as text next to headings
// and claims.
var wikiMarks = []string{"[edit]", "[edit source]", "[citation needed]"}

func (wikiRule) Check(p *rules.Pass) {
	if hasExt(p, ".wiki", ".mediawiki", ".wikitext") {
		return
	}
	a := p.Analysis
	t := a.Text()
	lines := a.Lines()
	var fence markupscan.Fence
	for li, l := range lines {
		s := t[l.Start:l.End]
		if fence.Code(s) || s == "" {
			continue
		}
		if strings.HasPrefix(strings.TrimLeft(s, " \t"), "==") {
			if f, ok := wikiHeading(t, l); ok {
				p.Report(f)
			}
		}
		if strings.IndexByte(s, '[') >= 0 {
			wikiLinks(p, t, l)
			wikiMarksIn(p, t, l)
		}
		if strings.Contains(s, "{{") {
			wikiTemplates(p, t, lines, li)
		}
		if strings.Contains(s, "'''") {
			wikiBold(p, t, l)
		}
	}
}

// wikiHeading matches "== Title ==" (two to six "=" on both sides).
func wikiHeading(t string, l text.Line) (rules.Finding, bool) {
	s := t[l.Start:l.End]
	ts, te := text.TrimSpan(s, 0, len(s))
	s2 := s[ts:te]
	n := 0
	for n < len(s2) && s2[n] == '=' {
		n++
	}
	if n < 2 || n > 6 || len(s2) < 2*n+1 {
		return rules.Finding{}, false
	}
	m := 0
	for m < len(s2) && s2[len(s2)-1-m] == '=' {
		m++
	}
	if m != n {
		return rules.Finding{}, false
	}
	in := s2[n : len(s2)-n]
	is, ie := text.TrimSpan(in, 0, len(in))
	inner := in[is:ie]
	letter := false
	for _, r := range inner {
		if r == '=' {
			return rules.Finding{}, false
		}
		if r > 0x7f || text.IsAlnum(byte(r)) {
			letter = true
		}
	}
	if !letter {
		return rules.Finding{}, false
	}
	start, end := l.Start+ts, l.Start+te
	return rules.Finding{Start: start, End: end,
		Message: fmt.Sprintf("wiki heading %s left in the text", clip(s2, 50)),
		Fix: &rules.Fix{Message: "keep the heading text", Applicability: rules.Safe, Edits: []rules.Edit{
			{Start: start, End: start + n + is},
			{Start: start + n + ie, End: end},
		}}}, true
}

func wikiLinks(p *rules.Pass, t string, l text.Line) {
	s := t[l.Start:l.End]
	for i := 0; i < len(s); {
		k := strings.Index(s[i:], "[[")
		if k < 0 {
			return
		}
		o := i + k
		i = o + 2
		if o > 0 && s[o-1] == '[' {
			continue
		}
		// The inner text has no brackets: stop at the first one, which keeps the
		// scan linear on a line full of "[[".
		c := strings.IndexAny(s[o+2:min(len(s), o+2+256)], "[]")
		if c <= 0 || o+2+c+1 >= len(s) || s[o+2+c] != ']' || s[o+2+c+1] != ']' {
			continue
		}
		c += o + 2
		inner := s[o+2 : c]
		end := c + 2
		if strings.ContainsAny(inner, "[]{}") || inner[0] == ' ' || (end < len(s) && (s[end] == '[' || s[end] == '(' || s[end] == ']')) {
			continue
		}
		// Nested arrays in code ([[300,250]]) have no letter.
		if strings.IndexFunc(inner, unicode.IsLetter) < 0 {
			continue
		}
		// An obfuscated address: name[[at]]example.org.
		if o > 0 && text.IsAlnum(s[o-1]) && end < len(s) && text.IsAlnum(s[end]) {
			continue
		}
		start := l.Start + o
		f := rules.Finding{Start: start, End: l.Start + end, Message: fmt.Sprintf("wiki link [[%s]] left in the text", clip(inner, 50))}
		low := strings.ToLower(strings.TrimPrefix(inner, ":"))
		media := false
		for _, ns := range wikiNamespaces {
			if strings.HasPrefix(low, ns) {
				media = true
			}
		}
		if media {
			f.Fix = &rules.Fix{Message: "delete the file or category link", Applicability: rules.Unsafe, Edits: []rules.Edit{removal(t, p.Analysis.Lines(), p.Analysis, start, l.Start+end)}}
		} else {
			label := inner
			if b := strings.LastIndexByte(inner, '|'); b >= 0 {
				label = inner[b+1:]
			}
			label = strings.TrimSpace(label)
			if label == "" {
				label = strings.TrimSpace(inner[:strings.IndexByte(inner, '|')])
			}
			if label == "" {
				continue
			}
			f.Fix = &rules.Fix{Message: "keep the link text " + clip(label, 30), Applicability: rules.Safe,
				Edits: []rules.Edit{{Start: start, End: l.Start + end, NewText: label}}}
		}
		p.Report(f)
		i = end
	}
}

func wikiMarksIn(p *rules.Pass, t string, l text.Line) {
	s := t[l.Start:l.End]
	for i := 0; i < len(s); {
		k := strings.IndexByte(s[i:], '[')
		if k < 0 {
			return
		}
		o := i + k
		i = o + 1
		for _, m := range wikiMarks {
			if len(s)-o >= len(m) && text.EqualFoldASCII(s[o:o+len(m)], m) {
				start, end := l.Start+o, l.Start+o+len(m)
				e := rules.Edit{Start: start, End: end}
				if start > l.Start && t[start-1] == ' ' {
					e.Start--
				}
				p.Report(rules.Finding{Start: start, End: end, Message: fmt.Sprintf("wiki marker %s left in the text", s[o:o+len(m)]),
					Fix: &rules.Fix{Message: "delete the marker", Applicability: rules.Safe, Edits: []rules.Edit{e}}})
				i = o + len(m)
				break
			}
		}
	}
}

func wikiTemplates(p *rules.Pass, t string, lines []text.Line, li int) {
	l := lines[li]
	s := t[l.Start:l.End]
	// One pass over "{{" and "}}" with a stack of openers: an outermost template
	// is reported when its "}}" comes, if it is no longer than 1 KB.
	var stackBuf [8]int
	stack := stackBuf[:0]
	for i := 0; i+1 < len(s); {
		k := strings.IndexAny(s[i:], "{}")
		if k < 0 || i+k+1 >= len(s) {
			return
		}
		j := i + k
		if s[j+1] != s[j] {
			i = j + 1
			continue
		}
		i = j + 2
		if s[j] == '{' {
			if len(stack) == 32 {
				stack = stack[:copy(stack, stack[16:])]
			}
			stack = append(stack, j)
			continue
		}
		if len(stack) == 0 {
			continue
		}
		o := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		end := j + 2
		if len(stack) > 0 || end-o <= 4 || end-o > 1024 {
			continue
		}
		start := l.Start + o
		e := removal(t, lines, p.Analysis, start, l.Start+end)
		p.Report(rules.Finding{Start: start, End: l.Start + end,
			Message: fmt.Sprintf("template markup %s left in the text", clip(s[o:end], 50)),
			Fix:     &rules.Fix{Message: "delete the template", Applicability: rules.Unsafe, Edits: []rules.Edit{e}}})
	}
}

func wikiBold(p *rules.Pass, t string, l text.Line) {
	s := t[l.Start:l.End]
	for i := 0; i < len(s); {
		k := strings.Index(s[i:], "'''")
		if k < 0 {
			return
		}
		o := i + k
		n := 0
		for o+n < len(s) && s[o+n] == '\'' {
			n++
		}
		i = o + n
		if n != 3 && n != 5 {
			continue
		}
		c := strings.Index(s[o+n:min(len(s), o+n+300)], s[o:o+n])
		if c <= 0 {
			continue
		}
		c += o + n
		if c+n < len(s) && s[c+n] == '\'' {
			continue
		}
		inner := s[o+n : c]
		if strings.TrimSpace(inner) == "" {
			continue
		}
		p.Report(rules.Finding{Start: l.Start + o, End: l.Start + c + n,
			Message: fmt.Sprintf("wiki bold quotes around %q left in the text", clip(inner, 40)),
			Fix: &rules.Fix{Message: "remove the quote markers", Applicability: rules.Safe, Edits: []rules.Edit{
				{Start: l.Start + o, End: l.Start + o + n}, {Start: l.Start + c, End: l.Start + c + n}}}})
		i = c + n
	}
}
