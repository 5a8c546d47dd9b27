// Package boilerplate holds the rules that find page furniture around and inside
// the main text: trailing-headlines (a block of unrelated headlines after the body),
// leading-, trailing- and inline-boilerplate (blocks the learned line model of
// package model reads as menus, bylines, share bars, captions and notices) and
// repeated-line (lines a batch repeats across the documents of a site).
//
// The model's reading of a document and the trailing headline block are computed
// once per document and shared through the result slot of package text, so that
// no rule runs another.
package boilerplate
