package report

import "github.com/corpuslint/corpuslint/rules"

// Positioner gives the 1-based line and column of a byte offset of a document's
// text (text.Analysis does, with its line index already built).
type Positioner interface {
	Position(off int) (line, col int)
}

// Items returns fs as reporters see them, with the line and column of each
// finding's start and end in the text p indexes. It is the one place positions
// are worked out from offsets: the engine for checked documents, fix for what is
// left after fixing.
func Items(fs []rules.Finding, p Positioner) []Item {
	items := make([]Item, len(fs))
	for i, f := range fs {
		it := Item{Finding: f}
		it.Line, it.Col = p.Position(f.Start)
		it.EndLine, it.EndCol = p.Position(f.End)
		items[i] = it
	}
	return items
}
