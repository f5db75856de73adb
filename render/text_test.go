package render_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/backplan/backplan/plan"
	"github.com/backplan/backplan/render"
)

// TestInvalidUTF8 refuses text that is not UTF-8 in any field, naming the
// field, before anything is written: fpdf would panic on it.
func TestInvalidUTF8(t *testing.T) {
	bad := "Jos\xe9"
	tests := []struct {
		field string
		set   func(p *plan.Plan)
	}{
		{"patient name", func(p *plan.Plan) { p.Patient.Name = bad }},
		{"clinician", func(p *plan.Plan) { p.Patient.Clinician = bad }},
		{"clinic", func(p *plan.Plan) { p.Patient.Clinic = bad }},
		{"contact", func(p *plan.Plan) { p.Patient.Contact = "\xff" }},
		{"notes", func(p *plan.Plan) { p.Patient.Notes = "walk\n" + bad + "z" }},
		{"name", func(p *plan.Plan) { p.Exercises[0].Name = bad }},
		{"step 1", func(p *plan.Plan) { p.Exercises[0].Steps = []string{bad} }},
		{"cue 1", func(p *plan.Plan) {
			p.Exercises[1].Cues = []string{"ok", "\xc3"}
			p.Exercises[1].Cues = p.Exercises[1].Cues[1:]
		}},
	}
	for _, tt := range tests {
		t.Run(tt.field, func(t *testing.T) {
			p := build(t, testCatalog(t), plan.Options{Weeks: 1})
			p.Exercises = append([]plan.Exercise{}, p.Exercises...)
			tt.set(p)
			var b bytes.Buffer
			err := rend.Workbook(&b, p, render.Options{})
			var te *render.TextError
			if !errors.As(err, &te) || !te.Invalid {
				t.Fatalf("got %v, want a TextError for invalid UTF-8", err)
			}
			if !strings.Contains(err.Error(), tt.field) || !strings.Contains(err.Error(), "not valid UTF-8") {
				t.Errorf("%q does not name %q", err, tt.field)
			}
			if b.Len() > 0 {
				t.Errorf("wrote %d bytes", b.Len())
			}
		})
	}
}

// TestCheckCatalog finds an exercise text the fonts cannot draw, naming
// the exercise and the field.
func TestCheckCatalog(t *testing.T) {
	c := testCatalog(t)
	if err := rend.CheckCatalog(c); err != nil {
		t.Fatalf("the test catalogue: %v", err)
	}
	if err := rend.CheckCatalog(realCatalog(t)); err != nil {
		t.Fatalf("the real catalogue: %v", err)
	}
	id := c.IDs()[1]
	e, _ := c.Lookup(id)
	data := strings.Replace(catalogText(t), e.Name, e.Name+" 李", 1)
	bad, err := plan.LoadCatalog(strings.NewReader(data), "bad.yaml")
	if err != nil {
		t.Fatal(err)
	}
	err = rend.CheckCatalog(bad)
	var te *render.TextError
	if !errors.As(err, &te) || !strings.HasPrefix(err.Error(), `exercise "`+id+`" name: cannot print "李"`) {
		t.Errorf("got %v, want a TextError naming %s's name", err, id)
	}
}

// TestLongTextIsLinear lays out a workbook for a 40,000-character name
// with no break in it, which took over five minutes when fitting text
// cost the square of its length.
func TestLongTextIsLinear(t *testing.T) {
	p := build(t, testCatalog(t), plan.Options{Weeks: 1, Days: 1})
	p.Patient.Name = strings.Repeat("x", 40_000)
	p.Patient.Notes = strings.Repeat("y", 40_000)
	start := time.Now()
	if _, err := rend.Layout(p, render.Options{}); err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("took %v", d)
	}
}

// FuzzTextFields feeds arbitrary bytes through every text field of a plan
// into a rendered PDF: the renderer either draws it or refuses it with a
// TextError (text it cannot draw) or a FitError (text too long for a
// page), and never panics.
func FuzzTextFields(f *testing.F) {
	for _, s := range []string{"Ana Ruiz", "Jos\xe9", "\xff\xfe", "Ζωή", "a\x00b", "😀", "line\r\nbreak", strings.Repeat("w", 300), "Straight-arm-plank-----x", "\xe2\x80"} {
		f.Add(s, uint8(0))
	}
	c := testCatalog(f)
	base := build(f, c, plan.Options{Weeks: 1, Days: 1})
	f.Fuzz(func(t *testing.T, s string, which uint8) {
		p := *base
		p.Exercises = append([]plan.Exercise{}, base.Exercises...)
		e := &p.Exercises[int(which)%len(p.Exercises)]
		switch which % 8 {
		case 0:
			p.Patient.Name = s
		case 1:
			p.Patient.Clinician = s
		case 2:
			p.Patient.Clinic = s
		case 3:
			p.Patient.Contact = s
		case 4:
			p.Patient.Notes = s
		case 5:
			e.Name = s
		case 6:
			e.Steps = []string{s, s}
		case 7:
			p.Patient.Name, p.Patient.Notes, e.Name, e.Purpose = s, s, s, s
		}
		var b bytes.Buffer
		err := rend.Workbook(&b, &p, render.Options{})
		var te *render.TextError
		var fe *render.FitError
		if err != nil && !errors.As(err, &te) && !errors.As(err, &fe) {
			t.Fatalf("%q: %v", s, err)
		}
		if err == nil && !bytes.HasPrefix(b.Bytes(), []byte("%PDF-")) {
			t.Fatalf("%q: no PDF", s)
		}
	})
}

// FuzzLongFields puts long text in every text field of a plan file's
// exercises, and in the patient's, and reads the file back as --from
// does: what the limits accept lays out (in large print, the tallest),
// and ends, with a PDF or a FitError; nothing the limits refuse reaches
// a page. A layout that cannot end hangs the fuzzer, which fails it.
func FuzzLongFields(f *testing.F) {
	f.Add("Wwww ", uint16(80), uint8(0), uint8(0))
	f.Add("W", uint16(300), uint8(1), uint8(3))
	f.Add("long words ", uint16(1500), uint8(7), uint8(2))
	f.Add("x", uint16(300), uint8(9), uint8(5))
	c := testCatalog(f)
	base := build(f, c, plan.Options{Weeks: 1, Days: 3})
	f.Fuzz(func(t *testing.T, unit string, n uint16, field, which uint8) {
		if unit == "" {
			return
		}
		s := strings.Repeat(unit, int(n)/len(unit)+1)[:min(int(n), 5000)]
		p := *base
		p.Exercises = append([]plan.Exercise{}, base.Exercises...)
		e := &p.Exercises[int(which)%len(p.Exercises)]
		list := []string{s, s, s, s, s, s, s, s, s, s, s, s}
		switch field % 12 {
		case 0:
			e.Name = s
		case 1:
			e.Purpose = s
		case 2:
			e.Start = s
		case 3:
			e.Easier, e.Harder = s, s
		case 4:
			e.Steps = list
		case 5:
			e.Cues = list
		case 6:
			e.Cautions = list
		case 7:
			e.Needs = list
		case 8:
			p.Patient.Notes = s
		case 9:
			p.Patient.Name, p.Patient.Clinic, p.Patient.Contact = s, s, s
		case 10:
			e.Name, e.Purpose, e.Steps = s, s, list
		case 11:
			for i := range p.Exercises {
				p.Exercises[i].Name = s
			}
		}
		var file bytes.Buffer
		if err := p.WriteYAML(&file); err != nil {
			t.Fatal(err)
		}
		read, err := plan.ReadPlan(&file, "plan.yaml")
		if err != nil {
			return // refused at load, with its line
		}
		var b bytes.Buffer
		err = rend.Workbook(&b, read, render.Options{LargePrint: true})
		var te *render.TextError
		var fe *render.FitError
		if err != nil && !errors.As(err, &te) && !errors.As(err, &fe) {
			t.Fatalf("%q × %d in field %d: %v", unit, n, field%12, err)
		}
	})
}
