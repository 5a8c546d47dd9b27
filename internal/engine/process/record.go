package process

import "github.com/corpuslint/corpuslint/rules"

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
