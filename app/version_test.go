package app

import (
	"bytes"
	"runtime/debug"
	"strings"
	"testing"
)

func TestWriteVersion(t *testing.T) {
	stamped := &debug.BuildInfo{
		GoVersion: "go1.26.8",
		Main:      debug.Module{Path: modulePath, Version: "v0.0.0-20261207080502-f4d8dc4b1a12+dirty"},
		Settings: []debug.BuildSetting{
			{Key: "vcs", Value: "git"},
			{Key: "vcs.revision", Value: "f4d8dc4b1a12d5f15bd940db7b3fe51df77bb6a0"},
			{Key: "vcs.time", Value: "2026-12-07T08:05:02Z"},
			{Key: "vcs.modified", Value: "true"},
		},
	}
	installed := &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Path: modulePath, Version: "v0.1.0"}}
	custom := &debug.BuildInfo{
		GoVersion: "go1.26.8",
		Main:      debug.Module{Path: "example.com/team/lint", Version: "(devel)"},
		Deps:      []*debug.Module{{Path: "golang.org/x/text", Version: "v0.43.0"}, {Path: modulePath, Version: "v0.2.0"}},
	}
	for _, tc := range []struct {
		name string
		bi   *debug.BuildInfo
		want []string
		not  []string
	}{
		{"stamped", stamped, []string{
			"corpuslint v0.0.0-20261207080502-f4d8dc4b1a12+dirty\n",
			"revision  f4d8dc4b1a12d5f15bd940db7b3fe51df77bb6a0 (modified: built with uncommitted changes)\n",
			"time      2026-12-07T08:05:02Z\n",
			"go        go1.26.8 ",
		}, []string{"unknown"}},
		{"go install @version", installed, []string{"corpuslint v0.1.0\n", "go        go1.26.8 "}, []string{"revision"}},
		{"extra rules", custom, []string{"corpuslint v0.2.0\n", "module    example.com/team/lint (devel) (corpuslint with extra rules)\n"}, nil},
		{"no build info", nil, []string{"corpuslint (unknown)\n", "revision  unknown"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			writeVersion(&b, tc.bi)
			for _, w := range tc.want {
				if !strings.Contains(b.String(), w) {
					t.Errorf("output lacks %q:\n%s", w, b.String())
				}
			}
			for _, w := range tc.not {
				if strings.Contains(b.String(), w) {
					t.Errorf("output has %q:\n%s", w, b.String())
				}
			}
		})
	}
}
