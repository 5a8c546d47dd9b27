package source

import (
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeTemp writes content to a file named name in a temporary folder.
func writeTemp(t *testing.T, name string, content []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, content, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestNotJSONLIsOneError: a binary file named .jsonl is one error, and the
// file is not read past the first lines (a valid record at its end is not
// yielded: the file as a whole is not JSONL).
func TestNotJSONLIsOneError(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	bin := make([]byte, 1<<20)
	rng.Read(bin)
	bin = append(bin, "\n{\"id\":\"late\",\"text\":\"a valid record at the end\"}\n"...)
	items := readFile(writeTemp(t, "random.jsonl", bin), Options{})
	if len(items) != 1 || items[0].Err == nil || items[0].Err.Record != 0 ||
		!strings.Contains(items[0].Err.Msg, "not a JSONL file: its first 16 lines are not JSON (line 1: invalid JSON") {
		t.Fatalf("got %d items: %q", len(items), summaries(items[:min(len(items), 3)]))
	}
	// A CSV too.
	var csv strings.Builder
	for i := range 100 {
		fmt.Fprintf(&csv, "%d,name %d,value\n", i, i)
	}
	if items := readFile(writeTemp(t, "table.jsonl", []byte(csv.String())), Options{}); len(items) != 1 || items[0].Err.Record != 0 {
		t.Fatalf("CSV: %q", summaries(items))
	}
}

// TestFewBadLinesAreListed: bad lines before the first good record, fewer than
// NotJSONLLines, are errors one by one, and the records after them are read.
func TestFewBadLinesAreListed(t *testing.T) {
	content := strings.Repeat("not json\n", NotJSONLLines-1) + `{"id":"a","text":"fine"}` + "\n" + strings.Repeat("not json\n", NotJSONLLines+5)
	items := readFile(writeTemp(t, "b.jsonl", []byte(content)), Options{})
	docs, errs, unlisted, omitted := 0, 0, 0, 0
	for _, it := range items {
		switch {
		case it.Doc != nil:
			docs++
		case it.Err.Unlisted:
			unlisted++
		case it.Err.Record > 0:
			errs++
		default:
			omitted += it.Err.Omitted
		}
	}
	if docs != 1 || errs != MaxRepeatedErrors || errs+omitted != 2*NotJSONLLines+4 || unlisted != omitted {
		t.Fatalf("%d docs, %d errors: %q", docs, errs, summaries(items))
	}
	if items[NotJSONLLines-1].Doc == nil {
		t.Errorf("the record is not in its place: %q", summaries(items))
	}
}

// TestRepeatedErrorsCapped: past MaxRepeatedErrors errors of one kind, the rest
// come through marked Unlisted and one summary with their count follows at the
// end of the file; other kinds and the documents still come through.
func TestRepeatedErrorsCapped(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"id":"first","text":"fine"}` + "\n")
	for i := range 500 {
		fmt.Fprintf(&b, "{\"id\":%d,\"text\":\"bad \xff byte %d\"}\n", i, i)
		if i%100 == 0 {
			fmt.Fprintf(&b, "{\"id\":\"x%d\"}\n", i) // another kind: missing text
		}
	}
	b.WriteString(`{"id":"last","text":"fine"}` + "\n")
	items := readFile(writeTemp(t, "c.jsonl", []byte(b.String())), Options{})
	var docs, utf, missing, unlisted int
	var sums []*InputError
	for _, it := range items {
		switch {
		case it.Doc != nil:
			docs++
		case it.Err.Omitted > 0:
			sums = append(sums, it.Err)
		case it.Err.Unlisted:
			unlisted++
		case strings.Contains(it.Err.Msg, "invalid UTF-8"):
			utf++
		case strings.Contains(it.Err.Msg, "missing text field"):
			missing++
		}
	}
	if docs != 2 || utf != MaxRepeatedErrors || missing != 5 || unlisted != 500-MaxRepeatedErrors || len(sums) != 1 {
		t.Fatalf("docs %d, utf-8 errors %d, missing %d, unlisted %d, summaries %d", docs, utf, missing, unlisted, len(sums))
	}
	s := sums[0]
	if s.Omitted != 500-MaxRepeatedErrors || s.Record != 0 || items[len(items)-1].Err != s ||
		s.Msg != fmt.Sprintf("%d more of: invalid UTF-8 in text field \"text\" at byte 20 (lines 8-506; 500 in all, the first 5 shown)", 500-MaxRepeatedErrors) {
		t.Errorf("summary: %+v", s)
	}
}

// TestErrorCapStops: a consumer that stops gets no summary after it stopped.
func TestErrorCapStops(t *testing.T) {
	content := strings.Repeat(`{"id":1}`+"\n", 100)
	n := 0
	Read(writeTemp(t, "d.jsonl", []byte(content)), Options{}, func(Item) bool {
		n++
		return n < MaxRepeatedErrors+1
	})
	if n != MaxRepeatedErrors+1 {
		t.Errorf("%d items after stopping at %d", n, MaxRepeatedErrors+1)
	}
}
