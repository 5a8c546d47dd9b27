package fix

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/corpuslint/corpuslint/internal/source"
	"github.com/corpuslint/corpuslint/rules"
)

// insertions are what the fuzzed edits put in: nothing (a deletion), ASCII,
// multi-byte runes, line breaks and JSON's special characters.
var insertions = []string{"", "", "x", "é", " ", "\n", "ab", "\"\\", "\u2028", "😀", "\t<&>"}

// planFindings turns plan into findings on text: every 5 bytes are one finding,
// its edits placed by the bytes scaled to the text's length, so the same plan
// gives findings on any text (a pure function of the text, as a rule is). Some
// edits fall inside a rune or overlap: Resolve must reject those.
func planFindings(text string, plan []byte) []rules.Finding {
	var fs []rules.Finding
	n := len(text)
	for i := 0; i+5 <= len(plan) && len(fs) < 64; i += 5 {
		p := plan[i : i+5]
		start := (int(p[0]) | int(p[1])<<8) % (n + 1)
		end := start + int(p[2])%(n-start+1)
		if p[2] >= 200 {
			end = start // an insertion
		}
		f := &rules.Fix{Message: "f", Applicability: rules.Unsafe}
		if p[4]&1 != 0 {
			f.Applicability = rules.Safe
		}
		f.Edits = []rules.Edit{{Start: start, End: end, NewText: insertions[int(p[3])%len(insertions)]}}
		if p[4]&2 != 0 && end < n {
			// A second edit after the first, so that a fix may half-clash.
			s2 := end + int(p[3])%(n-end+1)
			f.Edits = append(f.Edits, rules.Edit{Start: s2, End: s2 + (n-s2)/2})
		}
		f.Drop = p[4] == 255
		fs = append(fs, rules.Finding{Rule: fmt.Sprint("r", i), Start: start, End: end, Message: "m", Fix: f})
	}
	return fs
}

// FuzzFix checks the fix machinery on random findings over random text: Resolve
// picks edits that are sorted, inside the text on rune boundaries, never
// overlapping, each fix whole or not at all, the same every time; Apply makes
// exactly those edits; Loop ends, and when it reaches a fixed point a second
// Loop changes nothing; and the JSONL rewriter, given the fixed text, changes
// no byte of the file outside the text values.
func FuzzFix(f *testing.F) {
	f.Add("keep this. junk - junk - junk", []byte{10, 0, 255, 0, 1, 16, 0, 2, 1, 3}, true)
	f.Add("héllo wörld\r\nsecond line -\n", []byte{2, 0, 3, 2, 1, 5, 0, 0, 4, 1, 5, 0, 0, 5, 1, 0, 0, 210, 7, 3}, false)
	f.Add("", []byte{0, 0, 0, 1, 1}, true)
	f.Add("a\u2028b\"c\\d", []byte{1, 0, 2, 8, 3, 3, 0, 1, 9, 1, 0, 0, 9, 6, 255}, true)
	f.Fuzz(func(t *testing.T, text string, plan []byte, unsafe bool) {
		if !utf8.ValidString(text) || len(text) > 1<<12 {
			return // the readers reject invalid UTF-8 before any rule runs
		}
		fs := planFindings(text, plan)
		edits, applied, skipped := Resolve(text, fs, unsafe)
		checkResolved(t, text, fs, unsafe, edits, applied, skipped)
		e2, a2, s2 := Resolve(text, fs, unsafe)
		if !equalEdits(edits, e2) || a2 != applied || s2 != skipped {
			t.Fatalf("Resolve is not deterministic: %v / %v", edits, e2)
		}
		out := Apply(text, edits)
		if want := applySlow(text, edits); out != want {
			t.Fatalf("Apply = %q, want %q", out, want)
		}
		if !utf8.ValidString(out) {
			t.Fatalf("valid text became invalid: %q", out)
		}

		check := func(s string) []rules.Finding { return planFindings(s, plan) }
		once := Loop(text, nil, check, unsafe)
		if once.Passes > MaxPasses+1 {
			t.Fatalf("Loop ran %d passes", once.Passes)
		}
		if !once.Unfinished {
			twice := Loop(once.Text, nil, check, unsafe)
			if twice.Text != once.Text || twice.Applied != 0 {
				t.Fatalf("fixing twice differs: %q then %q", once.Text, twice.Text)
			}
		}
		checkRewrite(t, text, out)
	})
}

// checkResolved checks Resolve's result against its contract.
func checkResolved(t *testing.T, text string, fs []rules.Finding, unsafe bool, edits []rules.Edit, applied, skipped int) {
	t.Helper()
	allowed := 0
	for i := range fs {
		if Allowed(fs[i].Fix, unsafe) {
			allowed++
		}
	}
	if applied+skipped > allowed {
		t.Fatalf("applied %d + skipped %d > %d allowed fixes", applied, skipped, allowed)
	}
	for i, e := range edits {
		if e.Start < 0 || e.End < e.Start || e.End > len(text) || !boundary(text, e.Start) || !boundary(text, e.End) {
			t.Fatalf("edit %+v outside the text or inside a rune", e)
		}
		if i > 0 && (!editLess(edits[i-1], e) || overlaps(edits[i-1], e)) {
			t.Fatalf("edits unsorted or overlapping: %+v %+v", edits[i-1], e)
		}
	}
	// Every edit comes from one allowed fix, and a fix is in whole or not at all.
	in := map[rules.Edit]bool{}
	for _, e := range edits {
		in[e] = true
	}
	covered := map[rules.Edit]bool{}
	for i := range fs {
		fx := fs[i].Fix
		if !Allowed(fx, unsafe) {
			continue
		}
		n := 0
		for _, e := range fx.Edits {
			if in[e] {
				n++
			}
		}
		if n == len(fx.Edits) {
			for _, e := range fx.Edits {
				covered[e] = true
			}
		}
	}
	for _, e := range edits {
		if !covered[e] {
			t.Fatalf("edit %+v applied without the rest of its fix", e)
		}
	}
}

func equalEdits(a, b []rules.Edit) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// applySlow applies sorted edits from the last to the first, the plain way
// (an insertion sorts before a deletion at the same point, so it is applied
// after it).
func applySlow(text string, edits []rules.Edit) string {
	if !sort.SliceIsSorted(edits, func(i, j int) bool { return editLess(edits[i], edits[j]) }) {
		panic("unsorted edits")
	}
	for i := len(edits) - 1; i >= 0; i-- {
		e := edits[i]
		text = text[:e.Start] + e.NewText + text[e.End:]
	}
	return text
}

// checkRewrite writes a JSONL file whose records hold text (with other fields,
// odd spacing, CRLF and LF endings, a blank line and a broken line between them),
// replaces every record's text with out through the JSONLRewriter, and checks
// that only the text values changed and that they decode to out.
func checkRewrite(t *testing.T, text, out string) {
	t.Helper()
	enc, _ := json.Marshal(text)
	lines := []string{
		`{"id":1,"text":` + string(enc) + `,"n":1.50}` + "\n",
		"\n",
		` { "pre" : [ 1 , "x" ] , "text" : ` + string(enc) + ` } ` + "\r\n",
		"{not json\n",
		`{"text":` + string(enc) + `,"id":"é"}`, // the last line, with no ending
	}
	orig := strings.Join(lines, "")
	path := filepath.Join(t.TempDir(), "f.jsonl")
	if err := os.WriteFile(path, []byte(orig), 0o644); err != nil {
		t.Fatal(err)
	}
	var items []source.Item
	source.Read(path, source.Options{}, func(it source.Item) bool {
		items = append(items, it)
		return true
	})
	rw, err := NewJSONLRewriter(path)
	if err != nil {
		t.Fatal(err)
	}
	want := map[int][2][]byte{} // record -> bytes before and after the text value
	for _, it := range items {
		if it.Doc == nil {
			continue
		}
		if it.Doc.Text != text {
			t.Fatalf("record %d read as %q, want %q", it.Doc.Record, it.Doc.Text, text)
		}
		want[it.Doc.Record] = [2][]byte{it.Raw[:it.TextSpan[0]], it.Raw[it.TextSpan[1]:]}
		if err := rw.Replace(it.Doc.Record, source.ReplaceText(it.Raw, it.TextSpan, out)); err != nil {
			t.Fatal(err)
		}
	}
	if len(want) != 3 {
		t.Fatalf("%d records read, want 3", len(want))
	}
	if err := rw.Commit(); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	gotLines := bytes.SplitAfter(got, []byte("\n"))
	if len(gotLines) != len(lines) {
		t.Fatalf("%d lines after the rewrite, want %d:\n%q", len(gotLines), len(lines), got)
	}
	for i, l := range gotLines {
		w, isDoc := want[i+1]
		if !isDoc {
			if string(l) != lines[i] {
				t.Fatalf("line %d changed: %q -> %q", i+1, lines[i], l)
			}
			continue
		}
		ending := lines[i][len(strings.TrimRight(lines[i], "\r\n")):]
		body := bytes.TrimSuffix(l, []byte(ending))
		if len(body) == len(l) && ending != "" || !bytes.HasPrefix(body, w[0]) || !bytes.HasSuffix(body, w[1]) ||
			len(body) < len(w[0])+len(w[1]) {
			t.Fatalf("line %d: bytes outside the text changed: %q -> %q", i+1, lines[i], l)
		}
		var dec string
		if err := json.Unmarshal(body[len(w[0]):len(body)-len(w[1])], &dec); err != nil || dec != out {
			t.Fatalf("line %d: text value %q decodes to %q (%v), want %q", i+1, body[len(w[0]):len(body)-len(w[1])], dec, err, out)
		}
	}
}
