package privacy

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/corpuslint/corpuslint/rules"
	"github.com/corpuslint/corpuslint/rules/option"
	"github.com/corpuslint/corpuslint/rules/text"
)

// PhoneNumber returns the phone-number rule: telephone numbers, which are personal
// data.
func PhoneNumber() rules.Rule { return phone{replacements: []string{"555-0100"}} }

type phone struct {
	replacements []string
}

func (r phone) Meta() rules.Meta {
	return rules.Meta{
		Name:     "phone-number",
		Grouped:  true,
		Category: rules.Privacy,
		Severity: rules.Info,
		Fixable:  true,
		Title:    "Telephone number (personal data)",
		Doc: "Flags telephone numbers in the shapes that cannot be much else: international " +
			"numbers with a + and 8 to 15 digits (+44 20 7946 0958, +1 (212) 318-2000); North " +
			"American numbers written 3-3-4 with dashes, dots or a parenthesized area code " +
			"((646) 694-8530, 202.628.8500, 1-800-…); French numbers in five pairs (01 23 45 " +
			"67 89); British numbers with a leading 0 in their usual groups (020 7946 0958, " +
			"07700 900123); and any number of 7 to 15 digits right after a cue word (Tel:, " +
			"phone, fax, call, mobile, tél., Telefon, ☎). The unsafe fix replaces the number " +
			"by a stand-in (option replacements, default 555-0100, a number reserved for " +
			"fiction), in the manner of datatrove's PIIFormatter, which has no phone " +
			"pattern of its own.\n\n" +
			"Precision comes first, so dates (2020-01-15, 15.01.2020), years and ranges " +
			"(1990-2000), prices, ISBNs and other identifiers (ISBN, DOI, order or case " +
			"numbers), numbers inside URLs or longer runs of figures (a calendar row such as " +
			"05 06 07 08 09 10 11, or pairs counting up one by one), numbers spaced like " +
			"plain figures (202 628 8500) without a cue, and the fictional 555 exchange are " +
			"left alone.",
		Matches: "datatrove PIIFormatter style replacement (datatrove has no phone pattern)",
		Bad:     "Call the newsroom on (646) 694-8530 or +44 20 7946 0958.\n",
		Good:    "The newsroom opened on 2020-01-15, covered 1990-2000 and sold 12,500 copies at $3.50.\n",
	}
}

// phoneStart marks the bytes a number can start with, for the hot loop.
var phoneStart = func() (tab [256]bool) {
	for c := '0'; c <= '9'; c++ {
		tab[c] = true
	}
	tab['+'], tab['('] = true, true
	return tab
}()

func sepByte(c byte) bool { return c == ' ' || c == '-' || c == '.' || c == '(' || c == ')' }

// phoneRun is a candidate number: its span, digit groups and separators.
type phoneRun struct {
	start, end int
	plus       bool
	parens     bool
	groups     [8]string
	seps       [8]string // seps[k] is the separator before groups[k+1]
	n          int
	digits     int
}

// seps are the separators allowed between digit groups.
var seps = map[string]bool{" ": true, "-": true, ".": true, " - ": true, "(": true, ")": true,
	") ": true, ")-": true, ").": true, " (": true, "-(": true, ".(": true}

// scanPhone reads a candidate number starting at t[i] ('+', '(' or a digit).
func scanPhone(t string, i int) (phoneRun, bool) {
	r := phoneRun{start: i}
	j := i
	open := false
	switch t[j] {
	case '+':
		r.plus = true
		j++
	case '(':
		open = true
		j++
	}
	if j >= len(t) || !text.IsDigit(t[j]) {
		return r, false
	}
	for {
		d := j
		for j < len(t) && text.IsDigit(t[j]) {
			j++
		}
		if r.n == len(r.groups) {
			return r, false
		}
		r.groups[r.n] = t[d:j]
		r.n++
		r.digits += j - d
		if r.digits > 15 {
			return r, false
		}
		r.end = j
		// A separator, then another group?
		k := j
		for k < len(t) && k-j < 3 && (t[k] == ' ' || t[k] == '-' || t[k] == '.' || t[k] == '(' || t[k] == ')') {
			k++
		}
		sep := t[j:k]
		if sep == "" {
			break
		}
		// A ")" must close an open "(", and another group must follow.
		if (strings.IndexByte(sep, ')') >= 0 && !open) || !seps[sep] || k >= len(t) || !text.IsDigit(t[k]) {
			break
		}
		if strings.IndexByte(sep, '(') >= 0 {
			if open || r.parens {
				break
			}
			open = true
		}
		if strings.IndexByte(sep, ')') >= 0 {
			open = false
			r.parens = true
		}
		r.seps[r.n-1] = sep
		j = k
	}
	if open {
		// An unclosed "(": drop it when it opened the run, else give up.
		if t[r.start] == '(' && !r.parens {
			r.start++
		} else {
			return r, false
		}
	}
	return r, true
}

// afterOK reports whether the number may end at t[e]: not inside a longer token.
func afterOK(t string, e int) bool {
	if e >= len(t) {
		return true
	}
	c := t[e]
	if text.IsAlnum(c) || c == '%' || c == '@' || c == '_' {
		return false
	}
	if (c == '-' || c == '.' || c == '/' || c == ',' || c == ':') && e+1 < len(t) && text.IsDigit(t[e+1]) {
		return false
	}
	r := text.RuneAt(t, e)
	return !(unicode.IsLetter(r) || unicode.IsDigit(r))
}

// beforeOK reports whether a number may start at t[s].
func beforeOK(t string, s int) bool {
	if s == 0 {
		return true
	}
	c := t[s-1]
	if text.IsAlnum(c) || strings.IndexByte("$#/.,-+_@&=%\\*", c) >= 0 {
		return false
	}
	// The tail of a longer run of figures ("05 06 07 08 09 10 11").
	if s >= 2 && c == ' ' && text.IsDigit(t[s-2]) {
		return false
	}
	r := text.RuneBefore(t, s)
	if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '€' || r == '£' || r == '¥' || r == '₹' {
		return false
	}
	// Inside a URL or a path: the token holding the number has a "/", "=" or "?".
	for k := s - 1; k >= 0 && s-k < 200; k-- {
		switch t[k] {
		case ' ', '\n', '\t', '\r':
			return true
		case '/', '=', '?':
			return false
		}
	}
	return true
}

// cueWords precede phone numbers; denyWords precede identifiers that look like
// them.
var cueWords = []string{"tel", "tél", "telephone", "téléphone", "phone", "ph", "fax", "call", "mobile", "mob",
	"cell", "cellphone", "whatsapp", "hotline", "telefon", "telefono", "teléfono", "tlf", "tfn", "phoned", "text",
	"ring", "dial", "number", "contact", "handy", "portable"}

var denyWords = []string{"isbn", "issn", "doi", "id", "ref", "order", "case", "invoice", "account", "acct",
	"serial", "patent", "zip", "po", "reg", "lot", "sku", "model", "part", "pmid", "arxiv", "version", "ver"}

// prevWord returns the word before s, skipping separators, and whether a colon
// was among them.
func prevWord(t string, s int) (string, bool, rune) {
	k := s
	colon := false
	for k > 0 && s-k < 12 {
		c := t[k-1]
		if c == ' ' || c == ':' || c == '.' || c == '-' || c == '(' || c == '\t' || c == '#' {
			if c == ':' {
				colon = true
			}
			k--
			continue
		}
		break
	}
	r := text.RuneBefore(t, k)
	e := k
	for k > 0 && e-k < 20 {
		r, n := utf8.DecodeLastRuneInString(t[:k])
		if !unicode.IsLetter(r) {
			break
		}
		k -= n
	}
	return t[k:e], colon, r
}

func wordIn(w string, list []string) bool {
	for _, x := range list {
		if strings.EqualFold(w, x) {
			return true
		}
	}
	return false
}

// phoneCue reports whether a cue word (or ☎) announces the number at s, and
// whether a word that announces an identifier does.
func phoneCue(t string, s int) (cue, deny bool) {
	w, colon, r := prevWord(t, s)
	if r == '☎' || r == '📞' || r == '✆' || r == '📱' {
		return true, false
	}
	if wordIn(w, denyWords) {
		return false, true
	}
	if len(w) == 1 && colon && strings.IndexByte("tTfFmMpP", w[0]) >= 0 {
		return true, false // "T: 030 …", "F: …"
	}
	if wordIn(w, cueWords) {
		return true, false
	}
	// "Phone number: …", "Tel. no. …": one more word back.
	if wordIn(w, []string{"number", "no", "nr", "num", "nummer", "numéro", "office", "direct", "main", "us", "at", "on"}) {
		w2, _, _ := prevWord(t, s-len(w)-skipBack(t, s))
		return wordIn(w2, cueWords), false
	}
	return false, false
}

// skipBack returns how many separator bytes lie right before s.
func skipBack(t string, s int) int {
	k := s
	for k > 0 && s-k < 12 && strings.IndexByte(" :.-(\t#", t[k-1]) >= 0 {
		k--
	}
	return s - k
}

// isPhone decides whether a candidate run is a phone number.
func isPhone(t string, r *phoneRun) bool {
	if r.digits < 7 {
		return false // every shape below has at least seven digits
	}
	if !beforeOK(t, r.start) || !afterOK(t, r.end) {
		return false
	}
	cue, deny := phoneCue(t, r.start)
	if deny {
		return false
	}
	g := r.groups[:r.n]
	seps := r.seps[:max(r.n-1, 0)]
	allSep := func(s string) bool {
		for _, x := range seps {
			if x != s {
				return false
			}
		}
		return len(seps) > 0
	}
	lens := make([]int, 0, 8)
	for _, x := range g {
		lens = append(lens, len(x))
	}
	is := func(want ...int) bool {
		if len(lens) != len(want) {
			return false
		}
		for i := range want {
			if lens[i] != want[i] {
				return false
			}
		}
		return true
	}
	if r.plus {
		if r.digits < 8 {
			return false
		}
		return r.n >= 2 && len(g[0]) <= 3 || r.n == 1 && r.digits >= 11
	}
	// North American 3-3-4, optionally after a "1".
	ng := g
	nseps := seps
	if r.n == 4 && g[0] == "1" {
		ng, nseps = g[1:], seps[1:]
	}
	if len(ng) == 3 && len(ng[0]) == 3 && len(ng[1]) == 3 && len(ng[2]) == 4 && ng[0][0] >= '2' && ng[1][0] >= '2' {
		if ng[1] == "555" {
			return false // reserved for fiction
		}
		spaced := true
		for _, x := range nseps {
			if x != " " {
				spaced = false
			}
		}
		return !spaced || r.parens || cue
	}
	if g[0][0] == '0' && len(g[0]) >= 2 && g[0][1] != '0' {
		// French: five pairs with one separator throughout.
		if is(2, 2, 2, 2, 2) && (allSep(" ") || allSep(".") || allSep("-")) && !counting(g) {
			return true
		}
		// British: 020 7946 0958, 0161 496 0000, 07700 900123, 01632 960 983.
		if allSep(" ") && (is(3, 4, 4) || is(4, 3, 4) || is(5, 6) || is(5, 3, 3)) {
			return true
		}
	}
	if cue && r.digits >= 7 {
		return g[0][0] == '0' || r.n >= 2 || r.digits >= 9
	}
	return false
}

// counting reports whether two-digit groups count up one by one (a calendar row
// such as "05 06 07 08 09"), which no phone number does.
func counting(g []string) bool {
	for i := 1; i < len(g); i++ {
		a := int(g[i-1][0]-'0')*10 + int(g[i-1][1]-'0')
		b := int(g[i][0]-'0')*10 + int(g[i][1]-'0')
		if b != a+1 {
			return false
		}
	}
	return true
}

// options declares the rule's options, bound to the fields of r.
func (r *phone) options() *option.Set {
	s := option.New("phone-number")
	s.Strings("replacements", &r.replacements, 1)
	return s
}

// Options implements rules.Configurable.
func (r phone) Options() map[string]any { return r.options().Values() }

// Configure implements rules.Configurable: r is a copy, the receiver stays as it was.
func (r phone) Configure(opts map[string]any) (rules.Rule, error) {
	if err := r.options().Decode(opts); err != nil {
		return nil, err
	}
	return r, nil
}

func (r phone) Check(p *rules.Pass) {
	t := p.Analysis.Text()
	k := 0
	for i := 0; i < len(t); i++ {
		// Eight bytes at a time while none is a digit, '+' or '('.
		for i+8 <= len(t) {
			if x := text.Load8(t, i); text.HasBetween8(x, '0'-1, '9'+1) || text.HasByte8(x, '+') || text.HasByte8(x, '(') {
				break
			}
			i += 8
		}
		if i >= len(t) {
			break
		}
		c := t[i]
		if !phoneStart[c] {
			continue
		}
		if text.IsDigit(c) {
			// Fast path for the figures of prose ("2019 ", "30,154"): a short run
			// not followed by a separator and another digit cannot be a number.
			e := i
			for e < len(t) && text.IsDigit(t[e]) {
				e++
			}
			if e-i < 7 && (e+1 >= len(t) || !sepByte(t[e]) || !(text.IsDigit(t[e+1]) || sepByte(t[e+1]))) {
				i = e - 1
				continue
			}
		}
		run, ok := scanPhone(t, i)
		if !ok || !isPhone(t, &run) || isReplacement(t[run.start:run.end], r.replacements) {
			// No number starts inside a run of figures that is not one (a start
			// after a digit and a separator is refused anyway): skip it.
			if run.end > i+1 {
				i = run.end - 1
			}
			for i+1 < len(t) && text.IsDigit(t[i+1]) && text.IsDigit(c) {
				i++
			}
			continue
		}
		repl := r.replacements[k%len(r.replacements)]
		k++
		num := t[run.start:run.end]
		p.Report(rules.Finding{Start: run.start, End: run.end, Message: fmt.Sprintf("phone number %s (personal data)", num),
			Fix: &rules.Fix{Message: "replace it with " + repl, Applicability: rules.Unsafe, Edits: []rules.Edit{{Start: run.start, End: run.end, NewText: repl}}}})
		i = run.end - 1
	}
}
