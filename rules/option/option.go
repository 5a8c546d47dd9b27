package option

import (
	"fmt"
	"github.com/corpuslint/corpuslint/rules"
	"math"
	"sort"
	"strings"
	"unicode/utf8"
)

// Decoder reads a rule's options with validation. Every error is an *OptionError
// naming the option (the configuration adds the rule); unknown option names are an
// error too, so a typo does not go unnoticed.
type Decoder struct {
	rule string
	m    map[string]any
	seen map[string]bool
	err  error
}

// New returns a decoder of the options m of the named rule.
func New(rule string, m map[string]any) *Decoder {
	return &Decoder{rule: rule, m: m, seen: map[string]bool{}}
}

func (o *Decoder) fail(key, format string, args ...any) {
	if o.err == nil {
		o.err = &rules.OptionError{Option: key, Msg: fmt.Sprintf(format, args...)}
	}
}

func (o *Decoder) get(key string) (any, bool) {
	o.seen[key] = true
	v, ok := o.m[key]
	return v, ok
}

// Int sets *dst from an integer option in [lo, hi]. JSON and YAML numbers arrive
// as float64; Go callers may pass int.
func (o *Decoder) Int(key string, dst *int, lo, hi int) {
	v, ok := o.get(key)
	if !ok {
		return
	}
	var n int
	switch x := v.(type) {
	case int:
		n = x
	case int64:
		n = int(x)
	case float64:
		if x != math.Trunc(x) || math.IsInf(x, 0) || math.IsNaN(x) || x > 1e9 || x < -1e9 {
			o.fail(key, "want a whole number from %d to %d, got %v", lo, hi, v)
			return
		}
		n = int(x)
	default:
		o.fail(key, "want a whole number from %d to %d, got %T %v", lo, hi, v, v)
		return
	}
	if n < lo || n > hi {
		o.fail(key, "want a whole number from %d to %d, got %d", lo, hi, n)
		return
	}
	*dst = n
}

// Bool sets *dst from a boolean option.
func (o *Decoder) Bool(key string, dst *bool) {
	v, ok := o.get(key)
	if !ok {
		return
	}
	b, isBool := v.(bool)
	if !isBool {
		o.fail(key, "want true or false, got %T %v", v, v)
		return
	}
	*dst = b
}

// stringOpt sets *dst from a string option that must be one of allowed.
func (o *Decoder) String(key string, dst *string, allowed ...string) {
	v, ok := o.get(key)
	if !ok {
		return
	}
	s, isStr := v.(string)
	if !isStr {
		o.fail(key, "want one of %s, got %T %v", strings.Join(allowed, ", "), v, v)
		return
	}
	for _, a := range allowed {
		if s == a {
			*dst = s
			return
		}
	}
	o.fail(key, "want one of %s, got %q", strings.Join(allowed, ", "), s)
}

// Strings sets *dst from a non-empty list of non-empty strings (a single string
// is taken as a list of one).
func (o *Decoder) Strings(key string, dst *[]string) {
	v, ok := o.get(key)
	if !ok {
		return
	}
	var out []string
	switch x := v.(type) {
	case string:
		out = []string{x}
	case []string:
		out = append(out, x...)
	case []any:
		for _, e := range x {
			s, isStr := e.(string)
			if !isStr {
				o.fail(key, "want a list of strings, got an element %T %v", e, e)
				return
			}
			out = append(out, s)
		}
	default:
		o.fail(key, "want a list of strings, got %T %v", v, v)
		return
	}
	if len(out) == 0 {
		o.fail(key, "want at least one string")
		return
	}
	for _, s := range out {
		if s == "" || !utf8.ValidString(s) {
			o.fail(key, "want non-empty UTF-8 strings, got %q", s)
			return
		}
	}
	*dst = out
}

// Err returns the first error, or an error naming an unknown option.
func (o *Decoder) Err() error {
	if o.err != nil {
		return o.err
	}
	var unknown []string
	for k := range o.m {
		if !o.seen[k] {
			unknown = append(unknown, k)
		}
	}
	if len(unknown) > 0 {
		sort.Strings(unknown)
		var known []string
		for k := range o.seen {
			known = append(known, k)
		}
		sort.Strings(known)
		return &rules.OptionError{Option: unknown[0], Msg: fmt.Sprintf("unknown option of %s (known: %s)", o.rule, strings.Join(known, ", "))}
	}
	return nil
}
