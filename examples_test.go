package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// example is a command shown to the reader, and the output shown under it,
// if any.
type example struct {
	source string // where it is shown, for messages
	args   []string
	output []string // nil when none is shown
}

// TestHelpExamplesRun runs every example in --help as written, in order, in
// a fresh folder holding README.md's roster as class.csv: each must exit 0.
func TestHelpExamplesRun(t *testing.T) {
	exs := usageExamples(t)
	if len(exs) < 3 {
		t.Fatalf("found %d examples in the usage text", len(exs))
	}
	data, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, roster := readmeExamples(string(data))
	runExamples(t, exs, "class.csv", roster)
}

// TestReadmeExamplesRun runs every backplan command in README.md's code
// blocks as written, in order, in a fresh folder. A command shown with its
// output ("$ backplan …" and the lines under it) must print exactly that;
// any other must exit 0. The roster the README shows is there as class.csv
// and thursday.csv.
func TestReadmeExamplesRun(t *testing.T) {
	data, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	exs, roster := readmeExamples(string(data))
	if len(exs) < 5 || roster == "" {
		t.Fatalf("found %d examples and roster %q in README.md", len(exs), roster)
	}
	runExamples(t, exs, "class.csv", roster, "thursday.csv", roster)
}

// runExamples runs the examples in a fresh folder holding the test
// catalogue as clinic.yaml, a clinic's logo as logo.png, and the files
// given as name, content pairs.
func runExamples(t *testing.T, exs []example, files ...string) {
	clinic, err := os.ReadFile(filepath.Join("testdata", "clinic.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	logo, err := os.ReadFile(filepath.Join("render", "testdata", "logo.png"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	files = append(files, "clinic.yaml", string(clinic), "logo.png", string(logo))
	for i := 0; i < len(files); i += 2 {
		if err := os.WriteFile(filepath.Join(dir, files[i]), []byte(files[i+1]), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(dir)
	for _, ex := range exs {
		var out, errb bytes.Buffer
		code := run(ex.args, strings.NewReader(""), &out, &errb, testEnv())
		if ex.output == nil {
			if code != 0 {
				t.Errorf("%s: backplan %s: exit %d\n%s", ex.source, strings.Join(ex.args, " "), code, errb.String())
			}
			continue
		}
		got := strings.TrimSpace(out.String() + errb.String())
		if want := strings.Join(ex.output, "\n"); got != want {
			t.Errorf("%s: backplan %s printed\n%s\nbut the example shows\n%s", ex.source, strings.Join(ex.args, " "), got, want)
		}
	}
}

// usageExamples are the commands under "Examples:" in the usage text.
func usageExamples(t *testing.T) []example {
	_, after, ok := strings.Cut(usage, "\nExamples:\n")
	if !ok {
		t.Fatal("no Examples: in the usage text")
	}
	var exs []example
	for _, line := range strings.Split(after, "\n") {
		if cmd, ok := strings.CutPrefix(strings.TrimSpace(line), "backplan "); ok {
			exs = append(exs, example{source: "--help", args: shellWords(t, cmd)})
		}
	}
	return exs
}

// readmeExamples finds the commands in README.md's fenced code blocks: a
// line starting "backplan ", "go run . " or "$ backplan " (the last with
// the output lines under it, up to a blank line or the block's end). It
// also returns the block that shows a roster (starting "patient,").
func readmeExamples(readme string) (exs []example, roster string) {
	inBlock := false
	var block []string
	for _, line := range strings.Split(readme, "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "```") {
			if inBlock {
				exs = append(exs, blockExamples(block)...)
				if len(block) > 0 && strings.HasPrefix(block[0], "patient,") {
					roster = strings.Join(block, "\n") + "\n"
				}
			}
			inBlock, block = !inBlock, nil
			continue
		}
		if inBlock {
			block = append(block, line)
		}
	}
	return exs, roster
}

func blockExamples(block []string) []example {
	var exs []example
	for i := 0; i < len(block); i++ {
		line := strings.TrimSpace(block[i])
		source := "README.md: " + line
		if cmd, ok := strings.CutPrefix(line, "$ backplan "); ok {
			ex := example{source: source, args: mustShellWords(cmd), output: []string{}}
			for i+1 < len(block) && strings.TrimSpace(block[i+1]) != "" && !strings.HasPrefix(block[i+1], "$ ") {
				i++
				ex.output = append(ex.output, block[i])
			}
			exs = append(exs, ex)
			continue
		}
		for _, prefix := range []string{"backplan ", "go run . "} {
			if cmd, ok := strings.CutPrefix(line, prefix); ok {
				exs = append(exs, example{source: source, args: mustShellWords(cmd)})
			}
		}
	}
	return exs
}

func shellWords(t *testing.T, s string) []string {
	t.Helper()
	return mustShellWords(s)
}

// mustShellWords splits a command line as a POSIX shell would for the
// simple commands the examples use: words separated by spaces, single and
// double quotes, and a # comment after a space.
func mustShellWords(s string) []string {
	var words []string
	var w strings.Builder
	inWord := false
	var quote rune
	for _, r := range s {
		switch {
		case quote != 0 && r == quote:
			quote = 0
		case quote != 0:
			w.WriteRune(r)
		case r == '"' || r == '\'':
			quote, inWord = r, true
		case r == ' ' || r == '\t':
			if inWord {
				words = append(words, w.String())
				w.Reset()
				inWord = false
			}
		case r == '#' && !inWord:
			return words
		default:
			w.WriteRune(r)
			inWord = true
		}
	}
	if inWord {
		words = append(words, w.String())
	}
	return words
}

func TestShellWords(t *testing.T) {
	got := mustShellWords(`-p "Ana Ruiz" --notes 'it''s' -o a.pdf   # a comment`)
	want := []string{"-p", "Ana Ruiz", "--notes", "its", "-o", "a.pdf"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q, want %q", got, want)
	}
}
