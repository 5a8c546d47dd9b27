package source

import (
	"bytes"
	"encoding/json"
	"testing"
	"unicode/utf8"
)

// FuzzScanJSONL checks the hand-written scanner against encoding/json: it never
// panics, rejects what encoding/json rejects, and decodes the same text and id.
func FuzzScanJSONL(f *testing.F) {
	for _, s := range scanSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, line []byte) {
		checkAgainstReference(t, line)
		// The same bytes as a whole stream (they may hold several lines) must not
		// panic either, in either format.
		collect("f.jsonl", line, JSONL, Options{TextField: "a.b", IDField: "a"})
		collect("-", line, formatAuto, Options{})
	})
}

// FuzzReplaceText checks that replacing the text of any decodable line yields a
// line that decodes to the new text and leaves every other byte alone.
func FuzzReplaceText(f *testing.F) {
	f.Add([]byte(`{"id":1,"text":"old","n":1.50}`), "new")
	f.Add([]byte(`{"text":"a\nb"}`), "say \"hi\"\\\n\x00\u2028<&>😀")
	f.Add([]byte(` { "x" : [ ] , "text" : "" } `), "bad\xff")
	f.Fuzz(func(t *testing.T, line []byte, newText string) {
		d := newJSONLDecoder("f", "", Options{}.withDefaults())
		it := d.decode(line, 0, 1)
		if it.Err != nil {
			return
		}
		out := ReplaceText(it.Raw, it.TextSpan, newText)
		if !bytes.Equal(out[:it.TextSpan[0]], line[:it.TextSpan[0]]) ||
			!bytes.HasSuffix(out, line[it.TextSpan[1]:]) {
			t.Fatalf("bytes outside the text changed:\n%q\n%q", line, out)
		}
		enc := out[it.TextSpan[0] : len(out)-(len(line)-it.TextSpan[1])]
		if want := encodeStd(newText); string(enc) != want {
			t.Fatalf("encoded %q as %s, encoding/json %s", newText, enc, want)
		}
		again := d.decode(out, 0, 1)
		if again.Err != nil {
			t.Fatalf("%q no longer decodes: %v", out, again.Err)
		}
		var want string
		if err := json.Unmarshal(enc, &want); err != nil {
			t.Fatal(err)
		}
		if again.Doc.Text != want || (utf8.ValidString(newText) && want != newText) {
			t.Fatalf("re-decoded %q, want %q", again.Doc.Text, newText)
		}
		if again.Doc.ID != it.Doc.ID || again.Doc.URL != it.Doc.URL {
			t.Fatalf("id or url changed: %q %q -> %q %q", it.Doc.ID, it.Doc.URL, again.Doc.ID, again.Doc.URL)
		}
	})
}
