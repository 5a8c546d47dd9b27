package fix

import (
	"bufio"
	"os"
	"path/filepath"
)

// AtomicFile streams the new content of a file into a temporary file in the same
// folder; Commit renames it over the original, Abort removes it. An interrupted run
// therefore leaves either the old file or the new one, never half of one, and a
// large JSONL file is rewritten without holding it in memory.
type AtomicFile struct {
	path string
	tmp  *os.File
	w    *bufio.Writer
	mode os.FileMode
}

// NewAtomicFile starts replacing path, which must exist; its mode bits are kept.
func NewAtomicFile(path string) (*AtomicFile, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".corpuslint-*")
	if err != nil {
		return nil, err
	}
	return &AtomicFile{path: path, tmp: tmp, w: bufio.NewWriterSize(tmp, 1<<16), mode: info.Mode().Perm()}, nil
}

// CreateAtomic is NewAtomicFile for a file that may not exist yet; a new file gets
// mode 0644.
func CreateAtomic(path string) (*AtomicFile, error) {
	if _, err := os.Stat(path); err == nil {
		return NewAtomicFile(path)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".corpuslint-*")
	if err != nil {
		return nil, err
	}
	return &AtomicFile{path: path, tmp: tmp, w: bufio.NewWriterSize(tmp, 1<<16), mode: 0o644}, nil
}

// Write appends p to the new content.
func (f *AtomicFile) Write(p []byte) (int, error) { return f.w.Write(p) }

// Commit makes the new content the file's content.
func (f *AtomicFile) Commit() error {
	err := f.w.Flush()
	if err == nil {
		err = f.tmp.Sync()
	}
	if err == nil {
		err = f.tmp.Chmod(f.mode)
	}
	if cerr := f.tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.tmp.Name(), f.path)
	}
	if err != nil {
		_ = os.Remove(f.tmp.Name())
	}
	return err
}

// Abort discards the new content and leaves the original file untouched.
func (f *AtomicFile) Abort() {
	_ = f.tmp.Close()
	_ = os.Remove(f.tmp.Name())
}

// WriteFileAtomic replaces path's content with data through an AtomicFile.
func WriteFileAtomic(path string, data []byte) error {
	f, err := NewAtomicFile(path)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Abort()
		return err
	}
	return f.Commit()
}
