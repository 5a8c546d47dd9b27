package attribution

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/corpuslint/corpuslint/rules"
	"github.com/corpuslint/corpuslint/rules/option"
	"github.com/corpuslint/corpuslint/rules/text"
)

// MissingAttribution returns the missing-attribution rule: a direct quotation of a
// full sentence or more whose speaker is named neither in its own sentence nor in
// the sentence right before or after it.
func MissingAttribution() rules.Rule { return rule{elsewhere: "info"} }

type rule struct {
	// elsewhere is what becomes of a finding in a text that does not read as
	// reporting: "info", "warning" or "off".
	elsewhere string
}

// options declares the rule's options, bound to the fields of r.
func (r *rule) options() *option.Set {
	s := option.New("missing-attribution")
	s.String("elsewhere", &r.elsewhere, "info", "warning", "off")
	return s
}

// Options implements rules.Configurable.
func (r rule) Options() map[string]any { return r.options().Values() }

// Configure implements rules.Configurable: r is a copy, the receiver stays as it was.
func (r rule) Configure(opts map[string]any) (rules.Rule, error) {
	if err := r.options().Decode(opts); err != nil {
		return nil, err
	}
	return r, nil
}

// Meta describes missing-attribution.
func (rule) Meta() rules.Meta {
	return rules.Meta{
		Name:     "missing-attribution",
		Category: rules.Attribution,
		Severity: rules.Warning,
		Fixable:  false,
		Title:    "a quoted sentence with no speaker named in or around it",
		Doc: "Flags a direct quotation in double quotes (\"…\", “…”, „…“, «…») that reads as a " +
			"full sentence or more (at least six words, opening its own sentence with a capital, not " +
			"title-cased, ending in terminal punctuation or, at the end of its paragraph, in the comma of a lost " +
			"`\"…,\" he said` tag) when nothing in its own sentence outside the quote marks, nor in " +
			"the sentence right before or after it, names a speaker: no speech verb in any tense " +
			"(said, told, added, asked, wrote, according to, tweeted, ..., or a pronoun or name with " +
			"a past-tense verb: \"he defended\"), no `Name:` or `Q:`/`A:` lead-in, no colon " +
			"ending the paragraph before, no `— Name` byline or short name after it, no short " +
			"label line right before it (a speaker's name, a caption, a post's \"Thanks @account!\"), no person acting in a " +
			"sentence of the same paragraph (`Smith shrugged. \"…\"`), and no " +
			"neighbouring quotation (dialogue, or a run of quotes one tag covers). A quotation that " +
			"runs over paragraphs in news style (a paragraph ends without a closing quote, the next " +
			"opens with one, perhaps after a caption or advert line an extractor slipped in, a teaser " +
			"cut short with \" …\", or a study's reference, \"More information: … DOI: 10.…\") counts " +
			"as attributed when any of its parts is. So does a quotation whose closing mark was lost " +
			"before its own tag (`\"… has to be done, said Michael Sims, CEO …`: a tag verb after a " +
			"comma inside the open quote, with a name or he, she or they next to it), and a pull quote " +
			"or a dek whose words, case and punctuation aside, are inside a quotation the story tags " +
			"in its own sentence (`\"I'm having the time of my life,\" he said.` further down).\n\n" +
			"Left alone: short quoted phrases (scare quotes, terms, \"zero tolerance\"); titles of " +
			"songs, films and books and quoted headlines (title-cased, or without a sentence's end); " +
			"fragments starting in lower case, spliced into the writer's sentence; quotations the " +
			"writer's own words lead into (`rules such as \"…\"`, `Smith: \"…\"`, " +
			"`console.log(\"…\")`); lone quoted questions, nearly always the writer's own, and " +
			"lines opening with an exclaimed interjection (\"Argh! I know I need to ...\"), a voice " +
			"the writer stages, and a quotation that is all of a parenthesis, the writer's aside; article " +
			"titles in citations (`PolitiFact, \"…,\" Dec. 17`) and quotes holding links; quotes in " +
			"list items and headings; paragraphs whose quote marks do not pair up (broken-quotes " +
			"reports those); and text that does not read as English, whose speech verbs the rule " +
			"does not know. Single quotes are not read as quotation marks.\n\n" +
			"A quotation nobody said is a sign of lost context: an extractor that kept a pull quote " +
			"or a teaser and dropped the story it came from, or put a caption between a quote and " +
			"its speaker. The rule prefers missing such a quote to flagging a sound one, so any hint " +
			"of a speaker nearby is enough. There is no fix; the speaker has to come from the source.\n\n" +
			"The rule is about reporting: news, press releases, statements and transcripts, where " +
			"every quotation has a speaker. A text that does not read as reporting (too few of " +
			"its words outside quotations are words of news, figures or acronyms; below) may quote " +
			"without naming anyone: fiction's dialogue, a review's excerpts, an epigraph, a page of " +
			"sayings. There a finding is only info (option elsewhere: info, warning or off), and " +
			"none where three quotations or more of the text are attributed: a narrative with " +
			"dialogue, whose untagged lines belong to a scene whose speakers alternation and " +
			"the narration make clear (elsewhere: warning reports them too). A text " +
			"reads as reporting when the writer's own words (outside quotations) score two: each " +
			"distinct word of news counts one (spokesman, officials, percent, police, " +
			"a weekday or month name, a wire service, ...), each word novels and glossaries use " +
			"too a half (according, company, officer, interview, statement, court, ...), a figure in digits " +
			"one (not a chapter's number), an acronym one (EU, NASA; not a Roman numeral, an ordinary word " +
			"or the capitals of a shouted line); and a long text needs a half for every 250 of " +
			"its words (a paste site's chrome above a novel's chapter is not enough). A " +
			"quotation whose source stands on the line after it is attributed too: a reference " +
			"(\"Ecclesiastes 3:1\", \"p.82.\", \"(John 3:16)\"), a name (\"Mark Twain\"), a " +
			"dash and a name, a dash-led or parenthesised source block (\"-- from \\\"The Graduate\\\"\", " +
			"\"-- unknown\": the page states the source), one to four handles and perhaps the post's " +
			"link (\"@SecretaryAcosta @USDOL https://t.co/…\"), or \"Title, by Name\". Not judged: a " +
			"quotation whose own words are not English (the cues are English), and a glossary " +
			"entry's usage example of its headword (an entry known by its headword line and a " +
			"dictionary mark: \":word:\", a pronunciation between slashes, a part of speech, a " +
			"\"<category>\" tag, or two FOLDOC cross-references between braces, \"{card reader}\").",
		Bad: "The council met on Tuesday to discuss the budget.\n" +
			"\"We cannot keep raising taxes on families who are already struggling.\"\n" +
			"The vote is expected next week.\n",
		Good: "The council met on Tuesday to discuss the budget.\n" +
			"\"We cannot keep raising taxes on families who are already struggling,\" the mayor said.\n" +
			"The vote is expected next week.\n",
	}
}

// part is one quotation inside one paragraph: the opening mark at open, the text
// [in, inEnd), and the closing mark ending at close. An unclosed part runs to the
// end of its paragraph (inEnd == close) and may continue in a later one.
type part struct {
	open, in, inEnd, close int
	para                   int
	closed                 bool
	atParaStart            bool
}

// Check reports every unattributed full-sentence quotation.
func (r rule) Check(p *rules.Pass) {
	t := p.Analysis.Text()
	if !hasQuoteMark(t) {
		return
	}
	a := p.Analysis
	paras := a.Paragraphs()
	var parts []part
	for pi, para := range paras {
		parts = parseParagraph(parts, t, para, pi)
	}
	if len(parts) == 0 {
		return
	}
	c := &checker{t: t, a: a, parts: parts, paras: paras, elsewhere: r.elsewhere}
	for i := 0; i < len(parts); {
		// A chain is a run of parts where each unclosed part is continued by a part
		// opening the next paragraph.
		j := i
		for !parts[j].closed && j+1 < len(parts) && parts[j+1].atParaStart && c.continues(parts[j].para, parts[j+1].para) {
			j++
		}
		if parts[j].closed {
			c.judge(p, i, j)
		}
		i = j + 1
	}
}

// continues reports whether a quotation left open at the end of paragraph from
// goes on in paragraph to: the next paragraph, or one after at most three lines
// an extractor slipped in between (a caption, "Advertisement", "SEE MORE: …"),
// which are short and end without a full stop. (The caller guarantees that no
// quotation lies between.)
func (c *checker) continues(from, to int) bool {
	if to <= from || to-from > 4 {
		return false
	}
	for k := from + 1; k < to; k++ {
		p := c.paras[k]
		s, e := text.TrimSpan(c.t, p.Start, p.End)
		if citation(c.t[s:e]) {
			continue
		}
		if len(c.a.WordsIn(s, e)) > 15 {
			return false
		}
		if lr, _ := utf8.DecodeLastRuneInString(c.t[s:e]); (lr == '.' || lr == '!' || lr == '?' || lr == '\u2026') && !cutTeaser(c.t[s:e]) {
			return false
		}
	}
	return true
}

// parenthesised reports whether the quotation t[open:close] is all that stands
// between a pair of parentheses: an aside in which the writer imagines what
// someone might say, not a report of words said.
func parenthesised(t string, open, close int) bool {
	i := open
	for i > 0 && t[i-1] == ' ' {
		i--
	}
	k := close
	for k < len(t) && t[k] == ' ' {
		k++
	}
	return i > 0 && t[i-1] == '(' && k < len(t) && t[k] == ')'
}

// cutTeaser reports whether line l ends in an ellipsis after a space ("Stephen
// Colbert addresses CdA Book Bandit …"): the text of a teaser link cut short,
// which ends no sentence of the writer's.
func cutTeaser(l string) bool {
	return strings.HasSuffix(l, " \u2026") || strings.HasSuffix(l, " ...")
}

// citation reports whether line l is the reference of a study that a science
// page sets between paragraphs ("More information: G. Petit et al. … DOI:
// 10.1007/…", "Journal Reference: …"): short, with a DOI or such a label.
func citation(l string) bool {
	if len(l) > 600 {
		return false
	}
	ll := strings.ToLower(l)
	for _, p := range []string{"more information:", "journal reference:", "journal information:", "reference:"} {
		if strings.HasPrefix(ll, p) {
			return true
		}
	}
	return strings.Contains(ll, "doi: 10.") || strings.Contains(ll, "doi:10.") || strings.Contains(ll, "doi.org/10.")
}

// hasQuoteMark reports whether t holds any double quotation mark at all, so that
// most documents cost one byte scan.
func hasQuoteMark(t string) bool {
	for i := 0; i < len(t); i++ {
		// Eight bytes at a time while none is '"' or the lead byte of a curly or
		// angle mark: most documents have no quote at all and are read whole.
		for i+8 <= len(t) {
			x := text.Load8(t, i)
			if text.HasByte8(x, '"') || text.HasByte8(x, 0xE2) || text.HasByte8(x, 0xC2) {
				break
			}
			i += 8
		}
		if i >= len(t) {
			break
		}
		switch t[i] {
		case '"':
			return true
		case 0xE2: // “ ” „ are E2 80 9C/9D/9E
			if i+2 < len(t) && t[i+1] == 0x80 && (t[i+2] == 0x9C || t[i+2] == 0x9D || t[i+2] == 0x9E) {
				return true
			}
		case 0xC2: // « » are C2 AB/BB
			if i+1 < len(t) && (t[i+1] == 0xAB || t[i+1] == 0xBB) {
				return true
			}
		}
	}
	return false
}

// plain8 reports whether the eight bytes x are ASCII and none is '"': bytes
// parseParagraph only walks over.
func plain8(x uint64) bool {
	return x&0x8080808080808080 == 0 && !text.HasByte8(x, '"')
}

func isDoubleQuote(r rune) bool {
	switch r {
	case '"', '\u201c', '\u201d', '\u201e', '\u00ab', '\u00bb':
		return true
	}
	return false
}

// openerContext reports whether r, the rune before a quote mark, lets the mark
// open a quotation (so the " in 12" or a"b does not).
func openerContext(r rune) bool {
	if r == utf8.RuneError || unicode.IsSpace(r) {
		return true
	}
	switch r {
	case '(', '[', '{', '\u2014', '\u2013', '-', '/', ':', ';', ',', '\u2026', '*', '_', '>':
		return true
	}
	return false
}

// closerContext reports whether r, the rune after a quote mark, lets the mark
// close a quotation.
func closerContext(r rune) bool {
	if r == utf8.RuneError || unicode.IsSpace(r) {
		return true
	}
	return unicode.IsPunct(r) && !isDoubleQuote(r) || r == '*' || r == '_'
}

// parseParagraph appends the quotations of one paragraph to parts. A paragraph
// whose quote marks do not pair up contributes nothing: guessing there would
// invent quotations (broken-quotes reports it). List items and headings are skipped.
func parseParagraph(parts []part, t string, para text.Paragraph, pi int) []part {
	start, end := text.TrimSpan(t, para.Start, para.End)
	if start >= end || isListOrHeading(t[start:end]) {
		return parts
	}
	keep := len(parts)
	var closers string // the marks that close the open quotation; "" when outside
	var cur part
	prev := utf8.RuneError
	for i := start; i < end; {
		c := t[i]
		if c < utf8.RuneSelf && c != '"' {
			// A run of ASCII without '"': only its last byte matters (as the
			// rune before a mark), so skip it eight bytes at a time.
			i++
			for i+8 <= end && plain8(text.Load8(t, i)) {
				i += 8
			}
			for i < end && t[i] < utf8.RuneSelf && t[i] != '"' {
				i++
			}
			prev = rune(t[i-1])
			continue
		}
		r, n := utf8.DecodeRuneInString(t[i:end])
		if !isDoubleQuote(r) {
			prev = r
			i += n
			continue
		}
		next := utf8.RuneError
		if i+n < end {
			next, _ = utf8.DecodeRuneInString(t[i+n : end])
		}
		if closers == "" {
			// Outside a quotation: the mark must open one.
			switch r {
			case '"', '\u201c', '\u201d':
				if !openerContext(prev) || next == utf8.RuneError || unicode.IsSpace(next) {
					return parts[:keep]
				}
				if r == '"' {
					closers = "\""
				} else {
					// “…” and the sloppy ”…” or “…“ all close on a curly mark.
					closers = "\u201d\u201c"
				}
			case '\u201e':
				closers = "\u201c\u201d"
			case '\u00ab':
				closers = "\u00bb"
			case '\u00bb':
				if next == utf8.RuneError || unicode.IsSpace(next) {
					return parts[:keep]
				}
				closers = "\u00ab"
			}
			cur = part{open: i, in: i + n, para: pi, atParaStart: i == start}
		} else {
			isCloser := false
			for _, cr := range closers {
				if cr == r {
					isCloser = true
				}
			}
			switch {
			case isCloser && (r == '\u00bb' || r == '\u00ab' || closerContext(next)):
				cur.inEnd, cur.close, cur.closed = i, i+n, true
				parts = append(parts, cur)
				closers = ""
			case closers == "\u00bb" || closers == "\u00ab":
				// French quotations nest “…” or "…" inside « »: not ours to pair.
			default:
				return parts[:keep]
			}
		}
		prev = r
		i += n
	}
	if closers != "" {
		cur.inEnd, cur.close = end, end
		parts = append(parts, cur)
	}
	return parts
}

// isListOrHeading reports whether a trimmed paragraph is a list item or a
// markdown heading. Quotes there are collections (famous lines, slogans, headlines)
// whose source is the list's lead-in, not a neighbouring sentence.
func isListOrHeading(s string) bool {
	if s == "" {
		return false
	}
	switch s[0] {
	case '#':
		return true
	case '-', '*', '+':
		return len(s) > 1 && (s[1] == ' ' || s[1] == '\t')
	}
	if r, _ := utf8.DecodeRuneInString(s); r == '\u2022' || r == '\u00b7' || r == '\u25aa' || r == '\u25cf' || r == '\u2023' {
		return true
	}
	i := 0
	for i < len(s) && i < 4 && '0' <= s[i] && s[i] <= '9' {
		i++
	}
	return i > 0 && i+1 < len(s) && (s[i] == '.' || s[i] == ')') && s[i+1] == ' '
}

// checker holds what judging the quotations of one document needs, computed
// lazily: the sentences and what each says outside its quotations, and whether
// the text reads as English.
type checker struct {
	t       string
	a       *text.Analysis
	parts   []part
	paras   []text.Paragraph
	sents   []text.Span
	flags   []uint8 // per sentence: flag* bits, flagDone once computed
	words   []int32 // per sentence: its words, and those that are English function words
	english []int32
	// wordAt is the index of the first word of the part partWords last counted.
	wordAt int
	// elsewhere is the rule's option; reporting caches whether the text reads as
	// reporting (0 unknown, 1 yes, 2 no).
	elsewhere string
	reporting int8
	// dialog caches dialogue (0 unknown, 1 yes, 2 no).
	dialog int8
	// stems are the headword's stems when the text is a glossary entry (see
	// headwordStems); stemsDone says they were computed.
	stems     []string
	stemsDone bool
	// norms are the parts' words as normQuote gives them, computed when a
	// quotation is first about to be reported.
	norms []string
}

// Sentence flags, computed from the words outside quotations.
const (
	flagDone   uint8 = 1 << iota
	flagCue          // a speech verb or attribution noun
	flagPerson       // a personal pronoun or a sentence opening with a name
	flagQuote        // the sentence opens in a quotation: dialogue or a run of quotes
)

// judge reports the quotation made of parts[i..j] when it is a full sentence that
// opens its own sentence and none of its parts is attributed.
func (c *checker) judge(p *rules.Pass, i, j int) {
	words := 0
	for k := i; k <= j; k++ {
		words += c.partWords(k)
	}
	if words < 6 || !c.isFull(i, j) {
		return
	}
	if c.sents == nil {
		c.sents = c.a.Sentences()
		c.flags = make([]uint8, len(c.sents))
		c.words = make([]int32, len(c.sents))
		c.english = make([]int32, len(c.sents))
	}
	if !c.opensSentence(c.parts[i].open) {
		return
	}
	lo, _ := c.sentenceRange(c.parts[i])
	_, hi := c.sentenceRange(c.parts[j])
	// The cues are English: a quotation in another language (a hadith between
	// English paragraphs) cannot be judged by them, even where its neighbours
	// are English. A quotation alone is short, so one function word in twelve
	// will do for it.
	if !c.isEnglish(lo-1, hi+1, 7) || !c.isEnglish(lo, hi, 12) {
		return
	}
	for k := i; k <= j; k++ {
		if c.attributed(k, k == i, k == j) {
			return
		}
	}
	if c.quotedElsewhere(i, j) {
		return // a pull quote or a dek: the story quotes the same words with a speaker
	}
	if !c.stemsDone {
		c.stems, c.stemsDone = headwordStems(c.t), true
	}
	if usesHeadword(c.t[c.parts[i].in:c.parts[j].inEnd], c.stems) {
		return // a glossary's usage example of its headword: nobody is quoted
	}
	first, last := c.parts[i], c.parts[j]
	f := rules.Finding{Start: first.open, End: last.close}
	if j > i {
		f.Message = fmt.Sprintf("quotation of %d words over %d paragraphs has no speaker: no speech verb (said, told, ...) or Name: lead-in in its sentences or the sentences around them", words, j-i+1)
	} else {
		f.Message = fmt.Sprintf("quotation of %d words has no speaker: no speech verb (said, told, ...) or Name: lead-in in its sentence or the sentences around it", words)
	}
	if !c.isReporting() {
		// Narrative with dialogue: where three quotations or more are
		// attributed, the others are lines of the same scene, whose speakers
		// alternation and the narration make clear (the issue's "dialogue in
		// fiction"). Only reporting holds every quotation to a tag.
		if c.elsewhere != "warning" && c.dialogue() {
			return
		}
		switch c.elsewhere {
		case "off":
			return
		case "warning":
		default:
			f.Severity = rules.Info
			f.Message += " (the text does not read as reporting, where every quotation has a speaker)"
		}
	}
	p.Report(f)
}

// dialogue reports whether at least minTagged of the text's quotations are
// attributed (a speech verb, a name or a pronoun in or next to their sentence,
// a lead-in, a tag after them): a narrative with dialogue. Computed once per
// document.
func (c *checker) dialogue() bool {
	if c.dialog != 0 {
		return c.dialog == 1
	}
	c.dialog = 2
	tagged := 0
	for k, pt := range c.parts {
		if !pt.closed || !c.attributed(k, true, true) {
			continue
		}
		if tagged++; tagged >= minTagged {
			c.dialog = 1
			break
		}
	}
	return c.dialog == 1
}

// minTagged is how many attributed quotations make a text that does not read
// as reporting a narrative with dialogue.
const minTagged = 3

// newsWords are words of reporting that fiction, reviews and reference pages
// seldom use outside quotations: the sources, the institutions that speak, the
// days of the week and the wire services.
var newsWords = wordSet("spokesman spokeswoman spokesperson spokesmen officials " +
	"reporters reporter percent police ministry authorities lawmakers senator congress " +
	"parliament analysts analyst monday tuesday wednesday thursday friday saturday sunday " +
	"january february april june july september october november december jan feb aug sept " +
	"oct nov dec reuters ap afp bloomberg xinhua investigators prosecutors ceo government " +
	"minister president researchers scientists study")

// weakNewsWords are words of news that novels, glossaries and reviews use too
// (according to his wishes, a company of friends, an interview with her aunt,
// an officer of the regiment); each counts half a newsWord. The months March and August count as
// newsWords only capitalised: "the march of time" and "an august family" are
// not dates.
var weakNewsWords = wordSet("according official statement agency company court press conference interview " +
	"officer campaign election chairman director executive organization department credit")

// headingWords number the parts of a book: the figure after them ("CHAPTER
// 36", "Book 2") is a heading's, not a count a report gives.
var headingWords = wordSet("chapter book part section volume vol act scene canto letter psalm")

// isReporting reports whether the text reads as reporting, from the writer's
// words (those outside quotations). Each distinct newsWord counts one, each
// distinct weakNewsWord a half, a figure written in digits ("6,553", "10.7",
// "2019") one, and an acronym (EU, ESA, CDF) one; two make reporting, and a long
// text needs a half for every wordsPerHalf of its words. Fiction
// spells its numbers and names no agencies; news dates, counts and cites. Not
// counted: a chapter's number, a Roman numeral, and capitals that are a
// shouted or headline line's ordinary words ("LET'S JUST CAL IT EVEN",
// "REPORT OF THE COMMISSION"). Computed once per document.
func (c *checker) isReporting() bool {
	if c.reporting != 0 {
		return c.reporting == 1
	}
	c.reporting = 2
	seen := map[string]int{} // the word's weight in halves
	halves, own := 0, 0
	figure, acronym := false, false
	var buf [24]byte
	parts := c.parts
	pi := 0
	ws := c.a.Words()
	for k, w := range ws {
		for pi < len(parts) && parts[pi].inEnd <= w.Start {
			pi++
		}
		if pi < len(parts) && parts[pi].in <= w.Start {
			continue // the speaker's words, not the writer's
		}
		own++
		word := c.t[w.Start:w.End]
		switch {
		case isDigit(word[0]):
			if !figure && !c.headingNumber(ws, k) {
				figure = true
				halves += 2
			}
		case len(word) >= 2 && len(word) <= 5 && allUpper(word):
			if !acronym && c.isAcronym(w) {
				acronym = true
				halves += 2
			}
		default:
			lw := lower(buf[:0], word)
			if lw == "" || seen[lw] != 0 {
				break
			}
			switch {
			case newsWords[lw] || (word == "March" || word == "August"):
				seen[lw] = 2
				halves += 2
			case weakNewsWords[lw]:
				seen[lw] = 1
				halves++
			}
		}
	}
	if halves >= 4 && halves*wordsPerHalf >= own {
		c.reporting = 1
	}
	return c.reporting == 1
}

// wordsPerHalf is how many of the writer's words one half point of reporting
// may stand for: a long text needs its signals throughout, not a page's chrome
// (a paste site's "1700", "API" and "Apr 27th" above a web novel's chapter).
const wordsPerHalf = 250

// headingNumber reports whether word k, a figure, numbers a part of a book:
// it follows a headingWord ("CHAPTER 36", "Psalm 23").
func (c *checker) headingNumber(ws []text.Word, k int) bool {
	if k == 0 {
		return false
	}
	var buf [24]byte
	prev := ws[k-1]
	return headingWords[lower(buf[:0], c.t[prev.Start:prev.End])]
}

// isAcronym reports whether w, a word of two to five capitals, is an acronym:
// not a Roman numeral (a chapter's "XII"), not an ordinary English word
// ("OF", "THE"), and on a line whose letters are mostly small, so that its
// capitals are not the line's shouting or a heading's style.
func (c *checker) isAcronym(w text.Word) bool {
	word := c.t[w.Start:w.End]
	if strings.Trim(word, "IVXLCDM") == "" {
		return false
	}
	var buf [24]byte
	if lw := lower(buf[:0], word); englishWords[lw] || cues[lw] || starters[lw] || subjects[lw] {
		return false
	}
	line := c.a.LineText(c.a.LineAt(w.Start))
	upper, small := 0, 0
	for _, r := range line {
		switch {
		case unicode.IsUpper(r):
			upper++
		case unicode.IsLower(r):
			small++
		}
	}
	return small > 2*upper
}

// allUpper reports whether the ASCII word w is all capital letters ("I" and
// "A" are too short to be asked).
func allUpper(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < 'A' || w[i] > 'Z' {
			return false
		}
	}
	return true
}

// partWords returns len(c.a.WordsIn(pt.in, pt.inEnd)) for part k. Parts come in
// text order, so it searches forward from the previous part's first word,
// doubling its steps, rather than from the ends of the document's word list each
// time (the binary searches cost more than the rest of the rule on texts with
// many quotations); TestMaPartWords holds the two equal.
func (c *checker) partWords(k int) int {
	ws := c.a.Words()
	pt := c.parts[k]
	from := c.wordAt
	if from > len(ws) || from > 0 && ws[from-1].Start >= pt.in {
		from = 0 // not past the previous part: search from the start
	}
	i := gallop(ws, from, pt.in, false)
	j := gallop(ws, i, pt.inEnd, true)
	c.wordAt = i
	return j - i
}

// gallop returns the first index at or after from of a word starting at or
// after key (of a word ending after key when byEnd), as WordsIn's searches but
// forward from from in doubling steps. Words start and end in increasing order,
// so the test is false on a prefix of ws and true on the rest.
func gallop(ws []text.Word, from, key int, byEnd bool) int {
	ok := func(w text.Word) bool {
		if byEnd {
			return w.End > key
		}
		return w.Start >= key
	}
	lo, step := from, 1
	hi := from
	for hi < len(ws) && !ok(ws[hi]) {
		lo = hi + 1
		hi += step
		step *= 2
	}
	hi = min(hi, len(ws))
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if ok(ws[m]) {
			hi = m
		} else {
			lo = m + 1
		}
	}
	return lo
}

// isFull reports whether the quotation parts[i..j] reads as a full sentence: it
// starts with a capital or digit, is not title-cased, holds no link, and ends in
// terminal punctuation, or in the comma of a "…," tag with nothing else after it
// or with the tag cut (cutTag).
// A lone quoted question is left alone: it is nearly always the writer's own
// rhetorical or imagined question ("Is streaming the future of gaming?").
func (c *checker) isFull(i, j int) bool {
	t := c.t
	first, last := c.parts[i], c.parts[j]
	s, e := text.TrimSpan(t, first.in, first.inEnd)
	if s >= e {
		return false
	}
	r, _ := utf8.DecodeRuneInString(t[s:e])
	if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
		return false
	}
	if exclaimedInterjection(t[s:e]) {
		return false // a voice the writer stages: "Argh! I know I need to do this"
	}
	if c.titleCased(first.in, first.inEnd) {
		return false
	}
	if parenthesised(t, first.open, last.close) {
		return false // the writer's aside: `… the C<LC_DATE> locale.  ("Look--it says I wasn't in the building.")`
	}
	for k := i; k <= j; k++ {
		if hasLink(t[c.parts[k].in:c.parts[k].inEnd]) {
			return false
		}
	}
	if j > i {
		return true // a quotation running over paragraphs is more than a phrase
	}
	s, e = text.TrimSpan(t, last.in, last.inEnd)
	// A lone quoted question ("?", "?!") is the writer's own device.
	tail := e
	for tail > s && (t[tail-1] == '?' || t[tail-1] == '!') {
		tail--
	}
	if strings.IndexByte(t[tail:e], '?') >= 0 && !innerBreak(t[s:tail]) {
		return false
	}
	lr, _ := utf8.DecodeLastRuneInString(t[s:e])
	switch lr {
	case '.', '!', '?', '\u2026':
		return true
	case ',':
		// "Title," Oct. 16, 2019 or "Prop. 13 proves costly," Page A8: a comma
		// followed by more of the writer's sentence closes a title, not speech.
		k := last.close
		for k < len(t) && (t[k] == ' ' || t[k] == '\t') {
			k++
		}
		if k >= len(t) || t[k] == '\n' || t[k] == '\r' {
			return true
		}
		return c.cutTag(k)
	}
	return false
}

// cutTag reports whether the text at k, right after a quotation closing on a
// comma, opens something other than the tag the comma announces: a new
// sentence's capitalised first word ("…over the place," But the ...). An
// extractor or an editor cut the tag, and the quotation stands as a full
// sentence with no speaker. (A quotation right after it makes a run of quotes,
// which the rule takes for one speaker's.)
func (c *checker) cutTag(k int) bool {
	t := c.t
	r, _ := utf8.DecodeRuneInString(t[k:])
	if !unicode.IsUpper(r) {
		return false
	}
	e := k
	for e < len(t) && e-k < 24 && (t[e] >= 'a' && t[e] <= 'z' || t[e] >= 'A' && t[e] <= 'Z') {
		e++
	}
	var buf [24]byte
	w := lower(buf[:0], t[k:e])
	return starters[w] && w != "the" && w != "a" && w != "an"
}

// interjections are the cries that open a line the writer voices, an
// imagined thought or a reader's groan, rather than a statement someone made.
var interjections = wordSet("argh ugh ah ahh aha oh ooh wow whoa yikes ouch phew hmm huh meh " +
	"oops yay hooray gosh geez jeez eek yuck duh ew blah")

// exclaimedInterjection reports whether the quotation s opens with an
// interjection and an exclamation mark ("Argh!", "Ugh!!", "Oh no!"): the
// writer's own staging of a voice. Reported speech with a source seldom opens
// that way, and a teaser's "Oh yeah?" (a question) is still judged.
func exclaimedInterjection(s string) bool {
	e := 0
	for e < len(s) && e < 12 && ('a' <= s[e] && s[e] <= 'z' || 'A' <= s[e] && s[e] <= 'Z') {
		e++
	}
	var buf [24]byte
	if e == 0 || e == len(s) || !interjections[lower(buf[:0], s[:e])] {
		return false
	}
	rest := s[e:]
	if strings.HasPrefix(rest, " no!") || strings.HasPrefix(rest, " my!") {
		return true
	}
	return rest[0] == '!'
}

// innerBreak reports whether s holds a sentence break before its end: terminal
// punctuation followed by a space.
func innerBreak(s string) bool {
	for k := 0; k+1 < len(s)-1; k++ {
		switch s[k] {
		case '.', '!', '?':
			if s[k+1] == ' ' {
				return true
			}
		}
	}
	return false
}

// hasLink reports whether s holds a URL: a quoted link text is a title.
func hasLink(s string) bool {
	for k := 0; k+4 <= len(s); k++ {
		switch s[k] {
		case 'h':
			if k+7 <= len(s) && (s[k:k+7] == "http://" || k+8 <= len(s) && s[k:k+8] == "https://") {
				return true
			}
		case 'w':
			if s[k:k+4] == "www." {
				return true
			}
		case ']':
			if s[k+1] == '(' {
				return true
			}
		}
	}
	return false
}

// titleCased reports whether most words of [s, e) that could be lower case are
// capitalised, as in titles of songs, films, books and headlines.
func (c *checker) titleCased(s, e int) bool {
	ws := c.a.WordsIn(s, e)
	caps, n := 0, 0
	for k, w := range ws {
		if k == 0 || w.End-w.Start < 4 {
			continue // short words (of, the, and) stay lower case in titles
		}
		r, _ := utf8.DecodeRuneInString(c.t[w.Start:w.End])
		if !unicode.IsLetter(r) {
			continue
		}
		n++
		if unicode.IsUpper(r) {
			caps++
		}
	}
	return n > 0 && caps*10 >= n*6
}

// opensSentence reports whether the quote at open starts its sentence. A quote the
// writer's own words lead into (`he said: "…"`, `Smith: "…"`, `rules such as "…"`,
// `PolitiFact, "…"`, `console.log("…")`) is introduced by them, so it is not an
// unattributed quotation.
func (c *checker) opensSentence(open int) bool {
	ss := c.sents
	lo := sort.Search(len(ss), func(i int) bool { return ss[i].End > open })
	if lo == len(ss) || ss[lo].Start > open {
		return true
	}
	// Walk back from the quote, so that a long sentence holding many quotations
	// costs no more than the markup right before each.
	for k := open - 1; k >= ss[lo].Start; k-- {
		switch c.t[k] {
		case ' ', '\t', '*', '_', '>', '(', '[':
		default:
			return false
		}
	}
	return true
}

// lower lower-cases an ASCII word into buf (with ’ read as '); it returns "" for
// words too long to be a cue.
func lower(buf []byte, w string) string {
	if len(w) > cap(buf) {
		return ""
	}
	for i := 0; i < len(w); i++ {
		b := w[i]
		if 'A' <= b && b <= 'Z' {
			b += 'a' - 'A'
		}
		if b == 0xE2 && i+2 < len(w) && w[i+1] == 0x80 && w[i+2] == 0x99 {
			b = '\''
			i += 2
		}
		buf = append(buf, b)
	}
	return string(buf)
}

// englishWords are frequent English function words; a text where few of its
// words are among them is not English, and its speech verbs are unknown here.
var englishWords = wordSet("the a an and of to in is was that for on with it he she they we i " +
	"you as at by be this are were have has had not but from or his her their said will would our " +
	"my its which")

// isEnglish reports whether sentences lo..hi (clamped to the document) read as
// English: at least one word in per is a frequent English function word.
func (c *checker) isEnglish(lo, hi, per int) bool {
	words, hits := 0, 0
	for s := max(lo, 0); s <= min(hi, len(c.sents)-1); s++ {
		c.sentenceFlags(s)
		words += int(c.words[s])
		hits += int(c.english[s])
	}
	return hits*per >= words
}

// attributed reports whether part k of a quotation (first and last say whether it
// opens or closes the quotation) has a speaker: a cue in the sentences it overlaps
// or the one right before or after; a person acting in a sentence of the same
// paragraph (`Smith shrugged. "…"`); a neighbouring quotation (dialogue, or a run
// of quotes one attribution covers); an introducing colon at the end of the
// previous paragraph; a tag right after the closing mark; or a byline.
func (c *checker) attributed(k int, first, last bool) bool {
	pt := c.parts[k]
	ss := c.sents
	lo, hi := c.sentenceRange(pt)
	if lo > hi {
		return true // not inside any sentence: nothing to judge
	}
	para := c.paras[pt.para]
	for s := lo; s <= hi; s++ {
		if c.sentenceFlags(s)&(flagCue|flagPerson) != 0 {
			return true
		}
	}
	for _, s := range [2]int{c.neighbour(lo, -1), c.neighbour(hi, +1)} {
		if s < 0 || s >= len(ss) {
			continue
		}
		f := c.sentenceFlags(s)
		if f&flagCue != 0 {
			return true
		}
		if f&flagPerson != 0 && ss[s].Start >= para.Start && ss[s].End <= para.End {
			return true
		}
		if f&flagQuote != 0 && (s < lo && first || s > hi && last) {
			return true
		}
	}
	if first && (c.introducedBefore(pt.open) || c.labelLineBefore(pt) || c.handleBefore(lo) || c.answersQuestion(pt) || c.speakerBeforeInterstitials(pt, lo)) {
		return true
	}
	if pt.closed && c.tagAfter(pt, ss[hi].End) {
		return true
	}
	if !pt.closed && c.tagInside(pt) {
		return true
	}
	return last && (c.bylineAfter(k) || c.sourceLineAfter(k))
}

// quotedElsewhere reports whether the words of the quotation parts[i..j] lie
// inside another quotation of the text that has a speech tag: a pull quote or a
// dek ("I'm having the time of my life." between two paragraphs, and further
// down "I'm having the time of my life," he said.), whose speaker the story
// names where it quotes them. Words are compared without case or punctuation,
// as a pull quote ends in a full stop where the story's copy has its comma.
func (c *checker) quotedElsewhere(i, j int) bool {
	if c.norms == nil {
		c.norms = make([]string, len(c.parts))
		for k, pt := range c.parts {
			c.norms[k] = normQuote(c.t[pt.in:pt.inEnd])
		}
	}
	q := " "
	for k := i; k <= j; k++ {
		q += strings.TrimSpace(c.norms[k]) + " "
	}
	if strings.Count(q, " ") <= 6 {
		return false // under six words: too common a phrase to tell a copy
	}
	for k := range c.parts {
		if k >= i && k <= j || !strings.Contains(c.norms[k], q) {
			continue
		}
		if c.taggedInSentence(k) {
			return true
		}
	}
	return false
}

// taggedInSentence reports whether part k has a speech tag in its own
// sentences or is led into by a colon: the strong evidence of attributed, not
// a cue in a sentence around it, which the copy of a quotation in a page that
// repeats its own passages may owe to another quotation.
func (c *checker) taggedInSentence(k int) bool {
	pt := c.parts[k]
	lo, hi := c.sentenceRange(pt)
	for s := lo; s <= hi; s++ {
		if c.sentenceFlags(s)&flagCue != 0 {
			return true
		}
	}
	return lo <= hi && pt.closed && c.tagAfter(pt, c.sents[hi].End) || c.introducedBefore(pt.open)
}

// normQuote returns the words of s lower-cased, apostrophes dropped ("I'm"
// becomes "im"), each other run of non-letters and non-digits one space, with
// a space at each end, so that a copy of a quotation is a substring of it.
func normQuote(s string) string {
	b := make([]byte, 1, len(s)+2)
	b[0] = ' '
	for _, r := range s {
		switch {
		case r == '\'' || r == '\u2019':
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b = utf8.AppendRune(b, unicode.ToLower(r))
		case b[len(b)-1] != ' ':
			b = append(b, ' ')
		}
	}
	if b[len(b)-1] != ' ' {
		b = append(b, ' ')
	}
	return string(b)
}

// handleBefore reports whether sentence lo, where a quotation opens, follows a
// short sentence of at most maxHandleWords words that holds a handle ("Thanks
// @piersmorgan!", "@jack:"): a post naming the account it quotes.
func (c *checker) handleBefore(lo int) bool {
	if lo == 0 {
		return false
	}
	sp := c.sents[lo-1]
	if c.a.LineAt(c.sents[lo].Start)-c.a.LineAt(sp.End) > 1 {
		return false // a blank line or more between: another post
	}
	if len(c.a.WordsIn(sp.Start, sp.End)) > maxHandleWords {
		return false
	}
	t := c.t[sp.Start:sp.End]
	for i := 0; i+1 < len(t); i++ {
		if t[i] == '@' && (i == 0 || t[i-1] == ' ' || t[i-1] == '(') && isHandleByte(t[i+1]) {
			return true
		}
	}
	return false
}

// maxHandleWords bounds the sentence that names a quoted post's account.
const maxHandleWords = 4

// isHandleByte reports whether b may open an account name after its "@".
func isHandleByte(b byte) bool {
	return 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || '0' <= b && b <= '9' || b == '_'
}

// tagVerbs are the verbs of a speech tag ("said Michael Sims", "she added"):
// the cue list's words that are only ever a tag after a comma.
var tagVerbs = wordSet("said says told tells added adds explained explains asked asks stated " +
	"states noted notes wrote writes replied replies insisted insists recalled recalls")

// tagInside reports whether an unclosed part holds its own speech tag after a
// comma ("“Space exploration … has to be done, said Michael Sims, CEO …"): the
// closing mark before the tag was lost, so the tag reads as the speaker's
// words, but a reader sees who speaks. The tag is a tag verb followed by a
// capitalised name or a third-person pronoun, or a name or such a pronoun of at
// most three words followed by one ("Sims said", "he added").
func (c *checker) tagInside(pt part) bool {
	t := c.t
	ws := c.a.WordsIn(pt.in, pt.inEnd)
	var buf [24]byte
	// A third person: the speaker's own "I told them" is no tag.
	named := func(w text.Word) bool {
		lw := lower(buf[:0], t[w.Start:w.End])
		if lw == "he" || lw == "she" || lw == "they" {
			return true
		}
		r, _ := utf8.DecodeRuneInString(t[w.Start:w.End])
		return unicode.IsUpper(r) && classes[lw]&(starter|subject) == 0
	}
	verb := func(w text.Word) bool { return tagVerbs[lower(buf[:0], t[w.Start:w.End])] }
	for k := 1; k < len(ws); k++ {
		if gap := t[ws[k-1].End:ws[k].Start]; strings.TrimSpace(gap) != "," {
			continue
		}
		if verb(ws[k]) {
			if k+1 < len(ws) && named(ws[k+1]) && !strings.ContainsAny(t[ws[k].End:ws[k+1].Start], ",.;:!?") {
				return true
			}
			continue
		}
		for n := 0; n < 3 && k+n+1 < len(ws) && named(ws[k+n]); n++ {
			if strings.ContainsAny(t[ws[k+n].End:ws[k+n+1].Start], ",.;:!?") {
				break
			}
			if verb(ws[k+n+1]) {
				return true
			}
		}
	}
	return false
}

// sourceLineAfter reports whether the quotation ending with part k ends its
// paragraph and the next paragraph is a short line naming its source: a
// reference ("Ecclesiastes 3:1", "p.82.", "(John 3:16)", "Chapter 4") or a name
// ("Mark Twain", "Mother Teresa, 1979"), as quotation pages and epigraphs set it.
func (c *checker) sourceLineAfter(k int) bool {
	pt := c.parts[k]
	para := c.paras[pt.para]
	if !pt.closed || pt.para+1 >= len(c.paras) {
		return false
	}
	if _, e := text.TrimSpan(c.t, pt.close, para.End); e > pt.close {
		return false // the paragraph goes on after the quotation
	}
	next := c.paras[pt.para+1]
	if c.a.LineAt(next.Start)-para.Last > 2 {
		return false
	}
	s, e := text.TrimSpan(c.t, next.Start, next.End)
	if s >= e || next.Last != next.First {
		return false
	}
	return sourceLine(c.t[s:e], len(c.a.WordsIn(s, e)))
}

// sourceLine reports whether the trimmed line l of n words names a source.
func sourceLine(l string, n int) bool {
	if n > 8 && n <= 14 && byName(l) {
		return true
	}
	if n == 0 || n > 8 {
		return false
	}
	if l[0] == '(' && l[len(l)-1] == ')' {
		return true
	}
	if handles(l) {
		return true
	}
	if refPattern(l) {
		return true
	}
	// A name: every word capitalised (particles aside), no sentence end, not a
	// label an extractor slips in.
	lr, _ := utf8.DecodeLastRuneInString(l)
	if lr == '.' || lr == '!' || lr == '?' || lr == ':' || n > 5 {
		return false
	}
	ll := strings.ToLower(l)
	for _, junk := range []string{"advertisement", "related", "read more", "share", "photo", "video", "click", "subscribe", "sign up", "comments", "next", "previous"} {
		if strings.HasPrefix(ll, junk) {
			return false
		}
	}
	caps := 0
	for _, w := range strings.Fields(strings.Split(l, ",")[0]) {
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case unicode.IsUpper(r):
			caps++
		case w == "de" || w == "van" || w == "von" || w == "da" || w == "of" || w == "the" || w == "al" || w == "bin":
		default:
			return false
		}
	}
	return caps >= 1
}

// byName reports whether the line l ends in "by" and a capitalised name and has
// no sentence end: a work and its author ("Madrak, in _Creatures of Light and
// Darkness_, by Roger Zelazny").
func byName(l string) bool {
	lr, _ := utf8.DecodeLastRuneInString(l)
	if lr == '.' || lr == '!' || lr == '?' || lr == ':' || strings.ContainsAny(l, "!?") || strings.Contains(l, ". ") {
		return false
	}
	k := strings.LastIndex(l, " by ")
	if k < 0 {
		return false
	}
	name := strings.Fields(l[k+4:])
	if len(name) == 0 || len(name) > 4 {
		return false
	}
	for _, w := range name {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// handles reports whether the line l is made of one to four social-media
// handles ("@SecretaryAcosta @USDOL"), perhaps followed by links: the account
// a post quotes.
func handles(l string) bool {
	fs := strings.Fields(l)
	// A post's link may follow the handles ("@SecretaryAcosta @USDOL
	// https://t.co/…"), as a timeline page shows a quoted post.
	for len(fs) > 1 && (strings.HasPrefix(fs[len(fs)-1], "https://") || strings.HasPrefix(fs[len(fs)-1], "http://")) {
		fs = fs[:len(fs)-1]
	}
	if len(fs) == 0 || len(fs) > 4 {
		return false
	}
	for _, f := range fs {
		if len(f) < 2 || f[0] != '@' {
			return false
		}
	}
	return true
}

// refPattern reports whether l holds a reference: chapter and verse ("3:16"), a
// page ("p.82", "pp. 10-12", "page 4"), or a chapter ("Chapter 4", "ch. 2").
func refPattern(l string) bool {
	for i := 1; i+1 < len(l); i++ {
		if l[i] == ':' && isDigit(l[i-1]) && isDigit(l[i+1]) {
			return true
		}
	}
	ll := strings.ToLower(l)
	for _, pre := range []string{"p.", "pp.", "page ", "chapter ", "ch. ", "ch."} {
		if k := strings.Index(ll, pre); k >= 0 && (k == 0 || ll[k-1] == ' ' || ll[k-1] == '(' || ll[k-1] == ',') {
			rest := strings.TrimLeft(ll[k+len(pre):], " ")
			if rest != "" && isDigit(rest[0]) {
				return true
			}
		}
	}
	return false
}

func isDigit(b byte) bool { return '0' <= b && b <= '9' }

// neighbour returns the sentence next to s in direction dir (-1 or +1), passing
// over up to three "sentences" without a word: markup debris such as a lone "[" or
// "*" that an extractor left on its own line.
func (c *checker) neighbour(s, dir int) int {
	n := s + dir
	for k := 0; k < 3 && n >= 0 && n < len(c.sents); k++ {
		if c.sentenceFlags(n); c.words[n] > 0 {
			break
		}
		n += dir
	}
	return n
}

// sentenceRange returns the indexes of the first and last sentence overlapping
// part pt (lo > hi when none does).
func (c *checker) sentenceRange(pt part) (lo, hi int) {
	ss := c.sents
	lo = sort.Search(len(ss), func(i int) bool { return ss[i].End > pt.open })
	hi = sort.Search(len(ss), func(i int) bool { return ss[i].Start >= pt.close }) - 1
	return lo, hi
}

// cues are the words that name a speaker's act of saying, writing or thinking,
// in any tense, and the nouns of attributed text ("in a statement", "according to",
// "Source:").
var cues = wordSet(
	"say says said saying tell tells told telling add adds added adding ask asks asked asking " +
		"write writes wrote written writing explain explains explained explaining note notes noted noting " +
		"stated declare declares declared reply replies replied replying continue continues continued " +
		"insist insists insisted argue argues argued arguing warn warns warned warning claim claims " +
		"claimed according recall recalls recalled recalling admit admits admitted announce announces " +
		"announced tweet tweets tweeted post posts posted posting comment comments commented respond " +
		"responds responded suggest suggests suggested acknowledge acknowledges acknowledged confirm " +
		"confirms confirmed conclude concludes concluded remark remarks remarked observe observes observed " +
		"urge urges urged quip quips quipped joke jokes joked laugh laughs laughed shout shouts shouted " +
		"yell yells yelled scream screamed whisper whispers whispered whispering cry cries cried exclaim " +
		"exclaimed mutter muttered sigh sighed chant chanted chanting sang sings answer answers answered " +
		"wonder wonders wondered wondering describe describes described mention mentions mentioned " +
		"report reports reported reveal reveals revealed predict predicts predicted promise promises " +
		"promised vow vows vowed pledge pledged boast boasted concede concedes conceded counter countered " +
		"retort retorted reiterate reiterated emphasize emphasized emphasise emphasised stress stresses " +
		"stressed point points pointed caution cautioned lament lamented complain complains complained " +
		"protest protested agree agreed deny denies denied assert asserts asserted maintain maintains " +
		"maintained contend contended allege alleged testify testified recount recounts recounted muse " +
		"mused opine opined reflect reflected elaborate elaborated clarify clarified summed quote quoted " +
		"quoting statement statements interview spokesman spokeswoman spokesperson read reads put puts " +
		"call calls called via message letter texted emailed messaged informed thanked begged pleaded " +
		"demanded ordered snapped interjected interrupted shared shares source sources think thinks " +
		"thinking thought speak speaks spoke speaking talk talks talked")

// subjects are the personal pronouns that show a person acting in a sentence.
var subjects = wordSet("he she they i we his her their my him them our me us")

// starters are capitalised words that open sentences without naming anyone.
var starters = wordSet("the a an this that these those it its there here in on at for with " +
	"but and or so if when while as after before since because although though yet still then " +
	"now today yesterday also however meanwhile what why how who where which some many most all " +
	"no not one two three both each every other another such more less")

// Word classes of classes, one bit per word list.
const (
	english uint8 = 1 << iota
	cue
	subject
	starter
)

// classes maps each word of englishWords, cues, subjects and starters
// to the bits of the lists holding it.
var classes = func() map[string]uint8 {
	m := map[string]uint8{}
	for _, l := range []struct {
		set map[string]bool
		bit uint8
	}{{englishWords, english}, {cues, cue}, {subjects, subject}, {starters, starter}} {
		for w := range l.set {
			m[w] |= l.bit
		}
	}
	return m
}()

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	w := 0
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == ' ' {
			if i > w {
				m[s[w:i]] = true
			}
			w = i + 1
		}
	}
	return m
}

// sentenceFlags returns (and remembers) what sentence s says in the words outside
// every quotation.
func (c *checker) sentenceFlags(s int) uint8 {
	if c.flags[s]&flagDone != 0 {
		return c.flags[s]
	}
	f := flagDone
	sp := c.sents[s]
	t := c.t
	parts := c.parts
	pi := sort.Search(len(parts), func(i int) bool { return parts[i].inEnd > sp.Start })
	if k := skipMarkup(t, sp.Start, sp.End); k < sp.End {
		r, _ := utf8.DecodeRuneInString(t[k:sp.End])
		if isDoubleQuote(r) || pi < len(parts) && parts[pi].in <= k {
			// It opens with a quote mark, or inside a quotation that began in
			// an earlier sentence.
			f |= flagQuote
		}
	}
	var buf [24]byte
	nth := 0          // index of the word among those outside quotations
	prevSubj := false // the previous outside word was a subject pronoun or a name
	ws := c.a.WordsIn(sp.Start, sp.End)
	c.words[s] = int32(len(ws))
	for _, w := range ws {
		lw := lower(buf[:0], t[w.Start:w.End])
		// One lookup answers the four word lists (it ran once per list).
		class := classes[lw]
		if class&english != 0 {
			c.english[s]++
		}
		for pi < len(parts) && parts[pi].inEnd <= w.Start {
			pi++
		}
		if pi < len(parts) && parts[pi].in <= w.Start {
			prevSubj = false
			continue // inside a quotation: the speaker's words, not the writer's
		}
		r, _ := utf8.DecodeRuneInString(t[w.Start:w.End])
		switch {
		case class&cue != 0:
			f |= flagCue
		case class&subject != 0:
			f |= flagPerson
		case prevSubj && unicode.IsLower(r) && len(lw) > 3 && lw[len(lw)-2:] == "ed":
			// "he defended", "Smith conceded": a person's act the cue list lacks.
			f |= flagCue
		case nth == 0 && unicode.IsUpper(r) && class&starter == 0:
			// A sentence opening with a name: "Yun Che goes", "Alley also brought".
			f |= flagPerson
		}
		prevSubj = class&subject != 0 || unicode.IsUpper(r) && class&starter == 0
		nth++
	}
	c.flags[s] = f
	return f
}

func skipMarkup(t string, i, end int) int {
	for i < end && (t[i] == '*' || t[i] == '_' || t[i] == '>' || t[i] == ' ' || t[i] == '(' || t[i] == '[') {
		i++
	}
	return i
}

// introducedBefore reports whether the previous paragraph leads into the quote at
// open with a colon, comma or dash ("He put it plainly:", "Q:", "Smith —",
// "thus moralised to herself:--").
func (c *checker) introducedBefore(open int) bool {
	t := c.t
	i := open
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(t[:i])
		if !unicode.IsSpace(r) && r != '*' && r != '_' && r != '>' {
			// "--" is the typewriter's dash ("she said to herself:--").
			return r == ':' || r == ',' || r == '\u2014' || r == '\u2013' || r == '-' && strings.HasSuffix(t[:i], "--")
		}
		i -= n
	}
	return false
}

// tagAfter reports whether the words right after a closing mark, in the same
// sentence, are a speech tag with a verb the cue list lacks ("…!" laughed Smith):
// a past-tense verb among the first few words.
func (c *checker) tagAfter(pt part, end int) bool {
	if pt.close >= end {
		return false
	}
	ws := c.a.WordsIn(pt.close, end)
	if len(ws) > 3 {
		ws = ws[:3]
	}
	var buf [24]byte
	for _, w := range ws {
		lw := lower(buf[:0], c.t[w.Start:w.End])
		r, _ := utf8.DecodeRuneInString(c.t[w.Start:w.End])
		if unicode.IsLower(r) && len(lw) > 3 && lw[len(lw)-2:] == "ed" {
			return true
		}
	}
	return false
}

// bylineAfter reports whether the quotation ending with part k is followed by a
// byline: a dash and a name, a numbered book or a handle, in its paragraph or at
// the start of the next ("— Albert Einstein", "--1 Kings x. 24.", "- @jack"), or the rest of its paragraph being a short line with no
// sentence in it ("Ateya, Grade 9, Herat").
func (c *checker) bylineAfter(k int) bool {
	t := c.t
	pt := c.parts[k]
	i := pt.close
	ownLine := false
	for i < len(t) {
		r, n := utf8.DecodeRuneInString(t[i:])
		if !unicode.IsSpace(r) {
			break
		}
		ownLine = ownLine || r == '\n'
		i += n
	}
	para := c.paras[pt.para]
	if ownLine && c.sourceBlockAt(pt, i) {
		return true
	}
	r, n := utf8.DecodeRuneInString(t[i:])
	switch r {
	case '-', '\u2013', '\u2014', '\u2015', '~':
		i += n
		// The source may wrap onto the next line, leaving the dash alone at
		// the end of the quote's line.
		breaks := 0
		for i < len(t) && (t[i] == ' ' || t[i] == '\t' || t[i] == '-' || t[i] == '\n' && breaks == 0) {
			if t[i] == '\n' {
				breaks++
			}
			i++
		}
		// A name, a numbered book ("--1 Kings x. 24.", "— 2 Samuel") or a
		// handle ("- @jack").
		r, _ = utf8.DecodeRuneInString(t[i:])
		switch {
		case unicode.IsUpper(r):
			return true
		case i < len(t) && isDigit(t[i]):
			return strings.IndexFunc(t[i:min(len(t), i+8)], unicode.IsUpper) > 0
		case r == '@' && i+1 < len(t):
			r2, _ := utf8.DecodeRuneInString(t[i+1:])
			return unicode.IsLetter(r2) || isDigit(t[i+1]) || t[i+1] == '_'
		}
		return false
	}
	if i >= para.End || !unicode.IsUpper(r) || k+1 < len(c.parts) && c.parts[k+1].para == pt.para {
		return false
	}
	if len(c.a.WordsIn(i, para.End)) > 12 {
		return false
	}
	for ; i < para.End; i++ {
		switch t[i] {
		case '.', '!', '?':
			return false
		}
	}
	return true
}

// sourceBlockAt reports whether the lines from i (the first byte after the
// white space that follows the quotation part pt, on a line of its own) up to
// the next blank line, or up to the next line that opens a quotation, are a
// source set under the quote as quotation files and epigraphs set it: a
// dash-led line ("-- from \"The Graduate\"", "-- an anonymous programmer",
// "- broadcast from Apollo 11's LEM") or a line in parentheses ("(Linus
// Torvalds about ...)"), with its wrapped continuation. Whatever follows the
// dash says where the words come from, even "unknown": the page states the
// source. At most one blank line may come between the quote and its source. A
// dash-led line followed by another dash-led line is a list, not a source, and
// a long block is prose.
func (c *checker) sourceBlockAt(pt part, i int) bool {
	t := c.t
	if c.a.LineAt(i)-c.a.LineAt(pt.close) > 2 {
		return false
	}
	j, lines := i, 0
	for j < len(t) {
		nl := strings.IndexByte(t[j:], '\n')
		if nl < 0 {
			j = len(t)
			break
		}
		lines++
		next := j + nl + 1
		rest := t[next:]
		if e := strings.IndexByte(rest, '\n'); e >= 0 {
			rest = rest[:e]
		}
		rest = strings.TrimSpace(rest)
		if rest == "" || lines > 3 {
			j = next - 1
			break
		}
		r, _ := utf8.DecodeRuneInString(rest)
		if r == '-' || r == '*' || r == '\u2013' || r == '\u2014' || r == '\u2022' {
			return false // a list of dash-led items, not one source
		}
		if isDoubleQuote(r) {
			j = next - 1
			break
		}
		j = next
	}
	block := strings.TrimSpace(t[i:j])
	if block == "" || lines > 3 || len(c.a.WordsIn(i, j)) > 30 {
		return false
	}
	switch {
	case strings.HasPrefix(block, "--"), strings.HasPrefix(block, "\u2014"), strings.HasPrefix(block, "\u2015"):
		return len(strings.TrimLeft(block, "-\u2014\u2015 \t")) > 0
	case strings.HasPrefix(block, "- "), strings.HasPrefix(block, "\u2013 "):
		return true
	case block[0] == '(' && block[len(block)-1] == ')':
		return true
	}
	return false
}

// labelLineBefore reports whether the quotation opens its paragraph right after a
// short line that is not a sentence: a speaker label ("The Russian and Syrian
// defense ministries", "Gary says" and its date line), a donor caption, a teaser
// headline. Such a line names or stands for the speaker in the page's layout.
func (c *checker) labelLineBefore(pt part) bool {
	if !pt.atParaStart || pt.para == 0 {
		return false
	}
	prev := c.paras[pt.para-1]
	if c.a.LineAt(pt.open)-prev.Last > 2 {
		return false // a gap of several blank lines separates them
	}
	s, e := text.TrimSpan(c.t, prev.Start, prev.End)
	if s < e && postedLine(c.t[s:e]) {
		return true // a comment's own words, right under its author and time
	}
	if n := len(c.a.WordsIn(prev.Start, prev.End)); n > 8 && !(n <= 16 && aboutHeadline(c.t[s:e])) {
		return false
	}
	for s < e && (c.t[s] == '#' || c.t[s] == ' ' || c.t[s] == '*' || c.t[s] == '_') {
		s++ // a markdown heading or bold line is a label too
	}
	if s >= e {
		return false
	}
	r, _ := utf8.DecodeRuneInString(c.t[s:e])
	if !unicode.IsUpper(r) {
		return false
	}
	switch c.t[e-1] {
	case '!', '?':
		return false
	case '.':
		// "Mark Person, Richmond, Va." ends in an abbreviation, not a sentence.
		ws := c.a.WordsIn(s, e)
		if len(ws) == 0 {
			return false
		}
		w := c.t[ws[len(ws)-1].Start:ws[len(ws)-1].End]
		r, _ := utf8.DecodeRuneInString(w)
		return unicode.IsUpper(r) && len(w) <= 4
	}
	return true
}

// speakerBeforeInterstitials reports whether the quotation opening paragraph
// pt.para (its first sentence lo) follows lines an extractor slipped in (an
// image, a caption and its credit, a subheading, "SEE MORE: …") and, before
// them, a paragraph whose last sentence names a speaker or is itself a
// quotation: in the page, the quotes stood one after the other, and a reader
// takes the second for the same speaker's.
func (c *checker) speakerBeforeInterstitials(pt part, lo int) bool {
	if !pt.atParaStart || lo == 0 || c.sents[lo-1].End > c.paras[pt.para].Start {
		return false
	}
	k := pt.para - 1
	skipped := 0
	for k >= 0 && skipped < 4 && c.interstitial(k) {
		k--
		skipped++
	}
	if k < 0 {
		return false
	}
	// The paragraph before is itself a quotation: it opens with one, or it ends
	// inside one ("warning: “They are …"). A narrative paragraph, or a lead-in
	// to something the page left out, gives the next quote no speaker.
	i := sort.Search(len(c.parts), func(i int) bool { return c.parts[i].para >= k })
	j := sort.Search(len(c.parts), func(i int) bool { return c.parts[i].para > k }) - 1
	if i > j {
		// A paragraph whose marks do not pair (a quote inside the quote, in
		// the same straight marks: "…every time he says "never." Was …?")
		// holds no part, but one that opens with a mark is a quotation too.
		ps, pe := text.TrimSpan(c.t, c.paras[k].Start, c.paras[k].End)
		r, _ := utf8.DecodeRuneInString(c.t[ps:pe])
		return skipped > 0 && ps < pe && isDoubleQuote(r)
	}
	if !c.parts[i].atParaStart && c.parts[j].closed {
		return false
	}
	end := c.paras[k].End
	s := sort.Search(len(c.sents), func(i int) bool { return c.sents[i].Start >= end }) - 1
	// A caption flattened into the end of that paragraph ("… of the CDF.  A
	// reference module compared to its equivalent. Credit: ESA") is passed over
	// the same way: its credit sentence and the sentence it credits.
	if s >= 0 && c.creditSentence(s) {
		s -= 2
		skipped++
	}
	if skipped == 0 || s < 0 || c.sents[s].End <= c.paras[k].Start {
		return false
	}
	return c.sentenceFlags(s)&(flagCue|flagQuote) != 0
}

// creditLabels open or close the credit line of an image caption.
var creditLabels = []string{"(image", "(photo", "(picture", "(pic", "credit:", "photo:", "image:", "picture:", "(getty", "(reuters", "(ap)", "(afp", "(pa)"}

// creditSentence reports whether sentence s is a caption's credit ("Credit:
// ESA", "(Image: GETTY)"): a few words, no quotation, a credit label.
func (c *checker) creditSentence(s int) bool {
	sp := c.sents[s]
	st, e := text.TrimSpan(c.t, sp.Start, sp.End)
	if st >= e || e-st > 80 || hasQuoteMark(c.t[st:e]) {
		return false
	}
	l := strings.ToLower(c.t[st:e])
	for _, credit := range creditLabels {
		if strings.HasPrefix(l, credit) || strings.HasPrefix(l, credit[min(1, len(credit)):]) && credit[0] == '(' {
			return true
		}
	}
	return false
}

// interstitial reports whether paragraph k is a line an extractor slips between
// the paragraphs of an article: an image, a caption ending in its credit
// ("(Image: GETTY)", "Credit: ESA"), or a short line that ends no sentence (a
// subheading, "Advertisement", "SEE MORE: [link](…)"). It holds no quotation.
func (c *checker) interstitial(k int) bool {
	p := c.paras[k]
	s, e := text.TrimSpan(c.t, p.Start, p.End)
	if s >= e {
		return true
	}
	l := c.t[s:e]
	if strings.HasPrefix(l, "![") || strings.HasPrefix(l, "[![") || strings.HasPrefix(l, "<img") {
		return true
	}
	if hasQuoteMark(l) || p.Last-p.First > 2 {
		return false
	}
	n := visibleWords(l)
	if n > 40 {
		return false
	}
	tail := strings.ToLower(l[max(0, len(l)-48):])
	for _, credit := range creditLabels {
		if strings.Contains(tail, credit) {
			return true
		}
	}
	if citation(l) {
		return true
	}
	lr, _ := utf8.DecodeLastRuneInString(l)
	switch lr {
	case '.', '!', '?', '\u2026', ':', ';', ',':
		if !cutTeaser(l) {
			return false
		}
	}
	return n <= 15
}

// visibleWords counts the words of l a reader sees: link targets ("](…)") left out.
func visibleWords(l string) int {
	n := 0
	for l != "" {
		if i := strings.Index(l, "]("); i >= 0 {
			n += len(strings.Fields(l[:i+1]))
			j := strings.IndexByte(l[i:], ')')
			if j < 0 {
				return n
			}
			l = l[i+j+1:]
			continue
		}
		n += len(strings.Fields(l))
		break
	}
	return n
}

// answersQuestion reports whether the quotation opens its paragraph right after
// a paragraph that is one short question with no quotation in it: an
// interview's question, whose answer is the interviewee's.
func (c *checker) answersQuestion(pt part) bool {
	if !pt.atParaStart || pt.para == 0 {
		return false
	}
	prev := c.paras[pt.para-1]
	if c.a.LineAt(pt.open)-prev.Last > 2 || prev.Last != prev.First {
		return false
	}
	s, e := text.TrimSpan(c.t, prev.Start, prev.End)
	if s >= e || c.t[e-1] != '?' || hasQuoteMark(c.t[s:e]) {
		return false
	}
	n := len(c.a.WordsIn(s, e))
	return n >= 2 && n <= 20
}

// postedLine reports whether l is the time line a forum or comment section sets
// between a poster's name and the post: "· 6 yr. ago", "3 hours ago",
// "March 3, 2020 at 5:12 pm".
func postedLine(l string) bool {
	if len(l) > 48 || hasQuoteMark(l) {
		return false
	}
	ll := strings.ToLower(strings.TrimRight(l, " ."))
	if strings.HasSuffix(ll, " ago") {
		return true
	}
	for i := 1; i+3 < len(ll); i++ {
		if ll[i] == ':' && isDigit(ll[i-1]) && isDigit(ll[i+1]) && isDigit(ll[i+2]) {
			rest := strings.TrimLeft(ll[i+3:], " ")
			if strings.HasPrefix(rest, "am") || strings.HasPrefix(rest, "pm") {
				return true
			}
		}
	}
	return false
}

// aboutHeadline reports whether l is a teaser headline of the form "Who on what"
// ("NYS environmental commish on what the ruling means"): the words before " on "
// (at most five) name the speaker of the quote under it. It ends no sentence.
func aboutHeadline(l string) bool {
	if l == "" || hasQuoteMark(l) {
		return false
	}
	switch l[len(l)-1] {
	case '.', '!', '?', ':', ';', ',':
		return false
	}
	i := strings.Index(l, " on ")
	if i <= 0 {
		return false
	}
	n := len(strings.Fields(l[:i]))
	return n >= 1 && n <= 5
}
