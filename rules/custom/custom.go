package custom

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/corpuslint/corpuslint/rules"
	"github.com/corpuslint/corpuslint/rules/text"
)

// Scope says which part of a document a custom rule looks at.
type Scope struct {
	// Kind is "document", "paragraph", "line", "first" or "last".
	Kind string
	// N is the number of lines for "first" and "last".
	N int
}

// ParseScope parses "document", "paragraph", "line", "first N lines" or
// "last N lines" (also "first N" / "last N").
func ParseScope(s string) (Scope, error) {
	f := strings.Fields(strings.ToLower(strings.TrimSpace(s)))
	switch {
	case len(f) == 0:
		return Scope{Kind: "document"}, nil
	case len(f) == 1 && (f[0] == "document" || f[0] == "paragraph" || f[0] == "line"):
		return Scope{Kind: f[0]}, nil
	case (len(f) == 2 || len(f) == 3 && (f[2] == "lines" || f[2] == "line")) && (f[0] == "first" || f[0] == "last"):
		n, err := strconv.Atoi(f[1])
		if err == nil && n > 0 {
			return Scope{Kind: f[0], N: n}, nil
		}
	}
	return Scope{}, fmt.Errorf("scope %q: want document, paragraph, line, \"first N lines\" or \"last N lines\"", s)
}

// spans returns the parts of the document the scope covers, in order.
func (s Scope) spans(a *text.Analysis) []text.Span {
	lines := a.Lines()
	switch s.Kind {
	case "paragraph":
		ps := a.Paragraphs()
		out := make([]text.Span, len(ps))
		for i, p := range ps {
			out[i] = text.Span{Start: p.Start, End: p.End}
		}
		return out
	case "line":
		out := make([]text.Span, 0, len(lines))
		for _, l := range lines {
			out = append(out, text.Span{Start: l.Start, End: l.End})
		}
		return out
	case "first", "last":
		// Count lines with text, as a person reading the document would.
		var idx []int
		for i := range lines {
			if !a.IsBlank(i) {
				idx = append(idx, i)
			}
		}
		if s.Kind == "first" && len(idx) > s.N {
			idx = idx[:s.N]
		}
		if s.Kind == "last" && len(idx) > s.N {
			idx = idx[len(idx)-s.N:]
		}
		out := make([]text.Span, 0, len(idx))
		for _, i := range idx {
			out = append(out, text.Span{Start: lines[i].Start, End: lines[i].End})
		}
		return out
	}
	return []text.Span{{Start: 0, End: len(a.Text())}}
}

// Spec declares a rule as data (Vale's way): a regular expression or a list
// of phrases, with a message, a severity, a category, a scope and an optional
// replacement that becomes a fix.
type Spec struct {
	Name     string
	Kind     string // "pattern" or "phrases"
	Pattern  string
	Phrases  []string
	Message  string
	Severity rules.Severity
	Category rules.Category
	Scope    Scope
	// Replace is the replacement: for patterns a template ($1, ${name}); for
	// phrases the literal text. Nil means no fix.
	Replace *string
	// Unsafe marks the replacement fix as unsafe.
	Unsafe bool
	Doc    string
}

// New validates spec and returns the rule it declares.
func New(spec Spec) (rules.Rule, error) {
	if spec.Severity == 0 {
		spec.Severity = rules.Warning
	}
	if spec.Category == "" {
		spec.Category = rules.Quality
	}
	if spec.Scope.Kind == "" {
		spec.Scope.Kind = "document"
	}
	if spec.Message == "" {
		return nil, fmt.Errorf("rule %q: a message is required", spec.Name)
	}
	switch spec.Kind {
	case "pattern":
		if spec.Pattern == "" {
			return nil, fmt.Errorf("rule %q: a pattern is required", spec.Name)
		}
		re, err := regexp.Compile(spec.Pattern)
		if err != nil {
			return nil, fmt.Errorf("rule %q: bad pattern: %v", spec.Name, err)
		}
		if re.MatchString("") {
			return nil, fmt.Errorf("rule %q: pattern %q matches the empty string", spec.Name, spec.Pattern)
		}
		return &customRule{spec: spec, re: re}, nil
	case "phrases":
		if len(spec.Phrases) == 0 {
			return nil, fmt.Errorf("rule %q: phrases needs at least one phrase", spec.Name)
		}
		var alts []string
		for _, p := range spec.Phrases {
			p = strings.TrimSpace(p)
			if p == "" {
				return nil, fmt.Errorf("rule %q: an empty phrase", spec.Name)
			}
			alts = append(alts, regexp.QuoteMeta(p))
		}
		// Longest phrases first, so "read more here" wins over "read more".
		sortByLenDesc(alts)
		re := regexp.MustCompile(`(?i)(?:` + strings.Join(alts, "|") + `)`)
		return &customRule{spec: spec, re: re, phrases: true}, nil
	}
	return nil, fmt.Errorf("rule %q: kind %q is not pattern or phrases", spec.Name, spec.Kind)
}

type customRule struct {
	spec    Spec
	re      *regexp.Regexp
	phrases bool
}

func (r *customRule) Meta() rules.Meta {
	doc := r.spec.Doc
	if doc == "" {
		what := "the pattern " + r.spec.Pattern
		if r.phrases {
			what = "the phrases " + strings.Join(r.spec.Phrases, ", ")
		}
		doc = "A custom rule declared in corpuslint.yaml: it flags " + what + " (scope: " + r.spec.Scope.Kind + ")."
	}
	return rules.Meta{Name: r.spec.Name, Category: r.spec.Category, Severity: r.spec.Severity, Fixable: r.spec.Replace != nil,
		Title: r.spec.Message, Doc: doc}
}

func (r *customRule) Check(p *rules.Pass) {
	t := p.Analysis.Text()
	for _, sp := range r.spec.Scope.spans(p.Analysis) {
		seg := t[sp.Start:sp.End]
		for _, m := range r.matches(seg) {
			start, end := m[0], m[1]
			if start == end {
				continue
			}
			f := rules.Finding{Start: sp.Start + start, End: sp.Start + end, Message: r.message(seg[start:end])}
			if r.spec.Replace != nil {
				repl := *r.spec.Replace
				if !r.phrases {
					repl = string(r.re.ExpandString(nil, repl, seg, m))
				} else {
					repl = matchCase(seg[start:end], repl)
				}
				if repl != seg[start:end] && utf8.ValidString(repl) {
					app := rules.Safe
					if r.spec.Unsafe {
						app = rules.Unsafe
					}
					f.Fix = &rules.Fix{Message: fmt.Sprintf("replace with %q", repl), Applicability: app,
						Edits: []rules.Edit{{Start: sp.Start + start, End: sp.Start + end, NewText: repl}}}
				}
			}
			p.Report(f)
		}
	}
}

// matches returns the submatch indexes of every match in seg. Phrases must sit on
// word boundaries that understand Unicode letters (RE2's \b is ASCII-only), so a
// match inside a longer word is skipped and the search resumes one rune later.
func (r *customRule) matches(seg string) [][]int {
	if !r.phrases {
		return r.re.FindAllStringSubmatchIndex(seg, -1)
	}
	var out [][]int
	for off := 0; off < len(seg); {
		loc := r.re.FindStringIndex(seg[off:])
		if loc == nil {
			break
		}
		s, e := off+loc[0], off+loc[1]
		if isWordBoundary(seg, s) && isWordBoundary(seg, e) {
			out = append(out, []int{s, e})
			off = max(e, s+1)
			continue
		}
		_, n := utf8.DecodeRuneInString(seg[s:])
		off = s + n
	}
	return out
}

// isWordBoundary reports whether offset i of s does not split a word.
func isWordBoundary(s string, i int) bool {
	if i == 0 || i == len(s) {
		return true
	}
	a, _ := utf8.DecodeLastRuneInString(s[:i])
	b, _ := utf8.DecodeRuneInString(s[i:])
	inWord := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' }
	return !inWord(a) || !inWord(b)
}

func sortByLenDesc(ss []string) {
	sort.SliceStable(ss, func(i, j int) bool { return len(ss[i]) > len(ss[j]) })
}

func (r *customRule) message(match string) string {
	if strings.Contains(r.spec.Message, "%s") {
		return strings.ReplaceAll(r.spec.Message, "%s", match)
	}
	return r.spec.Message
}

// matchCase gives repl the capitalisation of the first letter of orig, so that
// replacing "Click here" keeps a sentence-initial capital.
func matchCase(orig, repl string) string {
	o, _ := utf8.DecodeRuneInString(orig)
	rr, n := utf8.DecodeRuneInString(repl)
	if unicode.IsUpper(o) && unicode.IsLower(rr) {
		return string(unicode.ToUpper(rr)) + repl[n:]
	}
	return repl
}
