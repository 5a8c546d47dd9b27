package model

import (
	"fmt"
	"math"
	"sort"
)

// Model is the small learned model behind the block boilerplate rules,
// in two stages of gradient-boosted decision trees (stacked sequential learning):
// Line reads the features of a line and its neighbours (FeatureNames)
// and gives each line a first probability; Context reads the same features plus
// what the first stage said about the line's neighbours and the whole document
// (ContextNames), which tells a whole-page dump full of menus from an
// extracted article with one table. It is trained by `go run ./cmd/boilertrain`
// on the dev split of the shared corpus and stored as data in
// boilerplate_weights.go.
type Model struct {
	Line, Context Trees
}

// Trees is one stage: trees whose summed leaf values, plus Bias, are
// the log-odds that a line is boilerplate.
type Trees struct {
	// Features names the features the trees were trained on, in vector order.
	Features []string
	// Bias is the log-odds before any tree.
	Bias float32
	// Roots holds the index in Nodes of each tree's root.
	Roots []int32
	// Nodes holds the nodes of every tree.
	Nodes []Node
}

// Node is one node of a tree. An inner node sends a line to Left when
// its feature is below Threshold, else to Right; a leaf has Feature -1. Value is
// the leaf's contribution to the log-odds; on inner nodes it is the mean of the
// leaves below (weighted by the training lines that reached them), which lets a
// finding name the features that moved the decision.
type Node struct {
	Feature     int16
	Left, Right int32
	Threshold   float32
	Value       float32
}

// Check returns an error when the model does not fit the features named
// lineFeatures and contextFeatures (the features the rules compute, in vector
// order), or its trees are malformed.
func (m *Model) Check(lineFeatures, contextFeatures []string) error {
	if err := m.Line.check(lineFeatures); err != nil {
		return fmt.Errorf("line stage: %w", err)
	}
	if err := m.Context.check(contextFeatures); err != nil {
		return fmt.Errorf("context stage: %w", err)
	}
	return nil
}

func (m *Trees) check(names []string) error {
	if len(m.Features) != len(names) {
		return fmt.Errorf("boilerplate model has %d features, the rules compute %d", len(m.Features), len(names))
	}
	for i := range names {
		if m.Features[i] != names[i] {
			return fmt.Errorf("boilerplate model feature %d is %q, the rules compute %q", i, m.Features[i], names[i])
		}
	}
	for _, r := range m.Roots {
		if r < 0 || int(r) >= len(m.Nodes) {
			return fmt.Errorf("boilerplate model root %d out of range", r)
		}
	}
	for i, n := range m.Nodes {
		if n.Feature < 0 {
			continue
		}
		if int(n.Feature) >= len(names) || n.Left <= int32(i) || n.Right <= int32(i) ||
			int(n.Left) >= len(m.Nodes) || int(n.Right) >= len(m.Nodes) {
			return fmt.Errorf("boilerplate model node %d is malformed", i)
		}
	}
	return nil
}

// LogOdds returns the log-odds that the line with features x is boilerplate.
func (m *Trees) LogOdds(x []float32) float32 {
	s := m.Bias
	nodes := m.Nodes
	for _, r := range m.Roots {
		k := r
		for nodes[k].Feature >= 0 {
			if x[nodes[k].Feature] < nodes[k].Threshold {
				k = nodes[k].Left
			} else {
				k = nodes[k].Right
			}
		}
		s += nodes[k].Value
	}
	return s
}

// Explain adds to contrib, per feature, how much it moved the line's log-odds:
// along each tree's path, the change of node value at a split goes to the split's
// feature (Saabas' attribution).
func (m *Trees) Explain(x []float32, contrib []float32) {
	nodes := m.Nodes
	for _, r := range m.Roots {
		k := r
		for nodes[k].Feature >= 0 {
			next := nodes[k].Right
			if x[nodes[k].Feature] < nodes[k].Threshold {
				next = nodes[k].Left
			}
			contrib[nodes[k].Feature] += nodes[next].Value - nodes[k].Value
			k = next
		}
	}
}

// Prob turns log-odds into a probability.
func Prob(logit float32) float64 { return 1 / (1 + math.Exp(-float64(logit))) }

// Reasons returns the features that pushed the lines x (rows of the feature
// matrix) towards boilerplate the most, strongest first, at most n of them.
//
// flat and vals, when not nil, are m's trees flattened (Flatten), which explain
// the same way faster.
func (m *Trees) Reasons(rows [][]float32, n int, flat []FlatTree, vals []FlatVals) []int {
	contrib := make([]float32, len(m.Features))
	for _, x := range rows {
		if flat != nil {
			ExplainFlat(flat, vals, x, contrib)
		} else {
			m.Explain(x, contrib)
		}
	}
	idx := make([]int, 0, len(contrib))
	for i, c := range contrib {
		if c > 0 {
			idx = append(idx, i)
		}
	}
	sort.SliceStable(idx, func(a, b int) bool { return contrib[idx[a]] > contrib[idx[b]] })
	if len(idx) > n {
		idx = idx[:n]
	}
	return idx
}

// Score returns the probability that the trees give a line with the feature
// vector x of being boilerplate. The trainer uses it.
func (m *Trees) Score(x []float32) float64 { return Prob(m.LogOdds(x)) }

// flatDepth is the depth of a flattened tree: the trainer grows trees of depth
// 4 at most.
const flatDepth = 4

// FlatTree is a tree of depth flatDepth laid out as a perfect binary tree in
// heap order from 1: inner node k (1 <= k < 16) sends a line with a value below
// its threshold to 2k+1 and any other line to 2k, and the nodes from 16 on are
// the leaves. The walk is four steps without pointer chasing, each a compare
// whose result bit is the next index's low bit. Shallower branches are padded
// with splits that always go left (threshold +Inf) and copies of their leaf.
type FlatTree struct {
	// feat and thr have an unused slot 0, so that a masked index needs no
	// bounds check.
	feat [1 << flatDepth]uint8
	thr  [1 << flatDepth]float32
	leaf [1 << flatDepth]float32
}

// flatWidth bounds the feature vectors the flattened trees read: a feature
// index is a byte, and the walk reads a copy of the row padded to 256 values.
const flatWidth = 256

// FlatVals holds the node values of a flattened tree's inner nodes (in
// FlatTree's order), for explanations; a padding split has the value of the
// leaf it stands for.
type FlatVals [1 << flatDepth]float32

// Flatten returns the trees of m flattened with their inner node values, or
// nil when a tree is deeper than flatDepth (then the nodes are walked as they
// are).
func Flatten(m *Trees) ([]FlatTree, []FlatVals) {
	out := make([]FlatTree, len(m.Roots))
	vals := make([]FlatVals, len(m.Roots))
	var fill func(t *FlatTree, v *FlatVals, node int32, pos, depth int) bool
	fill = func(t *FlatTree, v *FlatVals, node int32, pos, depth int) bool {
		n := m.Nodes[node]
		if depth == flatDepth {
			if n.Feature >= 0 {
				return false
			}
			t.leaf[pos-1<<flatDepth] = n.Value
			return true
		}
		v[pos] = n.Value
		if n.Feature < 0 {
			t.feat[pos], t.thr[pos] = 0, float32(math.Inf(1))
			return fill(t, v, node, 2*pos+1, depth+1) && fill(t, v, node, 2*pos, depth+1)
		}
		if int(n.Feature) >= flatWidth {
			return false
		}
		t.feat[pos], t.thr[pos] = uint8(n.Feature), n.Threshold
		return fill(t, v, n.Left, 2*pos+1, depth+1) && fill(t, v, n.Right, 2*pos, depth+1)
	}
	for i, r := range m.Roots {
		if !fill(&out[i], &vals[i], r, 1, 0) {
			return nil, nil
		}
	}
	return out, vals
}

// ExplainFlat is explain over flattened trees ts with their node values vals.
// A padding split moves nothing (its children have its own value) and adds +0 to
// feature 0, which leaves the sum as it is: a contribution is never -0, since
// contributions start at +0 and a sum of nonzero floats that cancels is +0.
func ExplainFlat(ts []FlatTree, vals []FlatVals, row []float32, contrib []float32) {
	var x [flatWidth]float32
	copy(x[:], row)
	const m = 1<<flatDepth - 1
	for i := range ts {
		t, v := &ts[i], &vals[i]
		k := 1
		for d := 0; d < flatDepth-1; d++ {
			next := 2*k + left(x[t.feat[k&m]], t.thr[k&m])
			contrib[t.feat[k&m]] += v[next&m] - v[k&m]
			k = next
		}
		next := 2*k + left(x[t.feat[k&m]], t.thr[k&m])
		contrib[t.feat[k&m]] += t.leaf[next&m] - v[k&m]
	}
}

// ScoreFlat is score over flattened trees. Four trees are walked at once: each
// walk is a chain of dependent loads, and interleaving them lets the processor
// overlap the chains. The row is copied into an array of 256 values, which a
// byte indexes without a bounds check, and node indexes are masked, so the walks
// run without bounds checks. The leaves are summed four at a time, in tree
// order.
func ScoreFlat(bias float32, ts []FlatTree, row []float32) float32 {
	var x [flatWidth]float32
	copy(x[:], row)
	const m = 1<<flatDepth - 1
	s := bias
	i := 0
	for ; i+4 <= len(ts); i += 4 {
		t0, t1, t2, t3 := &ts[i], &ts[i+1], &ts[i+2], &ts[i+3]
		k0, k1, k2, k3 := 1, 1, 1, 1
		for d := 0; d < flatDepth; d++ {
			k0 = 2*k0 + left(x[t0.feat[k0&m]], t0.thr[k0&m])
			k1 = 2*k1 + left(x[t1.feat[k1&m]], t1.thr[k1&m])
			k2 = 2*k2 + left(x[t2.feat[k2&m]], t2.thr[k2&m])
			k3 = 2*k3 + left(x[t3.feat[k3&m]], t3.thr[k3&m])
		}
		s += t0.leaf[k0&m] + t1.leaf[k1&m] + t2.leaf[k2&m] + t3.leaf[k3&m]
	}
	for ; i < len(ts); i++ {
		t := &ts[i]
		k := 1
		for d := 0; d < flatDepth; d++ {
			k = 2*k + left(x[t.feat[k&m]], t.thr[k&m])
		}
		s += t.leaf[k&m]
	}
	return s
}

// left is 1 when a line goes left at a split (its value is below the
// threshold; a NaN goes right, as in score), else 0. Written as thr > v, it
// compiles to a compare and a set without a negation.
func left(v, thr float32) int {
	if thr > v {
		return 1
	}
	return 0
}
