package aggregate

import (
	"math"
	"math/bits"
)

// Histogram counts values in fixed bins. A linear histogram has Bins equal bins over
// [Lo, Hi) plus Under and Over; a log2 histogram (document lengths) has bin 0 for 0
// and bin k for [2^(k-1), 2^k), the last bin open-ended.
type Histogram struct {
	Log2 bool    `json:"log2,omitempty"`
	Lo   float64 `json:"lo"`
	Hi   float64 `json:"hi"`
	// Closed puts values equal to Hi in the last bin (shares, where 1 is common).
	Closed bool    `json:"closed,omitempty"`
	Counts []int64 `json:"counts"`
	Under  int64   `json:"under,omitempty"`
	Over   int64   `json:"over,omitempty"`
	N      int64   `json:"n"`
	Sum    float64 `json:"sum"`
	Min    float64 `json:"min"`
	Max    float64 `json:"max"`
}

func newLinearHistogram(lo, hi float64, bins int, closed bool) Histogram {
	return Histogram{Lo: lo, Hi: hi, Closed: closed, Counts: make([]int64, bins)}
}

func newLog2Histogram(bins int) Histogram {
	return Histogram{Log2: true, Counts: make([]int64, bins)}
}

func (h *Histogram) add(v float64) {
	h.addN(v, 1)
}

func (h *Histogram) addN(v float64, n int64) {
	if n == 0 || math.IsNaN(v) {
		return
	}
	if h.N == 0 || v < h.Min {
		h.Min = v
	}
	if h.N == 0 || v > h.Max {
		h.Max = v
	}
	h.N += n
	h.Sum += v * float64(n)
	if h.Log2 {
		b := 0
		if v >= 1 {
			b = bits.Len64(uint64(v))
		}
		h.Counts[min(b, len(h.Counts)-1)] += n
		return
	}
	switch {
	case v < h.Lo:
		h.Under += n
	case v > h.Hi || (v == h.Hi && !h.Closed):
		h.Over += n
	default:
		b := int((v - h.Lo) / (h.Hi - h.Lo) * float64(len(h.Counts)))
		h.Counts[max(0, min(b, len(h.Counts)-1))] += n
	}
}

// merge adds o's counts. Histograms of the same shape add bin by bin; otherwise (a
// score merged from runs with different thresholds) o's bins are re-binned by their
// midpoints, an approximation.
func (h *Histogram) merge(o *Histogram) {
	if o.N == 0 {
		return
	}
	if h.Log2 == o.Log2 && h.Lo == o.Lo && h.Hi == o.Hi && len(h.Counts) == len(o.Counts) {
		if h.N == 0 || o.Min < h.Min {
			h.Min = o.Min
		}
		if h.N == 0 || o.Max > h.Max {
			h.Max = o.Max
		}
		for i, c := range o.Counts {
			h.Counts[i] += c
		}
		h.Under += o.Under
		h.Over += o.Over
		h.N += o.N
		h.Sum += o.Sum
		return
	}
	minV, maxV, sum, n := h.Min, h.Max, h.Sum+o.Sum, h.N+o.N
	if h.N == 0 {
		minV, maxV = o.Min, o.Max
	}
	for i, c := range o.Counts {
		lo, hi := o.BinRange(i)
		h.addN((lo+hi)/2, c)
	}
	h.addN(o.Lo-math.Abs(o.Hi-o.Lo), o.Under)
	h.addN(o.Hi+math.Abs(o.Hi-o.Lo), o.Over)
	h.Min, h.Max, h.Sum, h.N = math.Min(minV, o.Min), math.Max(maxV, o.Max), sum, n
}

// BinRange returns the bounds [lo, hi) of bin i.
func (h *Histogram) BinRange(i int) (lo, hi float64) {
	if h.Log2 {
		if i == 0 {
			return 0, 1
		}
		return math.Ldexp(1, i-1), math.Ldexp(1, i)
	}
	w := (h.Hi - h.Lo) / float64(len(h.Counts))
	return h.Lo + float64(i)*w, h.Lo + float64(i+1)*w
}

// Mean returns the mean of the values, 0 for none.
func (h *Histogram) Mean() float64 {
	if h.N == 0 {
		return 0
	}
	return h.Sum / float64(h.N)
}

// Quantile estimates the q-quantile (0..1) from the bins, interpolating inside the
// bin it falls in (geometrically for log2 bins); exact at the extremes.
func (h *Histogram) Quantile(q float64) float64 {
	if h.N == 0 {
		return 0
	}
	if q <= 0 {
		return h.Min
	}
	if q >= 1 {
		return h.Max
	}
	target := q * float64(h.N)
	acc := float64(h.Under)
	if target <= acc {
		return h.Min
	}
	for i, c := range h.Counts {
		if c == 0 {
			continue
		}
		if acc+float64(c) >= target {
			lo, hi := h.BinRange(i)
			lo, hi = math.Max(lo, h.Min), math.Min(hi, h.Max)
			f := (target - acc) / float64(c)
			if h.Log2 && lo >= 1 {
				return math.Round(lo * math.Pow(hi/lo, f))
			}
			return lo + f*(hi-lo)
		}
		acc += float64(c)
	}
	return h.Max
}

// countWhere counts the values whose bin midpoint satisfies keep; Under and Over
// count at the ends of the range.
func (h *Histogram) countWhere(keep func(v float64) bool) int64 {
	var n int64
	w := (h.Hi - h.Lo) / float64(len(h.Counts))
	if h.Under > 0 && keep(h.Lo-w/2) {
		n += h.Under
	}
	if h.Over > 0 && keep(h.Hi+w/2) {
		n += h.Over
	}
	for i, c := range h.Counts {
		lo, hi := h.BinRange(i)
		if c > 0 && keep((lo+hi)/2) {
			n += c
		}
	}
	return n
}

func (h *Histogram) valid() bool {
	return len(h.Counts) > 0 && (h.Log2 || h.Hi > h.Lo)
}
