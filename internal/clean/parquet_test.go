package clean

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/parquet-go/parquet-go"
)

func TestParquetOutput(t *testing.T) {
	path := filepath.Join(t.TempDir(), "out.parquet")
	format, err := FormatFor(path, "")
	if err != nil || format != Parquet {
		t.Fatalf("FormatFor(%q) = %q, %v; want parquet", path, format, err)
	}
	w, err := Create(path, format, nil)
	if err != nil {
		t.Fatal(err)
	}
	lines := []string{
		`{"id":"a","url":"https://x.org/1","text":"first\ntext","meta":{"lang":"en","n":[1,2]},"corpuslint":{"decision":"keep"}}`,
		`{"id":7,"text":"second","url":null}`,
		`{"text":"third, no id"}`,
	}
	// More rows than one batch, so the batching is exercised too.
	for i := 0; i < 300; i++ {
		lines = append(lines, `{"id":"n","text":"more"}`)
	}
	for _, l := range lines {
		if err := w.Add([]byte(l)); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Commit(); err != nil {
		t.Fatal(err)
	}
	rows, err := parquet.ReadFile[ParquetRow](path)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(lines) {
		t.Fatalf("read %d rows, want %d", len(rows), len(lines))
	}
	str := func(p *string) string {
		if p == nil {
			return "<nil>"
		}
		return *p
	}
	r := rows[0]
	if str(r.ID) != "a" || str(r.URL) != "https://x.org/1" || r.Text != "first\ntext" {
		t.Errorf("row 0 = %s %s %q", str(r.ID), str(r.URL), r.Text)
	}
	var meta map[string]any
	if err := json.Unmarshal([]byte(r.Metadata), &meta); err != nil {
		t.Fatalf("metadata %q: %v", r.Metadata, err)
	}
	if _, ok := meta["meta"]; !ok || meta["corpuslint"] == nil || len(meta) != 2 {
		t.Errorf("metadata %s: want the meta and corpuslint fields", r.Metadata)
	}
	if str(rows[1].ID) != "7" || rows[1].URL != nil || rows[1].Metadata != "{}" {
		t.Errorf("row 1 = %s %s %s", str(rows[1].ID), str(rows[1].URL), rows[1].Metadata)
	}
	if rows[2].ID != nil || rows[2].Text != "third, no id" {
		t.Errorf("row 2 = %s %q", str(rows[2].ID), rows[2].Text)
	}
}

func TestParquetOutputBadRecord(t *testing.T) {
	path := filepath.Join(t.TempDir(), "out.parquet")
	w, err := Create(path, Parquet, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Add([]byte(`{"text":5}`)); err == nil {
		t.Error("a text that is no string must be an error")
	}
	w.Abort()
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Errorf("an aborted output must leave no file: %v", err)
	}
}
