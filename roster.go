package main

// The roster of a batch run: a CSV file, read and checked whole before any
// workbook is made; and the folder the workbooks go to.

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/backplan/backplan/internal/words"
)

// batchColumns are the roster columns backplan knows: patient, and the plan,
// patient and output options a row may set for itself. An empty cell means
// the value given on the command line, or the usual default.
var batchColumns = []string{
	"patient", "weeks", "days", "weekdays", "focus", "level", "equipment",
	"no-floor", "minutes", "start", "review", "include", "exclude",
	"clinician", "clinic", "contact", "notes", "paper", "large-print",
}

// roster is a CSV roster, read and checked.
type roster struct {
	name    string   // for messages: the path given, or "standard input"
	columns []string // option names, in the file's order
	rows    []row
}

// row is one patient's line of the roster.
type row struct {
	line    int // the line the row starts on, counting from 1
	cells   []string
	patient string // the patient cell as written
	file    string // the workbook's file name inside the output folder
}

// readRoster reads a CSV roster: a first line naming the columns, then a
// line for each patient. name is the roster as messages show it. It checks
// the shape of the whole file and that all of it is UTF-8, and gives each
// row its file name; the cells' values are each row's own business.
//
// A carriage return is a line end wherever it is: a file saved with the old
// Mac line ends (a CR alone) reads as lines, not as one long row, and the
// line numbers in messages count them as an editor does.
func readRoster(data []byte, name string) (*roster, error) {
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
	data = bytes.ReplaceAll(data, []byte("\r"), []byte("\n"))
	cr := csv.NewReader(bytes.NewReader(data))
	cr.FieldsPerRecord = -1 // a row of the wrong length is that row's problem
	header, err := cr.Read()
	if err == io.EOF {
		return nil, usageErr("the first line names the columns, as in patient,weeks,focus", "%s is empty", name)
	}
	if err != nil {
		return nil, csvError(name, err)
	}
	if err := checkUTF8(cr, name, header, nil); err != nil {
		return nil, err
	}
	ro := &roster{name: name}
	for i, h := range header {
		col := strings.ToLower(strings.TrimSpace(h))
		switch {
		case col == "":
			return nil, usageErr("", "%s: column %d has no name", name, i+1)
		case !slices.Contains(batchColumns, col):
			hint := "the columns may be " + words.And(batchColumns)
			if strings.Contains(h, ";") {
				hint = saveHint
			}
			return nil, usageErr(hint, "%s: unknown column %q", name, strings.TrimSpace(h))
		case slices.Contains(ro.columns, col):
			return nil, usageErr("", "%s: column %q appears twice", name, col)
		}
		ro.columns = append(ro.columns, col)
	}
	pi := slices.Index(ro.columns, "patient")
	if pi < 0 {
		return nil, usageErr("add a column named patient with each patient's name",
			"%s has no patient column", name)
	}
	for {
		cells, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, csvError(name, err)
		}
		if err := checkUTF8(cr, name, cells, ro.columns); err != nil {
			return nil, err
		}
		if !slices.ContainsFunc(cells, func(s string) bool { return strings.TrimSpace(s) != "" }) {
			continue // a spreadsheet's empty row, such as ",,,"
		}
		line, _ := cr.FieldPos(0)
		r := row{line: line, cells: cells}
		if pi < len(cells) {
			r.patient = cells[pi]
		}
		ro.rows = append(ro.rows, r)
	}
	if len(ro.rows) == 0 {
		return nil, usageErr("add a line for each patient under the column names", "%s has no patients", name)
	}
	names := make([]string, len(ro.rows))
	for i, r := range ro.rows {
		names[i] = r.patient
	}
	for i, f := range fileNames(names) {
		ro.rows[i].file = f
	}
	return ro, nil
}

const saveHint = "save the roster from your spreadsheet as CSV UTF-8 (comma-separated)"

// checkUTF8 refuses a record, just read by cr, with a cell that is not
// UTF-8, naming its line and column: a roster saved in another encoding
// would otherwise print garbled names. columns is nil for the header.
func checkUTF8(cr *csv.Reader, name string, cells, columns []string) error {
	for j, v := range cells {
		if utf8.ValidString(v) {
			continue
		}
		line, _ := cr.FieldPos(j)
		what := fmt.Sprintf("the name of column %d", j+1)
		switch {
		case j < len(columns):
			what = "the " + columns[j] + " cell"
		case columns != nil:
			what = fmt.Sprintf("cell %d", j+1)
		}
		return usageErr(saveHint, "%s line %d: %s is not UTF-8 text", name, line, what)
	}
	return nil
}

// checkCells refuses a row whose cells hold control characters, naming the
// column: they would reach the workbook, its file name or the terminal.
// Line breaks and tabs are allowed in the notes, as a spreadsheet cell may
// hold them and the workbook prints them as breaks and spaces.
func checkCells(columns, cells []string) error {
	for j, v := range cells {
		for _, r := range v {
			if !unicode.IsControl(r) || (r == '\n' || r == '\t') && columns[j] == "notes" {
				continue
			}
			if r == '\n' {
				return fmt.Errorf("the %s cell holds a line break; keep it on one line", columns[j])
			}
			return fmt.Errorf("the %s cell holds the control character %U; remove it", columns[j], r)
		}
	}
	return nil
}

// rosterName is how messages name the roster at path: quoted, or
// standard input.
func rosterName(path string) string {
	if path == "-" {
		return "standard input"
	}
	return strconv.Quote(path)
}

// csvError reports a roster the CSV reader cannot read, at its line.
func csvError(name string, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return usageErr(`put a cell holding commas or quotes in double quotes, and double the quotes inside: "say ""hi"""`,
			"%s line %d: %v", name, pe.Line, pe.Err)
	}
	return fmt.Errorf("reading %s: %w", name, err)
}

// checkOutDir checks --out-dir before any work: it must be a folder, or not
// exist yet in a folder that does. It reports whether it must be made.
func checkOutDir(dir string) (mkdir bool, err error) {
	fi, err := os.Stat(dir)
	switch {
	case err == nil && fi.IsDir():
		return false, nil
	case err == nil:
		return false, usageErr("give a folder, new or existing", "--out-dir %q is a file, not a folder", dir)
	case !errors.Is(err, fs.ErrNotExist):
		return false, usageErr("", "cannot use --out-dir %q: %v", dir, pathErr(err))
	}
	parent := filepath.Dir(filepath.Clean(dir))
	if fi, err := os.Stat(parent); err != nil || !fi.IsDir() {
		return false, usageErr("backplan makes the last folder of --out-dir only; create the others first",
			"cannot make --out-dir %q: folder %q does not exist", dir, parent)
	}
	return true, nil
}

// probeDir checks that files can be made in dir, so that a folder without
// write permission is one message, not one for every row.
func probeDir(dir string) error {
	if err := probeFolder(dir); err != nil {
		return usageErr("", "cannot write in --out-dir %q: %v", dir, pathErr(err))
	}
	return nil
}

// pathErr drops the path from an *fs.PathError, which the message names
// already.
func pathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// forEachRow calls work(worker, i) for i from 0 to n-1 on at most jobs
// goroutines at once; worker, from 0 to jobs-1, says which goroutine runs
// the call, so that each can own a buffer. As rows finish it calls
// progress with how many have finished, and it calls report for each row
