package fix

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestGuardRefusesChangedFile: a file that another process appended to after
// the snapshot is not replaced, and keeps what was appended.
func TestGuardRefusesChangedFile(t *testing.T) {
	p := filepath.Join(t.TempDir(), "b.jsonl")
	writeFile(t, p, `{"text":"a -"}`+"\n")
	snap, err := Snap(p)
	if err != nil {
		t.Fatal(err)
	}
	rw, err := NewJSONLRewriter(p)
	if err != nil {
		t.Fatal(err)
	}
	rw.Guard(snap)
	if err := rw.Replace(1, []byte(`{"text":"a"}`)); err != nil {
		t.Fatal(err)
	}
	appended := `{"text":"written by another process"}` + "\n"
	f, err := os.OpenFile(p, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	_, _ = f.WriteString(appended)
	_ = f.Close()
	err = rw.Commit()
	if err == nil || !strings.Contains(err.Error(), "changed while fix was running") {
		t.Fatalf("Commit = %v, want a refusal", err)
	}
	if got := readFile(t, p); got != `{"text":"a -"}`+"\n"+appended {
		t.Errorf("file = %q", got)
	}
	if n := leftoverTemps(t, filepath.Dir(p)); n != 0 {
		t.Errorf("%d temporary files left", n)
	}
}

// TestGuardSameMtimeDifferentContent: an in-place change that keeps the size
// is caught by the modification time.
func TestGuardSameSizeNewMtime(t *testing.T) {
	p := filepath.Join(t.TempDir(), "a.txt")
	writeFile(t, p, "one -\n")
	snap, _ := Snap(p)
	writeFile(t, p, "two -\n")
	future := time.Now().Add(time.Hour)
	_ = os.Chtimes(p, future, future)
	if err := WriteText(p, "one\n", false, &snap); err == nil {
		t.Fatal("a changed file was replaced")
	}
	if got := readFile(t, p); got != "two -\n" {
		t.Errorf("file = %q", got)
	}
}

// TestSymlinkTargetFixedInPlace: the file a symlink points to is rewritten in
// its own folder; the link stays a link.
func TestSymlinkTargetFixedInPlace(t *testing.T) {
	dir := t.TempDir()
	other := t.TempDir()
	target := filepath.Join(other, "real.txt")
	writeFile(t, target, "text -\n")
	link := filepath.Join(dir, "link.txt")
	if err := os.Symlink(target, link); err != nil {
		t.Skip("no symlinks here:", err)
	}
	snap, err := Snap(link)
	if err != nil || snap.Target != target {
		t.Fatalf("Snap = %+v, %v", snap, err)
	}
	if err := WriteText(link, "text\n", false, &snap); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Lstat(link); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the link was replaced: %v %v", st, err)
	}
	if got := readFile(t, target); got != "text\n" {
		t.Errorf("target = %q", got)
	}
}

// TestHardLinksCounted: Snap counts hard links, and the rewrite replaces the
// name given only.
func TestHardLinksCounted(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt")
	writeFile(t, a, "x -\n")
	if err := os.Link(a, b); err != nil {
		t.Skip("no hard links here:", err)
	}
	snap, _ := Snap(a)
	if snap.Links != 2 {
		t.Skipf("links not counted on this system (%d)", snap.Links)
	}
	if err := WriteText(a, "x\n", false, &snap); err != nil {
		t.Fatal(err)
	}
	if readFile(t, a) != "x\n" || readFile(t, b) != "x -\n" {
		t.Errorf("a = %q, b = %q", readFile(t, a), readFile(t, b))
	}
}

// TestReadOnlyFolderMessage: in a folder that cannot be written, the error says
// so (the file itself may well be writable).
func TestReadOnlyFolderMessage(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root writes in read-only folders")
	}
	dir := t.TempDir()
	p := filepath.Join(dir, "a.txt")
	writeFile(t, p, "x -\n")
	if err := os.Chmod(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	defer func() { _ = os.Chmod(dir, 0o755) }()
	_, err := NewAtomicFile(p)
	if err == nil || !strings.Contains(err.Error(), "cannot create a temporary file in "+dir+" to replace it safely: permission denied") {
		t.Fatalf("err = %v", err)
	}
}

func writeFile(t *testing.T, p, s string) {
	t.Helper()
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

func readFile(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func leftoverTemps(t *testing.T, dir string) int {
	t.Helper()
	es, _ := os.ReadDir(dir)
	n := 0
	for _, e := range es {
		if strings.HasPrefix(e.Name(), TempPrefix) {
			n++
		}
	}
	return n
}
