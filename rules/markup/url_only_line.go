package markup

import (
	"fmt"
	"strings"

	"github.com/corpuslint/corpuslint/rules"
	"github.com/corpuslint/corpuslint/rules/text"
	"github.com/corpuslint/corpuslint/rules/text/markupscan"
)

// URLOnlyLine returns the url-only-line rule: lines that hold nothing but a URL.
func URLOnlyLine() rules.Rule { return urlLineRule{} }

type urlLineRule struct{}

func (urlLineRule) Meta() rules.Meta {
	return rules.Meta{
		Name:     "url-only-line",
		Grouped:  true,
		Category: rules.Markup,
		Severity: rules.Info,
		Fixable:  true,
		Title:    "A line that holds only a URL",
		Doc: "Flags lines whose only content is a URL (http://, https://, ftp:// or www., " +
			"optionally in angle brackets or parentheses): share links, image sources, " +
			"tracking pixels and link lists that extraction left behind, which carry no prose " +
			"for a language model. The fix (unsafe: some articles do list their sources or " +
			"products as bare links) deletes the line with its line break.\n\n" +
			"It is an info finding because a bare link line is sometimes content. Lines where " +
			"the URL comes with any other text (\"Source: https://…\", \"[3]: https://…\", a " +
			"bullet and a title) are left alone, as are URLs inside sentences and lines " +
			"inside fenced code.",
		Bad:  "Read the full report on the council website.\nhttps://example.com/reports/2024/budget.pdf\n",
		Good: "Read the full report on the council website (https://example.com/reports/2024/budget.pdf).\n",
	}
}

// isURL reports whether s is one URL: a scheme or "www." and a host with a dot,
// and no white space.
func isURL(s string) bool {
	rest := ""
	for _, pre := range []string{"http://", "https://", "ftp://", "www."} {
		if len(s) > len(pre) && text.EqualFoldASCII(s[:len(pre)], pre) {
			rest = s[len(pre):]
			break
		}
	}
	if rest == "" || strings.ContainsAny(s, " \t\u00a0") || !text.IsAlnum(rest[0]) {
		return false
	}
	host := rest
	if e := strings.IndexAny(host, "/?#"); e >= 0 {
		host = host[:e]
	}
	return strings.IndexByte(host, '.') > 0 || strings.IndexByte(host, ':') > 0
}

func (urlLineRule) Check(p *rules.Pass) {
	a := p.Analysis
	t := a.Text()
	lines := a.Lines()
	var fence markupscan.Fence
	for i, l := range lines {
		s := t[l.Start:l.End]
		if fence.Code(s) {
			continue
		}
		ts, te := text.TrimSpan(s, 0, len(s))
		u := s[ts:te]
		if len(u) < 8 || !(u[0] == 'h' || u[0] == 'H' || u[0] == 'w' || u[0] == 'W' || u[0] == 'f' || u[0] == 'F' || u[0] == '<' || u[0] == '(') {
			continue
		}
		if n := len(u); n > 2 && (u[0] == '<' && u[n-1] == '>' || u[0] == '(' && u[n-1] == ')') {
			u = u[1 : n-1]
		}
		if !isURL(u) {
			continue
		}
		p.Report(rules.Finding{Start: l.Start + ts, End: l.Start + te,
			Message: fmt.Sprintf("line holds only a URL: %s", clip(u, 60)),
			Fix:     &rules.Fix{Message: "delete the line", Applicability: rules.Unsafe, Edits: []rules.Edit{lineEdit(t, lines, i)}}})
	}
}
