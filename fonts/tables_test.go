package fonts_test

import (
	"bytes"
	"testing"

	"github.com/backplan/backplan/fonts"
	"github.com/backplan/backplan/internal/fpdf"
)

// TestTables: the tables made at build time are those of the fonts
// embedded now, so a font or fpdf changed without go generate fails here.
func TestTables(t *testing.T) {
	for _, f := range []struct {
		name         string
		font, tables []byte
	}{
		{"NotoSans-Regular", fonts.Regular, fonts.RegularTables},
		{"NotoSans-Bold", fonts.Bold, fonts.BoldTables},
	} {
		parsed, err := fpdf.ParseUTF8Font(f.font)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(parsed.Tables(), f.tables) {
			t.Errorf("%s.tables is not what %s.ttf gives now: run go generate ./fonts", f.name, f.name)
		}
	}
}
