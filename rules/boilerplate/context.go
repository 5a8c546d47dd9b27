package boilerplate

import (
	"math"

	"github.com/corpuslint/corpuslint/rules/boilerplate/model"
)

// Context features of the second stage: what the first stage said about the line,
// its neighbours and the whole document. A line of running text the first stage
// keeps (probability below anchorProb) is an anchor of the main text.
const (
	ctxProb        = iota // the first stage's probability for the line
	ctxPrev               // ... for the previous non-blank line (-1: none)
	ctxNext               // ... for the next one
	ctxWin2               // mean over the two lines on each side
	ctxWin5               // mean over the five lines on each side
	ctxDocMean            // mean over the document
	ctxDocHigh            // share of the document's lines at 0.9 or more
	ctxLead               // lines before the first anchor
	ctxTrail              // lines after the last anchor
	ctxToFirst            // lines from this one down to the first anchor, when above it
	ctxFromLast           // lines from the last anchor down to this one, when below it
	ctxBetween            // 1 when the line lies between two anchors
	ctxRunHigh            // lines in the run of lines at 0.5 or more holding this one
	ctxAnchors            // share of the document's lines that are anchors
	ctxWin10              // mean probability over the ten lines on each side
	ctxRegionWhere        // -1 before the main text, 0 inside, 1 after, 2 no main text
	ctxRegionDist         // lines between this line and the main text
	ctxRegionLead         // likely boilerplate lines before the main text
	ctxRegionTrail        // likely boilerplate lines after it
	ctxPage               // 1 when the document reads as a whole-page dump
	numContext
)

// numStage2 is the length of a second-stage vector: the line features, then the
// context features.
const numStage2 = numFeatures + numContext

// contextNames names the second stage's features.
var contextNames = func() []string {
	n := append([]string(nil), featureNames...)
	return append(n,
		"first-stage probability", "previous line's probability", "next line's probability",
		"probability within 2 lines", "probability within 5 lines", "document probability",
		"document share of confident lines", "lines before the main text", "lines after the main text",
		"lines down to the main text", "lines below the main text's end", "between main-text lines",
		"run of likely lines", "document share of main-text lines", "probability within 10 lines",
		"place from the main text", "distance from the main text", "likely lines before the main text",
		"likely lines after the main text", "whole-page dump",
	)
}()

// stage2 returns the second-stage vectors of a document's lines, row-major,
// from their first-stage vectors x and probabilities p1.
func stage2(x []float32, p1 []float64) []float32 {
	n := len(p1)
	out := make([]float32, n*numStage2)
	x1 := func(i int) []float32 { return x[i*numFeatures : (i+1)*numFeatures] }
	c := new(work).stageContext(n, func(i int) bool { return x1(i)[featProse] > 0 },
		func(i int) int { return int(x1(i)[featWords]) },
		func(i int) bool { return x1(i)[featDigitShare] >= numericShare }, p1)
	for i := 0; i < n; i++ {
		row := out[i*numStage2 : (i+1)*numStage2]
		copy(row, x1(i))
		c.row(i, row[numFeatures:])
	}
	return out
}

// stageCtx is what the context features of a line need: the first stage's
// probabilities, their prefix sums and runs, the anchors and the main text.
// Rows are computed one at a time from it (row).
type stageCtx struct {
	p1                   []float64
	prefix               []float64
	run                  []int32
	first, last, anchors int
	high, lead, trail    int
	sum                  float64
	reg                  region
}

// stageContext computes the context of the second stage for n lines whose
// first-stage probabilities are p1, with w's buffers, which it uses until w's
// next stageContext. prose, words and numeric give three first-stage features
// of line i: running text (featProse > 0), int(featWords), and
// featDigitShare >= numericShare.
func (w *work) stageContext(n int, prose func(int) bool, words func(int) int, numeric func(int) bool, p1 []float64) *stageCtx {
	c := &w.sctx
	*c = stageCtx{p1: p1}
	if n == 0 {
		return c
	}
	anchor := func(i int) bool { return prose(i) && p1[i] < anchorProb }
	first, last, anchors := -1, -1, 0
	var sum float64
	high := 0
	for i := 0; i < n; i++ {
		if anchor(i) {
			if first < 0 {
				first = i
			}
			last = i
			anchors++
		}
		sum += p1[i]
		if p1[i] >= 0.9 {
			high++
		}
	}
	w.stageArrays(c)
	lead, trail := n, n
	if first >= 0 {
		lead, trail = first, n-1-last
	}
	*c = stageCtx{
		p1: p1, prefix: c.prefix, run: c.run, first: first, last: last, anchors: anchors,
		high: high, lead: lead, trail: trail, sum: sum,
		reg: mainText(n, prose, words, numeric, p1),
	}
	return c
}

// stageArrays computes the per-line arrays of c from its probabilities, with
// w's buffers: their prefix sums and the runs of lines at 0.5 or more. A
// large document's are dropped once its lines are scored (shed) and computed
// again for its first explanation (doc.fillRow).
func (w *work) stageArrays(c *stageCtx) {
	p1 := c.p1
	n := len(p1)
	w.prefix = grow(w.prefix, n+1)
	prefix := w.prefix
	prefix[0] = 0
	for i := 0; i < n; i++ {
		prefix[i+1] = prefix[i] + p1[i]
	}
	w.run2 = grow(w.run2, n)
	run := w.run2
	for i := 0; i < n; {
		if p1[i] < 0.5 {
			run[i] = 0
			i++
			continue
		}
		j := i
		for j < n && p1[j] >= 0.5 {
			j++
		}
		for k := i; k < j; k++ {
			run[k] = int32(j - i)
		}
		i = j
	}
	c.prefix, c.run = prefix, run
}

// window is the mean first-stage probability of the k lines on each side of
// line i, the line itself left out (-1: none).
func (c *stageCtx) window(i, k int) float32 {
	n := len(c.p1)
	lo, hi := max(0, i-k), min(n-1, i+k)
	if hi == lo {
		return -1
	}
	return float32((c.prefix[hi+1] - c.prefix[lo] - c.p1[i]) / float64(hi-lo))
}

// row writes the context features of line i to out (of numContext values).
func (c *stageCtx) row(i int, out []float32) {
	clear(out)
	p1, n := c.p1, len(c.p1)
	first, last, reg := c.first, c.last, &c.reg
	out[ctxProb] = float32(p1[i])
	out[ctxPrev], out[ctxNext] = -1, -1
	if i > 0 {
		out[ctxPrev] = float32(p1[i-1])
	}
	if i+1 < n {
		out[ctxNext] = float32(p1[i+1])
	}
	out[ctxWin2] = c.window(i, 2)
	out[ctxWin5] = c.window(i, 5)
	out[ctxDocMean] = float32(c.sum / float64(n))
	out[ctxDocHigh] = float32(c.high) / float32(n)
	out[ctxLead] = float32(c.lead)
	out[ctxTrail] = float32(c.trail)
	switch {
	case first < 0:
		out[ctxToFirst], out[ctxFromLast] = -1, -1
	case i < first:
		out[ctxToFirst] = float32(first - i)
	case i > last:
		out[ctxFromLast] = float32(i - last)
	case i > first && i < last:
		out[ctxBetween] = 1
	}
	out[ctxRunHigh] = float32(c.run[i])
	out[ctxAnchors] = float32(c.anchors) / float32(n)
	out[ctxWin10] = c.window(i, 10)
	switch {
	case reg.start < 0:
		out[ctxRegionWhere], out[ctxRegionDist] = 2, -1
	case i < reg.start:
		out[ctxRegionWhere], out[ctxRegionDist] = -1, float32(reg.start-i)
	case i > reg.end:
		out[ctxRegionWhere], out[ctxRegionDist] = 1, float32(i-reg.end)
	}
	out[ctxRegionLead] = float32(reg.lead)
	out[ctxRegionTrail] = float32(reg.trail)
	out[ctxPage] = b2f(reg.page)
}

// region is the main text of a document and what lies around it.
type region struct {
	start, end  int // first and last line of the main text; -1 when there is none
	lead, trail int // likely boilerplate lines before and after it
	anchors     int // anchors inside it
	likely      int // likely boilerplate lines in the document
	page        bool
}

// mainText finds the main text from the lines' running-text flags, words and
// probabilities, and says whether the document is a whole-page dump (see the
// constants of boilerplate_blocks.go). numeric tells the rows of a table (mostly
// numbers): likely lines before the main text that are mostly such rows are a
// table the article opens with, not a menu.
func mainText(n int, prose func(int) bool, words func(int) int, numeric func(int) bool, p []float64) region {
	anchor := func(i int) bool { return prose(i) && p[i] < anchorProb }
	r := region{start: -1, end: -1}
	best, cur, cs := 0.0, 0.0, 0
	for i := 0; i < n; i++ {
		var sc float64
		switch {
		case anchor(i):
			sc = float64(min(words(i), regionCap))
		case p[i] >= likelyProb:
			sc = -(regionPenalty + regionPerWord*float64(words(i)))
		default:
			sc = -regionOther
		}
		if cur <= 0 {
			cur, cs = 0, i
		}
		cur += sc
		if cur > best {
			best, r.start, r.end = cur, cs, i
		}
	}
	inWords, allWords, numLead := 0, 0, 0
	for i := 0; i < n; i++ {
		likely := p[i] >= likelyProb
		if likely {
			r.likely++
		}
		if anchor(i) {
			allWords += words(i)
			if i >= r.start && i <= r.end {
				inWords += words(i)
			}
		}
		switch {
		case r.start < 0:
		case likely && i < r.start:
			r.lead++
			if numeric(i) {
				numLead++
			}
		case likely && i > r.end:
			r.trail++
		case i >= r.start && i <= r.end && anchor(i):
			r.anchors++
		}
	}
	if r.start < 0 {
		r.page = r.likely >= pageNoText
		return r
	}
	// A main text of one anchor is enough under a long menu (link-heavy markdown
	// leaves few lines of plain running text).
	r.page = r.lead >= pageLead && r.trail >= pageTrail && 2*numLead < r.lead &&
		(r.anchors >= pageAnchors || r.lead >= pageLongLead) &&
		float64(inWords) >= pageTextShare*float64(allWords)
	return r
}

// ContextNames returns the names of the second stage's features, in
// vector order: FeatureNames, then the context features.
func ContextNames() []string { return append([]string(nil), contextNames...) }

// ContextFeatures returns the second-stage vectors of a document's
// lines from their first-stage vectors x (as Features returns them)
// and the first stage's probabilities p1. The trainer uses it.
func ContextFeatures(x []float32, p1 []float64) []float32 { return stage2(x, p1) }

// predict runs both stages over a document's line vectors x and returns the
// second-stage vectors and the final probabilities.
func predict(m *model.Model, x []float32, n int) ([]float32, []float64) {
	return predictFast(m, nil, x, n)
}

// fast holds a model's trees flattened for speed.
type fast struct {
	line, ctx         []model.FlatTree
	lineVals, ctxVals []model.FlatVals
}

func newFast(m *model.Model) *fast {
	f := &fast{}
	f.line, f.lineVals = model.Flatten(&m.Line)
	f.ctx, f.ctxVals = model.Flatten(&m.Context)
	if f.line == nil || f.ctx == nil {
		return nil
	}
	return f
}

// predictFast is predict walking the flattened trees of f when there are.
func predictFast(m *model.Model, f *fast, x []float32, n int) ([]float32, []float64) {
	w := new(work)
	p := runModel(m, w, nil, f, n, func(i int, row []float32) {
		copy(row, x[i*numFeatures:(i+1)*numFeatures])
	})
	x2 := make([]float32, n*numStage2)
	for i := 0; i < n; i++ {
		row := x2[i*numStage2 : (i+1)*numStage2]
		copy(row, x[i*numFeatures:(i+1)*numFeatures])
		w.sctx.row(i, row[numFeatures:])
	}
	return x2, p
}

// keyWidth is the width of a second-stage key: a line's second-stage vector is
// its first-stage vector, which the index of that vector among the distinct ones
// stands for (its bits in key[0]), then the context features (key[1:]).
const keyWidth = 1 + numContext

// lineFact is what the second stage's context reads of a line's first-stage
// vector (see stageContext), kept so that the vector itself need not be.
type lineFact struct {
	words   int32 // int(featWords)
	prose   bool  // featProse > 0
	numeric bool  // featDigitShare >= numericShare
}

// runModel runs both stages over n lines whose first-stage vectors line writes
// (a row of numFeatures values, all zeros, for line i) with w's buffers for
// the temporaries, walking the flattened trees of f when there are. It returns
// the final probabilities, in prob's array when it is large enough. After it,
// w.sctx is the second stage's context: line's row i followed by w.sctx.row(i)
// is line i's second-stage vector.
//
// Identical rows of one stage are scored once (a document of separator or other
// repeated short lines would otherwise walk every tree for each of them). No
// vector is kept: a distinct row is known by its hash and the first line that
// had it, whose row is computed again to compare bits when a hash matches. A
// document's vectors took over 300 bytes a line, several times its text.
func runModel(m *model.Model, w *work, prob []float64, f *fast, n int, line func(i int, row []float32)) []float64 {
	var lineFlat, ctxFlat []model.FlatTree
	if f != nil {
		lineFlat, ctxFlat = f.line, f.ctx
	}
	w.p1 = grow(w.p1, n)
	w.ids1 = grow(w.ids1, n)
	w.facts = grow(w.facts, n)
	p1, ids1, facts := w.p1, w.ids1, w.facts
	w.memo.reset(n, numFeatures)
	scoreRows(n, func(i int, row []float32) {
		line(i, row)
		facts[i] = lineFact{words: int32(row[featWords]), prose: row[featProse] > 0, numeric: row[featDigitShare] >= numericShare}
	}, &w.memo, p1, ids1, func(_ int, row []float32) float64 { return score(&m.Line, lineFlat, row) })
	c := w.stageContext(n, func(i int) bool { return facts[i].prose }, func(i int) int { return int(facts[i].words) },
		func(i int) bool { return facts[i].numeric }, p1)
	p := grow(prob, n)
	w.ids2 = grow(w.ids2, n)
	w.memo.reset(n, keyWidth)
	w.row2 = grow(w.row2, numStage2)
	full := w.row2
	scoreRows(n, func(i int, key []float32) {
		key[0] = math.Float32frombits(uint32(ids1[i]))
		c.row(i, key[1:])
	}, &w.memo, p, w.ids2, func(i int, key []float32) float64 {
		// A new key is scored with the first-stage row of its line, the one
		// key[0] stands for.
		line(i, full[:numFeatures])
		copy(full[numFeatures:], key[1:])
		return score(&m.Context, ctxFlat, full)
	})
	return p
}

// score is the probability the trees t give row, walking flat when there are
// flattened trees.
func score(t *model.Trees, flat []model.FlatTree, row []float32) float64 {
	if flat != nil {
		return model.Prob(model.ScoreFlat(t.Bias, flat, row))
	}
	return model.Prob(t.LogOdds(row))
}

// scoreRows writes the probability of each of n rows of width memo.w to p
// and the index of the row among memo's distinct rows to ids. fill writes row i
// (its contents are unspecified before), and is called again for an earlier
// line to compare its row; score gives the probability of row i when no earlier
// one had its bits.
func scoreRows(n int, fill func(i int, row []float32), memo *memo, p []float64, ids []int32, score func(i int, row []float32) float64) {
	w := memo.w
	for i := 0; i < n; i++ {
		// recent holds the rows of lines i-2, i-1 and i, by i mod 3.
		row := memo.recent[(i%3)*w : (i%3+1)*w]
		fill(i, row)
		// A document of repeated lines repeats its rows within a line or two:
		// comparing with those spares the hash.
		if i >= 2 && sameBits(row, memo.recent[((i-2)%3)*w:((i-2)%3+1)*w]) {
			p[i], ids[i] = p[i-2], ids[i-2]
			continue
		}
		if i >= 1 && sameBits(row, memo.recent[((i-1)%3)*w:((i-1)%3+1)*w]) {
			p[i], ids[i] = p[i-1], ids[i-1]
			continue
		}
		k, seen := memo.add(row, i, fill)
		if !seen {
			memo.prob[k] = score(i, row)
		}
		p[i] = memo.prob[k]
		ids[i] = k
	}
}

// memo keeps the distinct feature rows of one stage with their probabilities,
// found through an open-addressing table of row indexes. Rows are hashed whole
// and compared whole on a hash match. (Hashing a few telling features only was
// cheaper per row but quadratic on documents of many rows that agree on those
// features and differ elsewhere, such as 500,000 lines of dashes: every lookup
// walked them all.) A distinct row is not kept: the first line that had it is,
// and its row is computed again for the comparison.
type memo struct {
	w      int
	slots  []int32   // distinct row index + 1, 0 when empty
	first  []int32   // per distinct row: the first line that had it
	hashes []uint64  // per distinct row
	prob   []float64 // per distinct row
	recent []float32 // the rows of the last three lines (see scoreRows)
	cand   []float32 // a row computed again, for a comparison
}

// reset empties the memo for up to n rows of width w.
func (m *memo) reset(n, w int) {
	size := 16
	for size < 2*n {
		size *= 2
	}
	m.w = w
	if cap(m.slots) < size {
		m.slots = make([]int32, size) // all empty already
	} else {
		m.slots = m.slots[:size]
		clear(m.slots)
	}
	m.first = m.first[:0]
	m.hashes = m.hashes[:0]
	m.prob = m.prob[:0]
	m.recent = grow(m.recent, 3*w)
	m.cand = grow(m.cand, w)
}

// add returns the index of row, line i's, among the distinct rows and whether
// an earlier line had the same bits (fill computes an earlier line's row
// again); a new row is kept by its hash and line, its probability to be set by
// the caller.
func (m *memo) add(row []float32, i int, fill func(i int, row []float32)) (int32, bool) {
	h := rowHash(row)
	mask := len(m.slots) - 1
	for s := int(h) & mask; ; s = (s + 1) & mask {
		j := m.slots[s] - 1
		if j < 0 {
			j = int32(len(m.hashes))
			m.slots[s] = j + 1
			m.hashes = append(m.hashes, h)
			m.first = append(m.first, int32(i))
			m.prob = append(m.prob, 0)
			return j, false
		}
		if m.hashes[j] == h {
			fill(int(m.first[j]), m.cand)
			if sameBits(row, m.cand) {
				return j, true
			}
		}
	}
}

// rowHash hashes the bits of a row. Four multiply chains over interleaved
// features quarter the latency of one.
func rowHash(row []float32) uint64 {
	const p0, p1 = 1099511628211, 14029467366897019727
	h0, h1, h2, h3 := uint64(14695981039346656037), uint64(1099511628211), uint64(0x9e3779b97f4a7c15), uint64(0xc2b2ae3d27d4eb4f)
	k := 0
	for ; k+4 <= len(row); k += 4 {
		r := row[k : k+4 : k+4]
		h0 = (h0 ^ uint64(math.Float32bits(r[0]))) * p0
		h1 = (h1 ^ uint64(math.Float32bits(r[1]))) * p1
		h2 = (h2 ^ uint64(math.Float32bits(r[2]))) * p0
		h3 = (h3 ^ uint64(math.Float32bits(r[3]))) * p1
	}
	for ; k < len(row); k++ {
		h0 = (h0 ^ uint64(math.Float32bits(row[k]))) * p0
	}
	h := h0 ^ (h1 >> 7) ^ (h1 << 29) ^ (h2 >> 13) ^ (h2 << 41) ^ (h3 >> 23) ^ (h3 << 17)
	return h ^ h>>32
}

// sameBits reports whether rows a and b (of one length) hold the same bits,
// four values at a time.
func sameBits(a, b []float32) bool {
	b = b[:len(a)]
	k := 0
	for ; k+4 <= len(a); k += 4 {
		x, y := a[k:k+4:k+4], b[k:k+4:k+4]
		if (math.Float32bits(x[0])^math.Float32bits(y[0]))|(math.Float32bits(x[1])^math.Float32bits(y[1]))|
			(math.Float32bits(x[2])^math.Float32bits(y[2]))|(math.Float32bits(x[3])^math.Float32bits(y[3])) != 0 {
			return false
		}
	}
	for ; k < len(a); k++ {
		if math.Float32bits(a[k]) != math.Float32bits(b[k]) {
			return false
		}
	}
	return true
}

// Predict returns model m's final probability for each line whose
// first-stage vectors are x (as Features returns them). The trainer
// uses it.
func Predict(m *model.Model, x []float32) []float64 {
	return runModel(m, new(work), nil, nil, len(x)/numFeatures, func(i int, row []float32) {
		copy(row, x[i*numFeatures:(i+1)*numFeatures])
	})
}
