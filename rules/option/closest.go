package option

import "unicode/utf8"

// Closest returns the one of known that name most likely misspells: the nearest
// by edit distance (Levenshtein, over code points, case-insensitive for ASCII),
// when it is at most a third of the longer name's length away (at least 1, and
// at most 3). It returns "" when nothing is that close or name is known.
func Closest(name string, known []string) string {
	best, bestD := "", -1
	for _, k := range known {
		if k == name {
			return ""
		}
		d := distance(fold(name), fold(k))
		limit := max(utf8.RuneCountInString(name), utf8.RuneCountInString(k)) / 3
		limit = min(max(limit, 1), 3)
		if d <= limit && (bestD < 0 || d < bestD) {
			best, bestD = k, d
		}
	}
	return best
}

// fold lowers ASCII letters and turns '_' into '-', so that "max_lines" and
// "Max-Lines" are one edit from nothing.
func fold(s string) []rune {
	out := make([]rune, 0, len(s))
	for _, r := range s {
		switch {
		case 'A' <= r && r <= 'Z':
			r += 'a' - 'A'
		case r == '_':
			r = '-'
		}
		out = append(out, r)
	}
	return out
}

// distance is the Levenshtein distance of a and b.
func distance(a, b []rune) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
