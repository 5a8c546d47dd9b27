package boilerplate

import (
	"github.com/corpuslint/corpuslint/rules/boilerplate/model"
	"github.com/corpuslint/corpuslint/rules/text"
)

// The features the boilerplate model reads, one vector per non-blank line. The
// first group describes the line itself, the second its place in the document:
// its neighbours, where the running text lies and how much of it comes before and
// after, and how much the line shares with that text. Nothing here names a site.
const (
	featWords = iota
	featLetters
	featStopShare
	featTitleShare
	featCapsShare
	featDigitShare
	featDateShare
	featNonLatin
	featWordLen
	featLinkShare
	featAnchorShare
	featCodeShare
	featSeparators
	featSentences
	featQuotes
	featEnd
	featFirstLower
	featList
	featHeading
	featImage
	featRefLink
	featByline
	featPhraseShare
	featClass0 // one feature per phrase class: 0 none, 1 inside the line, 2 at its start
)

const (
	featDups  = featClass0 + numClasses
	featProse = featDups + 1
)

// Context features follow the line's own.
const (
	featProseBefore = featProse + 1 + iota
	featProseAfter
	featWin1
	featWin3
	featWin10
	featPrevWords
	featNextWords
	featPrevEnd
	featNextEnd
	featRun
	featInRegion
	featAbove
	featBelow
	featDocLines
	featDocProse
	featDocLinks
	featDocWords
	featRegionShare
	featSimilarity
	featPrevClass
	featNextClass
	featNearClass
	featNumbered
	featSameShape
	featRegionStart
	featRegionAfter
	featParaLines
	featParaWords
	featParaProse
	featCoreWhere // -1 above the core of the main text, 0 inside, 1 below, 2 no core
	featCoreDist  // lines between the line and the core
	featCoreSim   // share of the line's content words the core uses
	featCoreShare // share of the document's words in the core
	numFeatures
)

// featureNames are the features' names, for the trainer and for findings.
var featureNames = func() []string {
	n := make([]string, numFeatures)
	fixed := map[int]string{
		featWords: "words", featLetters: "letters", featStopShare: "stop-word share",
		featTitleShare: "Title Case share", featCapsShare: "upper-case share", featDigitShare: "number share",
		featDateShare: "date words", featNonLatin: "non-Latin letters", featWordLen: "word length",
		featLinkShare: "link share", featAnchorShare: "link-text share", featCodeShare: "markup characters",
		featSeparators: "separators", featSentences: "sentences", featQuotes: "quotation marks",
		featEnd: "line end", featFirstLower: "lower-case start", featList: "list marker",
		featHeading: "markdown heading", featImage: "markdown image", featRefLink: "reference link",
		featByline: "byline", featPhraseShare: "known-phrase share", featDups: "repeated in the document",
		featProse: "running text", featProseBefore: "share of the text before", featProseAfter: "share of the text after",
		featWin1: "next to text", featWin3: "text within 3 lines", featWin10: "text within 10 lines",
		featPrevWords: "previous line words", featNextWords: "next line words", featPrevEnd: "previous line end",
		featNextEnd: "next line end", featRun: "run of short lines", featInRegion: "inside the main text",
		featAbove: "lines above the main text", featBelow: "lines below the main text",
		featDocLines: "document lines", featDocProse: "document text share", featDocLinks: "document link share",
		featDocWords: "document words per line", featRegionShare: "main text share",
		featSimilarity: "similarity to the main text", featPrevClass: "phrase on the previous line",
		featNextClass: "phrase on the next line", featNearClass: "phrases nearby",
		featNumbered: "numbered item", featSameShape: "lines of the same shape nearby",
		featRegionStart: "lines before the main text", featRegionAfter: "lines after the main text",
		featParaLines: "wrapped paragraph lines", featParaWords: "wrapped paragraph words",
		featParaProse: "wrapped paragraph of text", featCoreWhere: "place from the core text",
		featCoreDist: "distance from the core text", featCoreSim: "similarity to the core text",
		featCoreShare: "core text share",
	}
	for i := range n {
		if s, ok := fixed[i]; ok {
			n[i] = s
		} else if i >= featClass0 && i < featClass0+numClasses {
			n[i] = classNames[i-featClass0]
		}
	}
	return n
}()

// Main-text region: the run of lines with the most running text, where a line of
// running text scores its words (capped) and any other line costs a little, the
// maximum-subarray idea of Finn et al.'s Body Text Extraction on lines.
const (
	regionCap      = 100
	regionPenalty  = 2
	regionPerWord  = 0.25
	simMinWordSize = 4
	// The core of the main text is found the same way with a stiffer cost of
	// corePenalty per line that is not running text: a teaser list (a headline,
	// a source line and a blurb, again and again) stays out of it, an article's
	// paragraphs with their subheadings stay in.
	corePenalty = 10
)

// features measures every non-blank line and returns the lines with their
// feature vectors, row-major: row k is x[k*numFeatures:(k+1)*numFeatures].
func features(a *text.Analysis) ([]line, []float32) {
	w := new(work)
	ls, content := w.scan(a, nil)
	c := w.lineContext(ls, content)
	x := make([]float32, len(ls)*numFeatures)
	for i := range ls {
		c.row(i, x[i*numFeatures:(i+1)*numFeatures])
	}
	return ls, x
}

// lineCtx is what the features of a line need beyond the line itself: the
// document's prefix sums and runs, the main text and its core, the similarity
// of each line to them. Rows are computed one at a time from it (row), so that
// a document's vectors need not all be held at once.
type lineCtx struct {
	ls []line
	// Prefix sums of running-text lines and of their words; runs of other
	// lines. Counts of lines are int32, as a document has fewer than 2^31.
	pl, run      []int32
	pw           []int
	shape        []uint16
	sim, coreSim []float32
	rs, re       int // the main-text region
	cs, ce       int // its core
	links, words int
	regionWords  int
	coreWords    int
	total        float64
}

// lineContext computes the context of the lines ls with w's buffers, which it
// uses until w's next lineContext.
func (w *work) lineContext(ls []line, content []uint64) *lineCtx {
	c := &w.lctx
	*c = lineCtx{ls: ls}
	n := len(ls)
	if n == 0 {
		return c
	}
	w.lineArrays(c)
	pw := c.pw
	links, words := 0, 0
	for i := range ls {
		if ls[i].linkBytes > 0 || ls[i].anchorWord > 0 {
			links++
		}
		words += int(ls[i].words)
	}
	// The main-text region by maximum subarray.
	rs, re := maxRun(ls, regionPenalty)
	regionWords := 0
	if rs >= 0 {
		regionWords = pw[re+1] - pw[rs]
	}
	w.simA = grow(w.simA, n)
	sim := similarity(ls, content, rs, re, w.simA, &w.tab)
	coreStart, coreEnd := core(ls)
	coreWords := 0
	if coreStart >= 0 {
		coreWords = pw[coreEnd+1] - pw[coreStart]
	}
	coreSim := sim
	if coreStart != rs || coreEnd != re {
		w.simB = grow(w.simB, n)
		coreSim = similarity(ls, content, coreStart, coreEnd, w.simB, &w.tab)
	}
	c.sim, c.coreSim = sim, coreSim
	c.rs, c.re, c.cs, c.ce = rs, re, coreStart, coreEnd
	c.links, c.words, c.regionWords, c.coreWords, c.total = links, words, regionWords, coreWords, float64(pw[n])
	return c
}

// lineArrays computes the per-line arrays of c from its lines, with w's
// buffers: the prefix sums of running-text lines and of their words, the runs
// of lines that are not running text, the lines' shapes. A large document's
// are dropped once its lines are scored (shed) and computed again for its
// first explanation (doc.fillRow).
func (w *work) lineArrays(c *lineCtx) {
	ls := c.ls
	n := len(ls)
	w.ints = grow(w.ints, n+1)
	w.counts = grow(w.counts, 2*n+1)
	pw := w.ints
	pl, run := w.counts[:n+1], w.counts[n+1:]
	pl[0], pw[0] = 0, 0
	for i := range ls {
		pl[i+1] = pl[i]
		pw[i+1] = pw[i]
		if ls[i].has(lfProse) {
			pl[i+1]++
			pw[i+1] += int(ls[i].words)
		}
	}
	// A line's shape, to see lists: items of a list look alike.
	w.shape = grow(w.shape, n)
	shape := w.shape
	for i := range ls {
		shape[i] = lineShape(&ls[i])
	}
	for i := 0; i < n; {
		if ls[i].has(lfProse) {
			run[i] = 0
			i++
			continue
		}
		j := i
		for j < n && !ls[j].has(lfProse) {
			j++
		}
		for k := i; k < j; k++ {
			run[k] = int32(j - i)
		}
		i = j
	}
	c.pl, c.pw, c.run, c.shape = pl, pw, run, shape
}

// window is the share of running-text lines among the k lines on each side of
// line i, the line itself left out.
func (c *lineCtx) window(i, k int) float32 {
	n := len(c.ls)
	lo, hi := max(0, i-k), min(n-1, i+k)
	cnt := hi - lo
	if cnt <= 0 {
		return 0
	}
	p := c.pl[hi+1] - c.pl[lo]
	if c.ls[i].has(lfProse) {
		p--
	}
	return float32(p) / float32(cnt)
}

// row writes the features of line i to f (of numFeatures values).
func (c *lineCtx) row(i int, f []float32) {
	clear(f)
	ls, n := c.ls, len(c.ls)
	pw, rs, re := c.pw, c.rs, c.re
	bl := &ls[i]
	w := float32(max(bl.words, 1))
	size := float32(max(bl.end-bl.start, 1))
	f[featWords] = float32(bl.words)
	f[featLetters] = float32(bl.letters)
	f[featStopShare] = float32(bl.stop) / w
	f[featTitleShare] = float32(bl.title) / float32(max(bl.words-1, 1))
	f[featCapsShare] = float32(bl.caps) / w
	f[featDigitShare] = float32(bl.digits) / w
	f[featDateShare] = float32(bl.dateWords+bl.digits) / w
	f[featNonLatin] = float32(bl.nonLatin) / float32(max(bl.letters, 1))
	f[featWordLen] = float32(bl.wordBytes) / w
	f[featLinkShare] = float32(bl.linkBytes) / size
	f[featAnchorShare] = float32(bl.anchorWord) / w
	f[featCodeShare] = float32(bl.code) / size
	f[featSeparators] = float32(bl.seps)
	f[featSentences] = float32(bl.sentEnds)
	f[featQuotes] = float32(bl.quotes)
	f[featEnd] = float32(bl.endKind)
	f[featFirstLower] = b2f(bl.has(lfFirstLower))
	f[featList] = b2f(bl.has(lfList))
	f[featHeading] = b2f(bl.has(lfHeading))
	f[featImage] = b2f(bl.has(lfImage))
	f[featRefLink] = b2f(bl.has(lfRefLink))
	f[featByline] = b2f(bl.has(lfByline))
	f[featPhraseShare] = float32(bl.phraseWords) / w
	for k := 0; k < numClasses; k++ {
		bit := class(1) << k
		switch {
		case bl.startClass&bit != 0:
			f[featClass0+k] = 2
		case bl.classes&bit != 0:
			f[featClass0+k] = 1
		}
	}
	f[featDups] = float32(min(bl.dups, 5))
	f[featProse] = b2f(bl.has(lfProse))

	if c.total > 0 {
		f[featProseBefore] = float32(float64(pw[i]) / c.total)
		f[featProseAfter] = float32(float64(pw[n]-pw[i+1]) / c.total)
	}
	f[featWin1] = c.window(i, 1)
	f[featWin3] = c.window(i, 3)
	f[featWin10] = c.window(i, 10)
	f[featPrevWords], f[featPrevEnd], f[featPrevClass] = -1, -1, -1
	f[featNextWords], f[featNextEnd], f[featNextClass] = -1, -1, -1
	if i > 0 {
		p := &ls[i-1]
		f[featPrevWords], f[featPrevEnd], f[featPrevClass] = float32(p.words), float32(p.endKind), b2f(p.classes != 0)
	}
	if i+1 < n {
		q := &ls[i+1]
		f[featNextWords], f[featNextEnd], f[featNextClass] = float32(q.words), float32(q.endKind), b2f(q.classes != 0)
	}
	near := 0
	for k := max(0, i-3); k <= min(n-1, i+3); k++ {
		if k != i && ls[k].classes != 0 {
			near++
		}
	}
	f[featNearClass] = float32(near)
	f[featNumbered] = b2f(bl.has(lfNumbered))
	f[featParaLines] = float32(bl.paraLines)
	f[featParaWords] = float32(bl.paraWords)
	f[featParaProse] = b2f(bl.has(lfParaProse))
	same := 0
	shape := c.shape
	for k := max(0, i-3); k <= min(n-1, i+3); k++ {
		if k != i && shape[k] == shape[i] {
			same++
		}
	}
	f[featSameShape] = float32(same)
	if rs >= 0 {
		f[featRegionStart] = float32(rs)
		f[featRegionAfter] = float32(n - 1 - re)
	} else {
		f[featRegionStart], f[featRegionAfter] = float32(n), float32(n)
	}
	f[featRun] = float32(c.run[i])
	switch {
	case rs < 0:
		f[featAbove], f[featBelow] = -1, -1
	case i < rs:
		f[featAbove] = float32(rs - i)
	case i > re:
		f[featBelow] = float32(i - re)
	default:
		f[featInRegion] = 1
	}
	f[featDocLines] = float32(n)
	f[featDocProse] = float32(c.pl[n]) / float32(n)
	f[featDocLinks] = float32(c.links) / float32(n)
	f[featDocWords] = float32(c.words) / float32(n)
	if c.words > 0 {
		f[featRegionShare] = float32(c.regionWords) / float32(c.words)
	}
	if c.sim != nil {
		f[featSimilarity] = c.sim[i]
	}
	switch {
	case c.cs < 0:
		f[featCoreWhere], f[featCoreDist] = 2, -1
	case i < c.cs:
		f[featCoreWhere], f[featCoreDist] = -1, float32(c.cs-i)
	case i > c.ce:
		f[featCoreWhere], f[featCoreDist] = 1, float32(i-c.ce)
	}
	if c.coreSim != nil {
		f[featCoreSim] = c.coreSim[i]
	}
	if c.words > 0 {
		f[featCoreShare] = float32(c.coreWords) / float32(c.words)
	}
}

// core returns the first and last line of the core of the main text (-1, -1
// when there is none): the run of lines with the most running text, as the
// main-text region is found, but with a cost of corePenalty for every line that
// is not running text.
func core(ls []line) (int, int) { return maxRun(ls, corePenalty) }

// maxRun returns the first and last line of the run with the most running text
// (-1, -1 when there is none), by maximum subarray: a line of running text scores
// its words (at most regionCap), any other line costs penalty plus
// regionPerWord a word (Finn et al.'s body text extraction, on lines).
func maxRun(ls []line, penalty float64) (int, int) {
	first, last := -1, -1
	best, cur, start := 0.0, 0.0, 0
	for i := range ls {
		var s float64
		if ls[i].has(lfProse) {
			s = float64(min(ls[i].words, regionCap))
		} else {
			s = -(penalty + regionPerWord*float64(ls[i].words))
		}
		if cur <= 0 {
			cur, start = 0, i
		}
		cur += s
		if cur > best {
			best, first, last = cur, start, i
		}
	}
	return first, last
}

// lineShape sums up how a line looks: its marker, how it ends, what it starts with
// and its length class.
func lineShape(bl *line) uint16 {
	var s uint16
	if bl.has(lfList) {
		s |= 1
	}
	if bl.has(lfNumbered) {
		s |= 2
	}
	s |= uint16(bl.endKind) << 2
	if bl.has(lfFirstLower) {
		s |= 16
	}
	if bl.words > 0 && bl.digits > 0 && bl.has(lfStartDigit) {
		s |= 32
	}
	w := bl.words
	switch {
	case w <= 2:
	case w <= 5:
		s |= 1 << 6
	case w <= 12:
		s |= 2 << 6
	default:
		s |= 3 << 6
	}
	return s
}

func b2f(b bool) float32 {
	if b {
		return 1
	}
	return 0
}

// similarity returns, for each line, the share of its content words (four
// bytes or more, no stop words) that occur in the running-text lines of the main
// region, the line itself left out (-1 for a line without content words); nil,
// all zeros, when there is no main region.
// Related-link lists and widgets share little with the article; its own
// subheadings share much. Words are hashed, not kept.
//
// sim (of len(ls)) receives the shares and is returned; vocab is a table to use.
func similarity(ls []line, content []uint64, rs, re int, sim []float32, vocab *hashTable) []float32 {
	if rs < 0 {
		return nil
	}
	vocab.reset(int(ls[re].wTo - ls[rs].wFrom))
	for i := rs; i <= re; i++ {
		if !ls[i].has(lfProse) {
			continue
		}
		for _, h := range content[ls[i].wFrom:ls[i].wTo] {
			e := vocab.insert(h)
			if e.count == 0 || e.last != int32(i) {
				e.count++
				e.last = int32(i)
			}
		}
	}
	for i := range ls {
		ws := content[ls[i].wFrom:ls[i].wTo]
		if len(ws) == 0 {
			sim[i] = -1
			continue
		}
		own := i >= rs && i <= re && ls[i].has(lfProse)
		hit := 0
		for _, h := range ws {
			lines := vocab.slot(h).count
			if own {
				lines-- // the line's own occurrence
			}
			if lines > 0 {
				hit++
			}
		}
		sim[i] = float32(hit) / float32(len(ws))
	}
	return sim
}

func hashBytes(b []byte) uint64 {
	h := uint64(fnvOffset)
	for _, c := range b {
		h = (h ^ uint64(c)) * fnvPrime
	}
	return h
}

// FeatureNames returns the names of the features the boilerplate
// model reads, in vector order. The trainer (cmd/boilertrain) uses it.
func FeatureNames() []string { return append([]string(nil), featureNames...) }

// Features returns the feature vectors of the non-blank lines of
// text: lines[k] is the index (into Analysis.Lines) of the line whose features are
// x[k*len(names):(k+1)*len(names)]. The trainer uses it; rules compute the same
// vectors internally.
func Features(txt string) (lines []int, x []float32) {
	ls, x := features(text.NewAnalysis(txt))
	lines = make([]int, len(ls))
	for i := range ls {
		lines[i] = int(ls[i].line)
	}
	return lines, x
}

// FeatureIndex returns the index of the named feature, or -1.
func FeatureIndex(name string) int {
	for i, n := range featureNames {
		if n == name {
			return i
		}
	}
	return -1
}

// CheckModel returns an error when model m does not fit the features
// this version computes, or its trees are malformed.
func CheckModel(m *model.Model) error {
	return m.Check(featureNames, contextNames)
}
