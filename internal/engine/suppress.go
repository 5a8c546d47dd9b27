package engine

import (
	"bytes"
	"encoding/json"
	"strings"

	"github.com/corpuslint/corpuslint/rules"
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

// RecordSuppression drops the findings a document's own Ignore list names, by
// rule or by category ("all" drops everything).
type RecordSuppression struct{}

// Name implements Processor.
func (RecordSuppression) Name() string { return "record-suppression" }

// Process implements Processor.
func (RecordSuppression) Process(doc *rules.Document, fs []rules.Finding) []rules.Finding {
	if len(doc.Ignore) == 0 {
		return fs
	}
	out := fs[:0]
	for _, f := range fs {
		drop := false
		for _, ig := range doc.Ignore {
			if ig == "all" || ig == f.Rule || ig == string(f.Category) {
				drop = true
				break
			}
		}
		if !drop {
			out = append(out, f)
		}
	}
	return out
}

// IgnoreIDs drops every finding of the listed document ids.
type IgnoreIDs map[string]bool

// Name implements Processor.
func (IgnoreIDs) Name() string { return "ignore-ids" }

// Process implements Processor.
func (p IgnoreIDs) Process(doc *rules.Document, fs []rules.Finding) []rules.Finding {
	if p[doc.ID] {
		return fs[:0]
	}
	return fs
}
