package fix

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestRejectedMerge: a new rejected file starts with the old one's records, an
// old record dropped again is not added twice, identical records dropped in one
// run are all kept, a cut last line left by an older version goes, and nothing
// changes on disk before Commit.
func TestRejectedMerge(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "b.rejected.jsonl")
	old := `{"id":"x"}` + "\n" + `{"id":"y"}` + "\r\n" + `{"id":"cut`
	if err := os.WriteFile(p, []byte(old), 0o600); err != nil {
		t.Fatal(err)
	}
	r, err := OpenRejected(p)
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range []string{`{"id":"y"}`, `{"id":"z"}`, `{"id":"z"}`} {
		if err := r.Add([]byte(line)); err != nil {
			t.Fatal(err)
		}
	}
	if got, _ := os.ReadFile(p); string(got) != old {
		t.Fatalf("rejected file changed before Commit: %q", got)
	}
	if err := r.Commit(); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(p)
	want := `{"id":"x"}` + "\n" + `{"id":"y"}` + "\n" + `{"id":"z"}` + "\n" + `{"id":"z"}` + "\n"
	if string(got) != want {
		t.Errorf("merged rejected file:\n%s\nwant:\n%s", got, want)
	}
	if r.Len() != 2 {
		t.Errorf("Len() = %d, want 2 records added", r.Len())
	}
	if st, _ := os.Stat(p); st.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want the old file's 0600", st.Mode().Perm())
	}

	// Abort leaves the file as it was and no temporary file.
	r, err = OpenRejected(p)
	if err != nil {
		t.Fatal(err)
	}
	_ = r.Add([]byte(`{"id":"new"}`))
	r.Abort()
	if got2, _ := os.ReadFile(p); string(got2) != want {
		t.Errorf("Abort changed the file: %q", got2)
	}
	assertNoTemps(t, dir)
}

func assertNoTemps(t *testing.T, dir string) {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), TempPrefix) {
			t.Errorf("temporary file left: %s", e.Name())
		}
	}
}

// TestTemps: temporary files carry the prefix and the process id; RemoveTemps
// removes the live ones; CleanStale removes those of dead processes only.
func TestTemps(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "a.txt")
	if err := os.WriteFile(target, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := NewAtomicFile(target)
	if err != nil {
		t.Fatal(err)
	}
	name := filepath.Base(f.tmp.Name())
	if want := TempPrefix + strconv.Itoa(os.Getpid()) + "-a.txt-"; !strings.HasPrefix(name, want) {
		t.Errorf("temporary file %q, want prefix %q", name, want)
	}
	if n := RemoveTemps(); n != 1 {
		t.Errorf("RemoveTemps removed %d files, want 1", n)
	}
	assertNoTemps(t, dir)
	_, _ = f.Write([]byte("new"))
	if err := f.Commit(); err == nil {
		t.Error("Commit after RemoveTemps succeeded")
	}
	if got, _ := os.ReadFile(target); string(got) != "old" {
		t.Errorf("file is %q after an interrupted commit", got)
	}

	// A dead process's file goes, a live one's (ours, and pid 1) stays, and so
	// does anything not named like ours.
	dead := TempPrefix + "999999999-a.txt-1"
	live := TempPrefix + "1-a.txt-1"
	own := TempPrefix + strconv.Itoa(os.Getpid()) + "-a.txt-1"
	other := ".a.txt.corpuslint-1"
	for _, n := range []string{dead, live, own, other} {
		if err := os.WriteFile(filepath.Join(dir, n), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	removed := CleanStale(dir)
	if len(removed) != 1 || filepath.Base(removed[0]) != dead {
		t.Errorf("CleanStale removed %v, want only %s", removed, dead)
	}
	for _, n := range []string{live, own, other} {
		if _, err := os.Stat(filepath.Join(dir, n)); err != nil {
			t.Errorf("%s: %v", n, err)
		}
	}
}

// TestSpecialModeBitsKept: setgid and sticky survive a rewrite (setuid too where
// the file system allows a user to set it).
func TestSpecialModeBitsKept(t *testing.T) {
	p := filepath.Join(t.TempDir(), "m.txt")
	if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	want := os.FileMode(0o755) | os.ModeSetgid | os.ModeSticky
	if err := os.Chmod(p, want); err != nil {
		t.Skip(err)
	}
	if st, _ := os.Stat(p); st.Mode()&^os.ModeType != want {
		t.Skipf("the file system keeps %v of %v", st.Mode(), want)
	}
	if err := WriteFileAtomic(p, []byte("y")); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(p); st.Mode()&^os.ModeType != want {
		t.Errorf("mode after rewrite %v, want %v", st.Mode(), want)
	}
}
