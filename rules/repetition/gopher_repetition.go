package repetition

import (
	"encoding/binary"
	"fmt"
	"math"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/corpuslint/corpuslint/rules"
	"github.com/corpuslint/corpuslint/rules/option"
	"github.com/corpuslint/corpuslint/rules/text"
	"github.com/corpuslint/corpuslint/rules/text/spacy"
	"github.com/corpuslint/corpuslint/rules/text/spanset"
)

// GopherRepetition returns the gopher-repetition rule: datatrove's
// GopherRepetitionFilter (the repetition checks of Gopher, Rae et al. 2021, Table
// A1) with its default thresholds. It is off unless selected; the gopher profile
// selects it.
func GopherRepetition() rules.Rule { return gopher{opts: gopherDefaults()} }

// nGramLimit is one (n, fraction) pair of top_n_grams or dup_n_grams.
type nGramLimit struct {
	N    int
	Frac float64
}

type gopherOpts struct {
	DupLineFrac, DupParaFrac         float64
	DupLineCharFrac, DupParaCharFrac float64
	TopNGrams, DupNGrams             []nGramLimit
}

func gopherDefaults() gopherOpts {
	return gopherOpts{
		DupLineFrac: 0.3, DupParaFrac: 0.3, DupLineCharFrac: 0.2, DupParaCharFrac: 0.2,
		TopNGrams: []nGramLimit{{2, 0.20}, {3, 0.18}, {4, 0.16}},
		DupNGrams: []nGramLimit{{5, 0.15}, {6, 0.14}, {7, 0.13}, {8, 0.12}, {9, 0.11}, {10, 0.10}},
	}
}

type gopher struct{ opts gopherOpts }

func (gopher) Meta() rules.Meta {
	return rules.Meta{
		Name:     "gopher-repetition",
		Category: rules.Repetition,
		Severity: rules.Warning,
		Fixable:  true,
		Disabled: true,
		Title:    "the document repeats lines, paragraphs or n-grams more than Gopher allows",
		Matches:  "datatrove GopherRepetitionFilter",
		Doc: `Reproduces datatrove's GopherRepetitionFilter with its default settings (the
repetition thresholds of Gopher, Rae et al. 2021, Table A1). It reports one finding
for every check the document fails; the document fails the filter when any check
fails. Lengths are Python characters (code points) and fractions are of the whole
text, len(text).

  - dup_para_frac (0.3): the text is stripped and split into paragraphs at runs of
    two or more "\n"; a paragraph equal to an earlier one is a duplicate; fails
    when duplicates / paragraphs > 0.3.
  - dup_para_char_frac (0.2): the characters of those duplicate paragraphs / the
    characters of the text > 0.2.
  - dup_line_frac (0.3) and dup_line_char_frac (0.2): the same for lines, the text
    split at runs of "\n" (so blank lines never count; the text is not stripped,
    and a "\r" stays part of its line).
  - top_n_grams (2: 0.20, 3: 0.18, 4: 0.16): the most frequent word n-gram (the
    first seen among equals), its length with single spaces between the words
    times its count / the characters of the text.
  - dup_n_grams (5: 0.15 ... 10: 0.10): find_all_duplicate walks the n-grams; an
    n-gram seen before adds the length of its words (joined without spaces) and the
    walk skips the n words after it, else it is remembered and the walk moves one
    word on.

Words are datatrove's English word tokens (load_word_tokenizer("en")):
spaCy's tokenizer for English, spacy.blank("en"), ported here with its prefix,
suffix and infix rules, its tokenizer exceptions ("don't" and "don’t" are "do"
and "n't"), its final merge of exceptions that contain punctuation and its URL
rule; tokens that are white space are dropped. Punctuation tokens count as words
in these checks. (datatrove releases before its tokenizer_assignment.csv used
NLTK's word_tokenize for English, which splits a little differently.)

A checked fraction of 0 turns the paragraph or line check off, as in datatrove;
an empty list turns the n-gram checks off. The finding points at the first
repeated paragraph, line or n-gram and states the measured fraction and the
threshold. The fix drops the document.`,
		Bad:  "Buy cheap watches online today.\nBuy cheap watches online today.\nBuy cheap watches online today.\nBest prices guaranteed.",
		Good: "The council approved the new budget on Tuesday after a long debate about school funding.\nMembers said the plan would cut waiting lists at the city's two hospitals by next spring.\nThe mayor thanked residents who wrote in during the consultation.",
	}
}

// options declares the rule's options, bound to the fields of o, under
// datatrove's parameter names.
func (o *gopherOpts) options() *option.Set {
	s := option.New("gopher-repetition")
	s.Float("dup_line_frac", &o.DupLineFrac, 0, 1, false)
	s.Float("dup_para_frac", &o.DupParaFrac, 0, 1, false)
	s.Float("dup_line_char_frac", &o.DupLineCharFrac, 0, 1, false)
	s.Float("dup_para_char_frac", &o.DupParaCharFrac, 0, 1, false)
	limits := func(name string, p *[]nGramLimit) {
		s.Func(name, func() any {
			out := make([][]float64, len(*p))
			for i, l := range *p {
				out[i] = []float64{float64(l.N), l.Frac}
			}
			return out
		}, func(v any) (func(), string) {
			ls, err := nGramLimits(v)
			if err != nil {
				return nil, err.Error()
			}
			return func() { *p = ls }, ""
		})
	}
	limits("top_n_grams", &o.TopNGrams)
	limits("dup_n_grams", &o.DupNGrams)
	return s
}

// Options implements rules.Configurable.
func (r gopher) Options() map[string]any { return r.opts.options().Values() }

// Configure implements rules.Configurable: r is a copy, the receiver stays as it was.
func (r gopher) Configure(opts map[string]any) (rules.Rule, error) {
	if err := r.opts.options().Decode(opts); err != nil {
		return nil, err
	}
	return r, nil
}

// number reads a JSON or Go number.
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
	case int32:
		return float64(x), true
	}
	return 0, false
}

func nGramLimits(v any) ([]nGramLimit, error) {
	bad := fmt.Errorf("want a list of [n, fraction] pairs with a whole n from 1 to 1000 and a fraction from 0 to 1, got %v", v)
	var items [][]any
	switch x := v.(type) {
	case []any:
		for _, it := range x {
			switch p := it.(type) {
			case []any:
				items = append(items, p)
			case []float64:
				it := make([]any, len(p))
				for i, f := range p {
					it[i] = f
				}
				items = append(items, it)
			default:
				return nil, bad
			}
		}
	case [][]any:
		items = x
	case [][]float64:
		for _, p := range x {
			var it []any
			for _, f := range p {
				it = append(it, f)
			}
			items = append(items, it)
		}
	case [][2]float64:
		for _, p := range x {
			items = append(items, []any{p[0], p[1]})
		}
	default:
		return nil, bad
	}
	out := make([]nGramLimit, 0, len(items))
	for _, it := range items {
		if len(it) != 2 {
			return nil, bad
		}
		n, ok1 := number(it[0])
		f, ok2 := number(it[1])
		if !ok1 || !ok2 || n != math.Trunc(n) || n < 1 || n > 1000 || math.IsNaN(f) || f < 0 || f > 1 {
			return nil, bad
		}
		out = append(out, nGramLimit{int(n), f})
	}
	return out, nil
}

// failure is one failed Gopher check.
type failure struct {
	reason     string
	value, th  float64
	start, end int
	msg        string
}

func (r gopher) Check(p *rules.Pass) {
	text := p.Analysis.Text()
	if text == "" {
		return // datatrove divides by len(text) and fails on an empty document
	}
	var score func(reason string, v, th float64)
	if p.WantScores() {
		score = func(reason string, v, th float64) {
			p.ReportScore(rules.Score{Name: reason, Value: v, Op: ">", Threshold: th})
		}
	}
	for _, f := range gopherMeasure(text, spacy.Words(p.Analysis), spacy.WordIDs(p.Analysis), r.opts, score) {
		p.Report(rules.Finding{
			Start:   f.start,
			End:     f.end,
			Message: f.msg,
			Score:   &rules.Score{Name: f.reason, Value: f.value, Op: ">", Threshold: f.th},
			Fix: &rules.Fix{
				Message:       "drop the document (datatrove GopherRepetitionFilter: " + f.reason + ")",
				Applicability: rules.Safe,
				Edits:         []rules.Edit{{Start: 0, End: len(text)}},
				Drop:          true,
			},
		})
	}
}

// gopherMeasure runs every check of GopherRepetitionFilter on a non-empty text,
// whose spaCy words are words with the word ids ids, and returns the failed ones in datatrove's order.
// score, when not nil, receives every measured value with its threshold,
// failed or not (per-document statistics).
func gopherMeasure(txt string, words []text.Span, ids *text.WordIDs, o gopherOpts, score func(reason string, v, th float64)) []failure {
	var out []failure
	over := func(reason string, v, th float64) bool {
		if score != nil {
			score(reason, v, th)
		}
		return v > th
	}
	total := float64(text.RuneCount(txt))

	g := nGramPool.Get().(*nGrams)
	defer func() { g.text, g.toks, g.ids, g.idCount = "", nil, nil, nil; nGramPool.Put(g) }()

	// Paragraphs: re.split(r"\n{2,}", text.strip()).
	ps, pe := spacy.PyStrip(txt)
	pd := findDuplicates(&g.pieces, txt, ps, pe, 2)
	if o.DupParaFrac != 0 {
		if v := float64(pd.dups) / float64(pd.n); over("dup_para_frac", v, o.DupParaFrac) {
			out = append(out, failure{"dup_para_frac", v, o.DupParaFrac, pd.first.Start, pd.first.End,
				fmt.Sprintf("%d of %d paragraphs repeat an earlier paragraph: fraction %s is above %s (Gopher)",
					pd.dups, pd.n, frac(v, o.DupParaFrac), gopherG(o.DupParaFrac))})
		}
	}
	if o.DupParaCharFrac != 0 {
		if v := float64(pd.chars) / total; over("dup_para_char_frac", v, o.DupParaCharFrac) {
			out = append(out, failure{"dup_para_char_frac", v, o.DupParaCharFrac, pd.first.Start, pd.first.End,
				fmt.Sprintf("repeated paragraphs hold %d of %d characters: fraction %s is above %s (Gopher)",
					pd.chars, int(total), frac(v, o.DupParaCharFrac), gopherG(o.DupParaCharFrac))})
		}
	}

	// Lines: re.split("\n+", text).
	ld := findDuplicates(&g.pieces, txt, 0, len(txt), 1)
	if o.DupLineFrac != 0 {
		if v := float64(ld.dups) / float64(ld.n); over("dup_line_frac", v, o.DupLineFrac) {
			out = append(out, failure{"dup_line_frac", v, o.DupLineFrac, ld.first.Start, ld.first.End,
				fmt.Sprintf("%d of %d lines repeat an earlier line: fraction %s is above %s (Gopher)",
					ld.dups, ld.n, frac(v, o.DupLineFrac), gopherG(o.DupLineFrac))})
		}
	}
	if o.DupLineCharFrac != 0 {
		if v := float64(ld.chars) / total; over("dup_line_char_frac", v, o.DupLineCharFrac) {
			out = append(out, failure{"dup_line_char_frac", v, o.DupLineCharFrac, ld.first.Start, ld.first.End,
				fmt.Sprintf("repeated lines hold %d of %d characters: fraction %s is above %s (Gopher)",
					ld.chars, int(total), frac(v, o.DupLineCharFrac), gopherG(o.DupLineCharFrac))})
		}
	}

	if len(o.TopNGrams) == 0 && len(o.DupNGrams) == 0 {
		return out
	}
	g.load(txt, words, ids)
	for _, l := range o.TopNGrams {
		first, count, chars, ok := g.top(l.N)
		if !ok {
			continue // no n-grams: datatrove skips the check
		}
		if v := float64(chars) / total; over("top_"+strconv.Itoa(l.N)+"_gram", v, l.Frac) {
			s, e := g.toks[first].Start, g.toks[first+l.N-1].End
			reason := "top_" + strconv.Itoa(l.N) + "_gram"
			out = append(out, failure{reason, v, l.Frac, s, e,
				fmt.Sprintf("the most frequent %d-gram %q occurs %s and covers %d of %d characters: fraction %s is above %s (Gopher)",
					l.N, text.Shorten(g.joined(first, l.N), 60), times(count), chars, int(total), frac(v, l.Frac), gopherG(l.Frac))})
		}
	}
	for _, l := range o.DupNGrams {
		chars, first := g.allDuplicate(l.N)
		if v := float64(chars) / total; over("duplicated_"+strconv.Itoa(l.N)+"_n_grams", v, l.Frac) {
			s, e := 0, len(txt)
			if first >= 0 {
				s, e = g.toks[first].Start, g.toks[first+l.N-1].End
			}
			reason := "duplicated_" + strconv.Itoa(l.N) + "_n_grams"
			out = append(out, failure{reason, v, l.Frac, s, e,
				fmt.Sprintf("repeated %d-grams cover %d of %d characters: fraction %s is above %s (Gopher)",
					l.N, chars, int(total), frac(v, l.Frac), gopherG(l.Frac))})
		}
	}
	return out
}

// frac formats a measured fraction with enough digits to differ from the
// threshold it passed.
func frac(v, th float64) string {
	for prec := 3; prec < 10; prec++ {
		s := strconv.FormatFloat(v, 'f', prec, 64)
		if f, _ := strconv.ParseFloat(s, 64); f != th {
			return s
		}
	}
	return strconv.FormatFloat(v, 'g', -1, 64)
}

func times(n int) string {
	switch n {
	case 1:
		return "once"
	case 2:
		return "twice"
	}
	return strconv.Itoa(n) + " times"
}

func gopherG(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }

// duplicates is datatrove's find_duplicates over a list of pieces.
type duplicates struct {
	n, dups, chars int
	first          text.Span // the first duplicate piece
}

// findDuplicates is find_duplicates over the pieces of txt[s:e] split at
// every run of at least min "\n" (Python's re.split(r"\n{min,}"), empty pieces
// kept), without making the list; seen is the set of pieces it fills.
func findDuplicates(seen *spanset.Set, txt string, s, e, min int) duplicates {
	d := duplicates{first: text.Span{Start: 0, End: len(txt)}}
	seen.Reset(64)
	piece := func(a, b int) {
		d.n++
		if seen.Add(txt, a, b) {
			return
		}
		if d.dups == 0 {
			d.first = text.Span{Start: a, End: b}
		}
		d.dups++
		d.chars += text.RuneCount(txt[a:b])
	}
	start := s
	for i := s; i < e; {
		j := strings.IndexByte(txt[i:e], '\n')
		if j < 0 {
			break
		}
		i += j
		k := i
		for k < e && txt[k] == '\n' {
			k++
		}
		if k-i >= min {
			piece(start, i)
			start = k
		}
		i = k
	}
	piece(start, e)
	return d
}

// nGrams indexes the tokens of a text for n-gram counting: token ids for
// word-sequence identity (datatrove joins with " " for the top n-gram) and
// polynomial hashes of the concatenated bytes (find_all_duplicate joins with
// ""). Per token it keeps an id, two prefix sums and one prefix hash; the
// n-gram hashes of the ids are rolled along the text, and those of the bytes
// come from the prefix hash and a table of powers by length.
type nGrams struct {
	text  string
	toks  []text.Span
	runes []int32 // prefix sums of token lengths in code points
	bytes []int32 // prefix sums of token lengths in bytes
	// cat is the polynomial hash modulo 2^64 of the concatenated tokens'
	// bytes up to each token boundary.
	cat     []uint64
	table   table
	buckets []bucket
	// ids and idCount are the document's shared word ids (text.WordIDs):
	// the id of each token and the tokens of each id.
	ids     []uint32
	idCount []int32
	// words holds what a token adds to the prefix sums and hash, by word id.
	words  []wordInfo
	pieces spanset.Set // the lines or paragraphs seen

	// Candidates of top: the positions whose candN-gram (as words) occurs
	// twice or more. An n-gram that repeats starts with a repeating shorter
	// one, so top(n) for n >= candN need only look at these; the others all
	// occur once. candN is 0 while there is no list.
	cand, candNext []int32
	candN          int
	bpos           []int32 // bucket of each position top visited

	// Candidates of allDuplicate: keyRep[i] has rep8 set when the 8 bytes of
	// the concatenated tokens from token i on may also start at another
	// token, rep16 the same for 16 bytes. Two positions whose joined n-grams
	// are equal and 8 (16) bytes or longer have equal first 8 (16) bytes, so
	// any other position can neither repeat nor be repeated, and the walk
	// passes it without a table look-up. (On the generated bench corpus 23%
	// of the 5-grams have a recurring 8-byte key, 12% a 16-byte one.)
	concat      []byte // the tokens' bytes without the space between them
	keyRep      []uint8
	once, twice []uint64 // bit sets of repeatKeys
	keyDone     bool
	list        []int32 // candidates of allDuplicate for n >= listN
	listN       int
}

// wordInfo is what a token with one word's text adds to nGrams' prefix
// arrays: the polynomial hash of its bytes, catBase^(its byte length), and its
// lengths in bytes and code points.
type wordInfo struct {
	hash, pow    uint64
	bytes, runes int32
}

const (
	seqBase = 0x9E3779B97F4A7C15
	catBase = 0x100000001B3 // odd, so invertible modulo 2^64
)

// nGramPool keeps the arrays of one document for the next: the rule is off
// by default but runs on whole corpora when selected.
var nGramPool = sync.Pool{New: func() any { return &nGrams{} }}

// reserve returns s emptied, with room for n elements: the arrays are sized
// once for their bound, where growing by append allocated several times the
// final size on a long document.
func reserve[T any](s []T, n int) []T {
	if cap(s) >= n {
		return s[:0]
	}
	return make([]T, 0, n)
}

func grow[T any](s []T, n int) []T {
	if cap(s) >= n {
		return s[:n]
	}
	return make([]T, n, n+n/4)
}

// load indexes the tokens toks of text, whose word ids are w, reusing g's
// arrays. What a token adds to the prefix sums and the prefix hash depends on
// its text alone, so it is computed once per distinct word (by id) and only
// looked up per token.
func (g *nGrams) load(text string, toks []text.Span, w *text.WordIDs) {
	g.text, g.toks = text, toks
	n := len(toks)
	g.ids, g.idCount = w.IDs, w.Count
	g.runes = grow(g.runes, n+1)
	g.bytes = grow(g.bytes, n+1)
	g.cat = grow(g.cat, n+1)
	g.candN, g.keyDone = 0, false
	// Per distinct word: the polynomial hash of its bytes, catBase to the
	// power of its length, its length in bytes and in code points.
	d := w.Len()
	g.words = grow(g.words, d)
	for id, f := range w.First {
		t := toks[f]
		s := text[t.Start:t.End]
		var h uint64
		var high byte
		for k := 0; k < len(s); k++ {
			b := s[k]
			h = h*catBase + uint64(b) + 1
			high |= b
		}
		r := len(s)
		if high >= utf8.RuneSelf {
			r = utf8.RuneCountInString(s)
		}
		g.words[id] = wordInfo{hash: h, pow: catPowLen(len(s)), bytes: int32(len(s)), runes: int32(r)}
	}
	total := 0
	for _, id := range w.IDs {
		total += int(g.words[id].bytes)
	}
	// 8 bytes of slack: a short token is copied as one 8-byte word, whose
	// bytes past the token the next ones overwrite.
	g.concat = grow(g.concat, total+8)
	g.runes[0], g.bytes[0], g.cat[0] = 0, 0, 0
	nb := 0 // bytes in concat
	for i, t := range toks {
		wi := &g.words[w.IDs[i]]
		if t.End-t.Start <= 8 && t.Start+8 <= len(text) {
			// Most tokens: one load and one store, no call to memmove.
			s := text[t.Start : t.Start+8]
			binary.LittleEndian.PutUint64(g.concat[nb:nb+8],
				uint64(s[0])|uint64(s[1])<<8|uint64(s[2])<<16|uint64(s[3])<<24|
					uint64(s[4])<<32|uint64(s[5])<<40|uint64(s[6])<<48|uint64(s[7])<<56)
			nb += t.End - t.Start
		} else {
			nb += copy(g.concat[nb:], text[t.Start:t.End])
		}
		g.cat[i+1] = g.cat[i]*wi.pow + wi.hash
		g.runes[i+1] = g.runes[i] + wi.runes
		g.bytes[i+1] = g.bytes[i] + wi.bytes
	}
	g.concat = g.concat[:nb]
}

// catPows holds catBase^k for the byte lengths of most tokens and n-grams.
var catPows = func() (t [1 << 12]uint64) {
	t[0] = 1
	for k := 1; k < len(t); k++ {
		t[k] = t[k-1] * catBase
	}
	return t
}()

// catPowLen returns catBase^k modulo 2^64.
func catPowLen(k int) uint64 {
	if k < len(catPows) {
		return catPows[k]
	}
	// Square and multiply for the rare longer ones.
	p, b := uint64(1), uint64(catBase)
	for ; k > 0; k >>= 1 {
		if k&1 != 0 {
			p *= b
		}
		b *= b
	}
	return p
}

// catHash is the hash of tokens i..i+n joined without spaces.
func (g *nGrams) catHash(i, n int) uint64 {
	return g.cat[i+n] - g.cat[i]*catPowLen(int(g.bytes[i+n]-g.bytes[i]))
}

func (g *nGrams) sameSeq(a, b, n int) bool {
	for k := 0; k < n; k++ {
		if g.ids[a+k] != g.ids[b+k] {
			return false
		}
	}
	return true
}

// sameCat reports whether tokens a..a+n and b..b+n join (without spaces) to the
// same string.
func (g *nGrams) sameCat(a, b, n int) bool {
	if g.bytes[a+n]-g.bytes[a] != g.bytes[b+n]-g.bytes[b] {
		return false
	}
	ia, ib := a, b
	pa, pb := g.toks[a].Start, g.toks[b].Start
	for {
		if pa == g.toks[ia].End {
			ia++
			if ia == a+n {
				break
			}
			pa = g.toks[ia].Start
		}
		if pb == g.toks[ib].End {
			ib++
			if ib == b+n {
				return false
			}
			pb = g.toks[ib].Start
		}
		if g.text[pa] != g.text[pb] {
			return false
		}
		pa++
		pb++
	}
	// a is exhausted; b must be too.
	for pb == g.toks[ib].End {
		ib++
		if ib == b+n {
			return true
		}
		pb = g.toks[ib].Start
	}
	return false
}

func (g *nGrams) joined(i, n int) string {
	var b strings.Builder
	for k := i; k < i+n; k++ {
		if k > i {
			b.WriteByte(' ')
		}
		b.WriteString(g.text[g.toks[k].Start:g.toks[k].End])
	}
	return b.String()
}

// table maps n-gram hashes to bucket indexes: open addressing with linear
// probing, reused for every n (Go maps cost several times more here). A slot
// keeps 32 bits of the hash and the bucket: 8 bytes, half a slot of the whole
// hash, for a table of twice the positions it counts. Hashes that agree on
// those bits share a slot and their buckets a chain, which the comparison of
// the n-grams' words or bytes tells apart, as for whole hashes that collide.
type table struct {
	slots []slot
	mask  uint64
	shift uint
}

// slot keeps a key next to its value: one cache miss per probe.
type slot struct {
	tag uint32 // the low 32 bits of the hash
	val int32  // bucket index + 1; 0 marks an empty slot
}

// reset empties the table and sizes it for n keys.
func (t *table) reset(n int) {
	size, bits := 16, uint(4)
	for size < 2*n {
		size <<= 1
		bits++
	}
	t.shift = 64 - bits
	if cap(t.slots) >= size {
		t.slots = t.slots[:size]
		clear(t.slots)
	} else {
		t.slots = make([]slot, size)
	}
	t.mask = uint64(size - 1)
}

// slot returns the slot of h: the one holding its tag, or the empty one where
// it goes.
func (t *table) slot(h uint64) uint64 {
	// Fibonacci hashing: the top bits of the product depend on every bit of h.
	i := ((h ^ h>>32) * 0x9E3779B97F4A7C15) >> t.shift
	tag := uint32(h) & tagMask
	for {
		s := t.slots[i]
		if s.val == 0 || s.tag == tag {
			return i
		}
		i = (i + 1) & t.mask
	}
}

// head returns the bucket index slot i holds, -1 when it is empty.
func (t *table) head(i uint64) int32 { return t.slots[i].val - 1 }

// set stores the tag of hash h and bucket index+1 v in slot i.
func (t *table) set(i, h uint64, v int32) {
	t.slots[i] = slot{tag: uint32(h) & tagMask, val: v}
}

// tagMask keeps the bits of a tag; tests narrow it to make tags collide.
var tagMask = ^uint32(0)

// bucket is one distinct n-gram: where it first occurs, how often, and the
// next bucket with the same hash.
type bucket struct {
	first, count, next int32
}

// top is datatrove's find_top_duplicate over the n-grams joined with " ": the
// most frequent n-gram (the first seen among equals, as Counter.most_common(1)
// returns it), its count, and its length times its count. ok is false when the
// text has fewer than n words.
func (g *nGrams) top(n int) (first, count, chars int, ok bool) {
	m := len(g.toks) - n + 1
	if n < 1 || m <= 0 {
		return 0, 0, 0, false
	}
	if g.candN == 0 {
		// Words that occur twice or more: a repeating n-gram starts with one.
		g.cand = reserve(g.cand, len(g.ids))
		for i, id := range g.ids {
			if g.idCount[id] >= 2 {
				g.cand = append(g.cand, int32(i))
			}
		}
		g.candN = 1
	}
	// Only the candidates can repeat; every other position holds an n-gram
	// that occurs once. Without a list valid for n, every position counts.
	all := g.candN > n
	visit := m
	if !all {
		for len(g.cand) > 0 && int(g.cand[len(g.cand)-1]) >= m {
			g.cand = g.cand[:len(g.cand)-1]
		}
		visit = len(g.cand)
	}
	t := &g.table
	t.reset(visit)
	g.bpos = grow(g.bpos, visit)
	bs := reserve(g.buckets, visit)
	var pw uint64 = 1 // seqBase^n
	for k := 0; k < n; k++ {
		pw *= seqBase
	}
	// The hash of the n ids from position i on, rolled one position at a
	// time over every position (cheaper than a prefix array per token).
	var h uint64
	for k := 0; k < n; k++ {
		h = h*seqBase + uint64(g.ids[k])
	}
	at := 0 // the position h is the hash of
	for k := 0; k < visit; k++ {
		i := k
		if !all {
			i = int(g.cand[k])
		}
		if i-at > n {
			// Past a gap of non-candidates the hash is cheaper to compute
			// anew than to roll; it is the same number either way.
			h = 0
			for k := i; k < i+n; k++ {
				h = h*seqBase + uint64(g.ids[k])
			}
			at = i
		}
		for ; at < i; at++ {
			h = h*seqBase - uint64(g.ids[at])*pw + uint64(g.ids[at+n])
		}
		sl := t.slot(h)
		head := t.head(sl)
		found := int32(-1)
		for b := head; b >= 0; b = bs[b].next {
			if g.sameSeq(int(bs[b].first), i, n) {
				bs[b].count++
				found = b
				break
			}
		}
		if found < 0 {
			bs = append(bs, bucket{first: int32(i), count: 1, next: head})
			found = int32(len(bs) - 1)
			t.set(sl, h, int32(len(bs)))
		}
		g.bpos[k] = found
	}
	g.buckets = bs
	// The positions whose n-gram repeats are the candidates of n+1 and more.
	next := reserve(g.candNext, visit)
	for k := 0; k < visit; k++ {
		if bs[g.bpos[k]].count >= 2 {
			i := int32(k)
			if !all {
				i = g.cand[k]
			}
			next = append(next, i)
		}
	}
	g.cand, g.candNext, g.candN = next, g.cand, n
	best := -1
	for i := range bs {
		if best < 0 || bs[i].count > bs[best].count {
			best = i
		}
	}
	if best < 0 || (!all && bs[best].count < 2) {
		// Every n-gram occurs once: the first one is the most common.
		first, count = 0, 1
	} else {
		first = int(bs[best].first)
		count = int(bs[best].count)
	}
	length := int(g.runes[first+n]-g.runes[first]) + n - 1
	return first, count, length * count, true
}

// Bits of nGrams.keyRep.
const (
	rep8  = 1 << iota // the 8 joined bytes from the token on may recur
	rep16             // the 16 joined bytes from the token on may recur
)

// dupCandidates returns the positions allDuplicate(n) must visit, in order:
// those whose n-gram is shorter than 8 bytes, those whose n-gram is shorter
// than 16 bytes and whose first 8 joined bytes may start at another token
// too, and those whose first 16 joined bytes may. An n-gram holds the one
// of fewer words it starts with, so the list made for n serves every larger
// n (it may then hold positions that cannot repeat, which only costs a
// look-up): a larger n-gram that repeats has recurring first 8 and, when
// long enough, 16 bytes.
func (g *nGrams) dupCandidates(n int) []int32 {
	if !g.keyDone {
		g.repeatKeys()
		g.listN = 0
	}
	if g.listN == 0 || g.listN > n {
		list := reserve(g.list, len(g.toks))
		for i := 0; i+n <= len(g.toks); i++ {
			l, k := g.bytes[i+n]-g.bytes[i], g.keyRep[i]
			if l < 8 || (l < 16 && k&rep8 != 0) || k&rep16 != 0 {
				list = append(list, int32(i))
			}
		}
		g.list, g.listN = list, n
	}
	return g.list
}

// repeatKeys sets keyRep: which tokens start 8 and 16 bytes of the
// concatenated tokens that may also start at another token. The keys are
// counted in two bit sets by hash, once and twice: keys of one hash count as
// one, so a key that occurs once may be marked (1 in 32 or fewer, for a
// look-up that finds nothing), but a key that recurs always is. 16 bytes per
// token and no probing, where a table of the 8-byte keys alone took 32 to 64.
func (g *nGrams) repeatKeys() {
	g.keyDone = true
	n := len(g.toks)
	g.keyRep = grow(g.keyRep, n)
	bits := uint(6)
	for 1<<bits < 64*n {
		bits++
	}
	words := 1 << (bits - 6)
	g.once = grow(g.once, words)
	g.twice = grow(g.twice, words)
	clear(g.once)
	clear(g.twice)
	shift := 64 - bits
	// keys returns the bit of token i's 8-byte key and of its 16-byte key;
	// ok8 and ok16 say whether the concatenated tokens hold that many bytes.
	keys := func(i int) (h8, h16 uint64, ok8, ok16 bool) {
		p := int(g.bytes[i])
		if p+8 > len(g.concat) {
			return 0, 0, false, false
		}
		k := binary.LittleEndian.Uint64(g.concat[p:])
		h8 = ((k ^ k>>32) * 0x9E3779B97F4A7C15) >> shift
		if p+16 > len(g.concat) {
			return h8, 0, true, false
		}
		x := k*0xD6E8FEB86659FD93 ^ binary.LittleEndian.Uint64(g.concat[p+8:])
		h16 = ((x ^ x>>32) * 0x9E3779B97F4A7C15) >> shift
		return h8, h16, true, true
	}
	count := func(h uint64) {
		w, b := h>>6, uint64(1)<<(h&63)
		g.twice[w] |= g.once[w] & b
		g.once[w] |= b
	}
	for i := 0; i < n; i++ {
		h8, h16, ok8, ok16 := keys(i)
		if ok8 {
			count(h8)
		}
		if ok16 {
			count(h16)
		}
	}
	for i := 0; i < n; i++ {
		h8, h16, ok8, ok16 := keys(i)
		var k uint8
		if ok8 && g.twice[h8>>6]&(1<<(h8&63)) != 0 {
			k |= rep8
		}
		if ok16 && g.twice[h16>>6]&(1<<(h16&63)) != 0 {
			k |= rep16
		}
		g.keyRep[i] = k
	}
}

// allDuplicate is datatrove's find_all_duplicate: it walks the n-grams joined
// with ""; one seen before adds its length and the walk jumps n words ahead, else
// it is remembered and the walk moves one word on. It returns the repeated
// characters and the index of the first repeated n-gram (-1 if none).
func (g *nGrams) allDuplicate(n int) (chars, first int) {
	first = -1
	m := len(g.toks) - n + 1
	if n < 1 || m <= 0 {
		return 0, -1
	}
	// The positions that can repeat or be repeated: those whose first 8
	// joined bytes recur, and those whose n-gram is shorter than 8 bytes. The
	// walk treats any other position as new, and none matches it later, so
	// it need not be remembered.
	list := g.dupCandidates(n)
	for len(list) > 0 && int(list[len(list)-1]) >= m {
		list = list[:len(list)-1]
	}
	t := &g.table
	t.reset(len(list))
	bs := reserve(g.buckets, len(list))
	for c := 0; c < len(list); {
		i := int(list[c])
		h := g.catHash(i, n)
		sl := t.slot(h)
		head := t.head(sl)
		found := false
		for b := head; b >= 0; b = bs[b].next {
			if g.sameCat(int(bs[b].first), i, n) {
				found = true
				break
			}
		}
		if found {
			chars += int(g.runes[i+n] - g.runes[i])
			if first < 0 {
				first = i
			}
			for c < len(list) && int(list[c]) < i+n {
				c++
			}
			continue
		}
		bs = append(bs, bucket{first: int32(i), next: head})
		t.set(sl, h, int32(len(bs)))
		c++
	}
	g.buckets = bs
	return chars, first
}
