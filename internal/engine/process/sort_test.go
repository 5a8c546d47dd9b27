package process

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"sort"
	"testing"

	"github.com/corpuslint/corpuslint/rules"
)

// TestSortMatchesSliceStable holds Sort equal to the plain
// sort.SliceStable it replaced, ties and already sorted input included.
func TestSortMatchesSliceStable(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for iter := 0; iter < 2000; iter++ {
		n := r.IntN(40)
		fs := make([]rules.Finding, n)
		for i := range fs {
			fs[i] = rules.Finding{Start: r.IntN(6), End: r.IntN(6), Rule: string(rune('a' + r.IntN(3))), Message: fmt.Sprint(i)}
		}
		if iter%5 == 0 {
			sort.SliceStable(fs, func(i, j int) bool { return fs[i].Start < fs[j].Start })
		}
		want := make([]rules.Finding, len(fs))
		copy(want, fs)
		sort.SliceStable(want, func(i, j int) bool {
			a, b := &want[i], &want[j]
			if a.Start != b.Start {
				return a.Start < b.Start
			}
			if a.End != b.End {
				return a.End < b.End
			}
			return a.Rule < b.Rule
		})
		got := Sort{}.Process(nil, fs)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("Sort = %v, want %v", got, want)
		}
	}
}
