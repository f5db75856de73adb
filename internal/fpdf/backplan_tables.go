package fpdf

// backplan patch (see PATCHES.md): what ParseUTF8Font reads of a font,
// saved at build time (UTF8Font.Tables) and loaded at run time
// (LoadUTF8Font) instead of parsing the font in every process.

import (
	"encoding/binary"
	"errors"
	"maps"
	"math"
	"slices"
)

// tablesMagic starts a font's tables; the digit is the format's version.
const tablesMagic = "fpdf-utf8-tables 1\n"

// Tables returns what ParseUTF8Font read of the font, for LoadUTF8Font:
// its metrics, its width table, its table directory and glyph offsets.
// The same font always gives the same bytes.
func (f *UTF8Font) Tables() []byte {
	u := &f.file
	ix := u.index
	var w tablesWriter
	w.b = append(w.b, tablesMagic...)
	w.u32(uint32(len(f.data)), f.crc)
	w.ints(u.Ascent, u.Descent, u.CapHeight, u.StemV, u.ItalicAngle, u.Flags, u.fontElementSize,
		u.Bbox.Xmin, u.Bbox.Ymin, u.Bbox.Xmax, u.Bbox.Ymax)
	w.u64(math.Float64bits(u.UnderlinePosition), math.Float64bits(u.UnderlineThickness), math.Float64bits(u.DefaultWidth))
	w.ints(ix.locaFormat, ix.numHMetrics, ix.numGlyphs, ix.cmapPos)
	// The table directory, by name.
	names := slices.Sorted(maps.Keys(ix.tables))
	w.ints(len(names))
	for _, name := range names {
		t := ix.tables[name]
		w.b = append(w.b, name...)
		w.ints(t.checksum[0], t.checksum[1], t.position, t.size)
	}
	w.ints(len(ix.loca))
	w.ints(ix.loca...)
	// The widths of the characters the font covers, as (code, width).
	n := 0
	for _, cw := range u.CharWidths[1:] {
		if cw != 0 {
			n++
		}
	}
	w.ints(u.CharWidths[0], n)
	for c, cw := range u.CharWidths {
		if c > 0 && cw != 0 {
			w.ints(c, cw)
		}
	}
	return w.b
}

// LoadUTF8Font is ParseUTF8Font for a font whose tables were saved by
// Tables: it reads the tables, not the font. It checks that the tables
// are of this font's size, not every byte: tables made at build time are
// checked against their font by a test.
func LoadUTF8Font(data, tables []byte) (*UTF8Font, error) {
	r := tablesReader{b: tables}
	if string(r.next(len(tablesMagic))) != tablesMagic {
		return nil, errors.New("font tables: not of this format")
	}
	size, crc := r.u32(), r.u32()
	if int(size) != len(data) {
		return nil, errors.New("font tables: made for another font")
	}
	u := utf8FontFile{}
	u.Ascent, u.Descent, u.CapHeight, u.StemV, u.ItalicAngle, u.Flags, u.fontElementSize = r.int(), r.int(), r.int(), r.int(), r.int(), r.int(), r.int()
	u.Bbox = fontBoxType{r.int(), r.int(), r.int(), r.int()}
	u.UnderlinePosition = math.Float64frombits(r.u64())
	u.UnderlineThickness = math.Float64frombits(r.u64())
	u.DefaultWidth = math.Float64frombits(r.u64())
	ix := &sfntIndex{tables: map[string]*tableDescription{}}
	ix.locaFormat, ix.numHMetrics, ix.numGlyphs, ix.cmapPos = r.int(), r.int(), r.int(), r.int()
	for range r.count(20) {
		t := &tableDescription{name: string(r.next(4))}
		t.checksum = []int{r.int(), r.int()}
		t.position, t.size = r.int(), r.int()
		ix.tables[t.name] = t
	}
	ix.loca = make([]int, r.count(4))
	for i := range ix.loca {
		ix.loca[i] = r.int()
	}
	u.CharWidths = make([]int, 256*256)
	u.CharWidths[0] = r.int()
	for range r.count(8) {
		c, w := r.int(), r.int()
		if c <= 0 || c >= len(u.CharWidths) {
			r.err = true
			break
		}
		u.CharWidths[c] = w
	}
	if r.err || len(r.b) != 0 {
		return nil, errors.New("font tables: cut short or damaged")
	}
	var err error
	if ix.cmap, err = readCmapIndex(data, ix.cmapPos); err != nil {
		return nil, err
	}
	u.tableDescriptions = ix.tables
	u.symbolPosition = ix.loca
	u.index = ix
	return &UTF8Font{file: u, data: data, crc: crc}, nil
}

// Widths is the font's width table, indexed by character code below
// 65,536: a width in thousandths of the font size, 65535 for a character
// drawn with no width, 0 for one the font does not cover (and the count of
// covered characters at index 0). It is shared: do not change it.
func (f *UTF8Font) Widths() []int { return f.file.CharWidths }

type tablesWriter struct{ b []byte }

func (w *tablesWriter) u32(v ...uint32) {
	for _, x := range v {
		w.b = binary.BigEndian.AppendUint32(w.b, x)
	}
}

func (w *tablesWriter) u64(v ...uint64) {
	for _, x := range v {
		w.b = binary.BigEndian.AppendUint64(w.b, x)
	}
}

// ints writes each value as a signed 32-bit number.
func (w *tablesWriter) ints(v ...int) {
	for _, x := range v {
		w.b = binary.BigEndian.AppendUint32(w.b, uint32(int32(x)))
	}
}

// tablesReader reads what tablesWriter wrote; past the end it reads
// zeros and sets err.
type tablesReader struct {
	b   []byte
	err bool
}

func (r *tablesReader) next(n int) []byte {
	if n > len(r.b) || n < 0 {
		r.err, r.b = true, nil
		return make([]byte, max(n, 0))
	}
	v := r.b[:n]
	r.b = r.b[n:]
	return v
}

func (r *tablesReader) u32() uint32 { return binary.BigEndian.Uint32(r.next(4)) }
func (r *tablesReader) u64() uint64 { return binary.BigEndian.Uint64(r.next(8)) }
func (r *tablesReader) int() int    { return int(int32(r.u32())) }

// count reads a count of records of at least size bytes each, refusing
// one the rest cannot hold.
func (r *tablesReader) count(size int) int {
	n := r.int()
	if n < 0 || n > len(r.b)/size {
		r.err = true
		return 0
	}
	return n
}
