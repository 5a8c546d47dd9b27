package eval

import (
	"bufio"
	"crypto/sha256"
	"fmt"
	"io"
	"net/url"
	"os"
	"regexp"
	"sort"
	"strings"

	"golang.org/x/net/publicsuffix"
)

// Site returns the site a labeled record comes from, for splitting pages by site:
// the registrable domain (eTLD+1, "nytimes.com") of its URL; for an archived page
// (web.archive.org) that of the archived URL; for a trafilatura test file named
// after its site ("hard::jamaica.gleaner.com-victims.html") that of the name; and
// for a Readability test page the page name without its number
// ("readability:nytimes" for nytimes-3).
func Site(r *Record) string {
	if r.URL != nil && *r.URL != "" {
		raw := *r.URL
		if name, ok := strings.CutPrefix(raw, "hard::"); ok {
			if s := domainOfName(name); s != "" {
				return s
			}
			return "name:" + name
		}
		if s := domainOfURL(raw); s != "" {
			return s
		}
	}
	if name, ok := strings.CutPrefix(r.ID, "mozilla-readability:"); ok {
		return "readability:" + trailingNumber.ReplaceAllString(name, "")
	}
	if s := domainOfName(r.DocID); s != "" {
		return s
	}
	return "page:" + r.DocID
}

var trailingNumber = regexp.MustCompile(`-\d+$`)

// domainOfURL returns the registrable domain of a URL's host, looking inside
// web.archive.org's URLs ("/web/2019.../http://example.com/...").
func domainOfURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Hostname() == "" {
		return ""
	}
	host := strings.ToLower(u.Hostname())
	if host == "web.archive.org" {
		if i := strings.Index(u.Path, "http"); i >= 0 {
			if s := domainOfURL(u.Path[i:]); s != "" {
				return s
			}
		}
	}
	if d, err := publicsuffix.EffectiveTLDPlusOne(host); err == nil {
		return d
	}
	return host
}

// domainOfName returns the registrable domain a file name starts with:
// "blog.python.org.html" -> python.org, "energiehoch3.de.lexikon.x.html" ->
// energiehoch3.de, "breakingbelizenews.com-paho.html" -> breakingbelizenews.com.
func domainOfName(name string) string {
	name = strings.TrimSuffix(strings.ToLower(name), ".html")
	if i := strings.IndexByte(name, '-'); i >= 0 {
		name = name[:i]
	}
	labels := strings.Split(name, ".")
	for k := 2; k <= len(labels); k++ {
		cand := strings.Join(labels[:k], ".")
		if _, icann := publicsuffix.PublicSuffix(cand); !icann {
			continue
		}
		if d, err := publicsuffix.EffectiveTLDPlusOne(cand); err == nil {
			return d
		}
	}
	return ""
}

// Split parts: rules, phrases and thresholds are written looking at the tune part
// only; the check part is scored to report, never to tune.
const (
	PartTune  = "tune"
	PartCheck = "check"
)

// SplitPart returns the part a site belongs to: a hash of the site decides, about
// 70% tune and 30% check, the same on every machine.
func SplitPart(site string) string {
	h := sha256.Sum256([]byte("corpuslint site split 1:" + site))
	if int(h[0])*10 < 256*7 {
		return PartTune
	}
	return PartCheck
}

// WriteSplit writes the sites of recs and their parts as "site<TAB>part<TAB>pages"
// lines, sorted by site, under a header comment.
func WriteSplit(w io.Writer, recs []*Record) error {
	pages := map[string]map[string]bool{}
	for _, r := range recs {
		s := Site(r)
		if pages[s] == nil {
			pages[s] = map[string]bool{}
		}
		pages[s][r.Source+":"+r.DocID] = true
	}
	sites := make([]string, 0, len(pages))
	for s := range pages {
		sites = append(sites, s)
	}
	sort.Strings(sites)
	n := map[string]int{}
	for _, s := range sites {
		n[SplitPart(s)] += len(pages[s])
	}
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "# Dev pages split by site (registrable domain), written by go run ./cmd/sitesplit.\n")
	fmt.Fprintf(bw, "# tune: %d pages, check: %d pages. Tune rules on the tune part; score the check part to report.\n", n[PartTune], n[PartCheck])
	for _, s := range sites {
		fmt.Fprintf(bw, "%s\t%s\t%d\n", s, SplitPart(s), len(pages[s]))
	}
	return bw.Flush()
}

// ReadSplit reads a split written by WriteSplit and returns the sites of part.
func ReadSplit(path, part string) (map[string]bool, error) {
	if part != PartTune && part != PartCheck {
		return nil, fmt.Errorf("split part %q: want %s or %s", part, PartTune, PartCheck)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	out := map[string]bool{}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 3 {
			return nil, fmt.Errorf("%s:%d: want site, part and pages separated by tabs", path, n)
		}
		if f[1] == part {
			out[f[0]] = true
		}
	}
	return out, sc.Err()
}
