package report

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/corpuslint/corpuslint/report/internal/mdtext"
	"github.com/corpuslint/corpuslint/report/internal/span"
	"github.com/corpuslint/corpuslint/rules"
)

// SARIF 2.1.0 constants.
const (
	sarifSchema  = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	sarifVersion = "2.1.0"
	toolURI      = "https://github.com/corpuslint/corpuslint"
)

// SARIF writes findings as one SARIF 2.1.0 log (the format code-scanning services
// read): a run whose tool.driver lists the rules with their docs and whose results
// carry regions and, for plain files, the safe fixes as byte replacements.
//
// A whole-file document's region is the finding's span: lines and columns (columns
// count Unicode code points; the run says so with columnKind) and byte offsets. A
// JSONL record's findings point at the record's line in the file, since positions
// inside the decoded text field are not positions in the file; the record, id and
// the region inside the decoded text go in the result's logical location and
// properties, and no fix is offered as a file replacement.
type SARIF struct {
	w       *bufio.Writer
	opt     Options
	rules   []rules.Meta
	index   map[string]int
	count   int
	started bool
	err     error
}

// NewSARIF returns the sarif reporter. opt.Rules describe the rules for tool.driver,
// in order (results of a rule not among them carry its id without an index); the
// caller passes the rules it knows, the built-in ones and any others.
func NewSARIF(w io.Writer, opt Options) *SARIF {
	r := &SARIF{w: bufio.NewWriterSize(w, 1<<16), opt: opt, index: map[string]int{}}
	for _, m := range opt.Rules {
		if _, dup := r.index[m.Name]; dup || m.Name == "" {
			continue
		}
		r.index[m.Name] = len(r.rules)
		r.rules = append(r.rules, m)
	}
	return r
}

type sarifMessage struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

type sarifRule struct {
	ID                   string         `json:"id"`
	Name                 string         `json:"name"`
	ShortDescription     sarifMessage   `json:"shortDescription"`
	FullDescription      sarifMessage   `json:"fullDescription"`
	Help                 sarifMessage   `json:"help"`
	DefaultConfiguration sarifRuleConf  `json:"defaultConfiguration"`
	Properties           sarifRuleProps `json:"properties"`
}

type sarifRuleConf struct {
	Enabled bool   `json:"enabled"`
	Level   string `json:"level"`
}

type sarifRuleProps struct {
	Category string   `json:"category"`
	Tags     []string `json:"tags"`
	Fixable  bool     `json:"fixable"`
	Matches  string   `json:"matches,omitempty"`
}

type sarifResult struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           *int              `json:"ruleIndex,omitempty"`
	Level               string            `json:"level"`
	Message             sarifMessage      `json:"message"`
	Locations           []sarifLocation   `json:"locations"`
	PartialFingerprints map[string]string `json:"partialFingerprints"`
	Fixes               []sarifFix        `json:"fixes,omitempty"`
	Properties          sarifResultProps  `json:"properties"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical  `json:"physicalLocation"`
	LogicalLocations []sarifLogical `json:"logicalLocations,omitempty"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           sarifRegion   `json:"region"`
}

type sarifArtifact struct {
	URI string `json:"uri"`
}

type sarifRegion struct {
	StartLine   int  `json:"startLine"`
	StartColumn int  `json:"startColumn,omitempty"`
	EndLine     int  `json:"endLine,omitempty"`
	EndColumn   int  `json:"endColumn,omitempty"`
	ByteOffset  *int `json:"byteOffset,omitempty"`
	ByteLength  *int `json:"byteLength,omitempty"`
}

type sarifLogical struct {
	Name               string `json:"name"`
	FullyQualifiedName string `json:"fullyQualifiedName"`
	Kind               string `json:"kind"`
}

type sarifFix struct {
	Description     sarifMessage          `json:"description"`
	ArtifactChanges []sarifArtifactChange `json:"artifactChanges"`
}

type sarifArtifactChange struct {
	ArtifactLocation sarifArtifact      `json:"artifactLocation"`
	Replacements     []sarifReplacement `json:"replacements"`
}

type sarifReplacement struct {
	DeletedRegion   sarifByteRegion `json:"deletedRegion"`
	InsertedContent *sarifContent   `json:"insertedContent,omitempty"`
}

type sarifByteRegion struct {
	ByteOffset int `json:"byteOffset"`
	ByteLength int `json:"byteLength"`
}

type sarifContent struct {
	Text string `json:"text"`
}

type sarifResultProps struct {
	Category string `json:"category"`
	// Record, ID and TextRegion locate a JSONL finding inside the decoded text field.
	Record     int          `json:"record,omitempty"`
	ID         string       `json:"id,omitempty"`
	Field      string       `json:"field,omitempty"`
	TextRegion *sarifRegion `json:"textRegion,omitempty"`
	Score      *Measure     `json:"score,omitempty"`
	// Fix describes a fix that cannot be given as a file replacement (JSONL).
	Fix *sarifTextFix `json:"textFix,omitempty"`
}

type sarifTextFix struct {
	Message string           `json:"message"`
	Edits   []sarifTextEdits `json:"edits"`
}

type sarifTextEdits struct {
	Offset    int    `json:"offset"`
	EndOffset int    `json:"end_offset"`
	Text      string `json:"text"`
}

func (r *SARIF) start() {
	if r.started {
		return
	}
	r.started = true
	driver := sarifDriver{Name: "corpuslint", InformationURI: toolURI, Rules: r.descriptors()}
	head, err := marshalIndent(struct {
		Driver sarifDriver `json:"driver"`
	}{driver}, "      ")
	if err != nil {
		r.err = err
		return
	}
	_, r.err = fmt.Fprintf(r.w, "{\n  \"$schema\": %q,\n  \"version\": %q,\n  \"runs\": [\n    {\n      \"tool\": %s,\n      \"columnKind\": \"unicodeCodePoints\",\n      \"results\": [",
		sarifSchema, sarifVersion, head)
}

func (r *SARIF) descriptors() []sarifRule {
	out := make([]sarifRule, 0, len(r.rules))
	for _, m := range r.rules {
		short := m.Title
		if short == "" {
			short = m.Name
		}
		full := m.Doc
		if full == "" {
			full = short
		}
		help, helpMD := ruleHelp(m)
		out = append(out, sarifRule{
			ID:                   m.Name,
			Name:                 m.Name,
			ShortDescription:     sarifMessage{Text: short},
			FullDescription:      sarifMessage{Text: full},
			Help:                 sarifMessage{Text: help, Markdown: helpMD},
			DefaultConfiguration: sarifRuleConf{Enabled: !m.Disabled, Level: sarifLevel(m.Severity)},
			Properties: sarifRuleProps{Category: string(m.Category), Tags: []string{string(m.Category)},
				Fixable: m.Fixable, Matches: m.Matches},
		})
	}
	return out
}

// ruleHelp returns a rule's docs with its examples, as text and as Markdown.
func ruleHelp(m rules.Meta) (text, md string) {
	var t, g []string
	add := func(txt, mdown string) {
		t = append(t, txt)
		g = append(g, mdown)
	}
	if m.Title != "" {
		add(m.Title, "**"+mdtext.Escape(m.Title)+"**")
	}
	if m.Doc != "" {
		add(m.Doc, mdtext.EscapeProse(m.Doc))
	}
	if m.Bad != "" {
		add("Flagged:\n"+m.Bad, "Flagged:\n\n"+strings.TrimSuffix(mdtext.Fence(m.Bad, "text"), "\n"))
	}
	if m.Good != "" {
		add("Better:\n"+m.Good, "Better:\n\n"+strings.TrimSuffix(mdtext.Fence(m.Good, "text"), "\n"))
	}
	if m.Matches != "" {
		add("Matches: "+m.Matches, "Matches: "+mdtext.Escape(m.Matches))
	}
	add("See `corpuslint rules "+m.Name+"`.", "See `corpuslint rules "+m.Name+"`.")
	return strings.Join(t, "\n\n"), strings.Join(g, "\n\n")
}

func sarifLevel(s rules.Severity) string {
	switch s {
	case rules.Error:
		return "error"
	case rules.Info:
		return "note"
	}
	return "warning"
}

// Document implements Reporter.
func (r *SARIF) Document(d *Document) error {
	r.start()
	for i := range d.Findings {
		res := r.result(d, &d.Findings[i])
		b, err := marshalIndent(res, "        ")
		if err != nil {
			return err
		}
		sep := "\n        "
		if r.count > 0 {
			sep = "," + sep
		}
		_, _ = r.w.WriteString(sep)
		if _, err := r.w.Write(b); err != nil {
			return err
		}
		r.count++
	}
	return r.err
}

func (r *SARIF) result(d *Document, it *Item) sarifResult {
	uri := artifactURI(d.Path)
	res := sarifResult{
		RuleID:              it.Rule,
		Level:               sarifLevel(it.Severity),
		Message:             sarifMessage{Text: it.Message},
		PartialFingerprints: map[string]string{"corpuslint/v1": fingerprint(d, it)},
		Properties:          sarifResultProps{Category: string(it.Category)},
	}
	if i, ok := r.index[it.Rule]; ok {
		res.RuleIndex = &i
	}
	if s := it.Score; s != nil {
		res.Properties.Score = &Measure{Name: s.Name, Value: s.Value, Op: s.Op, Threshold: s.Threshold}
	}
	fix := it.Fix
	if fix != nil && fix.Applicability != rules.Safe && !r.opt.UnsafeFixes {
		fix = nil
	}
	textRegion := sarifTextRegion(d.Text, it)
	loc := sarifLocation{PhysicalLocation: sarifPhysical{ArtifactLocation: sarifArtifact{URI: uri}}}
	if d.Record > 0 {
		// The record is one line of the file; the span is inside its decoded text.
		loc.PhysicalLocation.Region = sarifRegion{StartLine: d.Record}
		name := fmt.Sprintf("record %d", d.Record)
		loc.LogicalLocations = []sarifLogical{{Name: name, FullyQualifiedName: Label(d), Kind: "object"}}
		res.Message.Text = fmt.Sprintf("%s, text %d:%d: %s", recordName(d), it.Line, it.Col, it.Message)
		res.Properties.Record = d.Record
		res.Properties.ID = d.ID
		res.Properties.TextRegion = &textRegion
		if fix != nil {
			tf := &sarifTextFix{Message: fix.Message}
			for _, e := range fix.Edits {
				tf.Edits = append(tf.Edits, sarifTextEdits{Offset: e.Start, EndOffset: e.End, Text: e.NewText})
			}
			res.Properties.Fix = tf
		}
	} else {
		loc.PhysicalLocation.Region = textRegion
		if isCompressed(d.Path) {
			// Byte offsets of the decompressed text are not offsets in the file.
			loc.PhysicalLocation.Region.ByteOffset, loc.PhysicalLocation.Region.ByteLength = nil, nil
		} else if fix != nil && len(fix.Edits) > 0 {
			change := sarifArtifactChange{ArtifactLocation: sarifArtifact{URI: uri}}
			for _, e := range fix.Edits {
				rep := sarifReplacement{DeletedRegion: sarifByteRegion{ByteOffset: e.Start, ByteLength: e.End - e.Start}}
				if e.NewText != "" {
					rep.InsertedContent = &sarifContent{Text: e.NewText}
				}
				change.Replacements = append(change.Replacements, rep)
			}
			msg := fix.Message
			if msg == "" {
				msg = "apply the fix"
			}
			res.Fixes = []sarifFix{{Description: sarifMessage{Text: msg}, ArtifactChanges: []sarifArtifactChange{change}}}
		}
	}
	res.Locations = []sarifLocation{loc}
	return res
}

// recordName names a JSONL record for a message: "record 3" or "record 3 (id doc-3)".
func recordName(d *Document) string {
	if d.ID != "" && d.ID != fmt.Sprintf("%s:%d", d.Path, d.Record) {
		return fmt.Sprintf("record %d (id %s)", d.Record, d.ID)
	}
	return fmt.Sprintf("record %d", d.Record)
}

// sarifTextRegion is the finding's region in the document text. SARIF's endLine is
// the line of the last character, so a span that ends just after a line break ends
// on the line before, one column past that break.
func sarifTextRegion(text string, it *Item) sarifRegion {
	start, end := span.Clamp(it.Start, it.End, len(text))
	length := end - start
	reg := sarifRegion{StartLine: max(it.Line, 1), StartColumn: max(it.Col, 1), EndLine: it.EndLine, EndColumn: it.EndCol,
		ByteOffset: &start, ByteLength: &length}
	if it.EndCol == 1 && it.EndLine > it.Line && end > 0 {
		// The last character is the line break ending line EndLine-1.
		last := span.RuneStart(text, end-1)
		lineStart := strings.LastIndexByte(text[:last], '\n') + 1
		reg.EndLine = it.EndLine - 1
		reg.EndColumn = utf8.RuneCountInString(text[lineStart:last]) + 2
	}
	if reg.EndLine < reg.StartLine || reg.EndColumn < 1 {
		reg.EndLine, reg.EndColumn = reg.StartLine, reg.StartColumn
	}
	return reg
}

// artifactURI turns a path into a URI reference: relative paths stay relative
// (slash-separated, escaped), absolute ones become file URIs.
func artifactURI(path string) string {
	p := filepath.ToSlash(path)
	if filepath.IsAbs(path) {
		if !strings.HasPrefix(p, "/") {
			p = "/" + p
		}
		return (&url.URL{Scheme: "file", Path: p}).String()
	}
	return (&url.URL{Path: p}).String()
}

func isCompressed(path string) bool {
	return strings.HasSuffix(strings.ToLower(path), ".gz")
}

// fingerprint identifies a finding across runs independently of its line: the rule,
// the document and the flagged text.
func fingerprint(d *Document, it *Item) string {
	start, end := span.Clamp(it.Start, it.End, len(d.Text))
	h := sha256.New()
	for _, s := range []string{it.Rule, d.Path, d.ID, d.Text[start:end]} {
		_, _ = io.WriteString(h, s)
		_, _ = h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:12])
}

// marshalIndent is json.MarshalIndent without escaping <, > and & (the log is not
// HTML).
func marshalIndent(v any, prefix string) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent(prefix, "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

// Close implements Reporter: it closes the results and the log.
func (r *SARIF) Close(*Summary) error {
	r.start()
	if r.err != nil {
		return r.err
	}
	end := "]\n    }\n  ]\n}\n"
	if r.count > 0 {
		end = "\n      " + end
	}
	_, _ = r.w.WriteString(end)
	return r.w.Flush()
}
