package baseline

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/corpuslint/corpuslint/rules"
)

func find(doc *rules.Document, rule, sub string) rules.Finding {
	i := bytes.Index([]byte(doc.Text), []byte(sub))
	return rules.Finding{Rule: rule, Start: i, End: i + len(sub), Message: "m"}
}

func TestBaselineKeysByTextNotPosition(t *testing.T) {
	a := &rules.Document{ID: "a", Text: "one -\ntwo -\n", Path: "x.jsonl", Record: 1}
	rec := NewRecorder()
	rec.Add(a, []rules.Finding{find(a, "stray-dash", "one -"), find(a, "stray-dash", "two -")})
	var buf bytes.Buffer
	if err := rec.Write(&buf); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "b.json")
	_ = os.WriteFile(p, buf.Bytes(), 0o644)
	b, err := Load(p)
	if err != nil || b.Len() != 2 {
		t.Fatalf("Load: %v, %d entries", err, b.Len())
	}
	// The same document later, moved to another record and with a line added
	// before: nothing new.
	moved := &rules.Document{ID: "a", Text: "intro\none -\ntwo -\n", Path: "x.jsonl", Record: 9}
	if got := b.Filter(moved, []rules.Finding{find(moved, "stray-dash", "one -"), find(moved, "stray-dash", "two -")}); len(got) != 0 {
		t.Errorf("known findings reported: %+v", got)
	}
	// One fixed, one new: the new one is reported, not cancelled by the fixed one.
	changed := &rules.Document{ID: "a", Text: "one\ntwo -\nthree -\n"}
	got := b.Filter(changed, []rules.Finding{find(changed, "stray-dash", "two -"), find(changed, "stray-dash", "three -")})
	if len(got) != 1 || changed.Text[got[0].Start:got[0].End] != "three -" {
		t.Errorf("got %+v, want only the new finding", got)
	}
	// Another document with the same text is another document.
	other := &rules.Document{ID: "b", Text: "one -\n"}
	if got := b.Filter(other, []rules.Finding{find(other, "stray-dash", "one -")}); len(got) != 1 {
		t.Errorf("a finding of another document was absorbed")
	}
	// The same text flagged twice when once was recorded: one is new.
	twice := &rules.Document{ID: "a", Text: "one -\none -\n"}
	f1 := find(twice, "stray-dash", "one -")
	f2 := f1
	f2.Start, f2.End = 6, 11
	if got := b.Filter(twice, []rules.Finding{f1, f2}); len(got) != 1 {
		t.Errorf("counts not respected: %+v", got)
	}
}

func TestLoadRejectsOtherFiles(t *testing.T) {
	p := filepath.Join(t.TempDir(), "b.json")
	_ = os.WriteFile(p, []byte(`{"version": 7}`), 0o644)
	if _, err := Load(p); err == nil {
		t.Error("a future version was accepted")
	}
	_ = os.WriteFile(p, []byte(`not json`), 0o644)
	if _, err := Load(p); err == nil {
		t.Error("garbage was accepted")
	}
}
