package beam

import (
	"encoding/binary"
	"errors"
	"hash/fnv"
	"net/url"
	"sort"
	"strings"

	"github.com/corpuslint/corpuslint/rules"
	"github.com/corpuslint/corpuslint/rules/text"
)

// lineRule is a small corpus rule for the tests: a line that occurs in at least
// three documents of one domain is flagged. It stands in for the core's
// repeated-line rule and exercises the same machinery (a state observed on many
// workers, marshaled, merged, and given back as a side input). It is Disabled,
// so only explicit selection ("all" or its name) runs it.
type lineRule struct{}

func (lineRule) Meta() rules.Meta {
	return rules.Meta{
		Name: "test-repeated-line", Category: rules.Repetition, Severity: rules.Info,
		Title: "a line repeated across documents of one domain (test rule)",
		Doc:   "Test-only corpus rule.", Disabled: true,
	}
}

func (lineRule) NewState() rules.CorpusState { return &lineCounts{m: map[string]map[uint64]uint64{}} }

// lineCounts counts, per domain, the documents each line (by hash) occurs in.
type lineCounts struct {
	m map[string]map[uint64]uint64
}

func domainOf(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	return u.Hostname()
}

func hashLine(s string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(s))
	return h.Sum64()
}

// eachLine calls f with each non-blank line of text and its byte span, once per
// distinct line.
func eachLine(text string, f func(line string, start, end int)) {
	seen := map[string]bool{}
	for start := 0; start < len(text); {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		line := text[start:end]
		if strings.TrimSpace(line) != "" && !seen[line] {
			seen[line] = true
			f(line, start, end)
		}
		start = end + 1
	}
}

func (c *lineCounts) Observe(doc *rules.Document, _ *text.Analysis) {
	d := domainOf(doc.URL)
	m := c.m[d]
	if m == nil {
		m = map[uint64]uint64{}
		c.m[d] = m
	}
	eachLine(doc.Text, func(line string, _, _ int) { m[hashLine(line)]++ })
}

func (c *lineCounts) Merge(other rules.CorpusState) {
	for d, om := range other.(*lineCounts).m {
		m := c.m[d]
		if m == nil {
			m = map[uint64]uint64{}
			c.m[d] = m
		}
		for h, n := range om {
			m[h] += n
		}
	}
}

func (c *lineCounts) MarshalBinary() ([]byte, error) {
	var b []byte
	domains := make([]string, 0, len(c.m))
	for d := range c.m {
		domains = append(domains, d)
	}
	sort.Strings(domains)
	b = binary.AppendUvarint(b, uint64(len(domains)))
	for _, d := range domains {
		b = binary.AppendUvarint(b, uint64(len(d)))
		b = append(b, d...)
		hs := make([]uint64, 0, len(c.m[d]))
		for h := range c.m[d] {
			hs = append(hs, h)
		}
		sort.Slice(hs, func(i, j int) bool { return hs[i] < hs[j] })
		b = binary.AppendUvarint(b, uint64(len(hs)))
		for _, h := range hs {
			b = binary.LittleEndian.AppendUint64(b, h)
			b = binary.AppendUvarint(b, c.m[d][h])
		}
	}
	return b, nil
}

func (c *lineCounts) UnmarshalBinary(b []byte) error {
	bad := errors.New("test-repeated-line: corrupt state")
	uv := func() uint64 {
		v, k := binary.Uvarint(b)
		if k <= 0 {
			b = nil
			return 0
		}
		b = b[k:]
		return v
	}
	nd := uv()
	for range nd {
		l := uv()
		if uint64(len(b)) < l {
			return bad
		}
		d := string(b[:l])
		b = b[l:]
		m := map[uint64]uint64{}
		for range uv() {
			if len(b) < 8 {
				return bad
			}
			h := binary.LittleEndian.Uint64(b)
			b = b[8:]
			m[h] = uv()
		}
		c.m[d] = m
	}
	if len(b) != 0 {
		return bad
	}
	return nil
}

func (lineRule) Check(p *rules.Pass) {
	c, _ := p.Corpus.(*lineCounts)
	if c == nil {
		return
	}
	m := c.m[domainOf(p.Doc.URL)]
	eachLine(p.Doc.Text, func(line string, start, end int) {
		if n := m[hashLine(line)]; n >= 3 {
			p.Reportf(start, end, "line occurs in %d documents of this domain", n)
		}
	})
}
