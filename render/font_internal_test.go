package render

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"testing"

	"github.com/backplan/backplan/internal/fpdf"

	"github.com/backplan/backplan/fonts"
)

// TestWidthsMatchFpdf checks that layout measures text exactly as fpdf
// does, so that a line the layout fits is the line fpdf draws.
func TestWidthsMatchFpdf(t *testing.T) {
	set, err := loadFonts()
	if err != nil {
		t.Fatal(err)
	}
	fs := set.faces
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.AddUTF8FontFromBytes("n", "", fonts.Regular)
	pdf.AddUTF8FontFromBytes("n", "B", fonts.Bold)
	for _, s := range []string{
		"Your upper back exercise plan",
		"2 × 10 each side, level 2",
		"Ζωή Παπαδοπούλου", "Анна Иванова", "José Núñez – “quoted” … 90°",
	} {
		for i, style := range []string{"", "B"} {
			for _, size := range []float64{11, 12, 15, 28} {
				pdf.SetFont("n", style, size)
				want := pdf.GetStringWidth(s)
				if got := fs[i].measure(s, size); math.Abs(got-want) > 1e-9 {
					t.Errorf("%q style %q %g pt: got %.4f mm, fpdf says %.4f", s, style, size, got, want)
				}
			}
		}
	}
}

// TestFontsCoverWhatWePrint checks the symbols the layout itself writes.
func TestFontsCoverWhatWePrint(t *testing.T) {
	set, err := loadFonts()
	if err != nil {
		t.Fatal(err)
	}
	fs := set.faces
	for _, s := range []string{"•", "×", "…", "–", "’", "·", "°"} {
		if r, bad := unprintable(fs, s); bad {
			t.Errorf("the fonts cannot draw %q", r)
		}
	}
}

// TestFacesMatchTheFonts: the widths layout reads from fpdf's tables (made
// at build time) are those a reading of the font files on their own
// gives, for every rune below U+FFFF.
func TestFacesMatchTheFonts(t *testing.T) {
	set, err := loadFonts()
	if err != nil {
		t.Fatal(err)
	}
	for i, data := range [][]byte{fonts.Regular, fonts.Bold} {
		width, has, err := refWidths(data)
		if err != nil {
			t.Fatal(err)
		}
		f := set.faces[i]
		for r := rune(1); r < 0xFFFF; r++ {
			if f.covers(r) != has[r] || f.units(r) != int(width[r]) {
				t.Fatalf("font %d, %U: covers %v, width %d; the font file says %v, %d",
					i, r, f.covers(r), f.units(r), has[r], width[r])
			}
		}
	}
}

// refWidths reads the head, hhea, hmtx and cmap tables of a TrueType font
// on their own, as layout did before it read fpdf's width table: each
// rune's width rounded from the font's units, and whether a glyph draws it.
func refWidths(data []byte) (width []uint16, has []bool, err error) {
	tables, err := fontTables(data)
	if err != nil {
		return nil, nil, err
	}
	be := binary.BigEndian
	head, hhea, hmtx, cmap := tables["head"], tables["hhea"], tables["hmtx"], tables["cmap"]
	if len(head) < 54 || len(hhea) < 36 || hmtx == nil || len(cmap) < 4 {
		return nil, nil, errors.New("missing head, hhea, hmtx or cmap")
	}
	upem := float64(be.Uint16(head[18:]))
	nhm := int(be.Uint16(hhea[34:]))
	if upem == 0 || nhm == 0 || len(hmtx) < 4*nhm {
		return nil, nil, errors.New("bad metrics")
	}
	advance := func(g int) int {
		if g >= nhm {
			g = nhm - 1
		}
		return int(be.Uint16(hmtx[4*g:]))
	}
	sub := unicodeCmap(cmap)
	if len(sub) < 14 {
		return nil, nil, errors.New("no Unicode cmap (format 4)")
	}
	width, has = make([]uint16, 0x10000), make([]bool, 0x10000)
	scale := 1000 / upem
	err = cmapGlyphs(sub, func(c, g int) {
		has[c] = true
		width[c] = uint16(int(float64(advance(g))*scale + 0.5))
	})
	return width, has, err
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
