package app

import (
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
	"strings"

	"github.com/urfave/cli/v2"
)

// modulePath is corpuslint's module, which a binary with extra rules (built in
// its own module) depends on.
const modulePath = "github.com/corpuslint/corpuslint"

func init() {
	// urfave/cli's version flag is a package variable; the default one also
	// takes -v, which people read as --verbose.
	cli.VersionFlag = &cli.BoolFlag{Name: "version", Usage: "print the version, the VCS revision it was built from and the Go version, then exit"}
	cli.VersionPrinter = func(c *cli.Context) { writeVersion(c.App.Writer, readBuildInfo()) }
}

// readBuildInfo is debug.ReadBuildInfo, nil when the binary carries none.
func readBuildInfo() *debug.BuildInfo {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return nil
	}
	return bi
}

// buildVersion is what the build info says about the binary: the module
// version of corpuslint in it, and the VCS stamp `go build` adds in a checkout.
type buildVersion struct {
	Version  string // corpuslint's module version: a tag, a pseudo-version or (devel)
	Module   string // the main module when it is not corpuslint (a binary with extra rules)
	ModVer   string // that module's version
	Revision string // vcs.revision
	Time     string // vcs.time
	Modified bool   // vcs.modified: built from a work tree with uncommitted changes
	Go       string // the Go version that built it
}

// versionOf reads bi (nil when the binary has no build info).
func versionOf(bi *debug.BuildInfo) buildVersion {
	v := buildVersion{Version: "(unknown)", Go: runtime.Version()}
	if bi == nil {
		return v
	}
	if bi.GoVersion != "" {
		v.Go = bi.GoVersion
	}
	if bi.Main.Path == modulePath || bi.Main.Path == "" {
		v.Version = bi.Main.Version
	} else {
		v.Module, v.ModVer = bi.Main.Path, bi.Main.Version
		for _, d := range bi.Deps {
			if d.Path == modulePath {
				v.Version = d.Version
				if d.Replace != nil {
					v.Version = d.Replace.Version + " (replaced by " + d.Replace.Path + ")"
				}
			}
		}
	}
	if v.Version == "" {
		v.Version = "(devel)"
	}
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			v.Revision = s.Value
		case "vcs.time":
			v.Time = s.Value
		case "vcs.modified":
			v.Modified = s.Value == "true"
		}
	}
	return v
}

// versionLine is the one-line version: what --version's first line says.
func (v buildVersion) versionLine() string {
	return "corpuslint " + v.Version
}

// writeVersion prints what `corpuslint version` and --version print: the
// version, then one "key value" line per fact the build info holds, so that a
// bug report names the exact build.
func writeVersion(w io.Writer, bi *debug.BuildInfo) {
	v := versionOf(bi)
	fmt.Fprintln(w, v.versionLine())
	if v.Module != "" {
		fmt.Fprintf(w, "module    %s %s (corpuslint with extra rules)\n", v.Module, v.ModVer)
	}
	switch {
	case v.Revision != "":
		rev := v.Revision
		if v.Modified {
			rev += " (modified: built with uncommitted changes)"
		}
		fmt.Fprintln(w, "revision ", rev)
		if v.Time != "" {
			fmt.Fprintln(w, "time     ", v.Time)
		}
	case strings.HasPrefix(v.Version, "v"):
		// go install module@version records the version, not the VCS stamp;
		// a pseudo-version ends in the commit it names.
	default:
		fmt.Fprintln(w, "revision  unknown (no VCS stamp: built by go test or go run, with -buildvcs=false, or in a git worktree)")
	}
	fmt.Fprintf(w, "go        %s %s/%s\n", v.Go, runtime.GOOS, runtime.GOARCH)
}

func versionCommand() *cli.Command {
	return &cli.Command{
		Name:  "version",
		Usage: "print the version, the VCS revision it was built from and the Go version",
		Description: `Prints what the binary's build information records (runtime/debug): corpuslint's
module version (a tag, a pseudo-version naming the commit, or (devel) for a build
from a checkout), the VCS revision, its time and whether the work tree had
uncommitted changes (go build stamps these in a checkout), and the Go version.
corpuslint --version prints the same.`,
		Action: func(c *cli.Context) error {
			if c.Args().Len() > 0 {
				return usageError("version takes no arguments")
			}
			writeVersion(c.App.Writer, readBuildInfo())
			return nil
		},
	}
}
