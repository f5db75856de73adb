package render

import (
	"bytes"
	"os"
	"testing"
	"time"

	"github.com/backplan/backplan/plan"
)

// TestOwnCompressionSameBytes checks that compressing the page streams
// ourselves gives, byte for byte, the PDF fpdf writes when it compresses
// them.
func TestOwnCompressionSameBytes(t *testing.T) {
	f, err := os.Open("../exercises.yaml")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cat, err := plan.LoadCatalog(f, "exercises.yaml")
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		po   plan.Options
		ro   Options
	}{
		{"1 week", plan.Options{Weeks: 1, Days: 1}, Options{Paper: Letter}},
		{"4 weeks", plan.Options{Weeks: 4, Patient: plan.Patient{Name: "José Álvarez Núñez"}}, Options{Paper: A4}},
		{"12 weeks large print", plan.Options{Weeks: 12, Days: 5, Patient: plan.Patient{Name: "Анна Иванова", Notes: "Αργά."}}, Options{Paper: Letter, LargePrint: true}},
		{"52 weeks", plan.Options{Weeks: 52, Days: 7, Focus: plan.StrengthFocus}, Options{Paper: A4}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			c.po.Today = time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)
			p, err := plan.Build(cat, c.po)
			if err != nil {
				t.Fatal(err)
			}
			d, err := Layout(p, c.ro)
			if err != nil {
				t.Fatal(err)
			}
			var ours, theirs bytes.Buffer
			if err := d.draw(&ours, false); err != nil {
				t.Fatal(err)
			}
			if err := d.draw(&theirs, true); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(ours.Bytes(), theirs.Bytes()) {
				t.Errorf("%d bytes with our compression, %d with fpdf's; they differ", ours.Len(), theirs.Len())
			}
		})
	}
}

func TestCompressPagesRefusesOtherShapes(t *testing.T) {
	for _, raw := range []string{"", "%PDF-1.4\n", "startxref\n5\n%%EOF\n", "xref\n0 2\nstartxref\n0\n%%EOF\n"} {
		if err := compressPages(&bytes.Buffer{}, []byte(raw)); err != errShape {
			t.Errorf("compressPages(%q) = %v, want errShape", raw, err)
		}
	}
}
