package aggregate

import (
	_ "embed"
	"fmt"
	"html"
	"html/template"
	"io"
	"math"
	"regexp"
	"strconv"
	"strings"

	"github.com/corpuslint/corpuslint/rules"
)

//go:embed html_report.tmpl
var htmlTemplateText string

//go:embed html_report.css
var htmlCSS string

var htmlTemplate = template.Must(template.New("report").Funcs(template.FuncMap{
	"f":     func(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) },
	"int":   fmtInt,
	"bytes": fmtBytes,
	"pct":   fmtPct,
	"num":   fmtNum,
	"plural": func(n any, word string) string {
		switch v := n.(type) {
		case int:
			return plural(v, word)
		case int64:
			return plural(int(v), word)
		}
		return fmt.Sprint(n) + " " + word
	},
	"change": fmtChange,
	"i64":    func(n int) int64 { return int64(n) },
	"sub":    func(a, b int) int { return a - b },
	"pctOf":  func(r float64) float64 { return math.Max(0, math.Min(100, r*100)) },
	"slug":   slug,
}).Parse(htmlTemplateText))

// WriteHTML writes the report as one self-contained HTML page: inline CSS, charts as
// inline SVG, no script and nothing fetched from anywhere. Every value from the
// corpus goes through html/template's escaping.
func WriteHTML(w io.Writer, a *Aggregate, opt RenderOptions) error {
	opt = opt.withDefaults()
	return htmlTemplate.Execute(w, buildHTMLView(a, opt))
}

type htmlView struct {
	Title, Generated string
	Inputs           []string
	CSS              template.CSS
	Cards            []card
	Errors           int64
	RuleChart        *barChart
	CategoryChart    *barChart
	Rules            []RuleRow
	Quiet            []string
	Length           *histChart
	LengthStats      statLine
	Boilerplate      *histChart
	BoilerStats      statLine
	Scores           []scoreView
	Domains          []DomainRow
	DomainNote       string
	Worst            []worstView
	RuleSections     []ruleSection
	Notes            []string
}

type card struct {
	Label, Value, Sub string
}

type statLine struct {
	N                        int64
	Mean, Median, P90, Max   string
	Extra                    string
	Empty                    bool
	Unit                     string
	MeanRaw, MedianRaw, MaxR float64
}

type scoreView struct {
	Name, Op, Threshold string
	// IDSuffix tells apart the sections of one score measured against several
	// thresholds; the first has none, so links by score name land on it.
	IDSuffix       string
	Rules          []string
	Mixed, Passing bool
	Chart          *histChart
	Stats          statLine
	Rows           []ThresholdRow
}

type worstView struct {
	*WorstDoc
	Rank  int
	Label string
	Open  bool
}

type ruleSection struct {
	RuleRow
	Meta     rules.Meta
	Examples []Example
	Scores   []string
}

func buildHTMLView(a *Aggregate, opt RenderOptions) *htmlView {
	t := a.Totals()
	v := &htmlView{
		Title: opt.Title, Generated: opt.Generated, Inputs: opt.Inputs,
		CSS:    template.CSS(htmlCSS),
		Errors: a.Errors,
		Rules:  a.RuleRows(),
		Quiet:  a.QuietRules(),
		Notes:  a.Notes(),
	}
	fixValue, fixSub := "—", "fixes not computed"
	if a.Options.Fixes {
		fixValue = fmtBytes(a.FixRemovedBytes)
		fixSub = fmt.Sprintf("%s of all bytes, in %s", fmtPct(ratio(a.FixRemovedBytes, a.Bytes)), plural(int(a.FixedDocs), "document"))
		if a.DroppedDocs > 0 {
			fixSub += fmt.Sprintf(" (%d dropped whole)", a.DroppedDocs)
		}
	}
	v.Cards = []card{
		{"Documents", fmtInt(t.Documents), fmtInt(a.Words) + " words"},
		{"Bytes", fmtBytes(t.Bytes), fmt.Sprintf("%s per document on average", fmtBytes(int64(math.Round(float64(a.Bytes)/math.Max(1, float64(a.Documents))))))},
		{"Findings", fmtInt(t.Findings), plural(len(v.Rules), "rule") + " reporting"},
		{"Documents affected", fmtPct(t.FlaggedShare), fmtInt(t.Flagged) + " with at least one finding"},
		{"Safe fixes remove", fixValue, fixSub},
	}

	if len(v.Rules) > 0 {
		var bars []barItem
		for _, r := range v.Rules {
			bars = append(bars, barItem{Label: r.Rule, Value: r.Findings, Class: "cat-" + string(r.Category),
				Tip:  fmt.Sprintf("%s (%s): %s in %s", r.Rule, r.Category, plural(int(r.Findings), "finding"), plural(int(r.Documents), "document")),
				Href: "#rule-" + slug(r.Rule)})
		}
		v.RuleChart = newBarChart("Findings per rule", bars, 640, 200)
		bars = nil
		for _, c := range a.CategoryRows() {
			bars = append(bars, barItem{Label: string(c.Category), Value: c.Findings, Class: "cat-" + string(c.Category),
				Tip: fmt.Sprintf("%s: %s from %s", c.Category, plural(int(c.Findings), "finding"), plural(c.Rules, "rule"))})
		}
		v.CategoryChart = newBarChart("Findings per category", bars, 400, 110)
	}

	v.Length = lengthChart(&a.Length)
	v.LengthStats = stats(&a.Length, fmtNum, "words")
	v.Boilerplate = boilerplateChart(&a.Boilerplate)
	v.BoilerStats = stats(&a.Boilerplate, fmtPct, "")
	v.BoilerStats.Extra = fmt.Sprintf("%s of all bytes are covered by boilerplate findings", fmtPct(ratio(a.BoilerplateBytes, a.Bytes)))

	seenScore := map[string]int{}
	for _, key := range a.ScoreNames() {
		st := a.Scores[key]
		all := st.All()
		suffix := ""
		if n := seenScore[st.Name]; n > 0 {
			suffix = fmt.Sprint(n + 1)
		}
		seenScore[st.Name]++
		v.Scores = append(v.Scores, scoreView{
			IDSuffix: suffix,
			Name:     st.Name, Op: st.Op, Threshold: fmtNum(st.Threshold), Rules: st.Rules, Mixed: st.Mixed, Passing: st.Passing.N > 0,
			Chart: scoreChart(st), Stats: stats(&all, fmtNum, ""), Rows: st.ThresholdRows(),
		})
	}

	v.Domains = a.TopDomains(opt.Domains, a.DomainMinDocs())
	v.DomainNote = a.DomainNote()

	for i, wd := range a.WorstDocuments() {
		// The first few are open, and so are the diffs just below them.
		open := i < 2 || i < 6 && len(wd.Diff) > 0 && countOpen(v.Worst) < 4
		v.Worst = append(v.Worst, worstView{WorstDoc: wd, Rank: i + 1, Label: wd.Label(), Open: open})
	}

	for _, r := range v.Rules {
		rs := a.Rules[r.Rule]
		m := opt.Rules[r.Rule]
		v.RuleSections = append(v.RuleSections, ruleSection{RuleRow: r, Meta: m, Examples: rs.Examples, Scores: rs.Scores})
	}
	return v
}

func countOpen(ws []worstView) int {
	n := 0
	for _, w := range ws {
		if w.Open {
			n++
		}
	}
	return n
}

func stats(h *Histogram, format func(float64) string, unit string) statLine {
	if h.N == 0 {
		return statLine{Empty: true}
	}
	return statLine{N: h.N, Mean: format(h.Mean()), Median: format(h.Quantile(0.5)), P90: format(h.Quantile(0.9)),
		Max: format(h.Max), Unit: unit}
}

// slug turns a name into a fragment usable in an id: lower case letters, digits,
// '-' and '_', other runs of characters as one '-'.
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_' || r == '-' {
			b.WriteRune(r)
			dash = false
		} else if !dash {
			b.WriteByte('-')
			dash = true
		}
	}
	return b.String()
}

var (
	tagRE       = regexp.MustCompile(`<[a-zA-Z][^>]*>`)
	embedTagRE  = regexp.MustCompile(`(?i)^<(?:script|link|iframe|frame|object|embed|img|picture|video|audio|source|track|base)\b`)
	attrRE      = regexp.MustCompile(`(?i)\s(src|srcset|data|poster|background|href|xlink:href|action|formaction|style)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)`)
	remoteURLRE = regexp.MustCompile(`(?i)^\s*(?:[a-z][a-z0-9+.-]*:)?//`)
	styleRE     = regexp.MustCompile(`(?is)<style[^>]*>(.*?)</style>`)
	cssRefRE    = regexp.MustCompile(`(?i)url\(\s*["']?\s*([^"')]*)|@import\b[^;]*`)
)

// ExternalRefs lists what in an HTML page could load something: embedding tags
// (script, link, img, iframe, ...), src-like attributes, links and form actions to
// another host, and CSS url() or @import in style blocks and attributes, except
// data: URLs. Text is not searched: a page that shows a URL as text loads nothing.
// The reports write none of these; the tests use it to prove it.
func ExternalRefs(page []byte) []string {
	var out []string
	cssRefs := func(css string) {
		for _, m := range cssRefRE.FindAllStringSubmatch(css, -1) {
			if strings.HasPrefix(strings.ToLower(m[0]), "url(") && strings.HasPrefix(strings.ToLower(strings.TrimSpace(m[1])), "data:") {
				continue
			}
			out = append(out, m[0])
		}
	}
	for _, tag := range tagRE.FindAllString(string(page), -1) {
		if embedTagRE.MatchString(tag) {
			out = append(out, tag)
			continue
		}
		for _, m := range attrRE.FindAllStringSubmatch(tag, -1) {
			name, val := strings.ToLower(m[1]), strings.Trim(m[2], `"'`)
			switch name {
			case "style":
				cssRefs(html.UnescapeString(val))
			case "href", "xlink:href", "action", "formaction":
				if remoteURLRE.MatchString(html.UnescapeString(val)) {
					out = append(out, m[0])
				}
			default:
				if v := strings.TrimSpace(html.UnescapeString(val)); v != "" && !strings.HasPrefix(strings.ToLower(v), "data:") {
					out = append(out, m[0])
				}
			}
		}
	}
	for _, m := range styleRE.FindAllStringSubmatch(string(page), -1) {
		cssRefs(m[1])
	}
	return out
}
