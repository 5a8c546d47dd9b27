package markup

import (
	"strings"
	"testing"
)

// The word test of proseAboutCode avoids strings.Trim and strings.ToLower for
// speed; these hold it equal to them.
func TestCodeWordFastPathsMatchStrings(t *testing.T) {
	words := []string{"", "API", "“Function”", "‘strings’,", "JSON.", "\"arrays!?\"", "Ｊson",
		"\u212Aelvin", "CONSTRUCTOR", "constructors", "İnteger", "“", "’’’", ",;:", "code:",
		"é", "hello", strings.Repeat("A", 70), "HTML", "ſtring"}
	for w := range codeWords {
		words = append(words, w, strings.ToUpper(w), "“"+w+"”")
	}
	for _, w := range words {
		if got, want := trimQuotePunct(w), strings.Trim(w, "\"'“”‘’,;:!?"); got != want {
			t.Errorf("trimQuotePunct(%q) = %q, want %q", w, got, want)
		}
		if got, want := isCodeWord(w), codeWords[strings.ToLower(w)]; got != want {
			t.Errorf("isCodeWord(%q) = %v, want %v", w, got, want)
		}
	}
}

func FuzzCodeWordFastPaths(f *testing.F) {
	f.Add("“Function”,")
	f.Add("\u212Aelvin")
	f.Fuzz(func(t *testing.T, w string) {
		if got, want := trimQuotePunct(w), strings.Trim(w, "\"'“”‘’,;:!?"); got != want {
			t.Fatalf("trimQuotePunct(%q) = %q, want %q", w, got, want)
		}
		if got, want := isCodeWord(w), codeWords[strings.ToLower(w)]; got != want {
			t.Fatalf("isCodeWord(%q) = %v, want %v", w, got, want)
		}
	})
}
