// Package minhash holds the document signatures that more than one rule
// compares across a batch: the light normalisation of a text into words (lower
// case; punctuation, symbols and white space only separate words), the hash of
// a whole normalised text (exact duplicates) and the b-bit MinHash signature
// over word n-grams with its LSH bands (near-duplicates).
//
// duplicate-document and near-duplicate find the copies with them, and
// repeated-line counts a cluster of copies once with the very same signatures;
// the code lives here so that no rule calls another. Every hash is fixed (FNV-1a
// and splitmix64, never Go's seeded maphash): states cross machines in the Beam
// pipeline and must agree.
package minhash
