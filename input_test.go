//go:build unix

package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
)

// TestReadInput: each kind of input is read whole up to its cap, and
// anything that cannot be read is one line, the path quoted, exit 1.
func TestReadInput(t *testing.T) {
	for _, tt := range readInputCases() {
		t.Run(tt.name, func(t *testing.T) {
			t.Chdir(t.TempDir())
			if tt.setup != nil {
				tt.setup(t)
			}
			data, name, err := readInput(tt.what, tt.path, tt.stdin)
			if tt.err == "" {
				if err != nil {
					t.Fatal(err)
				}
				if len(data) != tt.size {
					t.Errorf("read %d bytes, want %d", len(data), tt.size)
				}
				if want := map[bool]string{true: "standard input", false: tt.path}[tt.path == "-"]; name != want {
					t.Errorf("named %q, want %q", name, want)
				}
				return
			}
			if err == nil {
				t.Fatalf("got no error, want %q", tt.err)
			}
			if !strings.HasPrefix(err.Error(), tt.err) || strings.Contains(err.Error(), "\n") {
				t.Errorf("got %q, want %q", err, tt.err)
			}
			code, hint := exitCode(err, flagWords)
			if code != 1 {
				t.Errorf("exit code %d, want 1", code)
			}
			if hint != tt.hint {
				t.Errorf("hint %q, want %q", hint, tt.hint)
			}
		})
	}
}

// readInputCase is a file to read, and what reading it gives.
type readInputCase struct {
	name  string
	what  string
	path  string
	setup func(t *testing.T)
	stdin io.Reader
	size  int    // the bytes read, on success
	err   string // "" for success
	hint  string
}

// sparse makes a file of size bytes that takes no room on the disk.
func sparse(name string, size int64) func(t *testing.T) {
	return func(t *testing.T) {
		f, err := os.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if err := f.Truncate(size); err != nil {
			t.Fatal(err)
		}
	}
}

func readInputCases() []readInputCase {
	return []readInputCase{
		{name: "file", what: "catalogue", path: "clinic.yaml",
			setup: func(t *testing.T) { mustWrite(t, "clinic.yaml", "exercises: []\n", 0o644) }, size: 14},
		{name: "catalogue at its cap", what: "catalogue", path: "big.yaml",
			setup: sparse("big.yaml", maxCatalog), size: maxCatalog},
		{name: "catalogue over its cap", what: "catalogue", path: "big.yaml",
			setup: sparse("big.yaml", maxCatalog+1),
			err:   `catalogue "big.yaml" is larger than 4 MiB, more than any real one`,
			hint:  "check that --catalog names the right file"},
		{name: "plan file over its cap", what: "plan file", path: "ana plan.yaml",
			setup: sparse("ana plan.yaml", maxPlanFile+1),
			err:   `plan file "ana plan.yaml" is larger than 4 MiB`, hint: "check that --from names the right file"},
		{name: "roster at its cap", what: "roster", path: "class.csv",
			setup: sparse("class.csv", maxRoster), size: maxRoster},
		{name: "roster over its cap", what: "roster", path: "class.csv",
			setup: sparse("class.csv", maxRoster+1),
			err:   `roster "class.csv" is larger than 16 MiB`, hint: "check that --batch names the right file"},
		{name: "/dev/zero", what: "catalogue", path: "/dev/zero",
			err: `catalogue "/dev/zero" is larger than 4 MiB`, hint: "check that --catalog names the right file"},
		{name: "missing", what: "roster", path: "missing.csv",
			err: `roster "missing.csv" does not exist`},
		{name: "folder", what: "plan file", path: "plans",
			setup: func(t *testing.T) { os.Mkdir("plans", 0o755) },
			err:   `cannot read plan file "plans": it is a folder`, hint: "give --from a file, not a folder"},
		{name: "no permission", what: "catalogue", path: "secret.yaml",
			setup: func(t *testing.T) {
				if os.Geteuid() == 0 {
					t.Skip("root reads anything")
				}
				mustWrite(t, "secret.yaml", "x", 0o000)
			},
			err: `cannot read catalogue "secret.yaml": permission denied`},
		{name: "standard input", what: "plan file", path: "-",
			stdin: strings.NewReader("weeks: []\n"), size: 10},
		{name: "standard input at its cap", what: "roster", path: "-",
			stdin: io.LimitReader(zeros{}, maxRoster), size: maxRoster},
		{name: "standard input over its cap", what: "roster", path: "-",
			stdin: zeros{}, err: "the roster on standard input is larger than 16 MiB, more than any real one",
			hint: "check what is sent to standard input"},
		{name: "no standard input", what: "catalogue", path: "-"},
	}
}

// zeros reads as an endless stream of zero bytes.
type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}

// TestReadInputFIFO reads a catalogue from a named pipe as it comes.
func TestReadInputFIFO(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "clinic.yaml")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip(err)
	}
	go func() {
		f, err := os.OpenFile(fifo, os.O_WRONLY, 0)
		if err != nil {
			return
		}
		f.WriteString("exercises: []\n")
		f.Close()
	}()
	data, _, err := readInput("catalogue", fifo, nil)
	if err != nil || string(data) != "exercises: []\n" {
		t.Fatalf("got %q, %v", data, err)
	}
}

// TestEndlessInputFailsFast: an input that never ends stops at its cap,
// in little memory, for each kind of input.
func TestEndlessInputFailsFast(t *testing.T) {
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip(err)
	}
	for _, args := range [][]string{
		{"--catalog", "/dev/zero", "--list"},
		{"--from", "/dev/zero", "--out", "ana.pdf"},
		{"--batch", "/dev/zero", "--out-dir", "plans"},
	} {
		t.Run(args[0], func(t *testing.T) {
			t.Chdir(t.TempDir())
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			var stderr bytes.Buffer
			code := run(args, strings.NewReader(""), io.Discard, &stderr, testEnv())
			runtime.ReadMemStats(&after)
			if code != 1 || !strings.Contains(stderr.String(), `"/dev/zero" is larger than`) {
				t.Errorf("exit %d: %s", code, stderr.String())
			}
			if n := strings.Count(stderr.String(), "\n"); n > 2 {
				t.Errorf("%d lines of message, want at most 2", n)
			}
			if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 128<<20 {
				t.Errorf("allocated %d MiB", alloc>>20)
			}
		})
	}
}
