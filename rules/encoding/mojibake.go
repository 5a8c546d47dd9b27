package encoding

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/corpuslint/corpuslint/rules"
	"github.com/corpuslint/corpuslint/rules/text"
)

// Mojibake returns the mojibake rule: UTF-8 text that was decoded as Windows-1252
// or Latin-1 ("Ã©" for "é", "â€™" for "’").
func Mojibake() rules.Rule { return mojibake{} }

type mojibake struct{}

func (mojibake) Meta() rules.Meta {
	return rules.Meta{
		Name:     "mojibake",
		Grouped:  true,
		Category: rules.Encoding,
		Severity: rules.Warning,
		Fixable:  true,
		Title:    "UTF-8 text that was decoded as Windows-1252 or Latin-1",
		Doc: `Flags mojibake: characters encoded in UTF-8 whose bytes were read back as
Windows-1252 or Latin-1, so that "é" shows as "Ã©", "ü" as "Ã¼", "’" as "â€™",
"“" as "â€œ", "—" as "â€”" and an emoji as "ðŸ˜€".

A candidate is a run of UTF-8 sequences in disguise, as ftfy's UTF8_DETECTOR_RE
finds them: a character standing for a lead byte (Â to ô) followed by the
characters standing for the continuation bytes it needs (0x80 to 0xBF in
Windows-1252, or the C1 control of that value), not right after such a
continuation character. Like ftfy, the rule also wants it to look wrong, not
only to decode: two or more sequences in a row, or any three- or four-byte
sequence ("â€™", "ä¸­"), or "Ã" or "Â" before a continuation character (except
closing punctuation after a word in capitals, as in "IRMÃ”"), or "Ä" to "È"
(Central European letters such as "Å¡", "Ä‡") next to a lower-case letter or a
digit or before a symbol that is nearly always mojibake. Any other lone two-byte
sequence is left alone: "É»", "Ñ”", "ß…" and "×½" are real text. So is a run
between other Latin-1 letters and symbols, which is the garble of another
encoding (GBK or Big5 read as Latin-1) that decoding as UTF-8 does not mend. The
rule also flags "â€" whose last byte was lost, and "Â " or "Ã " after a
lower-case letter where a no-break space became a plain space.

The safe fix re-encodes the run as Windows-1252 and decodes it as UTF-8 (again,
for text encoded twice) when the result is valid UTF-8 made of plain
characters: no control characters, no U+FFFD, nothing private or unassigned.
"Â" before a space is deleted, and "Ã" before two spaces becomes "à". Where a
byte was lost or changed the finding has no fix.`,
		Bad:  "Selber kochen kÃ¶nnen â€“ das ist unser Motto.",
		Good: "Selber kochen können – das ist unser Motto.",
	}
}

// mojiRun is one flagged run: bytes [start, end) and its repair ("" with
// fix false when the repair is uncertain).
type mojiRun struct {
	start, end int
	repl       string
	fix        bool
}

func (mojibake) Check(p *rules.Pass) {
	text := p.Analysis.Text()
	// Every lead character (U+00C2 to U+00F4) is encoded as 0xC3 0x82-0xB4.
	if strings.IndexByte(text, 0xC3) < 0 {
		return
	}
	var runs []mojiRun
	i := 0
	for {
		k := strings.IndexByte(text[i:], 0xC3)
		if k < 0 {
			break
		}
		pos := i + k
		r, n := utf8.DecodeRuneInString(text[pos:])
		if leadLen(r) == 0 {
			i = pos + n
			continue
		}
		run, end, ok := mojiAt(text, pos)
		if ok {
			runs = append(runs, run)
			i = end
			continue
		}
		i = pos + n
	}
	if len(runs) == 0 {
		return
	}
	// Runs in one word (no white space between) make one finding.
	for g := 0; g < len(runs); {
		h := g + 1
		for h < len(runs) && runs[h].start-runs[h-1].end <= 40 && !hasSpace(text[runs[h-1].end:runs[h].start]) {
			h++
		}
		reportMojibake(p, text, runs[g:h])
		g = h
	}
}

func hasSpace(s string) bool {
	for _, r := range s {
		if unicode.IsSpace(r) {
			return true
		}
	}
	return false
}

func reportMojibake(p *rules.Pass, txt string, runs []mojiRun) {
	s, e := runs[0].start, runs[len(runs)-1].end
	fixable := true
	for _, r := range runs {
		fixable = fixable && r.fix
	}
	shown := text.Shorten(txt[s:e], 40)
	f := rules.Finding{Start: s, End: e}
	if !fixable {
		f.Message = fmt.Sprintf("mojibake %q: UTF-8 read as Windows-1252, but a byte was lost or changed, so the repair is uncertain", shown)
		p.Report(f)
		return
	}
	var b strings.Builder
	last := s
	for _, r := range runs {
		b.WriteString(txt[last:r.start])
		b.WriteString(r.repl)
		last = r.end
	}
	repl := b.String()
	f.Message = fmt.Sprintf("mojibake %q: UTF-8 read as Windows-1252; it should read %q", shown, text.Shorten(repl, 40))
	fixMsg := fmt.Sprintf("decode as UTF-8: %q", text.Shorten(repl, 40))
	if repl == "" {
		f.Message = fmt.Sprintf("mojibake %q before a space: the rest of a no-break space read as Windows-1252", shown)
		fixMsg = fmt.Sprintf("delete %q", shown)
	}
	f.Fix = &rules.Fix{
		Message:       fixMsg,
		Applicability: rules.Safe,
		Edits:         []rules.Edit{{Start: s, End: e, NewText: repl}},
	}
	p.Report(f)
}

// mojiAt looks for a mojibake run starting with the lead character at
// text[pos:]. It returns the run, where scanning goes on, and whether it found one.
func mojiAt(text string, pos int) (mojiRun, int, bool) {
	lead, ln := utf8.DecodeRuneInString(text[pos:])
	prev := rune(-1)
	if pos > 0 {
		prev, _ = utf8.DecodeLastRuneInString(text[:pos])
	}
	// ftfy does not start a run right after a continuation character, so as not
	// to mend a few characters in the middle of a larger garble.
	if prev >= 0 && continuation(prev) {
		return mojiRun{}, 0, false
	}
	var seqs []seq
	j := pos
	for j < len(text) {
		s, ok := seqAt(text, j)
		if !ok || s.Rune == utf8.RuneError {
			break
		}
		seqs = append(seqs, s)
		j = s.End
	}
	if len(seqs) == 0 {
		return mojiSpecial(text, pos, lead, ln, prev)
	}
	// UTF-8 mojibake sits between ASCII characters; a run among other Latin-1
	// letters and symbols is another encoding's garble (GBK or Big5 read as
	// Latin-1), which decoding as UTF-8 would not mend.
	next := rune(-1)
	if j < len(text) {
		next, _ = utf8.DecodeRuneInString(text[j:])
	}
	if garble(prev) || garble(next) || !looksBad(text, seqs, prev) {
		return mojiRun{}, 0, false
	}
	repl, ok := repair(text[pos:j])
	if !ok {
		return mojiRun{}, 0, false
	}
	return mojiRun{start: pos, end: j, repl: repl, fix: true}, j, true
}

// garble reports Latin-1 letters and symbols that, next to a candidate run,
// show a garble of another encoding.
func garble(r rune) bool {
	return r >= 0xA1 && r <= 0xFF && !strings.ContainsRune("«»°·¡¿©®", r)
}

// mojiSpecial handles the runs that are not whole sequences: "â€" whose last
// byte is lost, and "Â " or "Ã " where a no-break space became a space.
func mojiSpecial(text string, pos int, lead rune, ln int, prev rune) (mojiRun, int, bool) {
	rest := text[pos+ln:]
	switch lead {
	case 'â':
		if strings.HasPrefix(rest, "€") {
			end := pos + ln + len("€")
			return mojiRun{start: pos, end: end}, end, true
		}
	case 'Â', 'Ã':
		if !strings.HasPrefix(rest, " ") {
			break
		}
		before := prev
		if prev == ' ' && pos >= 2 {
			before, _ = utf8.DecodeLastRuneInString(text[:pos-1])
		}
		lower := before >= 'a' && before <= 'z'
		if lead == 'Â' {
			if pos == 0 || lower || (prev >= 0 && strings.ContainsRune(".,?!”’»›®™", prev)) {
				return mojiRun{start: pos, end: pos + ln, fix: true}, pos + ln + 1, true
			}
			break
		}
		if pos == 0 || lower {
			// "Ã" + no-break space is "à"; with the next space kept the repair is
			// certain, otherwise the space may have been the word gap.
			if strings.HasPrefix(rest, "  ") {
				return mojiRun{start: pos, end: pos + ln + 1, repl: "à", fix: true}, pos + ln + 1, true
			}
			return mojiRun{start: pos, end: pos + ln + 1}, pos + ln + 1, true
		}
	}
	return mojiRun{}, 0, false
}

// badAfterCaps are the characters after "Ã" or "Â" that may close a word in
// capitals ("IRMÃ”"): there the pair is left alone.
const badAfterCaps = "’”»›…‘“´©®™«‹–—•·°\u00a0\u00ad"

// looksBad decides whether a run of valid sequences is mojibake, after ftfy's
// badness heuristic: it must look wrong, not only decode.
func looksBad(text string, seqs []seq, prev rune) bool {
	if len(seqs) >= 2 {
		return true
	}
	s := seqs[0]
	lead, ln := utf8.DecodeRuneInString(text[s.Start:])
	if leadLen(lead) >= 2 {
		return true
	}
	cont, _ := utf8.DecodeRuneInString(text[s.Start+ln:])
	next := rune(-1)
	if s.End < len(text) {
		next, _ = utf8.DecodeRuneInString(text[s.End:])
	}
	nextWord := next >= 0 && (unicode.IsLetter(next) || unicode.IsDigit(next))
	switch {
	case lead == 'Â' || lead == 'Ã':
		caps := prev >= 0 && unicode.IsUpper(prev)
		return !(caps && !nextWord && strings.ContainsRune(badAfterCaps, cont))
	case lead >= 'Ä' && lead <= 'È':
		return (prev >= 0 && unicode.IsLower(prev)) || (next >= 0 && (unicode.IsLower(next) || unicode.IsDigit(next))) ||
			nearlyAlwaysBad(cont)
	}
	return false
}

// nearlyAlwaysBad are continuation characters that almost never follow a
// capital letter in real text (ftfy's "bad", "numeric" and "law" classes and the
// C1 controls).
func nearlyAlwaysBad(r rune) bool {
	if r >= 0x80 && r <= 0x9F {
		return true
	}
	return strings.ContainsRune("¤¦¨¬¯¸ˆ˜‰ŒœŠšŽžŸƒ†‡¹¼½¾µ¶§ªº¢¥¡¿±²³", r)
}

// repair decodes a run of sequences (up to three times, for text encoded
// twice or more) and reports whether the result is plain text.
func repair(s string) (string, bool) {
	for round := 0; round < 3; round++ {
		dec, ok := decodeRun(s)
		if !ok {
			return "", false
		}
		s = dec
		if _, again := decodeRun(s); !again || !allSeqs(s) {
			break
		}
	}
	for _, r := range s {
		if !clean(r) {
			return "", false
		}
	}
	return s, true
}

// decodeRun maps every character of s to its Windows-1252 byte (ASCII stays)
// and decodes the bytes as UTF-8.
func decodeRun(s string) (string, bool) {
	buf := make([]byte, 0, len(s))
	for _, r := range s {
		if r < 0x80 {
			buf = append(buf, byte(r))
			continue
		}
		b, ok := cp1252Byte(r)
		if !ok {
			return "", false
		}
		buf = append(buf, b)
	}
	if !utf8.Valid(buf) {
		return "", false
	}
	return string(buf), true
}

// allSeqs reports whether s is made only of mojibake sequences.
func allSeqs(s string) bool {
	if s == "" {
		return false
	}
	for j := 0; j < len(s); {
		q, ok := seqAt(s, j)
		if !ok || q.Rune == utf8.RuneError {
			return false
		}
		j = q.End
	}
	return true
}
