package rules

import "math"

// Context features of the second stage: what the first stage said about the line,
// its neighbours and the whole document. A line of running text the first stage
// keeps (probability below bpAnchorProb) is an anchor of the main text.
const (
	bpcProb        = iota // the first stage's probability for the line
	bpcPrev               // ... for the previous non-blank line (-1: none)
	bpcNext               // ... for the next one
	bpcWin2               // mean over the two lines on each side
	bpcWin5               // mean over the five lines on each side
	bpcDocMean            // mean over the document
	bpcDocHigh            // share of the document's lines at 0.9 or more
	bpcLead               // lines before the first anchor
	bpcTrail              // lines after the last anchor
	bpcToFirst            // lines from this one down to the first anchor, when above it
	bpcFromLast           // lines from the last anchor down to this one, when below it
	bpcBetween            // 1 when the line lies between two anchors
	bpcRunHigh            // lines in the run of lines at 0.5 or more holding this one
	bpcAnchors            // share of the document's lines that are anchors
	bpcWin10              // mean probability over the ten lines on each side
	bpcRegionWhere        // -1 before the main text, 0 inside, 1 after, 2 no main text
	bpcRegionDist         // lines between this line and the main text
	bpcRegionLead         // likely boilerplate lines before the main text
	bpcRegionTrail        // likely boilerplate lines after it
	bpcPage               // 1 when the document reads as a whole-page dump
	bpNumContext
)

// bpNumStage2 is the length of a second-stage vector: the line features, then the
// context features.
const bpNumStage2 = bpNumFeatures + bpNumContext

// bpContextNames names the second stage's features.
var bpContextNames = func() []string {
	n := append([]string(nil), bpFeatureNames...)
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

// bpStage2 returns the second-stage vectors of a document's lines, row-major,
// from their first-stage vectors x and probabilities p1.
func bpStage2(x []float32, p1 []float64) []float32 { return new(bpWork).stage2(nil, x, p1) }

// stage2 is bpStage2 with w's buffers for its temporaries; the vectors go into
// out (nil: a new array).
func (w *bpWork) stage2(out, x []float32, p1 []float64) []float32 {
	n := len(p1)
	out = bpGrow(out, n*bpNumStage2)
	clear(out)
	if n == 0 {
		return out
	}
	anchor := func(i int) bool { return x[i*bpNumFeatures+bpfProse] > 0 && p1[i] < bpAnchorProb }
	first, last, anchors := -1, -1, 0
	var sum float64
	high := 0
	w.prefix = bpGrow(w.prefix, n+1)
	prefix := w.prefix
	prefix[0] = 0
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
		prefix[i+1] = prefix[i] + p1[i]
	}
	w.ints = bpGrow(w.ints, n)
	run := w.ints
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
			run[k] = j - i
		}
		i = j
	}
	window := func(i, k int) float32 {
		lo, hi := max(0, i-k), min(n-1, i+k)
		if hi == lo {
			return -1
		}
		return float32((prefix[hi+1] - prefix[lo] - p1[i]) / float64(hi-lo))
	}
	lead, trail := n, n
	if first >= 0 {
		lead, trail = first, n-1-last
	}
	prose := func(i int) bool { return x[i*bpNumFeatures+bpfProse] > 0 }
	words := func(i int) int { return int(x[i*bpNumFeatures+bpfWords]) }
	numeric := func(i int) bool { return x[i*bpNumFeatures+bpfDigitShare] >= bpNumericShare }
	reg := bpMainText(n, prose, words, numeric, p1)
	for i := 0; i < n; i++ {
		row := out[i*bpNumStage2 : (i+1)*bpNumStage2]
		copy(row, x[i*bpNumFeatures:(i+1)*bpNumFeatures])
		c := row[bpNumFeatures:]
		c[bpcProb] = float32(p1[i])
		c[bpcPrev], c[bpcNext] = -1, -1
		if i > 0 {
			c[bpcPrev] = float32(p1[i-1])
		}
		if i+1 < n {
			c[bpcNext] = float32(p1[i+1])
		}
		c[bpcWin2] = window(i, 2)
		c[bpcWin5] = window(i, 5)
		c[bpcDocMean] = float32(sum / float64(n))
		c[bpcDocHigh] = float32(high) / float32(n)
		c[bpcLead] = float32(lead)
		c[bpcTrail] = float32(trail)
		switch {
		case first < 0:
			c[bpcToFirst], c[bpcFromLast] = -1, -1
		case i < first:
			c[bpcToFirst] = float32(first - i)
		case i > last:
			c[bpcFromLast] = float32(i - last)
		case i > first && i < last:
			c[bpcBetween] = 1
		}
		c[bpcRunHigh] = float32(run[i])
		c[bpcAnchors] = float32(anchors) / float32(n)
		c[bpcWin10] = window(i, 10)
		switch {
		case reg.start < 0:
			c[bpcRegionWhere], c[bpcRegionDist] = 2, -1
		case i < reg.start:
			c[bpcRegionWhere], c[bpcRegionDist] = -1, float32(reg.start-i)
		case i > reg.end:
			c[bpcRegionWhere], c[bpcRegionDist] = 1, float32(i-reg.end)
		}
		c[bpcRegionLead] = float32(reg.lead)
		c[bpcRegionTrail] = float32(reg.trail)
		c[bpcPage] = b2f(reg.page)
	}
	return out
}

// bpRegion is the main text of a document and what lies around it.
type bpRegion struct {
	start, end  int // first and last line of the main text; -1 when there is none
	lead, trail int // likely boilerplate lines before and after it
	anchors     int // anchors inside it
	likely      int // likely boilerplate lines in the document
	page        bool
}

// bpMainText finds the main text from the lines' running-text flags, words and
// probabilities, and says whether the document is a whole-page dump (see the
// constants of boilerplate_blocks.go). numeric tells the rows of a table (mostly
// numbers): likely lines before the main text that are mostly such rows are a
// table the article opens with, not a menu.
func bpMainText(n int, prose func(int) bool, words func(int) int, numeric func(int) bool, p []float64) bpRegion {
	anchor := func(i int) bool { return prose(i) && p[i] < bpAnchorProb }
	r := bpRegion{start: -1, end: -1}
	best, cur, cs := 0.0, 0.0, 0
	for i := 0; i < n; i++ {
		var sc float64
		switch {
		case anchor(i):
			sc = float64(min(words(i), bpRegionCap))
		case p[i] >= bpLikelyProb:
			sc = -(bpRegionPenalty + bpRegionPerWord*float64(words(i)))
		default:
			sc = -bpRegionOther
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
		likely := p[i] >= bpLikelyProb
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
		r.page = r.likely >= bpPageNoText
		return r
	}
	// A main text of one anchor is enough under a long menu (link-heavy markdown
	// leaves few lines of plain running text).
	r.page = r.lead >= bpPageLead && r.trail >= bpPageTrail && 2*numLead < r.lead &&
		(r.anchors >= bpPageAnchors || r.lead >= bpPageLongLead) &&
		float64(inWords) >= bpPageTextShare*float64(allWords)
	return r
}

// BoilerplateContextNames returns the names of the second stage's features, in
// vector order: BoilerplateFeatureNames, then the context features.
func BoilerplateContextNames() []string { return append([]string(nil), bpContextNames...) }

// BoilerplateContextFeatures returns the second-stage vectors of a document's
// lines from their first-stage vectors x (as BoilerplateFeatures returns them)
// and the first stage's probabilities p1. The trainer uses it.
func BoilerplateContextFeatures(x []float32, p1 []float64) []float32 { return bpStage2(x, p1) }

// bpPredict runs both stages over a document's line vectors x and returns the
// second-stage vectors and the final probabilities.
func (m *BoilerplateModel) bpPredict(x []float32, n int) ([]float32, []float64) {
	return m.bpPredictFast(nil, x, n)
}

// bpFast holds a model's trees flattened for speed.
type bpFast struct {
	line, ctx         []bpFlatTree
	lineVals, ctxVals []bpFlatVals
}

func bpNewFast(m *BoilerplateModel) *bpFast {
	f := &bpFast{}
	f.line, f.lineVals = bpFlatten(&m.Line)
	f.ctx, f.ctxVals = bpFlatten(&m.Context)
	if f.line == nil || f.ctx == nil {
		return nil
	}
	return f
}

// bpPredictFast is bpPredict walking the flattened trees of f when there are.
// Identical rows of one stage are scored once (a document of separator or other
// repeated short lines would otherwise walk every tree for each of them).
func (m *BoilerplateModel) bpPredictFast(f *bpFast, x []float32, n int) ([]float32, []float64) {
	return m.predict(new(bpWork), bpDocBuf{}, f, x, n)
}

// predict is bpPredictFast with w's buffers for the temporaries; the vectors and
// probabilities go into buf's arrays when it has them.
func (m *BoilerplateModel) predict(w *bpWork, buf bpDocBuf, f *bpFast, x []float32, n int) ([]float32, []float64) {
	p := bpGrow(buf.prob, n)
	var line, ctx []bpFlatTree
	if f != nil {
		line, ctx = f.line, f.ctx
	}
	bpScoreStage(&m.Line, line, x, bpNumFeatures, p, &w.memo)
	x2 := w.stage2(buf.x, x, p)
	bpScoreStage(&m.Context, ctx, x2, bpNumStage2, p, &w.memo)
	return x2, p
}

// bpScoreStage writes the probability of each row of x (rows of width w) to p,
// walking flat when there are flattened trees, and scoring identical rows once.
func bpScoreStage(t *BoilerplateTrees, flat []bpFlatTree, x []float32, w int, p []float64, memo *bpMemo) {
	memo.reset(len(p))
	for i := range p {
		if q, ok := memo.get(x, w, i); ok {
			p[i] = q
			continue
		}
		row := x[i*w : (i+1)*w]
		if flat != nil {
			p[i] = bpProb(bpScoreFlat(t.Bias, flat, row))
		} else {
			p[i] = bpProb(t.score(row))
		}
		memo.put(i, p[i])
	}
}

// bpMemo remembers the probability of each distinct feature row of one stage, in
// an open-addressing table of row indexes. Rows are hashed whole and compared
// whole on a hash match. (Hashing a few telling features only was cheaper per row
// but quadratic on documents of many rows that agree on those features and differ
// elsewhere, such as 500,000 lines of dashes: every lookup walked them all.)
type bpMemo struct {
	slots  []int32 // row index, -1 when empty
	hashes []uint64
	prob   []float64
	hash   uint64
	slot   int // where get found no row: put stores the row there
}

func (m *bpMemo) reset(n int) {
	size := 16
	for size < 2*n {
		size *= 2
	}
	// Only slots are read before they are written: hashes and prob are written
	// by put before a slot points at them.
	m.slots = bpGrow(m.slots, size)
	m.hashes = bpGrow(m.hashes, n)
	m.prob = bpGrow(m.prob, n)
	for i := range m.slots {
		m.slots[i] = -1
	}
}

// get returns the probability of row i of x (rows of width w) when an earlier row
// had the same bits.
func (m *bpMemo) get(x []float32, w, i int) (float64, bool) {
	row := x[i*w : (i+1)*w]
	// Two multiply chains over alternate features halve the latency of one.
	h0, h1 := uint64(14695981039346656037), uint64(1099511628211)
	k := 0
	for ; k+1 < len(row); k += 2 {
		h0 = (h0 ^ uint64(math.Float32bits(row[k]))) * 1099511628211
		h1 = (h1 ^ uint64(math.Float32bits(row[k+1]))) * 14029467366897019727
	}
	if k < len(row) {
		h0 = (h0 ^ uint64(math.Float32bits(row[k]))) * 1099511628211
	}
	h := h0 ^ (h1 >> 7) ^ (h1 << 29)
	h ^= h >> 32
	m.hash = h
	mask := len(m.slots) - 1
	for s := int(h) & mask; ; s = (s + 1) & mask {
		j := m.slots[s]
		if j < 0 {
			m.slot = s
			return 0, false
		}
		if m.hashes[j] != h {
			continue
		}
		prev := x[int(j)*w : (int(j)+1)*w]
		same := true
		for k, v := range row {
			if math.Float32bits(v) != math.Float32bits(prev[k]) {
				same = false
				break
			}
		}
		if same {
			return m.prob[j], true
		}
	}
}

// put records the probability of row i, the row get last found no match for.
func (m *bpMemo) put(i int, p float64) {
	m.prob[i] = p
	m.hashes[i] = m.hash
	m.slots[m.slot] = int32(i)
}

// Predict returns the model's final probability for each line whose first-stage
// vectors are x (as BoilerplateFeatures returns them). The trainer uses it.
func (m *BoilerplateModel) Predict(x []float32) []float64 {
	_, p := m.bpPredict(x, len(x)/bpNumFeatures)
	return p
}
