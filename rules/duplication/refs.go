package duplication

import (
	"cmp"
	"strconv"
)

// paths interns file paths: a state names a document's file by a small index
// instead of a string per document.
type paths struct {
	names []string
	index map[string]uint32
}

func (p *paths) id(name string) uint32 {
	if i, ok := p.index[name]; ok {
		return i
	}
	if p.index == nil {
		p.index = map[string]uint32{}
	}
	i := uint32(len(p.names))
	p.names = append(p.names, name)
	p.index[name] = i
	return i
}

// compareRef orders documents by (path, record): paths as strings, then the
// record number. It is the order "first" means in both rules, and it depends on
// nothing but the documents themselves.
func compareRef(pathA string, recA int64, pathB string, recB int64) int {
	if c := cmp.Compare(pathA, pathB); c != 0 {
		return c
	}
	return cmp.Compare(recA, recB)
}

// where formats a document's place as the table reporter does: the path, then
// ":record" for a record of a file of records.
func where(path string, record int64) string {
	if record == 0 {
		return path
	}
	return path + ":" + strconv.FormatInt(record, 10)
}
