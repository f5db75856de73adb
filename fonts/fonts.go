// Package fonts holds the typefaces the workbook is printed in, embedded in
// the binary: Noto Sans Regular and Bold (SIL Open Font License 1.1; see
// OFL.txt and README.md).
//
// It is a package of its own because go:embed cannot reach a parent
// directory; render imports it.
package fonts

import _ "embed"

// Regular is Noto Sans Regular, a TrueType font.
//
//go:embed NotoSans-Regular.ttf
var Regular []byte

// Bold is Noto Sans Bold, a TrueType font.
//
//go:embed NotoSans-Bold.ttf
var Bold []byte
