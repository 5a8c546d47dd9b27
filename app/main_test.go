package app

import (
	"bytes"
	"compress/gzip"
	"crypto/sha1" //nolint:gosec // WARC-Block-Digest is SHA-1
	"encoding/base32"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
	"go.yaml.in/yaml/v3"

	"github.com/corpuslint/corpuslint/rules"
)

// dropRule flags documents that contain "SPAM" with a fix that drops them.
type dropRule struct{}

func (dropRule) Meta() rules.Meta {
	return rules.Meta{Name: "test-spam", Category: rules.Quality, Severity: rules.Warning, Fixable: true,
		Title: "spam", Doc: "test rule"}
}

func (dropRule) Check(p *rules.Pass) {
	t := p.Doc.Text
	if strings.Contains(t, "SPAM") {
		p.Report(rules.Finding{Start: 0, End: len(t), Message: "document is spam",
			Fix: &rules.Fix{Message: "drop the document", Drop: true, Edits: []rules.Edit{{Start: 0, End: len(t)}}}})
	}
}

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"corpuslint": func() { os.Exit(Run(os.Args, os.Stdin, os.Stdout, os.Stderr)) },
		// The same binary with one extra rule whose fix drops documents, as the
		// quality filters' fixes do, to test how fix moves records aside.
		"corpuslint-with-drop": func() {
			os.Exit(Run(os.Args, os.Stdin, os.Stdout, os.Stderr, dropRule{}))
		},
	})
}

// contractChecker is the shared checker of the jsonl output contract, beside the
// repository as CI lays it out.
func contractChecker(t *testing.T) string {
	p, err := filepath.Abs("../../shared/contract/check-findings")
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestScripts runs the end-to-end CLI scripts in testdata/script (gofumpt's way):
// exit status, every format, fix round trips and bad input.
func TestScripts(t *testing.T) {
	checker := contractChecker(t)
	examples, err := filepath.Abs("../testdata/examples")
	if err != nil {
		t.Fatal(err)
	}
	shared, err := filepath.Abs("../../shared")
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir:                 "../testdata/script",
		UpdateScripts:       os.Getenv("UPDATE_SCRIPTS") != "",
		RequireExplicitExec: true,
		Setup: func(env *testscript.Env) error {
			env.Setenv("EXAMPLES", examples)
			env.Setenv("SOURCES", filepath.Join(filepath.Dir(examples), "source"))
			env.Setenv("NO_COLOR", "1")
			env.Setenv("SHARED", shared)
			return writeBinaryFixtures(filepath.Join(env.WorkDir, "bin"))
		},
		// [shared]: the shared data (corpus, contract checker) lies beside the
		// repository, as CI lays it out. A script skips what needs it, with
		// its reason; with CORPUSLINT_REQUIRE_ALL=1 (.ci/run) its absence is
		// an error instead, so CI cannot pass without running it.
		Condition: func(cond string) (bool, error) {
			if cond != "shared" {
				return false, fmt.Errorf("unknown condition %q", cond)
			}
			if _, err := os.Stat(filepath.Join(shared, "corpus")); err != nil {
				if os.Getenv("CORPUSLINT_REQUIRE_ALL") != "" {
					return false, fmt.Errorf("CORPUSLINT_REQUIRE_ALL is set and %s is missing", shared)
				}
				return false, nil
			}
			return true, nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			// hook ID FILE... runs a hook of .pre-commit-hooks.yaml as pre-commit
			// does (TestPreCommitHooks runs pre-commit itself, which needs it
			// installed and takes minutes): the entry as written with the files
			// its `files` pattern passes, and the hook fails when the entry fails
			// or when it modified a file.
			"hook": runHook,
			// contract INPUT FINDINGS.jsonl checks findings against DESIGN.md's output
			// contract with the shared checker.
			"contract": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) < 2 {
					ts.Fatalf("usage: contract INPUT FINDINGS.jsonl [--text-field F]")
				}
				if _, err := os.Stat(checker); err != nil {
					ts.Fatalf("contract checker not found at %s (scripts guard it with [shared])", checker)
				}
				cmdArgs := append([]string{checker, ts.MkAbs(args[0]), ts.MkAbs(args[1])}, args[2:]...)
				out, err := exec.Command("python3", cmdArgs...).CombinedOutput()
				ts.Logf("%s", out)
				if (err != nil) != neg {
					ts.Fatalf("contract check: %v", err)
				}
			},
		},
	})
}

// writeBinaryFixtures writes the inputs a txtar script cannot hold: invalid UTF-8,
// binary data, gzip streams whole, truncated and misnamed.
func writeBinaryFixtures(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	gz := func(s string) []byte {
		var b bytes.Buffer
		w := gzip.NewWriter(&b)
		_, _ = w.Write([]byte(s))
		_ = w.Close()
		return b.Bytes()
	}
	batch := `{"id":"g1","text":"A line with a dangling dash -\nNext line."}` + "\n" +
		`{"id":"g2","text":"Clean text."}` + "\n"
	var long strings.Builder
	for i := range 2000 {
		fmt.Fprintf(&long, `{"id":"t%d","text":"Record number %d is fine."}`+"\n", i, i)
	}
	whole := gz(long.String())
	files := map[string][]byte{
		"invalid-utf8.txt":   []byte("Caf\xe9 au lait, written in Latin-1.\n"),
		"binary.txt":         append([]byte("GIF89a"), 0, 1, 2, 0, 3),
		"empty.txt":          nil,
		"batch.jsonl.gz":     gz(batch),
		"misnamed.jsonl":     gz(batch),
		"truncated.jsonl.gz": whole[:len(whole)/2],
		"invalid-utf8.jsonl": []byte("{\"id\":\"u1\",\"text\":\"ok\"}\n{\"id\":\"u2\",\"text\":\"bad \xff byte\"}\n"),
		"bad-digests.warc":   badDigestsWARC(),
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// runHook is the testscript command hook (see its use in TestScripts).
func runHook(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) < 2 {
		ts.Fatalf("usage: hook ID FILE...")
	}
	raw, err := os.ReadFile(filepath.Join("..", ".pre-commit-hooks.yaml"))
	ts.Check(err)
	var hooks []struct {
		ID, Entry, Files string
	}
	ts.Check(yaml.Unmarshal(raw, &hooks))
	for _, h := range hooks {
		if h.ID != args[0] {
			continue
		}
		files := regexp.MustCompile(h.Files)
		before := map[string][]byte{}
		for _, f := range args[1:] {
			if !files.MatchString(f) {
				ts.Fatalf("pre-commit would not pass %s to %s (files: %s)", f, h.ID, h.Files)
			}
			b, err := os.ReadFile(ts.MkAbs(f))
			ts.Check(err)
			before[f] = b
		}
		entry := strings.Fields(h.Entry)
		runErr := ts.Exec(entry[0], append(entry[1:], args[1:]...)...)
		var modified []string
		for _, f := range args[1:] {
			b, err := os.ReadFile(ts.MkAbs(f))
			ts.Check(err)
			if !bytes.Equal(b, before[f]) {
				modified = append(modified, f)
			}
		}
		failed := runErr != nil || len(modified) > 0
		ts.Logf("hook %s: exit error %v; files were modified by this hook: %v", h.ID, runErr, modified)
		if failed != neg {
			ts.Fatalf("hook %s: failed=%v, want %v", h.ID, failed, neg)
		}
		return
	}
	ts.Fatalf("no hook %q in .pre-commit-hooks.yaml", args[0])
}

// badDigestsWARC is a WET file (CRLF line ends, as WARC needs) of three
// conversion records: the first and the third carry a WARC-Block-Digest that is
// not their content's (as a tool that rewrote the text and kept the header
// leaves it), the second a right one. Each text has a dangling dash.
func badDigestsWARC() []byte {
	var b bytes.Buffer
	for n, wrong := range []bool{true, false, true} {
		text := fmt.Sprintf("Record %d has a dangling dash -\nNext line.\n", n+1)
		sum := sha1.Sum([]byte(text))
		digest := "sha1:" + base32.StdEncoding.EncodeToString(sum[:])
		if wrong {
			digest = "sha1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
		}
		fmt.Fprintf(&b, "WARC/1.0\r\nWARC-Type: conversion\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-00000000000%d>\r\n"+
			"WARC-Target-URI: https://a.example/%d\r\nWARC-Block-Digest: %s\r\nContent-Type: text/plain\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n",
			n+1, n+1, digest, len(text), text)
	}
	return b.Bytes()
}

// skipOrFail skips a test that needs something outside the repository, with
// the reason, or fails it when CORPUSLINT_REQUIRE_ALL is set (.ci/run sets it),
// so that a green CI run has run every test.
func skipOrFail(t *testing.T, reason string) {
	t.Helper()
	if os.Getenv("CORPUSLINT_REQUIRE_ALL") != "" {
		t.Fatalf("CORPUSLINT_REQUIRE_ALL is set: %s", reason)
	}
	t.Skip(reason)
}
