package typography

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/corpuslint/corpuslint/rules"
	"github.com/corpuslint/corpuslint/rules/option"
	"github.com/corpuslint/corpuslint/rules/text"
)

// EllipsisVariants returns the ellipsis-variants rule: ellipses written in
// nonstandard ways, or in two styles in one document.
func EllipsisVariants() rules.Rule { return ellipsis{style: "majority"} }

type ellipsis struct {
	style string // "majority", "unicode" or "ascii"
}

func (r ellipsis) Meta() rules.Meta {
	return rules.Meta{
		Name:     "ellipsis-variants",
		Grouped:  true,
		Category: rules.Typography,
		Severity: rules.Info,
		// Normalization, not damage: off by default (profile normalize selects the five).
		Disabled: true,
		Fixable:  true,
		Title:    "Ellipses written as . . ., ...., or in two styles (… and ...) in one document",
		Doc: "Flags ellipses that are not written the way the document writes them: spaced " +
			"dots (. . .), four or more dots (....), two dots between words (wait..what), and, " +
			"when a document uses both the ellipsis character … and three full stops ..., the " +
			"occurrences of the less used style. The safe fix writes the document's " +
			"majority style (… or ...; on a tie the style that comes first; with no proper " +
			"ellipsis at all, ...). Two dots between words are fixed only by an unsafe fix, " +
			"since they may be a typo for one. The option style (majority, unicode or ascii) " +
			"imposes one style on every ellipsis instead.\n\n" +
			"Dot leaders in tables of contents (Introduction ........ 2), rows of ten or more " +
			"dots (separators), dots between digits (ranges such as 1...10 and 1..5, " +
			"bibliographic codes such as 1999QuInt..59....5M), relative paths (../) and " +
			"fenced code are left alone; two dots count only between Latin letters, since " +
			"Chinese and Japanese informal writing uses them freely.",
		Bad:  "He waited.... and waited . . . and then… nothing...\n",
		Good: "He waited... and waited... and then... nothing...\n",
	}
}

// ell is one ellipsis or variant found at [start, end).
type ell struct {
	start, end int
	kind       byte // 'u' …, 'a' ..., 's' spaced, 'm' many dots, 't' two dots
}

// options declares the rule's options, bound to the fields of r.
func (r *ellipsis) options() *option.Set {
	s := option.New("ellipsis-variants")
	s.String("style", &r.style, "majority", "unicode", "ascii")
	return s
}

// Options implements rules.Configurable.
func (r ellipsis) Options() map[string]any { return r.options().Values() }

// Configure implements rules.Configurable: r is a copy, the receiver stays as it was.
func (r ellipsis) Configure(opts map[string]any) (rules.Rule, error) {
	if err := r.options().Decode(opts); err != nil {
		return nil, err
	}
	return r, nil
}

func (r ellipsis) Check(p *rules.Pass) {
	a := p.Analysis
	t := a.Text()
	hasU := strings.Contains(t, "…")
	hasDots := strings.Contains(t, "..") || strings.Contains(t, ". .")
	// One style and no variant: nothing to say unless a style is imposed.
	if !hasDots && (!hasU || r.style != "ascii") {
		return
	}
	var found []ell
	nU, nA := 0, 0
	firstU, firstA := -1, -1
	if hasU {
		for i := 0; ; {
			k := strings.Index(t[i:], "…")
			if k < 0 {
				break
			}
			found = append(found, ell{i + k, i + k + 3, 'u'})
			if firstU < 0 {
				firstU = i + k
			}
			nU++
			i += k + 3
		}
	}
	for i := 0; hasDots; {
		k := strings.IndexByte(t[i:], '.')
		if k < 0 {
			break
		}
		i += k
		e := i
		for e < len(t) && t[e] == '.' {
			e++
		}
		n := e - i
		before, after := text.RuneBefore(t, i), text.RuneAt(t, e)
		switch n {
		case 1:
			// Spaced dots: ". . ." and longer.
			k := e
			dots := 1
			for k+1 < len(t) && t[k] == ' ' && t[k+1] == '.' && (k+2 >= len(t) || t[k+2] != '.') {
				k += 2
				dots++
			}
			if dots >= 3 && before != '.' {
				found = append(found, ell{i, k, 's'})
				e = k
			}
		case 2:
			// Only between Latin letters: CJK and other scripts use ".." freely.
			if before < utf8.RuneSelf && after < utf8.RuneSelf && unicode.IsLetter(before) && unicode.IsLetter(after) {
				found = append(found, ell{i, e, 't'})
			}
		case 3:
			if unicode.IsDigit(before) && unicode.IsDigit(after) || after == '/' {
				break
			}
			found = append(found, ell{i, e, 'a'})
			if firstA < 0 {
				firstA = i
			}
			nA++
		default:
			if n >= 10 || leader(t, e) || after == '/' || unicode.IsDigit(before) && unicode.IsDigit(after) {
				break
			}
			found = append(found, ell{i, e, 'm'})
		}
		i = e
	}
	sort.Slice(found, func(x, y int) bool { return found[x].start < found[y].start })
	first := byte(0)
	switch {
	case firstU >= 0 && (firstA < 0 || firstU < firstA):
		first = 'u'
	case firstA >= 0:
		first = 'a'
	}
	if len(found) == 0 {
		return
	}
	var want byte
	switch r.style {
	case "unicode":
		want = 'u'
	case "ascii":
		want = 'a'
	default:
		switch {
		case nU > nA:
			want = 'u'
		case nA > nU:
			want = 'a'
		case first != 0:
			want = first
		default:
			want = 'a'
		}
	}
	repl, name := "...", "..."
	if want == 'u' {
		repl, name = "…", "… (U+2026)"
	}
	fenced := fencedLines(a)
	for _, f := range found {
		if f.kind == want {
			continue
		}
		if (f.kind == 'u' || f.kind == 'a') && r.style == "majority" && (nU == 0 || nA == 0) {
			continue
		}
		if fenced != nil && fenced[a.LineAt(f.start)] {
			continue
		}
		var msg string
		app := rules.Safe
		switch f.kind {
		case 's':
			msg = fmt.Sprintf("spaced ellipsis %q instead of %s", t[f.start:f.end], name)
		case 'm':
			msg = fmt.Sprintf("%d dots instead of an ellipsis %s", f.end-f.start, name)
		case 't':
			msg = fmt.Sprintf("two dots between words instead of an ellipsis %s", name)
			app = rules.Unsafe
		case 'u', 'a':
			got := "…"
			if f.kind == 'a' {
				got = "..."
			}
			switch {
			case r.style != "majority":
				msg = fmt.Sprintf("ellipsis %s where the chosen style is %s", got, repl)
			case nU == nA:
				msg = fmt.Sprintf("ellipsis %s where the document's first ellipsis is %s (%d of each)", got, repl, nU)
			default:
				msg = fmt.Sprintf("ellipsis %s where the document mostly writes %s (%d to %d)", got, repl, max(nU, nA), min(nU, nA))
			}
		}
		p.Report(rules.Finding{Start: f.start, End: f.end, Message: msg,
			Fix: &rules.Fix{Message: "write " + name, Applicability: app, Edits: []rules.Edit{{Start: f.start, End: f.end, NewText: repl}}}})
	}
}

// leader reports whether the dots ending at t[e] lead to a page number at the end
// of the line, as in a table of contents.
func leader(t string, e int) bool {
	for e < len(t) && t[e] == ' ' {
		e++
	}
	d := e
	for e < len(t) && text.IsDigit(t[e]) {
		e++
	}
	return e > d && (e == len(t) || t[e] == '\n' || t[e] == '\r')
}
