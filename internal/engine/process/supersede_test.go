package process

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"sort"
	"testing"

	"github.com/corpuslint/corpuslint/rules"
)

// supersedeByScan is the plain definition Supersede implements with an index:
// each finding goes to the longest containing deletion longer than itself
// (ties: earlier start, then lower owner) whose finding was not folded before,
// and stays when that finding is folded after it; a safe deletion never goes
// into an unsafe one, and no safe fix into an unsafe drop.
func supersedeByScan(fs []rules.Finding) []rules.Finding {
	type del struct{ start, end, owner int }
	var dels []del
	for i, f := range fs {
		if f.Fix != nil {
			for _, e := range f.Fix.Edits {
				if e.NewText == "" && e.End > e.Start {
					dels = append(dels, del{e.Start, e.End, i})
				}
			}
		}
	}
	owner := make([]int, len(fs))
	for i := range owner {
		owner[i] = -1
	}
	for i, f := range fs {
		best := -1
		for k, d := range dels {
			if d.owner == i || f.Start < d.start || f.End > d.end || f.End-f.Start >= d.end-d.start || owner[d.owner] >= 0 {
				continue
			}
			if o := fs[d.owner].Fix; o.Applicability != rules.Safe && (safeDeletion(f.Fix) || o.Drop && f.Fix != nil && f.Fix.Applicability == rules.Safe) {
				continue
			}
			if best < 0 || supLonger(supDel(d), supDel(dels[best])) {
				best = k
			}
		}
		if best >= 0 {
			owner[i] = dels[best].owner
		}
	}
	final := make([]int, len(fs))
	absorbed := make([]map[string]int, len(fs))
	for i, o := range owner {
		final[i] = o
		if o >= 0 && owner[o] >= 0 {
			final[i] = -1
		}
		if final[i] >= 0 {
			if absorbed[o] == nil {
				absorbed[o] = map[string]int{}
			}
			absorbed[o][fs[i].Rule]++
		}
	}
	owner = final
	var out []rules.Finding
	for i, f := range fs {
		if owner[i] >= 0 {
			continue
		}
		if m := absorbed[i]; m != nil {
			f.Message += " (also covers " + describeCounts(m) + ")"
			names := make([]string, 0, len(m))
			for r := range m {
				names = append(names, r)
			}
			sort.Strings(names)
			for _, r := range names {
				f.Covers = append(f.Covers, rules.Covered{Rule: r, Count: m[r]}) // the inputs carry no category
			}
		}
		out = append(out, f)
	}
	return out
}

func randomFindings(r *rand.Rand, n, textLen int) []rules.Finding {
	fs := make([]rules.Finding, n)
	rs := []string{"a", "b", "c"}
	for i := range fs {
		s := r.IntN(textLen)
		e := min(textLen, s+1+r.IntN(1+r.IntN(textLen/4+1)))
		fs[i] = rules.Finding{Rule: rs[r.IntN(len(rs))], Start: s, End: e, Message: fmt.Sprint(i)}
		if r.IntN(3) > 0 {
			ds, de := max(0, s-r.IntN(3)), min(textLen, e+r.IntN(3))
			app := rules.Safe
			if r.IntN(8) == 0 {
				app = rules.Unsafe
			}
			fs[i].Fix = &rules.Fix{Applicability: app, Edits: []rules.Edit{{Start: ds, End: de}}}
			switch r.IntN(6) {
			case 0: // a replacement, not a deletion
				fs[i].Fix.Edits[0].NewText = "x"
			case 1: // a drop of the whole text
				fs[i].Start, fs[i].End = 0, textLen
				fs[i].Fix.Edits[0] = rules.Edit{Start: 0, End: textLen}
				fs[i].Fix.Drop = true
			}
		}
	}
	return fs
}

// The indexed Supersede folds exactly what the definition folds.
func TestSupersedeMatchesDefinition(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for iter := 0; iter < 2000; iter++ {
		n, textLen := 1+r.IntN(40), 1+r.IntN(200)
		fs := randomFindings(r, n, textLen)
		want := supersedeByScan(append([]rules.Finding(nil), fs...))
		got := Supersede{}.Process(nil, append([]rules.Finding(nil), fs...))
		if len(want) == 0 && len(got) == 0 {
			continue
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("iteration %d: findings %+v\ngot  %+v\nwant %+v", iter, fs, got, want)
		}
	}
}

// A document of nothing but dashes gives 100,000 findings with deletions.
func BenchmarkSupersede(b *testing.B) {
	r := rand.New(rand.NewPCG(3, 4))
	fs := make([]rules.Finding, 100000)
	for i := range fs {
		s := i * 10
		fs[i] = rules.Finding{Rule: "stray-dash", Start: s, End: s + 1, Message: "dash",
			Fix: &rules.Fix{Applicability: rules.Safe, Edits: []rules.Edit{{Start: s, End: s + 1 + r.IntN(2)}}}}
	}
	fs = append(fs, rules.Finding{Rule: "block", Start: 500000, End: 900000, Message: "block",
		Fix: &rules.Fix{Applicability: rules.Safe, Edits: []rules.Edit{{Start: 500000, End: 900000}}}})
	work := make([]rules.Finding, len(fs))
	b.ReportAllocs()
	for b.Loop() {
		copy(work, fs)
		Supersede{}.Process(nil, work)
	}
}

func TestSupersede(t *testing.T) {
	del := func(s, e int) *rules.Fix {
		return &rules.Fix{Message: "delete", Edits: []rules.Edit{{Start: s, End: e}}}
	}
	fs := []rules.Finding{
		{Rule: "block", Start: 10, End: 100, Message: "block", Fix: del(9, 100)},
		{Rule: "dash", Start: 20, End: 21, Message: "dash", Fix: del(19, 21)},
		{Rule: "dash", Start: 40, End: 41, Message: "dash"},
		{Rule: "quote", Start: 50, End: 51, Message: "quote"},
		{Rule: "outside", Start: 0, End: 5, Message: "outside"},
		{Rule: "unsafe", Start: 0, End: 8, Message: "u", Fix: &rules.Fix{Message: "x", Applicability: rules.Unsafe, Edits: []rules.Edit{{Start: 0, End: 8}}}},
		// A safe deletion inside an unsafe one stays listed: a plain fix applies it.
		{Rule: "safe-inside", Start: 2, End: 4, Message: "s", Fix: del(2, 4)},
	}
	got := Supersede{}.Process(nil, fs)
	if len(got) != 3 || got[0].Message != "block (also covers 2 dash findings, 1 quote finding)" ||
		got[1].Message != "u (also covers 1 outside finding)" || got[2].Rule != "safe-inside" {
		t.Errorf("got %+v", got)
	}
}

// A finding with a safe fix stays beside an unsafe drop (a near-duplicate),
// which a plain fix does not apply: folded, its fix was lost to that run, and
// the next run of fix, once the batch no longer made the document a
// near-duplicate, applied it then. Findings without a safe fix still fold.
func TestSupersedeKeepsSafeFixesBesideUnsafeDrop(t *testing.T) {
	drop := &rules.Fix{Message: "drop", Applicability: rules.Unsafe, Edits: []rules.Edit{{Start: 0, End: 100}}, Drop: true}
	quote := &rules.Fix{Message: "straighten", Applicability: rules.Safe, Edits: []rules.Edit{{Start: 40, End: 43, NewText: "\""}}}
	fs := []rules.Finding{
		{Rule: "near-duplicate", Start: 0, End: 100, Message: "near", Fix: drop},
		{Rule: "broken-quotes", Start: 40, End: 43, Message: "quote", Fix: quote},
		{Rule: "missing-attribution", Start: 50, End: 60, Message: "who"},
	}
	got := Supersede{}.Process(nil, fs)
	if len(got) != 2 || got[0].Message != "near (also covers 1 missing-attribution finding)" || got[1].Rule != "broken-quotes" {
		t.Errorf("got %+v", got)
	}
}
