package markup

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/corpuslint/corpuslint/rules"
	"github.com/corpuslint/corpuslint/rules/text"
	"github.com/corpuslint/corpuslint/rules/text/markupscan"
)

// HTMLTags returns the html-tags rule: HTML tags, comments and declarations that
// extraction left in the text.
func HTMLTags() rules.Rule { return tagsRule{} }

type tagsRule struct{}

func (tagsRule) Meta() rules.Meta {
	return rules.Meta{
		Name:     "html-tags",
		Grouped:  true,
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
