package source

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// corpusExts are the names taken from a directory walk, after a compression
// extension (.gz, .zst, .zstd) is taken off; anything else in a crawl folder (logs,
// manifests, images, CDX indexes) is not a document. ".wet" covers Common Crawl's
// .warc.wet.gz; Parquet is never compressed as a whole, so a compressed .parquet
// is taken too but fails with a clear message.
var corpusExts = []string{".txt", ".md", ".jsonl", ".ndjson", ".warc", ".wet", ".parquet"}

// isCorpusName reports whether a file found in a directory walk is one to read.
// The records fix moved aside (<name>.rejected.jsonl) are its output, not corpus:
// reading them as input would move them again into <name>.rejected.rejected.jsonl.
func isCorpusName(name string) bool {
	name = trimCompressionExt(strings.ToLower(name))
	if strings.HasSuffix(name, ".rejected.jsonl") {
		return false
	}
	for _, ext := range corpusExts {
		if strings.HasSuffix(name, ext) {
			return true
		}
	}
	return false
}

// Expand turns the command-line path arguments into the files to read, in a stable
// order so that output and baselines do not change between runs.
//
// A file argument is taken as is, whatever its name ("-" means standard input). A
// directory is walked recursively in name order, taking files ending in .txt, .md,
// .jsonl, .ndjson, .warc, .wet or .parquet, optionally followed by .gz, .zst or
// .zstd (so .jsonl.zst, .warc.gz, .warc.wet.gz), but for the rejected files fix
// writes (*.rejected.jsonl). Hidden files and folders (name starting with ".",
// corpuslint's own temporary files among them) are skipped, as they hold tool
// state rather than corpus.
// Symlinks to files inside the walked tree are followed; symlinked directories are
// not entered and links leading outside the tree are skipped, so a walk can neither
// loop nor wander off. A path named twice is read once.
//
// A missing or unreadable path becomes an *InputError (Record 0) in errs; the other
// paths are still expanded.
func Expand(args []string) (files []string, errs []*InputError) {
	seen := make(map[string]bool)
	add := func(p string) {
		key := p
		if p != "-" {
			key = filepath.Clean(p)
		}
		if !seen[key] {
			seen[key] = true
			files = append(files, p)
		}
	}
	for _, arg := range args {
		if arg == "-" {
			add(arg)
			continue
		}
		st, err := os.Stat(arg)
		if err != nil {
			errs = append(errs, &InputError{Path: arg, Msg: osErrMsg(err)})
			continue
		}
		if !st.IsDir() {
			add(arg)
			continue
		}
		errs = walk(arg, add, errs)
	}
	return files, errs
}

// walk adds the corpus files under the directory root.
func walk(root string, add func(string), errs []*InputError) []*InputError {
	start := root
	if lst, err := os.Lstat(root); err == nil && lst.Mode()&fs.ModeSymlink != 0 {
		// WalkDir does not follow a symlinked root; a trailing separator makes the
		// system resolve it, since the user named this directory on purpose.
		start = root + string(filepath.Separator)
	}
	realRoot, err := realPath(root)
	if err != nil {
		return append(errs, &InputError{Path: root, Msg: osErrMsg(err)})
	}
	_ = filepath.WalkDir(start, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			errs = append(errs, &InputError{Path: p, Msg: osErrMsg(err)})
			return nil
		}
		if p == start {
			return nil
		}
		if strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		switch t := d.Type(); {
		case t.IsDir():
		case t&fs.ModeSymlink != 0:
			if isCorpusName(d.Name()) && linksInside(p, realRoot) {
				add(p)
			}
		case t.IsRegular():
			if isCorpusName(d.Name()) {
				add(p)
			}
		}
		return nil
	})
	return errs
}

// linksInside reports whether the symlink p resolves to a regular file inside the
// tree whose real path is realRoot. Broken links resolve to nothing and are skipped.
func linksInside(p, realRoot string) bool {
	target, err := realPath(p)
	if err != nil {
		return false
	}
	st, err := os.Stat(target)
	if err != nil || !st.Mode().IsRegular() {
		return false
	}
	rel, err := filepath.Rel(realRoot, target)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// realPath is the absolute path with every symlink resolved.
func realPath(p string) (string, error) {
	r, err := filepath.EvalSymlinks(p)
	if err != nil {
		return "", err
	}
	return filepath.Abs(r)
}
