package source

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// collect reads content as if it were the file name through the same path as Read
// after opening, so that tests need no files.
func collect(name string, content []byte, format Format, opt Options) []Item {
	var items []Item
	readStream(name, bytes.NewReader(content), format, int64(len(content)), opt.withDefaults(), func(it Item) bool {
		items = append(items, it)
		return true
	})
	return items
}

// readFile reads a real file with Read.
func readFile(path string, opt Options) []Item {
	var items []Item
	Read(path, opt, func(it Item) bool {
		items = append(items, it)
		return true
	})
	return items
}

// summary renders an item compactly for table comparisons.
func summary(it Item) string {
	if it.Err != nil {
		if it.Doc != nil {
			return "BOTH DOC AND ERR"
		}
		switch {
		case it.Err.Warning:
			return "warn " + it.Err.Error()
		case it.Err.Unlisted:
			return "unlisted " + it.Err.Error()
		}
		return "err " + it.Err.Error()
	}
	d := it.Doc
	s := fmt.Sprintf("%d id=%s text=%q", d.Record, d.ID, d.Text)
	if d.URL != "" {
		s += " url=" + d.URL
	}
	return s
}

func summaries(items []Item) []string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = summary(it)
	}
	return out
}

func gz(t testing.TB, b []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if _, err := zw.Write(b); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func writeFile(t testing.TB, dir, name string, b []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func equalStrings(a, b []string) bool {
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

func diffLists(t *testing.T, got, want []string) {
	t.Helper()
	if equalStrings(got, want) {
		return
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "got %d items, want %d\n", len(got), len(want))
	for i := 0; i < max(len(got), len(want)); i++ {
		var g, w string
		if i < len(got) {
			g = got[i]
		}
		if i < len(want) {
			w = want[i]
		}
		mark := " "
		if g != w {
			mark = "!"
		}
		fmt.Fprintf(&b, "%s got:  %s\n  want: %s\n", mark, g, w)
	}
	t.Error(b.String())
}
