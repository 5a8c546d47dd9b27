package fix

import (
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// Snapshot is what a file looked like when a run started to read it: fix refuses
// to replace a file that changed since (another process appending lines, an
// editor saving it), since the rewrite would drop or garble what it did not read.
type Snapshot struct {
	// Path is the file as named; Target is the file it resolves to through
	// symlinks, the one a rewrite replaces, so that a symlink stays a link to
	// the fixed file.
	Path, Target string
	Size         int64
	ModTime      time.Time
	// Links is the number of hard links to the file: a rewrite replaces this
	// name only, and the other names keep the old content.
	Links int
}

// Snap records path's state.
func Snap(path string) (Snapshot, error) {
	target, err := filepath.EvalSymlinks(path)
	if err != nil {
		return Snapshot{}, err
	}
	st, err := os.Stat(target)
	if err != nil {
		return Snapshot{}, err
	}
	return Snapshot{Path: path, Target: target, Size: st.Size(), ModTime: st.ModTime(), Links: links(st)}, nil
}

// Changed returns an error naming what changed when the file is no longer as it
// was snapshotted, nil when it is.
func (s *Snapshot) Changed() error {
	st, err := os.Stat(s.Target)
	if err != nil {
		return fmt.Errorf("%s: it changed while fix was running (%v); not rewritten, run fix again", s.Path, err)
	}
	if st.Size() != s.Size || !st.ModTime().Equal(s.ModTime) {
		return fmt.Errorf("%s: it changed while fix was running (%d bytes modified at %s, now %d bytes modified at %s); not rewritten, run fix again",
			s.Path, s.Size, s.ModTime.Format(time.RFC3339Nano), st.Size(), st.ModTime().Format(time.RFC3339Nano))
	}
	return nil
}
