//go:build unix

package main

import (
	"io"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
)

// claimOne claims path as the only output of a set with no inputs.
func claimOne(path string) (*outputSet, *pendingFile, error) {
	s := newOutputs(nil, nil)
	f, err := s.claim("--out", path)
	return s, f, err
}

// writeOne writes data to path as a run does: claim, write, commit.
func writeOne(path string, data []byte) error {
	s, f, err := claimOne(path)
	if err != nil {
		return err
	}
	defer s.discard()
	if err := f.write(data); err != nil {
		return err
	}
	return s.commit()
}

// withUmask runs fn under umask m.
func withUmask(m int, fn func()) {
	old := syscall.Umask(m)
	defer syscall.Umask(old)
	fn()
}

// noTemps fails if any folder under dir holds a temporary file.
func noTemps(t *testing.T, dir string) {
	t.Helper()
	filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err == nil && tempPattern.MatchString(d.Name()) {
			t.Errorf("temporary file left behind: %s", path)
		}
		return nil
	})
}

func mustWrite(t *testing.T, path, data string, mode fs.FileMode) {
	t.Helper()
	if err := os.WriteFile(path, []byte(data), mode); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, mode); err != nil { // WriteFile's mode is less the umask
		t.Fatal(err)
	}
}

func readString(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func modeOf(t *testing.T, path string) fs.FileMode {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return fi.Mode().Perm()
}

func isLink(t *testing.T, path, to string) {
	t.Helper()
	got, err := os.Readlink(path)
	if err != nil {
		t.Fatalf("%s is no longer a symlink: %v", path, err)
	}
	if got != to {
		t.Errorf("%s now points at %q, want %q", path, got, to)
	}
}

// TestOutputKinds writes "new" over each kind of path an output may name,
// and checks what is there afterwards.
func TestOutputKinds(t *testing.T) {
	tests := slices.Concat(fileCases(), linkCases(), refusedCases())
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			t.Chdir(dir)
			withUmask(tt.umask, func() {
				path := tt.setup(t, dir)
				err := writeOne(path, []byte("new"))
				switch {
				case tt.err == "" && err != nil:
					t.Fatalf("got %v", err)
				case tt.err != "" && err == nil:
					t.Fatalf("got no error, want %q", tt.err)
				case tt.err != "" && !strings.Contains(err.Error(), tt.err):
					t.Errorf("got %q, want %q", err, tt.err)
				}
				if err != nil {
					if code, _ := exitCode(err, flagWords); code != tt.code {
						t.Errorf("exit code %d, want %d", code, tt.code)
					}
				}
			})
			if tt.check != nil {
				tt.check(t, dir)
			}
			noTemps(t, dir)
		})
	}
}

// outputCase is a path to write "new" to, and what must come of it.
type outputCase struct {
	name  string
	umask int
	setup func(t *testing.T, dir string) string // the path to write
	err   string                                // part of the error; "" for success
	code  int                                   // the exit code of the error
	check func(t *testing.T, dir string)
}

// long is a file name of n bytes.
func long(n int) string { return strings.Repeat("a", n-len(".pdf")) + ".pdf" }

// fileCases are outputs that are regular files, new or replaced: what
// they hold and their modes afterwards.
func fileCases() []outputCase {
	return []outputCase{
		{name: "new file", umask: 0o022,
			setup: func(t *testing.T, dir string) string { return "plan.pdf" },
			check: func(t *testing.T, dir string) {
				if got := readString(t, "plan.pdf"); got != "new" {
					t.Errorf("plan.pdf holds %q", got)
				}
				if got := modeOf(t, "plan.pdf"); got != 0o644 {
					t.Errorf("mode %o, want 644", got)
				}
			}},
		{name: "new file, umask 077", umask: 0o077,
			setup: func(t *testing.T, dir string) string { return "plan.pdf" },
			check: func(t *testing.T, dir string) {
				if got := modeOf(t, "plan.pdf"); got != 0o600 {
					t.Errorf("mode %o, want 600", got)
				}
			}},
		{name: "new file, umask 002", umask: 0o002,
			setup: func(t *testing.T, dir string) string { return "plan.pdf" },
			check: func(t *testing.T, dir string) {
				if got := modeOf(t, "plan.pdf"); got != 0o664 {
					t.Errorf("mode %o, want 664", got)
				}
			}},
		{name: "regular file", umask: 0o022,
			setup: func(t *testing.T, dir string) string {
				mustWrite(t, "plan.pdf", "old", 0o644)
				return "plan.pdf"
			},
			check: func(t *testing.T, dir string) {
				if got := readString(t, "plan.pdf"); got != "new" {
					t.Errorf("plan.pdf holds %q", got)
				}
			}},
		{name: "existing 0600 file keeps 0600", umask: 0o022,
			setup: func(t *testing.T, dir string) string {
				mustWrite(t, "plan.pdf", "old", 0o600)
				return "plan.pdf"
			},
			check: func(t *testing.T, dir string) {
				if got := modeOf(t, "plan.pdf"); got != 0o600 {
					t.Errorf("mode %o, want 600", got)
				}
			}},
		{name: "existing 0640 file keeps 0640 under umask 077", umask: 0o077,
			setup: func(t *testing.T, dir string) string {
				mustWrite(t, "plan.pdf", "old", 0o640)
				return "plan.pdf"
			},
			check: func(t *testing.T, dir string) {
				if got := modeOf(t, "plan.pdf"); got != 0o640 {
					t.Errorf("mode %o, want 640", got)
				}
			}},
		{name: "name of 250 bytes", umask: 0o022,
			setup: func(t *testing.T, dir string) string { return long(250) },
			check: func(t *testing.T, dir string) {
				if got := readString(t, long(250)); got != "new" {
					t.Errorf("the file holds %q", got)
				}
			}},
		{name: "name of 255 bytes replacing a file", umask: 0o022,
			setup: func(t *testing.T, dir string) string {
				mustWrite(t, long(255), "old", 0o600)
				return long(255)
			},
			check: func(t *testing.T, dir string) {
				if got := readString(t, long(255)); got != "new" {
					t.Errorf("the file holds %q", got)
				}
				if got := modeOf(t, long(255)); got != 0o600 {
					t.Errorf("mode %o, want 600", got)
				}
			}},
	}
}

// linkCases are outputs named through symlinks, and devices: the link
// stays, and its target is written.
func linkCases() []outputCase {
	return []outputCase{
		{name: "symlink to file", umask: 0o022,
			setup: func(t *testing.T, dir string) string {
				os.Mkdir("real", 0o755)
				mustWrite(t, "real/plan.pdf", "old", 0o600)
				os.Symlink("real/plan.pdf", "link.pdf")
				return "link.pdf"
			},
			check: func(t *testing.T, dir string) {
				isLink(t, "link.pdf", "real/plan.pdf")
				if got := readString(t, "real/plan.pdf"); got != "new" {
					t.Errorf("the target holds %q", got)
				}
				if got := modeOf(t, "real/plan.pdf"); got != 0o600 {
					t.Errorf("the target's mode is %o, want 600", got)
				}
			}},
		{name: "chain of relative symlinks", umask: 0o022,
			setup: func(t *testing.T, dir string) string {
				os.Mkdir("a", 0o755)
				os.Mkdir("b", 0o755)
				mustWrite(t, "b/plan.pdf", "old", 0o644)
				os.Symlink("../b/plan.pdf", "a/two.pdf")
				os.Symlink("a/two.pdf", "one.pdf")
				return "one.pdf"
			},
			check: func(t *testing.T, dir string) {
				isLink(t, "one.pdf", "a/two.pdf")
				isLink(t, "a/two.pdf", "../b/plan.pdf")
				if got := readString(t, "b/plan.pdf"); got != "new" {
					t.Errorf("the target holds %q", got)
				}
			}},
		{name: "dangling symlink", umask: 0o022,
			setup: func(t *testing.T, dir string) string {
				os.Symlink(filepath.Join(dir, "made.pdf"), "link.pdf")
				return "link.pdf"
			},
			check: func(t *testing.T, dir string) {
				isLink(t, "link.pdf", filepath.Join(dir, "made.pdf"))
				if got := readString(t, "made.pdf"); got != "new" {
					t.Errorf("the new target holds %q", got)
				}
			}},
		{name: "symlink loop",
			setup: func(t *testing.T, dir string) string {
				os.Symlink("b.pdf", "a.pdf")
				os.Symlink("a.pdf", "b.pdf")
				return "a.pdf"
			},
			err: `cannot write "a.pdf": too many levels of symbolic links`, code: 1},
		{name: "/dev/null",
			setup: func(t *testing.T, dir string) string { return os.DevNull }},
		{name: "symlink to /dev/null",
			setup: func(t *testing.T, dir string) string {
				os.Symlink(os.DevNull, "null.pdf")
				return "null.pdf"
			},
			check: func(t *testing.T, dir string) { isLink(t, "null.pdf", os.DevNull) }},
	}
}

// refusedCases are outputs that cannot be written, and the old file
// that stays.
func refusedCases() []outputCase {
	return []outputCase{
		{name: "folder",
			setup: func(t *testing.T, dir string) string { os.Mkdir("plans", 0o755); return "plans" },
			err:   `cannot write "plans": it is a folder`, code: 1},
		{name: "missing folder",
			setup: func(t *testing.T, dir string) string { return "nowhere/plan.pdf" },
			err:   `cannot write "nowhere/plan.pdf": folder "nowhere" does not exist`, code: 1},
		{name: "read-only folder",
			setup: func(t *testing.T, dir string) string {
				if os.Geteuid() == 0 {
					t.Skip("root can write anywhere")
				}
				os.Mkdir("locked", 0o755)
				mustWrite(t, "locked/plan.pdf", "old", 0o644)
				os.Chmod("locked", 0o555)
				t.Cleanup(func() { os.Chmod(filepath.Join(dir, "locked"), 0o755) })
				return "locked/plan.pdf"
			},
			err: `cannot write "locked/plan.pdf": permission denied`, code: 1,
			check: func(t *testing.T, dir string) {
				if got := readString(t, "locked/plan.pdf"); got != "old" {
					t.Errorf("locked/plan.pdf holds %q", got)
				}
			}},
		{name: "read-only file",
			setup: func(t *testing.T, dir string) string {
				mustWrite(t, "plan.pdf", "old", 0o444)
				return "plan.pdf"
			},
			err: `cannot write "plan.pdf": it is read-only`, code: 1,
			check: func(t *testing.T, dir string) {
				if got := readString(t, "plan.pdf"); got != "old" {
					t.Errorf("plan.pdf holds %q", got)
				}
			}},
		{name: "socket",
			setup: func(t *testing.T, dir string) string {
				l, err := net.Listen("unix", "s.pdf")
				if err != nil {
					t.Skip(err)
				}
				t.Cleanup(func() { l.Close() })
				return "s.pdf"
			},
			err: `cannot write "s.pdf": it is not a file, a device or a pipe`, code: 1},
	}
}

// TestOutputDevice checks that a device is opened, not replaced, and
// written only at commit.
func TestOutputDevice(t *testing.T) {
	s, f, err := claimOne(os.DevNull)
	if err != nil {
		t.Fatal(err)
	}
	defer s.discard()
	if f.direct == nil || f.tmpPath != "" {
		t.Fatalf("/dev/null got a temporary file %q", f.tmpPath)
	}
	if err := f.write([]byte("x")); err != nil {
		t.Fatal(err)
	}
	if err := s.commit(); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(os.DevNull); err != nil || fi.Mode()&fs.ModeCharDevice == 0 {
		t.Fatalf("/dev/null is no longer a device: %v %v", fi.Mode(), err)
	}
}

// TestOutputFIFO writes through a named pipe to its reader.
func TestOutputFIFO(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "plan.pdf")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip(err)
	}
	got := make(chan string)
	go func() {
		f, err := os.Open(fifo)
		if err != nil {
			got <- err.Error()
			return
		}
		b, _ := io.ReadAll(f)
		f.Close()
		got <- string(b)
	}()
	if err := writeOne(fifo, []byte("%PDF-1.7 whole")); err != nil {
		t.Fatal(err)
	}
	if s := <-got; s != "%PDF-1.7 whole" {
		t.Errorf("the reader got %q", s)
	}
	if fi, err := os.Lstat(fifo); err != nil || fi.Mode()&fs.ModeNamedPipe == 0 {
		t.Errorf("the FIFO was replaced: %v %v", fi.Mode(), err)
	}
	noTemps(t, dir)
}

// TestOutputDisk: a block device is refused. The test only claims it,
// so that it could never write to a disk.
func TestOutputDisk(t *testing.T) {
	entries, _ := os.ReadDir("/dev")
	disk := ""
	for _, e := range entries {
		if e.Type()&fs.ModeDevice != 0 && e.Type()&fs.ModeCharDevice == 0 {
			disk = filepath.Join("/dev", e.Name())
			break
		}
	}
	if disk == "" {
		t.Skip("no block device")
	}
	s := newOutputs(nil, nil)
	defer s.discard()
	_, err := s.claim("--out", disk)
	if want := "cannot write " + strconv.Quote(disk) + ": it is a disk"; err == nil || err.Error() != want {
		t.Errorf("got %v, want %q", err, want)
	}
}
