package clean

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/compress/zstd"
)

// Parquet is the output format of Parquet files.
const Parquet = "parquet"

// ParquetRow is one output record in a Parquet file. A record keeps every field
// of its input, however nested, which no one fixed schema can type; so the file
// follows datatrove's document model (text, id, metadata): the text, the id and
// the url as columns, and every other field, the --annotate statistics and the
// rejected reason among them, in metadata as one JSON object (keys sorted).
type ParquetRow struct {
	ID       *string `parquet:"id,optional"`
	URL      *string `parquet:"url,optional"`
	Text     string  `parquet:"text,zstd"`
	Metadata string  `parquet:"metadata,zstd"`
}

// parquetRowGroup bounds the rows a Parquet writer buffers before it writes a
// row group: memory stays bounded (some tens of MB of text) while row groups
// stay large enough to read fast.
const parquetRowGroup = 8192

// newParquetWriter writes Parquet rows to w.
func newParquetWriter(w io.Writer) *parquet.GenericWriter[ParquetRow] {
	return parquet.NewGenericWriter[ParquetRow](w,
		parquet.Compression(&zstd.Codec{}),
		parquet.MaxRowsPerRowGroup(parquetRowGroup))
}

// parquetRow turns one output record line (a JSON object) into its row.
func parquetRow(line []byte) (ParquetRow, error) {
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(line, &fields); err != nil {
		return ParquetRow{}, fmt.Errorf("parquet output: a record is not a JSON object: %w", err)
	}
	var row ParquetRow
	if raw, ok := fields["text"]; ok {
		if err := json.Unmarshal(raw, &row.Text); err != nil {
			return ParquetRow{}, fmt.Errorf("parquet output: the text field is not a string: %w", err)
		}
		delete(fields, "text")
	}
	row.ID = scalarColumn(fields, "id")
	row.URL = scalarColumn(fields, "url")
	meta, err := json.Marshal(fields)
	if err != nil {
		return ParquetRow{}, err
	}
	row.Metadata = string(meta)
	return row, nil
}

// scalarColumn takes field name out of fields as a column value: a string as it
// is, a number or boolean as its JSON text, null or absent as no value. An
// object or array stays in fields (and so in metadata).
func scalarColumn(fields map[string]json.RawMessage, name string) *string {
	raw, ok := fields[name]
	if !ok {
		return nil
	}
	var v any
	if err := json.Unmarshal(raw, &v); err != nil {
		return nil
	}
	var s string
	switch v := v.(type) {
	case nil:
		delete(fields, name)
		return nil
	case string:
		s = v
	case float64, bool:
		s = string(raw)
	default:
		return nil
	}
	delete(fields, name)
	return &s
}
