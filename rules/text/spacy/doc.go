// Package spacy ports spaCy's English tokenizer (spacy.blank("en")), which
// datatrove's Gopher and FineWeb filters count words with.
package spacy
