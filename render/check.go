package render

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/backplan/backplan/plan"
)

// TextError is text in a plan that the workbook's fonts cannot draw. The
// command line treats it as bad input: the clinician must change the text.
type TextError struct {
	Field string // where the text is: "patient name", `exercise "band-row" step 2`
	// Exercise is the id of the catalogue exercise whose text it is, when
	// CheckCatalog finds it; "" otherwise.
	Exercise string
	Rune     rune // the first character that cannot be printed
	Invalid  bool // the text is not valid UTF-8 (Rune is then utf8.RuneError)
}

func (e *TextError) Error() string {
	if e.Invalid {
		return fmt.Sprintf("%s: the text is not valid UTF-8; save it as UTF-8 and try again", e.Field)
	}
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
		out = append(out, exerciseFields(e)...)
	}
	// The amounts of a plan file may carry their own words.
	for _, w := range p.Weeks {
		for _, ses := range w.Sessions {
			for _, it := range ses.Items {
				if it.Dose.Each != "" {
					out = append(out, field{fmt.Sprintf("week %d %s dose", w.Number, safeID(it.Exercise)), it.Dose.Each})
				}
				out = append(out, field{fmt.Sprintf("week %d exercise id", w.Number), it.Exercise})
			}
		}
	}
	return out
}

// exerciseFields lists every text of an exercise that the workbook draws.
func exerciseFields(e plan.Exercise) []field {
	at := fmt.Sprintf("exercise %q", safeID(e.ID))
	out := []field{
		{at + " id", e.ID},
		{at + " name", e.Name},
		{at + " purpose", e.Purpose},
		{at + " start", e.Start},
		{at + " easier", e.Easier},
		{at + " harder", e.Harder},
		{at + " dose", e.Dose.Each},
	}
	for _, l := range []struct {
		name  string
		items []string
	}{{"need", e.Needs}, {"step", e.Steps}, {"cue", e.Cues}, {"caution", e.Cautions}} {
		for i, s := range l.items {
			out = append(out, field{fmt.Sprintf("%s %s %d", at, l.name, i+1), s})
		}
	}
	return out
}

// safeID is an exercise id fit to quote in a message: invalid UTF-8
// becomes U+FFFD, which %q shows plainly.
func safeID(id string) string { return strings.ToValidUTF8(id, "\uFFFD") }

// CheckText reports the first text in p that the embedded fonts cannot draw,
// as a *TextError. Workbook calls it before anything else, so a workbook
// never prints empty boxes in place of letters.
func (r *Renderer) CheckText(p *plan.Plan) error {
	return r.check(fields(p))
}

// CheckCatalog reports the first text of the catalogue's exercises that
// the embedded fonts cannot draw, as a *TextError naming the exercise and
// the field, so that a catalogue is refused when it is loaded rather than
// by every workbook made from it.
func (r *Renderer) CheckCatalog(c *plan.Catalog) error {
	if c == nil {
		return nil
	}
	for _, id := range c.IDs() {
		e, _ := c.Lookup(id)
		if err := r.check(exerciseFields(e)); err != nil {
			if te, ok := err.(*TextError); ok {
				te.Exercise = e.ID
			}
			return err
		}
	}
	return nil
}

func (r *Renderer) check(fs []field) error {
	for _, f := range fs {
		if !utf8.ValidString(f.text) {
			return &TextError{Field: f.name, Rune: utf8.RuneError, Invalid: true}
		}
		if c, ok := unprintable(r.fonts.faces, f.text); ok {
			return &TextError{Field: f.name, Rune: c}
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
func clean(s string) string {
	if isClean(s) {
		return s // most text is clean already: no need to split and join it
	}
	return strings.Join(strings.Fields(s), " ")
}

// isClean reports whether clean(s) is s: no white space at either end,
// and none inside but single spaces.
func isClean(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	space := false // the byte before was a space
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ' ':
			if space {
				return false
			}
			space = true
		case c >= utf8.RuneSelf:
			r, n := utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(r) {
				return false
			}
			i += n - 1
			space = false
		case c >= '\t' && c <= '\r':
			return false // tab, line feed, vertical tab, form feed, carriage return
		default:
			space = false
		}
	}
	return true
}
