package app

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestPreCommitHooks runs .pre-commit-hooks.yaml through the real pre-commit
// framework (Debian's pre-commit package) against a throwaway git repository that
// holds a JSONL file: the lint hook fails on a bad record and passes after the fix
// hook has run; the fix hook fails only when it changed the file, and passes on
// a dataset whose one finding it cannot fix. pre-commit builds corpuslint from this repository's working tree
// with `go install`, as a dataset repository's pre-commit would.
func TestPreCommitHooks(t *testing.T) {
	if testing.Short() {
		t.Skip("builds corpuslint through pre-commit; skipped with -short")
	}
	if _, err := exec.LookPath("pre-commit"); err != nil {
		skipOrFail(t, "pre-commit is not installed (Debian: apt-get install pre-commit; .ci/run installs it)")
	}
	repoRoot, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	work := t.TempDir()
	home := t.TempDir()
	run := func(wantOK bool, name string, args ...string) string {
		t.Helper()
		cmd := exec.Command(name, args...)
		cmd.Dir = work
		cmd.Env = append(os.Environ(),
			"PRE_COMMIT_HOME="+filepath.Join(home, "pre-commit"),
			"GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com",
			"GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com",
			"NO_COLOR=1")
		out, err := cmd.CombinedOutput()
		if (err == nil) != wantOK {
			t.Fatalf("%s %s: err=%v, want ok=%v\n%s", name, strings.Join(args, " "), err, wantOK, out)
		}
		return string(out)
	}
	run(true, "git", "init", "-q")
	bad := `{"id":"r1","text":"A clean record."}` + "\n" +
		`{"id":"r2","text":"The story ends badly -\nNext line."}` + "\n"
	if err := os.WriteFile(filepath.Join(work, "data.jsonl"), []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	run(true, "git", "add", "data.jsonl")

	// try-repo runs the hooks of a repository's working tree, uncommitted
	// changes included, exactly as a released rev would be run.
	out := run(false, "pre-commit", "try-repo", repoRoot, "corpuslint", "--files", "data.jsonl")
	if !strings.Contains(out, "stray-dash") {
		t.Errorf("the lint hook did not report the stray dash:\n%s", out)
	}
	out = run(false, "pre-commit", "try-repo", repoRoot, "corpuslint-fix", "--files", "data.jsonl")
	if !strings.Contains(out, "files were modified by this hook") && !strings.Contains(out, "fixed") {
		t.Errorf("the fix hook did not modify the file:\n%s", out)
	}
	got, _ := os.ReadFile(filepath.Join(work, "data.jsonl"))
	want := `{"id":"r1","text":"A clean record."}` + "\n" + `{"id":"r2","text":"The story ends badly\nNext line."}` + "\n"
	if string(got) != want {
		t.Errorf("after the fix hook:\n%s\nwant\n%s", got, want)
	}
	run(true, "git", "add", "data.jsonl")
	run(true, "pre-commit", "try-repo", repoRoot, "corpuslint", "--files", "data.jsonl")

	// A finding fix cannot fix (a broken quote): the fix hook changes nothing and
	// passes; the lint hook alone reports it. Before, both failed on it and the
	// fix hook could never pass.
	unfixable := want + `{"id":"r3","text":"He said \"it was over.\nThen he left."}` + "\n"
	if err := os.WriteFile(filepath.Join(work, "data.jsonl"), []byte(unfixable), 0o644); err != nil {
		t.Fatal(err)
	}
	run(true, "git", "add", "data.jsonl")
	run(true, "pre-commit", "try-repo", repoRoot, "corpuslint-fix", "--files", "data.jsonl")
	out = run(false, "pre-commit", "try-repo", repoRoot, "corpuslint", "--files", "data.jsonl")
	if !strings.Contains(out, "broken-quotes") {
		t.Errorf("the lint hook did not report the broken quote:\n%s", out)
	}
	if got, _ := os.ReadFile(filepath.Join(work, "data.jsonl")); string(got) != unfixable {
		t.Errorf("the fix hook changed a file it had nothing to fix in:\n%s", got)
	}
}
