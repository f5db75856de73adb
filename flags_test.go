package main

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"runtime"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/spf13/pflag"

	"github.com/backplan/backplan/plan"
)

// TestListOptionsAccumulate checks that a list option given twice means
// both lists, whether comma-separated or repeated.
func TestListOptionsAccumulate(t *testing.T) {
	tests := []struct {
		args []string
		get  func(*config) any
		want any
	}{
		{[]string{"--equipment", "band", "--equipment", "dumbbells"},
			func(c *config) any { return c.job.Plan.Equipment }, []plan.Equipment{plan.Band, plan.Dumbbells}},
		{[]string{"--equipment", "dumbbells,band"},
			func(c *config) any { return c.job.Plan.Equipment }, []plan.Equipment{plan.Band, plan.Dumbbells}},
		{[]string{"--equipment", "none"},
			func(c *config) any { return c.job.Plan.Equipment }, []plan.Equipment{}},
		{[]string{"--include", "a", "--include", "b,c"},
			func(c *config) any { return c.job.Plan.Include }, []string{"a", "b", "c"}},
		{[]string{"--exclude=a", "--exclude", " b , "},
			func(c *config) any { return c.job.Plan.Exclude }, []string{"a", "b"}},
		{[]string{"--weekdays", "fri", "--weekdays", "MON,Wednesday"},
			func(c *config) any { return c.job.Plan.Weekdays }, []time.Weekday{time.Monday, time.Wednesday, time.Friday}},
		{[]string{"--weekdays", "sun,sat,Sunday"},
			func(c *config) any { return c.job.Plan.Weekdays }, []time.Weekday{time.Sunday, time.Saturday}},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			c, err := parseArgs(tt.args)
			if err != nil {
				t.Fatal(err)
			}
			got := tt.get(c)
			if !equalAny(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func equalAny(a, b any) bool {
	switch a := a.(type) {
	case []plan.Equipment:
		return slices.Equal(a, b.([]plan.Equipment)) && (a == nil) == (b.([]plan.Equipment) == nil)
	case []string:
		return slices.Equal(a, b.([]string))
	case []time.Weekday:
		return slices.Equal(a, b.([]time.Weekday))
	}
	return false
}

// TestFlagValues checks what each parser takes and refuses. Ranges are not
// the parsers' business: the planner refuses them, once, for flags, plan
// files and rosters alike.
func TestFlagValues(t *testing.T) {
	tests := []struct {
		args []string
		err  string // "" for none
	}{
		{[]string{"--weeks", "53"}, ""}, // the planner's to refuse
		{[]string{"--days", "-1"}, ""},
		{[]string{"--minutes", "500"}, ""},
		{[]string{"--weeks", "0"}, "weeks must be 1–52, got 0"},
		{[]string{"--weeks", "four"}, `weeks must be a whole number, got "four"`},
		{[]string{"--jobs", "0"}, "jobs must be at least 1, got 0"},
		{[]string{"--jobs", "100000"}, ""},
		{[]string{"--weekdays", "mon,tues"}, `unknown day "tues" (write the days as mon, tue, wed, thu, fri, sat or sun)`},
		{[]string{"--weekdays", ","}, "no days given (write the days as mon, tue, wed, thu, fri, sat or sun)"},
		{[]string{"--jobs", "-2"}, "jobs must be at least 1, got -2"},
		{[]string{"--paper", "A4"}, ""},
		{[]string{"--paper", "a5"}, `unknown paper "a5" (choose a4 or letter)`},
		{[]string{"--large-print=no"}, ""},
		{[]string{"--review", "2026-12-01"}, ""},
		{[]string{"--review", "soon"}, `review: "soon" is not a date: write it as YYYY-MM-DD, for example 2026-12-07`},
		{[]string{"--no-floor=maybe"}, `no-floor must be yes or no, got "maybe"`},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			_, err := parseArgs(tt.args)
			switch {
			case tt.err == "" && err != nil:
				t.Errorf("error %q, want none", err)
			case tt.err != "" && (err == nil || err.Error() != tt.err):
				t.Errorf("error %v, want %q", err, tt.err)
			case err != nil:
				if code, _ := exitCode(err, flagWords); code != 2 {
					t.Errorf("exit %d, want 2", code)
				}
			}
		})
	}
}

// TestRangesAreThePlanners checks that a number out of range reaches the
// planner and comes back as its OptionProblem: exit 2, and no flag name in
// the message.
func TestRangesAreThePlanners(t *testing.T) {
	for _, args := range [][]string{{"--weeks", "53"}, {"--days", "8"}, {"--minutes", "5"}} {
		c, err := parseArgs(args)
		if err != nil {
			t.Fatal(err)
		}
		_, err = makePlan(c, strings.NewReader(""), testEnv())
		var pe *plan.Error
		if !errors.As(err, &pe) || pe.Kind != plan.OptionProblem {
			t.Errorf("%v: error %v, want a plan option problem", args, err)
			continue
		}
		if code, _ := exitCode(err, flagWords); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
}

// TestModeTable checks the table of which options go with which mode.
func TestModeTable(t *testing.T) {
	tests := []struct {
		args []string
		mode mode
		err  string
	}{
		{[]string{}, workbookMode, ""},
		{[]string{"--from", "a.yaml", "--paper", "a4", "-o", "x.pdf", "--save-plan", "b.yaml"}, workbookMode, ""},
		{[]string{"--from", "a.yaml", "--preview"}, previewMode, ""},
		{[]string{"--preview", "-w", "3", "--weekdays", "mon", "--review", "2026-12-01", "--save-plan", "a.yaml"}, previewMode, ""},
		{[]string{"--list", "--catalog", "c.yaml"}, listMode, ""},
		{[]string{"--figures", "f.pdf", "--paper", "a4", "--large-print"}, figuresMode, ""},
		{[]string{"--batch", "r.csv", "--out-dir", "d", "--jobs", "2", "--weekdays", "mon", "--clinician", "L"}, batchMode, ""},
		{[]string{"--weeks", "3", "--help", "--list"}, helpMode, ""},
		{[]string{"--version", "--weeks", "3"}, versionMode, ""},
		{[]string{"--licenses"}, licensesMode, ""},

		{[]string{"--list", "--weeks", "3", "--out", "x.pdf"}, 0,
			"--list prints the catalogue and nothing else, so --weeks and --out cannot go with it"},
		{[]string{"--figures", "f.pdf", "--weeks", "3"}, 0,
			"--figures draws the catalogue and nothing else, so --weeks cannot go with it"},
		{[]string{"--batch", "r.csv", "--out-dir", "d", "-o", "x.pdf", "-p", "Ana"}, 0,
			"--batch writes a workbook for each row, so --out and --patient cannot go with it"},
		{[]string{"--preview", "--paper", "a4", "--large-print", "-w", "6"}, previewMode, ""},
		{[]string{"--preview", "--out", "x.pdf", "--paper", "a4", "--large-print"}, 0,
			"--preview writes no PDF, so --out cannot go with it"},
		{[]string{"--from", "a.yaml", "--weeks", "3", "--catalog", "c.yaml", "--weekdays", "mon"}, 0,
			"--from prints the saved plan as written, so --weeks, --catalog and --weekdays cannot go with it"},
		{[]string{"--out-dir", "d", "--jobs", "2"}, 0, "--out-dir and --jobs need --batch"},
		{[]string{"--weekdays", "mon", "--days", "2"}, 0,
			"--weekdays names the training days, and so their number, so --days cannot go with it"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			c, err := parseArgs(tt.args)
			if err != nil {
				t.Fatal(err)
			}
			m, err := chooseMode(c)
			if tt.err != "" {
				if err == nil || err.Error() != tt.err {
					t.Errorf("error %v, want %q", err, tt.err)
				} else if code, _ := exitCode(err, flagWords); code != 2 {
					t.Errorf("exit %d, want 2", code)
				}
				return
			}
			if err != nil || m != tt.mode {
				t.Errorf("mode %v, error %v; want mode %v", m, err, tt.mode)
			}
		})
	}
}

// TestEveryOptionInTheTable checks that each option the flags define is
// placed by the table: a mode's option, or taken by the single workbook.
func TestEveryOptionInTheTable(t *testing.T) {
	var c config
	known := join(planOptions, patientOptions, pdfOptions, sendOptions, []string{"save-plan", "out-dir", "jobs", "version", "licenses", "help"})
	for _, r := range rules {
		known = append(known, r.option)
	}
	c.flagSet().VisitAll(func(f *pflag.Flag) {
		if !slices.Contains(known, f.Name) {
			t.Errorf("--%s is in no group of modes.go", f.Name)
		}
	})
}

// testEnv is the world of a test run: the scripts' run date, a locale of
// the United States (so Letter, backplan's old default, is the default
// paper) and an empty file system, so that no test depends on the
// machine's own paper.
func testEnv() env {
	return env{
		getenv: func(k string) string {
			switch k {
			case "SOURCE_DATE_EPOCH":
				return sourceDateEpoch
			case "LANG":
				return "en_US.UTF-8"
			}
			return ""
		},
		now:  time.Now,
		root: fstest.MapFS{},
		rand: seeded("tests"),
	}
}

// seeded is a fixed stream of bytes that stands for randomness: the same
// seed, the same passphrases and file IDs.
func seeded(seed string) io.Reader {
	return &seededReader{seed: seed}
}

type seededReader struct {
	seed string
	n    int
	buf  []byte
}

func (r *seededReader) Read(p []byte) (int, error) {
	for len(r.buf) < len(p) {
		s := sha256.Sum256([]byte(fmt.Sprintf("%s %d", r.seed, r.n)))
		r.n++
		r.buf = append(r.buf, s[:]...)
	}
	n := copy(p, r.buf)
	r.buf = r.buf[n:]
	return n, nil
}

// TestManyListFlagsLinear: n uses of a list option cost in proportion to
// n, not n² (each use once joined and set the whole list so far). It
// counts the bytes parsing allocates, not time: twice the flags may
// allocate at most about twice the bytes.
func TestManyListFlagsLinear(t *testing.T) {
	alloc := func(n int) uint64 {
		args := make([]string, 0, 2*n)
		for range n {
			args = append(args, "--include", "walking")
		}
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		c, err := parseArgs(args)
		runtime.ReadMemStats(&after)
		if err != nil || len(c.job.Plan.Include) != n {
			t.Fatalf("%d flags: %v, %d ids", n, err, len(c.job.Plan.Include))
		}
		return after.TotalAlloc - before.TotalAlloc
	}
	alloc(100) // warm up
	small, big := alloc(4000), alloc(16000)
	if ratio := float64(big) / float64(small); ratio > 6 {
		t.Errorf("4 times the flags allocate %.1f times the bytes (%d, then %d): not linear", ratio, small, big)
	}
}
