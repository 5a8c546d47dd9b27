package minhash_test

import (
	"strings"
	"testing"

	"github.com/corpuslint/corpuslint/rules/text/minhash"
)

func TestTextHashNormalises(t *testing.T) {
	a, ok := minhash.TextHash("The cat, sat.")
	b, _ := minhash.TextHash("the  cat sat")
	c, _ := minhash.TextHash("the cat sat down")
	if !ok || a != b || a == c {
		t.Errorf("TextHash: %x %x %x (ok %v): want the first two equal, the third different", a, b, c, ok)
	}
	if _, ok := minhash.TextHash(" ... !"); ok {
		t.Error("a text without words has a hash")
	}
}

func TestClusterJoinsNearDuplicates(t *testing.T) {
	base := strings.Fields(strings.Repeat("alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma tau upsilon ", 3))
	for i := range base {
		base[i] += string(rune('a' + i%26))
	}
	near := append([]string(nil), base...)
	near[len(near)/2] = "changed"
	other := strings.Fields("a completely different text about the council and its budget for the schools of the town this year")
	texts := []string{strings.Join(other, " "), strings.Join(base, " "), strings.Join(near, " "), strings.Join(base, "  ")}
	c := minhash.Defaults
	s := minhash.NewSigner(c)
	sigs := make([][]byte, len(texts))
	for i, tx := range texts {
		sigs[i] = make([]byte, c.K())
		if !s.Sign(tx, sigs[i]) {
			t.Fatalf("text %d has no shingle", i)
		}
	}
	root := minhash.Cluster(c, len(sigs), func(i int) []byte { return sigs[i] })
	want := []int32{0, 1, 1, 1}
	for i := range want {
		if root[i] != want[i] {
			t.Errorf("root = %v, want %v", root, want)
			break
		}
	}
	if e := minhash.Estimate(sigs[1], sigs[3]); e != 1 {
		t.Errorf("estimate of equal texts = %v, want 1", e)
	}
	if s.Sign("too short", make([]byte, c.K())) {
		t.Error("a text of fewer than 5 words has a shingle")
	}
}
