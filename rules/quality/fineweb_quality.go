package quality

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/corpuslint/corpuslint/rules"
	"github.com/corpuslint/corpuslint/rules/option"
	"github.com/corpuslint/corpuslint/rules/text"
	"github.com/corpuslint/corpuslint/rules/text/spacy"
	"github.com/corpuslint/corpuslint/rules/text/spanset"
)

// FineWebQuality returns the fineweb-quality rule: datatrove's FineWebQualityFilter,
// the line-based filters of the FineWeb dataset (Penedo et al. 2024), one finding per
// failed check.
func FineWebQuality() rules.Rule { return fineWebRule{o: fineWebDefaults()} }

type fineWebOptions struct {
	linePunctThr         float64
	linePunctExcludeZero bool
	stopChars            []string // nil: datatrove's TERMINAL_PUNCTUATION
	shortLineThr         float64
	shortLineLength      int
	charDuplicatesRatio  float64
	newLineRatio         float64
}

func fineWebDefaults() fineWebOptions {
	return fineWebOptions{
		linePunctThr:        0.12,
		shortLineThr:        0.67,
		shortLineLength:     30,
		charDuplicatesRatio: 0.01,
		newLineRatio:        0.3,
	}
}

type fineWebRule struct{ o fineWebOptions }

func (fineWebRule) Meta() rules.Meta {
	return rules.Meta{
		Name:     "fineweb-quality",
		Category: rules.Quality,
		Severity: rules.Warning,
		Fixable:  true,
		Title:    "Documents that datatrove's FineWebQualityFilter drops, with the check and the measured value",
		Doc: "Reproduces datatrove's FineWebQualityFilter with its default settings for English and " +
			"reports every check the document fails with its measured value and threshold. Lines " +
			"are the text split at \"\\n\" only (a \"\\r\" stays at the end of its line, as in " +
			"datatrove), and blank lines are left out of every share. The document fails when it " +
			"has no non-blank line (empty); when fewer than 12% of its lines end in terminal " +
			"punctuation (datatrove's TERMINAL_PUNCTUATION: . ! ? and their counterparts in other " +
			"scripts) (line_punct_ratio); when more than 67% of its lines have 30 characters or " +
			"fewer (short_line_ratio); when the characters of lines that repeat an earlier line " +
			"make up more than 1% of the characters outside line breaks (char_dup_ratio; the first " +
			"occurrence is not counted); or when it has more than 0.3 line breaks per word, words " +
			"being datatrove's spaCy tokens (list_ratio).\n\n" +
			"Every threshold is an option named as in datatrove. The fix drops the document " +
			"(`fix` moves a JSONL record to <name>.rejected.jsonl with the reason). Off by default: " +
			"scraped articles often lose their punctuation or repeat a caption and still read well; " +
			"select it, or use --profile fineweb.",
		Bad:      "Home\nNews\nSport\nWeather\nContact us\n",
		Good:     gopherGoodExample,
		Matches:  "datatrove FineWebQualityFilter (default settings, English)",
		Disabled: true,
	}
}

// options declares the rule's options under datatrove's parameter names, bound
// to the fields of o; 0 turns a check off.
func (o *fineWebOptions) options() *option.Set {
	s := option.New("fineweb-quality")
	s.Float("line_punct_thr", &o.linePunctThr, 0, math.Inf(1), false)
	s.Bool("line_punct_exclude_zero", &o.linePunctExcludeZero)
	// An empty list means datatrove's default (TERMINAL_PUNCTUATION).
	var stop []string
	s.Func("stop_chars", func() any {
		if o.stopChars == nil {
			return []string{}
		}
		return slices.Clone(o.stopChars)
	}, func(v any) (func(), string) {
		probe := option.New("fineweb-quality")
		probe.Strings("stop_chars", &stop, 0)
		if err := probe.Decode(map[string]any{"stop_chars": v}); err != nil {
			var oe *rules.OptionError
			if errors.As(err, &oe) {
				return nil, oe.Msg
			}
			return nil, err.Error()
		}
		return func() {
			o.stopChars = stop
			if len(stop) == 0 {
				o.stopChars = nil
			}
		}, ""
	})
	s.Float("short_line_thr", &o.shortLineThr, 0, math.Inf(1), false)
	s.Int("short_line_length", &o.shortLineLength, 0, math.MaxInt32)
	s.Float("char_duplicates_ratio", &o.charDuplicatesRatio, 0, math.Inf(1), false)
	s.Float("new_line_ratio", &o.newLineRatio, 0, math.Inf(1), false)
	return s
}

// Options implements rules.Configurable.
func (r fineWebRule) Options() map[string]any { return r.o.options().Values() }

// Configure implements rules.Configurable: r is a copy, the receiver stays as it was.
func (r fineWebRule) Configure(opts map[string]any) (rules.Rule, error) {
	if err := r.o.options().Decode(opts); err != nil {
		return nil, err
	}
	return r, nil
}

// fineWebStats are the measurements FineWebQualityFilter makes of a document.
type fineWebStats struct {
	Lines      int // non-blank lines of text.split("\n")
	PunctLines int // of them, lines ending in a stop character
	ShortLines int // of them, lines of at most short_line_length characters
	DupChars   int // characters of the lines that repeat an earlier line
	Chars      int // characters of the text but line feeds
	NewLines   int // text.count("\n")
	Words      int // datatrove's words; counted only when there is a non-blank line
}

// fineWebMeasure measures txt, split into words, as FineWebQualityFilter.filter
// does.
func fineWebMeasure(txt string, words []text.Span, o fineWebOptions) fineWebStats {
	var st fineWebStats
	seen := seenPool.Get().(*spanset.Set)
	defer seenPool.Put(seen)
	seen.Reset(64)
	// The characters of the text but line feeds are those of its lines: a
	// code point never spans a line feed, nor does an invalid byte sequence.
	chars := 0
	for start := 0; start <= len(txt); {
		end := strings.IndexByte(txt[start:], '\n')
		if end < 0 {
			end = len(txt)
		} else {
			end += start
		}
		line := txt[start:end]
		n := text.RuneCount(line)
		chars += n
		if a, b := spacy.PyStrip(line); a < b {
			st.Lines++
			if endsWithStop(line, o.stopChars) {
				st.PunctLines++
			}
			if n <= o.shortLineLength {
				st.ShortLines++
			}
			if !seen.Add(txt, start, end) {
				st.DupChars += n
			}
		}
		st.NewLines++
		start = end + 1
	}
	st.NewLines-- // one line more than line feeds
	st.Chars = chars
	if st.Lines > 0 {
		st.Words = len(words)
	}
	return st
}

// seenPool keeps fineWebMeasure's sets of lines seen from document to
// document, sparing a new table and its growth for each (a reset clears only
// the size a short document needs).
var seenPool = sync.Pool{New: func() any { return new(spanset.Set) }}

func endsWithStop(line string, stop []string) bool {
	if stop == nil {
		r, _ := utf8.DecodeLastRuneInString(line)
		return spacy.Terminal.Has(r)
	}
	for _, s := range stop {
		if s != "" && strings.HasSuffix(line, s) {
			return true
		}
	}
	return false
}

func (r fineWebRule) Check(p *rules.Pass) {
	o := r.o
	st := fineWebMeasure(p.Doc.Text, spacy.Words(p.Analysis), o)
	fineWebScores(p, st, o)
	report := func(check, msg string, v float64, op string, t float64) {
		docFinding(p, msg+" ("+check+")", check, v, op, t)
	}
	if st.Lines == 0 {
		report("empty", "document has no non-blank line", 0, "<", 1)
		return
	}
	lines := float64(st.Lines)
	if v := float64(st.PunctLines) / lines; v < o.linePunctThr && !(v == 0 && o.linePunctExcludeZero) {
		report("line_punct_ratio", fmt.Sprintf("%d of %d lines end in terminal punctuation, a share of %s below %s",
			st.PunctLines, st.Lines, format(v, o.linePunctThr), formatThreshold(o.linePunctThr)),
			v, "<", o.linePunctThr)
	}
	if v := float64(st.ShortLines) / lines; v > o.shortLineThr {
		report("short_line_ratio", fmt.Sprintf("%d of %d lines have %d characters or fewer, a share of %s above %s",
			st.ShortLines, st.Lines, o.shortLineLength, format(v, o.shortLineThr), formatThreshold(o.shortLineThr)),
			v, ">", o.shortLineThr)
	}
	if st.Chars > 0 {
		if v := float64(st.DupChars) / float64(st.Chars); v > o.charDuplicatesRatio {
			report("char_dup_ratio", fmt.Sprintf("repeated lines hold %d of %d characters, a share of %s above %s",
				st.DupChars, st.Chars, format(v, o.charDuplicatesRatio), formatThreshold(o.charDuplicatesRatio)),
				v, ">", o.charDuplicatesRatio)
		}
	}
	if st.Words > 0 {
		if v := float64(st.NewLines) / float64(st.Words); v > o.newLineRatio {
			report("list_ratio", fmt.Sprintf("%d line breaks for %d words, a ratio of %s above %s",
				st.NewLines, st.Words, format(v, o.newLineRatio), formatThreshold(o.newLineRatio)),
				v, ">", o.newLineRatio)
		}
	}
}
