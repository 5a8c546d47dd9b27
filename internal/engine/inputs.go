package engine

import (
	"bufio"
	"fmt"
	"io"
	"os"

	"github.com/corpuslint/corpuslint/internal/source"
)

// input is one file of a run as the passes read it. A stream (source.IsStream:
// standard input, a FIFO, /dev/fd/N) can be read only once, so when corpus rules
// need two passes it is first copied to a temporary file (spool), and both passes
// read the copy under the stream's name.
type input struct {
	name  string
	spool *os.File  // the copy of a stream, or nil
	rest  io.Reader // a stream longer than the spool limit: what follows the copy
}

// observed reports whether the first pass of the corpus rules reads the input: a
// stream is read only when it was copied whole.
func (in *input) observed() bool {
	return in.rest == nil && (in.spool != nil || !source.IsStream(in.name))
}

// read streams the input's items.
func (in *input) read(opt source.Options, yield func(source.Item) bool) {
	switch {
	case in.rest != nil:
		if _, err := in.spool.Seek(0, io.SeekStart); err != nil {
			yield(source.Item{Err: &source.InputError{Path: in.name, Msg: "read error: " + err.Error()}})
			return
		}
		source.ReadStream(in.name, io.MultiReader(in.spool, in.rest), opt, yield)
	case in.spool != nil:
		source.ReadSpooled(in.name, in.spool, opt, yield)
	default:
		source.Read(in.name, opt, yield)
	}
}

// plainInputs are files read as they are: one pass, or no stream among them.
func plainInputs(files []string) []*input {
	out := make([]*input, len(files))
	for i, f := range files {
		out[i] = &input{name: f}
	}
	return out
}

// spoolInputs returns the inputs of a two-pass run: every stream among files is
// copied to a temporary file, up to limit bytes as read (compressed bytes for a
// compressed stream). A longer stream keeps its copy as the start of its one
// reading, which the first pass skips; notice says so. cleanup closes and
// removes the copies.
func spoolInputs(files []string, limit int64, notice func(string)) (ins []*input, cleanup func(), err error) {
	ins = plainInputs(files)
	var spools []*os.File
	cleanup = func() {
		for _, f := range spools {
			_ = f.Close()
			_ = os.Remove(f.Name())
		}
	}
	for _, in := range ins {
		if !source.IsStream(in.name) {
			continue
		}
		var r io.Reader = os.Stdin
		if in.name != "-" {
			f, err := os.Open(in.name)
			if err != nil {
				continue // Read reports it, in its place
			}
			// The stream stays open for the rest of the run when it is
			// longer than the copy; the process ends soon after.
			r = f
		}
		tmp, err := os.CreateTemp("", "corpuslint-stream-*")
		if err != nil {
			cleanup()
			return nil, nil, fmt.Errorf("%s: cannot copy the stream for the corpus rules: %w", in.name, err)
		}
		spools = append(spools, tmp)
		// Removed at once where the system allows it (the open file stays
		// readable), so that a killed run leaves nothing behind; elsewhere
		// cleanup removes it.
		_ = os.Remove(tmp.Name())
		br := bufio.NewReaderSize(r, 64<<10)
		n, err := io.Copy(tmp, io.LimitReader(br, limit+1))
		if err != nil {
			cleanup()
			return nil, nil, fmt.Errorf("%s: cannot copy the stream for the corpus rules: %w", in.name, err)
		}
		in.spool = tmp
		if n > limit {
			in.rest = br
			notice(fmt.Sprintf("%s: a stream longer than %s (--max-record-size) cannot be held for the corpus rules' first pass (such as repeated-line), so they see no documents from it",
				in.name, source.FormatSize(limit)))
		}
	}
	return ins, cleanup, nil
}
