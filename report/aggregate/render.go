package aggregate

import (
	"fmt"
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
