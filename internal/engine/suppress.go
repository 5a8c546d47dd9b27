package engine

import (
	"bytes"
	"encoding/json"
	"strings"
)

// RecordIgnores reads the rules a JSONL record asks not to be reported, from
// {"<field>": {"ignore": [...]}} (field may be a dotted path). Records without the
// field pay one byte search, not a decode.
func RecordIgnores(raw []byte, field string) []string {
	parts := strings.Split(field, ".")
	if !bytes.Contains(raw, []byte(`"`+parts[len(parts)-1]+`"`)) {
		return nil
	}
	var v any
	if json.Unmarshal(raw, &v) != nil {
		return nil
	}
	for _, p := range parts {
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
		if s, ok := x.(string); ok {
			out = append(out, s)
		}
	}
	return out
}
