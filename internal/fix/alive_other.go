//go:build !unix

package fix

// processAlive cannot ask the system here, so every process counts as running
// and no temporary file is removed as stale.
func processAlive(int) bool { return true }
