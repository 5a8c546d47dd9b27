package beam

import (
	"bytes"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	sdk "github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"

	"github.com/corpuslint/corpuslint/internal/clean"
)

// cleanInputs are inputs of every kind the cleaning mode writes differently:
// JSONL with unreadable records, zstd JSONL, WARC/WET (new records), text in a
// folder, and files with lines repeated across documents (corpus rules).
var cleanInputs = []string{
	"../testdata/examples",
	"../testdata/source/sample.jsonl",
	"../testdata/source/dolma.jsonl.zst",
	"../testdata/source/sample.warc.wet.gz",
	"testdata",
}

// TestCleanMatchesCLI runs the cleaning mode on Prism and `corpuslint fix
// --output DIR/` on the same inputs with the same flags: the cleaned and the
// rejected files are byte for byte the same, and so is the manifest but for
// the folder in its paths and the build in its version line. A second Beam run
// skips every input, and so does the binary on the Beam run's folder.
func TestCleanMatchesCLI(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the corpuslint binary")
	}
	bin := filepath.Join(t.TempDir(), "corpuslint")
	build := exec.Command("go", "build", "-o", bin, "./cmd/corpuslint")
	build.Dir = ".."
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building corpuslint: %v\n%s", err, out)
	}
	cliDir := filepath.Join(t.TempDir(), "cli") + "/"
	args := append([]string{"fix", "--no-config", "--fail-on", "never", "--select", "all", "--annotate", "corpuslint", "--output", cliDir}, cleanInputs...)
	cmd := exec.Command(bin, args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		// Unreadable records make the status 2; anything else is a failure.
		var ee *exec.ExitError
		if !errors.As(err, &ee) || ee.ExitCode() != 2 {
			t.Fatalf("corpuslint fix: %v\n%s", err, stderr.String())
		}
	}

	beamDir := filepath.Join(t.TempDir(), "beam") + "/"
	runClean := func() {
		t.Helper()
		p, s := sdk.NewPipelineWithRoot()
		err := Build(s, Options{Inputs: cleanInputs, Output: beamDir,
			Settings: Settings{Select: []string{"all"}, Ignore: []string{lineRule{}.Meta().Name}},
			Clean:    &CleanOptions{Annotate: "corpuslint"}})
		if err != nil {
			t.Fatal(err)
		}
		if err := ptest.Run(p); err != nil {
			t.Fatalf("pipeline: %v", err)
		}
	}
	runClean()

	cliFiles, beamFiles := filesUnder(t, cliDir), filesUnder(t, beamDir)
	if len(cliFiles) < 2*len(cleanInputs) {
		t.Fatalf("the binary wrote only %v", keys(cliFiles))
	}
	if strings.Join(keys(cliFiles), " ") != strings.Join(keys(beamFiles), " ") {
		t.Fatalf("files differ:\ncli  %v\nbeam %v", keys(cliFiles), keys(beamFiles))
	}
	for name, want := range cliFiles {
		if name == clean.ManifestName {
			continue
		}
		if got := beamFiles[name]; !bytes.Equal(got, want) {
			t.Errorf("%s differs:\ncli  %.300q\nbeam %.300q", name, want, got)
		}
	}
	cliM, beamM := manifestOf(t, cliDir), manifestOf(t, beamDir)
	if cliM != beamM {
		t.Errorf("manifests differ:\ncli  %s\nbeam %s", cliM, beamM)
	}
	var m clean.Manifest
	if err := json.Unmarshal([]byte(cliM), &m); err != nil {
		t.Fatal(err)
	}
	written, rejected := 0, 0
	for _, e := range m.Inputs {
		if !e.Complete {
			t.Errorf("%s: not complete", e.Input)
		}
		written += e.Written
		rejected += e.RejectedRecords
	}
	if written == 0 || rejected == 0 {
		t.Errorf("%d written, %d rejected: the inputs should give both", written, rejected)
	}

	// A rerun skips every input and changes nothing.
	runClean()
	if again := manifestOf(t, beamDir); again != beamM {
		t.Errorf("the rerun changed the manifest:\n%s\n%s", beamM, again)
	}
	for name, b := range filesUnder(t, beamDir) {
		if name != clean.ManifestName && !bytes.Equal(b, beamFiles[name]) {
			t.Errorf("the rerun changed %s", name)
		}
	}
	// The binary resumes the pipeline's folder: the same configuration, so
	// every input is skipped.
	cmd = exec.Command(bin, append(append([]string(nil), args[:len(args)-len(cleanInputs)-1]...), append([]string{beamDir}, cleanInputs...)...)...)
	stderr.Reset()
	cmd.Stderr = &stderr
	_ = cmd.Run()
	if strings.Contains(stderr.String(), "wrote") || strings.Count(stderr.String(), "skipped") == 0 {
		t.Errorf("corpuslint fix on the pipeline's folder did not skip every input:\n%s", stderr.String())
	}
	t.Logf("%d files, %d records written, %d rejected: identical to corpuslint fix --output", len(cliFiles), written, rejected)
}

// filesUnder returns the files under dir by their slash path relative to it.
func filesUnder(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// manifestOf returns dir's manifest with dir cut from its paths and without
// its version line (the build that wrote it).
func manifestOf(t *testing.T, dir string) string {
	t.Helper()
	m, err := clean.ReadManifest(dir)
	if err != nil || m == nil {
		t.Fatalf("manifest of %s: %v", dir, err)
	}
	m.Version = ""
	prefix := filepath.Clean(dir) + string(filepath.Separator)
	for i := range m.Inputs {
		e := &m.Inputs[i]
		e.Output = strings.TrimPrefix(e.Output, prefix)
		e.Rejected = strings.TrimPrefix(e.Rejected, prefix)
	}
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func keys(m map[string][]byte) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
