package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/backplan/backplan/job"
)

// textOptions are the options whose text reaches the workbook's pages, its
// metadata, a plan file and the terminal: job's patient group.
var textOptions = job.Names(job.PatientGroup)

// FuzzTextOptions feeds arbitrary bytes through each text option into a
// rendered workbook and a saved plan. Whatever the bytes, backplan must not
// panic; it either writes both files (exit 0) or refuses the text (exit 2)
// in one safe line, perhaps with a hint, and writes nothing.
func FuzzTextOptions(f *testing.F) {
	for i, s := range []string{
		"Ana Ruiz", "two\nlines", "山田太郎", "Αλεξάνδρα", "Анна", strings.Repeat("Ana ", 80), "right\u202eleft", "",
		"Jos\xe9", "Jos\xe9 N\xfa\xf1ez", "\x1b[2J\x1b]0;owned\a", "\x00", strings.Repeat("x", 5000),
	} {
		f.Add(uint8(i), s)
	}
	clinic, err := filepath.Abs(filepath.Join("testdata", "clinic.yaml"))
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, which uint8, s string) {
		option := textOptions[int(which)%len(textOptions)]
		dir := t.TempDir()
		pdf, yaml := filepath.Join(dir, "a.pdf"), filepath.Join(dir, "a.yaml")
		var out, errb bytes.Buffer
		code := run([]string{"--catalog", clinic, "--weeks", "1", "--" + option + "=" + s, "-o", pdf, "--save-plan", yaml},
			strings.NewReader(""), &out, &errb, testEnv())
		msg := errb.String()
		switch code {
		case 0:
			if msg != "" {
				t.Fatalf("--%s %q: exit 0 with %q", option, s, msg)
			}
			if !fileExists(pdf) || !fileExists(yaml) {
				t.Fatalf("--%s %q: exit 0 without both files", option, s)
			}
		case 2:
			lines := strings.Split(strings.TrimSuffix(msg, "\n"), "\n")
			if len(lines) > 2 || !strings.HasPrefix(lines[0], "backplan: ") || !utf8.ValidString(msg) {
				t.Fatalf("--%s %q: message %q", option, s, msg)
			}
			for _, r := range msg {
				if r != '\n' && unsafeRune(r) {
					t.Fatalf("--%s %q: %U in the message %q", option, s, r, msg)
				}
			}
			if fileExists(pdf) || fileExists(yaml) {
				t.Fatalf("--%s %q: refused, but a file was written", option, s)
			}
		default:
			t.Fatalf("--%s %q: exit %d: %s", option, s, code, msg)
		}
	})
}

func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}
