package job

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/backplan/backplan/plan"
	"github.com/backplan/backplan/render"
)

func FuzzReadRoster(f *testing.F) {
	f.Add("patient,weeks\nAna Ruiz,4\nAna Ruiz,\n")
	f.Add("\ufeffpatient,equipment\n\"Ben, Ode\",\"band,dumbbells\"\n,\n")
	f.Add("patient,notes\nAna,\"two\nlines\"\nBen,x\n")
	f.Add("patient\n\"bad\"quote\n")
	f.Fuzz(func(t *testing.T, data string) {
		r, err := ReadRoster([]byte(data), "roster.csv")
		if err != nil {
			var re *RosterError
			if !errors.As(err, &re) || re.Name != "roster.csv" {
				t.Fatalf("error %v is not a RosterError about roster.csv", err)
			}
			return
		}
		seen := map[string]bool{}
		last := 0
		for _, row := range r.Rows {
			if !safeName.MatchString(row.File) || seen[row.File] {
				t.Fatalf("row %d: bad or repeated file name %q", row.Line, row.File)
			}
			seen[row.File] = true
			if row.Line <= last {
				t.Fatalf("row lines out of order: %d after %d", row.Line, last)
			}
			last = row.Line
		}
	})
}

func TestReadRoster(t *testing.T) {
	data := "\ufeff Patient ,Equipment,notes\r\n" +
		"Ana Ruiz,\"band,dumbbells\",\"Go \"\"gently\"\"\"\r\n" +
		",,\r\n" +
		"\r\n" +
		"Ben Ode,,\"two\nlines\"\r\n" +
		"Cy,none,x\r\n"
	r, err := ReadRoster([]byte(data), "roster.csv")
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"patient", "equipment", "notes"}; !slices.Equal(r.Columns, want) {
		t.Errorf("columns = %q, want %q", r.Columns, want)
	}
	type got struct {
		line          int
		patient, file string
		cells         string
	}
	var rows []got
	for _, row := range r.Rows {
		rows = append(rows, got{row.Line, row.Patient, row.File, strings.Join(row.Cells, "|")})
	}
	want := []got{
		{2, "Ana Ruiz", "ana-ruiz.pdf", `Ana Ruiz|band,dumbbells|Go "gently"`},
		{5, "Ben Ode", "ben-ode.pdf", "Ben Ode||two\nlines"},
		{7, "Cy", "cy.pdf", "Cy|none|x"},
	}
	if !slices.Equal(rows, want) {
		t.Errorf("rows =\n%+v\nwant\n%+v", rows, want)
	}
}

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
			r, err := ReadRoster([]byte(tt.data), `"r.csv"`)
			if err != nil {
				t.Fatal(err)
			}
			var patients []string
			var lines []int
			for _, row := range r.Rows {
				patients = append(patients, row.Patient)
				lines = append(lines, row.Line)
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
		_, err := ReadRoster([]byte(tt.data), `"r.csv"`)
		var re *RosterError
		if !errors.As(err, &re) || err.Error() != tt.want || re.Hint == "" {
			t.Errorf("ReadRoster(%q): error %v, want the RosterError %q with a hint", tt.data, err, tt.want)
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

// TestRosterOptions: a row's filled cells go on top of the options given,
// each through its option's parser; empty cells keep them.
func TestRosterOptions(t *testing.T) {
	ro, err := ReadRoster([]byte("patient,weeks,days,weekdays,equipment,paper,large-print\n"+
		"Ana,6,,,,a4,\n"+
		"Ben,,2,,none,,yes\n"+
		"Cy,,,\"mon,thu\",,,\n"+
		"Di,,2,mon,,,\n"+
		"Ed,x,,,,,\n"+
		"Fay,,,,,a5,\n"), "r.csv")
	if err != nil {
		t.Fatal(err)
	}
	base := Options{Render: render.Options{Paper: render.Letter}}
	base.Plan.Weeks = 4
	base.Plan.Weekdays = []time.Weekday{time.Tuesday}
	base.Plan.Patient.Clinician = "Dr Lee"
	type want struct {
		weeks, days int
		weekdays    []time.Weekday
		equipment   []plan.Equipment
		paper       render.Paper
		large       bool
		err         string
	}
	wants := []want{
		{weeks: 6, weekdays: []time.Weekday{time.Tuesday}, paper: render.A4},
		{weeks: 4, days: 2, equipment: []plan.Equipment{}, paper: render.Letter, large: true},
		{weeks: 4, weekdays: []time.Weekday{time.Monday, time.Thursday}, paper: render.Letter},
		{err: "the days and weekdays cells say the same thing twice; fill one"},
		{err: `weeks must be a whole number, got "x"`},
		{err: `unknown paper "a5" (choose a4 or letter)`},
	}
	for i, row := range ro.Rows {
		o, err := ro.Options(base, row)
		w := wants[i]
		if w.err != "" {
			if err == nil || err.Error() != w.err {
				t.Errorf("%s: error %v, want %q", row.Patient, err, w.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", row.Patient, err)
			continue
		}
		p := o.Plan
		if p.Weeks != w.weeks || p.Days != w.days || !slices.Equal(p.Weekdays, w.weekdays) ||
			!slices.Equal(p.Equipment, w.equipment) || (p.Equipment == nil) != (w.equipment == nil) ||
			o.Render.Paper != w.paper || o.Render.LargePrint != w.large ||
			p.Patient.Name != row.Patient || p.Patient.Clinician != "Dr Lee" {
			t.Errorf("%s: got %+v", row.Patient, o)
		}
	}
	if base.Plan.Weeks != 4 || len(base.Plan.Weekdays) != 1 || base.Plan.Patient.Name != "" {
		t.Errorf("the rows changed the base options: %+v", base)
	}
	// An option's error names the option, for the front end's hint.
	_, err = ro.Options(base, ro.Rows[4])
	if got := OptionOf(err); got != "weeks" {
		t.Errorf("OptionOf(%v) = %q, want weeks", err, got)
	}
}

// TestRosterLimits: a roster past its limit stops at the first row too
// many, without reading on; an unclosed quote is named where it opens; a
// huge cell is never repeated whole.
func TestRosterLimits(t *testing.T) {
	huge := strings.Repeat("patient\n", 1) + strings.Repeat("a\n", 200000)
	for _, tt := range []struct {
		name, data string
		max        int
		want       string
		line       int
	}{
		{"one row past the limit", "patient\nA\nB\nC\n", 2, "r.csv line 4: more than 2 patients; at most 2 are made at once", 4},
		{"a huge roster stops at the limit", huge, 1000, "r.csv line 1002: more than 1000 patients", 1002},
		{"at the limit", "patient\nA\nB\n", 2, "", 0},
		{"no limit", "patient\nA\nB\nC\n", 0, "", 0},
		{"an unclosed quote on line 2", "patient,notes\nAna,\"Go gently\nBen,x\nCy,y\n", 0, "r.csv line 2: a quoted cell opens here and is still open at line 4", 2},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadRosterAtMost([]byte(tt.data), "r.csv", tt.max)
			if tt.want == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			var re *RosterError
			if !errors.As(err, &re) || !strings.HasPrefix(re.Msg, tt.want) || re.Line != tt.line {
				t.Fatalf("got %v (%+v), want %q at line %d", err, re, tt.want, tt.line)
			}
		})
	}
	if got := (Row{Patient: strings.Repeat("x", 2<<20)}).Who(); len(got) > 50 {
		t.Errorf("Who quotes %d bytes of a 2 MB cell", len(got))
	}
}
