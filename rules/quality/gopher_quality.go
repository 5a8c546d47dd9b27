package quality

import (
	"fmt"
	"math"
	"strings"

	"github.com/corpuslint/corpuslint/rules"
	"github.com/corpuslint/corpuslint/rules/option"
	"github.com/corpuslint/corpuslint/rules/text"
	"github.com/corpuslint/corpuslint/rules/text/spacy"
)

// GopherQuality returns the gopher-quality rule: datatrove's GopherQualityFilter (the
// quality heuristics of the Gopher paper, Rae et al. 2021), one finding per failed
// check.
func GopherQuality() rules.Rule { return gopherRule{o: gopherDefaults()} }

// gopherStopWords is GopherQualityFilter's STOP_WORDS.
var gopherStopWords = []string{"the", "be", "to", "of", "and", "that", "have", "with"}

type gopherOptions struct {
	minDocWords, maxDocWords             int
	minAvgWordLength, maxAvgWordLength   float64
	maxSymbolWordRatio                   float64
	maxBulletLinesRatio, maxEllipsisLine float64
	maxNonAlphaWordsRatio                float64
	minStopWords                         int
	stopWords                            []string
}

func gopherDefaults() gopherOptions {
	return gopherOptions{
		minDocWords: 50, maxDocWords: 100000,
		minAvgWordLength: 3, maxAvgWordLength: 10,
		maxSymbolWordRatio:  0.1,
		maxBulletLinesRatio: 0.9, maxEllipsisLine: 0.3,
		maxNonAlphaWordsRatio: 0.8,
		minStopWords:          2,
		stopWords:             gopherStopWords,
	}
}

type gopherRule struct{ o gopherOptions }

func (gopherRule) Meta() rules.Meta {
	return rules.Meta{
		Name:     "gopher-quality",
		Category: rules.Quality,
		Severity: rules.Warning,
		Fixable:  true,
		Title:    "Documents that datatrove's GopherQualityFilter drops, with the check and the measured value",
		Doc: "Reproduces datatrove's GopherQualityFilter with its default settings for English and " +
			"reports every check the document fails, each with its measured value and threshold, " +
			"where datatrove only keeps or drops it. Words are datatrove's: spaCy's English tokens " +
			"without white space; a word made only of punctuation (PUNCTUATION_SET) does not count " +
			"as a word for the word count and the mean word length, but does for the ratios. The " +
			"document fails when it has fewer than 50 or more than 100,000 such words " +
			"(gopher_short_doc, gopher_long_doc); when their mean length in characters is below 3 " +
			"or above 10 (gopher_below_avg_threshold, gopher_above_avg_threshold); when '#' or the " +
			"ellipses (\"...\" and \"…\") number more than 0.1 per token (gopher_too_many_hashes, " +
			"gopher_too_many_ellipsis); when more than 90% of its lines (Python splitlines) start, " +
			"after leading white space, with \"•\" or \"-\" (gopher_too_many_bullets) or more than " +
			"30% end with \"...\" or \"…\" (gopher_too_many_end_ellipsis); when fewer than 80% of " +
			"its tokens contain a letter (gopher_below_alpha_threshold); or when fewer than 2 of " +
			"the stop words the, be, to, of, and, that, have, with occur, each counted once and " +
			"matched case-sensitively as datatrove does (\"The\" does not count) " +
			"(gopher_enough_stop_words).\n\n" +
			"Every threshold is an option named as in datatrove; 0 turns a check off. The fix drops " +
			"the document (`fix` moves a JSONL record to <name>.rejected.jsonl with the reason). " +
			"Off by default: it judges whole documents for a training corpus, not the extraction " +
			"of an article; select it, or use --profile gopher, which adds gopher-repetition.",
		Bad:      "Click here.\n• Home\n• News\n• Sport\n",
		Good:     gopherGoodExample,
		Matches:  "datatrove GopherQualityFilter (default settings, English)",
		Disabled: true,
	}
}

const gopherGoodExample = "The council met on Tuesday evening to discuss the new budget for the town, " +
	"and members agreed that the library should stay open on weekends with longer hours. " +
	"The mayor said the decision reflected the wishes of residents who had written to the " +
	"council over the summer, and that the cost would be met from savings elsewhere.\n"

// options declares the rule's options under datatrove's parameter names, bound
// to the fields of o; 0 turns a check off.
func (o *gopherOptions) options() *option.Set {
	s := option.New("gopher-quality")
	s.Int("min_doc_words", &o.minDocWords, 0, math.MaxInt32)
	s.Int("max_doc_words", &o.maxDocWords, 0, math.MaxInt32)
	s.Float("min_avg_word_length", &o.minAvgWordLength, 0, math.Inf(1), false)
	s.Float("max_avg_word_length", &o.maxAvgWordLength, 0, math.Inf(1), false)
	s.Float("max_symbol_word_ratio", &o.maxSymbolWordRatio, 0, math.Inf(1), false)
	s.Float("max_bullet_lines_ratio", &o.maxBulletLinesRatio, 0, math.Inf(1), false)
	s.Float("max_ellipsis_lines_ratio", &o.maxEllipsisLine, 0, math.Inf(1), false)
	s.Float("max_non_alpha_words_ratio", &o.maxNonAlphaWordsRatio, 0, math.Inf(1), false)
	s.Int("min_stop_words", &o.minStopWords, 0, math.MaxInt32)
	s.Strings("stop_words", &o.stopWords, 0)
	return s
}

// Options implements rules.Configurable.
func (r gopherRule) Options() map[string]any { return r.o.options().Values() }

// Configure implements rules.Configurable: r is a copy, the receiver stays as it was.
func (r gopherRule) Configure(opts map[string]any) (rules.Rule, error) {
	if err := r.o.options().Decode(opts); err != nil {
		return nil, err
	}
	return r, nil
}

// gopherStats are the measurements GopherQualityFilter makes of a document.
type gopherStats struct {
	Tokens        int      // n_words: every word token, punctuation included
	Words         int      // n_non_symbol_words: tokens with a character outside PUNCTUATION_SET
	MeanLength    float64  // mean length in characters of those words; NaN when there are none
	Hashes        int      // text.count("#")
	Ellipses      int      // text.count("...") + text.count("…")
	Lines         int      // len(text.splitlines())
	BulletLines   int      // lines starting with "•" or "-" after leading white space
	EllipsisLines int      // lines ending with "..." or "…" before trailing white space
	AlphaTokens   int      // tokens with a letter
	StopWords     []string // the distinct stop words found, in the order of the list
}

// gopherMeasure measures text, split into words (numbered by ids) and lines,
// as GopherQualityFilter.filter does.
func gopherMeasure(text string, words []text.Span, ids *text.WordIDs, lines []pyLine, stopWords []string) gopherStats {
	var st gopherStats
	found := make([]bool, len(stopWords))
	longest := 0
	var index map[string]int
	// first marks the first bytes of the stop words: most short tokens start
	// with none of them and need no comparison.
	var first [256]bool
	for i, s := range stopWords {
		longest = max(longest, len(s))
		if s != "" {
			first[s[0]] = true
		}
		if len(stopWords) > 16 {
			if index == nil {
				index = make(map[string]int, len(stopWords))
			}
			if _, dup := index[s]; !dup {
				index[s] = i
			}
		}
	}
	// Every measure of a word depends on its text alone: it is taken once
	// per distinct word and counted as many times as the word occurs.
	st.Tokens = len(words)
	sumLen := 0
	for id, f := range ids.First {
		w := words[f]
		t := text[w.Start:w.End]
		c := int(ids.Count[id])
		chars, symbol, letter := spacy.WordStats(t)
		if !symbol {
			st.Words += c
			sumLen += c * chars
		}
		if letter {
			st.AlphaTokens += c
		}
		if len(t) <= longest && (t == "" || first[t[0]]) {
			if index != nil {
				if i, ok := index[t]; ok {
					found[i] = true
				}
			} else {
				for i, s := range stopWords {
					if s == t {
						found[i] = true
						break
					}
				}
			}
		}
	}
	st.MeanLength = math.NaN()
	if st.Words > 0 {
		st.MeanLength = float64(sumLen) / float64(st.Words)
	}
	for i, ok := range found {
		if ok {
			st.StopWords = append(st.StopWords, stopWords[i])
		}
	}
	st.Hashes = strings.Count(text, "#")
	st.Ellipses = strings.Count(text, "...") + strings.Count(text, "…")
	st.Lines = len(lines)
	for _, ln := range lines {
		lead := text[ln.a:ln.end]
		if strings.HasPrefix(lead, "•") || strings.HasPrefix(lead, "-") {
			st.BulletLines++
		}
		// rstrip keeps leading space, which a trailing ellipsis never needs
		trail := text[ln.start:ln.b]
		if strings.HasSuffix(trail, "...") || strings.HasSuffix(trail, "…") {
			st.EllipsisLines++
		}
	}
	return st
}

func (r gopherRule) Check(p *rules.Pass) {
	o := r.o
	st := gopherMeasure(p.Doc.Text, spacy.Words(p.Analysis), spacy.WordIDs(p.Analysis), docLines(p), o.stopWords)
	gopherScores(p, st, o)
	report := func(check, msg string, v float64, op string, t float64) {
		docFinding(p, msg+" ("+check+")", check, v, op, t)
	}
	if o.minDocWords > 0 && st.Words < o.minDocWords {
		report("gopher_short_doc", fmt.Sprintf("document has %d words, fewer than %d", st.Words, o.minDocWords),
			float64(st.Words), "<", float64(o.minDocWords))
	}
	if o.maxDocWords > 0 && st.Words > o.maxDocWords {
		report("gopher_long_doc", fmt.Sprintf("document has %d words, more than %d", st.Words, o.maxDocWords),
			float64(st.Words), ">", float64(o.maxDocWords))
	}
	if st.Words > 0 {
		if o.minAvgWordLength > 0 && st.MeanLength < o.minAvgWordLength {
			report("gopher_below_avg_threshold", fmt.Sprintf("mean word length %s is below %s",
				format(st.MeanLength, o.minAvgWordLength), formatThreshold(o.minAvgWordLength)),
				st.MeanLength, "<", o.minAvgWordLength)
		}
		if o.maxAvgWordLength > 0 && st.MeanLength > o.maxAvgWordLength {
			report("gopher_above_avg_threshold", fmt.Sprintf("mean word length %s is above %s",
				format(st.MeanLength, o.maxAvgWordLength), formatThreshold(o.maxAvgWordLength)),
				st.MeanLength, ">", o.maxAvgWordLength)
		}
	}
	if st.Tokens > 0 && o.maxSymbolWordRatio > 0 {
		if v := float64(st.Hashes) / float64(st.Tokens); v > o.maxSymbolWordRatio {
			report("gopher_too_many_hashes", fmt.Sprintf("%d '#' in %d tokens, a ratio of %s above %s",
				st.Hashes, st.Tokens, format(v, o.maxSymbolWordRatio), formatThreshold(o.maxSymbolWordRatio)),
				v, ">", o.maxSymbolWordRatio)
		}
		if v := float64(st.Ellipses) / float64(st.Tokens); v > o.maxSymbolWordRatio {
			report("gopher_too_many_ellipsis", fmt.Sprintf("%d ellipses in %d tokens, a ratio of %s above %s",
				st.Ellipses, st.Tokens, format(v, o.maxSymbolWordRatio), formatThreshold(o.maxSymbolWordRatio)),
				v, ">", o.maxSymbolWordRatio)
		}
	}
	if st.Lines > 0 {
		if v := float64(st.BulletLines) / float64(st.Lines); o.maxBulletLinesRatio > 0 && v > o.maxBulletLinesRatio {
			report("gopher_too_many_bullets", fmt.Sprintf("%d of %d lines start with a bullet, a share of %s above %s",
				st.BulletLines, st.Lines, format(v, o.maxBulletLinesRatio), formatThreshold(o.maxBulletLinesRatio)),
				v, ">", o.maxBulletLinesRatio)
		}
		if v := float64(st.EllipsisLines) / float64(st.Lines); o.maxEllipsisLine > 0 && v > o.maxEllipsisLine {
			report("gopher_too_many_end_ellipsis", fmt.Sprintf("%d of %d lines end with an ellipsis, a share of %s above %s",
				st.EllipsisLines, st.Lines, format(v, o.maxEllipsisLine), formatThreshold(o.maxEllipsisLine)),
				v, ">", o.maxEllipsisLine)
		}
	}
	if st.Tokens > 0 && o.maxNonAlphaWordsRatio > 0 {
		if v := float64(st.AlphaTokens) / float64(st.Tokens); v < o.maxNonAlphaWordsRatio {
			report("gopher_below_alpha_threshold", fmt.Sprintf("%d of %d tokens have a letter, a share of %s below %s",
				st.AlphaTokens, st.Tokens, format(v, o.maxNonAlphaWordsRatio), formatThreshold(o.maxNonAlphaWordsRatio)),
				v, "<", o.maxNonAlphaWordsRatio)
		}
	}
	if o.minStopWords > 0 && len(st.StopWords) < o.minStopWords {
		found := "no stop word found"
		if len(st.StopWords) > 0 {
			found = fmt.Sprintf("%d distinct stop words found (%s)", len(st.StopWords), strings.Join(st.StopWords, ", "))
			if len(st.StopWords) == 1 {
				found = fmt.Sprintf("1 distinct stop word found (%s)", st.StopWords[0])
			}
		}
		report("gopher_enough_stop_words", fmt.Sprintf("%s, fewer than %d", found, o.minStopWords),
			float64(len(st.StopWords)), "<", float64(o.minStopWords))
	}
}
