package boilerplate

import (
	"fmt"
	"math/bits"
	"slices"
	"strings"

	"github.com/corpuslint/corpuslint/rules"
	"github.com/corpuslint/corpuslint/rules/boilerplate/model"
	"github.com/corpuslint/corpuslint/rules/option"
	"github.com/corpuslint/corpuslint/rules/text"
)

// pos is where a line sits relative to the main text.
type pos uint8

const (
	leading  pos = iota // before the main text
	trailing            // after it
	inner               // inside it
	noText              // the document has no main text
)

// Defaults of the block rules. The model gives every line a probability of being
// boilerplate; a rule flags a line at its position when the probability reaches
// its threshold. Two regimes: in a whole-page dump (page) the menus around the
// text are plentiful and certain, and the threshold is low; in anything else (an
// extractor's article) a wrong call deletes article text, so a line needs known
// boilerplate phrases (evidence) and a high probability, or a very high
// probability, and inside the text it needs phrases. Inner lines of whole pages
// need more than edge lines: a table inside an article looks like a menu.
const (
	leadingProb          = 0.5
	leadingEvidenceProb  = 0.5
	leadingArticleProb   = 0.9
	trailingProb         = 0.5
	trailingEvidenceProb = 0.65
	innerProb            = 0.9
	innerEvidenceProb    = 0.8
	// noTextProb: in a document without main text that is no whole-page dump,
	// only lines with phrases and this probability are flagged.
	noTextProb = 0.95
	// articleLeadMax: before an article's first anchor, lines without phrases
	// are flagged only when there are at most this many lines: a longer run is a
	// table or a list the model did not read as text, not a byline.
	articleLeadMax = 20
	// captionProb: a line ending with a picture credit (caption) needs no
	// more than this probability anywhere.
	captionProb = 0.0
	// off as an article threshold: never flag without phrases.
	off = 1.0
)

// The main text and the regime. A line of running text the model keeps
// (probability below anchorProb) is an anchor. The main text is the run of lines
// with the most anchor words, each anchor scoring its words (capped), each likely
// boilerplate line costing regionPenalty plus regionPerWord per word, any other
// line regionOther (Finn et al.'s Body Text Extraction on lines). A document is
// a whole-page dump when at least pageLead likely boilerplate lines come before
// its main text (most of them not table rows, lines of numericShare numbers) and
// at least one after it, the main text holds pageTextShare of
// the anchors' words and at least two anchors (one under pageLongLead likely
// lines); or when it has no main text and at least pageNoText likely
// boilerplate lines. Elsewhere leading and trailing lines are those before the
// first anchor and after the last, so that a table or a list inside an article
// stays inside it.
const (
	anchorProb    = 0.7
	likelyProb    = 0.5
	regionOther   = 0.5
	pageLead      = 8
	pageTrail     = 1
	pageAnchors   = 2
	pageNoText    = 50
	pageTextShare = 0.6
	pageLongLead  = 20
	numericShare  = 0.5
	wideLead      = 6
	wideTrail     = 10
	wideProb      = 0.9
)

// A trailing block of an article (the lines after its last anchor) where at
// least blockEvidence lines carry boilerplate phrases is furniture as a whole:
// trailing-boilerplate then also flags its other lines that are short with
// probability blockShortProb, or running text with blockProseProb, unless the
// block is longer than blockMaxLines or reads as a list (numbered or dated
// items, or items starting alike), which articles end with.
const (
	blockEvidence  = 2
	blockMaxLines  = 20
	blockShortProb = 0.6
	blockProseProb = 0.8
	tagWords       = 4
	tagProb        = 0.4
	messageReasons = 3
	explainLines   = 8
	// frontierWords: at the edge of a whole page's main text, lines of this
	// many words or more need a marker beyond them (trimFrontier).
	frontierWords = 3
	frontierProb  = 0.99
	// commentFlagProb: a reader-comment line is flagged from this probability,
	// so that a thread detector alone cannot take a post's paragraphs for
	// comments; commentProb: such a line marks furniture (safe to delete) from
	// this probability.
	commentFlagProb = 0.2
	commentProb     = 0.5
	// safeProb: an unmarked line between two markers is safe to delete from
	// this probability (conservative level).
	safeProb = 0.95
)

// Indexes of classes in classNames.
const (
	legalIndex     = 0
	copyrightIndex = 1
	commentIndex   = 4
	relatedIndex   = 6
	creditIndex    = 7
	bylineIndex    = 10
)

// blockRule is one of the three block rules: the same model, lines and regime,
// each rule reporting the lines at its position.
type blockRule struct {
	pos       pos
	threshold float64 // whole-page dumps
	evidence  float64 // lines with boilerplate phrases
	article   float64 // other documents, lines without phrases
	model     *model.Model
	fast      *fast // the model's trees flattened, nil when they cannot be
	level     string
}

func newRule(pos pos, m *model.Model) blockRule {
	f := newFast(m)
	switch pos {
	case leading:
		return blockRule{pos, leadingProb, leadingEvidenceProb, leadingArticleProb, m, f, levelConservative}
	case trailing:
		return blockRule{pos, trailingProb, trailingEvidenceProb, off, m, f, levelConservative}
	}
	return blockRule{pos, innerProb, innerEvidenceProb, off, m, f, levelConservative}
}

// RulesWith returns the three block boilerplate rules using model m
// instead of the built-in one. The trainer uses it to evaluate a model on pages it
// was not trained on; m must pass Check.
func RulesWith(m *model.Model) []rules.Rule {
	return []rules.Rule{newRule(leading, m), newRule(trailing, m), newRule(inner, m)}
}

func (r blockRule) name() string {
	switch r.pos {
	case leading:
		return "leading-boilerplate"
	case trailing:
		return "trailing-boilerplate"
	}
	return "inline-boilerplate"
}

func (r blockRule) Meta() rules.Meta {
	m := rules.Meta{Name: r.name(), Category: rules.Boilerplate, Severity: rules.Warning, Fixable: true, Grouped: true}
	switch r.pos {
	case leading:
		m.Title = "navigation, bylines and banners before the main text"
		m.Doc = `Flags the page furniture before the main text of a document: site navigation
and section menus, "Skip to content", cookie and consent banners, sign-in and
subscription prompts, share bars, bylines and date lines, photo credits.
Whole-page converters keep all of these; article extractors often keep the
byline and the date.

` + modelDoc + `

Before the main text the rule flags, in a whole-page dump, every line of
probability 0.5 or more; elsewhere, lines with known phrases and probability 0.5
or more, and other lines at 0.9 or more (not when more than 20 lines come before
the text and half of them are mostly numbers: a table). In a document without main text it
flags, in a dump, every likely line, else only lines with phrases at 0.95; a
document made of nothing else is reported whole, with a fix that drops it.

Each run of flagged lines is one finding. The message names the kind of block
(from its phrases, else its shape), the regime, the mean probability and the
features that weighed most, with their mean values; the score is the mean
probability. ` + safetyDoc + ` The fix deletes the block with the line break
and the blank lines after it.`
		m.SafeFixes = "precision 0.9999 on the held-out check part of the site split (9,230 boilerplate lines and 1 body line deleted; " +
			"aeb-dev, readability-dev and the own kinds set) and 0.9999 on the tuning part (21,619 and 3): " + measuredBy
		m.Bad = leadingBad
		m.Good = good
	case trailing:
		m.Title = "footers, comment widgets and prompts after the main text"
		m.Doc = `Flags the page furniture after the main text of a document: share bars,
newsletter and subscription prompts, comment widgets, related-content lists, tag
lists, contact details, author boxes, copyright and legal footers, site maps and
markdown reference-link lists ("[3]: https://...").

` + modelDoc + `

After the main text the rule flags, in a whole-page dump, every line of
probability 0.5 or more, and in a whole page with a short menu (at least 6
likely lines before the main text and 10 after it) every line at 0.9 or more.
Elsewhere (an extracted article, whose last lines may be its own list, table or
sign-off) it flags lines with known phrases at 0.65 or more (a date alone does
not count: tour lists and timelines end with dates); when two lines or more of a
trailing block of at most 20 lines have phrases, the block is furniture as a
whole: its other lines are flagged too when short with probability 0.6, or
running text with 0.8, unless the block reads as a list (numbered or dated
items, or items starting with the same word); and the short terms after a
flagged tag-list lead-in ("Tags", "Filed under", "Topics") at the end go with it
when all of them have probability 0.4 or more.

The rule leaves to trailing-headlines the headline blocks that rule flags, so the
two never report the same lines. Messages and scores are as for
leading-boilerplate. ` + safetyDoc + ` The fix deletes the block together with
the line break before it; the document's final line break is kept.`
		m.SafeFixes = "precision 0.9985 on the held-out check part of the site split (14,089 boilerplate lines and 21 body lines deleted; " +
			"aeb-dev, readability-dev and the own kinds set) and 0.9992 on the tuning part (28,263 and 23): " + measuredBy
		m.Bad = trailingBad
		m.Good = good
	default:
		m.Title = "advertisement labels, credits and prompts inside the main text"
		m.Doc = `Flags lines of page furniture inside the main text: "Advertisement", photo
credits ("Photograph: AFP via Getty"), share and subscribe prompts, "Read more"
and "Click here" lines, related-article lead-ins, and in whole-page dumps the
menus and widgets the converter interleaved with the text.

` + modelDoc + `

Inside the main text a wrong call deletes article text (a table or a list
inside an article looks much like a menu), so the rule flags only lines with
known phrases and probability 0.8 or more, and in a whole-page dump also other
lines at 0.9 or more. Messages and scores are as for leading-boilerplate. The
fix deletes the lines with their line break and the blank lines after them. At
the default level (conservative) every inline fix is unsafe: inside the main
text, even lines that known phrases mark measured at 0.985 on the held-out pages
(385 boilerplate lines and 6 body lines), under the 0.99 a safe fix needs. Level
balanced makes the fixes of marked lines safe.`
		m.SafeFixes = "none at the default level: the deletions of marked lines measured 0.985 on the held-out check part " +
			"(385 boilerplate, 6 body lines) and 0.994 on the tuning part (967 and 6), under 0.99: " + measuredBy
		m.Bad = inlineBad
		m.Good = inlineGood
	}
	return m
}

// modelDoc is the part of the three rules' docs that explains the model.
const modelDoc = `Every non-blank line is scored by a small learned model: two stages of
gradient-boosted trees, trained by ` + "`go run ./cmd/boilertrain`" + ` on the dev split
of the shared corpus and stored as data in rules/boilerplate_weights.go. The first
stage reads features of the line and its neighbours: words, letters, stop-word
density (as jusText uses it), Title Case and upper-case share, how the line ends,
link and markup share, list markers, wrapped paragraphs, known boilerplate phrases
in several languages (cookies and consent, copyright, share, subscribe, comments,
read more, related, credits, advertisement, navigation, bylines, tags, contact
details), date words, repetition within the document, how much running text lies
before and after the line, its distance from the main text and how many of its
words the main text uses. The second stage adds what the first said about the
neighbours and the whole document. No feature names a site.

A line of running text the model keeps anchors the main text: the run of lines
with the most anchor words. A document is a whole-page dump when at least 8
likely boilerplate lines (probability 0.5 or more) come before its main text and
one after it, and the main text holds most of the running text; there the menus
are plentiful and sure, and thresholds are low. Anything else is read as an
extracted article: a wrong call there deletes article text, so lines need known
phrases (copyright or legal notices anywhere in the line, a byline, a date line,
a reference link, or phrases making up most of the line) or a very high probability,
and leading and trailing lines are those before the first anchor and after the
last, so a table inside an article stays inside it. Two kinds of lines read as
running text yet say what they are, and are flagged at any probability in every
position: picture captions ending with their credit ("... Credit: The Siberian
Times", "(Image: GETTY)", "(AP Photo/Evan Vucci)") and notices in the site's own
voice (promotions such as "If you enjoyed this article" or "delivered to your
inbox", legal notices such as "This document is subject to copyright", affiliate
disclosures such as "we may earn", author lines such as "is a staff writer",
contact lines such as "Fax: 972-3-561-3699", and lead-ins such as "READ MORE:
<headline>"). Three more are found by their shape: leaked markup (lines mostly
HTML tags, a converter's wrapped attribute lists, and outside the main text style
sheets, scripts and JSON: inside it, code is a tutorial's samples and is left
alone), reader comments (two or more headers naming a writer with a date and a
time, each followed by a sentence, under a comment heading such as "6 thoughts on"
or "Leave a Reply") and credit lines alone ("Michael Conroy, AP", "Doug
Mills/The New York Times"). None of these anchors the main text, so pictures,
promotions and comments after an article's last paragraph are trailing lines. A page whose menu before the
text is short (6 likely lines or more, 10 after it) is read as an article whose
leading and trailing lines go at 0.9 without phrases.`

// The rules' examples.
const (
	good        = "The council approved the new budget on Tuesday after a debate that lasted more than six hours.\nThe mayor said the plan would protect libraries and parks while keeping property taxes flat next year."
	leadingBad  = "Skip to content\nShare on Facebook\nShare on Twitter\n" + good
	trailingBad = good + "\n\nShare this:\nFacebook\nTwitter\nSign up for our newsletter"
	inlineBad   = "The city council approved the new budget on Tuesday after a debate that lasted more than six hours, ending a dispute that had delayed the plan for weeks.\nAdvertisement\n" + inlineGoodTail
	inlineGood  = "The city council approved the new budget on Tuesday after a debate that lasted more than six hours, ending a dispute that had delayed the plan for weeks.\n" + inlineGoodTail
	// inlineGoodTail is the rest of inline-boilerplate's example: an article of
	// four lines, enough for the model to read its middle line as furniture.
	inlineGoodTail = "The mayor said the plan would protect libraries and parks while keeping property taxes flat next year, and thanked the members who changed their votes.\n" +
		"Opponents said the budget relied on optimistic revenue forecasts and warned that the city could face cuts to services if the economy slowed."
)

// options declares the rule's options, bound to the fields of r: the three
// probability thresholds.
func (r *blockRule) options() *option.Set {
	s := option.New(r.name())
	s.Float("threshold", &r.threshold, 0, 1, true)
	s.Float("evidence_threshold", &r.evidence, 0, 1, true)
	s.Float("article_threshold", &r.article, 0, 1, true)
	s.String("level", &r.level, levels...)
	return s
}

// Options implements rules.Configurable.
func (r blockRule) Options() map[string]any { return r.options().Values() }

// Configure implements rules.Configurable: r is a copy, the receiver stays as it was.
func (r blockRule) Configure(opts map[string]any) (rules.Rule, error) {
	if err := r.options().Decode(opts); err != nil {
		return nil, err
	}
	return r, nil
}

// doc is what the three rules share about a document: its lines, their
// second-stage features and probabilities, where each line sits, and whether the
// document is a whole-page dump.
type doc struct {
	ls []line
	// w holds the model's contexts of the lines, from which row computes
	// their vectors (see runModel); nil when there are no lines.
	w    *work
	prob []float64
	pos  []pos
	page bool
	// wide: no whole-page dump, but a page converter's output with a short menu:
	// at least wideLead likely boilerplate lines before the main text and
	// wideTrail after it. Its edge lines go at wideProb without phrases.
	wide bool
	lead int // lines before the first anchor (articles) or the main text (dumps)
	// leadTable: at least half the lines before an article's first anchor are
	// mostly numbers, the rows of a table the article opens with.
	leadTable bool
	// skip, flagged and evidence are the rules' arrays (scratch).
	skip, flagged []bool
	evidence      []uint8 // evidenceNames indexes
}

// scratch returns the per-line arrays of one rule's Check, cleared: the three
// rules, which run one after the other, share them.
func (d *doc) scratch() (skip, flagged []bool, evidence []uint8) {
	n := len(d.ls)
	if d.skip == nil {
		d.skip, d.flagged, d.evidence = make([]bool, n), make([]bool, n), make([]uint8, n)
	} else {
		clear(d.skip)
		clear(d.flagged)
		clear(d.evidence)
	}
	return d.skip, d.flagged, d.evidence
}

// row returns the second-stage vector of line i (a new array).
func (d *doc) row(i int) []float32 {
	row := make([]float32, numStage2)
	d.fillRow(i, row)
	return row
}

// fillRow writes the second-stage vector of line i to row.
func (d *doc) fillRow(i int, row []float32) {
	w := d.w
	if w.lctx.pl == nil {
		w.lineArrays(&w.lctx)
		w.stageArrays(&w.sctx)
	}
	w.lctx.row(i, row[:numFeatures])
	w.sctx.row(i, row[numFeatures:])
}

// analyze runs the model over the document and places its lines; f, when not
// nil, holds the model's trees flattened.
func analyze(a *text.Analysis, m *model.Model, f *fast, kept *docBuf) *doc {
	w := workPool.Get().(*work)
	buf := kept.take()
	ls, content := w.scan(a, buf.ls)
	n := len(ls)
	pos := grow(buf.pos, n)
	clear(pos)
	d := &doc{ls: ls, pos: pos}
	if n == 0 {
		workPool.Put(w)
		return d
	}
	// The contexts stay in w for d's explanations (fillRow); the reading
	// gives w back (reading.Reset).
	d.w = w
	defer w.shed()
	marks := grow(w.marks, 3*n)
	w.marks = marks
	clear(marks)
	tags, code, thread := marks[:n], marks[n:2*n], marks[2*n:]
	markupLeaks(a.Text(), ls, tags, code)
	c := w.lineContext(ls, content)
	d.prob = runModel(m, w, buf.prob, f, n, c.row)
	var scratch []uint64
	for i := range ls {
		s := a.Text()[ls[i].start:ls[i].end]
		// Captions and notices depend on the text alone: a line repeating
		// one of the last two copies theirs.
		if k, ok := sameText(a.Text(), ls, i); ok {
			ls[i].set(lfCaption, ls[k].has(lfCaption))
			ls[i].notice = ls[k].notice
			continue
		}
		ls[i].set(lfCaption, caption(s))
		// Only lines holding a notice's key word, or short enough to be a
		// contact line, can be notices: the others skip the second look.
		if ls[i].has(lfNoticeKey) || ls[i].words <= contactMaxWords && strings.ContainsAny(s, "0123456789@") {
			ls[i].notice, scratch = noticeOf(s, scratch)
		}
		if ls[i].notice == noNotice && leadIn(s) {
			ls[i].notice = leadInLine
		}
	}
	commentThread(a.Text(), ls, d.prob, thread)
	for i := range ls {
		switch {
		case ls[i].notice != noNotice:
		case tags[i]:
			ls[i].notice = markupLeak
		case code[i]:
			ls[i].notice = codeLeak
		case thread[i]:
			ls[i].notice = commentLine
		}
	}
	// Captions and notices read as running text but are no anchors: pictures
	// and promotions closing an article come after its last paragraph.
	anchor := func(i int) bool {
		return ls[i].has(lfProse) && !ls[i].has(lfCaption) && ls[i].notice == noNotice && d.prob[i] < anchorProb
	}
	reg := mainText(n, func(i int) bool { return ls[i].has(lfProse) }, func(i int) int { return int(ls[i].words) },
		func(i int) bool {
			return ls[i].words > 0 && float64(ls[i].digits) >= numericShare*float64(ls[i].words)
		}, d.prob)
	d.page = reg.page
	d.wide = !reg.page && reg.start >= 0 && reg.lead >= wideLead && reg.trail >= wideTrail
	if d.page {
		for i := range ls {
			switch {
			case reg.start < 0:
				d.pos[i] = noText
			case i < reg.start:
				d.pos[i] = leading
			case i > reg.end:
				d.pos[i] = trailing
			default:
				d.pos[i] = inner
			}
		}
		return d
	}
	first, last := -1, -1
	for i := range ls {
		if anchor(i) {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	d.lead = max(first, 0)
	numeric := 0
	for i := 0; i < first; i++ {
		if ls[i].words > 0 && float64(ls[i].digits) >= numericShare*float64(ls[i].words) {
			numeric++
		}
	}
	d.leadTable = 2*numeric >= d.lead
	for i := range ls {
		switch {
		case first < 0:
			d.pos[i] = noText
		case i < first:
			d.pos[i] = leading
		case i > last:
			d.pos[i] = trailing
		default:
			d.pos[i] = inner
		}
	}
	return d
}

// reading is the boilerplate model's reading of one document, which the
// leading-, trailing- and inline-boilerplate rules all start from: the first of
// them to run computes it, with model (the rules of one run share one model).
// buf keeps the arrays of a released document's reading for the next.
type reading struct {
	model *model.Model
	doc   *doc
	buf   docBuf
}

// Reset implements Reuser: the reading's arrays are kept for the next document.
func (r *reading) Reset() {
	if r.doc != nil && r.doc.w != nil {
		workPool.Put(r.doc.w)
		r.doc.w = nil
	}
	r.buf.keep(r.doc)
	r.doc, r.model = nil, nil
}

// readingKey caches the reading on the document's analysis.
var readingKey = text.NewKey[*reading]("boilerplate reading")

func newReading(a *text.Analysis) *reading {
	if r := text.Reused(a, readingKey); r != nil {
		return r
	}
	return new(reading)
}

// sameText returns the one of the two lines before line i of ls with the same
// text, if there is one.
func sameText(text string, ls []line, i int) (int, bool) {
	t := text[ls[i].start:ls[i].end]
	for k := i - 1; k >= max(0, i-2); k-- {
		if int(ls[k].end-ls[k].start) == len(t) && text[ls[k].start:ls[k].end] == t {
			return k, true
		}
	}
	return 0, false
}

// evidence names the boilerplate phrases a line carries, or "" when it has none
// that count: a copyright or legal notice anywhere, a byline, a date line, a
// markdown reference definition, or known phrases making up most of its words.
func evidence(bl *line) string {
	switch {
	case bl.classes&classCopyright != 0:
		return classNames[1]
	case bl.classes&classLegal != 0:
		return classNames[0]
	case bl.has(lfByline):
		return "byline"
	case bl.has(lfCaption):
		return "photo caption"
	case bl.notice != noNotice:
		return noticeNames[bl.notice]
	case bl.has(lfRefLink):
		return "reference link"
	case bl.dateWords > 0 && bl.words <= 12 && 10*(bl.dateWords+bl.digits) >= 6*bl.words:
		return "date line"
	case bl.words > 0 && 2*bl.phraseWords > bl.words:
		for c := 0; c < numClasses; c++ {
			if bl.classes&(1<<c) != 0 {
				return classNames[c]
			}
		}
	}
	return ""
}

// evidenceNames are the names evidence gives, "" first. The rules keep a
// line's evidence as its index here, a byte a line instead of a 16-byte
// string (see evidenceCode).
var evidenceNames, evidenceCodes = func() ([]string, map[string]uint8) {
	names := []string{""}
	names = append(names, classNames[:]...)
	names = append(names, noticeNames[1:]...)
	names = append(names, "byline", "photo caption", "reference link", "date line")
	codes := map[string]uint8{}
	var out []string
	for _, n := range names {
		if _, ok := codes[n]; !ok {
			codes[n] = uint8(len(out))
			out = append(out, n)
		}
	}
	return out, codes
}()

// evidenceCode returns the index of ev, a name evidence gives, in
// evidenceNames.
func evidenceCode(ev string) uint8 {
	c, ok := evidenceCodes[ev]
	if !ok {
		panic("boilerplate: evidence " + ev + " missing from evidenceNames")
	}
	return c
}

// flag reports whether rule r flags line i of d, and the phrase evidence used.
func (r blockRule) flag(d *doc, i int) (bool, string) {
	p := d.prob[i]
	ev := evidence(&d.ls[i])
	if ev == "" && d.pos[i] == leading && i+1 < len(d.ls) && d.pos[i+1] != leading && headlineLike(&d.ls[i]) {
		return false, "" // the article's own headline, just above its text
	}
	if ev == "date line" && r.pos == trailing && !d.page {
		ev = "" // dates end tour lists and timelines; at an article's end they prove nothing
	}
	if d.ls[i].notice == codeLeak && r.pos == inner {
		return false, "" // a tutorial's code samples sit between its paragraphs
	}
	switch {
	case d.page && p >= r.threshold:
		return true, ""
	case d.pos[i] == noText && !d.page:
		return ev != "" && ev != "date line" && p >= max(r.evidence, noTextProb), ev
	case ev != "" && p >= r.evidence:
		return true, ev
	case (d.ls[i].has(lfCaption) || d.ls[i].notice != noNotice) && ev != "" && p >= captionProb && (d.ls[i].notice != commentLine || p >= commentFlagProb):
		return true, ev
	case !d.page && p >= r.article && (d.pos[i] != leading || d.lead <= articleLeadMax || !d.leadTable):
		return true, ""
	case d.wide && p >= wideProb && (d.pos[i] == leading || d.pos[i] == trailing):
		return true, ""
	}
	return false, ""
}

// extendBlock flags the rest of an article's trailing block when enough of its
// lines carry boilerplate phrases (see blockEvidence).
func (r blockRule) extendBlock(a *text.Analysis, d *doc, skip, flagged []bool, evidence []uint8) {
	var block []int
	ev := 0
	for i := range d.ls {
		if d.pos[i] != trailing || skip[i] {
			continue
		}
		block = append(block, i)
		if evidence[i] != 0 && flagged[i] {
			ev++
		}
	}
	if ev < blockEvidence {
		r.extendTags(d, block, flagged)
		return
	}
	if len(block) > blockMaxLines || listLike(a, d.ls, block) {
		return
	}
	for _, i := range block {
		if flagged[i] {
			continue
		}
		p := d.prob[i]
		if !d.ls[i].has(lfProse) && p >= blockShortProb || p >= blockProseProb {
			flagged[i] = true
		}
	}
}

// extendTags flags the terms after a flagged tag-list lead-in ("Tags", "Filed
// under", "Topics") at the end of an article's trailing block, when every line
// after it is a short term (at most tagWords words, no running text, no
// sentence end) of probability tagProb or more.
func (r blockRule) extendTags(d *doc, block []int, flagged []bool) {
	lead := -1
	for k, i := range block {
		if flagged[i] && d.ls[i].classes&tags != 0 {
			lead = k
		}
	}
	if lead < 0 || lead == len(block)-1 {
		return
	}
	rest := block[lead+1:]
	for _, i := range rest {
		bl := &d.ls[i]
		if bl.words > tagWords || bl.has(lfProse) || bl.endKind == endSentence || d.prob[i] < tagProb {
			return
		}
	}
	for _, i := range rest {
		flagged[i] = true
	}
}

// listLike reports whether the lines read as the items of a list: most of them
// numbered or starting with a date, or starting with the same word.
func listLike(a *text.Analysis, ls []line, idx []int) bool {
	if len(idx) < 2 {
		return false
	}
	marked := 0
	firsts := make([]string, 0, len(idx))
	for _, i := range idx {
		f := firstWord(a.Text()[ls[i].start:ls[i].end])
		if ls[i].has(lfNumbered) || f == "#" {
			marked++
		}
		firsts = append(firsts, f)
	}
	return 2*marked >= len(idx) || headlineListLike(firsts)
}

// headlineLike reports whether a line reads as a headline: a few words without
// links or a final full stop. The line right above the main text is kept when it
// does: it is the article's title, which converters put there.
func headlineLike(bl *line) bool {
	return bl.words >= titleMinWords && bl.words <= titleMaxWords && bl.linkBytes == 0 && bl.anchorWord == 0 &&
		bl.endKind != endSentence && bl.endKind != endColon && !bl.has(lfList)
}

// A headline has this many words.
const (
	titleMinWords = 4
	titleMaxWords = 20
)

// run is a run of consecutive non-blank lines (indexes into the line slice).
type run struct{ first, last int }

func (r blockRule) Check(p *rules.Pass) {
	a := p.Analysis
	rd := text.Result(a, readingKey, newReading)
	if rd.doc == nil || rd.model != r.model {
		rd.doc, rd.model = analyze(a, r.model, r.fast, &rd.buf), r.model
	}
	d := rd.doc
	n := len(d.ls)
	if n == 0 {
		return
	}
	mine := func(i int) bool {
		return d.pos[i] == r.pos || r.pos == leading && d.pos[i] == noText
	}
	// Lines trailing-headlines reports are left to it.
	skip, flagged, evidence := d.scratch()
	if r.pos == trailing {
		markTrailingHeadlines(p, d.ls, skip)
	}
	for i := range d.ls {
		if mine(i) && !skip[i] {
			var ev string
			flagged[i], ev = r.flag(d, i)
			evidence[i] = evidenceCode(ev)
		}
	}
	if r.pos == trailing && !d.page {
		r.extendBlock(p.Analysis, d, skip, flagged, evidence)
	}
	switch {
	case (d.page || d.wide) && r.pos != inner:
		trimFrontier(d, flagged, r.pos)
	case r.pos == leading:
		needMarker(d, flagged)
	}
	for i := 0; i < n; i++ {
		if !flagged[i] {
			continue
		}
		j := i
		for j+1 < n && flagged[j+1] {
			j++
		}
		safe := r.safeLines(d, run{i, j})
		bs, be := -1, -2
		for k := i; k <= j; k++ {
			if !safe[k-i] {
				continue
			}
			m := k
			for m+1 <= j && safe[m+1-i] {
				m++
			}
			if m-k > be-bs {
				bs, be = k, m
			}
			k = m
		}
		// One finding per block. Its fix deletes the block when every line is
		// safe to delete; else its longest safe run (the other lines need level
		// balanced or aggressive); a block without safe lines gets an unsafe fix.
		var safeRun *run
		if bs >= 0 {
			safeRun = &run{bs, be}
		}
		r.report(p, d, run{i, j}, evidence[i:j+1], safeRun)
		i = j
	}
}

// marker reports whether line i of d carries a known boilerplate phrase that
// marks site furniture: a share or subscription prompt, navigation, a cookie or
// legal notice, an advertisement label, leaked markup, a reference list and the
// like. Bylines, date lines and picture credits are not markers: people keep
// them as part of a document; nor are cookie, copyright and comment phrases in
// an article without menus around it. Reader comments mark furniture only at a
// probability of commentProb or more: a thread detector alone must not take a
// post for its comments.
func marker(d *doc, i int) bool {
	bl := &d.ls[i]
	switch ev := evidence(bl); ev {
	case "", "byline", "date line", "photo caption", classNames[creditIndex], classNames[bylineIndex]:
		return false
	case classNames[legalIndex], classNames[copyrightIndex], classNames[commentIndex], classNames[relatedIndex]:
		// In an article (no menus around it), and anywhere inside the main
		// text, these phrases are as often the text's own: a story about
		// cookies, a picture's "© photographer", a "Discussion" or "See also"
		// heading.
		if !d.page && !d.wide || d.pos[i] == inner {
			return false
		}
	}
	if bl.notice == commentLine && d.prob[i] < commentProb {
		return false
	}
	return true
}

// trimFrontier unflags, in a whole-page dump, the lines of the leading block
// after its last marker (of the trailing block, before its first marker) that
// hold three words or more or read as running text: between the last menu and
// the main text lie the document's own title, byline, table of contents, term
// list or first items, which the model reads as menu. One- and two-word lines
// (menu items) stay flagged, and so do lines that are no running text when the
// model is all but certain (frontierProb).
func trimFrontier(d *doc, flagged []bool, at pos) {
	edge := -1
	for i := range d.ls {
		if flagged[i] && marker(d, i) {
			if at == leading || edge < 0 {
				edge = i
			}
		}
	}
	for i := range d.ls {
		bl := &d.ls[i]
		if !flagged[i] || bl.words < frontierWords && !bl.has(lfProse) || !bl.has(lfProse) && d.prob[i] >= frontierProb {
			continue
		}
		if edge < 0 || at == leading && i > edge || at == trailing && i < edge {
			flagged[i] = false
		}
	}
}

// needMarker unflags, in an article (no whole-page dump), the lines without any
// known phrase of each run of flagged lines before its first anchor that holds
// no marker: an article's leading lines without a known phrase are its title,
// standfirst, table of contents or first items as often as they are furniture.
// Byline and date lines stay flagged (never safely deleted): the article
// benchmarks count them as furniture, human-cleaned pages keep them.
func needMarker(d *doc, flagged []bool) {
	for i := 0; i < len(d.ls); i++ {
		if !flagged[i] {
			continue
		}
		j, ok := i, marker(d, i)
		for j+1 < len(d.ls) && flagged[j+1] {
			j++
			ok = ok || marker(d, j)
		}
		if !ok {
			for k := i; k <= j; k++ {
				if evidence(&d.ls[k]) == "" {
					flagged[k] = false
				}
			}
		}
		i = j
	}
}

// safeLines returns, for each line of the flagged run, whether deleting it is
// safe at the rule's level. Conservative: a marker line, or a line between the
// run's first and last markers that does not read as running text and has a
// probability of safeProb or more. Balanced: every line of a run with a marker.
// Aggressive: every line.
func (r blockRule) safeLines(d *doc, b run) []bool {
	out := make([]bool, b.last-b.first+1)
	first, last := -1, -1
	for i := b.first; i <= b.last; i++ {
		if marker(d, i) {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	for i := b.first; i <= b.last; i++ {
		switch r.level {
		case levelAggressive:
			out[i-b.first] = true
		case levelBalanced:
			out[i-b.first] = first >= 0
		default:
			// Inside the main text even marked lines measured under 0.99 on the
			// held-out pages (0.985): at this level inline deletions are unsafe.
			out[i-b.first] = r.pos != inner && marker(d, i) ||
				r.pos != inner && first >= 0 && i > first && i < last && !d.ls[i].has(lfProse) && d.prob[i] >= safeProb
		}
	}
	return out
}

// markTrailingHeadlines marks the lines of the trailing headline block (what
// trailing-headlines reports), so that trailing-boilerplate does not report them
// again.
func markTrailingHeadlines(p *rules.Pass, ls []line, skip []bool) {
	for _, f := range headlineBlock(p.Analysis) {
		for i := range ls {
			if int(ls[i].start) < f.End && int(ls[i].end) > f.Start {
				skip[i] = true
			}
		}
	}
}

func (r blockRule) report(p *rules.Pass, d *doc, run run, evidence []uint8, safeRun *run) {
	a := p.Analysis
	text := a.Text()
	var sum float64
	for i := run.first; i <= run.last; i++ {
		sum += d.prob[i]
	}
	count := run.last - run.first + 1
	mean := sum / float64(count)
	kind := kind(d.ls[run.first : run.last+1])
	var reasons []string
	phrases := 0
	var named []string
	for _, c := range evidence {
		if ev := evidenceNames[c]; ev != "" {
			phrases++
			if !slices.Contains(named, ev) {
				named = append(named, ev)
			}
		}
	}
	if phrases > 0 {
		reasons = append(reasons, fmt.Sprintf("known phrases on %d of %d (%s)", phrases, count, strings.Join(named, ", ")))
	}
	// The line stage names what in the lines decided; the context stage adds
	// what around them did.
	// A long block is explained by its first lines: explaining costs a walk of
	// every tree per line.
	ex := make([][]float32, 0, min(run.last-run.first+1, explainLines))
	for i := run.first; len(ex) < cap(ex); i++ {
		ex = append(ex, d.row(i))
	}
	lineRows := make([][]float32, len(ex))
	for k, row := range ex {
		lineRows[k] = row[:numFeatures]
	}
	var lineFlat, ctxFlat []model.FlatTree
	var lineVals, ctxVals []model.FlatVals
	if r.fast != nil {
		lineFlat, ctxFlat, lineVals, ctxVals = r.fast.line, r.fast.ctx, r.fast.lineVals, r.fast.ctxVals
	}
	for _, k := range r.model.Line.Reasons(lineRows, messageReasons-1, lineFlat, lineVals) {
		reasons = append(reasons, describe(k, ex))
	}
	for _, k := range r.model.Context.Reasons(ex, numStage2, ctxFlat, ctxVals) {
		if k >= numFeatures && k != numFeatures+ctxProb {
			reasons = append(reasons, describe(k, ex))
			break
		}
	}
	threshold := r.threshold
	if !d.page {
		threshold = r.article
		if d.wide && r.pos != inner {
			threshold = min(threshold, wideProb)
		}
		if phrases > 0 {
			threshold = r.evidence
		}
	}
	var where string
	switch {
	case run.first == 0 && run.last == len(d.ls)-1 && d.pos[0] == noText:
		where = "make up the whole document"
	case d.pos[run.first] == noText:
		where = "in a document without main text"
	case r.pos == leading:
		where = "before the main text"
	case r.pos == trailing:
		where = "after the main text"
	default:
		where = "inside the main text"
	}
	regime := "article"
	switch {
	case d.page:
		regime = "whole page"
	case d.wide:
		regime = "whole page, short menu"
	}
	// Lines ending with a picture credit, carrying a notice, of leaked markup or
	// of reader comments need no probability: say so rather than print a comparison that does not hold.
	prob := fmt.Sprintf("boilerplate probability %.2f >= %.2f", mean, threshold)
	if mean < threshold {
		prob = fmt.Sprintf("boilerplate probability %.2f; notices, picture credits, leaked markup and reader comments need none", mean)
	}
	msg := fmt.Sprintf("%s of %s %s (%s; %s; %s)",
		plural(count, "line"), kind, where, regime, prob, strings.Join(reasons, ", "))
	start, end := int(d.ls[run.first].start), int(d.ls[run.last].end)
	fix := &rules.Fix{Message: "delete the " + kind + " block", Applicability: rules.Safe}
	switch {
	case safeRun == nil:
		why := r.unsafeWhy(d, run, phrases)
		fix.Applicability = rules.Unsafe
		fix.Message += " (unsafe: " + why + ")"
		msg += "; deleting it is unsafe: " + why
	case *safeRun == run:
		msg += "; safe to delete: " + r.safeWhy()
	default:
		a1, _ := a.Position(int(d.ls[safeRun.first].start))
		a2, _ := a.Position(int(d.ls[safeRun.last].start))
		n := safeRun.last - safeRun.first + 1
		fix.Message = fmt.Sprintf("delete the %s marked by known phrases (lines %d-%d)", plural(n, "line"), a1, a2)
		msg += fmt.Sprintf("; safe to delete: its %s marked by known phrases (lines %d-%d); the other %d need a look (option level balanced or aggressive deletes them)",
			plural(n, "line"), a1, a2, count-n)
	}
	whole := run.first == 0 && run.last == len(d.ls)-1 && d.pos[0] == noText
	switch {
	case whole && (safeRun == nil || *safeRun == run):
		fix.Message = "drop the document: it is all " + kind
		fix.Drop = true
		fix.Edits = []rules.Edit{{Start: 0, End: len(text)}}
		start, end = 0, len(text)
	case safeRun != nil && *safeRun != run:
		fix.Edits = []rules.Edit{deleteLines(a, int(d.ls[safeRun.first].line), int(d.ls[safeRun.last].line))}
	default:
		fix.Edits = []rules.Edit{deleteLines(a, int(d.ls[run.first].line), int(d.ls[run.last].line))}
	}
	p.Report(rules.Finding{
		Start:   start,
		End:     end,
		Message: msg,
		Fix:     fix,
		Score:   &rules.Score{Name: "boilerplate_probability", Value: mean, Op: ">=", Threshold: threshold},
	})
}

// safeWhy says why a safe deletion is safe at the rule's level.
func (r blockRule) safeWhy() string {
	switch r.level {
	case levelAggressive:
		return "level aggressive"
	case levelBalanced:
		return "known boilerplate phrases mark the block (level balanced)"
	}
	return "known boilerplate phrases mark these lines"
}

// unsafeWhy says why deleting run is not safe at the rule's level.
func (r blockRule) unsafeWhy(d *doc, b run, phrases int) string {
	if r.pos == inner && r.level == levelConservative {
		return "inside the main text known phrases are too often the text's own to delete without a look (level balanced deletes marked lines)"
	}
	for i := b.first; i <= b.last; i++ {
		if marker(d, i) {
			return "lines of running text or of lower probability beside the known phrases may be the document's own"
		}
	}
	if phrases > 0 {
		return "bylines, dates and picture credits are often part of the document"
	}
	return "no known boilerplate phrase marks these lines; the model alone decided"
}

// safetyDoc explains, in the block rules' docs, which deletions are safe.
const safetyDoc = `Which part of a block is safe to delete is measured, not
assumed (option level: conservative, the default; balanced; aggressive). At
the conservative level a line is safe to delete when a known furniture phrase
marks it (navigation, a share or subscription prompt, an advertisement label,
leaked markup or code, a reference list, a promotion or legal notice; cookie,
copyright, comment and related-content phrases only where menus surround the
main text), or when it lies between two such lines, reads as no running text and
has a probability of 0.95 or more. A block is reported in at most three
findings: its longest run of safe lines, with a safe fix, and the lines before
and after it, with unsafe fixes (applied by --unsafe-fixes); bylines, dates,
picture credits and lines the model alone decided are never deleted safely. The
message says which part a finding is and why its fix is or is not safe.
Balanced makes every line of a block with a marker safe; aggressive every line.`

// measuredBy is the command behind the block rules' SafeFixes figures.
const measuredBy = "scripts/targets.sh check and corpuslint eval --split testdata/eval/site-split.tsv --part check " +
	"(the lines safe fixes delete, against the labels)."

// deleteLines returns the edit that deletes lines first..last (indexes into
// Analysis.Lines) as a block: with the line break and blank lines after it when a
// non-blank line follows, else with the line break before it, keeping the
// document's final line break.
func deleteLines(a *text.Analysis, first, last int) rules.Edit {
	lines := a.Lines()
	text := a.Text()
	next := last + 1
	for next < len(lines) && a.IsBlank(next) {
		next++
	}
	if next < len(lines) {
		return rules.Edit{Start: lines[first].Start, End: lines[next].Start}
	}
	prev := first - 1
	for prev >= 0 && a.IsBlank(prev) {
		prev--
	}
	end := len(text)
	switch {
	case strings.HasSuffix(text, "\r\n"):
		end -= 2
	case strings.HasSuffix(text, "\n"):
		end--
	}
	end = max(end, lines[last].End)
	if prev < 0 {
		return rules.Edit{Start: lines[first].Start, End: end}
	}
	return rules.Edit{Start: lines[prev].End, End: end}
}

// menuWords: a line of a menu has at most this many words.
const menuWords = 3

// kind names what a block is: the phrase class most of its lines carry, else
// its shape.
func kind(ls []line) string {
	var counts [numClasses]int
	refs, links, lists := 0, 0, 0
	for i := range ls {
		for c := 0; c < numClasses; c++ {
			if ls[i].classes&(1<<c) != 0 {
				counts[c]++
			}
		}
		if ls[i].has(lfRefLink) {
			refs++
		}
		if ls[i].linkBytes > 0 || ls[i].anchorWord > 0 {
			links++
		}
		if ls[i].has(lfList) {
			lists++
		}
	}
	n := len(ls)
	if refs*2 >= n {
		return "reference-link list"
	}
	if ls[0].classes&tags != 0 {
		return classNames[bits.TrailingZeros16(uint16(tags))] // a tag-list lead-in and its terms
	}
	best := -1
	for c := range counts {
		if counts[c] > 0 && (best < 0 || counts[c] > counts[best]) {
			best = c
		}
	}
	if best >= 0 && counts[best]*3 >= n {
		return classNames[best]
	}
	captions := 0
	for i := range ls {
		if ls[i].has(lfCaption) {
			captions++
		}
	}
	if captions*2 >= n {
		return "photo caption"
	}
	// Leaked markup and reader comments name the block by what most of it is.
	var byNotice [len(noticeNames)]int
	for i := range ls {
		byNotice[ls[i].notice]++
	}
	if byNotice[commentLine]*2 >= n {
		return noticeNames[commentLine]
	}
	if (byNotice[markupLeak]+byNotice[codeLeak])*2 >= n {
		return noticeNames[markupLeak]
	}
	if links*2 >= n || lists*2 >= n {
		return "link list"
	}
	short := 0
	for i := range ls {
		if ls[i].words <= menuWords && ls[i].endKind != endSentence {
			short++
		}
	}
	if n >= 2 && 10*short >= 6*n {
		return "navigation menu"
	}
	return "page furniture"
}

// describe names feature k of the second-stage rows with its mean value: a
// phrase class as where it sits, a yes/no feature by its name alone.
func describe(k int, rows [][]float32) string {
	var s float64
	for _, x := range rows {
		s += float64(x[k])
	}
	v := s / float64(len(rows))
	name := contextNames[k]
	switch {
	case k >= featClass0 && k < featClass0+numClasses:
		if v >= 1.5 {
			return name + " phrase at the start"
		}
		return name + " phrase"
	case k == featEnd:
		return fmt.Sprintf("line end %s", [...]string{"without punctuation", "a full stop", "a colon", "other punctuation"}[min(int(v+0.5), 3)])
	case k == featInRegion && v == 0:
		return "outside the main text"
	case k == featProse && v == 0:
		return "not running text"
	case boolFeature[k] && (v == 0 || v == 1):
		if v == 0 {
			return "no " + name
		}
		return name
	case v == float64(int64(v)):
		return fmt.Sprintf("%s %d", name, int64(v))
	}
	return fmt.Sprintf("%s %.2f", name, v)
}

// boolFeature marks the yes/no features.
var boolFeature = map[int]bool{
	featFirstLower: true, featList: true, featHeading: true, featImage: true, featRefLink: true, featByline: true,
	featProse: true, featInRegion: true, featNumbered: true, featParaProse: true, featPrevClass: true, featNextClass: true,
	numFeatures + ctxBetween: true, numFeatures + ctxPage: true,
}

func plural(n int, s string) string {
	if n == 1 {
		return "1 " + s
	}
	return fmt.Sprintf("%d %ss", n, s)
}
