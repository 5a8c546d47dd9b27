package fix

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

var errInterrupted = errors.New("interrupted")

// HandleSignals makes SIGINT, SIGTERM and SIGPIPE (the reader of the output went
// away: `corpuslint fix data/ | head`) end the run cleanly: the temporary
// files not yet committed are removed (RemoveTemps), so that every file is left
// either as it was or fully rewritten, a line saying so goes to w, and the process
// exits with 128 plus the signal number as shells report it. The returned
// function stops the handling.
func HandleSignals(w io.Writer) (stop func()) {
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, os.Interrupt, syscall.SIGTERM, syscall.SIGPIPE)
	done := make(chan struct{})
	go func() {
		select {
		case sig := <-ch:
			n := RemoveTemps()
			fmt.Fprintf(w, "corpuslint: interrupted by %v; %d temporary files removed, files not yet rewritten are unchanged\n", sig, n)
			code := 130
			if s, ok := sig.(syscall.Signal); ok {
				code = 128 + int(s)
			}
			os.Exit(code)
		case <-done:
		}
	}()
	return func() {
		signal.Stop(ch)
		close(done)
	}
}
