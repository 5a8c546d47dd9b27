// Package fix applies the edits of suggested fixes to a document text, resolves
// conflicts between fixes, re-runs the rules until nothing more applies, and rewrites
// files atomically.
package fix

import (
	"sort"
	"unicode/utf8"

	"github.com/corpuslint/corpuslint/rules"
)

// MaxPasses bounds how many rounds of fixes Loop applies to one document. One fix
// may expose another (a deleted block leaves a dangling dash, and the boilerplate
// rules peel a page's trailing blocks off one per round: readability-dev record 1
// needs 8), so Loop runs to a fixed point, where a second run of fix changes
// nothing; the bound only stops a pathological chain. When it is reached,
// Result.Unfinished says so and the caller tells the user.
const MaxPasses = 25

// Allowed reports whether a fix may be applied: safe fixes always, unsafe ones only
// when unsafe is set.
// A fix that drops the whole document is never applied as an edit: only `fix` on
// JSONL acts on it, by moving the record aside (see Result.Dropped).
func Allowed(f *rules.Fix, unsafe bool) bool {
	return f != nil && !f.Drop && len(f.Edits) > 0 && (f.Applicability == rules.Safe || unsafe)
}

// dropOf returns the first finding whose allowed fix drops the whole document.
func dropOf(fs []rules.Finding, unsafe bool) *rules.Finding {
	for i := range fs {
		if f := fs[i].Fix; f != nil && f.Drop && (f.Applicability == rules.Safe || unsafe) {
			return &fs[i]
		}
	}
	return nil
}

// Resolve picks, from the findings' fixes that Allowed admits, a set whose edits do
// not overlap. Fixes that delete more text win (edits inside a deleted span would be
// lost anyway); among equals the earlier one wins. A fix applies whole or not at all.
// It returns the chosen edits sorted by position and how many fixes were skipped.
func Resolve(text string, findings []rules.Finding, unsafe bool) (edits []rules.Edit, applied, skipped int) {
	type cand struct {
		fix     *rules.Fix
		deleted int
		first   int
		order   int
	}
	var cands []cand
	for i := range findings {
		f := findings[i].Fix
		if !Allowed(f, unsafe) || !valid(text, f.Edits) {
			continue
		}
		c := cand{fix: f, first: len(text), order: i}
		for _, e := range f.Edits {
			c.deleted += e.End - e.Start
			c.first = min(c.first, e.Start)
		}
		cands = append(cands, c)
	}
	sort.SliceStable(cands, func(i, j int) bool {
		if cands[i].deleted != cands[j].deleted {
			return cands[i].deleted > cands[j].deleted
		}
		return cands[i].first < cands[j].first
	})
	// taken stays sorted by position, so each check is a binary search: tens of
	// thousands of edits (a document full of entities) resolve in n log n.
	var taken []rules.Edit
	for _, c := range cands {
		ok := true
		dup := 0
		for _, e := range c.fix.Edits {
			switch conflict(taken, e) {
			case same:
				dup++ // the same edit from two findings is applied once
			case clash:
				ok = false
			}
			if !ok {
				break
			}
		}
		if !ok {
			skipped++
			continue
		}
		if dup == len(c.fix.Edits) {
			continue // wholly applied already by another finding's identical fix
		}
		for _, e := range c.fix.Edits {
			taken = insertEdit(taken, e)
		}
		applied++
	}
	return taken, applied, skipped
}

type relation int

const (
	free relation = iota
	same
	clash
)

// editLess orders edits by start, then end, then text, so equal edits sit together.
func editLess(a, b rules.Edit) bool {
	if a.Start != b.Start {
		return a.Start < b.Start
	}
	if a.End != b.End {
		return a.End < b.End
	}
	return a.NewText < b.NewText
}

// conflict tells how e relates to the sorted, non-overlapping edits in taken. Only
// the neighbours of e's position can overlap it.
func conflict(taken []rules.Edit, e rules.Edit) relation {
	i := sort.Search(len(taken), func(k int) bool { return !editLess(taken[k], e) })
	if i < len(taken) && taken[i] == e {
		return same
	}
	for k := i - 1; k >= 0; k-- {
		if overlaps(taken[k], e) {
			return clash
		}
		if taken[k].End < e.Start {
			break
		}
	}
	for k := i; k < len(taken); k++ {
		if overlaps(taken[k], e) {
			return clash
		}
		if taken[k].Start > e.End {
			break
		}
	}
	return free
}

// insertEdit adds e to the sorted slice, keeping it sorted; an equal edit is not
// added twice.
func insertEdit(taken []rules.Edit, e rules.Edit) []rules.Edit {
	if n := len(taken); n == 0 || editLess(taken[n-1], e) {
		return append(taken, e) // the usual case: edits arrive in order
	}
	i := sort.Search(len(taken), func(k int) bool { return !editLess(taken[k], e) })
	if i < len(taken) && taken[i] == e {
		return taken
	}
	taken = append(taken, rules.Edit{})
	copy(taken[i+1:], taken[i:])
	taken[i] = e
	return taken
}

// overlaps reports whether two edits touch the same bytes, or are two different
// insertions at one point (whose order would be ambiguous).
func overlaps(a, b rules.Edit) bool {
	if a.Start == a.End && b.Start == b.End {
		return a.Start == b.Start
	}
	if a.Start == a.End {
		return b.Start < a.Start && a.Start < b.End
	}
	if b.Start == b.End {
		return a.Start < b.Start && b.Start < a.End
	}
	return a.Start < b.End && b.Start < a.End
}

// valid reports whether every edit lies inside text on UTF-8 boundaries and the
// edits of the fix do not overlap each other (checked on a sorted copy, so a fix
// with thousands of edits costs n log n).
func valid(text string, es []rules.Edit) bool {
	for _, e := range es {
		if e.Start < 0 || e.End < e.Start || e.End > len(text) {
			return false
		}
		if !boundary(text, e.Start) || !boundary(text, e.End) || !utf8.ValidString(e.NewText) {
			return false
		}
	}
	if len(es) < 2 {
		return true
	}
	sorted := append([]rules.Edit(nil), es...)
	sort.Slice(sorted, func(i, j int) bool { return editLess(sorted[i], sorted[j]) })
	for i := 1; i < len(sorted); i++ {
		if overlaps(sorted[i-1], sorted[i]) {
			return false
		}
	}
	return true
}

func boundary(s string, i int) bool {
	return i == 0 || i == len(s) || utf8.RuneStart(s[i])
}

// Apply returns text with the edits applied. The edits must be sorted and must not
// overlap, as Resolve returns them.
func Apply(text string, edits []rules.Edit) string {
	if len(edits) == 0 {
		return text
	}
	n := len(text)
	for _, e := range edits {
		n += len(e.NewText) - (e.End - e.Start)
	}
	out := make([]byte, 0, max(n, 0))
	last := 0
	for _, e := range edits {
		out = append(out, text[last:e.Start]...)
		out = append(out, e.NewText...)
		last = e.End
	}
	out = append(out, text[last:]...)
	return string(out)
}

// Result is the outcome of fixing one document.
type Result struct {
	// Text is the fixed text (equal to the input when nothing applied).
	Text string
	// Applied counts the fixes applied over all passes; Skipped those that
	// conflicted with another fix in their pass.
	Applied, Skipped int
	// Passes is how many times the rules ran.
	Passes int
	// Remaining holds the findings on the final text.
	Remaining []rules.Finding
	// Dropped is the finding whose fix drops the whole document, when one
	// applies: on the original text, or else on the final text (a filter that
	// only the fixed text trips must drop the document now, or the next run of
	// fix would). The document should leave the dataset (for JSONL, the
	// original record moves to a rejected file).
	Dropped *rules.Finding
	// Unfinished is set when MaxPasses rounds still left fixes to apply, or
	// the fixes went round in a cycle: Text is then not a fixed point.
	Unfinished bool
}

// Loop fixes text: it checks it, applies the fixes Resolve picks, and checks again,
// until no fix changes the text (a fixed point) or MaxPasses rounds are done.
// check must return the findings for a given text and be a pure function of it,
// so the result is deterministic. The findings of the original text may be
// passed as first to save a check; pass nil to have Loop compute them.
func Loop(text string, first []rules.Finding, check func(string) []rules.Finding, unsafe bool) Result {
	res := Result{Text: text}
	fs := first
	if fs == nil {
		fs = check(text)
	}
	res.Passes = 1
	// A drop does not stop the edits: where the document cannot be dropped (a
	// whole text file) the other fixes still apply; where it can, the caller keeps
	// the original record.
	res.Dropped = dropOf(fs, unsafe)
	// Hashes of the texts seen: fixes that undo each other (one rule's edit
	// re-creating what another removes) would otherwise loop to the bound.
	seen := map[uint64]bool{hashText(text): true}
	for round := 0; ; round++ {
		edits, applied, skipped := Resolve(res.Text, fs, unsafe)
		if len(edits) == 0 {
			break
		}
		next := Apply(res.Text, edits)
		if next == res.Text {
			break
		}
		if round == MaxPasses {
			res.Unfinished = true
			break
		}
		h := hashText(next)
		if seen[h] {
			// A cycle: stop before re-entering it, on the text reached so
			// far, whose fixes lead back to a text already produced.
			res.Unfinished = true
			break
		}
		seen[h] = true
		res.Applied += applied
		res.Skipped = skipped
		res.Text = next
		fs = check(res.Text)
		res.Passes++
	}
	res.Remaining = fs
	if res.Dropped == nil {
		res.Dropped = dropOf(fs, unsafe)
	}
	return res
}

// hashText is FNV-1a over s: a fixed function, so cycle detection (and with it
// the result) is the same on every run.
func hashText(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * 1099511628211
	}
	return h
}
