// Package text is the shared per-document analysis every rule reads: lines,
// paragraphs, sentences, words and positions, computed once and lazily, plus a
// typed result slot (Key, Result) in which a rule family caches what it derives
// from the text, and small character helpers shared by the families.
package text
