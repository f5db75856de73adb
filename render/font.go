package render

import (
	"fmt"

	"github.com/backplan/backplan/fonts"
	"github.com/backplan/backplan/internal/fpdf"
)

// face is what layout needs to know about one embedded font: which runes it
// draws and how wide each is. It reads fpdf's own width table, so a line
// measured here is the line fpdf draws.
type face struct {
	// width is indexed by rune (Basic Multilingual Plane only): thousandths
	// of the font size, 0 for a rune the font does not draw, and 65535 for
	// one it draws with no width (fpdf.UTF8Font.Widths).
	width []int
}

// fontSet is the embedded fonts, loaded once by a Renderer: the faces
// layout measures with, and fpdf's own reading of the same fonts, which
// every document it draws copies instead of reading again. Nothing in it
// changes after loadFonts.
type fontSet struct {
	faces [2]*face          // regular, bold
	pdf   [2]*fpdf.UTF8Font // regular, bold
}

// loadFonts loads the embedded fonts from the tables made of them at build
// time (fonts.RegularTables), without parsing them.
func loadFonts() (*fontSet, error) {
	fs := &fontSet{}
	for i, f := range [][2][]byte{{fonts.Regular, fonts.RegularTables}, {fonts.Bold, fonts.BoldTables}} {
		var err error
		if fs.pdf[i], err = fpdf.LoadUTF8Font(f[0], f[1]); err != nil {
			return nil, fmt.Errorf("render: embedded font %d: %w", i, err)
		}
		fs.faces[i] = &face{width: fs.pdf[i].Widths()}
	}
	return fs, nil
}

// measure returns the width in millimetres of s set in the given font and
// size (points).
func (f *face) measure(s string, size float64) float64 {
	units := 0
	for _, r := range s {
		units += f.units(r)
	}
	return float64(units) * size / 1000 * mmPerPt
}

// units is the width of r in thousandths of the font size.
func (f *face) units(r rune) int {
	if r > 0 && int(r) < len(f.width) {
		if w := f.width[r]; w != 65535 {
			return w
		}
	}
	return 0
}

func (f *face) covers(r rune) bool { return r > 0 && int(r) < len(f.width) && f.width[r] != 0 }
