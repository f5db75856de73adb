// Package fonts holds the typefaces the workbook is printed in, embedded in
// the binary: Noto Sans Regular and Bold (SIL Open Font License 1.1; see
// OFL.txt and README.md), and beside each the tables the PDF writer reads
// of it (its widths, character map and glyph offsets), worked out at build
// time so that a run need not parse the fonts.
//
// It is a package of its own because go:embed cannot reach a parent
// directory; render imports it.
package fonts

import _ "embed"

//go:generate go run ./internal/gentables

// Regular is Noto Sans Regular, a TrueType font.
//
//go:embed NotoSans-Regular.ttf
var Regular []byte

// Bold is Noto Sans Bold, a TrueType font.
//
//go:embed NotoSans-Bold.ttf
var Bold []byte

// RegularTables and BoldTables are what internal/fpdf reads of Regular
// and Bold (fpdf.UTF8Font.Tables), for fpdf.LoadUTF8Font. go generate
// makes them; TestTables checks them against the fonts.
var (
	//go:embed NotoSans-Regular.tables
	RegularTables []byte
	//go:embed NotoSans-Bold.tables
	BoldTables []byte
)
