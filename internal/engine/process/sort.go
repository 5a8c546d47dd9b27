package process

import (
	"cmp"
	"slices"
	"strings"

	"github.com/corpuslint/corpuslint/rules"
)

// Sort orders a document's findings by position, then by rule name, so
// output does not depend on the order rules ran in.
type Sort struct{}

// Name implements Processor.
func (Sort) Name() string { return "sort" }

// Process implements Processor.
//
// It sorts indexes and then moves each finding once: sort.SliceStable swapped
// the large Finding values through reflection at every step. A stable sort's
// result is fixed by its order, so the output is the same.
func (Sort) Process(_ *rules.Document, fs []rules.Finding) []rules.Finding {
	sorted := true
	for i := 1; i < len(fs) && sorted; i++ {
		sorted = findingCmp(&fs[i-1], &fs[i]) <= 0
	}
	if sorted {
		return fs
	}
	idx := make([]int32, len(fs))
	for i := range idx {
		idx[i] = int32(i)
	}
	slices.SortStableFunc(idx, func(a, b int32) int { return findingCmp(&fs[a], &fs[b]) })
	// Move the findings in place along the cycles of the permutation (position
	// i takes the finding at idx[i]) rather than through a copy of them all.
	for i := range idx {
		if idx[i] < 0 || int(idx[i]) == i {
			continue
		}
		tmp := fs[i]
		j := i
		for {
			k := int(idx[j])
			idx[j] = -1
			if k == i {
				fs[j] = tmp
				break
			}
			fs[j] = fs[k]
			j = k
		}
	}
	return fs
}

// findingCmp orders findings by start, end, then rule name.
func findingCmp(a, b *rules.Finding) int {
	if a.Start != b.Start {
		return cmp.Compare(a.Start, b.Start)
	}
	if a.End != b.End {
		return cmp.Compare(a.End, b.End)
	}
	return strings.Compare(a.Rule, b.Rule)
}
