package aggregate

import (
	"fmt"
	"math"
	"strconv"
)

// ScoreStats holds the measured values of one score name: one value per document
// (the one furthest on the flagged side when a document reports several), split by
// the decision at the document's threshold.
type ScoreStats struct {
	Name      string  `json:"name"`
	Op        string  `json:"op"`
	Threshold float64 `json:"threshold"`
	// Mixed is true when documents reported this score with different thresholds or
	// comparisons; since Scores is keyed by ScoreKey it only comes from aggregates
	// written before that, read back with Read.
	Mixed bool     `json:"mixed,omitempty"`
	Rules []string `json:"rules"`
	// Flagged holds the values of documents flagged at their threshold; Passing those
	// of documents measured but not flagged (rules report a score only with a
	// finding, so it stays empty until a rule reports passing measurements).
	Flagged Histogram `json:"flagged"`
	Passing Histogram `json:"passing"`
}

type docScore struct {
	rule      string
	value     float64
	op        string
	threshold float64
}

func (a *Aggregate) addScore(name string, ds docScore) {
	key := ScoreKey(name, ds.op, ds.threshold)
	st := a.Scores[key]
	if st == nil {
		if len(a.Scores) >= maxScoreNames {
			a.DroppedScores++
			return
		}
		st = newScoreStats(name, ds.op, ds.threshold)
		a.Scores[key] = st
	}
	if ds.op != st.Op || ds.threshold != st.Threshold {
		st.Mixed = true
	}
	st.Rules = unionSorted(st.Rules, []string{ds.rule})
	if compare(ds.value, ds.op, ds.threshold) {
		st.Flagged.add(ds.value)
	} else {
		st.Passing.add(ds.value)
	}
}

// ScoreKey is the key of Aggregate.Scores: a score name with its comparison and
// threshold. A rule may measure one score against several thresholds (the
// boilerplate rules do, by regime); each gets its own histograms, so aggregates
// merged in any order (workers, Beam bundles) come out the same.
func ScoreKey(name, op string, threshold float64) string {
	return name + " " + op + " " + strconv.FormatFloat(threshold, 'g', -1, 64)
}

func newScoreStats(name, op string, threshold float64) *ScoreStats {
	lo, hi := scoreRange(threshold)
	return &ScoreStats{
		Name: name, Op: op, Threshold: threshold,
		Flagged: newLinearHistogram(lo, hi, scoreBins, false),
		Passing: newLinearHistogram(lo, hi, scoreBins, false),
	}
}

// scoreRange is the binned range of a score: from 0 to twice the threshold (or
// mirrored for a negative one), so that thresholds 10% and 25% away fall on bin edges.
func scoreRange(t float64) (lo, hi float64) {
	if t == 0 || math.IsNaN(t) || math.IsInf(t, 0) {
		return -1, 1
	}
	return t - math.Abs(t), t + math.Abs(t)
}

// compare reports whether value op threshold holds: whether the document is flagged.
func compare(v float64, op string, t float64) bool {
	switch op {
	case "<":
		return v < t
	case "<=":
		return v <= t
	case ">":
		return v > t
	case ">=":
		return v >= t
	case "==", "=":
		return v == t
	case "!=":
		return v != t
	}
	return true
}

// moreFlagged reports whether v is further on the flagged side of op than w.
func moreFlagged(v, w float64, op string) bool {
	switch op {
	case "<", "<=":
		return v < w
	case ">", ">=":
		return v > w
	}
	return false
}

// All returns the values of flagged and passing documents together.
func (st *ScoreStats) All() Histogram {
	h := newLinearHistogram(st.Flagged.Lo, st.Flagged.Hi, len(st.Flagged.Counts), false)
	h.merge(&st.Flagged)
	h.merge(&st.Passing)
	return h
}

// PassingMeasured reports whether any score was measured on a document it did not
// flag.
func (a *Aggregate) PassingMeasured() bool {
	for _, st := range a.Scores {
		if st.Passing.N > 0 {
			return true
		}
	}
	return false
}

// ThresholdRow says what one alternative threshold of a score would do.
type ThresholdRow struct {
	// Label names the change ("-25%", "current", "+10%").
	Label     string
	Threshold float64
	// Flagged counts measured documents flagged at Threshold; Unflagged those flagged
	// now that would pass, Newly those passing now that would be flagged.
	Flagged   int64
	Unflagged int64
	Newly     int64
}

// ThresholdRows estimates, for thresholds 25% and 10% below and above the current
// one, how many measured documents change decision. Values are binned in steps of 5%
// of the threshold, so the alternatives fall on bin edges and the counts are exact
// except for values lying exactly on an edge. Only measured documents count: a rule
// reports its score with a finding, so passing documents are not measured and a
// stricter threshold shows no new documents.
func (st *ScoreStats) ThresholdRows() []ThresholdRow {
	var rows []ThresholdRow
	for _, step := range []float64{-0.25, -0.10, 0, 0.10, 0.25} {
		t := st.Threshold
		label := "current"
		if step != 0 {
			label = fmt.Sprintf("%+.0f%%", step*100)
			if t == 0 {
				t = step
				label = fmt.Sprintf("%+g", step)
			} else {
				t = st.Threshold * (1 + step)
			}
		}
		stays := st.Flagged.countWhere(func(v float64) bool { return compare(v, st.Op, t) })
		newly := st.Passing.countWhere(func(v float64) bool { return compare(v, st.Op, t) })
		rows = append(rows, ThresholdRow{Label: label, Threshold: t, Flagged: stays + newly,
			Unflagged: st.Flagged.N - stays, Newly: newly})
	}
	return rows
}

// ScoreNames returns the keys of Scores (see ScoreKey) in order.
func (a *Aggregate) ScoreNames() []string { return sortedKeys(a.Scores) }
