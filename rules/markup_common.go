package rules

import (
	"fmt"
	"math"
	"path"
	"sort"
	"strings"
	"unicode/utf8"
)

// This file holds what the markup, typography and privacy rules share: option
// parsing, the file-extension test that tells a rule the document is written in the
// markup it looks for, fenced-code tracking and a few byte-level predicates.

// mkOpts reads a rule's options with validation. Every error is an *OptionError
// naming the option (the configuration adds the rule); unknown option names are an
// error too, so a typo does not go unnoticed.
type mkOpts struct {
	rule string
	m    map[string]any
	seen map[string]bool
	err  error
}

func mkNewOpts(rule string, m map[string]any) *mkOpts {
	return &mkOpts{rule: rule, m: m, seen: map[string]bool{}}
}

func (o *mkOpts) fail(key, format string, args ...any) {
	if o.err == nil {
		o.err = &OptionError{Option: key, Msg: fmt.Sprintf(format, args...)}
	}
}

func (o *mkOpts) get(key string) (any, bool) {
	o.seen[key] = true
	v, ok := o.m[key]
	return v, ok
}

// intOpt sets *dst from an integer option in [lo, hi]. JSON and YAML numbers arrive
// as float64; Go callers may pass int.
func (o *mkOpts) intOpt(key string, dst *int, lo, hi int) {
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

func (o *mkOpts) boolOpt(key string, dst *bool) {
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
func (o *mkOpts) stringOpt(key string, dst *string, allowed ...string) {
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

// stringsOpt sets *dst from a non-empty list of non-empty strings (a single string
// is taken as a list of one).
func (o *mkOpts) stringsOpt(key string, dst *[]string) {
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

// done returns the first error, or an error naming an unknown option.
func (o *mkOpts) done() error {
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
		return &OptionError{Option: unknown[0], Msg: fmt.Sprintf("unknown option of %s (known: %s)", o.rule, strings.Join(known, ", "))}
	}
	return nil
}

// mkHasExt reports whether the document is a whole file whose name ends in one of
// exts (lower case, with the dot). A document in that format is written in that
// markup, so a rule looking for its remnants has nothing to say about it. A JSONL
// record (Record > 0) is text whatever its file is called.
func mkHasExt(p *Pass, exts ...string) bool {
	if p.Doc == nil || p.Doc.Path == "" || p.Doc.Record != 0 {
		return false
	}
	e := strings.ToLower(path.Ext(p.Doc.Path))
	for _, x := range exts {
		if e == x {
			return true
		}
	}
	return false
}

// mkFence tracks Markdown code fences line by line: inside a fence, text is code
// and neither typography nor markup rules judge it.
type mkFence struct {
	open  bool
	delim byte
	n     int
}

// code reports whether line s is part of a fenced code block (fence lines
// included) and updates the state.
func (f *mkFence) code(s string) bool {
	i := 0
	for i < len(s) && i < 4 && s[i] == ' ' {
		i++
	}
	if i < len(s) && (s[i] == '`' || s[i] == '~') {
		c := s[i]
		j := i
		for j < len(s) && s[j] == c {
			j++
		}
		if n := j - i; n >= 3 {
			switch {
			case !f.open && (c == '~' || strings.IndexByte(s[j:], '`') < 0):
				f.open, f.delim, f.n = true, c, n
				return true
			case f.open && c == f.delim && n >= f.n && isBlank(s[j:]):
				f.open = false
				return true
			}
		}
	}
	return f.open
}

// mkIsFenceLine reports whether line s opens or closes a code fence.
func mkIsFenceLine(s string) bool {
	s = strings.TrimLeft(s, " ")
	return strings.HasPrefix(s, "```") || strings.HasPrefix(s, "~~~")
}

func mkIsAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

func mkIsDigit(c byte) bool { return '0' <= c && c <= '9' }

func mkIsLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

func mkLower(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// mkEqualFold reports whether s equals the lower-case ASCII word w, ignoring case.
func mkEqualFold(s, w string) bool {
	if len(s) != len(w) {
		return false
	}
	for i := 0; i < len(s); i++ {
		if mkLower(s[i]) != w[i] {
			return false
		}
	}
	return true
}

// mkRuneBefore returns the rune ending just before offset i, or 0 at the start.
func mkRuneBefore(t string, i int) rune {
	if i <= 0 {
		return 0
	}
	r, _ := utf8.DecodeLastRuneInString(t[:i])
	return r
}

// mkRuneAt returns the rune starting at offset i, or 0 at the end.
func mkRuneAt(t string, i int) rune {
	if i >= len(t) {
		return 0
	}
	r, _ := utf8.DecodeRuneInString(t[i:])
	return r
}

// mkClip shortens s for a message: at most n runes, with "…" when cut, and line
// breaks shown as spaces.
func mkClip(s string, n int) string {
	cut := false
	k := 0
	for i := range s {
		if k == n {
			s, cut = s[:i], true
			break
		}
		k++
	}
	s = strings.Map(func(r rune) rune {
		if r == '\n' || r == '\r' || r == '\t' {
			return ' '
		}
		return r
	}, s)
	if cut {
		s += "…"
	}
	return s
}

// mkLineEdit returns an edit deleting line l whole, with its line break; the last
// line takes the break before it instead, so no empty line is left behind.
func mkLineEdit(t string, lines []Line, i int) Edit {
	return mkLinesEdit(t, lines, i, i)
}

// mkLinesEdit deletes lines first..last with their line breaks (see mkLineEdit).
func mkLinesEdit(t string, lines []Line, first, last int) Edit {
	start := lines[first].Start
	if first == 0 {
		start = 0
		if len(t) >= 3 && t[:3] == "\ufeff" {
			start = 3
		}
	}
	end := lines[last].Next
	if end == lines[last].End && first > 0 {
		// No break after the last line: take the one before the first line.
		start = lines[first-1].End
	}
	return Edit{Start: start, End: end}
}

// mkRemoval returns an edit deleting [start, end): the whole line (or lines) when
// nothing else is on them, else the span with the spaces around it tidied so that
// neither a double space nor a trailing or leading space is left.
func mkRemoval(t string, lines []Line, a *Analysis, start, end int) Edit {
	fl, ll := a.LineAt(start), a.LineAt(end)
	if isBlank(t[lines[fl].Start:start]) && isBlank(t[end:lines[ll].End]) {
		return mkLinesEdit(t, lines, fl, ll)
	}
	before, after := mkRuneBefore(t, start), mkRuneAt(t, end)
	spaceBefore := before == ' ' || before == '\t'
	spaceAfter := after == ' ' || after == '\t'
	switch {
	case spaceBefore && spaceAfter:
		return Edit{Start: start, End: end + 1}
	case spaceBefore && (after == 0 || after == '\n' || after == '\r' || strings.ContainsRune(",.;:!?)", after)):
		s := start
		for s > lines[fl].Start && (t[s-1] == ' ' || t[s-1] == '\t') {
			s--
		}
		return Edit{Start: s, End: end}
	case spaceAfter && start == lines[fl].Start:
		e := end
		for e < len(t) && (t[e] == ' ' || t[e] == '\t') {
			e++
		}
		return Edit{Start: start, End: e}
	}
	return Edit{Start: start, End: end}
}
