//go:build unix

package fix

import (
	"os"
	"syscall"
)

// links returns the number of hard links of a file.
func links(st os.FileInfo) int {
	if s, ok := st.Sys().(*syscall.Stat_t); ok {
		return int(s.Nlink)
	}
	return 1
}

// keepOwner gives tmp the owner and group of the file it replaces, when this
// process may: as root. (Anyone else's new file is theirs; chown to another
// owner would fail.) It must come before the mode is set, since chown clears
// setuid and setgid.
func keepOwner(tmp *os.File, orig os.FileInfo) error {
	s, ok := orig.Sys().(*syscall.Stat_t)
	if !ok || os.Geteuid() != 0 {
		return nil
	}
	return tmp.Chown(int(s.Uid), int(s.Gid))
}
