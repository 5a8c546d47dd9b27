package app

import (
	"os"
	"reflect"
	"strings"
	"testing"
)

func TestInterspersed(t *testing.T) {
	app := newApp(os.Stdin, os.Stdout, os.Stderr)
	for _, tc := range []struct{ in, want string }{
		{"corpuslint lint a.txt --format jsonl", "corpuslint lint --format jsonl -- a.txt"},
		{"corpuslint lint a.txt --format=jsonl b.txt", "corpuslint lint --format=jsonl -- a.txt b.txt"},
		{"corpuslint lint a.txt -qf jsonl", "corpuslint lint -qf jsonl -- a.txt"},
		{"corpuslint lint a.txt -f jsonl -q", "corpuslint lint -f jsonl -q -- a.txt"},
		{"corpuslint lint - --quiet", "corpuslint lint --quiet -- -"},
		{"corpuslint lint --select stray-dash -- --odd -q", "corpuslint lint --select stray-dash -- --odd -q"},
		// A value that looks like a flag is still the value.
		{"corpuslint lint a.txt --text-field -x", "corpuslint lint --text-field -x -- a.txt"},
		// Unknown flags stay flags (the parser reports them) and take no value.
		{"corpuslint lint a.txt --formt jsonl", "corpuslint lint --formt -- a.txt jsonl"},
		{"corpuslint lint a.txt --help", "corpuslint lint --help"},
		{"corpuslint fix a.jsonl --diff", "corpuslint fix --diff -- a.jsonl"},
		{"corpuslint baseline b.json data -q", "corpuslint baseline -q -- b.json data"},
		{"corpuslint lint --format jsonl", "corpuslint lint --format jsonl"},
		// Global flags, unknown commands and no command are left alone.
		{"corpuslint --version", "corpuslint --version"},
		{"corpuslint lnt a.txt --format jsonl", "corpuslint lnt a.txt --format jsonl"},
		{"corpuslint", "corpuslint"},
	} {
		got := interspersed(app, strings.Fields(tc.in))
		if want := strings.Fields(tc.want); !reflect.DeepEqual(got, want) {
			t.Errorf("%s:\n got %q\nwant %q", tc.in, got, want)
		}
	}
}
