package main

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

func TestSlug(t *testing.T) {
	tests := []struct {
		name, want string
	}{
		{"Ana Ruiz", "ana-ruiz"},
		{"  Ana   Ruiz  ", "ana-ruiz"},
		{"José Núñez", "jose-nunez"},
		{"José Álvarez Núñez", "jose-alvarez-nunez"},
		{"Jose\u0301 Nu\u0301n\u0303ez", "jose-nunez"}, // accents typed as combining marks
		{"Łukasz Żak", "lukasz-zak"},
		{"Søren Ærø", "soren-aero"},
		{"Straße", "strasse"},
		{"François-Xavier O'Brien", "francois-xavier-o-brien"},
		{"Αλεξάνδρα Παπαδοπούλου", "alexandra-papadopoulou"},
		{"Анна Сергеевна Иванова", "anna-sergeevna-ivanova"},
		{"Ольга Щукина", "olga-shchukina"},
		{"Юлія Їжак", "yuliya-yizhak"},
		{"a/b\\c", "a-b-c"},
		{"../../etc/passwd", "etc-passwd"},
		{"C:\\Users\\x", "c-users-x"},
		{"tab\there\nnewline\x00nul", "tab-here-newline-nul"},
		{".hidden", "hidden"},
		{"-rf", "rf"},
		{"Room 101", "room-101"},
		{"CON", "patient-con"},
		{"nul", "patient-nul"},
		{"Com1", "patient-com1"},
		{"LPT9", "patient-lpt9"},
		{"Con Smith", "con-smith"},
		{"com10", "com10"},
		{"", "patient"},
		{"***", "patient"},
		{"山田太郎", "patient"},
		{"😀", "patient"},
		{"Anna 😀 Lee", "anna-lee"},
		{strings.Repeat("abcdefghi ", 10), "abcdefghi-abcdefghi-abcdefghi-abcdefghi-abcdefghi-abcdefghi"},
		{strings.Repeat("x", 100), strings.Repeat("x", maxSlug)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := slug(tt.name); got != tt.want {
				t.Errorf("slug(%q) = %q, want %q", tt.name, got, tt.want)
			}
		})
	}
}

func TestFileNames(t *testing.T) {
	tests := []struct {
		name     string
		patients []string
		want     []string
	}{
		{"distinct", []string{"Ana Ruiz", "Ben Ode"}, []string{"ana-ruiz.pdf", "ben-ode.pdf"}},
		{"same name", []string{"Ana Ruiz", "Ben Ode", "Ana Ruiz", "Ana Ruiz"},
			[]string{"ana-ruiz.pdf", "ben-ode.pdf", "ana-ruiz-2.pdf", "ana-ruiz-3.pdf"}},
		{"same slug", []string{"Ana Ruiz", "ana ruiz", "ANA-RUIZ", "Ána Ruíz"},
			[]string{"ana-ruiz.pdf", "ana-ruiz-2.pdf", "ana-ruiz-3.pdf", "ana-ruiz-4.pdf"}},
		{"a name that looks numbered", []string{"Ana Ruiz", "Ana Ruiz 2", "Ana Ruiz"},
			[]string{"ana-ruiz.pdf", "ana-ruiz-2.pdf", "ana-ruiz-3.pdf"}},
		{"numbered name after the duplicate", []string{"Ana Ruiz", "Ana Ruiz", "Ana Ruiz 2"},
			[]string{"ana-ruiz.pdf", "ana-ruiz-2.pdf", "ana-ruiz-2-2.pdf"}},
		{"nothing printable", []string{"山田", "😀", "patient"},
			[]string{"patient.pdf", "patient-2.pdf", "patient-3.pdf"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := fileNames(tt.patients); !slices.Equal(got, tt.want) {
				t.Errorf("fileNames(%q) =\n%q\nwant\n%q", tt.patients, got, tt.want)
			}
		})
	}
}

// safeName is what every workbook file name must look like.
var safeName = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*\.pdf$`)

func FuzzSlug(f *testing.F) {
	for _, s := range []string{"Ana Ruiz", "José Núñez", "Αλεξάνδρα", "Анна", "CON", "a/b", "", "😀"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		got := fileNames([]string{name, name})
		for _, n := range got {
			if !safeName.MatchString(n) || len(n) > maxSlug+len("-2.pdf") {
				t.Fatalf("fileNames(%q) gave the unsafe name %q", name, n)
			}
			if reservedName(strings.TrimSuffix(n, ".pdf")) {
				t.Fatalf("fileNames(%q) gave the reserved name %q", name, n)
			}
		}
		if got[0] == got[1] {
			t.Fatalf("fileNames gave %q twice", got[0])
		}
	})
}

func FuzzReadRoster(f *testing.F) {
	f.Add("patient,weeks\nAna Ruiz,4\nAna Ruiz,\n")
	f.Add("\ufeffpatient,equipment\n\"Ben, Ode\",\"band,dumbbells\"\n,\n")
	f.Add("patient,notes\nAna,\"two\nlines\"\nBen,x\n")
	f.Add("patient\n\"bad\"quote\n")
	f.Fuzz(func(t *testing.T, data string) {
		r, err := readRoster([]byte(data), "roster.csv")
		if err != nil {
			var ce *cliError
			if !errors.As(err, &ce) || ce.code != 2 {
				t.Fatalf("error %v is not a usage error", err)
			}
			return
		}
		seen := map[string]bool{}
		last := 0
		for _, row := range r.rows {
			if !safeName.MatchString(row.file) || seen[row.file] {
				t.Fatalf("row %d: bad or repeated file name %q", row.line, row.file)
			}
			seen[row.file] = true
			if row.line <= last {
				t.Fatalf("row lines out of order: %d after %d", row.line, last)
			}
			last = row.line
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
	r, err := readRoster([]byte(data), "roster.csv")
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"patient", "equipment", "notes"}; !slices.Equal(r.columns, want) {
		t.Errorf("columns = %q, want %q", r.columns, want)
	}
	type got struct {
		line          int
		patient, file string
		cells         string
	}
	var rows []got
	for _, row := range r.rows {
		rows = append(rows, got{row.line, row.patient, row.file, strings.Join(row.cells, "|")})
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

// TestForEachRowBound checks that the pool never runs more than jobs rows
// at once, and that it reports every row once, in row order.
func TestForEachRowBound(t *testing.T) {
	for _, jobs := range []int{1, 3, 8} {
		t.Run(fmt.Sprint(jobs), func(t *testing.T) {
			const n = 60
			var running, most atomic.Int32
			var workers [8]atomic.Bool
			work := func(worker, i int) error {
				if workers[worker].Swap(true) {
					t.Errorf("worker %d runs two rows at once", worker)
				}
				now := running.Add(1)
				for {
					m := most.Load()
					if now <= m || most.CompareAndSwap(m, now) {
						break
					}
				}
				time.Sleep(time.Duration(i%4) * time.Millisecond)
				running.Add(-1)
				workers[worker].Store(false)
				if i%7 == 0 {
					return fmt.Errorf("row %d failed", i)
				}
				return nil
			}
			var order []int
			var dones []int
			forEachRow(n, jobs, work, func(i int, err error) {
				order = append(order, i)
				if (i%7 == 0) != (err != nil) {
					t.Errorf("row %d reported with error %v", i, err)
				}
			}, func(done int) { dones = append(dones, done) })

			if got := int(most.Load()); got > jobs {
				t.Errorf("%d rows ran at once, want at most %d", got, jobs)
			}
			if jobs > 1 && most.Load() < 2 {
				t.Errorf("the rows never overlapped, so the bound was not tested")
			}
			for i, got := range order {
				if got != i {
					t.Fatalf("report order %v, want 0 to %d in order", order, n-1)
				}
			}
			if len(order) != n {
				t.Errorf("reported %d rows, want %d", len(order), n)
			}
			for i, d := range dones {
				if d != i+1 {
					t.Fatalf("progress went %v, want 1 to %d", dones, n)
				}
			}
		})
	}
}

func TestForEachRowMoreJobsThanRows(t *testing.T) {
	var calls atomic.Int32
	var reported []int
	forEachRow(2, 16, func(worker, i int) error {
		if worker >= 2 {
			t.Errorf("worker %d for 2 rows", worker)
		}
		calls.Add(1)
		return nil
	}, func(i int, err error) { reported = append(reported, i) }, func(int) {})
	if calls.Load() != 2 || !slices.Equal(reported, []int{0, 1}) {
		t.Errorf("calls %d, reported %v", calls.Load(), reported)
	}
}

func TestProgress(t *testing.T) {
	var b bytes.Buffer
	p := &printer{stdout: io.Discard, stderr: &b, live: true}
	p.showProgress(9, 10)
	p.showProgress(10, 10)
	p.clearProgress()
	p.clearProgress()
	want := "\rbackplan: 9 of 10 workbooks" + "\rbackplan: 10 of 10 workbooks" + "\r" + strings.Repeat(" ", len("backplan: 10 of 10 workbooks")) + "\r"
	if got := b.String(); got != want {
		t.Errorf("progress wrote %q, want %q", got, want)
	}

	// A message clears the line first.
	b.Reset()
	p.showProgress(1, 2)
	p.say("row 1 failed", "")
	want = "\rbackplan: 1 of 2 workbooks" + "\r" + strings.Repeat(" ", len("backplan: 1 of 2 workbooks")) + "\r" + "backplan: row 1 failed\n"
	if got := b.String(); got != want {
		t.Errorf("progress and message wrote %q, want %q", got, want)
	}

	// Off a terminal, no progress at all.
	b.Reset()
	quiet := &printer{stdout: io.Discard, stderr: &b}
	quiet.showProgress(1, 2)
	quiet.clearProgress()
	if b.Len() != 0 {
		t.Errorf("progress off a terminal wrote %q", b.String())
	}
}

// TestBatchJobsSameFiles runs a 50-row roster on four workers and on one,
// and checks that the folders and the messages are the same, byte for byte.
func TestBatchJobsSameFiles(t *testing.T) {
	slowTest(t, "renders 100 workbooks")
	dir := t.TempDir()
	catalog, err := filepath.Abs(filepath.Join("testdata", "clinic.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var roster strings.Builder
	roster.WriteString("patient,weeks,days,focus,no-floor,equipment,paper,large-print\n")
	focuses := []string{"balanced", "mobility", "posture", "strength", "core"}
	for i := range 50 {
		name := fmt.Sprintf("Patient %d", i%20) // some names repeat
		focus := focuses[i%len(focuses)]
		if i%17 == 3 {
			focus = "postur" // a bad row
		}
		fmt.Fprintf(&roster, "%s,%d,%d,%s,%v,%s,%s,%v\n", name, 1+i%6, 1+i%7, focus,
			i%3 == 0, []string{"band", "none", "\"band,dumbbells\""}[i%3], []string{"a4", "letter", ""}[i%3], i%4 == 0)
	}
	rosterPath := filepath.Join(dir, "roster.csv")
	if err := os.WriteFile(rosterPath, []byte(roster.String()), 0o644); err != nil {
		t.Fatal(err)
	}

	e := env{getenv: func(k string) string {
		if k == "SOURCE_DATE_EPOCH" {
			return sourceDateEpoch
		}
		return ""
	}}
	runJobs := func(jobs string) (out string, stderr string) {
		out = filepath.Join(dir, "jobs"+jobs)
		var errb bytes.Buffer
		code := run([]string{"--catalog", catalog, "--batch", rosterPath, "--out-dir", out, "--jobs", jobs},
			strings.NewReader(""), &bytes.Buffer{}, &errb, e)
		if code != 1 {
			t.Errorf("--jobs %s: exit %d, want 1 (some rows are bad)\n%s", jobs, code, errb.String())
		}
		return out, strings.ReplaceAll(errb.String(), out, "OUT")
	}
	dir4, stderr4 := runJobs("4")
	dir1, stderr1 := runJobs("1")

	if stderr4 != stderr1 {
		t.Errorf("messages differ:\n--jobs 4:\n%s\n--jobs 1:\n%s", stderr4, stderr1)
	}
	if !strings.Contains(stderr1, "backplan: wrote 47 of 50 workbooks to \"OUT\" (3 failed)\n") {
		t.Errorf("no summary in:\n%s", stderr1)
	}
	names4, names1 := dirFiles(t, dir4), dirFiles(t, dir1)
	if !slices.Equal(names4, names1) {
		t.Fatalf("files differ:\n--jobs 4: %q\n--jobs 1: %q", names4, names1)
	}
	if len(names1) != 47 {
		t.Errorf("%d files, want 47", len(names1))
	}
	for _, n := range names1 {
		a, err := os.ReadFile(filepath.Join(dir4, n))
		if err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(filepath.Join(dir1, n))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a, b) {
			t.Errorf("%s differs between --jobs 4 and --jobs 1", n)
		}
	}
}

func dirFiles(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

// TestBatchMatchesSingleRuns renders a roster with good and bad rows, on
// three workers, and checks every workbook against a run for that patient
// alone with the row's cells as options: the same bytes, under a safe name
// inside --out-dir, and nothing else in the folder.
func TestBatchMatchesSingleRuns(t *testing.T) {
	slowTest(t, "renders about 30 workbooks")
	dir := t.TempDir()
	catalog, err := filepath.Abs(filepath.Join("testdata", "clinic.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	columns := []string{"patient", "weeks", "days", "focus", "equipment", "no-floor", "paper", "large-print", "notes"}
	rows := [][]string{
		{"Ana Ruiz", "4", "3", "posture", "band", "yes", "a4", "", ""},
		{"Ana Ruiz", "2", "", "", "", "", "", "yes", "Slowly."},         // same name: ana-ruiz-2.pdf
		{"ana ruiz", "", "", "core", "", "", "letter", "", ""},          // same slug: ana-ruiz-3.pdf
		{"José Álvarez Núñez", "6", "5", "", "none", "", "", "", ""},    // accents
		{"../../etc/passwd", "", "", "", "", "", "", "", ""},            // no way out of the folder
		{"a/b\\c", "1", "1", "mobility", "", "", "", "", ""},            // slashes
		{"Анна Иванова", "", "", "strength", "", "", "a4", "1", "Αργά"}, // Cyrillic, Greek notes
		{"Ben Ode", "", "", "postur", "", "", "", "", ""},               // bad: unknown focus
		{"Smile 😀", "", "", "", "", "", "", "", ""},                     // bad: the fonts cannot print it
		{"CON", "", "", "", "", "maybe", "", "", ""},                    // bad: no-floor
		{"CON", "", "", "", "", "", "", "", ""},                         // a reserved name
		{"", "4", "", "", "", "", "", "", ""},                           // bad: no patient
	}
	for i := range 18 { // enough rows for the workers to overlap
		rows = append(rows, []string{fmt.Sprintf("Patient %d", i%6), fmt.Sprint(1 + i%8), fmt.Sprint(1 + i%7),
			[]string{"balanced", "mobility", "posture", "strength", "core"}[i%5], "", fmt.Sprint(i%2 == 0), "", "", ""})
	}
	var roster bytes.Buffer
	w := csv.NewWriter(&roster)
	w.Write(columns)
	w.WriteAll(rows)
	rosterPath := filepath.Join(dir, "roster.csv")
	if err := os.WriteFile(rosterPath, roster.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	e := env{getenv: func(k string) string {
		if k == "SOURCE_DATE_EPOCH" {
			return sourceDateEpoch
		}
		return ""
	}}
	out := filepath.Join(dir, "plans")
	var stderr bytes.Buffer
	code := run([]string{"--catalog", catalog, "--batch", rosterPath, "--out-dir", out, "--jobs", "3", "--clinician", "Dr Lee"},
		strings.NewReader(""), &bytes.Buffer{}, &stderr, e)
	if code != 1 {
		t.Fatalf("exit %d, want 1 (four rows are bad)\n%s", code, stderr.String())
	}
	if !strings.Contains(stderr.String(), fmt.Sprintf("wrote %d of %d workbooks", len(rows)-4, len(rows))) {
		t.Errorf("no summary of %d good rows in:\n%s", len(rows)-4, stderr.String())
	}

	names := make([]string, len(rows))
	for i, r := range rows {
		names[i] = r[0]
	}
	files := fileNames(names)
	bad := map[int]bool{7: true, 8: true, 9: true, 11: true}
	var want []string
	for i, r := range rows {
		if bad[i] {
			continue
		}
		want = append(want, files[i])
		args := []string{"--catalog", catalog, "--clinician", "Dr Lee", "-o", filepath.Join(dir, "single.pdf")}
		for j, v := range r {
			if v != "" {
				args = append(args, "--"+columns[j]+"="+v)
			}
		}
		var errb bytes.Buffer
		if code := run(args, strings.NewReader(""), &bytes.Buffer{}, &errb, e); code != 0 {
			t.Fatalf("single run for row %d: exit %d\n%s", i+2, code, errb.String())
		}
		single, err := os.ReadFile(filepath.Join(dir, "single.pdf"))
		if err != nil {
			t.Fatal(err)
		}
		batched, err := os.ReadFile(filepath.Join(out, files[i]))
		if err != nil {
			t.Fatalf("row %d (%s): %v", i+2, r[0], err)
		}
		if !bytes.Equal(single, batched) {
			t.Errorf("row %d (%s): %s differs from the same plan rendered alone", i+2, r[0], files[i])
		}
	}
	got := dirFiles(t, out)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("files in --out-dir:\n%q\nwant\n%q", got, want)
	}
	for _, n := range got {
		if !safeName.MatchString(n) {
			t.Errorf("unsafe file name %q", n)
		}
	}
	for _, n := range []string{"ana-ruiz-2.pdf", "ana-ruiz-3.pdf", "etc-passwd.pdf", "a-b-c.pdf", "patient-con-2.pdf"} {
		if !slices.Contains(got, n) {
			t.Errorf("no %s among %q", n, got)
		}
	}
}
