package aggregate

import (
	"fmt"
	"sort"

	"github.com/corpuslint/corpuslint/rules"
)

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

// RuleRow is one line of the findings-per-rule table.
type RuleRow struct {
	Rule      string
	Category  rules.Category
	Severity  string // the most frequent severity of its findings
	Findings  int64
	Documents int64
	// Share is Documents over all documents.
	Share   float64
	Fixable int64
}

// RuleRows returns the rules with findings, most findings first.
func (a *Aggregate) RuleRows() []RuleRow {
	var rows []RuleRow
	for _, name := range sortedKeys(a.Rules) {
		rs := a.Rules[name]
		sev, best := "", int64(-1)
		for _, s := range []string{"error", "warning", "info"} {
			if rs.Severity[s] > best {
				sev, best = s, rs.Severity[s]
			}
		}
		rows = append(rows, RuleRow{Rule: name, Category: rs.Category, Severity: sev, Findings: rs.Findings,
			Documents: rs.Documents, Share: ratio(rs.Documents, a.Documents), Fixable: rs.Fixable})
	}
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].Findings > rows[j].Findings })
	return rows
}

// CategoryRow is one line of the findings-per-category table.
type CategoryRow struct {
	Category rules.Category
	Findings int64
	Rules    int
}

// CategoryRows returns the categories with findings, most findings first.
func (a *Aggregate) CategoryRows() []CategoryRow {
	by := map[rules.Category]*CategoryRow{}
	for _, rs := range a.Rules {
		c := by[rs.Category]
		if c == nil {
			c = &CategoryRow{Category: rs.Category}
			by[rs.Category] = c
		}
		c.Findings += rs.Findings
		c.Rules++
	}
	var rows []CategoryRow
	for _, c := range by {
		rows = append(rows, *c)
	}
	sort.Slice(rows, func(i, j int) bool {
		if rows[i].Findings != rows[j].Findings {
			return rows[i].Findings > rows[j].Findings
		}
		return rows[i].Category < rows[j].Category
	})
	return rows
}

// QuietRules returns the rules that ran and found nothing.
func (a *Aggregate) QuietRules() []string {
	var out []string
	for _, r := range a.CheckedRules {
		if _, ok := a.Rules[r]; !ok {
			out = append(out, r)
		}
	}
	return out
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

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func ratio(a, b int64) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}
