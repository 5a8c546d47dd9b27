package repetition

import (
	txt "github.com/corpuslint/corpuslint/rules/text"
	"github.com/corpuslint/corpuslint/rules/text/spacy"
)

// GopherMeasure exposes the Gopher measurements to the external tests: the
// failed checks of the default settings as reason, value and span.
func GopherMeasure(text string) []ExportedFailure {
	var out []ExportedFailure
	words := spacy.WordsOf(text)
	var ids txt.WordIDs
	ids.Build(text, words)
	for _, f := range gopherMeasure(text, words, &ids, gopherDefaults(), nil) {
		out = append(out, ExportedFailure{Reason: f.reason, Value: f.value, Start: f.start, End: f.end})
	}
	return out
}

// ExportedFailure is a failed Gopher check, for the external tests.
type ExportedFailure struct {
	Reason     string
	Value      float64
	Start, End int
}
