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

// errorPrinter prints input errors, each as "error: path:record: message", and
// warnings as "warning: path:record: message". The reader has already capped
// repeated errors (source.MaxRepeatedErrors: after five of the same error in a
// file, one summary line counts the rest), so every command that reads inputs
// prints the same lines; the printer adds what the record itself can tell (the
// fields it has, for a missing text field).
type errorPrinter struct {
	w io.Writer
}

func newErrorPrinter(w io.Writer) *errorPrinter {
	return &errorPrinter{w: w}
}

// Print reports the input error of it (raw is its record, for what the
// message can add about it; nil when there is none) and returns what it adds
// to the inputs that could not be read: 1 for an error (printed, or Unlisted:
// counted in the summary printed later), 0 for a summary (its errors were
// counted as they came) and for a warning (its document was read and checked).
func (p *errorPrinter) Print(err error, raw []byte) int {
	var ie *source.InputError
	if !asInputError(err, &ie) {
		fmt.Fprintln(p.w, "error:", err)
		return 1
	}
	if ie.Unlisted {
		return errorCount(ie)
	}
	line := ie.Error()
	if strings.HasPrefix(ie.Msg, "missing text field ") && raw != nil {
		line += fieldsOf(raw, ie)
	}
	if ie.Warning {
		fmt.Fprintln(p.w, "warning:", line)
	} else {
		fmt.Fprintln(p.w, "error:", line)
	}
	return errorCount(ie)
}

// errorCount is what an input error adds to the inputs that could not be read.
func errorCount(ie *source.InputError) int {
	if ie.Warning || ie.Omitted > 0 {
		return 0
	}
	return 1
}

// asInputError is errors.As for *source.InputError.
func asInputError(err error, target **source.InputError) bool {
	return errors.As(err, target)
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
