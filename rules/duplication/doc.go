// Package duplication holds the corpus rules that compare whole documents of a
// batch with each other: duplicate-document (the same text after light
// normalisation) and near-duplicate (MinHash with LSH banding, as datatrove's
// MinhashDedup steps).
//
// Both keep, per document, fixed-size hashes rather than texts, so their first
// pass stays small and their states merge across workers and Beam bundles. Which
// copy is "the first" or "the kept member" is decided by (path, record) order,
// never by the order in which documents or states arrived, so the findings are
// the same on one worker, on eight, or in the Beam pipeline.
package duplication
