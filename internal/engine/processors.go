package engine

import (
	"fmt"
	"sort"
	"strings"

	"github.com/corpuslint/corpuslint/rules"
)

// Processor is one step of the chain findings pass through after the rules and
// before the reporters (golangci-lint's result processors): each step has one job,
// and adding a way to filter findings is adding a step.
type Processor interface {
	Name() string
	Process(doc *rules.Document, fs []rules.Finding) []rules.Finding
}

// SeverityOverride sets the severity of every finding of the named rules.
type SeverityOverride map[string]rules.Severity

// Name implements Processor.
func (SeverityOverride) Name() string { return "severity" }

// Process implements Processor.
func (p SeverityOverride) Process(_ *rules.Document, fs []rules.Finding) []rules.Finding {
	for i := range fs {
		if s, ok := p[fs[i].Rule]; ok {
			fs[i].Severity = s
		}
	}
	return fs
}

// SortFindings orders a document's findings by position, then by rule name, so
// output does not depend on the order rules ran in.
type SortFindings struct{}

// Name implements Processor.
func (SortFindings) Name() string { return "sort" }

// Process implements Processor.
func (SortFindings) Process(_ *rules.Document, fs []rules.Finding) []rules.Finding {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := &fs[i], &fs[j]
		if a.Start != b.Start {
			return a.Start < b.Start
		}
		if a.End != b.End {
			return a.End < b.End
		}
		return a.Rule < b.Rule
	})
	return fs
}

// Supersede folds findings that lie wholly inside text another finding's safe fix
// deletes into that finding's message ("also covers 16 stray-dash findings"):
// fixing the larger one removes them anyway, so listing them repeats the same
// problem (DESIGN.md "Fixes").
type Supersede struct{}

// Name implements Processor.
func (Supersede) Name() string { return "supersede" }

// Process implements Processor.
func (Supersede) Process(_ *rules.Document, fs []rules.Finding) []rules.Finding {
	if len(fs) < 2 {
		return fs
	}
	// Deleted spans of safe fixes, largest first so the outermost one absorbs.
	type del struct{ start, end, owner int }
	var dels []del
	for i, f := range fs {
		if f.Fix == nil || f.Fix.Applicability != rules.Safe {
			continue
		}
		for _, e := range f.Fix.Edits {
			if e.NewText == "" && e.End-e.Start > 0 {
				dels = append(dels, del{e.Start, e.End, i})
			}
		}
	}
	if len(dels) == 0 {
		return fs
	}
	sort.Slice(dels, func(i, j int) bool { return dels[i].end-dels[i].start > dels[j].end-dels[j].start })
	owner := make([]int, len(fs))
	absorbed := make([]map[string]int, len(fs))
	folded := false
	for i := range fs {
		owner[i] = -1
		f := &fs[i]
		for _, d := range dels {
			if d.owner == i || f.Start < d.start || f.End > d.end || f.End-f.Start >= d.end-d.start {
				continue
			}
			if owner[d.owner] >= 0 {
				continue // the owner is itself absorbed; its absorber takes this one too
			}
			owner[i] = d.owner
			if absorbed[d.owner] == nil {
				absorbed[d.owner] = map[string]int{}
			}
			absorbed[d.owner][f.Rule]++
			folded = true
			break
		}
	}
	if !folded {
		return fs
	}
	out := fs[:0]
	for i := range fs {
		if owner[i] >= 0 {
			continue
		}
		f := fs[i]
		if m := absorbed[i]; m != nil {
			f.Message += " (also covers " + describeCounts(m) + ")"
		}
		out = append(out, f)
	}
	return out
}

func describeCounts(m map[string]int) string {
	names := make([]string, 0, len(m))
	for k := range m {
		names = append(names, k)
	}
	sort.Strings(names)
	var b strings.Builder
	for i, n := range names {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%d %s", m[n], n)
		if m[n] == 1 {
			b.WriteString(" finding")
		} else {
			b.WriteString(" findings")
		}
	}
	return b.String()
}
