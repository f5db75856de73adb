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
	"strings"
	"unicode/utf8"

	"github.com/backplan/backplan/internal/words"
)

// batchColumns are the roster columns backplan knows: patient, and the plan,
// patient and output options a row may set for itself. An empty cell means
// the value given on the command line, or the usual default.
var batchColumns = []string{
	"patient", "weeks", "days", "focus", "level", "equipment", "no-floor",
	"minutes", "start", "include", "exclude", "clinician", "clinic",
	"contact", "notes", "paper", "large-print",
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
// line for each patient. It checks the shape of the whole file, and gives
// each row its file name; it does not look at the cells' values.
func readRoster(data []byte, name string) (*roster, error) {
	const saveHint = "save the roster from your spreadsheet as CSV UTF-8 (comma-separated)"
	if !utf8.Valid(data) {
		line := 1 + bytes.Count(data[:firstInvalid(data)], []byte("\n"))
		return nil, usageErr(saveHint, "%s:%d: the text is not UTF-8", name, line)
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	cr := csv.NewReader(bytes.NewReader(data))
	cr.FieldsPerRecord = -1 // a row of the wrong length is that row's problem
	header, err := cr.Read()
	if err == io.EOF {
		return nil, usageErr("the first line names the columns, as in patient,weeks,focus", "%s is empty", name)
	}
	if err != nil {
		return nil, csvError(name, err)
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

func firstInvalid(data []byte) int {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return len(data)
}

// csvError reports a roster the CSV reader cannot read, at its line.
func csvError(name string, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return usageErr(`put a cell holding commas or quotes in double quotes, and double the quotes inside: "say ""hi"""`,
			"%s:%d: %v", name, pe.Line, pe.Err)
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
		return false, usageErr("give a folder, new or existing", "--out-dir %s is a file, not a folder", dir)
	case !errors.Is(err, fs.ErrNotExist):
		return false, usageErr("", "cannot use --out-dir %s: %v", dir, pathErr(err))
	}
	parent := filepath.Dir(filepath.Clean(dir))
	if fi, err := os.Stat(parent); err != nil || !fi.IsDir() {
		return false, usageErr("backplan makes the last folder of --out-dir only; create the others first",
			"cannot make --out-dir %s: folder %s does not exist", dir, parent)
	}
	return true, nil
}

// probeDir checks that files can be made in dir, so that a folder without
// write permission is one message, not one for every row.
func probeDir(dir string) error {
	f, err := os.CreateTemp(dir, ".backplan-*.tmp")
	if err != nil {
		return usageErr("", "cannot write in --out-dir %s: %v", dir, pathErr(err))
	}
	f.Close()
	return os.Remove(f.Name())
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
