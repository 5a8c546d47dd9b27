package main

import (
	"math"
	"runtime"
	"sort"
	"sync"

	"github.com/corpuslint/corpuslint/rules/boilerplate/model"
)

// params are the boosting parameters.
type params struct {
	Trees     int     // boosting rounds
	Depth     int     // maximum tree depth
	Rate      float64 // learning rate (shrinkage)
	Lambda    float64 // L2 regularization of leaf values
	MinHess   float64 // minimum hessian (weighted p(1-p)) on each side of a split
	MaxBins   int     // histogram bins per feature
	Subsample int     // keep 1 line in Subsample for each tree's split search (1: all)
}

// dataset is a feature matrix with labels and weights, its features binned for
// histogram-based split search.
type dataset struct {
	n, f int
	x    []float32 // row-major n×f
	y    []float32 // 1 boilerplate, 0 body
	w    []float32 // line weights
	bins []uint8   // column-major f×n bin indexes: bins[j*n+i] (split search reads one feature at a time)
	thr  [][]float32
}

// binFeatures chooses up to maxBins-1 thresholds per feature at quantiles of its
// distinct values and assigns every value its bin: bin b holds values in
// [thr[b-1], thr[b]), so "go left when x < thr[b]" sends bins 0..b left.
func (d *dataset) binFeatures(maxBins int) {
	d.thr = make([][]float32, d.f)
	d.bins = make([]uint8, d.n*d.f)
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for j := 0; j < d.f; j++ {
		wg.Add(1)
		sem <- struct{}{}
		go func(j int) {
			defer wg.Done()
			defer func() { <-sem }()
			vals := make([]float32, d.n)
			for i := 0; i < d.n; i++ {
				vals[i] = d.x[i*d.f+j]
			}
			sort.Slice(vals, func(a, b int) bool { return vals[a] < vals[b] })
			var uniq []float32
			var counts []int
			for i, v := range vals {
				if i == 0 || v != vals[i-1] {
					uniq = append(uniq, v)
					counts = append(counts, 0)
				}
				counts[len(counts)-1]++
			}
			var thr []float32
			if len(uniq) <= maxBins {
				for k := 1; k < len(uniq); k++ {
					thr = append(thr, mid(uniq[k-1], uniq[k]))
				}
			} else {
				// Quantile cuts on the sorted values, snapped to a boundary between
				// distinct values.
				per := d.n / maxBins
				acc := 0
				for k := 0; k+1 < len(uniq); k++ {
					acc += counts[k]
					if acc >= per {
						thr = append(thr, mid(uniq[k], uniq[k+1]))
						acc = 0
						if len(thr) >= maxBins-1 {
							break
						}
					}
				}
			}
			d.thr[j] = thr
			for i := 0; i < d.n; i++ {
				v := d.x[i*d.f+j]
				d.bins[j*d.n+i] = uint8(sort.Search(len(thr), func(k int) bool { return v < thr[k] }))
			}
		}(j)
	}
	wg.Wait()
}

// mid is a threshold between two distinct values, as short as float32 allows.
func mid(a, b float32) float32 {
	m := a + (b-a)/2
	if m <= a {
		return b
	}
	return m
}

// node is a tree node under construction.
type node struct {
	feature   int
	threshold float32
	bin       int
	left      int
	right     int
	value     float64 // -G/(H+λ) × rate
}

// train boosts trees on d and returns the model.
func train(d *dataset, p params, names []string, logf func(string, ...any)) *model.Trees {
	m := &model.Trees{Features: names}
	// Bias: the weighted log-odds of the base rate.
	var sw, sy float64
	for i := 0; i < d.n; i++ {
		sw += float64(d.w[i])
		sy += float64(d.w[i] * d.y[i])
	}
	base := math.Log(sy / (sw - sy))
	m.Bias = float32(base)
	pred := make([]float64, d.n)
	for i := range pred {
		pred[i] = base
	}
	g := make([]float64, d.n)
	h := make([]float64, d.n)
	for t := 0; t < p.Trees; t++ {
		var loss float64
		for i := 0; i < d.n; i++ {
			pr := 1 / (1 + math.Exp(-pred[i]))
			w := float64(d.w[i])
			g[i] = w * (pr - float64(d.y[i]))
			h[i] = w * math.Max(pr*(1-pr), 1e-6)
			if d.y[i] > 0 {
				loss -= w * math.Log(math.Max(pr, 1e-12))
			} else {
				loss -= w * math.Log(math.Max(1-pr, 1e-12))
			}
		}
		var idx []int32
		for i := 0; i < d.n; i++ {
			if p.Subsample <= 1 || (i*7919+t*104729)%p.Subsample == 0 {
				idx = append(idx, int32(i))
			}
		}
		nodes := grow(d, g, h, idx, p)
		root := int32(len(m.Nodes))
		for _, nd := range nodes {
			bn := model.Node{Feature: int16(nd.feature), Value: float32(nd.value), Left: -1, Right: -1}
			if nd.feature >= 0 {
				bn.Threshold = nd.threshold
				bn.Left = root + int32(nd.left)
				bn.Right = root + int32(nd.right)
			}
			m.Nodes = append(m.Nodes, bn)
		}
		m.Roots = append(m.Roots, root)
		// Update predictions on every line, not just the subsample.
		for i := 0; i < d.n; i++ {
			k := 0
			x := d.x[i*d.f : (i+1)*d.f]
			for nodes[k].feature >= 0 {
				if x[nodes[k].feature] < nodes[k].threshold {
					k = nodes[k].left
				} else {
					k = nodes[k].right
				}
			}
			pred[i] += nodes[k].value
		}
		if logf != nil && (t%25 == 0 || t == p.Trees-1) {
			logf("tree %d: weighted log-loss %.4f", t, loss/sw)
		}
	}
	return m
}

// hist is a node's gradient histogram: for feature f, bins off[f]..off[f+1]-1.
type hist struct{ g, h []float64 }

// offsets returns where each feature's bins start in a histogram.
func (d *dataset) offsets() []int {
	off := make([]int, d.f+1)
	for f := 0; f < d.f; f++ {
		off[f+1] = off[f] + len(d.thr[f]) + 1
	}
	return off
}

// histogram sums the gradients of the lines idx per feature and bin.
func (d *dataset) histogram(g, h []float64, idx []int32, off []int) hist {
	hs := hist{g: make([]float64, off[d.f]), h: make([]float64, off[d.f])}
	workers := runtime.GOMAXPROCS(0)
	var wg sync.WaitGroup
	for wk := 0; wk < workers; wk++ {
		wg.Add(1)
		go func(wk int) {
			defer wg.Done()
			for f := wk; f < d.f; f += workers {
				col := d.bins[f*d.n : (f+1)*d.n]
				hg := hs.g[off[f]:off[f+1]]
				hh := hs.h[off[f]:off[f+1]]
				for _, i := range idx {
					b := col[i]
					hg[b] += g[i]
					hh[b] += h[i]
				}
			}
		}(wk)
	}
	wg.Wait()
	return hs
}

// grow builds one tree depth-first on the lines idx and returns its nodes, the
// root first; children always come after their parent. Each node's histogram is
// summed for the smaller child only; the larger child's is the parent's minus it.
func grow(d *dataset, g, h []float64, idx []int32, p params) []node {
	off := d.offsets()
	var nodes []node
	var build func(idx []int32, hs hist, depth int) int
	build = func(idx []int32, hs hist, depth int) int {
		var G, H float64
		for b := 0; b < off[1]; b++ { // every feature's bins sum to the node's totals
			G += hs.g[b]
			H += hs.h[b]
		}
		k := len(nodes)
		nodes = append(nodes, node{feature: -1, value: -G / (H + p.Lambda) * p.Rate})
		if depth >= p.Depth || H < 2*p.MinHess {
			return k
		}
		f, b, gain := bestSplit(d, hs, off, G, H, p)
		if f < 0 || gain <= 0 {
			return k
		}
		var left, right []int32
		col := d.bins[f*d.n : (f+1)*d.n]
		for _, i := range idx {
			if int(col[i]) <= b {
				left = append(left, i)
			} else {
				right = append(right, i)
			}
		}
		nodes[k].feature = f
		nodes[k].bin = b
		nodes[k].threshold = d.thr[f][b]
		var hl, hr hist
		if depth+1 < p.Depth {
			small, isLeft := left, true
			if len(right) < len(left) {
				small, isLeft = right, false
			}
			hsm := d.histogram(g, h, small, off)
			big := hist{g: make([]float64, len(hs.g)), h: make([]float64, len(hs.h))}
			for j := range big.g {
				big.g[j] = hs.g[j] - hsm.g[j]
				big.h[j] = hs.h[j] - hsm.h[j]
			}
			hl, hr = hsm, big
			if !isLeft {
				hl, hr = big, hsm
			}
		} else {
			// Children at the maximum depth are leaves: only their totals matter.
			hl, hr = d.totals(g, h, left, off), d.totals(g, h, right, off)
		}
		l := build(left, hl, depth+1)
		r := build(right, hr, depth+1)
		nodes[k].left, nodes[k].right = l, r
		return k
	}
	build(idx, d.histogram(g, h, idx, off), 0)
	return nodes
}

// totals is a histogram holding only the sums, in feature 0's first bin, for
// leaves.
func (d *dataset) totals(g, h []float64, idx []int32, off []int) hist {
	hs := hist{g: make([]float64, off[1]), h: make([]float64, off[1])}
	for _, i := range idx {
		hs.g[0] += g[i]
		hs.h[0] += h[i]
	}
	return hs
}

// bestSplit finds the feature and bin whose split gains the most.
func bestSplit(d *dataset, hs hist, off []int, G, H float64, p params) (int, int, float64) {
	bestF, bestB, bestGain := -1, -1, 0.0
	parent := G * G / (H + p.Lambda)
	for f := 0; f < d.f; f++ {
		nb := off[f+1] - off[f]
		if nb < 2 {
			continue
		}
		hg := hs.g[off[f]:off[f+1]]
		hh := hs.h[off[f]:off[f+1]]
		var gl, hl float64
		for b := 0; b+1 < nb; b++ {
			gl += hg[b]
			hl += hh[b]
			hr := H - hl
			if hl < p.MinHess || hr < p.MinHess {
				continue
			}
			gr := G - gl
			gain := gl*gl/(hl+p.Lambda) + gr*gr/(hr+p.Lambda) - parent
			if gain > bestGain {
				bestF, bestB, bestGain = f, b, gain
			}
		}
	}
	return bestF, bestB, bestGain
}
