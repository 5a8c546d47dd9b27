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
	bpfWords = iota
	bpfLetters
	bpfStopShare
	bpfTitleShare
	bpfCapsShare
	bpfDigitShare
	bpfDateShare
	bpfNonLatin
	bpfWordLen
	bpfLinkShare
	bpfAnchorShare
	bpfCodeShare
	bpfSeparators
	bpfSentences
	bpfQuotes
	bpfEnd
	bpfFirstLower
	bpfList
	bpfHeading
	bpfImage
	bpfRefLink
	bpfByline
	bpfPhraseShare
	bpfClass0 // one feature per phrase class: 0 none, 1 inside the line, 2 at its start
)

const (
	bpfDups  = bpfClass0 + bpNumClasses
	bpfProse = bpfDups + 1
)

// Context features follow the line's own.
const (
	bpfProseBefore = bpfProse + 1 + iota
	bpfProseAfter
	bpfWin1
	bpfWin3
	bpfWin10
	bpfPrevWords
	bpfNextWords
	bpfPrevEnd
	bpfNextEnd
	bpfRun
	bpfInRegion
	bpfAbove
	bpfBelow
	bpfDocLines
	bpfDocProse
	bpfDocLinks
	bpfDocWords
	bpfRegionShare
	bpfSimilarity
	bpfPrevClass
	bpfNextClass
	bpfNearClass
	bpfNumbered
	bpfSameShape
	bpfRegionStart
	bpfRegionAfter
	bpfParaLines
	bpfParaWords
	bpfParaProse
	bpfCoreWhere // -1 above the core of the main text, 0 inside, 1 below, 2 no core
	bpfCoreDist  // lines between the line and the core
	bpfCoreSim   // share of the line's content words the core uses
	bpfCoreShare // share of the document's words in the core
	bpNumFeatures
)

// bpFeatureNames are the features' names, for the trainer and for findings.
var bpFeatureNames = func() []string {
	n := make([]string, bpNumFeatures)
	fixed := map[int]string{
		bpfWords: "words", bpfLetters: "letters", bpfStopShare: "stop-word share",
		bpfTitleShare: "Title Case share", bpfCapsShare: "upper-case share", bpfDigitShare: "number share",
		bpfDateShare: "date words", bpfNonLatin: "non-Latin letters", bpfWordLen: "word length",
		bpfLinkShare: "link share", bpfAnchorShare: "link-text share", bpfCodeShare: "markup characters",
		bpfSeparators: "separators", bpfSentences: "sentences", bpfQuotes: "quotation marks",
		bpfEnd: "line end", bpfFirstLower: "lower-case start", bpfList: "list marker",
		bpfHeading: "markdown heading", bpfImage: "markdown image", bpfRefLink: "reference link",
		bpfByline: "byline", bpfPhraseShare: "known-phrase share", bpfDups: "repeated in the document",
		bpfProse: "running text", bpfProseBefore: "share of the text before", bpfProseAfter: "share of the text after",
		bpfWin1: "next to text", bpfWin3: "text within 3 lines", bpfWin10: "text within 10 lines",
		bpfPrevWords: "previous line words", bpfNextWords: "next line words", bpfPrevEnd: "previous line end",
		bpfNextEnd: "next line end", bpfRun: "run of short lines", bpfInRegion: "inside the main text",
		bpfAbove: "lines above the main text", bpfBelow: "lines below the main text",
		bpfDocLines: "document lines", bpfDocProse: "document text share", bpfDocLinks: "document link share",
		bpfDocWords: "document words per line", bpfRegionShare: "main text share",
		bpfSimilarity: "similarity to the main text", bpfPrevClass: "phrase on the previous line",
		bpfNextClass: "phrase on the next line", bpfNearClass: "phrases nearby",
		bpfNumbered: "numbered item", bpfSameShape: "lines of the same shape nearby",
		bpfRegionStart: "lines before the main text", bpfRegionAfter: "lines after the main text",
		bpfParaLines: "wrapped paragraph lines", bpfParaWords: "wrapped paragraph words",
		bpfParaProse: "wrapped paragraph of text", bpfCoreWhere: "place from the core text",
		bpfCoreDist: "distance from the core text", bpfCoreSim: "similarity to the core text",
		bpfCoreShare: "core text share",
	}
	for i := range n {
		if s, ok := fixed[i]; ok {
			n[i] = s
		} else if i >= bpfClass0 && i < bpfClass0+bpNumClasses {
			n[i] = bpClassNames[i-bpfClass0]
		}
	}
	return n
}()

// Main-text region: the run of lines with the most running text, where a line of
// running text scores its words (capped) and any other line costs a little, the
// maximum-subarray idea of Finn et al.'s Body Text Extraction on lines.
const (
	bpRegionCap      = 100
	bpRegionPenalty  = 2
	bpRegionPerWord  = 0.25
	bpSimMinWordSize = 4
	// The core of the main text is found the same way with a stiffer cost of
	// bpCorePenalty per line that is not running text: a teaser list (a headline,
	// a source line and a blurb, again and again) stays out of it, an article's
	// paragraphs with their subheadings stay in.
	bpCorePenalty = 10
)

// bpFeatures measures every non-blank line and returns the lines with their
// feature vectors, row-major: row k is x[k*bpNumFeatures:(k+1)*bpNumFeatures].
func bpFeatures(a *text.Analysis) ([]bpLine, []float32) {
	w := new(bpWork)
	ls, content := w.scan(a, nil)
	c := w.lineContext(ls, content)
	x := make([]float32, len(ls)*bpNumFeatures)
	for i := range ls {
		c.row(i, x[i*bpNumFeatures:(i+1)*bpNumFeatures])
	}
	return ls, x
}

// bpLineCtx is what the features of a line need beyond the line itself: the
// document's prefix sums and runs, the main text and its core, the similarity
// of each line to them. Rows are computed one at a time from it (row), so that
// a document's vectors need not all be held at once.
type bpLineCtx struct {
	ls           []bpLine
	pl, pw, run  []int // prefix sums of running-text lines and their words; runs of other lines
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
func (w *bpWork) lineContext(ls []bpLine, content []uint64) *bpLineCtx {
	c := &w.lctx
	*c = bpLineCtx{ls: ls}
	n := len(ls)
	if n == 0 {
		return c
	}
	// Prefix sums of running-text lines and of their words, and runs of lines
	// that are not running text.
	w.ints = bpGrow(w.ints, 3*(n+1))
	pl, pw, run := w.ints[:n+1], w.ints[n+1:2*(n+1)], w.ints[2*(n+1):3*(n+1)-1]
	pl[0], pw[0] = 0, 0
	links, words := 0, 0
	for i := range ls {
		pl[i+1] = pl[i]
		pw[i+1] = pw[i]
		if ls[i].prose {
			pl[i+1]++
			pw[i+1] += int(ls[i].words)
		}
		if ls[i].linkBytes > 0 || ls[i].anchorWord > 0 {
			links++
		}
		words += int(ls[i].words)
	}
	// The main-text region by maximum subarray.
	rs, re := bpMaxRun(ls, bpRegionPenalty)
	regionWords := 0
	if rs >= 0 {
		regionWords = pw[re+1] - pw[rs]
	}
	w.simA = bpGrow(w.simA, n)
	sim := bpSimilarity(ls, content, rs, re, w.simA, &w.tab)
	coreStart, coreEnd := bpCore(ls)
	coreWords := 0
	if coreStart >= 0 {
		coreWords = pw[coreEnd+1] - pw[coreStart]
	}
	coreSim := sim
	if coreStart != rs || coreEnd != re {
		w.simB = bpGrow(w.simB, n)
		coreSim = bpSimilarity(ls, content, coreStart, coreEnd, w.simB, &w.tab)
	}
	// A line's shape, to see lists: items of a list look alike.
	w.shape = bpGrow(w.shape, n)
	shape := w.shape
	for i := range ls {
		shape[i] = bpShape(&ls[i])
	}
	for i := 0; i < n; {
		if ls[i].prose {
			run[i] = 0
			i++
			continue
		}
		j := i
		for j < n && !ls[j].prose {
			j++
		}
		for k := i; k < j; k++ {
			run[k] = j - i
		}
		i = j
	}
	*c = bpLineCtx{
		ls: ls, pl: pl, pw: pw, run: run, shape: shape, sim: sim, coreSim: coreSim,
		rs: rs, re: re, cs: coreStart, ce: coreEnd, links: links, words: words,
		regionWords: regionWords, coreWords: coreWords, total: float64(pw[n]),
	}
	return c
}

// window is the share of running-text lines among the k lines on each side of
// line i, the line itself left out.
func (c *bpLineCtx) window(i, k int) float32 {
	n := len(c.ls)
	lo, hi := max(0, i-k), min(n-1, i+k)
	cnt := hi - lo
	if cnt <= 0 {
		return 0
	}
	p := c.pl[hi+1] - c.pl[lo]
	if c.ls[i].prose {
		p--
	}
	return float32(p) / float32(cnt)
}

// row writes the features of line i to f (of bpNumFeatures values).
func (c *bpLineCtx) row(i int, f []float32) {
	clear(f)
	ls, n := c.ls, len(c.ls)
	pw, rs, re := c.pw, c.rs, c.re
	bl := &ls[i]
	w := float32(max(bl.words, 1))
	size := float32(max(bl.end-bl.start, 1))
	f[bpfWords] = float32(bl.words)
	f[bpfLetters] = float32(bl.letters)
	f[bpfStopShare] = float32(bl.stop) / w
	f[bpfTitleShare] = float32(bl.title) / float32(max(bl.words-1, 1))
	f[bpfCapsShare] = float32(bl.caps) / w
	f[bpfDigitShare] = float32(bl.digits) / w
	f[bpfDateShare] = float32(bl.dateWords+bl.digits) / w
	f[bpfNonLatin] = float32(bl.nonLatin) / float32(max(bl.letters, 1))
	f[bpfWordLen] = float32(bl.wordBytes) / w
	f[bpfLinkShare] = float32(bl.linkBytes) / size
	f[bpfAnchorShare] = float32(bl.anchorWord) / w
	f[bpfCodeShare] = float32(bl.code) / size
	f[bpfSeparators] = float32(bl.seps)
	f[bpfSentences] = float32(bl.sentEnds)
	f[bpfQuotes] = float32(bl.quotes)
	f[bpfEnd] = float32(bl.endKind)
	f[bpfFirstLower] = b2f(bl.firstLower)
	f[bpfList] = b2f(bl.list)
	f[bpfHeading] = b2f(bl.heading)
	f[bpfImage] = b2f(bl.image)
	f[bpfRefLink] = b2f(bl.refLink)
	f[bpfByline] = b2f(bl.byline)
	f[bpfPhraseShare] = float32(bl.phraseWords) / w
	for k := 0; k < bpNumClasses; k++ {
		bit := bpClass(1) << k
		switch {
		case bl.startClass&bit != 0:
			f[bpfClass0+k] = 2
		case bl.classes&bit != 0:
			f[bpfClass0+k] = 1
		}
	}
	f[bpfDups] = float32(min(bl.dups, 5))
	f[bpfProse] = b2f(bl.prose)

	if c.total > 0 {
		f[bpfProseBefore] = float32(float64(pw[i]) / c.total)
		f[bpfProseAfter] = float32(float64(pw[n]-pw[i+1]) / c.total)
	}
	f[bpfWin1] = c.window(i, 1)
	f[bpfWin3] = c.window(i, 3)
	f[bpfWin10] = c.window(i, 10)
	f[bpfPrevWords], f[bpfPrevEnd], f[bpfPrevClass] = -1, -1, -1
	f[bpfNextWords], f[bpfNextEnd], f[bpfNextClass] = -1, -1, -1
	if i > 0 {
		p := &ls[i-1]
		f[bpfPrevWords], f[bpfPrevEnd], f[bpfPrevClass] = float32(p.words), float32(p.endKind), b2f(p.classes != 0)
	}
	if i+1 < n {
		q := &ls[i+1]
		f[bpfNextWords], f[bpfNextEnd], f[bpfNextClass] = float32(q.words), float32(q.endKind), b2f(q.classes != 0)
	}
	near := 0
	for k := max(0, i-3); k <= min(n-1, i+3); k++ {
		if k != i && ls[k].classes != 0 {
			near++
		}
	}
	f[bpfNearClass] = float32(near)
	f[bpfNumbered] = b2f(bl.numbered)
	f[bpfParaLines] = float32(bl.paraLines)
	f[bpfParaWords] = float32(bl.paraWords)
	f[bpfParaProse] = b2f(bl.paraProse)
	same := 0
	shape := c.shape
	for k := max(0, i-3); k <= min(n-1, i+3); k++ {
		if k != i && shape[k] == shape[i] {
			same++
		}
	}
	f[bpfSameShape] = float32(same)
	if rs >= 0 {
		f[bpfRegionStart] = float32(rs)
		f[bpfRegionAfter] = float32(n - 1 - re)
	} else {
		f[bpfRegionStart], f[bpfRegionAfter] = float32(n), float32(n)
	}
	f[bpfRun] = float32(c.run[i])
	switch {
	case rs < 0:
		f[bpfAbove], f[bpfBelow] = -1, -1
	case i < rs:
		f[bpfAbove] = float32(rs - i)
	case i > re:
		f[bpfBelow] = float32(i - re)
	default:
		f[bpfInRegion] = 1
	}
	f[bpfDocLines] = float32(n)
	f[bpfDocProse] = float32(c.pl[n]) / float32(n)
	f[bpfDocLinks] = float32(c.links) / float32(n)
	f[bpfDocWords] = float32(c.words) / float32(n)
	if c.words > 0 {
		f[bpfRegionShare] = float32(c.regionWords) / float32(c.words)
	}
	f[bpfSimilarity] = c.sim[i]
	switch {
	case c.cs < 0:
		f[bpfCoreWhere], f[bpfCoreDist] = 2, -1
	case i < c.cs:
		f[bpfCoreWhere], f[bpfCoreDist] = -1, float32(c.cs-i)
	case i > c.ce:
		f[bpfCoreWhere], f[bpfCoreDist] = 1, float32(i-c.ce)
	}
	f[bpfCoreSim] = c.coreSim[i]
	if c.words > 0 {
		f[bpfCoreShare] = float32(c.coreWords) / float32(c.words)
	}
}

// bpCore returns the first and last line of the core of the main text (-1, -1
// when there is none): the run of lines with the most running text, as the
// main-text region is found, but with a cost of bpCorePenalty for every line that
// is not running text.
func bpCore(ls []bpLine) (int, int) { return bpMaxRun(ls, bpCorePenalty) }

// bpMaxRun returns the first and last line of the run with the most running text
// (-1, -1 when there is none), by maximum subarray: a line of running text scores
// its words (at most bpRegionCap), any other line costs penalty plus
// bpRegionPerWord a word (Finn et al.'s body text extraction, on lines).
func bpMaxRun(ls []bpLine, penalty float64) (int, int) {
	first, last := -1, -1
	best, cur, start := 0.0, 0.0, 0
	for i := range ls {
		var s float64
		if ls[i].prose {
			s = float64(min(ls[i].words, bpRegionCap))
		} else {
			s = -(penalty + bpRegionPerWord*float64(ls[i].words))
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

// bpShape sums up how a line looks: its marker, how it ends, what it starts with
// and its length class.
func bpShape(bl *bpLine) uint16 {
	var s uint16
	if bl.list {
		s |= 1
	}
	if bl.numbered {
		s |= 2
	}
	s |= uint16(bl.endKind) << 2
	if bl.firstLower {
		s |= 16
	}
	if bl.words > 0 && bl.digits > 0 && bl.startDigit {
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

// bpSimilarity returns, for each line, the share of its content words (four
// bytes or more, no stop words) that occur in the running-text lines of the main
// region, the line itself left out (-1 for a line without content words).
// Related-link lists and widgets share little with the article; its own
// subheadings share much. Words are hashed, not kept.
//
// sim (of len(ls)) receives the shares and is returned; vocab is a table to use.
func bpSimilarity(ls []bpLine, content []uint64, rs, re int, sim []float32, vocab *bpHashTable) []float32 {
	if rs < 0 {
		clear(sim)
		return sim
	}
	vocab.reset(int(ls[re].wTo - ls[rs].wFrom))
	for i := rs; i <= re; i++ {
		if !ls[i].prose {
			continue
		}
		for _, h := range content[ls[i].wFrom:ls[i].wTo] {
			e := vocab.slot(h)
			if e.count == 0 || e.last != int32(i) {
				e.key = h
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
		own := i >= rs && i <= re && ls[i].prose
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

func bpHashBytes(b []byte) uint64 {
	h := uint64(bpFNVOffset)
	for _, c := range b {
		h = (h ^ uint64(c)) * bpFNVPrime
	}
	return h
}

// BoilerplateFeatureNames returns the names of the features the boilerplate
// model reads, in vector order. The trainer (internal/boilertrain) uses it.
func FeatureNames() []string { return append([]string(nil), bpFeatureNames...) }

// BoilerplateFeatures returns the feature vectors of the non-blank lines of
// text: lines[k] is the index (into Analysis.Lines) of the line whose features are
// x[k*len(names):(k+1)*len(names)]. The trainer uses it; rules compute the same
// vectors internally.
func Features(txt string) (lines []int, x []float32) {
	ls, x := bpFeatures(text.NewAnalysis(txt))
	lines = make([]int, len(ls))
	for i := range ls {
		lines[i] = ls[i].line
	}
	return lines, x
}

// BoilerplateFeatureIndex returns the index of the named feature, or -1.
func FeatureIndex(name string) int {
	for i, n := range bpFeatureNames {
		if n == name {
			return i
		}
	}
	return -1
}

// BoilerplateCheckModel returns an error when model m does not fit the features
// this version computes, or its trees are malformed.
func CheckModel(m *model.Model) error {
	return m.Check(bpFeatureNames, bpContextNames)
}
