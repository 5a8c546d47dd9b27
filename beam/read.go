package beam

import (
	"context"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"

	"github.com/corpuslint/corpuslint/internal/source"
	"github.com/corpuslint/corpuslint/rules"
)

// Doc is one document in flight between reading and checking: rules.Document's
// fields, in a plain struct the SDK can encode when a runner moves documents
// between workers.
type Doc struct {
	Path   string
	Record int
	ID     string
	Field  string
	URL    string
	Text   string
	Ignore []string
}

func docOf(d *rules.Document) Doc {
	return Doc{Path: d.Path, Record: d.Record, ID: d.ID, Field: d.Field, URL: d.URL, Text: d.Text, Ignore: d.Ignore}
}

func (d *Doc) document() *rules.Document {
	return &rules.Document{Path: d.Path, Record: d.Record, ID: d.ID, Field: d.Field, URL: d.URL, Text: d.Text, Ignore: d.Ignore}
}

// readFn reads one file (named by its path, as the SDK's file matching returns
// it) into documents with the core's readers, so that paths, record numbers, ids
// and texts are those `corpuslint lint` sees. Input problems go to the second
// output as "path:record: message" lines, one per problem.
type readFn struct {
	Settings Settings `json:"settings"`

	st *setup
}

// Setup resolves the settings once per worker instance.
func (fn *readFn) Setup() error {
	st, err := fn.Settings.setup()
	fn.st = st
	return err
}

// ProcessElement reads the file at p.
func (fn *readFn) ProcessElement(ctx context.Context, p string, emitDoc func(Doc), emitErr func(string)) error {
	return readFile(ctx, p, fn.st.opt.Source, func(it source.Item) bool {
		if it.Err != nil {
			// The errors file lists every record that could not be read
			// (Unlisted ones too): not the reader's summary of them, which
			// would count as one more, nor a digest warning (input.verify-digests),
			// whose document follows and is checked.
			if it.Err.Omitted == 0 && !it.Err.Warning {
				emitErr(it.Err.Error())
			}
			return true
		}
		emitDoc(docOf(it.Doc))
		return true
	})
}

// isLocal reports whether p names a file of the local filesystem (no scheme).
func isLocal(p string) bool { return !strings.Contains(p, "://") }

// readFile streams the items of the file p to yield. A local file is read by
// source.Read directly. A file of another filesystem (gs://, s3://, ...) is opened
// through the SDK's filesystem registry; until the core exports a reader over an
// io.Reader, it is copied to a temporary file of the same base name (so that
// name-based decisions agree) and read from there, its provenance mapped back to
// the original path. The copy also gives Parquet the random access it needs.
//
// Only a failure of the filesystem itself (the object cannot be opened or
// copied) is returned; everything wrong with the content is an Item.
func readFile(ctx context.Context, p string, opt source.Options, yield func(source.Item) bool) error {
	if isLocal(p) {
		source.Read(p, opt, yield)
		return nil
	}
	fs, err := filesystem.New(ctx, p)
	if err != nil {
		return err
	}
	defer fs.Close()
	rc, err := fs.OpenRead(ctx, p)
	if err != nil {
		return fmt.Errorf("%s: %w", p, err)
	}
	defer rc.Close()
	dir, err := os.MkdirTemp("", "corpuslint-beam-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	tmp := filepath.Join(dir, path.Base(p))
	f, err := os.Create(tmp)
	if err != nil {
		return err
	}
	if _, err := io.Copy(f, rc); err != nil {
		f.Close()
		return fmt.Errorf("%s: copying to local disk: %w", p, err)
	}
	if err := f.Close(); err != nil {
		return err
	}
	source.Read(tmp, opt, func(it source.Item) bool {
		if it.Err != nil {
			e := *it.Err
			e.Path = p
			it.Err = &e
		}
		if d := it.Doc; d != nil {
			d.Path = p
			switch d.ID {
			case tmp:
				d.ID = p
			case tmp + ":" + strconv.Itoa(d.Record):
				d.ID = p + ":" + strconv.Itoa(d.Record)
			}
		}
		return yield(it)
	})
	return nil
}
