package option_test

import (
	"errors"
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/corpuslint/corpuslint/rules"
	"github.com/corpuslint/corpuslint/rules/option"
)

type opts struct {
	n     int
	f     float64
	p     float64
	b     bool
	style string
	words []string
}

func (o *opts) set() *option.Set {
	s := option.New("test-rule")
	s.Int("max_lines", &o.n, 1, 10)
	s.Float("ratio", &o.f, 0, math.Inf(1), false)
	s.Float("threshold", &o.p, 0, 1, true)
	s.Bool("strict", &o.b)
	s.String("style", &o.style, "ascii", "unicode")
	s.Strings("words", &o.words, 1)
	return s
}

func TestDecode(t *testing.T) {
	o := opts{n: 3, f: 0.5, p: 0.5, style: "ascii", words: []string{"a"}}
	err := o.set().Decode(map[string]any{"max_lines": 4.0, "ratio": 2, "threshold": 1, "strict": true, "style": "unicode", "words": "x"})
	if err != nil {
		t.Fatal(err)
	}
	want := opts{n: 4, f: 2, p: 1, b: true, style: "unicode", words: []string{"x"}}
	if !reflect.DeepEqual(o, want) {
		t.Fatalf("decoded %+v, want %+v", o, want)
	}
	if got := o.set().Values(); !reflect.DeepEqual(got["words"], []string{"x"}) || got["max_lines"] != 4 {
		t.Fatalf("Values = %v", got)
	}
}

func TestDecodeErrors(t *testing.T) {
	for _, tc := range []struct {
		in   map[string]any
		want string
	}{
		{map[string]any{"max_lines": 0.0}, `option "max_lines": want a whole number from 1 to 10, got 0`},
		{map[string]any{"max_lines": 2.5}, `option "max_lines": want a whole number from 1 to 10, got 2.5`},
		{map[string]any{"max_lines": "3"}, `option "max_lines": want a whole number from 1 to 10, got the string "3"`},
		{map[string]any{"ratio": -1.0}, `option "ratio": want a number of 0 or more, got -1`},
		{map[string]any{"threshold": 0.0}, `option "threshold": want a number above 0 and at most 1, got 0`},
		{map[string]any{"strict": "yes"}, `option "strict": want true or false, got the string "yes"`},
		{map[string]any{"style": "unicod"}, `option "style": want one of ascii, unicode, got the string "unicod"; did you mean "unicode"?`},
		{map[string]any{"words": []any{}}, `option "words": want at least 1 strings, got 0`},
		{map[string]any{"words": []any{"a", 1.0}}, `option "words": want a list of strings, got an element 1`},
		{map[string]any{"max-line": 1.0}, `option "max-line": unknown option of test-rule (known: max_lines, ratio, strict, style, threshold, words); did you mean "max_lines"?`},
		// Of several bad options the first in sorted order is reported, every time.
		{map[string]any{"zzz": 1.0, "aaa": 1.0, "max_lines": 0.0}, `option "aaa": unknown option`},
	} {
		o := opts{n: 3}
		before := o
		err := o.set().Decode(tc.in)
		var oe *rules.OptionError
		if !errors.As(err, &oe) || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("%v: error %v, want %s", tc.in, err, tc.want)
		}
		if !reflect.DeepEqual(o, before) {
			t.Errorf("%v: a failed Decode changed the options to %+v", tc.in, o)
		}
	}
	// A failed Decode stores nothing, not even the good options before the bad one.
	o := opts{n: 3}
	if err := o.set().Decode(map[string]any{"max_lines": 5.0, "strict": "no"}); err == nil || o.n != 3 {
		t.Errorf("err %v, max_lines %d after a failed Decode", err, o.n)
	}
}

func TestClosest(t *testing.T) {
	known := []string{"severity", "threshold", "max_pairs", "min_sites"}
	for in, want := range map[string]string{
		"severty": "severity", "Severity": "severity", "treshold": "threshold", "max-pairs": "max_pairs",
		"min_site": "min_sites", "severity": "", "xyz": "", "pairs": "",
	} {
		if got := option.Closest(in, known); got != want {
			t.Errorf("Closest(%q) = %q, want %q", in, got, want)
		}
	}
}
