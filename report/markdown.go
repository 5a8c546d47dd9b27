package report

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/corpuslint/corpuslint/rules"
)

// RenderOptions tune the HTML and Markdown reports.
type RenderOptions struct {
	// Title heads the report; "corpuslint quality report" when empty.
	Title string
	// Inputs lists what was read, shown under the title.
	Inputs []string
	// Generated is a time stamp shown in the header; none when empty (tests).
	Generated string
	// Rules describes the rules for the per-rule sections, by name; a rule it lacks
	// gets a section without docs. The caller passes every rule it knows.
	Rules map[string]rules.Meta
	// Domains is how many rows the domains table shows (default 15).
	Domains int
	// WorstDocs is how many worst documents the Markdown report shows (default 5;
	// the HTML report shows every one the aggregate kept).
	WorstDocs int
}

func (o RenderOptions) withDefaults() RenderOptions {
	if o.Title == "" {
		o.Title = "corpuslint quality report"
	}
	if o.Domains <= 0 {
		o.Domains = 15
	}
	if o.WorstDocs <= 0 {
		o.WorstDocs = 5
	}
	return o
}

// WriteMarkdown writes the report as GitHub-flavored Markdown, for a pull-request
// comment or a dataset card: the totals, findings per rule and category, the
// measured values with what a threshold change would flip, the domains with the
// highest finding rates, the worst documents with their fix diffs, and one example
// per rule.
func WriteMarkdown(w io.Writer, a *Aggregate, opt RenderOptions) error {
	opt = opt.withDefaults()
	bw := bufio.NewWriter(w)
	p := func(format string, args ...any) { fmt.Fprintf(bw, format, args...) }

	p("# %s\n\n", mdEscape(opt.Title))
	if len(opt.Inputs) > 0 {
		var in []string
		for _, s := range opt.Inputs {
			in = append(in, mdCode(s))
		}
		p("Inputs: %s", strings.Join(in, ", "))
		if opt.Generated != "" {
			p(" · generated %s", mdEscape(opt.Generated))
		}
		p("\n\n")
	} else if opt.Generated != "" {
		p("Generated %s\n\n", mdEscape(opt.Generated))
	}

	t := a.Totals()
	p("| documents | bytes | findings | documents affected | safe fixes remove |\n")
	p("|---:|---:|---:|---:|---:|\n")
	p("| %s | %s | %s | %s (%s) | %s |\n\n", fmtInt(t.Documents), fmtBytes(t.Bytes), fmtInt(t.Findings),
		fmtInt(t.Flagged), fmtPct(t.FlaggedShare), mdEscape(t.FixSummary))
	if a.Errors > 0 {
		verb := "were"
		if a.Errors == 1 {
			verb = "was"
		}
		p("%s could not be read and %s left out of these figures.\n\n", plural(int(a.Errors), "input or record"), verb)
	}

	p("## Findings per rule\n\n")
	rows := a.RuleRows()
	if len(rows) == 0 {
		p("No findings.\n\n")
	} else {
		p("| rule | category | severity | findings | documents | share of documents | safe fixes |\n")
		p("|---|---|---|---:|---:|---:|---:|\n")
		for _, r := range rows {
			p("| %s | %s | %s | %s | %s | %s | %s |\n", mdCode(r.Rule), r.Category, r.Severity, fmtInt(r.Findings),
				fmtInt(r.Documents), fmtPct(r.Share), fmtInt(r.Fixable))
		}
		var cats []string
		for _, c := range a.CategoryRows() {
			cats = append(cats, fmt.Sprintf("%s %s", c.Category, fmtInt(c.Findings)))
		}
		p("\nBy category: %s.\n\n", strings.Join(cats, " · "))
	}
	if q := a.QuietRules(); len(q) > 0 {
		p("No findings from: %s.\n\n", mdEscape(strings.Join(q, ", ")))
	}

	p("## Measured values\n\n")
	p("| measure | documents | mean | median | 90th percentile | max |\n")
	p("|---|---:|---:|---:|---:|---:|\n")
	p("| words per document | %s | %s | %s | %s | %s |\n", fmtInt(a.Length.N), fmtNum(a.Length.Mean()),
		fmtNum(a.Length.Quantile(0.5)), fmtNum(a.Length.Quantile(0.9)), fmtNum(a.Length.Max))
	p("| boilerplate share | %s | %s | %s | %s | %s |\n", fmtInt(a.Boilerplate.N), fmtPct(a.Boilerplate.Mean()),
		fmtPct(a.Boilerplate.Quantile(0.5)), fmtPct(a.Boilerplate.Quantile(0.9)), fmtPct(a.Boilerplate.Max))
	for _, name := range a.ScoreNames() {
		st := a.Scores[name]
		all := st.All()
		p("| %s (%s; flagged if %s %s) | %s | %s | %s | %s | %s |\n", mdCode(st.Name), mdEscape(strings.Join(st.Rules, ", ")),
			mdEscape(st.Op), fmtNum(st.Threshold), fmtInt(all.N), fmtNum(all.Mean()), fmtNum(all.Quantile(0.5)),
			fmtNum(all.Quantile(0.9)), fmtNum(all.Max))
	}
	p("\n")
	for _, name := range a.ScoreNames() {
		st := a.Scores[name]
		p("**What a threshold change on %s would flip** (measured documents; flagged if value %s threshold):\n\n",
			mdCode(st.Name), mdEscape(st.Op))
		p("| threshold | value | flagged | change |\n|---|---:|---:|---:|\n")
		for _, r := range st.ThresholdRows() {
			p("| %s | %s | %s | %s |\n", r.Label, fmtNum(r.Threshold), fmtInt(r.Flagged), fmtChange(r))
		}
		p("\n")
	}
	if len(a.Scores) > 0 && !a.PassingMeasured() {
		p("Rules report a score only with a finding, so documents that pass are not measured: a stricter threshold shows no new documents here.\n\n")
	}

	if doms := a.TopDomains(opt.Domains, a.DomainMinDocs()); len(doms) > 0 {
		p("## Domains with the highest finding rates\n\n")
		p("| domain | documents | flagged | rate | findings |\n|---|---:|---:|---:|---:|\n")
		for _, d := range doms {
			p("| %s | %s | %s | %s | %s |\n", mdCode(d.Host), fmtInt(d.Documents), fmtInt(d.Flagged), fmtPct(d.Rate), fmtInt(d.Findings))
		}
		p("\n%s\n\n", mdEscape(a.DomainNote()))
	}

	if worst := a.WorstDocuments(); len(worst) > 0 {
		n := min(len(worst), opt.WorstDocs)
		p("## Worst documents\n\nRanked by the sum of their findings' severities (info 1, warning 2, error 3).\n\n")
		for i, wd := range worst[:n] {
			var rc []string
			for _, r := range wd.Rules {
				rc = append(rc, fmt.Sprintf("%s ×%d", r.Rule, r.Count))
			}
			p("%d. %s — badness %d, %s (%s)", i+1, mdCode(wd.Label()), wd.Badness, plural(wd.Findings, "finding"),
				mdEscape(strings.Join(rc, ", ")))
			if wd.Removed > 0 {
				p("; the safe fixes remove %s", fmtBytes(int64(wd.Removed)))
			}
			p("\n")
			if len(wd.Diff) > 0 {
				p("\n   <details><summary>fix diff</summary>\n\n%s\n   </details>\n\n", indent(mdFence(rowsAsUnified(wd.Diff, wd.DiffCut), "diff"), "   "))
			}
		}
		if len(worst) > n {
			p("\n%d more in the HTML report.\n", len(worst)-n)
		}
		p("\n")
	}

	if len(rows) > 0 {
		p("## Rules\n\n")
		for _, r := range rows {
			m := opt.Rules[r.Rule]
			p("### %s\n\n", mdCode(r.Rule))
			if m.Title != "" {
				p("%s ", mdEscape(m.Title))
			}
			p("(%s, %s in %s)\n\n", r.Category, plural(int(r.Findings), "finding"), plural(int(r.Documents), "document"))
			rs := a.Rules[r.Rule]
			if len(rs.Examples) > 0 {
				ex := rs.Examples[0]
				p("Example, %s line %d: %s\n\n", mdCode(ex.Where()), ex.Line, mdEscape(ex.Message))
				p("%s\n", mdFence(ex.Snippet(), "text"))
			}
		}
	}

	p("---\n\n%s\n", mdEscape(strings.Join(a.Notes(), " ")))
	return bw.Flush()
}

// indent prefixes every non-empty line of s.
func indent(s, prefix string) string {
	lines := strings.Split(strings.TrimSuffix(s, "\n"), "\n")
	for i, l := range lines {
		if l != "" {
			lines[i] = prefix + l
		}
	}
	return strings.Join(lines, "\n") + "\n"
}

// rowsAsUnified prints side-by-side rows as unified diff lines.
func rowsAsUnified(rows []DiffRow, cut int) string {
	var b strings.Builder
	join := func(segs []Seg) string {
		var s strings.Builder
		for _, g := range segs {
			s.WriteString(g.Text)
		}
		return s.String()
	}
	for _, r := range rows {
		switch r.Kind {
		case "same":
			b.WriteString(" " + join(r.Old) + "\n")
		case "del":
			b.WriteString("-" + join(r.Old) + "\n")
		case "add":
			b.WriteString("+" + join(r.New) + "\n")
		case "change":
			b.WriteString("-" + join(r.Old) + "\n+" + join(r.New) + "\n")
		case "skip":
			fmt.Fprintf(&b, "@@ %s unchanged @@\n", plural(r.Skip, "line"))
		}
	}
	if cut > 0 {
		fmt.Fprintf(&b, "@@ %s more not shown @@\n", plural(cut, "row"))
	}
	return b.String()
}

// Totals are the headline figures of a report.
type Totals struct {
	Documents, Bytes, Findings, Flagged int64
	FlaggedShare                        float64
	// FixSummary says what the safe fixes do, in words.
	FixSummary string
}

// Totals returns the headline figures.
func (a *Aggregate) Totals() Totals {
	t := Totals{Documents: a.Documents, Bytes: a.Bytes, Findings: a.Findings, Flagged: a.Flagged,
		FlaggedShare: ratio(a.Flagged, a.Documents)}
	switch {
	case !a.Options.Fixes:
		t.FixSummary = "not computed"
	case a.FixedDocs == 0:
		t.FixSummary = "nothing"
	default:
		t.FixSummary = fmt.Sprintf("%s (%s) in %s", fmtBytes(a.FixRemovedBytes), fmtPct(ratio(a.FixRemovedBytes, a.Bytes)),
			plural(int(a.FixedDocs), "document"))
	}
	return t
}

// Label names the document for people, as Label does for a Document.
func (w *WorstDoc) Label() string {
	return Label(&Document{Path: w.Path, Record: w.Record, ID: w.idOrDefault()})
}

func (w *WorstDoc) idOrDefault() string {
	if w.ID == "" {
		if w.Record == 0 {
			return w.Path
		}
		return fmt.Sprintf("%s:%d", w.Path, w.Record)
	}
	return w.ID
}

// Where names the example's document: its path, and record and id for JSONL.
func (e Example) Where() string {
	id := e.ID
	if id == "" {
		id = e.Path
		if e.Record > 0 {
			id = fmt.Sprintf("%s:%d", e.Path, e.Record)
		}
	}
	return Label(&Document{Path: e.Path, Record: e.Record, ID: id})
}

// Snippet is the example's text with the flagged span between ⟦ and ⟧.
func (e Example) Snippet() string {
	s := e.Before + "⟦" + e.Match
	if e.Cut > 0 {
		s += fmt.Sprintf("… (%d more bytes)", e.Cut)
	}
	return s + "⟧" + e.After
}

// PassingMeasured reports whether any score was measured on a document it did not
// flag.
func (a *Aggregate) PassingMeasured() bool {
	for _, st := range a.Scores {
		if st.Passing.N > 0 {
			return true
		}
	}
	return false
}

// All returns the values of flagged and passing documents together.
func (st *ScoreStats) All() Histogram {
	h := newLinearHistogram(st.Flagged.Lo, st.Flagged.Hi, len(st.Flagged.Counts), false)
	h.merge(&st.Flagged)
	h.merge(&st.Passing)
	return h
}

// DomainNote says how exact the domain figures are.
func (a *Aggregate) DomainNote() string {
	s := fmt.Sprintf("Hosts with at least %s; %s without a URL.", plural(int(a.DomainMinDocs()), "document"),
		plural(int(a.Domains.NoURL), "document"))
	if a.Domains.PrunedHosts > 0 {
		s += fmt.Sprintf(" The host counter was pruned: %s of %s rarer hosts are not listed.",
			plural(int(a.Domains.Other.Documents), "document"), fmtInt(a.Domains.PrunedHosts))
	}
	return s
}

// Notes explains the approximations behind the figures.
func (a *Aggregate) Notes() []string {
	n := []string{
		fmt.Sprintf("Computed in one streaming pass: counts are exact, histograms use fixed bins, the %d worst documents and the first %d examples per rule are kept.",
			a.Options.WorstDocs, a.Options.ExamplesPerRule),
		"Boilerplate share is the part of a document's bytes covered by findings of the boilerplate category.",
		"Score histograms bin values in steps of 5% of the threshold, so the threshold changes are counted exactly except for values lying on a bin edge.",
	}
	if a.Domains.PrunedHosts > 0 {
		n = append(n, fmt.Sprintf("More than %s hosts were seen, so the host counter kept the most frequent ones (rare hosts may be undercounted).", fmtInt(int64(2*a.Options.Domains))))
	}
	if a.DroppedScores > 0 {
		n = append(n, fmt.Sprintf("%s values of scores beyond the first %d names were not kept.", fmtInt(a.DroppedScores), maxScoreNames))
	}
	return n
}

// fmtChange describes a threshold row's change.
func fmtChange(r ThresholdRow) string {
	switch {
	case r.Unflagged == 0 && r.Newly == 0:
		return "±0"
	case r.Newly == 0:
		return "−" + fmtInt(r.Unflagged)
	case r.Unflagged == 0:
		return "+" + fmtInt(r.Newly)
	}
	return fmt.Sprintf("+%s −%s", fmtInt(r.Newly), fmtInt(r.Unflagged))
}

// --- number formatting ---

// fmtInt formats n with thousands separators.
func fmtInt(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// fmtBytes formats a byte count in decimal units.
func fmtBytes(n int64) string {
	f := float64(n)
	switch {
	case n < 1000:
		return plural(int(n), "byte")
	case f < 1e6:
		return fmt.Sprintf("%.1f kB", f/1e3)
	case f < 1e9:
		return fmt.Sprintf("%.1f MB", f/1e6)
	case f < 1e12:
		return fmt.Sprintf("%.1f GB", f/1e9)
	}
	return fmt.Sprintf("%.1f TB", f/1e12)
}

// fmtPct formats a share as a percentage.
func fmtPct(f float64) string {
	switch {
	case f == 0:
		return "0%"
	case f < 0.001:
		return "<0.1%"
	case f >= 0.1:
		return fmt.Sprintf("%.0f%%", f*100)
	}
	return fmt.Sprintf("%.1f%%", f*100)
}

// fmtNum formats a measured value compactly.
func fmtNum(f float64) string {
	switch {
	case math.IsNaN(f) || math.IsInf(f, 0):
		return strconv.FormatFloat(f, 'g', -1, 64)
	case f == math.Trunc(f) && math.Abs(f) < 1e15:
		return fmtInt(int64(f))
	case math.Abs(f) >= 100:
		return fmtInt(int64(math.Round(f)))
	case math.Abs(f) >= 1:
		return strconv.FormatFloat(f, 'f', 2, 64)
	}
	return strconv.FormatFloat(f, 'g', 3, 64)
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmtInt(int64(n)) + " " + word + "s"
}

// --- Markdown escaping ---

var mdEscaper = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`, "<", `\<`, ">", `\>`,
	"|", `\|`, "~", `\~`, "#", `\#`, "\r\n", " ", "\n", " ", "\r", " ")

// mdEscape escapes text for Markdown prose and table cells: the characters that
// would start emphasis, code, links, HTML or a table cell are backslash-escaped, and
// line breaks become spaces.
func mdEscape(s string) string { return mdEscaper.Replace(s) }

// mdEscapeBlock escapes text like mdEscape but keeps its line breaks.
func mdEscapeBlock(s string) string {
	lines := strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
	for i, l := range lines {
		lines[i] = mdEscape(l)
	}
	return strings.Join(lines, "\n")
}

// mdEscapeProse escapes authored text (rule docs) for Markdown: its `code spans`
// stay code spans, everything else is escaped as mdEscapeBlock does.
func mdEscapeProse(s string) string {
	var b strings.Builder
	for s != "" {
		i := strings.IndexByte(s, '`')
		if i < 0 {
			b.WriteString(mdEscapeBlock(s))
			break
		}
		b.WriteString(mdEscapeBlock(s[:i]))
		s = s[i:]
		run := 0
		for run < len(s) && s[run] == '`' {
			run++
		}
		fence := s[:run]
		end := strings.Index(s[run:], fence)
		if end < 0 || strings.Contains(s[run:run+end], "\n\n") {
			b.WriteString(strings.Repeat("\\`", run))
			s = s[run:]
			continue
		}
		b.WriteString(s[:run+end+run])
		s = s[run+end+run:]
	}
	return b.String()
}

// mdCode returns s as an inline code span, with a fence longer than any backtick run
// inside, and | escaped for tables.
func mdCode(s string) string {
	s = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ").Replace(s)
	fence := strings.Repeat("`", longestRun(s, '`')+1)
	pad := ""
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") || s == "" {
		pad = " "
	}
	return fence + pad + strings.ReplaceAll(s, "|", `\|`) + pad + fence
}

// mdFence returns s as a fenced code block whose fence is longer than any backtick
// run inside.
func mdFence(s, lang string) string {
	fence := strings.Repeat("`", max(3, longestRun(s, '`')+1))
	if !strings.HasSuffix(s, "\n") {
		s += "\n"
	}
	return fence + lang + "\n" + s + fence + "\n"
}

func longestRun(s string, c byte) int {
	best, run := 0, 0
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			run++
			best = max(best, run)
		} else {
			run = 0
		}
	}
	return best
}
