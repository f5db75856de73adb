//go:build unix

package main

import (
	"io"
	"os"
	"strings"
	"testing"
)

// sameFileCase is an input and outputs, which may be the same file.
type sameFileCase struct {
	name    string
	setup   func(t *testing.T) // in a folder holding in.yaml
	stdin   string             // open this file as standard input
	stdout  string             // open this file (appending) as standard output
	input   string             // the --catalog path
	outputs []string           // claimed as --out, --save-plan, …
	err     string             // "" for no error
}

func sameFileCases() []sameFileCase {
	return []sameFileCase{
		{name: "same path", input: "in.yaml", outputs: []string{"in.yaml"},
			err: `--out "in.yaml" is the same file as --catalog "in.yaml"; backplan will not write over its input`},
		{name: "another spelling", input: "in.yaml", outputs: []string{"./sub/../in.yaml"},
			err: `--out "./sub/../in.yaml" is the same file as --catalog "in.yaml"`},
		{name: "absolute path", input: "in.yaml", outputs: []string{"ABS/in.yaml"},
			err: `is the same file as --catalog "in.yaml"`},
		{name: "symlink to the input", setup: func(t *testing.T) { os.Symlink("in.yaml", "link.pdf") },
			input: "in.yaml", outputs: []string{"link.pdf"},
			err: `--out "link.pdf" is the same file as --catalog "in.yaml"`},
		{name: "input through a symlink", setup: func(t *testing.T) { os.Symlink("in.yaml", "link.yaml") },
			input: "link.yaml", outputs: []string{"in.yaml"},
			err: `--out "in.yaml" is the same file as --catalog "link.yaml"`},
		{name: "hard link to the input", setup: func(t *testing.T) { os.Link("in.yaml", "hard.pdf") },
			input: "in.yaml", outputs: []string{"hard.pdf"},
			err: `--out "hard.pdf" is the same file as --catalog "in.yaml"`},
		{name: "symlinked folder", setup: func(t *testing.T) { os.Symlink(".", "here") },
			input: "in.yaml", outputs: []string{"here/in.yaml"},
			err: `--out "here/in.yaml" is the same file as --catalog "in.yaml"`},
		{name: "standard input is the file", stdin: "in.yaml",
			input: "-", outputs: []string{"in.yaml"},
			err: `--out "in.yaml" is the same file as --catalog - (standard input)`},
		{name: "standard output is the input", stdout: "in.yaml",
			input: "in.yaml", outputs: []string{"-"},
			err: `--out - (standard output) is the same file as --catalog "in.yaml"`},
		{name: "a different file", input: "in.yaml", outputs: []string{"out.pdf", "out.yaml"}},
		{name: "two outputs, one path", input: "in.yaml", outputs: []string{"out.pdf", "out.pdf"},
			err: `--out "out.pdf" and --save-plan "out.pdf" are the same file`},
		{name: "two new outputs, two spellings", input: "in.yaml", outputs: []string{"out.pdf", "sub/../out.pdf"},
			err: `--out "out.pdf" and --save-plan "sub/../out.pdf" are the same file`},
		{name: "two new outputs through a symlinked folder", setup: func(t *testing.T) { os.Symlink("sub", "alias") },
			input: "in.yaml", outputs: []string{"sub/out.pdf", "alias/out.pdf"},
			err: `--out "sub/out.pdf" and --save-plan "alias/out.pdf" are the same file`},
		{name: "two outputs, hard links", setup: func(t *testing.T) {
			os.WriteFile("a.pdf", nil, 0o644)
			os.Link("a.pdf", "b.pdf")
		}, input: "in.yaml", outputs: []string{"a.pdf", "b.pdf"},
			err: `--out "a.pdf" and --save-plan "b.pdf" are the same file`},
		{name: "two outputs, dangling symlink to the other", setup: func(t *testing.T) { os.Symlink("out.pdf", "link.pdf") },
			input: "in.yaml", outputs: []string{"out.pdf", "link.pdf"},
			err: `--out "out.pdf" and --save-plan "link.pdf" are the same file`},
	}
}

// TestOutputIsInput: an output may not be an input, by any name.
func TestOutputIsInput(t *testing.T) {
	for _, tt := range sameFileCases() {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			t.Chdir(dir)
			mustWrite(t, "in.yaml", "exercises: []\n", 0o644)
			os.Mkdir("sub", 0o755)
			if tt.setup != nil {
				tt.setup(t)
			}
			err := claimAll(t, dir, tt)
			switch {
			case tt.err == "" && err != nil:
				t.Fatalf("got %v", err)
			case tt.err != "" && err == nil:
				t.Fatalf("got no error, want %q", tt.err)
			case tt.err != "":
				if !strings.Contains(err.Error(), tt.err) {
					t.Errorf("got %q\nwant %q", err, tt.err)
				}
				if code, _ := exitCode(err, flagWords); code != 2 {
					t.Errorf("exit code %d, want 2", code)
				}
			}
			if got := readString(t, "in.yaml"); got != "exercises: []\n" {
				t.Errorf("the input now holds %q", got)
			}
			noTemps(t, dir)
		})
	}
}

// claimAll claims a case's outputs in turn, with its standard input and
// output, until one is refused; then it discards them all.
func claimAll(t *testing.T, dir string, tt sameFileCase) error {
	var stdin io.Reader
	var stdout io.Writer = io.Discard
	if tt.stdin != "" {
		f, err := os.Open(tt.stdin)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		stdin = f
	}
	if tt.stdout != "" {
		f, err := os.OpenFile(tt.stdout, os.O_WRONLY|os.O_APPEND, 0)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		stdout = f
	}
	s := newOutputs(stdin, stdout, fileArg{"--catalog", tt.input}, fileArg{"--from", ""})
	defer s.discard()
	flags := []string{"--out", "--save-plan", "--figures"}
	for i, out := range tt.outputs {
		if _, err := s.claim(flags[i], strings.Replace(out, "ABS", dir, 1)); err != nil {
			return err
		}
	}
	return nil
}

// TestOutputsCommitTogether: with two outputs, a failure in either leaves
// both old files as they were.
func TestOutputsCommitTogether(t *testing.T) {
	tests := []struct {
		name      string
		second    string               // the second output's path
		before    func(f *pendingFile) // done to the second before it is written
		skipWrite bool                 // the second is never written
		err       string
	}{
		{name: "second write fails", second: "plan.yaml",
			before: func(f *pendingFile) { f.tmp.Close() }, // as a full disk would
			err:    `cannot write "plan.yaml"`},
		{name: "second never written", second: "plan.yaml", skipWrite: true,
			err: `--save-plan "plan.yaml" was never written`},
		{name: "device full at commit", second: "/dev/full",
			err: `cannot write "/dev/full": no space left on device`},
		{name: "both work", second: "plan.yaml"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := os.Stat(tt.second); strings.HasPrefix(tt.second, "/dev/") && err != nil {
				t.Skip(err)
			}
			dir := t.TempDir()
			t.Chdir(dir)
			mustWrite(t, "plan.pdf", "old pdf", 0o644)
			mustWrite(t, "plan.yaml", "old yaml", 0o644)
			s := newOutputs(nil, nil)
			defer s.discard()
			pdf, err := s.claim("--out", "plan.pdf")
			if err != nil {
				t.Fatal(err)
			}
			yaml, err := s.claim("--save-plan", tt.second)
			if err != nil {
				t.Fatal(err)
			}
			if err = pdf.write([]byte("new pdf")); err != nil {
				t.Fatal(err)
			}
			if tt.before != nil {
				tt.before(yaml)
			}
			if !tt.skipWrite {
				err = yaml.write([]byte("new yaml"))
			}
			if err == nil {
				err = s.commit()
			}
			s.discard()
			wantPDF, wantYAML := "old pdf", "old yaml"
			if tt.err == "" {
				if err != nil {
					t.Fatal(err)
				}
				wantPDF, wantYAML = "new pdf", "new yaml"
			} else if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("got %v, want %q", err, tt.err)
			}
			if got := readString(t, "plan.pdf"); got != wantPDF {
				t.Errorf("plan.pdf holds %q, want %q", got, wantPDF)
			}
			if got := readString(t, "plan.yaml"); got != wantYAML {
				t.Errorf("plan.yaml holds %q, want %q", got, wantYAML)
			}
			noTemps(t, dir)
		})
	}
}

// TestOutputsUndoRename: when a rename fails after others succeeded (here
// because another program put a folder where the last output goes), the
// outputs already renamed are put back as they were: the old file, or no
// file.
func TestOutputsUndoRename(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	mustWrite(t, "plan.pdf", "old pdf", 0o600)
	os.Link("plan.pdf", "elsewhere.pdf")
	s := newOutputs(nil, nil)
	defer s.discard()
	for _, path := range []string{"plan.pdf", "fresh.pdf", "plan.yaml"} {
		f, err := s.claim("--out", path)
		if err != nil {
			t.Fatal(err)
		}
		if err := f.write([]byte("new")); err != nil {
			t.Fatal(err)
		}
	}
	os.MkdirAll("plan.yaml/inside", 0o755)
	err := s.commit()
	if err == nil || !strings.HasPrefix(err.Error(), `cannot write "plan.yaml": `) {
		t.Fatalf("got %v", err)
	}
	if got := readString(t, "plan.pdf"); got != "old pdf" {
		t.Errorf("plan.pdf holds %q, want the old one back", got)
	}
	if got := modeOf(t, "plan.pdf"); got != 0o600 {
		t.Errorf("plan.pdf has mode %o, want 600", got)
	}
	a, _ := os.Stat("plan.pdf")
	b, _ := os.Stat("elsewhere.pdf")
	if !os.SameFile(a, b) {
		t.Errorf("plan.pdf is no longer the file it was")
	}
	if _, err := os.Stat("fresh.pdf"); err == nil {
		t.Errorf("fresh.pdf, new in the failed run, is still there")
	}
	noTemps(t, dir)
}
