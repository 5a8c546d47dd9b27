// Package quality holds the document filters that reproduce published corpus
// filters as datatrove implements them: Gopher quality, FineWeb quality, C4
// quality and C4's line removals, each reporting the measured value beside the
// threshold.
package quality
