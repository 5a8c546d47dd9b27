package duplication

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"sync"

	"github.com/corpuslint/corpuslint/rules"
	"github.com/corpuslint/corpuslint/rules/option"
	"github.com/corpuslint/corpuslint/rules/text"
	"github.com/corpuslint/corpuslint/rules/text/minhash"
)

// NearDuplicate returns the near-duplicate corpus rule: documents whose MinHash
// signatures collide in a band of the batch's LSH index, clustered, every member
// but the kept one flagged.
func NearDuplicate() rules.Rule {
	return nearDuplicate{o: nearOptions(minhash.Defaults)}
}

// nearOptions are datatrove's MinhashConfig fields (words per shingle, LSH
// bands, minhashes per band, seed), with its defaults.
type nearOptions minhash.Config

func (o *nearOptions) set() *option.Set {
	s := option.New("near-duplicate")
	s.Int("n_grams", &o.NGrams, 1, 64)
	s.Int("num_buckets", &o.Buckets, 1, 64)
	s.Int("hashes_per_bucket", &o.PerBucket, 1, 32)
	s.Int("seed", &o.Seed, 0, math.MaxInt32)
	return s
}

// threshold is the similarity at which two documents share a band with
// probability one half, about (1/b)^(1/r): 0.719 with the defaults.
func (o nearOptions) threshold() float64 { return minhash.Config(o).Threshold() }

type nearDuplicate struct{ o nearOptions }

func (r nearDuplicate) Meta() rules.Meta {
	return rules.Meta{
		Name:     "near-duplicate",
		Category: rules.Repetition,
		Severity: rules.Warning,
		Fixable:  true,
		Title:    "a document that is nearly the text of another document of the batch (MinHash clusters)",
		Doc: `Flags documents that share most of their word 5-grams with another document of
the batch: the same article from two extractors, a page re-crawled with a new
date or comment count, a story syndicated with another footer. The method is
datatrove's MinhashDedup (the MinHash deduplication of FineWeb) with its
MinhashConfig defaults, each an option: shingles of n_grams (5) words of the
normalised text (lower case, words only, as duplicate-document), 14
num_buckets (LSH bands) of 8 hashes_per_bucket minhashes, parameters drawn
from seed (1). Two documents are candidates when all the minhashes of one band
agree, which happens with probability 1-(1-s^8)^14 for Jaccard similarity s
of their shingle sets: one half at s = 0.72, 0.92 at s = 0.8, 0.0003 at
s = 0.3. Candidates are joined into clusters (union-find over the band
collisions, so a chain A~B~C is one cluster, as in datatrove).

Each cluster keeps one member, the first in (path, record) order (paths as
strings, then the record number), as datatrove keeps the first; every other
member is flagged with the cluster's id (shared by its members), its size, the
kept member's id, path and record, and the Jaccard similarity to the kept member
estimated from the two signatures (the score, beside the band threshold; a
member joined through a chain can be below it). A document of fewer than
n_grams words has no shingle and is never clustered, as in datatrove. The fix
drops the document and is unsafe: similar is not identical (an update, a
correction, a second extractor's better text).

Memory: the first pass keeps, per document, its 112 minhashes as one byte each
(b-bit MinHash, Li and König 2010; a band is then 8 bytes, and two unrelated
documents still agree on a band with probability 2^-64), the document's record,
an index of its path and its id: 112 + 24 bytes plus the id's length (measured
at a million documents with 10-byte ids: 162 bytes per document, 174 once the
clusters are derived; docs/duplication.md). The clusters are derived once, on the first check, by
sorting the band keys (16 bytes per document, one band at a time). States of
workers and Beam bundles merge by concatenation, and the clusters depend only
on the documents, not on the order of merging. Standard input cannot be read
twice, so on "-" the rule reports nothing.

Differences from datatrove: shingles are hashed with FNV-1a and the 112 hash
functions are a·x+b modulo 2^64 (datatrove: SHA-1 and modulo 2^61-1), and words
are corpuslint's (datatrove: NLTK's word_tokenize after simplify_text), so
borderline pairs can fall differently. Off by default: it is for a training
corpus or a crawl batch, and extractor-output sets hold one page many times on
purpose. docs/duplication.md has its precision and recall on aeb-dev.`,
		Bad: "The council approved the new budget on Tuesday after a long debate about schools.\n" +
			"(when another document of the batch has the same sentence with one word changed)",
		Good:     "(the copy is dropped; the cluster's first document stays)",
		Matches:  "datatrove MinhashDedupSignature / Buckets / Cluster / Filter (MinhashConfig defaults)",
		Disabled: true,
	}
}

// Options implements rules.Configurable.
func (r nearDuplicate) Options() map[string]any { return r.o.set().Values() }

// Configure implements rules.Configurable: r is a copy, the receiver stays as it was.
func (r nearDuplicate) Configure(opts map[string]any) (rules.Rule, error) {
	if err := r.o.set().Decode(opts); err != nil {
		return nil, err
	}
	if r.o.Buckets*r.o.PerBucket > 1024 {
		return nil, &rules.OptionError{Option: "num_buckets", Msg: fmt.Sprintf("num_buckets × hashes_per_bucket is %d; at most 1024 hashes", r.o.Buckets*r.o.PerBucket)}
	}
	return r, nil
}

// NewState implements rules.CorpusRule.
func (r nearDuplicate) NewState() rules.CorpusState {
	return newNearState(r.o)
}

func newNearState(o nearOptions) *nearState {
	return &nearState{o: o, signer: minhash.NewSigner(minhash.Config(o))}
}

// nearDoc is where one observed document is: its record, its path (an index
// into nearState.paths) and its id (a slice of nearState.ids).
type nearDoc struct {
	record  int64
	idStart uint64
	path    uint32
	idLen   uint32
}

// nearState is the first pass: every document's signature, K = buckets ×
// hashes per bucket bytes in sigs, and where it is. The clusters are derived
// from it once, on the first Check.
type nearState struct {
	o      nearOptions
	signer *minhash.Signer // the shared signatures (rules/text/minhash)

	paths paths
	docs  []nearDoc
	ids   []byte
	sigs  []byte

	once sync.Once
	// Derived: order lists the documents in (path, record) order, one per
	// place; root[p] is the position in order of the kept member of the cluster
	// of position p, and size[p] the size of the cluster whose kept member is p.
	order []int32
	root  []int32
	size  []int32
}

func (s *nearState) k() int { return s.o.Buckets * s.o.PerBucket }

// signature fills sig (K bytes) with the b-bit MinHash signature of t and
// reports whether t has a shingle at all.
func (s *nearState) signature(t string, sig []byte) bool {
	if s.signer == nil {
		s.signer = minhash.NewSigner(minhash.Config(s.o))
	}
	return s.signer.Sign(t, sig)
}

// Observe implements rules.CorpusState.
func (s *nearState) Observe(doc *rules.Document, a *text.Analysis) {
	k := s.k()
	s.sigs = slices.Grow(s.sigs, k)
	sig := s.sigs[len(s.sigs) : len(s.sigs)+k]
	if !s.signature(a.Text(), sig) {
		return
	}
	s.sigs = s.sigs[:len(s.sigs)+k]
	s.add(doc.Path, int64(doc.Record), doc.ID)
}

func (s *nearState) add(path string, record int64, id string) {
	s.docs = append(s.docs, nearDoc{record: record, idStart: uint64(len(s.ids)), path: s.paths.id(path), idLen: uint32(len(id))})
	s.ids = append(s.ids, id...)
}

// Merge implements rules.CorpusState: the other state's documents are appended.
func (s *nearState) Merge(other rules.CorpusState) {
	o, ok := other.(*nearState)
	if !ok || o == nil || o.o != s.o {
		return
	}
	s.sigs = append(s.sigs, o.sigs...)
	for i := range o.docs {
		d := &o.docs[i]
		s.add(o.paths.names[d.path], d.record, o.id(i))
	}
}

func (s *nearState) id(i int) string {
	d := &s.docs[i]
	return string(s.ids[d.idStart : d.idStart+uint64(d.idLen)])
}

func (s *nearState) sig(i int) []byte { k := s.k(); return s.sigs[i*k : (i+1)*k] }

// compare orders documents i and j by (path, record, id).
func (s *nearState) compare(i, j int) int {
	di, dj := &s.docs[i], &s.docs[j]
	if c := compareRef(s.paths.names[di.path], di.record, s.paths.names[dj.path], dj.record); c != 0 {
		return c
	}
	return cmp.Compare(s.id(i), s.id(j))
}

// sorted returns the documents in (path, record) order, one per place (a place
// observed twice counts once), as indexes into docs.
func (s *nearState) sorted() []int32 {
	order := make([]int32, len(s.docs))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(x, y int32) int { return s.compare(int(x), int(y)) })
	return slices.CompactFunc(order, func(x, y int32) bool {
		dx, dy := &s.docs[x], &s.docs[y]
		return dx.path == dy.path && dx.record == dy.record
	})
}

// derive builds the clusters: for each band, the documents sorted by the band's
// key, each run of equal keys joined. Union-find links the larger root under
// the smaller, so every cluster's root is its first member in (path, record)
// order whatever order the unions come in.
func (s *nearState) derive() {
	s.once.Do(func() {
		s.order = s.sorted()
		root := minhash.Cluster(minhash.Config(s.o), len(s.order), func(p int) []byte { return s.sig(int(s.order[p])) })
		size := make([]int32, len(root))
		for _, r := range root {
			size[r]++
		}
		s.root, s.size = root, size
	})
}

// position returns the position in order of the document at (path, record).
func (s *nearState) position(path string, record int64) (int, bool) {
	p, ok := slices.BinarySearchFunc(s.order, 0, func(i int32, _ int) int {
		d := &s.docs[i]
		return compareRef(s.paths.names[d.path], d.record, path, record)
	})
	return p, ok
}

// Documents returns the number of documents observed (for tests and memory
// figures).
func (s *nearState) Documents() int { return len(s.docs) }

// clusterID names a cluster after its kept member's MinHash signature: the same
// on every run and machine, wherever the files lie (a path would change with the
// folder, and a Beam run reads them under another name), and shared by all its
// members.
func clusterID(sig []byte) string {
	h := uint64(fnvOffset)
	for _, b := range sig {
		h = minhash.Mix64(h ^ uint64(b))
	}
	return fmt.Sprintf("c%08x", uint32(h>>32))
}

func (r nearDuplicate) Check(p *rules.Pass) {
	st, ok := p.Corpus.(*nearState)
	if !ok || st == nil || len(st.docs) == 0 {
		return // no first pass (standard input): nothing to compare with
	}
	txt := p.Analysis.Text()
	if len(txt) == 0 {
		return
	}
	st.derive()
	pos, ok := st.position(p.Doc.Path, int64(p.Doc.Record))
	if !ok {
		return // too short for a shingle, or not observed
	}
	root := int(st.root[pos])
	if root == pos {
		return // the kept member (or alone)
	}
	ki := int(st.order[root])
	kd := &st.docs[ki]
	kpath := st.paths.names[kd.path]
	est := minhash.Estimate(st.sig(int(st.order[pos])), st.sig(ki))
	cid := clusterID(st.sig(ki))
	msg := fmt.Sprintf("near-duplicate of document %s (%s): cluster %s of %d documents, estimated Jaccard similarity %.2f to it (the kept member)",
		st.id(ki), where(kpath, kd.record), cid, st.size[root], est)
	p.Report(rules.Finding{
		Start:   0,
		End:     len(txt),
		Message: msg,
		Score:   &rules.Score{Name: "estimated_jaccard", Value: math.Round(est*1000) / 1000, Op: ">=", Threshold: math.Round(st.o.threshold()*1000) / 1000},
		Fix: &rules.Fix{
			Message:       "drop the document: a near-duplicate of " + st.id(ki) + " (cluster " + cid + ")",
			Applicability: rules.Unsafe,
			Edits:         []rules.Edit{{Start: 0, End: len(txt)}},
			Drop:          true,
		},
	})
}
