package model

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"strconv"
	"sync"
)

// weightsJSON is the shipped model as cmd/boilertrain writes it: reviewable data,
// one tree a line, so that a retrain reads as a diff of the trees that changed.
//
//go:generate sh -c "cd ../../.. && go run ./cmd/boilertrain -split testdata/eval/site-split.tsv -part tune -o rules/boilerplate/model/weights.json"
//go:embed weights.json
var weightsJSON []byte

// Builtin returns the shipped model, decoded once from the embedded weights.
func Builtin() *Model { return builtin() }

var builtin = sync.OnceValue(func() *Model {
	m, _, err := Unmarshal(weightsJSON)
	if err != nil {
		panic("model: the embedded weights do not decode: " + err.Error())
	}
	return m
})

// file is the JSON form of a model: each stage's features and bias, and its trees,
// each a list of nodes [feature, left, right, threshold, value] whose left and
// right count from the tree's first node (a leaf has feature -1 and no children).
type file struct {
	About   string `json:"about"`
	Line    stage  `json:"line"`
	Context stage  `json:"context"`
}

type stage struct {
	Features []string           `json:"features"`
	Bias     float32            `json:"bias"`
	Trees    [][][5]json.Number `json:"trees"`
}

// Marshal returns model m as JSON, with about (what it was trained on) at the top.
// The trees of a stage must be stored one after the other in Nodes, each starting
// at its root, as the trainer writes them.
func Marshal(m *Model, about string) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString("{\n")
	fmt.Fprintf(&b, "%q: %s,\n", "about", quote(about))
	for i, st := range []struct {
		name string
		t    *Trees
	}{{"line", &m.Line}, {"context", &m.Context}} {
		if err := writeStage(&b, st.name, st.t); err != nil {
			return nil, err
		}
		if i == 0 {
			b.WriteString(",\n")
		}
	}
	b.WriteString("\n}\n")
	return b.Bytes(), nil
}

func quote(s string) string {
	q, _ := json.Marshal(s)
	return string(q)
}

func writeStage(b *bytes.Buffer, name string, t *Trees) error {
	fmt.Fprintf(b, "%q: {\n", name)
	feats, _ := json.Marshal(t.Features)
	fmt.Fprintf(b, "  \"features\": %s,\n", feats)
	fmt.Fprintf(b, "  \"bias\": %s,\n", fl(t.Bias))
	b.WriteString("  \"trees\": [")
	for k, root := range t.Roots {
		end := int32(len(t.Nodes))
		if k+1 < len(t.Roots) {
			end = t.Roots[k+1]
		}
		if root < 0 || root > end || int(end) > len(t.Nodes) {
			return fmt.Errorf("model: tree %d of the %s stage is not stored after tree %d", k, name, k-1)
		}
		if k > 0 {
			b.WriteString(",")
		}
		b.WriteString("\n    [")
		for i := root; i < end; i++ {
			n := t.Nodes[i]
			if i > root {
				b.WriteString(", ")
			}
			if n.Feature < 0 {
				fmt.Fprintf(b, "[-1, 0, 0, 0, %s]", fl(n.Value))
				continue
			}
			if n.Left < root || n.Left >= end || n.Right < root || n.Right >= end {
				return fmt.Errorf("model: node %d of the %s stage points out of its tree", i, name)
			}
			fmt.Fprintf(b, "[%d, %d, %d, %s, %s]", n.Feature, n.Left-root, n.Right-root, fl(n.Threshold), fl(n.Value))
		}
		b.WriteString("]")
	}
	b.WriteString("\n  ]\n}")
	return nil
}

// fl prints v in the shortest form that reads back as the same float32.
func fl(v float32) string { return strconv.FormatFloat(float64(v), 'g', -1, 32) }

// Unmarshal decodes a model written by Marshal and returns it with its about text.
func Unmarshal(data []byte) (*Model, string, error) {
	var f file
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, "", fmt.Errorf("model: %w", err)
	}
	m := &Model{}
	for _, st := range []struct {
		name string
		in   *stage
		out  *Trees
	}{{"line", &f.Line, &m.Line}, {"context", &f.Context, &m.Context}} {
		t := st.out
		t.Features, t.Bias = st.in.Features, st.in.Bias
		for k, tree := range st.in.Trees {
			root := int32(len(t.Nodes))
			t.Roots = append(t.Roots, root)
			for i, raw := range tree {
				// Values were printed as float32s: parsing them as float32s
				// gives back the same bits.
				var n [5]float64
				for j := range raw {
					bits := 64
					if j >= 3 {
						bits = 32
					}
					v, err := strconv.ParseFloat(string(raw[j]), bits)
					if err != nil {
						return nil, "", fmt.Errorf("model: node %d of tree %d of the %s stage: %w", i, k, st.name, err)
					}
					n[j] = v
				}
				node := Node{Feature: int16(n[0]), Threshold: float32(n[3]), Value: float32(n[4])}
				if n[0] < 0 {
					node.Feature, node.Left, node.Right = -1, -1, -1
				} else {
					if n[0] != float64(int16(n[0])) || n[1] < 0 || n[2] < 0 || int(n[1]) >= len(tree) || int(n[2]) >= len(tree) {
						return nil, "", fmt.Errorf("model: node %d of tree %d of the %s stage is malformed", i, k, st.name)
					}
					node.Left, node.Right = root+int32(n[1]), root+int32(n[2])
				}
				t.Nodes = append(t.Nodes, node)
			}
		}
	}
	return m, f.About, nil
}
