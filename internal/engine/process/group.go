package process

import (
	"fmt"
	"sort"
	"strings"

	"github.com/corpuslint/corpuslint/rules"
)

// Group reports the findings of one rule in one document as one finding when
// the rule says they share one cause (rules.Meta.Grouped): the page header
// before the main text split into seven blocks by a title and a byline, or the
// forty tags an extractor left in a page, are one thing to look at and one
// thing to decide, not forty. The grouped finding keeps the first member's span
// and message, names the lines of the others, and its fix holds every member's
// edits, so fixing it does what fixing each member did.
//
// Members group only when they agree on severity and on what their fix is
// (none, safe, unsafe): a safe deletion never rides in an unsafe group, and a
// finding without a fix never acquires one. Overlapping deletions merge; a fix
// that drops the document, or members whose other edits overlap, stay as they
// are.
//
// Group is a presentation step (Presenter): it changes how findings are shown
// and counted, not what the fix loop applies, which still resolves each
// member's fix on its own.
type Group struct {
	// Rules are the names of the rules whose findings group.
	Rules map[string]bool
}

// Presenter marks a step that only changes how findings are presented. The fix
// loop runs the chain without such steps, so that each finding's fix is
// resolved on its own; the output and the exit status see them. A presenter
// runs after all the other steps, whatever its place in the chain, and keeps
// the order of the findings it is given.
type Presenter interface {
	Processor
	presentation()
}

func (Group) presentation() {}

// Name implements Processor.
func (Group) Name() string { return "group" }

// maxListedLines is how many of the other members' lines the message names;
// the rest is a count.
const maxListedLines = 12

// groupKey is what members of one group share.
type groupKey struct {
	rule     string
	severity rules.Severity
	fix      int // 0: none, 1: safe, 2: unsafe
}

// Process implements Processor. The grouped finding takes the place of its
// first member (by position); the other members go.
func (g Group) Process(doc *rules.Document, fs []rules.Finding) []rules.Finding {
	if len(fs) < 2 || len(g.Rules) == 0 {
		return fs
	}
	var members map[groupKey][]int
	for i := range fs {
		f := &fs[i]
		if !g.Rules[f.Rule] || (f.Fix != nil && f.Fix.Drop) {
			continue
		}
		if members == nil {
			members = map[groupKey][]int{}
		}
		k := groupKey{rule: f.Rule, severity: f.Severity}
		if f.Fix != nil {
			k.fix = 1
			if f.Fix.Applicability != rules.Safe {
				k.fix = 2
			}
		}
		members[k] = append(members[k], i)
	}
	drop := make([]bool, len(fs))
	var lines *lineIndex
	changed := false
	for _, idx := range members {
		if len(idx) < 2 {
			continue
		}
		sort.SliceStable(idx, func(a, b int) bool {
			fa, fb := &fs[idx[a]], &fs[idx[b]]
			if fa.Start != fb.Start {
				return fa.Start < fb.Start
			}
			return fa.End < fb.End
		})
		var edits []rules.Edit
		if fs[idx[0]].Fix != nil {
			// One array for the group's edits: appending grew it through
			// copies as large (2 million in 10 MB of "&amp;").
			n := 0
			for _, i := range idx {
				n += len(fs[i].Fix.Edits)
			}
			edits = make([]rules.Edit, 0, n)
			for _, i := range idx {
				edits = append(edits, fs[i].Fix.Edits...)
			}
			var ok bool
			if edits, ok = mergeEdits(edits); !ok {
				continue
			}
		}
		if lines == nil {
			lines = newLineIndex(doc.Text)
		}
		first := idx[0]
		f := fs[first]
		f.Message += fmt.Sprintf(" (and %d more %s findings in this document, %s)", len(idx)-1, f.Rule, lines.describe(fs, idx[1:]))
		if f.Fix != nil {
			fx := *f.Fix
			fx.Edits = edits
			fx.Message += fmt.Sprintf(" (and the same at %d more places)", len(idx)-1)
			f.Fix = &fx
		}
		f.Covers = rules.AddCovered(f.Covers, f.Rule, f.Category, len(idx)-1)
		for _, i := range idx[1:] {
			for _, c := range fs[i].Covers {
				f.Covers = rules.AddCovered(f.Covers, c.Rule, c.Category, c.Count)
			}
		}
		fs[first] = f
		for _, i := range idx[1:] {
			drop[i] = true
		}
		changed = true
	}
	if !changed {
		return fs
	}
	out := fs[:0]
	for i := range fs {
		if !drop[i] {
			out = append(out, fs[i])
		}
	}
	// The folded findings' messages and fixes are garbage now, not held by
	// the array's tail while the document's report is written.
	clear(fs[len(out):])
	return out
}

// mergeEdits sorts edits by position and unions deletions that overlap (a
// citation marker inside a line that is deleted whole). It reports false when
// other edits overlap, or two insert at one offset: their order would matter.
func mergeEdits(edits []rules.Edit) ([]rules.Edit, bool) {
	sort.SliceStable(edits, func(a, b int) bool {
		if edits[a].Start != edits[b].Start {
			return edits[a].Start < edits[b].Start
		}
		return edits[a].End > edits[b].End
	})
	out := edits[:0]
	for _, e := range edits {
		if n := len(out); n > 0 {
			p := &out[n-1]
			if e.Start < p.End || e.Start == p.Start {
				if p.NewText != "" || e.NewText != "" || e.Start == e.End {
					return nil, false
				}
				p.End = max(p.End, e.End)
				continue
			}
		}
		out = append(out, e)
	}
	return out, true
}

// lineIndex maps byte offsets to 1-based line numbers.
type lineIndex struct{ starts []int }

func newLineIndex(text string) *lineIndex {
	starts := []int{0}
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' {
			starts = append(starts, i+1)
		}
	}
	return &lineIndex{starts: starts}
}

// line returns the line of offset off.
func (l *lineIndex) line(off int) int {
	return sort.Search(len(l.starts), func(i int) bool { return l.starts[i] > off })
}

// lastLine returns the line of the last character of [start, end).
func (l *lineIndex) lastLine(start, end int) int {
	if end > start {
		end--
	}
	return l.line(end)
}

// describe names the lines of the findings fs[idx...] ("line 14", "lines 16-17,
// 19, 23-25 and 4 more"), merging ranges that touch.
func (l *lineIndex) describe(fs []rules.Finding, idx []int) string {
	type rng struct{ a, b int }
	var rs []rng
	for _, i := range idx {
		a, b := l.line(fs[i].Start), l.lastLine(fs[i].Start, fs[i].End)
		if n := len(rs); n > 0 && a <= rs[n-1].b+1 {
			rs[n-1].b = max(rs[n-1].b, b)
			continue
		}
		rs = append(rs, rng{a, b})
	}
	parts := make([]string, 0, min(len(rs), maxListedLines))
	for k, r := range rs {
		if k == maxListedLines {
			break
		}
		if r.a == r.b {
			parts = append(parts, fmt.Sprint(r.a))
		} else {
			parts = append(parts, fmt.Sprintf("%d-%d", r.a, r.b))
		}
	}
	word := "line "
	if len(rs) > 1 || rs[0].a != rs[0].b {
		word = "lines "
	}
	s := word + strings.Join(parts, ", ")
	if rest := len(rs) - len(parts); rest > 0 {
		s += fmt.Sprintf(" and %d more", rest)
	}
	return s
}
