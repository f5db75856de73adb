// Command gentables writes the tables the PDF writer reads of each
// embedded font (fpdf's UTF8Font.Tables) beside it, as NAME.tables, so
// that a run of backplan loads them instead of parsing the fonts. Run it
// with go generate ./fonts after changing a font or how fpdf reads one;
// TestTables fails until then.
package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/backplan/backplan/internal/fpdf"
)

func main() {
	for _, name := range []string{"NotoSans-Regular.ttf", "NotoSans-Bold.ttf"} {
		if err := write(name); err != nil {
			fmt.Fprintf(os.Stderr, "gentables: %s: %v\n", name, err)
			os.Exit(1)
		}
	}
}

func write(name string) error {
	data, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	font, err := fpdf.ParseUTF8Font(data)
	if err != nil {
		return err
	}
	return os.WriteFile(strings.TrimSuffix(name, ".ttf")+".tables", font.Tables(), 0o644)
}
