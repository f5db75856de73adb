package render

import (
	"encoding/binary"
	"errors"
	"fmt"

	"github.com/backplan/backplan/fonts"
	"github.com/backplan/backplan/internal/fpdf"
)

// face is what layout needs to know about one embedded font: which runes it
// draws and how wide each is. Widths are in thousandths of the font size,
// rounded as fpdf rounds them, so a line measured here is the line fpdf
// draws.
type face struct {
	width []uint16 // indexed by rune (Basic Multilingual Plane only)
	has   []bool
}

// fontSet is the embedded fonts, parsed once by a Renderer: the faces
// layout measures with, and fpdf's own parse of the same bytes, which
// every document it draws copies instead of parsing again. Nothing in it
// changes after loadFonts.
type fontSet struct {
	faces [2]*face          // regular, bold
	pdf   [2]*fpdf.UTF8Font // regular, bold
}

// loadFonts parses the embedded fonts.
func loadFonts() (*fontSet, error) {
	fs := &fontSet{}
	for i, data := range [][]byte{fonts.Regular, fonts.Bold} {
		f, err := parseFace(data)
		if err != nil {
			return nil, fmt.Errorf("render: embedded font %d: %w", i, err)
		}
		fs.faces[i] = f
		if fs.pdf[i], err = fpdf.ParseUTF8Font(data); err != nil {
			return nil, fmt.Errorf("render: embedded font %d: %w", i, err)
		}
	}
	return fs, nil
}

// measure returns the width in millimetres of s set in the given font and
// size (points).
func (f *face) measure(s string, size float64) float64 {
	units := 0
	for _, r := range s {
		if r >= 0 && int(r) < len(f.width) {
			units += int(f.width[r])
		}
	}
	return float64(units) * size / 1000 * mmPerPt
}

// units is the width of r in thousandths of the font size.
func (f *face) units(r rune) int {
	if r >= 0 && int(r) < len(f.width) {
		return int(f.width[r])
	}
	return 0
}

func (f *face) covers(r rune) bool { return r >= 0 && int(r) < len(f.has) && f.has[r] }

// parseFace reads the head, hhea, hmtx and cmap tables of a TrueType font.
func parseFace(data []byte) (*face, error) {
	tables, err := fontTables(data)
	if err != nil {
		return nil, err
	}
	be := binary.BigEndian
	head, hhea, hmtx, cmap := tables["head"], tables["hhea"], tables["hmtx"], tables["cmap"]
	if len(head) < 54 || len(hhea) < 36 || hmtx == nil || len(cmap) < 4 {
		return nil, errors.New("missing head, hhea, hmtx or cmap")
	}
	upem := float64(be.Uint16(head[18:]))
	nhm := int(be.Uint16(hhea[34:]))
	if upem == 0 || nhm == 0 || len(hmtx) < 4*nhm {
		return nil, errors.New("bad metrics")
	}
	advance := func(g int) int {
		if g >= nhm {
			g = nhm - 1
		}
		return int(be.Uint16(hmtx[4*g:]))
	}
	sub := unicodeCmap(cmap)
	if len(sub) < 14 {
		return nil, errors.New("no Unicode cmap (format 4)")
	}
	f := &face{width: make([]uint16, 0x10000), has: make([]bool, 0x10000)}
	scale := 1000 / upem
	err = cmapGlyphs(sub, func(c, g int) {
		f.has[c] = true
		f.width[c] = uint16(int(float64(advance(g))*scale + 0.5))
	})
	return f, err
}

// fontTables reads a TrueType font's table directory: each table's bytes
// by its tag.
func fontTables(data []byte) (map[string][]byte, error) {
	if len(data) < 12 {
		return nil, errors.New("too short")
	}
	be := binary.BigEndian
	tables := map[string][]byte{}
	n := int(be.Uint16(data[4:]))
	for i := 0; i < n; i++ {
		rec := 12 + 16*i
		if rec+16 > len(data) {
			return nil, errors.New("table directory cut short")
		}
		tag := string(data[rec : rec+4])
		off, ln := int(be.Uint32(data[rec+8:])), int(be.Uint32(data[rec+12:]))
		if off < 0 || ln < 0 || off+ln > len(data) {
			return nil, fmt.Errorf("table %s out of range", tag)
		}
		tables[tag] = data[off : off+ln]
	}
	return tables, nil
}

// unicodeCmap finds the Unicode BMP subtable (format 4) of a cmap table,
// or nil.
func unicodeCmap(cmap []byte) []byte {
	be := binary.BigEndian
	for i := 0; i < int(be.Uint16(cmap[2:])); i++ {
		rec := 4 + 8*i
		if rec+8 > len(cmap) {
			break
		}
		pid, eid, off := be.Uint16(cmap[rec:]), be.Uint16(cmap[rec+2:]), int(be.Uint32(cmap[rec+4:]))
		if off+4 > len(cmap) || be.Uint16(cmap[off:]) != 4 {
			continue
		}
		if (pid == 3 && eid == 1) || pid == 0 {
			return cmap[off:]
		}
	}
	return nil
}

// cmapGlyphs calls glyph(c, g) for each character c below U+FFFF that a
// format 4 subtable maps to a glyph g other than 0.
func cmapGlyphs(sub []byte, glyph func(c, g int)) error {
	be := binary.BigEndian
	segX2 := int(be.Uint16(sub[6:]))
	ends, starts, deltas, ranges := 14, 16+segX2, 16+2*segX2, 16+3*segX2
	if ranges+segX2 > len(sub) {
		return errors.New("cmap cut short")
	}
	for s := 0; s < segX2; s += 2 {
		end, start := int(be.Uint16(sub[ends+s:])), int(be.Uint16(sub[starts+s:]))
		delta, ro := int(be.Uint16(sub[deltas+s:])), int(be.Uint16(sub[ranges+s:]))
		for c := start; c <= end && c < 0xFFFF; c++ {
			g := 0
			if ro == 0 {
				g = (c + delta) & 0xFFFF
			} else {
				at := ranges + s + ro + 2*(c-start)
				if at+2 > len(sub) {
					continue
				}
				if g = int(be.Uint16(sub[at:])); g != 0 {
					g = (g + delta) & 0xFFFF
				}
			}
			if g != 0 {
				glyph(c, g)
			}
		}
	}
	return nil
}
