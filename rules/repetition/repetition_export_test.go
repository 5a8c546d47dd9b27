package repetition

import "github.com/corpuslint/corpuslint/rules/text/spacy"

// RepWords exposes the English word tokenizer to the external tests.
var RepWords = spacy.RepetitionWords

// RepGopherMeasure exposes the Gopher measurements to the external tests: the
// failed checks of the default settings as reason, value and span.
func RepGopherMeasure(text string) []RepFailure {
	var out []RepFailure
	for _, f := range repGopherMeasure(text, repGopherDefaults()) {
		out = append(out, RepFailure{Reason: f.reason, Value: f.value, Start: f.start, End: f.end})
	}
	return out
}

// RepFailure is a failed Gopher check, for the external tests.
type RepFailure struct {
	Reason     string
	Value      float64
	Start, End int
}
