package boilerplate

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/corpuslint/corpuslint/rules/text"
	"github.com/corpuslint/corpuslint/rules/text/markupscan"
	"github.com/corpuslint/corpuslint/rules/text/wordset"
)

// Two kinds of page furniture read as text to the line model but have a shape
// of their own, which this file finds: markup a converter let through (tags,
// attribute lists wrapped over several lines, style sheets, scripts) and the
// reader comments under a blog post. Like captions and notices they are evidence
// (evidence), not model features.

// A line is leaked markup when HTML tags, character references or code make up
// at least markupShare of its visible bytes and at most markupLetters
// letters stand outside them: "<span id="dfp-ad-billboard"></span>", an
// "<img ... srcset=" tag wrapped over ten lines, ".nav a:hover,". A line of
// article text with a stray tag in it keeps its words and is not one.
const (
	markupShare   = 0.5
	markupLetters = 20
)

// markupLeaks marks in tags the lines of ls that are mostly HTML tags and
// character references, and in code the lines of style sheets, scripts and JSON.
// t is the document's text. Code is told apart because an article may quote
// code between its paragraphs; a page's own markup it never prints.
func markupLeaks(t string, ls []line, tags, code []bool) {
	if strings.IndexByte(t, '<') >= 0 || strings.IndexByte(t, '&') >= 0 {
		markupSpans(t, ls, tags)
	}
	weak := -1 // the last line of code too weak to count alone ("color: #c00;")
	for i := range ls {
		if tags[i] {
			continue
		}
		s := t[ls[i].start:ls[i].end]
		if last := s[len(s)-1]; ls[i].code == 0 && last != ',' && last != '{' {
			continue
		}
		kind, strong := markupscan.CodeLine(s)
		switch {
		case strong || selectorLine(s):
			code[i] = true
		case kind != "":
			weak = i
		}
	}
	if weak < 0 {
		return
	}
	// A weak line of code next to markup is markup too.
	for i := range ls {
		if tags[i] || code[i] || ls[i].code == 0 {
			continue
		}
		near := i > 0 && (tags[i-1] || code[i-1]) || i+1 < len(ls) && (tags[i+1] || code[i+1])
		if near && weakCode(t[ls[i].start:ls[i].end]) {
			code[i] = true
		}
	}
}

// weakCode reports whether s is a line of code that needs code around it to
// count ("color: #c00; text-decoration: none;", "x = y;").
func weakCode(s string) bool {
	kind, strong := markupscan.CodeLine(s)
	return kind != "" && !strong
}

// markupSpans finds the tags and character references of t and marks the
// lines they mostly cover. A tag may run over several lines (a converter that
// wraps its output wraps the attribute lists too).
func markupSpans(t string, ls []line, leak []bool) {
	var sc markupscan.Scanner
	li := 0 // the first line that may hold the next span
	cur, covered, covLetters := -1, 0, 0
	flush := func() {
		if cur >= 0 {
			leak[cur] = mostlyMarkup(t, &ls[cur], covered, covLetters)
		}
		cur, covered, covLetters = -1, 0, 0
	}
	for i := 0; i < len(t); {
		k := strings.IndexAny(t[i:], "<&")
		if k < 0 {
			break
		}
		i += k
		end := 0
		if t[i] == '<' {
			e, _, ok := markupscan.ParseTag(t, i, &sc)
			if !ok {
				i++
				continue
			}
			end = e
		} else {
			n, _, ok := markupscan.Entity(t, i)
			if !ok {
				i++
				continue
			}
			end = i + n
		}
		// Credit the span's bytes to the lines it overlaps.
		for li < len(ls) && int(ls[li].end) <= i {
			li++
		}
		for j := li; j < len(ls) && int(ls[j].start) < end; j++ {
			from, to := max(i, int(ls[j].start)), min(end, int(ls[j].end))
			if from >= to {
				continue
			}
			if j != cur {
				flush()
				cur = j
			}
			for _, c := range t[from:to] {
				if !unicode.IsSpace(c) {
					covered += utf8.RuneLen(c)
				}
				if unicode.IsLetter(c) {
					covLetters++
				}
			}
		}
		i = end
	}
	flush()
}

// mostlyMarkup reports whether covered visible bytes (covLetters of them
// letters) make line bl leaked markup.
func mostlyMarkup(t string, bl *line, covered, covLetters int) bool {
	if int(bl.letters)-covLetters > markupLetters {
		return false
	}
	visible := 0
	for _, c := range t[bl.start:bl.end] {
		if !unicode.IsSpace(c) {
			visible += utf8.RuneLen(c)
		}
	}
	return visible > 0 && float64(covered) >= markupShare*float64(visible)
}

// selectorLine reports whether s is a line of a style sheet's selector list:
// comma-separated selectors (".basel-sticky-btn .basel-sticky-add-to-cart,",
// "button:hover,", "#nav > li a {"), each a run of simple selectors whose
// element names are HTML elements. It must end with "," or "{" and hold a class,
// id or pseudo-class. "in the U.S. and abroad," is prose: "in" is no element.
func selectorLine(s string) bool {
	if len(s) < 4 || len(s) > 300 {
		return false
	}
	if last := s[len(s)-1]; last != ',' && last != '{' {
		return false
	}
	marked := false
	for _, tok := range strings.Fields(strings.ReplaceAll(s[:len(s)-1], ",", " ")) {
		switch tok {
		case ">", "+", "~", "*":
			continue
		}
		k := strings.IndexAny(tok, ".#:[")
		if k < 0 {
			k = len(tok)
		}
		if el := tok[:k]; el != "" && el != "*" && !markupscan.Elements[strings.ToLower(el)] {
			return false
		}
		rest := tok[k:]
		if rest == "" {
			continue
		}
		for i := 0; i < len(rest); i++ {
			c := rest[i]
			if !(text.IsAlnum(c) || strings.IndexByte("-_.#:[]=\"'()*", c) >= 0) {
				return false
			}
			if (c == '.' || c == '#' || c == ':') && (i+1 == len(rest) || rest[i+1] == '.' || rest[i+1] == '#' || text.IsDigit(rest[i+1])) {
				return false // "U.S." or "a.", not ".class"
			}
		}
		marked = true
	}
	return marked
}

// Reader comments. A comment opens with a header naming its writer and the time
// of writing, on one line ("Catherine (GiveWell) on September 13, 2018 at 5:23
// pm said:") or on two (a short name line, then "August 22, 2018 at 5:57 am");
// its text follows. A thread is at least threadHeaders headers each followed
// by a sentence, with a comment heading ("6 thoughts on “…”", "Comments", "Leave
// a Reply") near them: without that heading, a live blog's timestamped entries
// would look the same.
const (
	threadHeaders = 2
	threadBody    = 30 // lines after a header in which its sentence must come
	threadCueLead = 6  // lines before the first header in which the heading may stand
	threadEndProb = 0.5
)

// commentThread marks in thread the lines of the reader comments in ls: from
// the comment heading (or the first header) to the end of the last comment.
func commentThread(t string, ls []line, prob []float64, thread []bool) {
	n := len(ls)
	var heads []int
	for i := 0; i < n; i++ {
		if ls[i].words > threadHeaderWords || !mayHoldTime(&ls[i]) && (i+1 >= n || !mayHoldTime(&ls[i+1])) {
			continue
		}
		s := t[ls[i].start:ls[i].end]
		switch {
		case headerLine(s):
			heads = append(heads, i)
		case i+1 < n && nameLine(s, &ls[i]) && dateTimeLine(t[ls[i+1].start:ls[i+1].end], &ls[i+1]):
			i++ // a header of two lines is known by its second
			heads = append(heads, i)
		}
	}
	if len(heads) < threadHeaders {
		return
	}
	// Keep the headers a sentence follows.
	kept := heads[:0]
	for k, h := range heads {
		next := min(n, h+threadBody)
		if k+1 < len(heads) {
			next = min(next, heads[k+1])
		}
		for j := h + 1; j < next; j++ {
			if ls[j].has(lfProse) {
				kept = append(kept, h)
				break
			}
		}
	}
	heads = kept
	if len(heads) < threadHeaders {
		return
	}
	first, last := heads[0], heads[len(heads)-1]
	if first > 0 && !headerLine(t[ls[first].start:ls[first].end]) {
		first-- // the name line above the date
	}
	start := -1
	for j := max(0, first-threadCueLead); j < min(n, last+threadBody); j++ {
		if commentCue(t[ls[j].start:ls[j].end], &ls[j]) {
			start = min(j, first)
			break
		}
	}
	if start < 0 {
		return
	}
	// The last comment runs over its text up to the first line of furniture.
	end := last + 1
	for end < n && (ls[end].has(lfProse) || prob[end] < threadEndProb) {
		end++
	}
	for j := start; j < end; j++ {
		thread[j] = true
	}
}

// threadHeaderWords bounds a comment header's words.
const threadHeaderWords = 16

// mayHoldTime is a cheap test that line bl may hold a clock time: a word
// starting with a digit.
func mayHoldTime(bl *line) bool { return bl.digits > 0 }

// clock reports whether s holds a clock time "5:23" or "17:05".
func clock(s string) bool {
	for i := 1; i+2 < len(s); i++ {
		if s[i] == ':' && text.IsDigit(s[i-1]) && text.IsDigit(s[i+1]) && text.IsDigit(s[i+2]) && (i+3 == len(s) || !text.IsDigit(s[i+3])) {
			return true
		}
	}
	return false
}

// year reports whether s holds a year 1900–2099 as a word of its own.
func year(s string) bool {
	for i := 0; i+4 <= len(s); i++ {
		if (s[i] == '1' && s[i+1] == '9' || s[i] == '2' && s[i+1] == '0') && text.IsDigit(s[i+2]) && text.IsDigit(s[i+3]) &&
			(i == 0 || !text.IsDigit(s[i-1])) && (i+4 == len(s) || !text.IsDigit(s[i+4])) {
			return true
		}
	}
	return false
}

// timeConnectors are the words a date and time line may hold besides dates,
// times and numbers ("August 22, 2018 at 5:57 am", "22 de agosto de 2018 às
// 17:57", "22. August 2018 um 17:57 Uhr").
var timeConnectors = wordset.Parse(`at @ - – — um uhr à às a alle ore las de del di of the on o le am h в г г. pukul jam kl kl. klo`)

// commentMonths are month names in the languages of the labeled pages and their
// neighbours, for comment dates only (the line model's date words stay English).
var commentMonths = wordset.Parse(`jan january feb february mar march apr april may jun june jul july aug august
sep sept september oct october nov november dec december
januar februar märz april mai juni juli august september oktober november dezember jän
janvier février mars avril mai juin juillet août septembre octobre novembre décembre
enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre
janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro
gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre
januari februari maart april mei juni juli augustus september oktober november december
maret agustus desember
января февраля марта апреля мая июня июля августа сентября октября ноября декабря
январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь`)

// dateTimeWords reports whether s is a date and a clock time and nothing else:
// month and weekday names, numbers and a few connectors.
func dateTimeWords(s string) bool {
	if !clock(s) {
		return false
	}
	month := false
	for _, w := range strings.Fields(s) {
		w = strings.Trim(w, ",.*_()[]|")
		if w == "" {
			continue
		}
		lw := strings.ToLower(w)
		switch {
		case text.IsDigit(w[0]):
		case commentMonths[lw]:
			month = true
		case dateWords[lw]:
		case timeConnectors[lw]:
		default:
			return false
		}
	}
	return month || year(s) || strings.Count(s, "/") == 2
}

// dateTimeLine reports whether line s (measured in bl) is a date and time
// alone: "August 22, 2018 at 5:57 am", "11/20/2019 01:19 AM".
func dateTimeLine(s string, bl *line) bool {
	return bl.words <= 10 && bl.digits > 0 && dateTimeWords(s)
}

// saidWords end a one-line comment header ("… at 5:23 pm said:").
var saidWords = []string{"said:", "says:", "wrote:", "writes:", "commented:", "dice:", "disse:", "escreveu:",
	"escribió:", "schreibt:", "sagt:", "a écrit :", "a écrit:", "a dit :", "a dit:", "scrive:", "schreef:", "zegt:",
	"написал:", "написала:", "пишет:", "berkata:"}

// headerSeps part a one-line comment header's name from its date: "on", "am",
// "em", ... or a word of saidWords ("Jane says: March 3, 2015 at 4:12 pm").
var headerSeps = func() []string {
	seps := []string{" on ", " says ", " said ", " em ", " am ", " le ", " el ", " il ", " op ", " pada "}
	for _, w := range saidWords {
		seps = append(seps, " "+w+" ")
	}
	return seps
}()

// headerLine reports whether s is a one-line comment header: a name, "on" or
// "says", then a date and time, perhaps closed by "said:".
func headerLine(s string) bool {
	if !clock(s) {
		return false // most short lines with a number hold no time: spare them the rest
	}
	low := strings.ToLower(s)
	for _, w := range saidWords {
		if strings.HasSuffix(low, w) {
			low = strings.TrimSpace(low[:len(low)-len(w)])
			break
		}
	}
	for _, sep := range headerSeps {
		k := strings.LastIndex(low, sep)
		if k <= 0 {
			continue
		}
		name := low[:k]
		if len(strings.Fields(name)) > 6 || strings.ContainsAny(name, ".!?") {
			return false
		}
		return dateTimeWords(low[k+len(sep):])
	}
	return false
}

// nameLine reports whether s could be a commenter's name above a date line:
// at most five words, no sentence end, no byline, link or markup.
func nameLine(s string, bl *line) bool {
	if bl.words == 0 || bl.words > 5 || bl.has(lfByline) || bl.linkBytes > 0 {
		return false
	}
	low := strings.ToLower(strings.TrimSpace(s))
	for _, w := range saidWords {
		if strings.HasSuffix(low, w) {
			low = strings.TrimSpace(low[:len(low)-len(w)])
			break
		}
	}
	if low == "" || strings.HasPrefix(low, "by ") || strings.ContainsAny(low, "[]!/<>@#|:?") || strings.Contains(low, "http") {
		return false
	}
	switch low[len(low)-1] {
	case '.', ',', ';':
		return false
	}
	return true
}

// commentCues open a comment section, in several languages.
var commentCues = []string{"comments", "comment", "thoughts on", "thought on", "responses", "response to",
	"replies", "reply", "leave a reply", "leave a comment", "join the discussion", "discussion",
	"kommentare", "kommentar", "schreibe einen kommentar", "antworten", "comentários", "comentário",
	"comentarios", "comentario", "deixe um comentário", "deixe uma resposta", "respostas", "deja un comentario",
	"respuestas", "commentaires", "commentaire", "laisser un commentaire", "réponses", "commenti", "commento",
	"lascia un commento", "risposte", "reacties", "reactie", "komentarze", "komentar", "tinggalkan komentar",
	"комментарии", "комментарий", "отзывы"}

// commentCue reports whether s is a comment heading: "Comments", "6 thoughts
// on “How to …”", "10 Responses to …", "Leave a Reply".
func commentCue(s string, bl *line) bool {
	if bl.words > 12 {
		return false
	}
	low := strings.ToLower(s)
	low = strings.TrimLeftFunc(low, func(r rune) bool { return !unicode.IsLetter(r) })
	for _, c := range commentCues {
		if strings.HasPrefix(low, c) && (len(low) == len(c) || !letterAt(low, len(c))) {
			return true
		}
	}
	return false
}

// letterAt reports whether s holds a letter at byte i.
func letterAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r)
}
