package report

import (
	"regexp"
	"strings"
)

// measurement matches a list item that only states a model's measurement: words
// naming it and a number, maybe compared with a threshold ("boilerplate
// probability 0.97 >= 0.50", "distance from the core text 80.50").
var measurement = regexp.MustCompile(`^[a-z][a-z-]*(?: [a-z-]+)* -?[0-9]+(?:\.[0-9]+)?(?: [<>]=? -?[0-9]+(?:\.[0-9]+)?)?$`)

// PeopleMessage is a finding's message as the formats for people (table,
// concise) show it. A finding that carries a Score came from a measurement, and
// its rule lists what it measured in parentheses ("(whole page; boilerplate
// probability 0.97 >= 0.50; outside the main text, distance from the core text
// 80.50)"); those numbers are the model's internals, which the json `score` field
// and --show-scores keep, so the list keeps only the items in words. Other
// findings, and every message with showScores, are unchanged; the machine
// formats always carry the whole message.
func PeopleMessage(it Item, showScores bool) string {
	if showScores || it.Score == nil || !strings.Contains(it.Message, "(") {
		return it.Message
	}
	var b strings.Builder
	msg := it.Message
	for {
		open := strings.IndexByte(msg, '(')
		if open < 0 {
			b.WriteString(msg)
			break
		}
		end := closing(msg, open)
		if end < 0 {
			b.WriteString(msg)
			break
		}
		kept := dropMeasurements(msg[open+1 : end])
		if kept == "" {
			b.WriteString(strings.TrimRight(msg[:open], " "))
		} else {
			b.WriteString(msg[:open+1])
			b.WriteString(kept)
			b.WriteByte(')')
		}
		msg = msg[end+1:]
	}
	return b.String()
}

// closing returns the index of the parenthesis closing the one at open, or -1.
func closing(s string, open int) int {
	depth := 0
	for i := open; i < len(s); i++ {
		switch s[i] {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

// dropMeasurements removes the measurement items of a "; " and ", " separated
// list (outside nested parentheses), keeping the separators of what is left.
func dropMeasurements(list string) string {
	type item struct{ sep, text string }
	var items []item
	depth, start, sep := 0, 0, ""
	for i := 0; i < len(list); i++ {
		switch c := list[i]; {
		case c == '(':
			depth++
		case c == ')':
			depth--
		case depth == 0 && (c == ';' || c == ',') && i+1 < len(list) && list[i+1] == ' ':
			items = append(items, item{sep, list[start:i]})
			sep = list[i : i+2]
			start = i + 2
			i++
		}
	}
	items = append(items, item{sep, list[start:]})
	var b strings.Builder
	for _, it := range items {
		first := strings.Fields(it.text)
		if measurement.MatchString(it.text) && len(first) > 0 && first[0] != "line" && first[0] != "lines" {
			continue
		}
		if b.Len() > 0 {
			b.WriteString(it.sep)
		}
		b.WriteString(it.text)
	}
	return b.String()
}
