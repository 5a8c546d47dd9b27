package quality

import (
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/corpuslint/corpuslint/rules"
)

// The quality rules take datatrove's parameter names as option names, so a filter
// configuration carries over unchanged. These helpers read one option value as JSON
// decodes it (float64, bool, []any) or as a Go caller passes it.

func number(name string, v any) (float64, error) {
	var f float64
	switch x := v.(type) {
	case float64:
		f = x
	case float32:
		f = float64(x)
	case int:
		f = float64(x)
	case int64:
		f = float64(x)
	case json.Number:
		var err error
		if f, err = x.Float64(); err != nil {
			return 0, fmt.Errorf("option %s: %w", name, err)
		}
	default:
		return 0, fmt.Errorf("option %s: want a number, got %T", name, v)
	}
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return 0, fmt.Errorf("option %s: want a finite number, got %v", name, f)
	}
	return f, nil
}

// nonNegative reads a number that must be at least 0 (0 turns the check off, as
// None or 0 does in datatrove).
func nonNegative(name string, v any) (float64, error) {
	f, err := number(name, v)
	if err == nil && f < 0 {
		err = fmt.Errorf("option %s: want 0 or more (0 turns the check off), got %v", name, f)
	}
	return f, err
}

// integer reads a whole number not below min.
func integer(name string, v any, min int) (int, error) {
	f, err := number(name, v)
	if err != nil {
		return 0, err
	}
	if f != math.Trunc(f) || f > math.MaxInt32 {
		return 0, fmt.Errorf("option %s: want a whole number, got %v", name, f)
	}
	if int(f) < min {
		return 0, fmt.Errorf("option %s: want %d or more, got %v", name, min, f)
	}
	return int(f), nil
}

func boolean(name string, v any) (bool, error) {
	b, ok := v.(bool)
	if !ok {
		return false, fmt.Errorf("option %s: want true or false, got %T", name, v)
	}
	return b, nil
}

func stringList(name string, v any) ([]string, error) {
	switch x := v.(type) {
	case []string:
		return append([]string(nil), x...), nil
	case []any:
		out := make([]string, 0, len(x))
		for _, e := range x {
			s, ok := e.(string)
			if !ok {
				return nil, fmt.Errorf("option %s: want a list of strings, got an element of type %T", name, e)
			}
			out = append(out, s)
		}
		return out, nil
	}
	return nil, fmt.Errorf("option %s: want a list of strings, got %T", name, v)
}

// unknownOption is the error for an option name a rule does not take.
func unknownOption(rule, name string, known map[string]any) error {
	names := make([]string, 0, len(known))
	for k := range known {
		names = append(names, k)
	}
	sort.Strings(names)
	return fmt.Errorf("rule %s has no option %q (options: %s)", rule, name, strings.Join(names, ", "))
}

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
