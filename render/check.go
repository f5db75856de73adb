package render

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/backplan/backplan/plan"
)

// TextError is text in a plan that the workbook's fonts cannot draw. The
// command line treats it as bad input: the clinician must change the text.
type TextError struct {
	Field string // where the text is: "patient name", `exercise "band-row" step 2`
	Rune  rune   // the first character that cannot be printed
}

func (e *TextError) Error() string {
	if unicode.IsControl(e.Rune) {
		return fmt.Sprintf("%s: cannot print the control character U+%04X; remove it", e.Field, e.Rune)
	}
	return fmt.Sprintf("%s: cannot print %q (U+%04X): the fonts cover Latin, Greek and Cyrillic; remove it",
		e.Field, string(e.Rune), e.Rune)
}

// field is one piece of plan text the workbook prints.
type field struct{ name, text string }

// fields lists every text of the plan that the workbook draws.
func fields(p *plan.Plan) []field {
	out := []field{
		{"patient name", p.Patient.Name},
		{"clinician", p.Patient.Clinician},
		{"clinic", p.Patient.Clinic},
		{"contact", p.Patient.Contact},
		{"notes", p.Patient.Notes},
	}
	for _, e := range p.Exercises {
		at := fmt.Sprintf("exercise %q", e.ID)
		out = append(out,
			field{at + " name", e.Name},
			field{at + " purpose", e.Purpose},
			field{at + " start", e.Start},
			field{at + " easier", e.Easier},
			field{at + " harder", e.Harder},
		)
		for _, l := range []struct {
			name  string
			items []string
		}{{"need", e.Needs}, {"step", e.Steps}, {"cue", e.Cues}, {"caution", e.Cautions}} {
			for i, s := range l.items {
				out = append(out, field{fmt.Sprintf("%s %s %d", at, l.name, i+1), s})
			}
		}
	}
	return out
}

// CheckText reports the first text in p that the embedded fonts cannot draw,
// as a *TextError. Workbook calls it before anything else, so a workbook
// never prints empty boxes in place of letters.
func CheckText(p *plan.Plan) error {
	fs, err := loadFaces()
	if err != nil {
		return err
	}
	for _, f := range fields(p) {
		if r, ok := unprintable(fs, f.text); ok {
			return &TextError{Field: f.name, Rune: r}
		}
	}
	return nil
}

// unprintable returns the first rune of s that both fonts cannot draw.
// Line breaks and tabs are allowed: layout turns them into breaks and spaces.
func unprintable(fs [2]*face, s string) (rune, bool) {
	for _, r := range s {
		switch r {
		case '\n', '\r', '\t':
			continue
		}
		if !fs[0].covers(r) || !fs[1].covers(r) || unicode.IsControl(r) {
			return r, true
		}
	}
	return 0, false
}

// clean turns any run of white space (line breaks included) into one space
// and trims the ends: for text that prints on a line of its own.
func clean(s string) string { return strings.Join(strings.Fields(s), " ") }
