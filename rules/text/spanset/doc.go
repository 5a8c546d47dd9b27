// Package spanset holds a set of pieces of a document (lines, paragraphs) by
// their offsets: an open-addressing table of hashes, reused from document to
// document, for the rules that count repeated pieces. A Go map of strings
// cost a string header and a map entry per piece, and a clear per document.
package spanset
