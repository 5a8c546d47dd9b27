package language

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/abadojack/whatlanggo"

	"github.com/corpuslint/corpuslint/rules"
	"github.com/corpuslint/corpuslint/rules/option"
	"github.com/corpuslint/corpuslint/rules/text"
)

// Language returns the language rule, with datatrove LanguageFilter's defaults:
// English expected, a score of at least 0.65.
func Language() rules.Rule {
	return languageRule{o: options{Expected: []string{"en"}, MinScore: 0.65, SampleBytes: 2000}}
}

type options struct {
	Expected    []string
	MinScore    float64
	SampleBytes int
}

// The option names are the ones the rule's issue fixed (expected, min-score).
func (o *options) set() *option.Set {
	s := option.New("language")
	s.Strings("expected", &o.Expected, 0)
	s.Float("min-score", &o.MinScore, 0, 1, false)
	s.Int("sample-bytes", &o.SampleBytes, 100, 1<<20)
	return s
}

type languageRule struct{ o options }

func (r languageRule) Meta() rules.Meta {
	return rules.Meta{
		Name:     "language",
		Category: rules.Quality,
		Severity: rules.Warning,
		Fixable:  true,
		Title:    "a document not in the expected languages, or whose language the detector is unsure of",
		Doc: `Identifies the document's language with whatlanggo (trigram profiles of 84
languages; Chinese, Japanese, Korean, Greek and other one-language scripts are
told by their script) and flags it when the language is not one of the
expected languages (option expected, ISO 639-1 or 639-3 codes; default en, as
datatrove's LanguageFilter) or when the detector's confidence is below
min-score (default 0.65, LanguageFilter's language_threshold; below it the
language is only a guess, and the finding says the detector is unsure). An empty
expected list accepts every language and checks only the score. The message
and the score (named language_score:<code>) give the language and the
confidence. When the two best languages tie (confidence 0), the language is
undetermined (und): whatlanggo would pick one in map order, differently from
run to run.

Only a sample of sample-bytes (2,000) bytes is read: the lines of eight
words or more, in order (menus and link lists name things in no particular
language), or the first 2,000 bytes when the document has little such prose.
A longer text would not help: whatlanggo's distances
overflow on long texts (its confidence turns negative and Latin-script pages
come out as Yoruba: 43 of the 477 pages of trafilatura-eval-dev read whole).
On that sample it names the language of 2,532 of the 2,565 aeb-dev records
that have letters (0.987; 81 pages in 8 languages, each in 33 extractor
outputs) and agrees with lingua-go reading the whole text on 468 of the 477
trafilatura-eval-dev pages; scripts/language_eval.py has the table. A text
without letters has no language and is not flagged.

The confidence is whatlanggo's, not fastText's probability: 1.0 for most texts
of a few hundred bytes, lower for a sentence or two, where trigram detection is
weak (it names the language of 31 of 60 three-word phrases). So short
documents get "below min-score" findings rather than a wrong language. The fix
drops the document and is unsafe: a language detector can be wrong, and a
quotation or a code listing is not a page in another language.

Off by default: a batch in several languages is normal, and detection is
slow (about 1.4 ms of CPU a document, more than all the default rules together
on short documents; see docs/language.md). datatrove's equivalent is
LanguageFilter (fastText lid.176, languages=[en], language_threshold=0.65).`,
		Bad:      "Der Stadtrat hat am Dienstag nach einer langen Debatte den neuen Haushalt beschlossen.",
		Good:     "The council approved the new budget on Tuesday after a long debate about schools.",
		Matches:  "datatrove LanguageFilter (languages=[en], language_threshold=0.65), with whatlanggo for fastText",
		Disabled: true,
	}
}

// Options implements rules.Configurable.
func (r languageRule) Options() map[string]any { return r.o.set().Values() }

// Configure implements rules.Configurable: r is a copy, the receiver stays as it was.
func (r languageRule) Configure(opts map[string]any) (rules.Rule, error) {
	if err := r.o.set().Decode(opts); err != nil {
		return nil, err
	}
	var norm []string
	for _, c := range r.o.Expected {
		code, ok := canonical(c)
		if !ok {
			return nil, &rules.OptionError{Option: "expected", Msg: fmt.Sprintf("unknown language code %q (want an ISO 639-1 code such as en, or 639-3 such as eng, of a language whatlanggo knows)", c)}
		}
		norm = append(norm, code)
	}
	r.o.Expected = norm
	return r, nil
}

// codes maps whatlanggo's languages to the code corpuslint reports (ISO 639-1,
// else 639-3), and both codes back to it.
var codes = sync.OnceValues(func() (map[whatlanggo.Lang]string, map[string]string) {
	out := map[whatlanggo.Lang]string{}
	back := map[string]string{}
	for l := range whatlanggo.Langs {
		c := l.Iso6391()
		if c == "" {
			c = l.Iso6393()
		}
		out[l] = c
		back[c] = c
		back[l.Iso6393()] = c
	}
	return out, back
})

// canonical returns the reported code for an ISO 639-1 or 639-3 code.
func canonical(code string) (string, bool) {
	_, back := codes()
	c, ok := back[strings.ToLower(strings.TrimSpace(code))]
	return c, ok
}

// sample returns at most n bytes of s, cut at a character boundary.
func sample(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// proseWords is how many words a line needs to be read as prose for the
// sample: menus, link lists and markup lines of a whole-page text have fewer,
// and mostly name things in no particular language.
const proseWords = 8

// prose returns the sample detection reads: the document's lines of prose, in
// order, up to n bytes; the first n bytes when it has less than a few hundred
// bytes of prose.
func prose(a *text.Analysis, n int) string {
	txt := a.Text()
	var b strings.Builder
	for _, l := range a.Lines() {
		if b.Len() >= n {
			break
		}
		if len(a.WordsIn(l.Start, l.End)) < proseWords {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(sample(txt[l.Start:l.End], n-b.Len()))
	}
	if b.Len() < min(n, 300) {
		return sample(txt, n)
	}
	return b.String()
}

func (r languageRule) Check(p *rules.Pass) {
	txt := p.Analysis.Text()
	info := whatlanggo.Detect(prose(p.Analysis, r.o.SampleBytes))
	if info.Lang < 0 || info.Script == nil {
		return // no letters: no language
	}
	forward, _ := codes()
	code, lang := forward[info.Lang], info.Lang.String()
	if info.Confidence == 0 {
		// The two best languages tie, and whatlanggo picks one in map order,
		// which changes from run to run (Czech or Hungarian for a document of
		// "a  "): the language is undetermined, as ISO 639-2 writes it.
		code, lang = "und", "undetermined"
	}
	score := math.Round(info.Confidence*1000) / 1000
	name := "language_score:" + code
	p.ReportScore(rules.Score{Name: name, Value: score, Op: "<", Threshold: r.o.MinScore})
	var msg string
	var sc *rules.Score
	// An unsure detection names no language to compare: it is reported as
	// unsure, whatever the best guess.
	switch {
	case score < r.o.MinScore:
		msg = fmt.Sprintf("language %s (%s) with score %.2f, below min-score %g: too short or too mixed to tell",
			lang, code, score, r.o.MinScore)
		sc = &rules.Score{Name: name, Value: score, Op: "<", Threshold: r.o.MinScore}
	case len(r.o.Expected) > 0 && !slices.Contains(r.o.Expected, code):
		msg = fmt.Sprintf("the document reads as %s (%s, score %.2f), not one of the expected languages (%s)",
			lang, code, score, strings.Join(r.o.Expected, ", "))
		sc = &rules.Score{Name: name, Value: score, Op: "not in expected", Threshold: r.o.MinScore}
	default:
		return
	}
	p.Report(rules.Finding{
		Start:   0,
		End:     len(txt),
		Message: msg,
		Score:   sc,
		Fix: &rules.Fix{
			Message:       "drop the document: " + msg,
			Applicability: rules.Unsafe,
			Edits:         []rules.Edit{{Start: 0, End: len(txt)}},
			Drop:          true,
		},
	})
}
