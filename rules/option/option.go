package option

import (
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/corpuslint/corpuslint/rules"
)

// Set is the options of one rule. Each option is declared once, bound to the
// variable that holds its value, with its kind and bounds: Values lists the
// current values (a rule's Options) and Decode validates a map of new ones and
// stores them (a rule's Configure). The usual shape is
//
//	func (o *myOptions) set() *option.Set {
//		s := option.New("my-rule")
//		s.Int("max_lines", &o.maxLines, 1, 1000)
//		return s
//	}
//	func (r myRule) Options() map[string]any { return r.o.set().Values() }
//	func (r myRule) Configure(m map[string]any) (rules.Rule, error) {
//		err := r.o.set().Decode(m) // r is a copy: the receiver is left alone
//		return r, err
//	}
type Set struct {
	rule string
	opts []binding
}

// binding is one declared option: get reads its value; parse validates a new
// value and returns the function that stores it, or an error message.
type binding struct {
	name  string
	get   func() any
	parse func(v any) (store func(), msg string)
}

// New returns an empty set of options for the rule called rule.
func New(rule string) *Set { return &Set{rule: rule} }

func (s *Set) add(name string, get func() any, parse func(v any) (func(), string)) {
	for _, b := range s.opts {
		if b.name == name {
			panic("option " + name + " of " + s.rule + " declared twice")
		}
	}
	s.opts = append(s.opts, binding{name, get, parse})
}

// Names returns the option names in sorted order.
func (s *Set) Names() []string {
	out := make([]string, len(s.opts))
	for i, b := range s.opts {
		out[i] = b.name
	}
	sort.Strings(out)
	return out
}

// Values returns every option with its current value (lists are copies).
func (s *Set) Values() map[string]any {
	out := make(map[string]any, len(s.opts))
	for _, b := range s.opts {
		out[b.name] = b.get()
	}
	return out
}

// Decode validates m and stores its values in the bound variables. Keys are
// read in sorted order, so that of several bad options the same one is reported
// on every run; the first bad one is returned as a *rules.OptionError, and then
// nothing is stored. An unknown key is an error naming the known ones and, when
// one is close, the one meant.
func (s *Set) Decode(m map[string]any) error {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	// Validate everything first, then store: a failed Decode changes nothing.
	var sets []func()
	for _, k := range keys {
		i := slices.IndexFunc(s.opts, func(b binding) bool { return b.name == k })
		if i < 0 {
			return s.unknown(k)
		}
		store, msg := s.opts[i].parse(m[k])
		if store == nil {
			return &rules.OptionError{Option: k, Msg: msg}
		}
		sets = append(sets, store)
	}
	for _, f := range sets {
		f()
	}
	return nil
}

func (s *Set) unknown(k string) error {
	names := s.Names()
	msg := fmt.Sprintf("unknown option of %s (known: %s)", s.rule, strings.Join(names, ", "))
	if len(names) == 0 {
		msg = fmt.Sprintf("unknown option: %s takes no options", s.rule)
	}
	if c := Closest(k, names); c != "" {
		msg += fmt.Sprintf("; did you mean %q?", c)
	}
	return &rules.OptionError{Option: k, Msg: msg}
}

// number reads a number as JSON (float64, json.Number), YAML (int, float64) or a
// Go caller (int, int64, float32) passes it.
func number(v any) (float64, bool) {
	switch x := v.(type) {
	case float64:
		return x, true
	case float32:
		return float64(x), true
	case int:
		return float64(x), true
	case int64:
		return float64(x), true
	case json.Number:
		f, err := x.Float64()
		return f, err == nil
	}
	return 0, false
}

func fmtFloat(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }

// Int declares a whole-number option in [lo, hi].
func (s *Set) Int(name string, p *int, lo, hi int) {
	s.add(name, func() any { return *p }, func(v any) (func(), string) {
		if n, ok := v.(int); ok {
			if n < lo || n > hi {
				return nil, fmt.Sprintf("want a whole number from %d to %d, got %d", lo, hi, n)
			}
			return func() { *p = n }, ""
		}
		f, ok := number(v)
		if !ok || f != math.Trunc(f) || math.IsInf(f, 0) || math.IsNaN(f) {
			return nil, fmt.Sprintf("want a whole number from %d to %d, got %s", lo, hi, describe(v))
		}
		if f < float64(lo) || f > float64(hi) {
			return nil, fmt.Sprintf("want a whole number from %d to %d, got %s", lo, hi, fmtFloat(f))
		}
		n := int(f)
		return func() { *p = n }, ""
	})
}

// Float declares a number option in [lo, hi]; with above set the range is
// (lo, hi], lo itself excluded (a probability that must be above 0, say).
func (s *Set) Float(name string, p *float64, lo, hi float64, above bool) {
	rng := fmt.Sprintf("from %s to %s", fmtFloat(lo), fmtFloat(hi))
	if above {
		rng = fmt.Sprintf("above %s and at most %s", fmtFloat(lo), fmtFloat(hi))
	}
	if math.IsInf(hi, 1) {
		rng = fmt.Sprintf("of %s or more", fmtFloat(lo))
		if above {
			rng = fmt.Sprintf("above %s", fmtFloat(lo))
		}
	}
	s.add(name, func() any { return *p }, func(v any) (func(), string) {
		f, ok := number(v)
		if !ok || math.IsNaN(f) || math.IsInf(f, 0) {
			return nil, fmt.Sprintf("want a number %s, got %s", rng, describe(v))
		}
		if f < lo || f > hi || above && f == lo {
			return nil, fmt.Sprintf("want a number %s, got %s", rng, fmtFloat(f))
		}
		return func() { *p = f }, ""
	})
}

// Bool declares a true-or-false option.
func (s *Set) Bool(name string, p *bool) {
	s.add(name, func() any { return *p }, func(v any) (func(), string) {
		b, ok := v.(bool)
		if !ok {
			return nil, fmt.Sprintf("want true or false, got %s", describe(v))
		}
		return func() { *p = b }, ""
	})
}

// String declares an option whose value is one of allowed.
func (s *Set) String(name string, p *string, allowed ...string) {
	s.add(name, func() any { return *p }, func(v any) (func(), string) {
		str, ok := v.(string)
		if !ok || !slices.Contains(allowed, str) {
			msg := fmt.Sprintf("want one of %s, got %s", strings.Join(allowed, ", "), describe(v))
			if c := Closest(str, allowed); ok && c != "" {
				msg += fmt.Sprintf("; did you mean %q?", c)
			}
			return nil, msg
		}
		return func() { *p = str }, ""
	})
}

// Strings declares a list-of-strings option; a single string is a list of one.
// The list needs at least min elements, each a non-empty UTF-8 string.
func (s *Set) Strings(name string, p *[]string, min int) {
	s.add(name, func() any { return slices.Clone(*p) }, func(v any) (func(), string) {
		var out []string
		switch x := v.(type) {
		case string:
			out = []string{x}
		case []string:
			out = slices.Clone(x)
		case []any:
			out = make([]string, 0, len(x))
			for _, e := range x {
				str, ok := e.(string)
				if !ok {
					return nil, fmt.Sprintf("want a list of strings, got an element %s", describe(e))
				}
				out = append(out, str)
			}
		default:
			return nil, fmt.Sprintf("want a list of strings, got %s", describe(v))
		}
		if len(out) < min {
			return nil, fmt.Sprintf("want at least %d strings, got %d", min, len(out))
		}
		for _, str := range out {
			if str == "" || !utf8.ValidString(str) {
				return nil, fmt.Sprintf("want non-empty UTF-8 strings, got %q", str)
			}
		}
		if out == nil {
			out = []string{}
		}
		return func() { *p = out }, ""
	})
}

// describe names a value and its type for a message: "a string \"yes\"", "nothing".
func describe(v any) string {
	switch x := v.(type) {
	case nil:
		return "nothing"
	case string:
		return fmt.Sprintf("the string %q", x)
	case bool:
		return fmt.Sprintf("%v", x)
	case []any:
		return "a list"
	case map[string]any:
		return "a mapping"
	}
	if f, ok := number(v); ok {
		return fmtFloat(f)
	}
	return fmt.Sprintf("%T %v", v, v)
}

// Func declares an option of a kind of its own (a list of pairs, say): get
// returns its current value and parse validates a new one, returning the function
// that stores it, or nil and the message of the error.
func (s *Set) Func(name string, get func() any, parse func(v any) (store func(), msg string)) {
	s.add(name, get, parse)
}
