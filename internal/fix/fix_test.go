package fix

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/corpuslint/corpuslint/rules"
)

func finding(start, end int, app rules.Applicability, edits ...rules.Edit) rules.Finding {
	return rules.Finding{Rule: "r", Start: start, End: end, Message: "m", Severity: rules.Warning,
		Fix: &rules.Fix{Message: "fix", Applicability: app, Edits: edits}}
}

func TestResolveLargerDeletionWins(t *testing.T) {
	text := "keep this. junk - junk - junk"
	fs := []rules.Finding{
		finding(16, 17, rules.Safe, rules.Edit{Start: 15, End: 17}),               // a dash inside the block
		finding(10, len(text), rules.Safe, rules.Edit{Start: 10, End: len(text)}), // the whole block
		finding(0, 4, rules.Unsafe, rules.Edit{Start: 0, End: 4, NewText: "KEEP"}),
	}
	edits, applied, skipped := Resolve(text, fs, false)
	if applied != 1 || skipped != 1 || len(edits) != 1 || edits[0].Start != 10 {
		t.Fatalf("Resolve = %+v applied %d skipped %d; want the block deletion only", edits, applied, skipped)
	}
	if got := Apply(text, edits); got != "keep this." {
		t.Errorf("Apply = %q", got)
	}
	edits, applied, _ = Resolve(text, fs, true)
	if applied != 2 || Apply(text, edits) != "KEEP this." {
		t.Errorf("with unsafe fixes: %q (%d applied)", Apply(text, edits), applied)
	}
}

func TestResolveWholeFixOrNothing(t *testing.T) {
	text := "abcdefghij"
	fs := []rules.Finding{
		finding(0, 3, rules.Safe, rules.Edit{Start: 0, End: 3, NewText: "X"}),
		// Its second edit overlaps the first fix, so neither of its edits applies.
		finding(2, 6, rules.Safe, rules.Edit{Start: 8, End: 9, NewText: "Y"}, rules.Edit{Start: 2, End: 4}),
	}
	edits, applied, skipped := Resolve(text, fs, false)
	if got := Apply(text, edits); got != "Xdefghij" { // the Y edit must not apply alone
		t.Errorf("Apply = %q", got)
	}
	if applied != 1 || skipped != 1 {
		t.Errorf("applied %d skipped %d, want 1 and 1", applied, skipped)
	}
}

func TestResolveRejectsBadEdits(t *testing.T) {
	text := "héllo"
	fs := []rules.Finding{
		finding(0, 1, rules.Safe, rules.Edit{Start: 2, End: 3}),  // inside é
		finding(0, 1, rules.Safe, rules.Edit{Start: 4, End: 99}), // out of bounds
		finding(0, 1, rules.Safe, rules.Edit{Start: 3, End: 1}),  // reversed
	}
	if edits, applied, _ := Resolve(text, fs, true); len(edits) != 0 || applied != 0 {
		t.Errorf("bad edits accepted: %+v", edits)
	}
}

func TestIdenticalEditsApplyOnce(t *testing.T) {
	text := "a  b"
	e := rules.Edit{Start: 1, End: 2}
	edits, _, skipped := Resolve(text, []rules.Finding{finding(1, 2, rules.Safe, e), finding(1, 2, rules.Safe, e)}, false)
	if got := Apply(text, edits); got != "a b" || skipped != 0 {
		t.Errorf("Apply = %q skipped %d", got, skipped)
	}
}

// dashRule deletes " -" at line ends; each pass exposes nothing new, so Loop must
// stop after one fixing pass and be idempotent.
func TestLoop(t *testing.T) {
	check := func(s string) []rules.Finding {
		var fs []rules.Finding
		for i := 0; i+1 < len(s); i++ {
			if s[i] == ' ' && s[i+1] == '-' && (i+2 == len(s) || s[i+2] == '\n') {
				fs = append(fs, finding(i+1, i+2, rules.Safe, rules.Edit{Start: i, End: i + 2}))
			}
		}
		return fs
	}
	res := Loop("one -\ntwo -\nthree", nil, check, false)
	if res.Text != "one\ntwo\nthree" || res.Applied != 2 || len(res.Remaining) != 0 || res.Passes != 2 {
		t.Errorf("Loop = %+v", res)
	}
	again := Loop(res.Text, nil, check, false)
	if again.Text != res.Text || again.Applied != 0 {
		t.Errorf("second Loop changed the text: %+v", again)
	}
}

// lastLineRule deletes the last line when it is "junk": like the boilerplate
// rules on a page's tail, it peels one block off per round.
func lastLineRule(s string) []rules.Finding {
	i := strings.LastIndexByte(s, '\n')
	if i >= 0 && s[i+1:] == "junk" {
		return []rules.Finding{finding(i, len(s), rules.Safe, rules.Edit{Start: i, End: len(s)})}
	}
	return nil
}

// TestLoopRunsToFixedPoint: a chain of more rounds than the old bound of 5 is
// fixed whole in one run, so a second run changes nothing.
func TestLoopRunsToFixedPoint(t *testing.T) {
	text := "body" + strings.Repeat("\njunk", 12)
	res := Loop(text, nil, lastLineRule, false)
	if res.Text != "body" || res.Applied != 12 || res.Passes != 13 || res.Unfinished {
		t.Fatalf("Loop = %+v", res)
	}
	if again := Loop(res.Text, nil, lastLineRule, false); again.Text != res.Text || again.Applied != 0 || again.Unfinished {
		t.Errorf("second Loop: %+v", again)
	}
}

// TestLoopBound: past MaxPasses rounds Loop stops and says the text is not a
// fixed point.
func TestLoopBound(t *testing.T) {
	text := "body" + strings.Repeat("\njunk", MaxPasses+3)
	res := Loop(text, nil, lastLineRule, false)
	if !res.Unfinished || res.Applied != MaxPasses || res.Text != "body"+strings.Repeat("\njunk", 3) {
		t.Fatalf("Loop = %+v", res)
	}
}

// TestLoopCycle: fixes that undo each other stop at once, marked unfinished,
// instead of running to the bound.
func TestLoopCycle(t *testing.T) {
	flip := func(s string) []rules.Finding {
		to := "b"
		if s == "b" {
			to = "a"
		}
		return []rules.Finding{finding(0, 1, rules.Safe, rules.Edit{Start: 0, End: 1, NewText: to})}
	}
	res := Loop("a", nil, flip, false)
	if !res.Unfinished || res.Text != "b" || res.Passes != 2 {
		t.Fatalf("Loop = %+v", res)
	}
}

// TestLoopDropsOnFinalText: a filter that only the fixed text trips drops the
// document in this run (else the next run of fix would).
func TestLoopDropsOnFinalText(t *testing.T) {
	check := func(s string) []rules.Finding {
		fs := lastLineRule(s)
		if s == "body" {
			fs = append(fs, rules.Finding{Rule: "too-short", Start: 0, End: len(s), Message: "short",
				Fix: &rules.Fix{Message: "drop", Drop: true, Applicability: rules.Safe, Edits: []rules.Edit{{Start: 0, End: len(s)}}}})
		}
		return fs
	}
	res := Loop("body\njunk", nil, check, false)
	if res.Dropped == nil || res.Dropped.Rule != "too-short" {
		t.Fatalf("Loop = %+v; want the final text dropped", res)
	}
}

func TestAtomicFileKeepsModeAndAborts(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.txt")
	if err := os.WriteFile(p, []byte("old"), 0o640); err != nil {
		t.Fatal(err)
	}
	f, err := NewAtomicFile(p)
	if err != nil {
		t.Fatal(err)
	}
	_, _ = f.Write([]byte("half"))
	f.Abort()
	if b, _ := os.ReadFile(p); string(b) != "old" {
		t.Fatalf("abort changed the file: %q", b)
	}
	if err := WriteFileAtomic(p, []byte("new")); err != nil {
		t.Fatal(err)
	}
	info, _ := os.Stat(p)
	b, _ := os.ReadFile(p)
	if string(b) != "new" || info.Mode().Perm() != 0o640 {
		t.Errorf("got %q mode %v", b, info.Mode().Perm())
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("temporary files left behind: %d entries", len(entries))
	}
}

func TestJSONLRewriter(t *testing.T) {
	orig := "\ufeff{\"text\":\"a\"}\r\n\n{\"text\":\"b\"}\nnot json\n{\"text\":\"c\"}"
	for _, compressed := range []bool{false, true} {
		dir := t.TempDir()
		p := filepath.Join(dir, "x.jsonl")
		data := []byte(orig)
		if compressed {
			var b bytes.Buffer
			zw := gzip.NewWriter(&b)
			_, _ = zw.Write(data)
			_ = zw.Close()
			data = b.Bytes()
		}
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
		rw, err := NewJSONLRewriter(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range []struct {
			rec int
			raw string
		}{{1, `{"text":"A"}`}, {5, `{"text":"C"}`}} {
			if err := rw.Replace(r.rec, []byte(r.raw)); err != nil {
				t.Fatal(err)
			}
		}
		if err := rw.Commit(); err != nil {
			t.Fatal(err)
		}
		got, _ := os.ReadFile(p)
		if compressed {
			zr, err := gzip.NewReader(bytes.NewReader(got))
			if err != nil {
				t.Fatalf("not rewritten compressed: %v", err)
			}
			got, _ = io.ReadAll(zr)
		}
		want := "\ufeff{\"text\":\"A\"}\r\n\n{\"text\":\"b\"}\nnot json\n{\"text\":\"C\"}"
		if string(got) != want {
			t.Errorf("compressed=%v: got %q, want %q", compressed, got, want)
		}
	}
}

func TestJSONLRewriterPastEnd(t *testing.T) {
	p := filepath.Join(t.TempDir(), "x.jsonl")
	_ = os.WriteFile(p, []byte("{}\n"), 0o600)
	rw, err := NewJSONLRewriter(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := rw.Replace(3, []byte("{}")); err == nil || !strings.Contains(err.Error(), "past the end") {
		t.Errorf("err = %v", err)
	}
	rw.Abort()
	if b, _ := os.ReadFile(p); string(b) != "{}\n" {
		t.Errorf("abort changed the file")
	}
}

// TestResolveManyEdits guards against quadratic conflict checks: a document full of
// entities gives tens of thousands of fixes.
func TestResolveManyEdits(t *testing.T) {
	text := strings.Repeat("&quot;x", 40000)
	var fs []rules.Finding
	for i := 0; i < len(text); i += 7 {
		fs = append(fs, finding(i, i+6, rules.Safe, rules.Edit{Start: i, End: i + 6, NewText: `"`}))
	}
	// One more fix overlapping two of them must be skipped; a duplicate applies once.
	fs = append(fs, finding(5, 8, rules.Safe, rules.Edit{Start: 5, End: 8}), fs[5])
	edits, applied, skipped := Resolve(text, fs, false)
	if len(edits) != 40000 || applied != 40000 || skipped != 1 {
		t.Fatalf("%d edits, %d applied, %d skipped", len(edits), applied, skipped)
	}
	if got := Apply(text, edits); got != strings.Repeat(`"x`, 40000) {
		t.Errorf("Apply gave %.40q...", got)
	}
}

func BenchmarkResolve(b *testing.B) {
	text := strings.Repeat("&quot;x", 40000)
	var fs []rules.Finding
	for i := 0; i < len(text); i += 7 {
		fs = append(fs, finding(i, i+6, rules.Safe, rules.Edit{Start: i, End: i + 6, NewText: `"`}))
	}
	for b.Loop() {
		Resolve(text, fs, false)
	}
}
