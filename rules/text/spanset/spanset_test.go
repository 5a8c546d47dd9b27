package spanset_test

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/corpuslint/corpuslint/rules/text/spanset"
)

// Add reports what a map of strings reports, across the table's growth and
// reuse, for the empty string too.
func TestSetMatchesMap(t *testing.T) {
	var s spanset.Set
	r := rand.New(rand.NewPCG(7, 8))
	for iter := 0; iter < 300; iter++ {
		var b strings.Builder
		for n := 1 + r.IntN(4000); n > 0; n-- {
			b.WriteString([]string{"a", "b", "é", "\n", "ab"}[r.IntN(5)])
		}
		txt := b.String()
		s.Reset(r.IntN(100))
		seen := map[string]bool{}
		for k := 0; k < 1+r.IntN(3000); k++ {
			a := r.IntN(len(txt) + 1)
			e := min(len(txt), a+r.IntN(4))
			if got, want := s.Add(txt, a, e), !seen[txt[a:e]]; got != want {
				t.Fatalf("Add(%q) = %v, want %v", txt[a:e], got, want)
			}
			seen[txt[a:e]] = true
		}
	}
}

func FuzzSet(f *testing.F) {
	f.Add("a\nb\na\n\n", 3)
	var s spanset.Set
	f.Fuzz(func(t *testing.T, txt string, w int) {
		w = 1 + max(0, w%8)
		s.Reset(0)
		seen := map[string]bool{}
		for a := 0; a < len(txt); a++ {
			e := min(len(txt), a+w)
			if got, want := s.Add(txt, a, e), !seen[txt[a:e]]; got != want {
				t.Fatalf("Add(%q) = %v, want %v", txt[a:e], got, want)
			}
			seen[txt[a:e]] = true
		}
	})
}
