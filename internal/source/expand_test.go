package source

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestExpand(t *testing.T) {
	base := t.TempDir()
	root := filepath.Join(base, "corpus")
	for _, name := range []string{
		"b.txt", "a.md", "c.jsonl", "d.ndjson.gz", "e.txt.gz", "f.JSONL",
		"skip.json", "skip.gz", "skip.csv", "c.rejected.jsonl", "sub/B.Rejected.JSONL.gz",
		".corpuslint-tmp-99999-c.jsonl-123",
		".hidden.txt", ".git/inside.txt", "sub/.env/x.txt",
		"sub/z.txt", "sub/deeper/y.jsonl",
		"00/first.txt",
	} {
		writeFile(t, root, name, []byte("x"))
	}
	outside := writeFile(t, base, "outside.txt", []byte("x"))
	writeFile(t, base, "single.data", []byte("x"))
	mustSymlink(t, filepath.Join(root, "b.txt"), filepath.Join(root, "link-in.txt"))
	mustSymlink(t, "sub/z.txt", filepath.Join(root, "link-rel.txt"))
	mustSymlink(t, outside, filepath.Join(root, "link-out.txt"))
	mustSymlink(t, filepath.Join(root, "sub"), filepath.Join(root, "linkdir.txt"))
	mustSymlink(t, filepath.Join(root, "sub"), filepath.Join(root, "linkdir"))
	mustSymlink(t, filepath.Join(root, "gone.txt"), filepath.Join(root, "broken.txt"))
	mustSymlink(t, root, filepath.Join(base, "rootlink"))

	tests := []struct {
		name     string
		args     []string
		want     []string
		wantErrs []string
	}{
		{
			name: "directory walk",
			args: []string{"corpus"},
			want: []string{
				"corpus/00/first.txt", "corpus/a.md", "corpus/b.txt", "corpus/c.jsonl",
				"corpus/d.ndjson.gz", "corpus/e.txt.gz", "corpus/f.JSONL",
				"corpus/link-in.txt", "corpus/link-rel.txt",
				"corpus/sub/deeper/y.jsonl", "corpus/sub/z.txt",
			},
		},
		{
			name: "files are taken as named, in argument order",
			args: []string{"single.data", "-", "corpus/skip.csv", "corpus/.hidden.txt"},
			want: []string{"single.data", "-", "corpus/skip.csv", "corpus/.hidden.txt"},
		},
		{
			name:     "missing paths are errors and the rest goes on",
			args:     []string{"nope.txt", "corpus/sub", "also-missing"},
			want:     []string{"corpus/sub/deeper/y.jsonl", "corpus/sub/z.txt"},
			wantErrs: []string{"nope.txt: no such file or directory", "also-missing: no such file or directory"},
		},
		{
			name: "a path named twice is read once",
			args: []string{"corpus/sub", "corpus/sub/z.txt", "./corpus/sub/z.txt", "-", "-"},
			want: []string{"corpus/sub/deeper/y.jsonl", "corpus/sub/z.txt", "-"},
		},
		{
			name: "a symlinked root is walked",
			args: []string{"rootlink"},
			want: []string{
				"rootlink/00/first.txt", "rootlink/a.md", "rootlink/b.txt", "rootlink/c.jsonl",
				"rootlink/d.ndjson.gz", "rootlink/e.txt.gz", "rootlink/f.JSONL",
				"rootlink/link-in.txt", "rootlink/link-rel.txt",
				"rootlink/sub/deeper/y.jsonl", "rootlink/sub/z.txt",
			},
		},
		{
			name: "a hidden directory named explicitly is walked",
			args: []string{"corpus/.git"},
			want: []string{"corpus/.git/inside.txt"},
		},
	}
	t.Chdir(base)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files, errs := Expand(tt.args)
			for i := range files {
				files[i] = filepath.ToSlash(files[i])
			}
			diffLists(t, files, tt.want)
			var gotErrs []string
			for _, e := range errs {
				if e.Record != 0 {
					t.Errorf("record %d on a path error", e.Record)
				}
				gotErrs = append(gotErrs, e.Error())
			}
			diffLists(t, gotErrs, tt.wantErrs)
		})
	}
}

func TestExpandUnreadableDir(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root can read anything")
	}
	root := t.TempDir()
	writeFile(t, root, "a.txt", []byte("x"))
	writeFile(t, root, "locked/b.txt", []byte("x"))
	locked := filepath.Join(root, "locked")
	if err := os.Chmod(locked, 0); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.Chmod(locked, 0o755) })
	files, errs := Expand([]string{root})
	if len(files) != 1 || !strings.HasSuffix(files[0], "a.txt") {
		t.Errorf("files %v", files)
	}
	if len(errs) != 1 || errs[0].Path != locked {
		t.Errorf("errs %v", errs)
	}
}

func mustSymlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Skipf("symlinks unavailable: %v", err)
	}
}
