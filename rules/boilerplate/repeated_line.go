package boilerplate

import (
	"bytes"
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/corpuslint/corpuslint/rules"
	"github.com/corpuslint/corpuslint/rules/option"
	"github.com/corpuslint/corpuslint/rules/text"
	"github.com/corpuslint/corpuslint/rules/text/minhash"
)

// RepeatedLine returns the repeated-line corpus rule: a line that occurs in many
// documents of the batch (of one site when documents carry a URL) is site chrome,
// as CCNet found with paragraph hashes.
func RepeatedLine() rules.Rule {
	return repeatedLine{
		minSiteDocs:   minSiteDocs,
		minSiteShare:  minSiteShare,
		minSites:      minSites,
		minSitesShare: minSitesShare,
		maxCrossWords: maxCrossWords,
		maxSiteWords:  maxSiteWords,
		maxPairs:      maxPairs,
		level:         levelConservative,
	}
}

// Defaults. A line is chrome of its site when at least max(minSiteDocs,
// minSiteShare × the site's documents) documents of the site hold it; it is
// chrome shared by many sites (a generic "Advertisement", "Share this") when it
// has at most maxCrossWords words and documents of at least max(minSites,
// minSitesShare × the batch's sites) sites hold it. Memory is bounded by
// maxPairs distinct (site, line) pairs.
const (
	minSiteDocs   = 4
	minSiteShare  = 0.05
	minSites      = 3
	minSitesShare = 0.01
	maxCrossWords = 12
	// Lines of more than maxSiteWords words that recur are paragraphs a site
	// reprints (an update, a syndicated story), deduplication's business, not chrome.
	maxSiteWords = 60
	maxPairs     = 1 << 21
	// A lone recurring line between lines of running text (a generic heading
	// such as "References", a legal formula every bill opens with, a date) is
	// chrome only when at least max(strongSiteDocs, strongSiteShare × the site's
	// documents) documents of the site hold it.
	strongSiteDocs  = 5
	strongSiteShare = 0.5
	// maxDocs bounds the document keys kept to count copies once.
	maxDocs = 1 << 20
	// A document whose long lines (longWords words or more) recur for at least
	// dupShare of their bytes is a copy of another document of the batch, not a
	// page with chrome: deduplication is another rule's business.
	longWords = 10
	dupShare  = 0.5
)

type repeatedLine struct {
	minSiteDocs   int
	minSiteShare  float64
	minSites      int
	minSitesShare float64
	maxCrossWords int
	maxSiteWords  int
	maxPairs      int
	level         string
}

func (r repeatedLine) Meta() rules.Meta {
	return rules.Meta{
		Name:     "repeated-line",
		Grouped:  true,
		Category: rules.Boilerplate,
		Severity: rules.Warning,
		Fixable:  true,
		Title:    "a line that recurs across the documents of a site or batch (site chrome)",
		Doc: `Flags lines that occur in many documents of the batch: the menus, footers,
cookie banners, newsletter prompts and "Share this" lines a site repeats on every
page, which extractors keep. CCNet (Wenzek et al., 2020) found them by hashing
normalized paragraphs across a shard; this rule does the same per line, per site.

It is a corpus rule: a first pass counts, for every line of every document, how
many documents hold it, per site (the URL's host, without "www.") when documents
carry a URL, else over the whole batch; the check pass then flags a line when:
  - it has at most 60 words and at least max(4, 5% of the site's documents)
    documents of its site hold it (a longer recurring paragraph is a reprint,
    deduplication's business); or
  - it has at most 12 words and documents of at least max(3, 1% of the batch's
    sites) different sites hold it (generic chrome such as "Advertisement").
A lone recurring line between lines of running text (a heading such as
"References" that a site's papers share, a formula every bill opens with, a
date) needs more from its site: at least half its documents and five of them.
Lines are compared after normalization: lower case, numbers folded to 0 (so
"Image 3 of 12" matches "Image 4 of 12"), words only. A line counts once per
document, and copies of a document count once for its own lines, so a batch of
identical records is never emptied. Copies are the documents with the same text,
with the same URL without scheme, "www.", fragment and final slash (a batch
written twice, re-crawls), or in the same near-duplicate cluster (which joins
texts equal but for case, white space and punctuation, when they have 5 words or
more): the
MinHash signatures and LSH bands of near-duplicate with its defaults (5-word
shingles, 14 bands of 8; rules/text/minhash holds them for both rules), so a
page re-crawled under tracking URLs with a new date is one document here. A
document's copies are taken off the counts of all its lines (and off its site's
documents), which assumes every copy holds the line: for a near-duplicate that
can count a line too low, never too high. (Copies still count for the lines they
share with other documents.) A document
whose long lines (10 words or more) recur for half their bytes or more is a copy
of another document, not a page with chrome, and is left to deduplication.

Memory stays bounded whatever the batch size: the first pass keeps 64-bit hashes
of the lines (never the lines) with a count per (site, line) pair, at most
2,097,152 pairs (about 80 MB). For the clusters it keeps 120 bytes per document of 5
words or more (the 112-byte signature and a hash of the document's path and
record), for at most 1,048,576 documents (about 126 MB); past that, documents
are not clustered and count as themselves, as when a cluster is missed. When the table fills, pairs seen once are
dropped, since they cannot be chrome yet; counts can then only fall short of the
truth, so the rule may miss chrome but never flags a line that does not recur.
States of several workers or machines merge by adding counts. Standard input
and other streams are copied for the two passes, up to --max-record-size; on a
longer one the rule sees no batch and reports nothing (corpuslint says so on
stderr).

The message gives the number of documents holding the line and the threshold;
the score is that count. The fix deletes the lines with their line break. At the
default level (option level: conservative) it is safe only for a block of two
recurring lines or more that five documents (or sites) hold; single lines and
smaller counts get an unsafe fix, and the message says why. A block is a run of
recurring lines with only blank lines between them, whichever test each passes
(a site's "Advertisement" beside a generic "Continue reading the main story"),
and each line counts as held when five documents of its site or five sites hold
it: deciding a line by the first test it passed let fixes elsewhere in the
batch move it from one test to the other, and a second run of fix delete what
the first had left. Level balanced also
makes lone lines with the strong site signal safe; aggressive makes every fix safe.`,
		SafeFixes: "precision 1.000 on the held-out check part of the site split (1,481 boilerplate lines deleted, no body line; " +
			"aeb-dev, readability-dev and the own kinds set, each extractor's records one batch) and 1.000 on the tuning part (2,934 and 0): " + measuredBy,
		Bad: "Subscribe to our newsletter\nThe council approved the new budget on Tuesday.\n" +
			"(when the first line also opens the site's other pages)",
		Good: "The council approved the new budget on Tuesday.",
	}
}

// NewState implements CorpusRule.
func (r repeatedLine) NewState() rules.CorpusState {
	return &repeatedState{maxPairs: r.maxPairs, maxDocs: maxDocs, sites: map[uint64]uint32{}, pairs: newPairTable(), docs: map[uint64]uint32{}, signer: minhash.NewSigner(minhash.Defaults)}
}

// repeatedKey is a (site, line) pair, both as 64-bit hashes.
type repeatedKey struct{ site, line uint64 }

// repeatedState is the first pass's count: documents per site, and documents holding
// each (site, line) pair. Observe and Merge are plain calls with no global state.
type repeatedState struct {
	maxPairs int
	sites    map[uint64]uint32 // site hash -> documents
	pairs    pairTable         // (site, line) -> documents holding the line
	// pruned is set once pairs seen once had to be dropped to stay in bounds.
	pruned bool
	// docs counts the documents of each key: a hash of the text, and one of the
	// URL when there is one. A document whose key recurs is a copy (a re-crawl,
	// a duplicate record) and counts once for its own lines (see Check). At most
	// maxDocs keys are kept; past that, copies count as documents.
	maxDocs int
	docs    map[uint64]uint32
	// The near-duplicate signatures (rules/text/minhash, near-duplicate's with
	// its defaults), one per document of at least 5 words, at most maxDocs:
	// sigPlaces[i] is a hash of the i-th document's (path, record), and its
	// signature is sigs[i*K : (i+1)*K]. Clustered on the first Check, so that
	// a cluster of near-duplicates counts once for its own lines, as copies do.
	signer    *minhash.Signer
	sigPlaces []uint64
	sigs      []byte

	// Derived once, on the first Check: sites holding each line, keyed by
	// (0, line); the signed documents in place-hash order (sigOrder, indexes
	// into sigPlaces) with the size of each one's cluster (clusterSize).
	once        sync.Once
	lineSites   pairTable
	sigOrder    []int32
	clusterSize []int32
}

// Observe implements CorpusState: it counts the distinct normalized lines of doc.
func (s *repeatedState) Observe(doc *rules.Document, a *text.Analysis) {
	site := repeatedSite(doc.URL)
	s.sites[site]++
	for _, k := range docKeys(doc) {
		s.addDoc(k, 1)
	}
	s.sign(doc, a)
	hs := lineHashes(a, nil)
	slices.Sort(hs)
	hs = slices.Compact(hs)
	for _, h := range hs {
		s.add(repeatedKey{site, h}, 1)
	}
}

// addDoc counts n more documents of key k, while there is room.
func (s *repeatedState) addDoc(k uint64, n uint32) {
	if k == 0 {
		return
	}
	if c, ok := s.docs[k]; ok {
		s.docs[k] = c + n
	} else if len(s.docs) < s.maxDocs {
		s.docs[k] = n
	}
}

// sign keeps the near-duplicate signature of doc, while there is room.
func (s *repeatedState) sign(doc *rules.Document, a *text.Analysis) {
	if len(s.sigPlaces) >= s.maxDocs {
		return
	}
	if s.signer == nil {
		s.signer = minhash.NewSigner(minhash.Defaults)
	}
	k := minhash.Defaults.K()
	s.sigs = slices.Grow(s.sigs, k)
	sig := s.sigs[len(s.sigs) : len(s.sigs)+k]
	if !s.signer.Sign(a.Text(), sig) {
		return // fewer than 5 words: never a near-duplicate
	}
	s.sigs = s.sigs[:len(s.sigs)+k]
	s.sigPlaces = append(s.sigPlaces, placeHash(doc))
}

// placeHash hashes where a document is (its path and record): the same in the
// corpus pass and in every round of the fix loop, whose texts change.
func placeHash(doc *rules.Document) uint64 {
	h := uint64(fnvOffset) ^ 'p'
	for i := 0; i < len(doc.Path); i++ {
		h = (h ^ uint64(doc.Path[i])) * fnvPrime
	}
	h *= fnvPrime // a 0 byte between the path and the record
	for r := uint64(doc.Record); ; r >>= 8 {
		h = (h ^ (r & 0xff)) * fnvPrime
		if r < 0x100 {
			break
		}
	}
	return h
}

// copies returns how many documents of the batch are doc itself: those with its
// text, those with its URL, and the members of its near-duplicate cluster (at
// least 1).
func (s *repeatedState) copies(doc *rules.Document) int {
	n := uint32(1)
	for _, k := range docKeys(doc) {
		if k != 0 {
			n = max(n, s.docs[k])
		}
	}
	h := placeHash(doc)
	if p, ok := slices.BinarySearchFunc(s.sigOrder, h, func(i int32, h uint64) int { return cmp.Compare(s.sigPlaces[i], h) }); ok {
		n = max(n, uint32(s.clusterSize[p]))
	}
	return int(n)
}

// docKeys returns the keys a document counts under: a hash of its text as it
// is (text.Hash64), and one of its URL (without scheme, "www.", fragment and trailing slash),
// 0 when it has none. Texts equal after duplicate-document's normalisation
// have equal signatures, so the clusters join them (when they have 5 words or
// more); the raw hash here is for the shorter ones and costs a tenth of the
// normalised one.
func docKeys(doc *rules.Document) [2]uint64 {
	// text.Hash64, not the byte-at-a-time FNV of the line hashes: it reads the
	// whole text of every document, and FNV there was 4% of the default rules'
	// time. A key of 0 means none, so an (unlikely) 0 becomes 1.
	h := max(text.Hash64(doc.Text, 't'), 1)
	var u uint64
	if host := repeatedHost(doc.URL); host != "" {
		rest := doc.URL
		if i := strings.Index(rest, "://"); i >= 0 {
			rest = rest[i+3:]
		}
		if i := strings.IndexAny(rest, "/?#"); i >= 0 {
			rest = rest[i:]
		} else {
			rest = ""
		}
		if i := strings.IndexByte(rest, '#'); i >= 0 {
			rest = rest[:i]
		}
		rest = strings.TrimSuffix(rest, "/")
		u = uint64(fnvOffset) ^ 'u'
		for _, part := range []string{host, rest} {
			for i := 0; i < len(part); i++ {
				u = (u ^ uint64(part[i])) * fnvPrime
			}
		}
	}
	return [2]uint64{h, u}
}

// add counts n more documents for k, pruning when the table is full.
func (s *repeatedState) add(k repeatedKey, n uint32) {
	if s.pairs.addExisting(k, n) {
		return
	}
	if s.pairs.Len() >= s.maxPairs {
		s.prune()
		if s.pairs.Len() >= s.maxPairs {
			return // still full of recurring pairs: new ones go uncounted
		}
	}
	s.pairs.insert(k, n)
}

// prune drops the pairs seen in one document only: they cannot be chrome yet, and
// every other count stays exact or falls short, never over.
func (s *repeatedState) prune() {
	s.pairs.dropOnes()
	s.pruned = true
}

// Merge implements CorpusState by adding the counts of other (a *repeatedState).
// Adding is associative and commutative, so states from several workers or
// machines combine in any order; only pruning, when the table is full, makes
// the counts approximate (and then only too low).
func (s *repeatedState) Merge(other rules.CorpusState) {
	o, ok := other.(*repeatedState)
	if !ok || o == nil {
		return
	}
	for k, n := range o.sites {
		s.sites[k] += n
	}
	o.pairs.each(s.add)
	for k, n := range o.docs {
		s.addDoc(k, n)
	}
	k := minhash.Defaults.K()
	for i, h := range o.sigPlaces {
		if len(s.sigPlaces) >= s.maxDocs {
			break
		}
		s.sigPlaces = append(s.sigPlaces, h)
		s.sigs = append(s.sigs, o.sigs[i*k:(i+1)*k]...)
	}
	s.pruned = s.pruned || o.pruned
}

// Pairs returns how many (site, line) pairs the state holds, for memory tests.
func (s *repeatedState) Pairs() int { return s.pairs.Len() }

func (s *repeatedState) derive() {
	s.once.Do(func() {
		s.lineSites = newPairTable()
		s.pairs.each(func(k repeatedKey, _ uint32) {
			line := repeatedKey{line: k.line}
			if !s.lineSites.addExisting(line, 1) {
				s.lineSites.insert(line, 1)
			}
		})
		s.deriveClusters()
	})
}

// deriveClusters joins the signed documents into near-duplicate clusters (as
// near-duplicate does, rules/text/minhash) and records each one's cluster size.
// The documents are first sorted by place hash, then signature, and a place
// signed twice counts once, so the sizes depend only on the documents, not on
// the order they were observed and merged in.
func (s *repeatedState) deriveClusters() {
	k := minhash.Defaults.K()
	sig := func(i int32) []byte { return s.sigs[int(i)*k : (int(i)+1)*k] }
	order := make([]int32, len(s.sigPlaces))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(x, y int32) int {
		if c := cmp.Compare(s.sigPlaces[x], s.sigPlaces[y]); c != 0 {
			return c
		}
		return bytes.Compare(sig(x), sig(y))
	})
	order = slices.CompactFunc(order, func(x, y int32) bool { return s.sigPlaces[x] == s.sigPlaces[y] })
	root := minhash.Cluster(minhash.Defaults, len(order), func(p int) []byte { return sig(order[p]) })
	count := make([]int32, len(order))
	for _, r := range root {
		count[r]++
	}
	size := make([]int32, len(order))
	for p, r := range root {
		size[p] = count[r]
	}
	s.sigOrder, s.clusterSize = order, size
}

// options declares the rule's options, bound to the fields of r.
func (r *repeatedLine) options() *option.Set {
	s := option.New("repeated-line")
	s.Int("min_site_docs", &r.minSiteDocs, 2, math.MaxInt32)
	s.Float("min_site_share", &r.minSiteShare, 0, 1, false)
	s.Int("min_sites", &r.minSites, 2, math.MaxInt32)
	s.Float("min_sites_share", &r.minSitesShare, 0, 1, false)
	s.Int("max_cross_words", &r.maxCrossWords, 0, math.MaxInt32)
	s.Int("max_site_words", &r.maxSiteWords, 1, math.MaxInt32)
	s.Int("max_pairs", &r.maxPairs, 1024, 1<<30)
	s.String("level", &r.level, levels...)
	return s
}

// Options implements rules.Configurable.
func (r repeatedLine) Options() map[string]any { return r.options().Values() }

// Configure implements rules.Configurable: r is a copy, the receiver stays as it was.
func (r repeatedLine) Configure(opts map[string]any) (rules.Rule, error) {
	if err := r.options().Decode(opts); err != nil {
		return nil, err
	}
	return r, nil
}

func (r repeatedLine) Check(p *rules.Pass) {
	st, ok := p.Corpus.(*repeatedState)
	if !ok || st == nil || len(st.sites) == 0 {
		return // no first pass (standard input): nothing to compare with
	}
	st.derive()
	a := p.Analysis
	lines := a.Lines()
	site := repeatedSite(p.Doc.URL)
	siteDocs := int(st.sites[site])
	needSite := max(r.minSiteDocs, int(math.Ceil(r.minSiteShare*float64(siteDocs))))
	needSites := max(r.minSites, int(math.Ceil(r.minSitesShare*float64(len(st.sites)))))

	// A hit records both tests, each with the copies taken off: a line can
	// pass one, the other or both, and the block and its safety are decided on
	// the two together. Deciding a line by the first test it passes made the
	// result move when a fix moved a count: a line of one site's chrome that
	// is also generic ("Advertisement") fell to the cross-site test once fixes
	// took it off some of its site's pages, joined a block it had been kept
	// out of, and a second fix deleted what the first had left.
	type hit struct {
		line      int
		siteCount int // documents of the site holding it
		sitesCnt  int // sites holding it
		perSite   bool
		crossSite bool
	}
	// A copy of this document (the same text or URL) holds every line of it:
	// the copies count as one document here. Finding them hashes the whole
	// text, so that waits for a line that reaches a threshold before the
	// copies are taken off (extra >= 0: a line below one stays below).
	extra := -1
	var hits []hit
	txt := a.Text()
	longBytes, longDup := 0, 0
	firstProse, lastProse := -1, -1
	for i, l := range lines {
		if proseLine(a, l) {
			if firstProse < 0 {
				firstProse = i
			}
			lastProse = i
		}
		h, words, ok := hashLine(txt, l)
		if !ok {
			continue
		}
		long := words >= longWords
		if long {
			longBytes += l.End - l.Start
		}
		siteCount, sitesCount := int(st.pairs.get(repeatedKey{site, h})), int(st.lineSites.get(repeatedKey{line: h}))
		if !(words <= r.maxSiteWords && siteCount >= needSite) && !(words <= r.maxCrossWords && sitesCount >= needSites) {
			continue
		}
		if extra < 0 {
			extra = st.copies(p.Doc) - 1
		}
		x := hit{line: i, siteCount: siteCount - extra, sitesCnt: sitesCount - extra}
		x.perSite = words <= r.maxSiteWords && x.siteCount >= needSite
		x.crossSite = words <= r.maxCrossWords && x.sitesCnt >= needSites
		if !x.perSite && !x.crossSite {
			continue
		}
		hits = append(hits, x)
		if long {
			longDup += l.End - l.Start
		}
	}
	if len(hits) == 0 || (longBytes > 0 && float64(longDup) >= dupShare*float64(longBytes)) {
		return
	}
	strong := max(strongSiteDocs, int(math.Ceil(strongSiteShare*float64(siteDocs-extra))))
	host := repeatedHost(p.Doc.URL)
	for k := 0; k < len(hits); {
		// A block: hits on consecutive non-blank lines, by either test.
		j := k
		for j+1 < len(hits) && adjacent(a, hits[j].line, hits[j+1].line) {
			j++
		}
		block := hits[k : j+1]
		first, last := hits[k].line, hits[j].line
		n := len(block)
		k = j + 1
		allSite, allCross := true, true
		minSite, minSites := math.MaxInt, math.MaxInt
		// held: every line is held by conservativeDocs documents of its site
		// or as many sites, by a test it passes.
		held := true
		for _, h := range block {
			allSite = allSite && h.perSite
			allCross = allCross && h.crossSite
			if h.perSite {
				minSite = min(minSite, h.siteCount)
			}
			if h.crossSite {
				minSites = min(minSites, h.sitesCnt)
			}
			held = held && (h.perSite && h.siteCount >= max(needSite, conservativeDocs) ||
				h.crossSite && h.sitesCnt >= max(needSites, conservativeDocs))
		}
		// A lone line between lines of running text is a heading, a formula or a
		// date the site's pages share, not chrome, unless nearly every page of
		// the site holds it.
		inner := firstProse >= 0 && first > firstProse && last < lastProse
		siteStrong := allSite && minSite >= strong
		if n == 1 && inner && !siteStrong && block[0].perSite {
			continue
		}
		var msg string
		score := &rules.Score{Name: "documents_with_line", Op: ">="}
		where := "of this batch"
		if host != "" {
			where = "of " + host
		}
		switch {
		case allSite:
			msg = fmt.Sprintf("%s in %d of %d documents %s (%d or more make site chrome)",
				repeatedLines(n), minSite, siteDocs-extra, where, needSite)
			score.Value, score.Threshold = float64(minSite), float64(needSite)
		case allCross:
			what := "line of %d words or fewer recurs"
			if n > 1 {
				what = fmt.Sprint(n) + " lines of %d words or fewer recur"
			}
			msg = fmt.Sprintf(what+" on %d sites of this batch (%d or more make generic chrome)",
				r.maxCrossWords, minSites, needSites)
			score.Value, score.Threshold = float64(minSites), float64(needSites)
		default:
			// Some lines are the site's chrome, the others generic chrome.
			msg = fmt.Sprintf("%d lines recur, each as site chrome (in %d or more of %d documents %s; %d or more make it) "+
				"or generic chrome (on %d or more sites of this batch; %d or more make it)",
				n, minSite, siteDocs-extra, where, needSite, minSites, needSites)
			score.Value, score.Threshold = float64(minSite), float64(needSite)
		}
		fix := &rules.Fix{Message: "delete the repeated lines", Applicability: rules.Safe, Edits: []rules.Edit{deleteLines(a, first, last)}}
		if r.safe(n, held, siteStrong) {
			msg += "; safe to delete: the lines recur together in many documents"
		} else {
			fix.Applicability = rules.Unsafe
			fix.Message = "delete the repeated lines (unsafe: " + r.unsafeWhy(n) + ")"
			msg += "; deleting it is unsafe: " + r.unsafeWhy(n)
		}
		start, _ := text.TrimSpan(a.Text(), lines[first].Start, lines[first].End)
		_, end := text.TrimSpan(a.Text(), lines[last].Start, lines[last].End)
		p.Report(rules.Finding{
			Start:   start,
			End:     end,
			Message: msg,
			Fix:     fix,
			Score:   score,
		})
	}
}

// safe reports whether the deletion of a block of n recurring lines is safe at
// the rule's level; held says every line passes one of its tests with
// conservativeDocs documents (or sites) or more.
func (r repeatedLine) safe(n int, held, siteStrong bool) bool {
	switch r.level {
	case levelAggressive:
		return true
	case levelBalanced:
		return n >= 2 || siteStrong
	}
	return n >= 2 && held
}

func (r repeatedLine) unsafeWhy(n int) string {
	if n == 1 {
		return "a single recurring line may be the site's own heading or formula"
	}
	return fmt.Sprintf("fewer than %d documents hold the lines", conservativeDocs)
}

// proseLine reports whether line l reads as running text: ten words or more and
// a sentence end.
func proseLine(a *text.Analysis, l text.Line) bool {
	if l.End-l.Start < 40 {
		return false
	}
	if len(a.WordsIn(l.Start, l.End)) < 10 {
		return false
	}
	return strings.ContainsAny(a.Text()[l.Start:l.End], ".!?")
}

func repeatedLines(n int) string {
	if n == 1 {
		return "line recurs"
	}
	return fmt.Sprintf("%d lines recur", n)
}

// adjacent reports whether only blank lines lie between lines i < j.
func adjacent(a *text.Analysis, i, j int) bool {
	for k := i + 1; k < j; k++ {
		if !a.IsBlank(k) {
			return false
		}
	}
	return true
}

// lineHashes appends the normalized hash of every line with a letter to out.
func lineHashes(a *text.Analysis, out []uint64) []uint64 {
	text := a.Text()
	for _, l := range a.Lines() {
		if h, _, ok := hashLine(text, l); ok {
			out = append(out, h)
		}
	}
	return out
}

// hashLine hashes the words of line l (the tokens of AppendWords) in lower case
// with numbers folded to "0" (the normalization of lowerHash). ok is false for a
// line without a word of two letters or more: blank lines, numbers, lone
// initials and separators. It runs on every line in both passes, so it walks the
// bytes once, hashing as it goes, instead of listing the words and lowering a
// copy of each (hashLineByWords is that plain version; tests and a fuzz target
// hold them equal). The word loop mirrors AppendWords on purpose: sharing it
// through a nextWord function cost a quarter of the tokenizer's speed and a third
// of this one's (BenchmarkWords, BenchmarkLineHashes).
func hashLine(t string, l text.Line) (h uint64, words int, ok bool) {
	h = fnvOffset
	i, end := l.Start, l.End
	for i < end {
		c := t[i]
		if !text.IsASCIIWordByte(c) {
			if c < utf8.RuneSelf {
				i++
				continue
			}
			r, n := utf8.DecodeRuneInString(t[i:end])
			if !text.IsWordRune(r) {
				i += n
				continue
			}
		}
		// A word starts at i.
		words++
		start := i
		number := c >= '0' && c <= '9'
		if number {
			h = (h ^ '0') * fnvPrime
		}
		for i < end {
			c := t[i]
			if text.IsASCIIWordByte(c) {
				if !number {
					h = (h ^ uint64(repeatedLower[c])) * fnvPrime
				}
				i++
				continue
			}
			if c < utf8.RuneSelf {
				if (c == '\'' || c == '-' || c == '.') && i+1 < end && text.NextIsWord(t, i+1, end) {
					if !number {
						h = (h ^ uint64(c)) * fnvPrime
					}
					i++
					continue
				}
				break
			}
			r, n := utf8.DecodeRuneInString(t[i:end])
			if text.IsWordRune(r) || (r == '\u2019' || r == '\u2010' || r == '\u2011') && text.NextIsWord(t, i+n, end) {
				if !number {
					var buf [utf8.UTFMax]byte
					for _, b := range buf[:utf8.EncodeRune(buf[:], unicode.ToLower(r))] {
						h = (h ^ uint64(b)) * fnvPrime
					}
				}
				i += n
				continue
			}
			break
		}
		if !number && i-start >= 2 {
			ok = true
		}
		h = (h ^ ' ') * fnvPrime
	}
	return h, words, ok
}

// repeatedLower maps ASCII letters to lower case and every other byte to itself.
var repeatedLower = func() (t [256]byte) {
	for c := range t {
		t[c] = byte(c)
		if 'A' <= c && c <= 'Z' {
			t[c] = byte(c + 'a' - 'A')
		}
	}
	return t
}()

// repeatedHost returns the host of a URL in lower case without "www." and port, or "".
func repeatedHost(u string) string {
	u = rawHost(u)
	if u == "" {
		return ""
	}
	u = strings.ToLower(u)
	return strings.TrimPrefix(u, "www.")
}

// rawHost returns the host of a URL as written (case kept), without user and
// port, or "".
func rawHost(u string) string {
	if u == "" {
		return ""
	}
	if i := strings.Index(u, "://"); i >= 0 {
		u = u[i+3:]
	}
	if i := strings.IndexAny(u, "/?#"); i >= 0 {
		u = u[:i]
	}
	if i := strings.LastIndexByte(u, '@'); i >= 0 {
		u = u[i+1:]
	}
	if i := strings.LastIndexByte(u, ':'); i >= 0 && !strings.Contains(u[i:], "]") {
		u = u[:i]
	}
	return u
}

// isASCII reports whether s is all ASCII bytes.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// repeatedSite hashes the host of a URL; documents without one share site 0.
// Both passes call it for every document: an ASCII host is lowered as it is
// hashed, without the copy of repeatedHost (the same bytes, so the same hash).
func repeatedSite(u string) uint64 {
	if raw := rawHost(u); isASCII(raw) {
		if len(raw) >= 4 && repeatedLower[raw[0]] == 'w' && repeatedLower[raw[1]] == 'w' && repeatedLower[raw[2]] == 'w' && raw[3] == '.' {
			raw = raw[4:]
		}
		if raw == "" {
			return 0
		}
		h := uint64(fnvOffset)
		for i := 0; i < len(raw); i++ {
			h = (h ^ uint64(repeatedLower[raw[i]])) * fnvPrime
		}
		return h
	}
	host := repeatedHost(u)
	if host == "" {
		return 0
	}
	h := uint64(fnvOffset)
	for i := 0; i < len(host); i++ {
		h = (h ^ uint64(host[i])) * fnvPrime
	}
	return h
}
