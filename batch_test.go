package main

import (
	"bytes"
	"encoding/csv"
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

	"github.com/backplan/backplan/job"
)

// safeName is what every workbook file name must look like.
var safeName = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*\.pdf$`)

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

	e := testEnv()
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
	out := filepath.Join(dir, "plans")
	var stderr bytes.Buffer
	code := run([]string{"--catalog", catalog, "--batch", rosterPath, "--out-dir", out, "--jobs", "3", "--clinician", "Dr Lee"},
		strings.NewReader(""), &bytes.Buffer{}, &stderr, testEnv())
	if code != 1 {
		t.Fatalf("exit %d, want 1 (four rows are bad)\n%s", code, stderr.String())
	}
	if !strings.Contains(stderr.String(), fmt.Sprintf("wrote %d of %d workbooks", len(rows)-4, len(rows))) {
		t.Errorf("no summary of %d good rows in:\n%s", len(rows)-4, stderr.String())
	}

	ro, err := job.ReadRoster(roster.Bytes(), "roster.csv")
	if err != nil {
		t.Fatal(err)
	}
	files := make([]string, len(ro.Rows))
	for i, r := range ro.Rows {
		files[i] = r.File
	}
	bad := map[int]bool{7: true, 8: true, 9: true, 11: true}
	var want []string
	for i, r := range rows {
		if bad[i] {
			continue
		}
		want = append(want, files[i])
		single := singleRun(t, dir, append([]string{"--catalog", catalog, "--clinician", "Dr Lee"}, options(columns, r)...))
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

// options are a roster row's filled cells as command-line options.
func options(columns, row []string) []string {
	var args []string
	for j, v := range row {
		if v != "" {
			args = append(args, "--"+columns[j]+"="+v)
		}
	}
	return args
}

// singleRun runs backplan with args and returns the workbook it wrote.
func singleRun(t *testing.T, dir string, args []string) []byte {
	t.Helper()
	out := filepath.Join(dir, "single.pdf")
	var stderr bytes.Buffer
	if code := run(append(args, "-o", out), strings.NewReader(""), &bytes.Buffer{}, &stderr, testEnv()); code != 0 {
		t.Fatalf("backplan %q: exit %d\n%s", args, code, stderr.String())
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return data
}
