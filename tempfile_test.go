//go:build unix

package main

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestTempNames: every target name up to 255 bytes gets a temporary name
// that fits, that backplan knows as its own, and that names the process.
func TestTempNames(t *testing.T) {
	for n := 1; n <= nameMax; n++ {
		target := strings.Repeat("é", n/2) + strings.Repeat("a", n%2)
		name := tempName(target, 4194304, 1<<40)
		if len(name) > nameMax {
			t.Fatalf("target of %d bytes: temporary name of %d bytes", n, len(name))
		}
		m := tempPattern.FindStringSubmatch(name)
		if m == nil || m[1] != "4194304" {
			t.Fatalf("target of %d bytes: %q is not recognised as backplan's", n, name)
		}
	}
	if got := tempName("plan.pdf", 42, 7); got != ".plan.pdf.backplan-42-7.tmp" {
		t.Errorf("got %q", got)
	}
	for _, other := range []string{".plan.pdf.123.tmp", "plan.pdf.backplan-1-1.tmp", ".backplan-x-1.tmp",
		".backplan-1-1.tmp.pdf", ".tmp", ".backplan-123456.tmp"} {
		if tempPattern.MatchString(other) {
			t.Errorf("%q is taken for backplan's own", other)
		}
	}
}

// TestSweepStale: a run into a folder removes the temporary files that
// backplan processes now gone left there, and those older than a day, and
// nothing else.
func TestSweepStale(t *testing.T) {
	gone := exec.Command("true")
	if err := gone.Run(); err != nil {
		t.Skip(err)
	}
	dead := strconv.Itoa(gone.Process.Pid)
	live := strconv.Itoa(os.Getppid())
	dir := t.TempDir()
	files := map[string]bool{ // name: removed?
		".ana.pdf.backplan-" + dead + "-1.tmp":                     true,  // its process is gone
		".backplan-" + dead + "-2.tmp":                             true,  // the short form
		".ben.pdf.backplan-" + live + "-1.tmp":                     false, // its process may still be writing
		".old.pdf.backplan-" + live + "-1.tmp":                     true,  // … but not for two days
		".ana.pdf.backplan-999999999-1.tmp":                        true,  // no such process can exist
		".ana.pdf.12345.tmp":                                       false, // not named as backplan names its own
		"ana.pdf.backplan-" + dead + "-1.tmp":                      false,
		".notes.backplan-" + dead + "-1.tmp.keep":                  false,
		".cy.pdf.backplan-" + strconv.Itoa(os.Getpid()) + "-1.tmp": false, // this process's own
	}
	for name := range files {
		mustWrite(t, filepath.Join(dir, name), "part of a workbook", 0o600)
	}
	old := time.Now().Add(-48 * time.Hour)
	os.Chtimes(filepath.Join(dir, ".old.pdf.backplan-"+live+"-1.tmp"), old, old)
	if err := writeOne(filepath.Join(dir, "plan.pdf"), []byte("new")); err != nil {
		t.Fatal(err)
	}
	for name, removed := range files {
		_, err := os.Stat(filepath.Join(dir, name))
		if got := errors.Is(err, os.ErrNotExist); got != removed {
			t.Errorf("%s: removed %v, want %v", name, got, removed)
		}
	}
}

// TestSignalRemovesTemps runs backplan with its outputs claimed and its
// catalogue a FIFO no one writes, so that it waits; a signal must leave no
// temporary file and the usual exit code. After a SIGKILL the next run into
// the folder removes what the killed one left.
func TestSignalRemovesTemps(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("signals are tested on Linux")
	}
	bin, err := exec.LookPath("backplan") // put on PATH by testscript.Main
	if err != nil {
		t.Skip(err)
	}
	for _, tt := range []struct {
		sig  syscall.Signal
		code int
	}{{syscall.SIGTERM, 143}, {syscall.SIGINT, 130}, {syscall.SIGHUP, 129}, {syscall.SIGKILL, -1}} {
		t.Run(tt.sig.String(), func(t *testing.T) {
			dir := t.TempDir()
			if err := syscall.Mkfifo(filepath.Join(dir, "clinic.yaml"), 0o600); err != nil {
				t.Skip(err)
			}
			cmd := exec.Command(bin, "--catalog", "clinic.yaml", "--out", "ana.pdf", "--save-plan", "ana.yaml")
			cmd.Dir = dir
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			temps := func() int {
				n := 0
				entries, _ := os.ReadDir(dir)
				for _, e := range entries {
					if tempPattern.MatchString(e.Name()) {
						n++
					}
				}
				return n
			}
			for deadline := time.Now().Add(20 * time.Second); temps() < 2; time.Sleep(10 * time.Millisecond) {
				if time.Now().After(deadline) {
					cmd.Process.Kill()
					t.Fatal("backplan made no temporary files")
				}
			}
			cmd.Process.Signal(tt.sig)
			err := cmd.Wait()
			var ee *exec.ExitError
			if !errors.As(err, &ee) || ee.ExitCode() != tt.code {
				t.Fatalf("got %v, want exit code %d", err, tt.code)
			}
			if tt.sig == syscall.SIGKILL {
				if temps() != 2 {
					t.Fatalf("after SIGKILL %d temporary files, want the 2 left", temps())
				}
				next := exec.Command(bin, "--out", "other.pdf")
				next.Dir = dir
				next.Env = append(os.Environ(), "SOURCE_DATE_EPOCH="+sourceDateEpoch)
				if out, err := next.CombinedOutput(); err != nil {
					t.Fatalf("the next run: %v\n%s", err, out)
				}
			}
			if n := temps(); n != 0 {
				t.Errorf("%d temporary files left", n)
			}
			for _, f := range []string{"ana.pdf", "ana.yaml"} {
				if _, err := os.Stat(filepath.Join(dir, f)); err == nil {
					t.Errorf("%s was written", f)
				}
			}
		})
	}
}
