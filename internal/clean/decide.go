package clean

import (
	"strings"

	"github.com/corpuslint/corpuslint/internal/fix"
	"github.com/corpuslint/corpuslint/internal/source"
	"github.com/corpuslint/corpuslint/report"
)

// EmptyRule is the "rule" of a rejected record whose text the fixes emptied
// (kept instead with KeepEmpty). No rule has this name.
const EmptyRule = "empty-after-fix"

// EmptyReason is the reason given with EmptyRule.
const EmptyReason = "the fixes removed all of its text (--keep-empty keeps such documents)"

// ErrorRule is the "rule" of a rejected record that could not be read.
const ErrorRule = "input-error"

// Options decide what happens to a checked document: the `fix --output` flags
// that are not about where records go. The single binary and the Beam pipeline
// both decide with them, so their outputs are the same.
type Options struct {
	// Unsafe lets unsafe fixes apply (they were applied by the fix loop; the
	// statistics' decision must agree).
	Unsafe bool
	// KeepEmpty keeps a document whose text the fixes emptied.
	KeepEmpty bool
	// Annotate, when not "", is the field the statistics go under.
	Annotate string
}

// Outcome is where one checked document goes and the record written there.
type Outcome struct {
	// Line is the record, without its line ending.
	Line []byte
	// Rejected is true when it goes to the rejected output; Rule and Reason
	// then say why.
	Rejected     bool
	Rule, Reason string
}

// Decide returns the outcome of the document of it, whose report (with the
// rules' scores when Annotate is set) is rd and whose fix loop result is res.
func Decide(it source.Item, rd *report.Document, res *fix.Result, o Options) Outcome {
	doc := it.Doc
	emptied := !o.KeepEmpty && strings.TrimSpace(res.Text) == "" && strings.TrimSpace(doc.Text) != ""
	var stats []byte
	if o.Annotate != "" {
		st := report.StatsOf(rd, o.Unsafe)
		if d := res.Dropped; d != nil {
			st.Decision, st.DropRule, st.DropReason, st.BytesRemoved = "drop", d.Rule, d.Message, len(doc.Text)
		}
		if res.Dropped == nil && emptied {
			st.Decision, st.DropRule, st.DropReason, st.BytesRemoved = "drop", EmptyRule, EmptyReason, len(doc.Text)
		}
		stats, _ = report.StatsJSON(st)
	}
	if res.Dropped != nil || emptied {
		out := Outcome{Rejected: true, Rule: EmptyRule, Reason: EmptyReason}
		if d := res.Dropped; d != nil {
			out.Rule, out.Reason = d.Rule, d.Message
		}
		out.Line = fix.RejectedRecord(Record(it, doc.Text), out.Rule, out.Reason)
		if stats != nil {
			out.Line = AddField(out.Line, o.Annotate, stats)
		}
		return out
	}
	line := Record(it, res.Text)
	if stats != nil {
		line = AddField(line, o.Annotate, stats)
	}
	return Outcome{Line: line}
}

// RejectedError returns the rejected record of a line that could not be read
// (its raw bytes kept as they were), or nil when the error has no line.
func RejectedError(it source.Item) []byte {
	e := it.Err
	if e == nil || it.Raw == nil || e.Record == 0 {
		return nil
	}
	return fix.RejectedRecord(ErrorRecord(e.Path, e.Record, it.Raw), ErrorRule, e.Msg)
}
