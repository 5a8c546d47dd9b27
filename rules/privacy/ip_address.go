package privacy

import (
	"fmt"
	"net/netip"
	"strings"

	"github.com/corpuslint/corpuslint/rules"
	"github.com/corpuslint/corpuslint/rules/option"
	"github.com/corpuslint/corpuslint/rules/text"
)

// IPAddress returns the ip-address rule: IPv4 and IPv6 addresses, which can
// identify a person.
func IPAddress() rules.Rule {
	return ip{
		publicOnly: true,
		// datatrove's default ip_replacement list, used in turn.
		replacements:     []string{"22.214.171.124", "126.96.36.199", "188.8.131.52", "184.108.40.206", "220.127.116.11", "18.104.22.168"},
		ipv6Replacements: []string{"2001:db8::1"},
	}
}

type ip struct {
	publicOnly       bool
	replacements     []string
	ipv6Replacements []string
}

func (r ip) Meta() rules.Meta {
	return rules.Meta{
		Name:     "ip-address",
		Grouped:  true,
		Category: rules.Privacy,
		Severity: rules.Info,
		Fixable:  true,
		Title:    "IP address (personal data)",
		Doc: "Flags IPv4 addresses (four dot-separated numbers from 0 to 255) and IPv6 " +
			"addresses (eight groups, or a compressed form with ::). As in datatrove's " +
			"PIIFormatter (only_remove_public_ips), only public addresses are flagged by " +
			"default: private, loopback, link-local, shared, documentation and reserved " +
			"ranges (10.0.0.0/8, 192.168.0.0/16, 127.0.0.1, 2001:db8::/32, fe80::/10, …) " +
			"identify nobody; set public_only to false to flag them too. The unsafe fix " +
			"replaces each address by a stand-in: datatrove's six default replacement " +
			"addresses in turn for IPv4 (option replacements) and 2001:db8::1 for IPv6 " +
			"(option ipv6_replacements).\n\n" +
			"Unlike datatrove's pattern, octets with a leading zero (01.02.03.04), dotted " +
			"numbers that are part of a longer run (1.2.3.4.5) or of a word (v1.2.3.4), " +
			"numbers after version, build, release, section, chapter or figure, MAC " +
			"addresses and times (12:30:45) are left alone, as are the replacement addresses " +
			"themselves.",
		Matches: "datatrove PIIFormatter: remove_ips, only_remove_public_ips (ip_replacement)",
		Bad:     "The attack came from 93.184.216.34 and 2606:4700:4700::1111 overnight.\n",
		Good:    "Update to version 1.2.3.4; the router at 192.168.1.1 and section 2.1.4.3 are unchanged.\n",
	}
}

// nonGlobal4 are the IPv4 networks Python's ipaddress does not count as global
// (is_private, plus the shared 100.64.0.0/10), which datatrove's validator uses.
var nonGlobal4 = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"), netip.MustParsePrefix("10.0.0.0/8"),
	netip.MustParsePrefix("100.64.0.0/10"), netip.MustParsePrefix("127.0.0.0/8"),
	netip.MustParsePrefix("169.254.0.0/16"), netip.MustParsePrefix("172.16.0.0/12"),
	netip.MustParsePrefix("192.0.0.0/24"), netip.MustParsePrefix("192.0.2.0/24"),
	netip.MustParsePrefix("192.168.0.0/16"), netip.MustParsePrefix("198.18.0.0/15"),
	netip.MustParsePrefix("198.51.100.0/24"), netip.MustParsePrefix("203.0.113.0/24"),
	netip.MustParsePrefix("240.0.0.0/4"), netip.MustParsePrefix("255.255.255.255/32"),
}

var nonGlobal6 = []netip.Prefix{
	netip.MustParsePrefix("::/128"), netip.MustParsePrefix("::1/128"),
	netip.MustParsePrefix("::ffff:0:0/96"), netip.MustParsePrefix("100::/64"),
	netip.MustParsePrefix("2001::/23"), netip.MustParsePrefix("2001:db8::/32"),
	netip.MustParsePrefix("fc00::/7"), netip.MustParsePrefix("fe80::/10"),
}

// global reports whether addr is public in Python's ipaddress sense.
func global(addr netip.Addr) bool {
	nets := nonGlobal4
	if addr.Is6() {
		nets = nonGlobal6
	}
	for _, n := range nets {
		if n.Contains(addr) {
			return false
		}
	}
	return true
}

// versionWords precede dotted numbers that are versions or section numbers.
var versionWords = []string{"version", "versions", "ver", "v", "build", "release", "rel", "firmware", "fw",
	"revision", "rev", "update", "patch", "section", "sections", "sec", "chapter", "chap", "article", "art",
	"clause", "paragraph", "para", "rule", "step", "figure", "fig", "table", "item", "no", "oid"}

// iPv4At parses a dotted quad at t[i] (a digit) and returns its end.
func iPv4At(t string, i int) (int, bool) {
	j := i
	for part := 0; part < 4; part++ {
		if part > 0 {
			if j >= len(t) || t[j] != '.' {
				return 0, false
			}
			j++
		}
		d := j
		v := 0
		for j < len(t) && j-d < 4 && text.IsDigit(t[j]) {
			v = v*10 + int(t[j]-'0')
			j++
		}
		n := j - d
		if n == 0 || n > 3 || v > 255 || (n > 1 && t[d] == '0') {
			return 0, false
		}
	}
	if j < len(t) {
		c := t[j]
		if text.IsAlnum(c) || c == '_' || c == '@' {
			return 0, false
		}
		if (c == '.' || c == '-') && j+1 < len(t) && text.IsDigit(t[j+1]) {
			return 0, false
		}
		if r := text.RuneAt(t, j); r >= 0x80 && letterRune(r) {
			return 0, false
		}
	}
	return j, true
}

func letterRune(r rune) bool {
	return r != '\u2019' && r != '\u201d' && r != '\u2026' && r > 0x7f && !strings.ContainsRune("\u00a0\u2013\u2014\u00bb", r)
}

func hex(c byte) bool {
	return text.IsDigit(c) || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// iPv6Around parses an IPv6 address around the ":" at t[i]. It returns the span.
func iPv6Around(t string, i int) (int, int, bool) {
	s := i
	for s > 0 && i-s <= 40 && (hex(t[s-1]) || t[s-1] == ':') {
		s--
	}
	e := i
	for e < len(t) && e-s <= 46 && (hex(t[e]) || t[e] == ':' || t[e] == '.') {
		e++
	}
	if i-s > 40 || e-s > 46 {
		// Longer than any address: report the run's end so the caller skips it.
		for e < len(t) && (hex(t[e]) || t[e] == ':' || t[e] == '.') {
			e++
		}
		return 0, e, false
	}
	for e > i && (t[e-1] == '.' || (t[e-1] == ':' && !(e-2 >= s && t[e-2] == ':'))) {
		e--
	}
	if s > 0 {
		c := t[s-1]
		if text.IsAlnum(c) || c == '_' || c == '.' || c == '-' || c == '/' && !(s >= 2 && t[s-2] == '/') {
			return 0, 0, false
		}
	}
	if e < len(t) && (text.IsAlnum(t[e]) || t[e] == '_') {
		return 0, 0, false
	}
	cand := t[s:e]
	colons := strings.Count(cand, ":")
	if colons < 2 || (colons != 7 && !strings.Contains(cand, "::")) || strings.Contains(cand, ":::") {
		return 0, 0, false
	}
	// "::" with a single short group on each side is more often code (a::b) than an
	// address: ask for at least three groups or one of four hex digits.
	groups := strings.FieldsFunc(cand, func(r rune) bool { return r == ':' })
	long := false
	for _, g := range groups {
		if len(g) >= 3 {
			long = true
		}
	}
	if len(groups) < 3 && !long {
		return 0, 0, false
	}
	if _, err := netip.ParseAddr(cand); err != nil {
		return 0, 0, false
	}
	return s, e, true
}

// afterVersionWord reports whether the word before s names a version or a
// section.
func afterVersionWord(t string, s int) bool {
	k := s
	for k > 0 && s-k < 4 && (t[k-1] == ' ' || t[k-1] == '(' || t[k-1] == '.' || t[k-1] == ':') {
		k--
	}
	e := k
	for k > 0 && e-k < 12 && text.IsLetter(t[k-1]) {
		k--
	}
	if k == e {
		return s > 0 && (strings.HasSuffix(t[:s], "§") || strings.HasSuffix(t[:s], "§ "))
	}
	return wordIn(t[k:e], versionWords)
}

// options declares the rule's options, bound to the fields of r.
func (r *ip) options() *option.Set {
	s := option.New("ip-address")
	s.Bool("public_only", &r.publicOnly)
	s.Strings("replacements", &r.replacements, 1)
	s.Strings("ipv6_replacements", &r.ipv6Replacements, 1)
	return s
}

// Options implements rules.Configurable.
func (r ip) Options() map[string]any { return r.options().Values() }

// Configure implements rules.Configurable: r is a copy, the receiver stays as it was.
func (r ip) Configure(opts map[string]any) (rules.Rule, error) {
	if err := r.options().Decode(opts); err != nil {
		return nil, err
	}
	return r, nil
}

func (r ip) Check(p *rules.Pass) {
	t := p.Analysis.Text()
	// IPv6 first: its spans (which may end in an IPv4 part) are kept out of the
	// IPv4 scan. Both scans jump between "." or ":" with the fast byte search.
	var v6 []rules.Finding
	n6 := 0
	for i := 0; ; {
		k := strings.IndexByte(t[i:], ':')
		if k < 0 {
			break
		}
		i += k
		s, e, ok := iPv6Around(t, i)
		if !ok {
			i = max(e, i+1)
			continue
		}
		addr, _ := netip.ParseAddr(t[s:e])
		if (!r.publicOnly || global(addr)) && !isReplacement(t[s:e], r.ipv6Replacements) {
			repl := r.ipv6Replacements[n6%len(r.ipv6Replacements)]
			n6++
			v6 = append(v6, rules.Finding{Start: s, End: e, Message: fmt.Sprintf("IPv6 address %s (personal data)", t[s:e]),
				Fix: &rules.Fix{Message: "replace it with " + repl, Applicability: rules.Unsafe, Edits: []rules.Edit{{Start: s, End: e, NewText: repl}}}})
		}
		i = max(e, i+1)
	}
	n4 := 0
	next6 := 0
	for i := 0; ; {
		k := strings.IndexByte(t[i:], '.')
		if k < 0 {
			break
		}
		dot := i + k
		i = dot + 1
		// The address starts one to three digits before its first dot.
		s := dot
		for s > 0 && dot-s < 3 && text.IsDigit(t[s-1]) {
			s--
		}
		if s == dot || (s > 0 && (text.IsAlnum(t[s-1]) || t[s-1] == '.' || t[s-1] == '_' || t[s-1] == '-' || t[s-1] == '@')) {
			continue
		}
		e, ok := iPv4At(t, s)
		if !ok {
			continue
		}
		i = e
		for next6 < len(v6) && v6[next6].End <= s {
			p.Report(v6[next6])
			next6++
		}
		if next6 < len(v6) && v6[next6].Start <= s {
			continue // the IPv4 tail of an IPv6 address
		}
		addr, err := netip.ParseAddr(t[s:e])
		if err != nil || (r.publicOnly && !global(addr)) || afterVersionWord(t, s) || isReplacement(t[s:e], r.replacements) {
			continue
		}
		repl := r.replacements[n4%len(r.replacements)]
		n4++
		p.Report(rules.Finding{Start: s, End: e, Message: fmt.Sprintf("IP address %s (personal data)", t[s:e]),
			Fix: &rules.Fix{Message: "replace it with " + repl, Applicability: rules.Unsafe, Edits: []rules.Edit{{Start: s, End: e, NewText: repl}}}})
	}
	for ; next6 < len(v6); next6++ {
		p.Report(v6[next6])
	}
}
