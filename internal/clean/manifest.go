package clean

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"time"

	"github.com/corpuslint/corpuslint/internal/fix"
)

// ManifestName is the manifest's file name in an output folder.
const ManifestName = "corpuslint-manifest.json"

// Manifest records a folder-mode clean: which inputs were cleaned into which
// outputs, how many records went where, and the configuration used, so that a
// run can be audited and resumed.
type Manifest struct {
	// Version is the corpuslint build that wrote it.
	Version string `json:"version"`
	// Config is what decides the output besides the input; a rerun with another
	// configuration redoes every input.
	Config json.RawMessage `json:"config"`
	Inputs []Entry         `json:"inputs"`
}

// Entry is one input's line of the manifest.
type Entry struct {
	Input string `json:"input"`
	// Size and ModTime identify the input's content as read, so a changed input
	// is cleaned again.
	Size    int64     `json:"size"`
	ModTime time.Time `json:"mtime"`
	Output  string    `json:"output"`
	// OutputBytes is the size of the committed output; an output of another
	// size is not the one this entry describes.
	OutputBytes int64  `json:"output_bytes"`
	Rejected    string `json:"rejected"`
	// Records counts the documents read and the records that could not be;
	// Written + RejectedRecords = Records.
	Records         int `json:"records"`
	Written         int `json:"written"`
	RejectedRecords int `json:"rejected_records"`
	Errors          int `json:"errors"`
	// Complete is true when the input was read to its end and both outputs were
	// committed; only complete inputs are skipped by a rerun.
	Complete bool `json:"complete"`
	// Shards lists the output files in order when --shard-size rolls them
	// (Output and OutputBytes are then the first one's); nil otherwise.
	Shards []Shard `json:"shards,omitempty"`
}

// Shard is one output file of an input whose output rolls every --shard-size
// records.
type Shard struct {
	Path    string `json:"path"`
	Bytes   int64  `json:"bytes"`
	Records int    `json:"records"`
}

// ReadManifest reads the manifest of the output folder dir; a missing one is
// (nil, nil).
func ReadManifest(dir string) (*Manifest, error) {
	b, err := os.ReadFile(filepath.Join(dir, ManifestName))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var m Manifest
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, err
	}
	return &m, nil
}

// Write replaces the manifest in dir atomically, so a run killed at any point
// leaves the previous manifest or this one.
func (m *Manifest) Write(dir string) error {
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	f, err := fix.CreateAtomic(filepath.Join(dir, ManifestName))
	if err != nil {
		return err
	}
	if _, err := f.Write(append(b, '\n')); err != nil {
		f.Abort()
		return err
	}
	return f.Commit()
}

// Done returns the entry of input when a rerun may skip it: the earlier run
// used the same configuration, completed it, the input has not changed since,
// and its outputs are still there as written.
func (m *Manifest) Done(input string, config []byte) (Entry, bool) {
	if m == nil || !bytes.Equal(compact(m.Config), compact(config)) {
		return Entry{}, false
	}
	for _, e := range m.Inputs {
		if e.Input != input || !e.Complete {
			continue
		}
		st, err := os.Stat(input)
		if err != nil || st.Size() != e.Size || !st.ModTime().Equal(e.ModTime) {
			return Entry{}, false
		}
		ost, err := os.Stat(e.Output)
		if err != nil || ost.Size() != e.OutputBytes {
			return Entry{}, false
		}
		if _, err := os.Stat(e.Rejected); err != nil {
			return Entry{}, false
		}
		for _, sh := range e.Shards {
			if st, err := os.Stat(sh.Path); err != nil || st.Size() != sh.Bytes {
				return Entry{}, false
			}
		}
		return e, true
	}
	return Entry{}, false
}

func compact(b []byte) []byte {
	var out bytes.Buffer
	if json.Compact(&out, b) != nil {
		return b
	}
	return out.Bytes()
}

// Version returns the build's module version and VCS revision, as far as the
// binary knows them.
func Version() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "corpuslint (unknown build)"
	}
	v := "corpuslint " + bi.Main.Version
	for _, s := range bi.Settings {
		if s.Key == "vcs.revision" {
			v += " " + s.Value
		}
		if s.Key == "vcs.modified" && s.Value == "true" {
			v += " (modified)"
		}
	}
	return v
}

// RunConfig is what decides a clean's output besides its input, as the
// manifest records it: a rerun with another one redoes every input. The single
// binary and the Beam pipeline fill it alike, so either can resume the other's
// folder.
type RunConfig struct {
	Profile      string
	Rules        []string
	Unsafe       bool
	KeepEmpty    bool
	Annotate     string
	OutputFormat string
	ShardSize    int
	TextField    string
	IDField      string
	// ConfigFile is the configuration file's name, "" for none; ConfigData its
	// content, whose SHA-256 is recorded.
	ConfigFile string
	ConfigData []byte
}

// JSON returns the manifest's "config" object.
func (c RunConfig) JSON() json.RawMessage {
	cfg := map[string]any{
		"profile": c.Profile, "rules": c.Rules, "unsafe_fixes": c.Unsafe, "keep_empty": c.KeepEmpty,
		"annotate": c.Annotate, "output_format": c.OutputFormat, "shard_size": c.ShardSize,
		"text_field": c.TextField, "id_field": c.IDField,
		"config_file": c.ConfigFile,
	}
	if c.ConfigFile != "" && c.ConfigData != nil {
		sum := sha256.Sum256(c.ConfigData)
		cfg["config_sha256"] = hex.EncodeToString(sum[:])
	}
	b, _ := json.Marshal(cfg)
	return b
}
