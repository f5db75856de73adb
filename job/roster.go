package job

// A roster: a CSV file with a line for each patient, read and checked
// whole before any workbook is made. Its first line names the columns:
// patient, and any of the table's options; each row's cells set those
// options for that patient on top of what the front end was given.

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/backplan/backplan/internal/words"
	"github.com/backplan/backplan/plan"
)

// Roster is a roster, read and checked.
type Roster struct {
	Name    string   // the roster as messages name it: a quoted path, or "standard input"
	Columns []string // option names, in the file's order ("patient" among them)
	Rows    []Row
}

// Row is one patient's line of a roster.
type Row struct {
	Line    int // the line the row starts on, counting from 1
	Cells   []string
	Patient string // the patient cell as written
	File    string // the workbook's file name: the patient's name as a slug, .pdf, unique in the roster
}

// RosterError is a roster that cannot be used at all: empty, with no
// patient column, an unknown column, text that is not UTF-8 or a broken
// CSV line. Nothing may be made from it.
type RosterError struct {
	Name string // the roster, as Roster.Name
	Line int    // the line, or 0 when it is about the whole file
	Msg  string // the whole message
	// Hint says what to do about the file, or "": advice on saving a CSV
	// file, the same whichever front end read it.
	Hint string
}

func (e *RosterError) Error() string { return e.Msg }

// saveHint is the advice for a file that is not CSV in UTF-8.
const saveHint = "save the roster from your spreadsheet as CSV UTF-8 (comma-separated)"

func rosterErr(name string, line int, hint, format string, args ...any) error {
	return &RosterError{Name: name, Line: line, Hint: hint, Msg: fmt.Sprintf(format, args...)}
}

// ReadRoster reads a CSV roster with no limit on its rows; see
// ReadRosterAtMost.
func ReadRoster(data []byte, name string) (*Roster, error) {
	return ReadRosterAtMost(data, name, 0)
}

// ReadRosterAtMost reads a CSV roster: a first line naming the columns,
// then a line for each patient. name is the roster as messages name it.
// With maxRows above 0, it stops reading at the first row past maxRows
// and refuses the roster, before the rest costs any time or memory. It
// checks the shape of the whole file and that all of it is UTF-8, skips
// empty rows, and gives each row its file name; the cells' values are each
// row's own business (Roster.Options).
//
// A carriage return is a line end wherever it is: a file saved with the
// old Mac line ends (a CR alone) reads as lines, not as one long row, and
// the line numbers in messages count them as an editor does.
func ReadRosterAtMost(data []byte, name string, maxRows int) (*Roster, error) {
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
	data = bytes.ReplaceAll(data, []byte("\r"), []byte("\n"))
	cr := csv.NewReader(bytes.NewReader(data))
	cr.FieldsPerRecord = -1 // a row of the wrong length is that row's problem
	header, err := cr.Read()
	if err == io.EOF {
		return nil, rosterErr(name, 0, "the first line names the columns, as in patient,weeks,focus", "%s is empty", name)
	}
	if err != nil {
		return nil, csvError(name, err)
	}
	if err := checkUTF8(cr, name, header, nil); err != nil {
		return nil, err
	}
	ro := &Roster{Name: name}
	if ro.Columns, err = columns(name, header); err != nil {
		return nil, err
	}
	if ro.Rows, err = rows(cr, name, ro.Columns, maxRows); err != nil {
		return nil, err
	}
	if len(ro.Rows) == 0 {
		return nil, rosterErr(name, 0, "add a line for each patient under the column names", "%s has no patients", name)
	}
	names := make([]string, len(ro.Rows))
	for i, r := range ro.Rows {
		names[i] = r.Patient
	}
	for i, f := range fileNames(names) {
		ro.Rows[i].File = f
	}
	return ro, nil
}

// Columns are the columns a roster may have: patient, then the table's
// options in order.
func Columns() []string {
	out := []string{"patient"}
	for _, op := range table {
		if op.Name != "patient" {
			out = append(out, op.Name)
		}
	}
	return out
}

// columns reads the first line: each column once, each one known, and a
// patient column.
func columns(name string, header []string) ([]string, error) {
	known := Columns()
	var cols []string
	for i, h := range header {
		col := strings.ToLower(strings.TrimSpace(h))
		switch {
		case col == "":
			return nil, rosterErr(name, 1, "", "%s: column %d has no name", name, i+1)
		case !slices.Contains(known, col):
			hint := "the columns may be " + words.And(known)
			if strings.Contains(h, ";") {
				hint = saveHint
			}
			return nil, rosterErr(name, 1, hint, "%s: unknown column %s", name, plan.Quote(strings.TrimSpace(h)))
		case slices.Contains(cols, col):
			return nil, rosterErr(name, 1, "", "%s: column %s appears twice", name, plan.Quote(col))
		}
		cols = append(cols, col)
	}
	if !slices.Contains(cols, "patient") {
		return nil, rosterErr(name, 1, "add a column named patient with each patient's name", "%s has no patient column", name)
	}
	return cols, nil
}

// rows reads the rows after the first line, skipping empty ones, and
// stops at the first past maxRows (when above 0).
func rows(cr *csv.Reader, name string, cols []string, maxRows int) ([]Row, error) {
	pi := slices.Index(cols, "patient")
	var out []Row
	for {
		cells, err := cr.Read()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, csvError(name, err)
		}
		if err := checkUTF8(cr, name, cells, cols); err != nil {
			return nil, err
		}
		if !slices.ContainsFunc(cells, func(s string) bool { return strings.TrimSpace(s) != "" }) {
			continue // a spreadsheet's empty row, such as ",,,"
		}
		line, _ := cr.FieldPos(0)
		if maxRows > 0 && len(out) == maxRows {
			return nil, rosterErr(name, line, "split the roster into smaller ones",
				"%s line %d: more than %d patients; at most %d are made at once", name, line, maxRows, maxRows)
		}
		r := Row{Line: line, Cells: cells}
		if pi < len(cells) {
			r.Patient = cells[pi]
		}
		out = append(out, r)
	}
}

// Who is the row's patient cell for a message: on one line, and at most
// its first 40 characters, as a cell may hold anything.
func (r Row) Who() string {
	s := strings.Join(strings.Fields(r.Patient), " ")
	if n := []rune(s); len(n) > 40 {
		return string(n[:40]) + "…"
	}
	return s
}

// checkUTF8 refuses a record, just read by cr, with a cell that is not
// UTF-8, naming its line and column: a roster saved in another encoding
// would otherwise print garbled names. cols is nil for the first line.
func checkUTF8(cr *csv.Reader, name string, cells, cols []string) error {
	for j, v := range cells {
		if utf8.ValidString(v) {
			continue
		}
		line, _ := cr.FieldPos(j)
		what := fmt.Sprintf("the name of column %d", j+1)
		switch {
		case j < len(cols):
			what = "the " + cols[j] + " cell"
		case cols != nil:
			what = fmt.Sprintf("cell %d", j+1)
		}
		return rosterErr(name, line, saveHint, "%s line %d: %s is not UTF-8 text", name, line, what)
	}
	return nil
}

// csvError reports a roster the CSV reader cannot read, at its line.
func csvError(name string, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) && errors.Is(pe.Err, csv.ErrQuote) && pe.StartLine < pe.Line {
		// A quote left open runs on to the end of the file or the next
		// quote: the mistake is where the quoted cell starts.
		return rosterErr(name, pe.StartLine, `close the quote, or put a cell holding commas or quotes in double quotes and double the quotes inside: "say ""hi"""`,
			"%s line %d: a quoted cell opens here and is still open at line %d", name, pe.StartLine, pe.Line)
	}
	if errors.As(err, &pe) {
		return rosterErr(name, pe.Line, `put a cell holding commas or quotes in double quotes, and double the quotes inside: "say ""hi"""`,
			"%s line %d: %v", name, pe.Line, pe.Err)
	}
	return fmt.Errorf("reading %s: %w", name, err)
}

// Options returns the options for a row: base, with each of the row's
// filled cells set on top through its option's parser (an empty cell
// keeps base's value). The days of the week and their number are one
// choice: a row that makes it replaces base's, whichever way base made
// it. An error is the row's alone; the other rows may still be made.
func (ro *Roster) Options(base Options, r Row) (Options, error) {
	if len(r.Cells) != len(ro.Columns) {
		return Options{}, fmt.Errorf("the row has %s but the first line names %s",
			words.Count(len(r.Cells), "cell"), words.Count(len(ro.Columns), "column"))
	}
	if strings.TrimSpace(r.Patient) == "" {
		return Options{}, errors.New("the patient cell is empty")
	}
	if err := checkCells(ro.Columns, r.Cells); err != nil {
		return Options{}, err
	}
	filled := func(col string) bool {
		j := slices.Index(ro.Columns, col)
		return j >= 0 && strings.TrimSpace(r.Cells[j]) != ""
	}
	o := base
	switch {
	case filled("days") && filled("weekdays"):
		return Options{}, errors.New("the days and weekdays cells say the same thing twice; fill one")
	case filled("days"):
		o.Plan.Weekdays = nil
	case filled("weekdays"):
		o.Plan.Days = 0
	}
	for j, col := range ro.Columns {
		if v := r.Cells[j]; strings.TrimSpace(v) != "" {
			op, _ := Lookup(col)
			if err := op.Set(&o, v); err != nil {
				return Options{}, err
			}
		}
	}
	return o, nil
}

// checkCells refuses a row whose cells hold control characters, naming the
// column: they would reach the workbook, its file name or a terminal.
// Line breaks and tabs are allowed in the notes, as a spreadsheet cell may
// hold them and the workbook prints them as breaks and spaces.
func checkCells(cols, cells []string) error {
	for j, v := range cells {
		for _, r := range v {
			if !unicode.IsControl(r) || (r == '\n' || r == '\t') && cols[j] == "notes" {
				continue
			}
			if r == '\n' {
				return fmt.Errorf("the %s cell holds a line break; keep it on one line", cols[j])
			}
			return fmt.Errorf("the %s cell holds the control character %U; remove it", cols[j], r)
		}
	}
	return nil
}
