package main

import (
	"os"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/sys/unix"
)

// openPTY opens a new pseudo-terminal and returns its terminal side and
// that side's path.
func openPTY(t *testing.T) (*os.File, string) {
	t.Helper()
	ptmx, err := os.OpenFile("/dev/ptmx", os.O_RDWR, 0)
	if err != nil {
		t.Skip(err)
	}
	t.Cleanup(func() { ptmx.Close() })
	fd := int(ptmx.Fd())
	if err := unix.IoctlSetPointerInt(fd, unix.TIOCSPTLCK, 0); err != nil {
		t.Skip(err)
	}
	n, err := unix.IoctlGetInt(fd, unix.TIOCGPTN)
	if err != nil {
		t.Skip(err)
	}
	path := "/dev/pts/" + strconv.Itoa(n)
	tty, err := os.OpenFile(path, os.O_RDWR|unix.O_NOCTTY, 0)
	if err != nil {
		t.Skip(err)
	}
	t.Cleanup(func() { tty.Close() })
	return tty, path
}

// TestOutputTerminal: a terminal is the one thing an output refuses,
// whether named as a device or as standard output; /dev/null, also a
// character device, is no terminal.
func TestOutputTerminal(t *testing.T) {
	tty, path := openPTY(t)
	if !isTerminal(tty) {
		t.Fatalf("%s is not taken for a terminal", path)
	}
	null, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer null.Close()
	if isTerminal(null) {
		t.Errorf("%s is taken for a terminal", os.DevNull)
	}
	for _, tt := range []struct{ path, want string }{
		{"-", "will not write a PDF to the terminal"},
		{path, "cannot write " + strconv.Quote(path) + ": it is a terminal"},
	} {
		s := newOutputs(nil, tty)
		_, err := s.claim("--out", tt.path)
		s.discard()
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("%s: got %v, want %q", tt.path, err, tt.want)
			continue
		}
		if code, _ := exitCode(err, flagWords); code != 2 {
			t.Errorf("%s: exit code %d, want 2", tt.path, code)
		}
	}
	s := newOutputs(nil, null)
	defer s.discard()
	if _, err := s.claim("--out", "-"); err != nil {
		t.Errorf("standard output on %s: %v", os.DevNull, err)
	}
}
