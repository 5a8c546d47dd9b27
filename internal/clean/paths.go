package clean

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// SameFile reports whether output names one of the inputs, which a clean must
// never write to: the same path, or another name (a hard or symbolic link) of
// the same file.
func SameFile(output string, inputs []string) bool {
	if output == "-" {
		return false
	}
	o, err := filepath.Abs(output)
	if err != nil {
		return false
	}
	ost, oerr := os.Stat(output)
	for _, in := range inputs {
		if in == "-" {
			continue
		}
		if a, err := filepath.Abs(in); err == nil && a == o {
			return true
		}
		if oerr == nil {
			if ist, err := os.Stat(in); err == nil && os.SameFile(ost, ist) {
				return true
			}
		}
	}
	return false
}

// InsideInput returns the input folder that output lies in (or is), if any: a
// later run over that folder would read the cleaned files as corpus.
func InsideInput(output string, args []string) (string, bool) {
	if output == "-" {
		return "", false
	}
	o, err := realAbs(output)
	if err != nil {
		return "", false
	}
	for _, arg := range args {
		if arg == "-" {
			continue
		}
		st, err := os.Stat(arg)
		if err != nil || !st.IsDir() {
			continue
		}
		a, err := realAbs(arg)
		if err != nil {
			continue
		}
		if o == a || strings.HasPrefix(o, a+string(filepath.Separator)) {
			return arg, true
		}
	}
	return "", false
}

// realAbs is the absolute path of p with the symlinks of its longest existing
// prefix resolved (the output may not exist yet).
func realAbs(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	rest := ""
	for cur := abs; ; {
		if r, err := filepath.EvalSymlinks(cur); err == nil {
			return filepath.Join(r, rest), nil
		}
		parent := filepath.Dir(cur)
		if parent == cur {
			return abs, nil
		}
		rest = filepath.Join(filepath.Base(cur), rest)
		cur = parent
	}
}

// inputExts are the extensions an input name loses in folder mode before the
// output format's extension is added: compression, then the format.
var inputExts = []string{".gz", ".zst", ".zstd", ".jsonl", ".ndjson", ".json", ".warc", ".wet", ".parquet", ".txt", ".md"}

// Ext returns the file name extension of an output format.
func Ext(format string) string { return "." + format }

// InputFormat is the output format an input gets in folder mode when
// --output-format is not given: JSONL compressed as the input's name says.
func InputFormat(name string) string {
	switch n := strings.ToLower(name); {
	case strings.HasSuffix(n, ".gz"):
		return JSONLGzip
	case strings.HasSuffix(n, ".zst"), strings.HasSuffix(n, ".zstd"):
		return JSONLZstd
	}
	return JSONL
}

// OutputNames maps each input file to its name relative to the output folder:
// its path relative to the folder argument it was found under (its base name
// for a file argument), with its extensions replaced by its output format's.
// formatOf gives an input's output format. Two inputs that would get the same
// name are an error naming both.
func OutputNames(args, files []string, formatOf func(string) string) (map[string]string, error) {
	var roots []string
	for _, a := range args {
		if st, err := os.Stat(a); err == nil && st.IsDir() {
			roots = append(roots, filepath.Clean(a))
		}
	}
	names := make(map[string]string, len(files))
	owner := map[string]string{}
	for _, f := range files {
		if f == "-" {
			return nil, fmt.Errorf("standard input has no name to write under an output folder; use --output FILE or --output -")
		}
		rel := filepath.Base(f)
		cf := filepath.Clean(f)
		for _, r := range roots {
			if strings.HasPrefix(cf, r+string(filepath.Separator)) {
				rel, _ = filepath.Rel(r, cf)
				break
			}
		}
		name := stem(rel) + Ext(formatOf(f))
		if prev, dup := owner[name]; dup {
			return nil, fmt.Errorf("%s and %s would both be written to %s", prev, f, name)
		}
		owner[name] = f
		names[f] = name
	}
	return names, nil
}

// stem is name without its compression and format extensions.
func stem(name string) string {
	for {
		low := strings.ToLower(name)
		cut := false
		for _, ext := range inputExts {
			if strings.HasSuffix(low, ext) && len(name) > len(ext) {
				name = name[:len(name)-len(ext)]
				cut = true
				break
			}
		}
		if !cut {
			return name
		}
	}
}

// RejectedName is where an output's rejected records go when --rejected is not
// given: beside it, <stem>.rejected.jsonl, compressed as the output is.
func RejectedName(output, format string) string {
	dir, base := filepath.Split(output)
	return filepath.Join(dir, stem(base)+".rejected"+Ext(format))
}

// ShardName returns the name of shard i of the output path: the number, five
// digits from 00000, before the format's extension (out/x.jsonl.zst ->
// out/x-00002.jsonl.zst), so that the shards sort in order.
func ShardName(path string, i int) string {
	ext := ""
	for _, e := range []string{".jsonl.gz", ".jsonl.zst", ".jsonl"} {
		if strings.HasSuffix(strings.ToLower(path), e) {
			ext = path[len(path)-len(e):]
			break
		}
	}
	return fmt.Sprintf("%s-%05d%s", strings.TrimSuffix(path, ext), i, ext)
}
