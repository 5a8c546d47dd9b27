package quality

import "github.com/corpuslint/corpuslint/rules"

// The scores functions record every measured value of a filter with the
// comparison that flags it (rules.Pass.ReportScore), flagged or not, so that
// per-document statistics let a user choose thresholds afterwards. They use the
// same measurements and formulas as the checks, and the same names as the
// findings' scores, so a flagged value appears once. A value a check cannot
// compute (no words, no lines) is not recorded, as the check skips it.

// gopherScores records gopher-quality's measurements of st.
func gopherScores(p *rules.Pass, st gopherStats, o gopherOptions) {
	score := func(name string, v float64, op string, t float64) {
		p.ReportScore(rules.Score{Name: name, Value: v, Op: op, Threshold: t})
	}
	if o.minDocWords > 0 {
		score("gopher_short_doc", float64(st.Words), "<", float64(o.minDocWords))
	}
	if o.maxDocWords > 0 {
		score("gopher_long_doc", float64(st.Words), ">", float64(o.maxDocWords))
	}
	if st.Words > 0 {
		if o.minAvgWordLength > 0 {
			score("gopher_below_avg_threshold", st.MeanLength, "<", o.minAvgWordLength)
		}
		if o.maxAvgWordLength > 0 {
			score("gopher_above_avg_threshold", st.MeanLength, ">", o.maxAvgWordLength)
		}
	}
	if st.Tokens > 0 && o.maxSymbolWordRatio > 0 {
		score("gopher_too_many_hashes", float64(st.Hashes)/float64(st.Tokens), ">", o.maxSymbolWordRatio)
		score("gopher_too_many_ellipsis", float64(st.Ellipses)/float64(st.Tokens), ">", o.maxSymbolWordRatio)
	}
	if st.Lines > 0 {
		if o.maxBulletLinesRatio > 0 {
			score("gopher_too_many_bullets", float64(st.BulletLines)/float64(st.Lines), ">", o.maxBulletLinesRatio)
		}
		if o.maxEllipsisLine > 0 {
			score("gopher_too_many_end_ellipsis", float64(st.EllipsisLines)/float64(st.Lines), ">", o.maxEllipsisLine)
		}
	}
	if st.Tokens > 0 && o.maxNonAlphaWordsRatio > 0 {
		score("gopher_below_alpha_threshold", float64(st.AlphaTokens)/float64(st.Tokens), "<", o.maxNonAlphaWordsRatio)
	}
	if o.minStopWords > 0 {
		score("gopher_enough_stop_words", float64(len(st.StopWords)), "<", float64(o.minStopWords))
	}
}

// fineWebScores records fineweb-quality's measurements of st (a document with
// no non-blank line has none: its finding says so).
func fineWebScores(p *rules.Pass, st fineWebStats, o fineWebOptions) {
	if st.Lines == 0 {
		return
	}
	score := func(name string, v float64, op string, t float64) {
		p.ReportScore(rules.Score{Name: name, Value: v, Op: op, Threshold: t})
	}
	lines := float64(st.Lines)
	score("line_punct_ratio", float64(st.PunctLines)/lines, "<", o.linePunctThr)
	score("short_line_ratio", float64(st.ShortLines)/lines, ">", o.shortLineThr)
	if st.Chars > 0 {
		score("char_dup_ratio", float64(st.DupChars)/float64(st.Chars), ">", o.charDuplicatesRatio)
	}
	if st.Words > 0 {
		score("list_ratio", float64(st.NewLines)/float64(st.Words), ">", o.newLineRatio)
	}
}
