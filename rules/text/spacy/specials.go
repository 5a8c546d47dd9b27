package spacy

import (
	"slices"
	"strings"
)

// specials are spaCy's English tokenizer exceptions (with the base ones every
// language shares): a string matching one exactly becomes the listed tokens, given
// here by their byte lengths.
var specialCases, maxSpecialCase = buildSpecials()

// specialSig rules out most strings before the lookup in specials.
var specialSig = func() *sig {
	s := new(sig)
	for k := range specialCases {
		s.add(k)
	}
	return s
}()

// letterSplits marks, by their last two letters lowered, the special cases of
// ASCII letters only that split into more than one token ("dont" -> "do" "nt");
// one of one token is what the tokenizer makes of the word anyway. So a word of
// ASCII letters whose ending is not marked needs no look-up; most are not.
// letterSplitsShort is set when such a special case is shorter than two
// letters (none is), and then every word is looked up.
var letterSplits, letterSplitsShort = func() (t [26 * 26]bool, short bool) {
	for k, p := range specialCases {
		if len(p) < 2 || !asciiLetters(k) {
			continue
		}
		if len(k) < 2 {
			short = true
			continue
		}
		t[letterPair(k)] = true
	}
	return t, short
}()

// asciiLetters reports whether s is a non-empty run of ASCII letters.
func asciiLetters(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i] | 0x20; c < 'a' || c > 'z' {
			return false
		}
	}
	return s != ""
}

// letterPair indexes letterSplits by the last two letters of w, a run of
// ASCII letters of at least two.
func letterPair(w string) int {
	return int((w[len(w)-2]|0x20)-'a')*26 + int((w[len(w)-1]|0x20)-'a')
}

// mayLetterSplit reports whether w, a run of ASCII letters, may be a special
// case of more than one token (see letterSplits).
func mayLetterSplit(w string) bool {
	if len(w) < 2 {
		return letterSplitsShort
	}
	return letterSplits[letterPair(w)]
}

func buildSpecials() (map[string][]int, int) {
	exc := map[string][]string{}
	one := func(ss ...string) {
		for _, s := range ss {
			exc[s] = []string{s}
		}
	}
	// spacy/lang/tokenizer_exceptions.py
	one(" ", "\t", "\\t", "\n", "\\n", "\u2014", "\u00a0", "'", "\\\")", "<space>", "''", "C++")
	for c := 'a'; c <= 'z'; c++ {
		one(string(c) + ".")
	}
	one("ä.", "ö.", "ü.")
	// "°C." and the like: a suffix rule once, an exception since the suffix search
	// stopped seeing the prefix ("°" is a prefix) in spaCy 3.2
	for _, u := range "cfkCFK" {
		exc["°"+string(u)+"."] = []string{"°", string(u), "."}
	}
	one(strings.Fields(`:) :-) :)) :-)) :))) :-))) (: (-: =) (= ") :] :-] [: [-: [= =] :o) (o: :} :-} 8) 8-)
		(-8 ;) ;-) (; (-; :( :-( :(( :-(( :((( :-((( ): )-: =( >:( :') :'-) :'( :'-( :/ :-/ =/ =| :| :-|
		]= =[ :1 :P :-P :p :-p :O :-O :o :-o :0 :-0 :() >:o :* :-* :3 :-3 =3 :> :-> :X :-X :x :-x :D :-D
		;D ;-D =D xD XD xDD XDD 8D 8-D ^_^ ^__^ ^___^ >.< >.> <.< ._. ;_; -_- -__- v.v V.V v_v V_V o_o o_O
		O_o O_O 0_o o_0 0_0 o.O O.o O.O o.o 0.0 o.0 0.o @_@ <3 <33 <333 </3 (^_^) (-_-) (._.) (>_<) (*_*)
		(¬_¬) ಠ_ಠ ಠ︵ಠ (ಠ_ಠ) ¯\(ツ)/¯ (╯°□°）╯︵┻━┻ ><(((*>`)...)

	// spacy/lang/en/tokenizer_exceptions.py
	en := map[string][]string{}
	title := func(s string) string { return strings.ToUpper(s[:1]) + s[1:] }
	for _, o := range []string{"i", "I"} {
		en[o+"'m"] = []string{o, "'m"}
		en[o+"m"] = []string{o, "m"}
		en[o+"'ma"] = []string{o, "'m", "a"}
		en[o+"ma"] = []string{o, "m", "a"}
	}
	for _, p := range []string{"i", "you", "he", "she", "it", "we", "they"} {
		for _, o := range []string{p, title(p)} {
			en[o+"'ll"] = []string{o, "'ll"}
			en[o+"ll"] = []string{o, "ll"}
			en[o+"'ll've"] = []string{o, "'ll", "'ve"}
			en[o+"llve"] = []string{o, "ll", "ve"}
			en[o+"'d"] = []string{o, "'d"}
			en[o+"d"] = []string{o, "d"}
			en[o+"'d've"] = []string{o, "'d", "'ve"}
			en[o+"dve"] = []string{o, "d", "ve"}
		}
	}
	for _, p := range []string{"i", "you", "we", "they"} {
		for _, o := range []string{p, title(p)} {
			en[o+"'ve"] = []string{o, "'ve"}
			en[o+"ve"] = []string{o, "ve"}
		}
	}
	for _, p := range []string{"you", "we", "they"} {
		for _, o := range []string{p, title(p)} {
			en[o+"'re"] = []string{o, "'re"}
			en[o+"re"] = []string{o, "re"}
		}
	}
	for _, p := range []string{"he", "she", "it"} {
		for _, o := range []string{p, title(p)} {
			en[o+"'s"] = []string{o, "'s"}
			en[o+"s"] = []string{o, "s"}
		}
	}
	for _, w := range []struct {
		word   string
		number byte // 's' singular, 'p' plural, 0 none
	}{{"who", 0}, {"what", 0}, {"when", 0}, {"where", 0}, {"why", 0}, {"how", 0}, {"there", 0},
		{"that", 's'}, {"this", 's'}, {"these", 'p'}, {"those", 'p'}} {
		for _, o := range []string{w.word, title(w.word)} {
			if w.number != 'p' {
				en[o+"'s"] = []string{o, "'s"}
				en[o+"s"] = []string{o, "s"}
			}
			en[o+"'ll"] = []string{o, "'ll"}
			en[o+"ll"] = []string{o, "ll"}
			en[o+"'ll've"] = []string{o, "'ll", "'ve"}
			en[o+"llve"] = []string{o, "ll", "ve"}
			if w.number != 's' {
				en[o+"'re"] = []string{o, "'re"}
				en[o+"re"] = []string{o, "re"}
				en[o+"'ve"] = []string{o, "'ve"}
				en[o+"ve"] = []string{o, "ve"}
			}
			en[o+"'d"] = []string{o, "'d"}
			en[o+"d"] = []string{o, "d"}
			en[o+"'d've"] = []string{o, "'d", "'ve"}
			en[o+"dve"] = []string{o, "d", "ve"}
		}
	}
	for _, v := range []string{"ca", "could", "do", "does", "did", "had", "may", "might", "must", "need",
		"ought", "sha", "should", "wo", "would"} {
		for _, o := range []string{v, title(v)} {
			en[o+"n't"] = []string{o, "n't"}
			en[o+"nt"] = []string{o, "nt"}
			en[o+"n't've"] = []string{o, "n't", "'ve"}
			en[o+"ntve"] = []string{o, "nt", "ve"}
		}
	}
	for _, v := range []string{"could", "might", "must", "should", "would"} {
		for _, o := range []string{v, title(v)} {
			en[o+"'ve"] = []string{o, "'ve"}
			en[o+"ve"] = []string{o, "ve"}
		}
	}
	for _, v := range []string{"ai", "are", "is", "was", "were", "have", "has", "dare"} {
		for _, o := range []string{v, title(v)} {
			en[o+"n't"] = []string{o, "n't"}
			en[o+"nt"] = []string{o, "nt"}
		}
	}
	for _, w := range []string{"doin", "goin", "nothin", "nuthin", "ol", "somethin"} {
		for _, o := range []string{w, title(w)} {
			en[o] = []string{o}
			en[o+"'"] = []string{o + "'"}
		}
	}
	for _, w := range []string{"em", "ll", "nuff"} {
		en[w] = []string{w}
		en["'"+w] = []string{"'" + w}
	}
	for h := 1; h <= 12; h++ {
		hs := itoa(h)
		for _, p := range []string{"a.m.", "am", "p.m.", "pm"} {
			en[hs+p] = []string{hs, p}
		}
	}
	for k, v := range map[string][]string{
		"y'all": {"y'", "all"}, "yall": {"y", "all"},
		"how'd'y": {"how", "'d", "'y"}, "How'd'y": {"How", "'d", "'y"},
		"not've": {"not", "'ve"}, "notve": {"not", "ve"}, "Not've": {"Not", "'ve"}, "Notve": {"Not", "ve"},
		"cannot": {"can", "not"}, "Cannot": {"Can", "not"},
		"gonna": {"gon", "na"}, "Gonna": {"Gon", "na"}, "gotta": {"got", "ta"}, "Gotta": {"Got", "ta"},
		"let's": {"let", "'s"}, "Let's": {"Let", "'s"}, "c'mon": {"c'm", "on"}, "C'mon": {"C'm", "on"},
	} {
		en[k] = v
	}
	for _, o := range strings.Fields(`'S 's ‘S ‘s and/or w/o 're 'Cause 'cause 'cos 'Cos 'coz 'Coz 'cuz 'Cuz
		'bout ma'am Ma'am o'clock O'clock lovin' Lovin' lovin Lovin havin' Havin' havin Havin doin' Doin'
		doin Doin goin' Goin' goin Goin Mt. Ak. Ala. Apr. Ariz. Ark. Aug. Calif. Colo. Conn. Dec. Del. Feb.
		Fla. Ga. Ia. Id. Ill. Ind. Jan. Jul. Jun. Kan. Kans. Ky. La. Mar. Mass. Mich. Minn. Miss. N.C. N.D.
		N.H. N.J. N.M. N.Y. Neb. Nebr. Nev. Nov. Oct. Okla. Ore. Pa. S.C. Sep. Sept. Tenn. Va. Wash. Wis.
		'd a.m. Adm. Bros. co. Co. Corp. D.C. Dr. e.g. E.g. E.G. Gen. Gov. i.e. I.e. I.E. Inc. Jr. Ltd. Md.
		Messrs. Mo. Mont. Mr. Mrs. Ms. p.m. Ph.D. Prof. Rep. Rev. Sen. St. vs. v.s.`) {
		en[o] = []string{o}
	}
	for _, o := range []string{"Ill", "ill", "Its", "its", "Hell", "hell", "Shell", "shell", "Shed", "shed",
		"were", "Were", "Well", "well", "Whore", "whore"} {
		delete(en, o)
	}
	for k, v := range en {
		exc[k] = v
	}
	// spaCy's update_exc adds a version with a typographic apostrophe of every
	// exception written with "'": "don’t" -> "do" "n’t".
	for k, pieces := range exc {
		if !strings.Contains(k, "'") {
			continue
		}
		ps := make([]string, len(pieces))
		for i, p := range pieces {
			ps[i] = strings.ReplaceAll(p, "'", "’")
		}
		exc[strings.ReplaceAll(k, "'", "’")] = ps
	}
	out := make(map[string][]int, len(exc))
	longest := 0
	for k, pieces := range exc {
		ls := make([]int, len(pieces))
		for i, p := range pieces {
			ls[i] = len(p)
		}
		out[k] = ls
		longest = max(longest, len(k))
	}
	return out, longest
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return string(rune('0'+n/10)) + string(rune('0'+n%10))
}

func specialCase(s string) ([]int, bool) {
	if len(s) > maxSpecialCase || !specialSig.has(s) {
		return nil, false
	}
	p, ok := specialCases[s]
	return p, ok
}

// patterns are the token sequences of spaCy's special-case matcher: for every
// exception that has a prefix, suffix or infix of its own, its tokenization without
// exceptions ("):" -> ")" ":"). Where such a sequence turns up among the tokens of a
// text (as in "(AP):"), spaCy replaces it by the exception's tokens ("):").
// Keyed by the first token.
var patterns, patternFirstMax = func() (map[string][][]string, int) {
	m := map[string][][]string{}
	longest := 0
	for k := range specialCases {
		if prefixLen(k) == 0 && suffixLen(k) == 0 && !hasInfix(k) && !strings.Contains(k, " ") {
			continue
		}
		var pat []string
		allSpace := true
		tokenizeAffixes(k, false, nil, func(s, e int, space bool) {
			pat = append(pat, k[s:e])
			allSpace = allSpace && space
		})
		if len(pat) == 0 || allSpace {
			continue // the white-space exceptions change nothing
		}
		m[pat[0]] = append(m[pat[0]], pat)
		longest = max(longest, len(pat[0]))
	}
	return m, longest
}()

// patternSig rules out most tokens before the lookup in patterns.
var patternSig = func() *sig {
	s := new(sig)
	for k := range patterns {
		s.add(k)
	}
	return s
}()

func hasInfix(s string) bool {
	found := false
	infixes(s, func(int, int) { found = true })
	return found
}

// applySpecials is spaCy's Tokenizer._apply_special_cases: it finds the special-case
// patterns among toks (also across a space, as the PhraseMatcher does), keeps the
// longest (then leftmost) of overlapping matches, and replaces each kept match whose
// text is an exception (so not one across a space) by the exception's tokens.
func applySpecials(text string, toks []tok) []tok {
	return applySpecialsWith(text, toks, nil)
}

// applySpecialsWith is applySpecials writing into the spare arrays of sc when
// sc is not nil: the tokens it replaces become sc's spare array for the next
// document, so a document with a match allocates nothing.
func applySpecialsWith(text string, toks []tok, sc *scratch) []tok {
	var matches [][2]int
	if sc != nil {
		matches = sc.matches[:0]
		defer func() { sc.matches = matches[:0] }()
	}
	for i := range toks {
		t := text[toks[i].start:toks[i].end()]
		if len(t) > patternFirstMax || !patternSig.has(t) {
			continue
		}
		for _, pat := range patterns[t] {
			if i+len(pat) > len(toks) {
				continue
			}
			ok := true
			for k := 1; k < len(pat); k++ {
				if text[toks[i+k].start:toks[i+k].end()] != pat[k] {
					ok = false
					break
				}
			}
			if ok {
				matches = append(matches, [2]int{i, i + len(pat)})
			}
		}
	}
	if len(matches) == 0 {
		return toks
	}
	// Longest first, then leftmost: a total order (equal keys are equal
	// matches), so any sort gives the same sequence.
	slices.SortFunc(matches, func(a, b [2]int) int {
		if la, lb := a[1]-a[0], b[1]-b[0]; la != lb {
			return lb - la
		}
		return a[0] - b[0]
	})
	// _filter_special_spans keeps a match when neither its first nor its last token
	// was seen, and every match, kept or not, marks its tokens seen. A match
	// spans a few tokens, so the seen tokens are listed, not mapped.
	var seenBuf [32]int
	seen := seenBuf[:0]
	if sc != nil {
		seen = sc.seen[:0]
	}
	isSeen := func(i int) bool { return slices.Contains(seen, i) }
	var seenMap map[int]bool
	kept := matches[:0]
	for _, m := range matches {
		if seenMap != nil {
			if !seenMap[m[0]] && !seenMap[m[1]-1] {
				kept = append(kept, m)
			}
			for i := m[0]; i < m[1]; i++ {
				seenMap[i] = true
			}
			continue
		}
		if !isSeen(m[0]) && !isSeen(m[1]-1) {
			kept = append(kept, m)
		}
		for i := m[0]; i < m[1]; i++ {
			seen = append(seen, i)
		}
		if len(seen) > 64 {
			// Many matches: a map keeps the filter linear.
			seenMap = make(map[int]bool, 2*len(seen))
			for _, i := range seen {
				seenMap[i] = true
			}
		}
	}
	if sc != nil {
		sc.seen = seen[:0]
	}
	slices.SortFunc(kept, func(a, b [2]int) int { return a[0] - b[0] })
	var out []tok
	if sc != nil && cap(sc.spare) >= len(toks) {
		out = sc.spare[:0]
	} else {
		out = make([]tok, 0, len(toks)+len(toks)/8)
	}
	i := 0
	for _, m := range kept {
		out = append(out, toks[i:m[0]]...)
		span := text[toks[m[0]].start:toks[m[1]-1].end()]
		if p, ok := specialCase(span); ok {
			emitPieces(text, toks[m[0]].start, p, func(s, e int, space bool) {
				out = append(out, mkTok(s, e, space))
			})
		} else {
			out = append(out, toks[m[0]:m[1]]...)
		}
		i = m[1]
	}
	out = append(out, toks[i:]...)
	if sc != nil {
		sc.spare = toks[:0]
	}
	return out
}

func emitPieces(text string, at int, pieces []int, emit func(start, end int, space bool)) {
	for _, n := range pieces {
		s, e := PyStrip(text[at : at+n])
		emit(at, at+n, s == e)
		at += n
	}
}
