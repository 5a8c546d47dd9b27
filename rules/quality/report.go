package quality

import (
	"strconv"
	"strings"

	"github.com/corpuslint/corpuslint/rules"
)

// format prints a measured value with enough digits to tell it from the threshold
// it is compared with ("0.7999" rather than "0.8" against 0.8).
func format(v, threshold float64) string {
	for prec := 3; prec <= 17; prec++ {
		s := strconv.FormatFloat(v, 'f', prec, 64)
		if v == threshold || s != strconv.FormatFloat(threshold, 'f', prec, 64) {
			return trimZeros(s)
		}
	}
	return strconv.FormatFloat(v, 'g', -1, 64)
}

// formatThreshold prints a threshold as the user wrote it.
func formatThreshold(t float64) string { return strconv.FormatFloat(t, 'g', -1, 64) }

func trimZeros(s string) string {
	if strings.IndexByte(s, '.') < 0 {
		return s
	}
	s = strings.TrimRight(s, "0")
	return strings.TrimSuffix(s, ".")
}

// dropFix is the fix of a document-level finding: one edit deleting the whole text,
// marked Drop so that `fix` moves a JSONL record to the rejected file (an empty
// document is dropped too: its edit is empty).
func dropFix(text, reason string) *rules.Fix {
	return &rules.Fix{
		Message:       "drop the document: " + reason,
		Applicability: rules.Safe,
		Edits:         []rules.Edit{{Start: 0, End: len(text)}},
		Drop:          true,
	}
}

// docFinding reports a document-level finding spanning the whole text, with its
// measurement and a drop fix.
func docFinding(p *rules.Pass, msg, check string, value float64, op string, threshold float64) {
	text := p.Doc.Text
	f := rules.Finding{Start: 0, End: len(text), Message: msg, Fix: dropFix(text, msg)}
	if check != "" {
		f.Score = &rules.Score{Name: check, Value: value, Op: op, Threshold: threshold}
	}
	p.Report(f)
}
