//go:build unix

package fix

import (
	"errors"
	"syscall"
)

// processAlive reports whether a process with this id runs (or may: one of
// another user answers EPERM, and its files are not ours to remove).
func processAlive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || !errors.Is(err, syscall.ESRCH)
}
