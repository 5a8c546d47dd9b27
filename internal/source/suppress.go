package source

import (
	"bytes"
	"encoding/json"
	"strings"
)

// suppression reads the rules a JSONL record asks not to be reported, from
// {"<field>": {"ignore": [...]}} (Options.SuppressField, which may be a dotted
// path), into Doc.Ignore.
type suppression struct {
	parts []string // the field's path
	key   []byte   // its last key, quoted: records without it pay one byte search
}

func newSuppression(field string) *suppression {
	if field == "" {
		return nil
	}
	parts := strings.Split(field, ".")
	return &suppression{parts: parts, key: []byte(`"` + parts[len(parts)-1] + `"`)}
}

// ignores returns the list the record raw names, nil when it names none. Records
// without the field pay one byte search, not a decode.
func (s *suppression) ignores(raw []byte) []string {
	if !bytes.Contains(raw, s.key) {
		return nil
	}
	var v any
	if json.Unmarshal(raw, &v) != nil {
		return nil
	}
	for _, p := range s.parts {
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = m[p]
	}
	m, ok := v.(map[string]any)
	if !ok {
		return nil
	}
	list, _ := m["ignore"].([]any)
	var out []string
	for _, x := range list {
		if name, ok := x.(string); ok {
			out = append(out, name)
		}
	}
	return out
}
