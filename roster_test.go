package main

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestRosterLineEnds checks that old Mac line ends (a CR alone) and a CR
// mixed into a Windows or Unix file are line ends: no two patients merge.
func TestRosterLineEnds(t *testing.T) {
	tests := []struct {
		name, data string
		patients   []string
		lines      []int
	}{
		{"unix", "patient,weeks\nAna,4\nBen,2\n", []string{"Ana", "Ben"}, []int{2, 3}},
		{"windows", "patient,weeks\r\nAna,4\r\nBen,2\r\n", []string{"Ana", "Ben"}, []int{2, 3}},
		{"old mac", "patient,weeks\rAna,4\rBen,2\r", []string{"Ana", "Ben"}, []int{2, 3}},
		{"a stray CR", "patient,weeks\nAna,4\rBen,2\n", []string{"Ana", "Ben"}, []int{2, 3}},
		{"a CR in a quoted note", "patient,notes\nAna,\"one\rtwo\"\nBen,\n", []string{"Ana", "Ben"}, []int{2, 4}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := readRoster([]byte(tt.data), `"r.csv"`)
			if err != nil {
				t.Fatal(err)
			}
			var patients []string
			var lines []int
			for _, row := range r.rows {
				patients = append(patients, row.patient)
				lines = append(lines, row.line)
			}
			if !slices.Equal(patients, tt.patients) || !slices.Equal(lines, tt.lines) {
				t.Errorf("patients %q on lines %v, want %q on %v", patients, lines, tt.patients, tt.lines)
			}
		})
	}
}

// TestRosterNotUTF8 checks that a cell that is not UTF-8 stops the run,
// naming its line and column.
func TestRosterNotUTF8(t *testing.T) {
	tests := []struct{ data, want string }{
		{"patient,notes\nAna,ok\nJos\xe9,\n", `"r.csv" line 3: the patient cell is not UTF-8 text`},
		{"patient,notes\nAna,caf\xe9\n", `"r.csv" line 2: the notes cell is not UTF-8 text`},
		{"patient,notes\nAna,x,\xff\n", `"r.csv" line 2: cell 3 is not UTF-8 text`},
		{"patient,n\xf6tes\nAna,x\n", `"r.csv" line 1: the name of column 2 is not UTF-8 text`},
	}
	for _, tt := range tests {
		_, err := readRoster([]byte(tt.data), `"r.csv"`)
		var ce *cliError
		if !errors.As(err, &ce) || ce.code != 2 || err.Error() != tt.want {
			t.Errorf("readRoster(%q): error %v, want %q (exit 2)", tt.data, err, tt.want)
		}
	}
}

// TestRosterControlCharacters checks that a row with a control character
// in a cell fails alone, naming the column; a line break is allowed in the
// notes only.
func TestRosterControlCharacters(t *testing.T) {
	columns := []string{"patient", "notes", "clinician"}
	tests := []struct {
		cells []string
		want  string
	}{
		{[]string{"Ana", "two\nlines", ""}, ""},
		{[]string{"Ana\x1b[2J", "", ""}, "the patient cell holds the control character U+001B; remove it"},
		{[]string{"Ana", "bell\a", ""}, "the notes cell holds the control character U+0007; remove it"},
		{[]string{"Ana", "tab\there", ""}, ""},
		{[]string{"Ana", "", "Dr\tLee"}, "the clinician cell holds the control character U+0009; remove it"},
		{[]string{"Ana", "", "Dr\nLee"}, "the clinician cell holds a line break; keep it on one line"},
		{[]string{"Ana", "\u0085", ""}, "the notes cell holds the control character U+0085; remove it"},
	}
	for _, tt := range tests {
		err := checkCells(columns, tt.cells)
		got := ""
		if err != nil {
			got = err.Error()
		}
		if got != tt.want {
			t.Errorf("checkCells(%q) = %q, want %q", tt.cells, got, tt.want)
		}
	}
}

// TestFileNamesLinear checks that naming duplicate patients takes time in
// proportion to the rows: 20,000 rows of one name took 30 s when each row
// counted up from 2.
func TestFileNamesLinear(t *testing.T) {
	names := make([]string, 20000)
	for i := range names {
		names[i] = "Ana Ruiz"
	}
	start := time.Now()
	files := fileNames(names)
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("20,000 identical names took %v", d)
	}
	if files[0] != "ana-ruiz.pdf" || files[19999] != "ana-ruiz-20000.pdf" {
		t.Errorf("first and last names %q, %q", files[0], files[19999])
	}
	seen := make(map[string]bool)
	for _, f := range files {
		if seen[f] {
			t.Fatalf("%s twice", f)
		}
		seen[f] = true
	}
}

// TestLongNames checks that a patient name of any length gives a file name
// that fits every file system, temporary name and numbering included.
func TestLongNames(t *testing.T) {
	for _, n := range []int{60, 241, 255, 300, 5000} {
		names := []string{strings.Repeat("é", n), strings.Repeat("é", n), strings.Repeat("ab ", n)}
		for _, f := range fileNames(names) {
			// claim adds a dot and ".NNNNNNNNN.tmp"; 255 bytes is the usual limit.
			if len(f)+20 > 255 || !safeName.MatchString(f) {
				t.Errorf("%d-letter name gave %q (%d bytes)", n, f, len(f))
			}
		}
	}
	if got := fileNames([]string{fmt.Sprint(strings.Repeat("x", 300))}); len(got[0]) > maxSlug+len(".pdf") {
		t.Errorf("long name gave %q", got[0])
	}
}
