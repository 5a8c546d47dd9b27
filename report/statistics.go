package report

import (
	"io"
	"sort"
	"strconv"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/tw"

	"github.com/corpuslint/corpuslint/rules"
)

// Statistics prints no findings, only a count per rule and per category at the end
// (ruff's --statistics), with how many of them a safe fix would repair.
type Statistics struct {
	w       io.Writer
	opt     Options
	fixable map[string]int
}

// NewStatistics returns the statistics reporter.
func NewStatistics(w io.Writer, opt Options) *Statistics {
	return &Statistics{w: w, opt: opt, fixable: map[string]int{}}
}

// Document implements Reporter.
func (r *Statistics) Document(d *Document) error {
	for _, it := range d.Findings {
		if it.Fix != nil && (it.Fix.Applicability == rules.Safe || r.opt.UnsafeFixes) {
			r.fixable[it.Rule]++
		}
	}
	return nil
}

// Close implements Reporter.
func (r *Statistics) Close(s *Summary) error {
	if s.Total() == 0 {
		// Tables of nothing are two empty boxes: say it in words.
		return r.summaryLine(s)
	}
	t := tablewriter.NewTable(r.w, tablewriter.WithHeaderAutoFormat(tw.Off))
	// "folded" counts the findings of a rule that the output folds into others
	// (a larger deletion covering them, a grouped finding), so that the counts
	// per rule do not depend on which other rules ran.
	t.Header("findings", "folded", "rule", "category", "fixable")
	names := s.RuleNames()
	for name := range s.Folded {
		if _, shown := s.PerRule[name]; !shown {
			names = append(names, name)
		}
	}
	sort.SliceStable(names[len(s.PerRule):], func(i, j int) bool {
		rest := names[len(s.PerRule):]
		if s.Folded[rest[i]] != s.Folded[rest[j]] {
			return s.Folded[rest[i]] > s.Folded[rest[j]]
		}
		return rest[i] < rest[j]
	})
	folded := 0
	for _, name := range names {
		folded += s.Folded[name]
		if err := t.Append([]string{strconv.Itoa(s.PerRule[name]), strconv.Itoa(s.Folded[name]), name, string(s.RuleCategory[name]), strconv.Itoa(r.fixable[name])}); err != nil {
			return err
		}
	}
	t.Footer(strconv.Itoa(s.Total()), strconv.Itoa(folded), "total", "", "")
	if err := t.Render(); err != nil {
		return err
	}
	perCat := map[rules.Category]int{}
	for name, n := range s.PerRule {
		perCat[s.RuleCategory[name]] += n
	}
	cats := make([]rules.Category, 0, len(perCat))
	for c := range perCat {
		cats = append(cats, c)
	}
	sort.Slice(cats, func(i, j int) bool {
		if perCat[cats[i]] != perCat[cats[j]] {
			return perCat[cats[i]] > perCat[cats[j]]
		}
		return cats[i] < cats[j]
	})
	ct := tablewriter.NewTable(r.w, tablewriter.WithHeaderAutoFormat(tw.Off))
	ct.Header("findings", "category")
	for _, c := range cats {
		if err := ct.Append([]string{strconv.Itoa(perCat[c]), string(c)}); err != nil {
			return err
		}
	}
	if err := ct.Render(); err != nil {
		return err
	}
	return r.summaryLine(s)
}

// summaryLine ends the output: the totals, and the inputs that could not be read.
func (r *Statistics) summaryLine(s *Summary) error {
	line := strconv.Itoa(s.Total()) + " findings in " + strconv.Itoa(s.Flagged) + " of " + strconv.Itoa(s.Documents) + " documents"
	if s.Errors > 0 {
		line += "; " + strconv.Itoa(s.Errors) + " inputs could not be read"
	}
	_, err := io.WriteString(r.w, line+"\n")
	return err
}
