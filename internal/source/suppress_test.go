package source

import (
	"reflect"
	"testing"
)

func TestRecordSuppressionField(t *testing.T) {
	in := `{"text":"a","corpuslint":{"ignore":["stray-dash","markup"]}}` + "\n" +
		`{"text":"b"}` + "\n" +
		`{"text":"c","meta":{"lint":{"ignore":["all", 3]}}}` + "\n" +
		`{"text":"d","corpuslint":{"ignore":"stray-dash"}}` + "\n" +
		`{"text":"e","corpuslint":"all"}` + "\n"
	for _, c := range []struct {
		field string
		want  [][]string
	}{
		{"corpuslint", [][]string{{"stray-dash", "markup"}, nil, nil, nil, nil}},
		{"meta.lint", [][]string{nil, nil, {"all"}, nil, nil}},
		{"", [][]string{nil, nil, nil, nil, nil}},
	} {
		items := collect("t.jsonl", []byte(in), JSONL, Options{SuppressField: c.field})
		if len(items) != len(c.want) {
			t.Fatalf("field %q: %d items, want %d", c.field, len(items), len(c.want))
		}
		for i, it := range items {
			if it.Doc == nil {
				t.Fatalf("field %q: record %d: %v", c.field, i+1, it.Err)
			}
			if !reflect.DeepEqual(it.Doc.Ignore, c.want[i]) {
				t.Errorf("field %q: record %d: Ignore = %q, want %q", c.field, i+1, it.Doc.Ignore, c.want[i])
			}
		}
	}
}
