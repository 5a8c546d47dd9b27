package aggregate

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/corpuslint/corpuslint/report/internal/mdtext"
)

// WriteMarkdown writes the report as GitHub-flavored Markdown, for a pull-request
// comment or a dataset card: the totals, findings per rule and category, the
// measured values with what a threshold change would flip, the domains with the
// highest finding rates, the worst documents with their fix diffs, and one example
// per rule.
func WriteMarkdown(w io.Writer, a *Aggregate, opt RenderOptions) error {
	opt = opt.withDefaults()
	bw := bufio.NewWriter(w)
	p := func(format string, args ...any) { fmt.Fprintf(bw, format, args...) }

	p("# %s\n\n", mdtext.Escape(opt.Title))
	if len(opt.Inputs) > 0 {
		var in []string
		for _, s := range opt.Inputs {
			in = append(in, mdtext.Code(s))
		}
		p("Inputs: %s", strings.Join(in, ", "))
		if opt.Generated != "" {
			p(" · generated %s", mdtext.Escape(opt.Generated))
		}
		p("\n\n")
	} else if opt.Generated != "" {
		p("Generated %s\n\n", mdtext.Escape(opt.Generated))
	}

	t := a.Totals()
	p("| documents | bytes | findings | documents affected | safe fixes remove |\n")
	p("|---:|---:|---:|---:|---:|\n")
	p("| %s | %s | %s | %s (%s) | %s |\n\n", fmtInt(t.Documents), fmtBytes(t.Bytes), fmtInt(t.Findings),
		fmtInt(t.Flagged), fmtPct(t.FlaggedShare), mdtext.Escape(t.FixSummary))
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
			p("| %s | %s | %s | %s | %s | %s | %s |\n", mdtext.Code(r.Rule), r.Category, r.Severity, fmtInt(r.Findings),
				fmtInt(r.Documents), fmtPct(r.Share), fmtInt(r.Fixable))
		}
		var cats []string
		for _, c := range a.CategoryRows() {
			cats = append(cats, fmt.Sprintf("%s %s", c.Category, fmtInt(c.Findings)))
		}
		p("\nBy category: %s.\n\n", strings.Join(cats, " · "))
	}
	if q := a.QuietRules(); len(q) > 0 {
		p("No findings from: %s.\n\n", mdtext.Escape(strings.Join(q, ", ")))
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
		p("| %s (%s; flagged if %s %s) | %s | %s | %s | %s | %s |\n", mdtext.Code(st.Name), mdtext.Escape(strings.Join(st.Rules, ", ")),
			mdtext.Escape(st.Op), fmtNum(st.Threshold), fmtInt(all.N), fmtNum(all.Mean()), fmtNum(all.Quantile(0.5)),
			fmtNum(all.Quantile(0.9)), fmtNum(all.Max))
	}
	p("\n")
	for _, name := range a.ScoreNames() {
		st := a.Scores[name]
		p("**What a threshold change on %s would flip** (measured documents; flagged if value %s threshold):\n\n",
			mdtext.Code(st.Name), mdtext.Escape(st.Op))
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
		p("| domain | documents | flagged | rate | findings | per KB |\n|---|---:|---:|---:|---:|---:|\n")
		for _, d := range doms {
			p("| %s | %s | %s | %s | %s | %.2f |\n", mdtext.Code(d.Host), fmtInt(d.Documents), fmtInt(d.Flagged), fmtPct(d.Rate), fmtInt(d.Findings), d.PerKB)
		}
		p("\n%s\n\n", mdtext.Escape(a.DomainNote()))
	}

	if worst := a.WorstDocuments(); len(worst) > 0 {
		n := min(len(worst), opt.WorstDocs)
		p("## Worst documents\n\nRanked by their problems rather than their finding count: each rule found adds its severity (info 1, warning 2, error 3) times 1 + log10 of its findings, so one cause repeated 600 times does not outrank four different ones.\n\n")
		for i, wd := range worst[:n] {
			var rc []string
			for _, r := range wd.Rules {
				rc = append(rc, fmt.Sprintf("%s ×%d", r.Rule, r.Count))
			}
			p("%d. %s — badness %d, %s (%s)", i+1, mdtext.Code(wd.Label()), wd.Badness, plural(wd.Findings, "finding"),
				mdtext.Escape(strings.Join(rc, ", ")))
			if wd.Removed > 0 {
				p("; the safe fixes remove %s", fmtBytes(int64(wd.Removed)))
			}
			p("\n")
			if len(wd.Diff) > 0 {
				p("\n   <details><summary>fix diff</summary>\n\n%s\n   </details>\n\n", indent(mdtext.Fence(rowsAsUnified(wd.Diff, wd.DiffCut), "diff"), "   "))
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
			p("### %s\n\n", mdtext.Code(r.Rule))
			if m.Title != "" {
				p("%s ", mdtext.Escape(m.Title))
			}
			p("(%s, %s in %s)\n\n", r.Category, plural(int(r.Findings), "finding"), plural(int(r.Documents), "document"))
			rs := a.Rules[r.Rule]
			if len(rs.Examples) > 0 {
				ex := rs.Examples[0]
				p("Example, %s line %d: %s\n\n", mdtext.Code(ex.Where()), ex.Line, mdtext.Escape(ex.Message))
				p("%s\n", mdtext.Fence(ex.Snippet(), "text"))
			}
		}
	}

	p("---\n\n%s\n", mdtext.Escape(strings.Join(a.Notes(), " ")))
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
