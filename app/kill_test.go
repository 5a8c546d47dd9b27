package app

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/corpuslint/corpuslint/internal/fix"
)

// TestKillDuringFix kills a fix run (SIGKILL and SIGTERM) at several points of
// its work and checks what issue 16 asks: the original is intact or fully fixed,
// every record is in the file or in the rejected file, the rejected file is valid
// JSONL without a duplicate, a SIGTERM leaves no temporary file, and the next run
// finishes the work and leaves no temporary file.
func TestKillDuringFix(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a dozen fix runs")
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(t.TempDir(), "corpuslint-with-drop")
	if err := os.Symlink(exe, bin); err != nil {
		t.Skip("no symlinks here:", err)
	}
	var b strings.Builder
	for i := range 30000 {
		text := fmt.Sprintf("Record %d of the batch, with a sentence or two of ordinary text in it.", i)
		switch i % 7 {
		case 3:
			text += " SPAM"
		case 5:
			text += " It ends with a dangling dash -"
		}
		fmt.Fprintf(&b, `{"id":"r%d","text":%q,"n":%d}`+"\n", i, text, i)
	}
	original := []byte(b.String())
	run := func(dir string) *exec.Cmd {
		cmd := exec.Command(bin, "fix", "--fail-on", "never", "--workers", "1", "--select", "stray-dash,test-spam", "batch.jsonl")
		cmd.Dir = dir
		return cmd
	}

	// The reference: one run to the end.
	ref := t.TempDir()
	writeBatch(t, ref, original)
	start := time.Now()
	if out, err := run(ref).CombinedOutput(); err != nil {
		t.Fatalf("reference run: %v\n%s", err, out)
	}
	took := time.Since(start)
	fixed := readBytes(t, filepath.Join(ref, "batch.jsonl"))
	rejected := readBytes(t, filepath.Join(ref, "batch.rejected.jsonl"))
	if bytes.Equal(fixed, original) || len(rejected) == 0 {
		t.Fatal("the reference run changed nothing")
	}

	for i, frac := range []float64{0.05, 0.2, 0.4, 0.6, 0.8, 0.95} {
		sig := syscall.SIGKILL
		if i%2 == 1 {
			sig = syscall.SIGTERM
		}
		t.Run(fmt.Sprintf("%v at %.0f%%", sig, frac*100), func(t *testing.T) {
			dir := t.TempDir()
			writeBatch(t, dir, original)
			cmd := run(dir)
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			time.Sleep(time.Duration(float64(took) * frac))
			_ = cmd.Process.Signal(sig)
			_ = cmd.Wait()

			got := readBytes(t, filepath.Join(dir, "batch.jsonl"))
			if !bytes.Equal(got, original) && !bytes.Equal(got, fixed) {
				t.Fatalf("after the kill batch.jsonl is neither the original nor fully fixed (%d bytes)", len(got))
			}
			rej, _ := os.ReadFile(filepath.Join(dir, "batch.rejected.jsonl"))
			checkRecords(t, original, got, rej)
			t.Logf("after the kill: batch.jsonl fixed %v, rejected file %d bytes, temporary files %v",
				bytes.Equal(got, fixed), len(rej), tempFiles(t, dir))
			if sig == syscall.SIGTERM {
				if left := tempFiles(t, dir); len(left) > 0 {
					t.Errorf("SIGTERM left temporary files %v", left)
				}
			}

			out, err := run(dir).CombinedOutput()
			if err != nil {
				t.Fatalf("rerun: %v\n%s", err, out)
			}
			t.Logf("rerun: %s", bytes.TrimSpace(out))
			if left := tempFiles(t, dir); len(left) > 0 {
				t.Errorf("the rerun left temporary files %v", left)
			}
			if got := readBytes(t, filepath.Join(dir, "batch.jsonl")); !bytes.Equal(got, fixed) {
				t.Error("after the rerun batch.jsonl is not the fully fixed file")
			}
			if got := readBytes(t, filepath.Join(dir, "batch.rejected.jsonl")); !bytes.Equal(got, rejected) {
				t.Errorf("after the rerun the rejected file differs from one run's (%d vs %d bytes)", len(got), len(rejected))
			}
		})
	}
}

func writeBatch(t *testing.T, dir string, data []byte) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, "batch.jsonl"), data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func readBytes(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// checkRecords checks that every original record id is in the file or the
// rejected file, and that the rejected file is valid JSONL holding no id twice.
func checkRecords(t *testing.T, original, file, rejected []byte) {
	t.Helper()
	ids := func(data []byte, what string) map[string]int {
		out := map[string]int{}
		sc := bufio.NewScanner(bytes.NewReader(data))
		sc.Buffer(nil, 1<<20)
		for n := 1; sc.Scan(); n++ {
			var rec struct{ ID string }
			if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
				t.Fatalf("%s line %d is not valid JSON: %v: %q", what, n, err, sc.Text())
			}
			out[rec.ID]++
		}
		if len(data) > 0 && data[len(data)-1] != '\n' {
			t.Fatalf("%s does not end with a newline", what)
		}
		return out
	}
	in, rej := ids(file, "batch.jsonl"), ids(rejected, "batch.rejected.jsonl")
	for id, n := range rej {
		if n > 1 {
			t.Fatalf("record %s is %d times in the rejected file", id, n)
		}
	}
	for id := range ids(original, "the original") {
		if in[id] == 0 && rej[id] == 0 {
			t.Fatalf("record %s is lost", id)
		}
	}
}

func tempFiles(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), fix.TempPrefix) {
			out = append(out, e.Name())
		}
	}
	return out
}
