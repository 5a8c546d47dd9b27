package duplication

import (
	"fmt"

	"github.com/corpuslint/corpuslint/rules"
	"github.com/corpuslint/corpuslint/rules/text"
	"github.com/corpuslint/corpuslint/rules/text/minhash"
)

// DuplicateDocument returns the duplicate-document corpus rule: a document whose
// text, after light normalisation, is the text of an earlier document of the
// batch.
func DuplicateDocument() rules.Rule { return duplicateDocument{} }

type duplicateDocument struct{}

func (duplicateDocument) Meta() rules.Meta {
	return rules.Meta{
		Name:     "duplicate-document",
		Category: rules.Repetition,
		Severity: rules.Warning,
		Fixable:  true,
		Title:    "a document whose text is another document's of the batch (exact duplicate after normalisation)",
		Doc: `Flags every copy of a document after the first: documents whose texts are equal
once case, white space and punctuation are normalised (a word is a run of
letters, digits and marks, lower-cased; anything else only separates words, so
"The cat, sat." equals "the  cat sat"). A batch written twice, a page crawled
under two URLs, a record appended again by a retried job: the commonest
quality problem of a crawl batch after boilerplate.

It is a corpus rule: a first pass keeps, for each distinct normalised text, a
64-bit hash and the first document holding it, then the check pass flags the
others. "First" is the smallest (path, record): paths compared as strings,
then the record number (JSONL line, Parquet row, WARC record). It is not the
order the documents were read or merged in, so the same copy is kept on one
worker, on eight, and in the Beam pipeline. The message names the first
copy's id, path and record and the number of copies; the score is that number.
A document with no word (empty, or only punctuation) is never a duplicate.

The fix drops the copy and is unsafe (--unsafe-fixes): ` + "`fix`" + ` then moves
a JSONL record to <name>.rejected.jsonl with the reason; a whole text file is
never deleted. It is unsafe because the copies are found on the text as read,
while the other rules' fixes can make two different documents equal (the same
article with different boilerplate removed): a second ` + "`fix`" + ` would then drop
more, and fix twice must equal fix once.

Memory: a map from the hash to the first copy (paths interned): 117 bytes per
distinct text measured at a million documents with 10-byte ids
(docs/duplication.md). Two different texts share a
64-bit hash with probability about n²/2⁶⁵ (1 in 36 million at a million
documents). Standard input cannot be read twice, so on "-" the rule sees no
batch and reports nothing.

Off by default: in a set of extractor outputs or a labelled evaluation set
copies are often meant (one page in several files). Select it (--select duplicate-document) on a crawl batch or a
training corpus. near-duplicate finds the copies that differ a little.

datatrove's equivalent is ExactDedupSignature / ExactFindDedups / ExactDedupFilter
(exact_dedup.py), which hashes the text after simplify_text and keeps one
document of each hash; corpuslint also says which document is the kept one.`,
		Bad: "The council approved the budget.\n(when the batch's first document is " +
			"\"the Council approved the budget\")",
		Good:     "(the copy is dropped; the first document stays)",
		Matches:  "datatrove ExactDedupFilter (exact_dedup.py), on the normalised text",
		Disabled: true,
	}
}

// NewState implements rules.CorpusRule.
func (duplicateDocument) NewState() rules.CorpusState {
	return &dupState{first: map[uint64]dupEntry{}}
}

// dupEntry is the first document of one normalised text, and how many
// documents of the batch hold that text.
type dupEntry struct {
	path   uint32 // index into dupState.paths
	copies uint32
	record int64
	id     string
}

// dupState is the first pass: for every hash of a normalised text, its first
// document. Merging keeps the smaller (path, record) of the two and adds the
// counts, so any order of observing and merging gives the same state.
type dupState struct {
	paths paths
	first map[uint64]dupEntry
}

// less reports whether the document (path, record, id) comes before e.
func (s *dupState) less(path string, record int64, id string, e dupEntry) bool {
	if c := compareRef(path, record, s.paths.names[e.path], e.record); c != 0 {
		return c < 0
	}
	return id < e.id // the same place twice: any fixed choice will do
}

// add counts copies documents of hash h whose first is (path, record, id).
func (s *dupState) add(h uint64, path string, record int64, id string, copies uint32) {
	e, ok := s.first[h]
	if !ok {
		s.first[h] = dupEntry{path: s.paths.id(path), copies: copies, record: record, id: id}
		return
	}
	e.copies += copies
	if s.less(path, record, id, e) {
		e.path, e.record, e.id = s.paths.id(path), record, id
	}
	s.first[h] = e
}

// Observe implements rules.CorpusState.
func (s *dupState) Observe(doc *rules.Document, a *text.Analysis) {
	h, ok := minhash.TextHash(a.Text())
	if !ok {
		return
	}
	s.add(h, doc.Path, int64(doc.Record), doc.ID, 1)
}

// Merge implements rules.CorpusState.
func (s *dupState) Merge(other rules.CorpusState) {
	o, ok := other.(*dupState)
	if !ok || o == nil {
		return
	}
	for h, e := range o.first {
		s.add(h, o.paths.names[e.path], e.record, e.id, e.copies)
	}
}

// Distinct returns the number of distinct normalised texts observed (for tests
// and memory figures).
func (s *dupState) Distinct() int { return len(s.first) }

func (duplicateDocument) Check(p *rules.Pass) {
	st, ok := p.Corpus.(*dupState)
	if !ok || st == nil || len(st.first) == 0 {
		return // no first pass (standard input): nothing to compare with
	}
	txt := p.Analysis.Text()
	h, ok := minhash.TextHash(txt)
	if !ok {
		return
	}
	e, ok := st.first[h]
	if !ok || e.copies < 2 {
		return
	}
	firstPath := st.paths.names[e.path]
	if firstPath == p.Doc.Path && e.record == int64(p.Doc.Record) {
		return // this is the first copy: it stays
	}
	msg := fmt.Sprintf("duplicate of document %s (%s), the first of %d copies of this text (compared without case, white space and punctuation)",
		e.id, where(firstPath, e.record), e.copies)
	p.Report(rules.Finding{
		Start:   0,
		End:     len(txt),
		Message: msg,
		Score:   &rules.Score{Name: "copies", Value: float64(e.copies), Op: ">", Threshold: 1},
		Fix: &rules.Fix{
			Message:       "drop the document: a copy of " + e.id,
			Applicability: rules.Unsafe,
			Edits:         []rules.Edit{{Start: 0, End: len(txt)}},
			Drop:          true,
		},
	})
}
