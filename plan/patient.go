package plan

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Limits on the patient's details, in characters. They are far above any
// real name or note, and keep a page's lines and a file's size sane.
const (
	MaxNameLength    = 200 // name, clinician and clinic
	MaxContactLength = 300
	MaxNotesLength   = 1000
)

// Validate checks the patient's details before they reach a page, a plan
// file or a terminal: each must be valid UTF-8 text with no control
// characters (only the notes may hold line breaks and tabs, which the
// workbook prints as breaks and spaces) and within its length limit. Its
// errors are OptionProblems whose Input names the field ("patient",
// "clinician", "clinic", "contact", "notes").
func (p Patient) Validate() error {
	for _, f := range []struct {
		input, words, text string
		limit              int
		lines              bool
	}{
		{"patient", "patient name", p.Name, MaxNameLength, false},
		{"clinician", "clinician", p.Clinician, MaxNameLength, false},
		{"clinic", "clinic", p.Clinic, MaxNameLength, false},
		{"contact", "contact", p.Contact, MaxContactLength, false},
		{"notes", "notes", p.Notes, MaxNotesLength, true},
	} {
		if err := checkText(f.text, f.limit, f.lines); err != nil {
			return optErr(f.input, "%s: %v", f.words, err)
		}
	}
	return nil
}

// checkText reports text that is not valid UTF-8, holds a control
// character (lines allows line breaks, CR LF included, and tabs), or is
// longer than limit characters (no limit when 0).
func checkText(s string, limit int, lines bool) error {
	if !utf8.ValidString(s) {
		return fmt.Errorf("the text is not valid UTF-8 (save it as UTF-8)")
	}
	if lines {
		s = strings.ReplaceAll(s, "\r\n", "\n")
	}
	n := 0
	for _, r := range s {
		n++
		if lines && (r == '\n' || r == '\t') {
			continue
		}
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
			return fmt.Errorf("the text holds a control character (%U); use plain text", r)
		}
	}
	if limit > 0 && n > limit {
		return fmt.Errorf("%d characters is too long; keep it to %d", n, limit)
	}
	return nil
}
