package app

import (
	"os"
	"runtime/pprof"
)

// startCPUProfile writes a CPU profile to path until the returned function is
// called; speed work measures the real command, not a stand-in.
func startCPUProfile(path string) (func(), error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		_ = f.Close()
		return nil, err
	}
	return func() {
		pprof.StopCPUProfile()
		_ = f.Close()
	}, nil
}
