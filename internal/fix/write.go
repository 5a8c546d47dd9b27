package fix

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
)

// TempPrefix starts the name of every temporary file corpuslint writes, followed
// by the writing process's id, a dash and the name of the file it replaces
// (".corpuslint-tmp-4242-batch.jsonl-123456"), so that a person or a script can
// tell them apart from anything else, and a later run can tell whether the
// process that wrote one is gone (CleanStale). Directory walks skip them, as
// they skip every hidden file.
const TempPrefix = ".corpuslint-tmp-"

// temps holds the temporary files not yet committed or aborted, so that an
// interrupted run can remove them (RemoveTemps). The lock also makes a commit's
// rename and a signal's clean-up exclusive: a rename under way finishes first.
var temps = struct {
	sync.Mutex
	live map[string]bool
}{live: map[string]bool{}}

// createTemp makes a temporary file beside path and registers it.
func createTemp(path string) (*os.File, error) {
	temps.Lock()
	defer temps.Unlock()
	pattern := TempPrefix + strconv.Itoa(os.Getpid()) + "-" + filepath.Base(path) + "-*"
	tmp, err := os.CreateTemp(filepath.Dir(path), pattern)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		// The folder, not the file, must be writable: the file is replaced
		// by a rename, never written in place.
		return nil, fmt.Errorf("%s: cannot create a temporary file in %s to replace it safely: %w", path, filepath.Dir(path), err)
	}
	temps.live[tmp.Name()] = true
	return tmp, nil
}

// RemoveTemps removes every temporary file of this process not yet committed,
// for a run that is interrupted; it returns how many it removed. Commits and
// aborts that start afterwards fail harmlessly (the original stays).
func RemoveTemps() int {
	temps.Lock()
	defer temps.Unlock()
	n := 0
	for name := range temps.live {
		if os.Remove(name) == nil {
			n++
		}
		delete(temps.live, name)
	}
	return n
}

// CleanStale removes the temporary files in dir that earlier corpuslint runs,
// killed before they could clean up, left behind: files named TempPrefix+pid-…
// whose process no longer runs. Files of a run still going are left alone. It
// returns the names removed.
func CleanStale(dir string) []string {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var removed []string
	for _, e := range entries {
		name := e.Name()
		rest, ok := strings.CutPrefix(name, TempPrefix)
		if !ok || !e.Type().IsRegular() {
			continue
		}
		pidText, _, _ := strings.Cut(rest, "-")
		pid, err := strconv.Atoi(pidText)
		if err != nil || pid <= 0 || pid == os.Getpid() || processAlive(pid) {
			continue
		}
		p := filepath.Join(dir, name)
		if os.Remove(p) == nil {
			removed = append(removed, p)
		}
	}
	return removed
}

// AtomicFile streams the new content of a file into a temporary file in the same
// folder; Commit renames it over the original, Abort removes it. An interrupted run
// therefore leaves either the old file or the new one, never half of one, and a
// large JSONL file is rewritten without holding it in memory.
//
// A symlink is followed: the file it points to is replaced, in its own folder,
// and the link stays a link. A hard-linked file is replaced under this name only
// (Snapshot.Links tells the caller).
type AtomicFile struct {
	path   string
	tmp    *os.File
	w      *bufio.Writer
	mode   os.FileMode
	orig   os.FileInfo // nil for a new file
	expect *Snapshot   // when set, Commit refuses a file that changed since
}

// NewAtomicFile starts replacing path, which must exist; its mode bits are kept,
// and its owner and group when running as root.
func NewAtomicFile(path string) (*AtomicFile, error) {
	target, err := filepath.EvalSymlinks(path)
	if err != nil {
		return nil, err
	}
	info, err := os.Stat(target)
	if err != nil {
		return nil, err
	}
	tmp, err := createTemp(target)
	if err != nil {
		return nil, err
	}
	return &AtomicFile{path: target, tmp: tmp, w: bufio.NewWriterSize(tmp, 1<<16), mode: keptMode(info.Mode()), orig: info}, nil
}

// Guard makes Commit check, just before the rename, that the file is still as
// s recorded it, and refuse to replace it otherwise.
func (f *AtomicFile) Guard(s Snapshot) { f.expect = &s }

// keptMode is the part of a file's mode a rewrite restores: the permission bits
// and setuid, setgid and sticky, which os.FileMode keeps apart from Perm.
func keptMode(m os.FileMode) os.FileMode {
	return m & (os.ModePerm | os.ModeSetuid | os.ModeSetgid | os.ModeSticky)
}

// CreateAtomic is NewAtomicFile for a file that may not exist yet; a new file gets
// mode 0644.
func CreateAtomic(path string) (*AtomicFile, error) {
	if _, err := os.Stat(path); err == nil {
		return NewAtomicFile(path)
	}
	tmp, err := createTemp(path)
	if err != nil {
		return nil, err
	}
	return &AtomicFile{path: path, tmp: tmp, w: bufio.NewWriterSize(tmp, 1<<16), mode: 0o644}, nil
}

// Write appends p to the new content.
func (f *AtomicFile) Write(p []byte) (int, error) { return f.w.Write(p) }

// Commit makes the new content the file's content: flushed, synced, renamed over
// the original, and the folder synced so that the rename itself survives a crash.
func (f *AtomicFile) Commit() error {
	err := f.w.Flush()
	if err == nil {
		err = f.tmp.Sync()
	}
	if err == nil && f.orig != nil {
		err = keepOwner(f.tmp, f.orig)
	}
	if err == nil {
		err = f.tmp.Chmod(f.mode)
	}
	if cerr := f.tmp.Close(); err == nil {
		err = cerr
	}
	temps.Lock()
	defer temps.Unlock()
	if err == nil && !temps.live[f.tmp.Name()] {
		err = errInterrupted
	}
	if err == nil && f.expect != nil {
		err = f.expect.Changed()
	}
	if err == nil {
		err = os.Rename(f.tmp.Name(), f.path)
	}
	delete(temps.live, f.tmp.Name())
	if err != nil {
		_ = os.Remove(f.tmp.Name())
		return err
	}
	syncDir(filepath.Dir(f.path))
	return nil
}

// Abort discards the new content and leaves the original file untouched.
func (f *AtomicFile) Abort() {
	_ = f.tmp.Close()
	temps.Lock()
	defer temps.Unlock()
	_ = os.Remove(f.tmp.Name())
	delete(temps.live, f.tmp.Name())
}

// syncDir makes a rename in dir durable; a failure (some file systems cannot sync
// a folder) leaves the rename done, merely not yet on disk.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		_ = d.Close()
	}
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
