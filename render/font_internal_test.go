package render

import (
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
