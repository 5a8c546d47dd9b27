package app

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func runCLI(args ...string) (int, string, string) {
	var out, errw bytes.Buffer
	code := Run(append([]string{"corpuslint"}, args...), strings.NewReader(""), &out, &errw)
	return code, out.String(), errw.String()
}

// TestFixSymlinkAndHardLink: fix follows a symlink and fixes its target in
// place (the link stays); a hard-linked file is fixed under the name given,
// with a warning that the other names keep the old content.
func TestFixSymlinkAndHardLink(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	if err := os.Mkdir(data, 0o755); err != nil {
		t.Fatal(err)
	}
	target := filepath.Join(data, "real.jsonl")
	record := `{"id":"a","text":"A dangling dash -"}` + "\n"
	fixed := `{"id":"a","text":"A dangling dash"}` + "\n"
	if err := os.WriteFile(target, []byte(record), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.jsonl")
	if err := os.Symlink(filepath.Join("data", "real.jsonl"), link); err != nil {
		t.Skip("no symlinks here:", err)
	}
	if code, _, errs := runCLI("fix", "--select", "stray-dash", link); code != 0 {
		t.Fatalf("fix on a symlink: exit %d\n%s", code, errs)
	}
	if st, err := os.Lstat(link); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the symlink was replaced by a file")
	}
	if got := readBytes(t, target); string(got) != fixed {
		t.Errorf("target = %q", got)
	}

	a, b := filepath.Join(dir, "a.jsonl"), filepath.Join(dir, "b.jsonl")
	if err := os.WriteFile(a, []byte(record), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Link(a, b); err != nil {
		t.Skip("no hard links here:", err)
	}
	code, _, errs := runCLI("fix", "--select", "stray-dash", a)
	if code != 0 || !strings.Contains(errs, "warning: "+a+" has 2 hard links: the fixed file replaces this name only, the other 1 keep the old content") {
		t.Fatalf("fix on a hard link: exit %d\n%s", code, errs)
	}
	if string(readBytes(t, a)) != fixed || string(readBytes(t, b)) != record {
		t.Errorf("a = %q, b = %q", readBytes(t, a), readBytes(t, b))
	}
}
