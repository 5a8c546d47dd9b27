package main

import (
	"reflect"
	"strings"
	"testing"

	"github.com/corpuslint/corpuslint/rules/boilerplate/model"
)

// A threshold on one feature, with a distracting second feature, is learned.
func TestTrainLearnsThreshold(t *testing.T) {
	d := &dataset{f: 2}
	for i := 0; i < 1000; i++ {
		x := float32(i) / 1000
		noise := float32((i * 7919) % 1000)
		y := float32(0)
		if x >= 0.3 {
			y = 1
		}
		d.x = append(d.x, x, noise)
		d.y = append(d.y, y)
		d.w = append(d.w, 1)
	}
	d.n = 1000
	d.binFeatures(64)
	p := params{Trees: 20, Depth: 2, Rate: 0.3, Lambda: 1, MinHess: 1, MaxBins: 64, Subsample: 1}
	m := train(d, p, []string{"x", "noise"}, nil)
	for _, tc := range []struct {
		x    float32
		want bool
	}{{0.05, false}, {0.25, false}, {0.35, true}, {0.9, true}} {
		if got := m.Score([]float32{tc.x, 500}) >= 0.5; got != tc.want {
			t.Errorf("x=%v: boilerplate %v, want %v", tc.x, got, tc.want)
		}
	}
	if m.Nodes[m.Roots[0]].Feature != 0 {
		t.Errorf("the first split is on feature %d, want the informative one", m.Nodes[m.Roots[0]].Feature)
	}
}

// The written model is JSON with one tree a line that reads back as the same model.
func TestSource(t *testing.T) {
	tree := model.Trees{Features: []string{"words"}, Bias: -1, Roots: []int32{0},
		Nodes: []model.Node{{Feature: 0, Left: 1, Right: 2, Threshold: 2.5, Value: 0}, {Feature: -1, Left: -1, Right: -1, Value: -0.5}, {Feature: -1, Left: -1, Right: -1, Value: 0.5}}}
	src, err := source(&model.Model{Line: tree, Context: tree}, []string{"x.jsonl"}, nil, defaultParams)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"about": "trained on 0 labeled lines of 0 records of x.jsonl`, "\n    [[0, 1, 2, 2.5, 0], [-1, 0, 0, 0, -0.5], [-1, 0, 0, 0, 0.5]]\n"} {
		if !strings.Contains(string(src), want) {
			t.Errorf("source lacks %q:\n%s", want, src)
		}
	}
	back, _, err := model.Unmarshal(src)
	if err != nil || !reflect.DeepEqual(back.Line, tree) {
		t.Errorf("the written model reads back as %+v, %v", back, err)
	}
}

// The out-of-fold halves split pages, not lines, and are balanced.
func TestHalf(t *testing.T) {
	n := [2]int{}
	for i := 0; i < 2000; i++ {
		n[half(strings.Repeat("p", i%7)+string(rune('a'+i%26))+string(rune('a'+i/26%26))+string(rune('a'+i/676)))]++
	}
	if n[0] < 800 || n[1] < 800 {
		t.Errorf("halves %v are unbalanced", n)
	}
}
