package aggregate

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"
)

// DomainStats counts documents per URL host in a bounded map. While fewer than
// twice Options.Domains hosts have been seen the counts are exact; when the map
// reaches that size it is pruned to the Options.Domains hosts with the most
// documents, and the pruned counts move to Other. A host pruned early and seen
// again starts from zero, so late or rare hosts may be undercounted (the classic
// lossy-counting trade); hosts with many documents, the ones a report shows, stay
// exact unless the batch has very many hosts of similar size.
type DomainStats struct {
	Hosts map[string]*DomainCount `json:"hosts"`
	// Other holds the counts of pruned hosts; PrunedHosts how many entries were pruned.
	Other       DomainCount `json:"other"`
	PrunedHosts int64       `json:"pruned_hosts,omitempty"`
	// NoURL counts documents without a URL.
	NoURL int64 `json:"no_url"`
}

// DomainCount is what DomainStats keeps per host.
type DomainCount struct {
	Documents int64 `json:"documents"`
	Flagged   int64 `json:"flagged"`
	Findings  int64 `json:"findings"`
	// Bytes is the text the host's documents hold, for findings per kilobyte.
	Bytes int64 `json:"bytes,omitempty"`
}

// plus adds o's counts to c.
func (c *DomainCount) plus(o *DomainCount) {
	c.Documents += o.Documents
	c.Flagged += o.Flagged
	c.Findings += o.Findings
	c.Bytes += o.Bytes
}

func (ds *DomainStats) add(rawURL string, findings, bytes int, limit int) {
	host := Host(rawURL)
	if host == "" {
		ds.NoURL++
		return
	}
	c := ds.Hosts[host]
	if c == nil {
		c = &DomainCount{}
		ds.Hosts[host] = c
	}
	c.Documents++
	c.Findings += int64(findings)
	c.Bytes += int64(bytes)
	if findings > 0 {
		c.Flagged++
	}
	if len(ds.Hosts) >= 2*limit {
		ds.prune(limit)
	}
}

// prune keeps the limit hosts with the most documents (ties by name) and moves the
// counts of the others to Other.
func (ds *DomainStats) prune(limit int) {
	if len(ds.Hosts) <= limit {
		return
	}
	names := make([]string, 0, len(ds.Hosts))
	for h := range ds.Hosts {
		names = append(names, h)
	}
	sort.Slice(names, func(i, j int) bool {
		a, b := ds.Hosts[names[i]], ds.Hosts[names[j]]
		if a.Documents != b.Documents {
			return a.Documents > b.Documents
		}
		return names[i] < names[j]
	})
	for _, h := range names[limit:] {
		ds.Other.plus(ds.Hosts[h])
		ds.PrunedHosts++
		delete(ds.Hosts, h)
	}
}

func (ds *DomainStats) merge(o *DomainStats, limit int) {
	for h, oc := range o.Hosts {
		c := ds.Hosts[h]
		if c == nil {
			c = &DomainCount{}
			ds.Hosts[h] = c
		}
		c.plus(oc)
	}
	ds.Other.plus(&o.Other)
	ds.PrunedHosts += o.PrunedHosts
	ds.NoURL += o.NoURL
	if len(ds.Hosts) >= 2*limit {
		ds.prune(limit)
	}
}

// Host returns the lower-case host of a URL without "www." and port, or "" when
// rawURL has none. It is a byte scan, not a full URL parser: crawl URLs are
// absolute, and a malformed one only lands in a host of its own.
func Host(rawURL string) string {
	s := strings.TrimSpace(rawURL)
	if i := strings.Index(s, "://"); i >= 0 {
		s = s[i+3:]
	} else if strings.HasPrefix(s, "//") {
		s = s[2:]
	} else {
		return ""
	}
	if i := strings.IndexAny(s, "/?#"); i >= 0 {
		s = s[:i]
	}
	if i := strings.LastIndexByte(s, '@'); i >= 0 {
		s = s[i+1:]
	}
	if strings.HasPrefix(s, "[") { // IPv6 literal
		if i := strings.IndexByte(s, ']'); i >= 0 {
			return strings.ToLower(s[:i+1])
		}
	}
	if i := strings.LastIndexByte(s, ':'); i >= 0 {
		s = s[:i]
	}
	s = strings.TrimSuffix(strings.ToLower(s), ".")
	s = strings.TrimPrefix(s, "www.")
	if !utf8.ValidString(s) {
		return ""
	}
	return s
}

// DomainRow is one line of the domains table.
type DomainRow struct {
	Host      string
	Documents int64
	Flagged   int64
	Findings  int64
	Rate      float64 // Flagged over Documents
	// PerKB is Findings per 1,000 bytes of the host's text: the ranking.
	PerKB float64
}

// TopDomains returns up to n hosts with the most findings per kilobyte of text,
// among hosts with at least minDocs documents (ties: more documents first). The
// share of flagged documents does not rank them: in a raw crawl most documents
// have some finding, and every host would show 100%.
func (a *Aggregate) TopDomains(n int, minDocs int64) []DomainRow {
	var rows []DomainRow
	for h, c := range a.Domains.Hosts {
		if c.Documents < minDocs || c.Flagged == 0 {
			continue
		}
		rows = append(rows, DomainRow{Host: h, Documents: c.Documents, Flagged: c.Flagged, Findings: c.Findings,
			Rate: ratio(c.Flagged, c.Documents), PerKB: 1000 * ratio(c.Findings, max(c.Bytes, 1))})
	}
	sort.Slice(rows, func(i, j int) bool {
		if rows[i].PerKB != rows[j].PerKB {
			return rows[i].PerKB > rows[j].PerKB
		}
		if rows[i].Documents != rows[j].Documents {
			return rows[i].Documents > rows[j].Documents
		}
		return rows[i].Host < rows[j].Host
	})
	if len(rows) > n {
		rows = rows[:n]
	}
	return rows
}

// DomainMinDocs is the support a host needs to enter the domains table: 1 on a small
// batch, 5 from 1,000 documents with URLs, 20 from 100,000.
func (a *Aggregate) DomainMinDocs() int64 {
	withURL := a.Documents - a.Domains.NoURL
	switch {
	case withURL >= 100000:
		return 20
	case withURL >= 1000:
		return 5
	}
	return 1
}

// DomainNote says how exact the domain figures are.
func (a *Aggregate) DomainNote() string {
	s := fmt.Sprintf("Ranked by findings per 1,000 bytes of text, among hosts with at least %s; %s without a URL.", plural(int(a.DomainMinDocs()), "document"),
		plural(int(a.Domains.NoURL), "document"))
	if a.Domains.PrunedHosts > 0 {
		s += fmt.Sprintf(" The host counter was pruned: %s of %s rarer hosts are not listed.",
			plural(int(a.Domains.Other.Documents), "document"), fmtInt(a.Domains.PrunedHosts))
	}
	return s
}
