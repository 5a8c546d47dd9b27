package privacy

import (
	"fmt"
	"strings"

	"github.com/corpuslint/corpuslint/rules"
	"github.com/corpuslint/corpuslint/rules/option"
	"github.com/corpuslint/corpuslint/rules/text"
)

// EmailAddress returns the email-address rule: e-mail addresses, which are personal
// data.
func EmailAddress() rules.Rule {
	return email{replacements: []string{"email@example.com", "firstname.lastname@example.org"}}
}

type email struct {
	replacements []string
}

func (r email) Meta() rules.Meta {
	return rules.Meta{
		Name:     "email-address",
		Grouped:  true,
		Category: rules.Privacy,
		Severity: rules.Info,
		Fixable:  true,
		Title:    "E-mail address (personal data)",
		Doc: "Flags e-mail addresses: a local part of letters, digits and ._%+- before an @, " +
			"and a domain of two or more labels ending in an alphabetic top-level domain. " +
			"Addresses are personal data that corpus builders usually redact. The unsafe fix " +
			"replaces each address by a stand-in, as datatrove's PIIFormatter does: by " +
			"default email@example.com and firstname.lastname@example.org in turn (option " +
			"replacements); being unsafe it applies only with --unsafe-fixes.\n\n" +
			"Unlike datatrove's pattern, which only matches lower case, upper-case letters " +
			"are accepted. Left alone: social handles (@name), retina image names " +
			"(logo@2x.png), URL credentials with an IP address (admin:pw@192.168.1.1), the " +
			"reserved example domains (example.com, .example, .invalid, .test, .localhost), " +
			"and the replacement addresses themselves, so fixing twice changes nothing.",
		Matches: "datatrove PIIFormatter: remove_emails (email_replacement)",
		Bad:     "For questions, write to jane.doe@gmail.com before Friday.\n",
		Good:    "For questions, write to the council before Friday or follow @janedoe.\n",
	}
}

// fileExts are "top-level domains" that are really file extensions (logo@2x.png).
var fileExts = map[string]bool{"png": true, "jpg": true, "jpeg": true, "gif": true, "svg": true, "webp": true,
	"bmp": true, "ico": true, "css": true, "js": true, "avif": true, "tif": true, "tiff": true, "pdf": true}

func localByte(c byte) bool {
	return text.IsAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-'
}

func domainByte(c byte) bool { return text.IsAlnum(c) || c == '-' || c == '.' }

// emailAt parses an address around the "@" at t[at] and returns its span.
func emailAt(t string, at int) (int, int, bool) {
	s := at
	for s > 0 && at-s < 64 && localByte(t[s-1]) {
		s--
	}
	for s < at && (t[s] == '.' || t[s] == '-' || t[s] == '+') {
		s++
	}
	if s == at || t[at-1] == '.' {
		return 0, 0, false
	}
	if s > 0 {
		// A letter before the local part (josé@…), a URL's user (https://user@host)
		// or credentials (admin:pw@host) are not addresses; "mailto:" is.
		r := text.RuneBefore(t, s)
		mailto := s >= 7 && text.EqualFoldASCII(t[s-7:s], "mailto:")
		if (r >= 0x80 && letterRune(r)) || t[s-1] == '/' || (t[s-1] == ':' && !mailto) || t[s-1] == '@' {
			return 0, 0, false
		}
	}
	e := at + 1
	for e < len(t) && e-at < 255 && domainByte(t[e]) {
		e++
	}
	for e > at+1 && (t[e-1] == '.' || t[e-1] == '-') {
		e--
	}
	if e < len(t) && (t[e] == '@' || text.RuneAt(t, e) >= 0x80 && text.RuneAt(t, e) != '\u2019' && text.RuneAt(t, e) != '\u201d') {
		return 0, 0, false
	}
	dom := t[at+1 : e]
	labels := strings.Split(dom, ".")
	if len(labels) < 2 {
		return 0, 0, false
	}
	for _, l := range labels {
		if l == "" || len(l) > 63 || l[0] == '-' || l[len(l)-1] == '-' {
			return 0, 0, false
		}
	}
	tld := labels[len(labels)-1]
	if len(tld) < 2 || len(tld) > 24 {
		return 0, 0, false
	}
	for i := 0; i < len(tld); i++ {
		if !text.IsLetter(tld[i]) {
			return 0, 0, false
		}
	}
	low := strings.ToLower(dom)
	if fileExts[strings.ToLower(tld)] || reservedDomain(low) {
		return 0, 0, false
	}
	return s, e, true
}

// reservedDomain reports the domains RFC 2606 reserves for examples and tests.
func reservedDomain(d string) bool {
	switch d {
	case "example.com", "example.net", "example.org", "example.edu":
		return true
	}
	for _, suf := range []string{".example.com", ".example.net", ".example.org", ".example", ".invalid", ".test", ".localhost"} {
		if strings.HasSuffix(d, suf) {
			return true
		}
	}
	return false
}

// options declares the rule's options, bound to the fields of r.
func (r *email) options() *option.Set {
	s := option.New("email-address")
	s.Strings("replacements", &r.replacements, 1)
	return s
}

// Options implements rules.Configurable.
func (r email) Options() map[string]any { return r.options().Values() }

// Configure implements rules.Configurable: r is a copy, the receiver stays as it was.
func (r email) Configure(opts map[string]any) (rules.Rule, error) {
	if err := r.options().Decode(opts); err != nil {
		return nil, err
	}
	return r, nil
}

func (r email) Check(p *rules.Pass) {
	t := p.Analysis.Text()
	n := 0
	for i := 0; i < len(t); {
		k := strings.IndexByte(t[i:], '@')
		if k < 0 {
			return
		}
		at := i + k
		i = at + 1
		s, e, ok := emailAt(t, at)
		if !ok || isReplacement(t[s:e], r.replacements) {
			continue
		}
		repl := r.replacements[n%len(r.replacements)]
		n++
		p.Report(rules.Finding{Start: s, End: e, Message: fmt.Sprintf("e-mail address %s (personal data)", t[s:e]),
			Fix: &rules.Fix{Message: "replace it with " + repl, Applicability: rules.Unsafe, Edits: []rules.Edit{{Start: s, End: e, NewText: repl}}}})
		i = e
	}
}

// isReplacement reports whether s is (part of) one of the stand-ins a fix writes,
// so that a fixed text is not flagged again.
func isReplacement(s string, repl []string) bool {
	for _, r := range repl {
		if strings.Contains(strings.ToLower(r), strings.ToLower(s)) {
			return true
		}
	}
	return false
}
