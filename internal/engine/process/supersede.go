package process

import (
	"fmt"
	"sort"
	"strings"

	"github.com/corpuslint/corpuslint/rules"
)

// Supersede folds findings that lie wholly inside text another finding's fix
// deletes into that finding's message ("also covers 16 stray-dash findings"):
// fixing the larger one removes them anyway, so listing them repeats the same
// problem (DESIGN.md "Fixes"). Into an unsafe deletion (a boilerplate block
// that fix leaves to --unsafe-fixes) everything but a safe deletion folds: a
// safe deletion inside it would be lost to a plain fix. Into an unsafe drop
// (a near-duplicate) no finding with a safe fix folds: a plain fix keeps the
// document, so its safe fixes must apply; folded, they applied or not as the
// batch-level decision went, and the next run of fix, on a batch whose fixes
// had moved that decision, applied them then.
type Supersede struct{}

// Name implements Processor.
func (Supersede) Name() string { return "supersede" }

// Process implements Processor. A finding goes to the longest safe deletion that
// contains it and is longer than it (ties: the earlier one), unless that
// deletion's own finding was folded into another: findings are taken in order,
// a deletion whose finding was folded before is passed over, and a finding whose
// chosen owner is folded after it stays (its owner's fix may not delete it). Deletions are indexed by start
// with a tree of their ends, so a document with 100,000 findings and as many
// deletions costs n log n, not n².
func (Supersede) Process(_ *rules.Document, fs []rules.Finding) []rules.Finding {
	if len(fs) < 2 {
		return fs
	}
	// A finding's fix deletes once at most, as a rule: sizing for that spares
	// a document of many findings the copies of growing the array.
	dels := make([]supDel, 0, len(fs))
	for i, f := range fs {
		if f.Fix == nil {
			continue
		}
		for _, e := range f.Fix.Edits {
			if e.NewText == "" && e.End-e.Start > 0 {
				dels = append(dels, supDel{e.Start, e.End, i})
			}
		}
	}
	if len(dels) == 0 {
		return fs
	}
	idx := newSupIndex(dels)
	owner := make([]int, len(fs))
	for i := range owner {
		owner[i] = -1 // a finding after the current one is not folded yet
	}
	folded := false
	var cand []int
	for i := range fs {
		f := &fs[i]
		cand = idx.containing(f.Start, f.End, cand[:0])
		best := -1
		for _, k := range cand {
			d := idx.dels[k]
			if d.owner == i || f.End-f.Start >= d.end-d.start || owner[d.owner] >= 0 {
				continue
			}
			if o := fs[d.owner].Fix; o.Applicability != rules.Safe && (safeDeletion(f.Fix) || o.Drop && safeFix(f.Fix)) {
				continue
			}
			if best < 0 || supLonger(d, idx.dels[best]) {
				best = k
			}
		}
		if best < 0 {
			continue
		}
		owner[i] = idx.dels[best].owner
		folded = true
	}
	if !folded {
		return fs
	}
	absorbed := make([]map[string]int, len(fs))
	covers := make([][]rules.Covered, len(fs))
	for i, o := range owner {
		if o < 0 {
			continue
		}
		if owner[o] >= 0 {
			owner[i] = -1 // its owner was folded after it
			continue
		}
		if absorbed[o] == nil {
			absorbed[o] = map[string]int{}
			// A copy of the owner's array, which this loop then owns and
			// counts into in place: AddCovered's copy for each absorbed
			// finding was 40 MB of garbage on a document of 500,000 lines
			// a filter drops.
			covers[o] = rules.AddCovered(fs[o].Covers, fs[i].Rule, fs[i].Category, 0)
		}
		absorbed[o][fs[i].Rule]++
		covers[o] = addCovered(covers[o], fs[i].Rule, fs[i].Category, 1)
		for _, c := range fs[i].Covers {
			covers[o] = addCovered(covers[o], c.Rule, c.Category, c.Count)
		}
	}
	out := fs[:0]
	for i := range fs {
		if owner[i] >= 0 {
			continue
		}
		f := fs[i]
		if m := absorbed[i]; m != nil {
			f.Message += " (also covers " + describeCounts(m) + ")"
			f.Covers = covers[i]
		}
		out = append(out, f)
	}
	// The absorbed findings go to the collector (see Group.Process).
	clear(fs[len(out):])
	return out
}

// safeDeletion reports whether fix is safe and deletes text.
func safeDeletion(fix *rules.Fix) bool {
	if fix == nil || fix.Applicability != rules.Safe {
		return false
	}
	for _, e := range fix.Edits {
		if e.NewText == "" && e.End > e.Start {
			return true
		}
	}
	return false
}

// safeFix reports whether fix is safe and edits the text (a drop or not).
func safeFix(fix *rules.Fix) bool {
	return fix != nil && fix.Applicability == rules.Safe && len(fix.Edits) > 0
}

// supDel is a deletion [start, end) of finding owner.
type supDel struct{ start, end, owner int }

// supLonger orders deletions: longer first, then earlier start, then lower owner.
func supLonger(a, b supDel) bool {
	if la, lb := a.end-a.start, b.end-b.start; la != lb {
		return la > lb
	}
	if a.start != b.start {
		return a.start < b.start
	}
	return a.owner < b.owner
}

// supIndex finds the deletions that contain a span: deletions sorted by start,
// and a segment tree of the largest end in each range.
type supIndex struct {
	dels   []supDel
	maxEnd []int // segment tree, node 1 is the root
	size   int
	stack  [64]supSpan // containing's, kept here: zeroing it per call cost more than the walk
}

// supSpan is a node of the segment tree and the deletions [lo, hi) below it.
type supSpan struct{ node, lo, hi int }

func newSupIndex(dels []supDel) *supIndex {
	sort.Slice(dels, func(i, j int) bool {
		if dels[i].start != dels[j].start {
			return dels[i].start < dels[j].start
		}
		return dels[i].owner < dels[j].owner
	})
	size := 1
	for size < len(dels) {
		size *= 2
	}
	t := &supIndex{dels: dels, maxEnd: make([]int, 2*size), size: size}
	for i := range t.maxEnd {
		t.maxEnd[i] = -1
	}
	for i, d := range dels {
		t.maxEnd[size+i] = d.end
	}
	for n := size - 1; n >= 1; n-- {
		t.maxEnd[n] = max(t.maxEnd[2*n], t.maxEnd[2*n+1])
	}
	return t
}

// containing appends the indexes of the deletions with start <= start and
// end >= end: those of the prefix that starts in time, found through the subtrees
// whose largest end reaches far enough, in index order.
func (t *supIndex) containing(start, end int, out []int) []int {
	// k: the first deletion starting after start (sort.Search written out, as
	// the walk below: a document of 400,000 findings calls this for each).
	lo, hi := 0, len(t.dels)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if t.dels[m].start > start {
			hi = m
		} else {
			lo = m + 1
		}
	}
	k := lo
	if k == 0 {
		return out
	}
	// Depth first, left before right, with the right children still to visit
	// on a stack: one per level at most.
	stack := &t.stack
	stack[0] = supSpan{1, 0, t.size}
	for sp := 1; sp > 0; {
		sp--
		node, lo, hi := stack[sp].node, stack[sp].lo, stack[sp].hi
		for lo < k && t.maxEnd[node] >= end {
			if hi-lo == 1 {
				out = append(out, lo)
				break
			}
			mid := (lo + hi) / 2
			stack[sp] = supSpan{2*node + 1, mid, hi}
			sp++
			node, hi = 2*node, mid
		}
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

// addCovered is rules.AddCovered on an array the caller owns: it counts into
// it in place, and allocates only to add a rule.
func addCovered(covers []rules.Covered, rule string, cat rules.Category, n int) []rules.Covered {
	for k := range covers {
		if covers[k].Rule == rule {
			covers[k].Count += n
			return covers
		}
	}
	return rules.AddCovered(covers, rule, cat, n)
}
