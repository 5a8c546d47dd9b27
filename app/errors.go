package app

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/corpuslint/corpuslint/internal/source"
)

// errorRepeat is how many times one error is printed for a file before the
// rest are counted: a wrong --text-field fails every record alike, and 2,673
// identical lines bury everything else.
const errorRepeat = 5

// errorPrinter prints input errors, each as "error: path:record: message", and
// after errorRepeat of the same error in one file, counts the others and prints
// one line for them when the file's errors end: the run still reads every
// record and the exit status still says some could not be read. Errors of one
// file arrive together (results come in input order).
type errorPrinter struct {
	w     io.Writer
	path  string
	seen  map[string]*repeat // by the message with its numbers taken out
	order []string
}

// repeat counts the errors of one kind left unprinted in the current file.
type repeat struct {
	msg         string // the first one's message
	n           int    // how many were seen
	first, last int    // records of the unprinted ones
}

func newErrorPrinter(w io.Writer) *errorPrinter {
	return &errorPrinter{w: w, seen: map[string]*repeat{}}
}

// Print reports the input error of it (raw is its record, for what the
// message can add about it; nil when there is none).
func (p *errorPrinter) Print(err error, raw []byte) {
	var ie *source.InputError
	path, record, msg := "", 0, err.Error()
	if asInputError(err, &ie) {
		path, record, msg = ie.Path, ie.Record, ie.Msg
	}
	if path != p.path {
		p.Flush()
		p.path = path
	}
	key := errorKind(msg)
	r := p.seen[key]
	if r == nil {
		r = &repeat{msg: msg}
		p.seen[key] = r
		p.order = append(p.order, key)
	}
	r.n++
	if r.n > errorRepeat {
		if r.first == 0 {
			r.first = record
		}
		r.last = record
		return
	}
	line := err.Error()
	if strings.HasPrefix(msg, "missing text field ") && raw != nil {
		line += fieldsOf(raw, ie)
	}
	fmt.Fprintln(p.w, "error:", line)
}

// Flush prints the counts of the current file's repeated errors.
func (p *errorPrinter) Flush() {
	for _, key := range p.order {
		r := p.seen[key]
		if more := r.n - errorRepeat; more > 0 {
			where := ""
			if r.first > 0 {
				where = fmt.Sprintf("records %d-%d; ", r.first, r.last)
			}
			fmt.Fprintf(p.w, "error: %s: %d more of: %s (%s%d in all, the first %d shown)\n",
				p.path, more, r.msg, where, r.n, errorRepeat)
		}
	}
	clear(p.seen)
	p.order = p.order[:0]
}

// asInputError is errors.As for *source.InputError.
func asInputError(err error, target **source.InputError) bool {
	return errors.As(err, target)
}

// errorKind is msg with its numbers taken out, so that "invalid JSON: unexpected
// end of input at byte 35" and "... at byte 41" count as the same error.
func errorKind(msg string) string {
	var b strings.Builder
	digits := false
	for _, r := range msg {
		if r >= '0' && r <= '9' {
			if !digits {
				b.WriteByte('#')
			}
			digits = true
			continue
		}
		digits = false
		b.WriteRune(r)
	}
	return b.String()
}

// fieldsOf says which fields a record without its text field has, so that the
// right --text-field is one look away: "; the record's fields: id, body, url".
// For a dotted path it lists the fields of the deepest object on the path.
func fieldsOf(raw []byte, ie *source.InputError) string {
	field := ""
	if ie != nil {
		field, _ = strconv.Unquote(strings.TrimPrefix(ie.Msg, "missing text field "))
	}
	obj, at := raw, "the record"
	parts := strings.Split(field, ".")
	for i, part := range parts[:max(len(parts)-1, 0)] {
		var m map[string]json.RawMessage
		if json.Unmarshal(obj, &m) != nil {
			break
		}
		v, ok := m[part]
		if !ok || len(bytes.TrimSpace(v)) == 0 || bytes.TrimSpace(v)[0] != '{' {
			break
		}
		obj, at = v, strconv.Quote(strings.Join(parts[:i+1], "."))
	}
	names := keysInOrder(obj)
	if names == nil {
		return ""
	}
	const most = 12
	list := strings.Join(names[:min(len(names), most)], ", ")
	if len(names) > most {
		list += fmt.Sprintf(" and %d more", len(names)-most)
	}
	if len(names) == 0 {
		list = "none"
	}
	return fmt.Sprintf("; %s has fields: %s (--text-field names the one to check)", at, list)
}

// keysInOrder returns the keys of the JSON object obj as written, nil when obj
// is not one.
func keysInOrder(obj []byte) []string {
	dec := json.NewDecoder(bytes.NewReader(obj))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return nil
	}
	names := []string{}
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return nil
		}
		k, _ := t.(string)
		names = append(names, k)
		var skip json.RawMessage
		if dec.Decode(&skip) != nil {
			return nil
		}
	}
	return names
}
