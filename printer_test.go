package main

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSafe(t *testing.T) {
	tests := []struct{ in, keep, want string }{
		{"Ana Ruiz", "", "Ana Ruiz"},
		{"José Αλεξάνδρα Анна 山田 😀", "", "José Αλεξάνδρα Анна 山田 😀"},
		{"\x1b[31mred\x1b[0m", "", `\x1b[31mred\x1b[0m`},
		{"\x1b]0;title\x07", "", `\x1b]0;title\x07`},
		{"ring\a", "", `ring\x07`},
		{"c1 \u009b31m csi", "", `c1 \x9b31m csi`},
		{"del\x7f", "", `del\x7f`},
		{"right\u202eto left", "", `right\u202eto left`},
		{"isolate\u2066x\u2069", "", `isolate\u2066x\u2069`},
		{"line\u2028sep", "", `line\u2028sep`},
		{"Jos\xe9", "", `Jos\xe9`},
		{"a\nb\tc\r", "", `a\x0ab\x09c\x0d`},
		{"a\nb\tc\r", "\n\t", "a\nb\tc\\x0d"},
	}
	for _, tt := range tests {
		if got := safe(tt.in, tt.keep); got != tt.want {
			t.Errorf("safe(%q, %q) = %q, want %q", tt.in, tt.keep, got, tt.want)
		}
	}
}

func TestOneLine(t *testing.T) {
	tests := []struct{ in, want string }{
		{"unknown focus", "unknown focus"},
		{"  two\nlines \r\n here ", "two lines here"},
		{`cannot write "a  b.pdf"`, `cannot write "a  b.pdf"`}, // spaces inside a name are kept
		{"esc \x1b[2J here", `esc \x1b[2J here`},
	}
	for _, tt := range tests {
		if got := oneLine(tt.in); got != tt.want {
			t.Errorf("oneLine(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// FuzzPrinter checks the printer's promise: whatever text it is given,
// what reaches the terminal is valid UTF-8 with no character a terminal
// acts on, and a message is one line (two with its hint).
func FuzzPrinter(f *testing.F) {
	for _, s := range []string{"Ana", "\x1b[31m", "a\nb", "\xff\xfe", "\u202e", "\u0085"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var out, errb bytes.Buffer
		p := &printer{stdout: &out, stderr: &errb}
		p.text(s)
		p.fail(errors.New(s))
		for _, b := range []string{out.String(), errb.String()} {
			if !utf8.ValidString(b) {
				t.Fatalf("invalid UTF-8 in %q", b)
			}
			for _, r := range b {
				if r != '\n' && r != '\t' && unsafeRune(r) {
					t.Fatalf("%U reached the terminal in %q", r, b)
				}
			}
		}
		if n := strings.Count(errb.String(), "\n"); n != 1 {
			t.Fatalf("message of %d lines: %q", n, errb.String())
		}
		if !strings.HasPrefix(errb.String(), "backplan: ") {
			t.Fatalf("message without the prefix: %q", errb.String())
		}
	})
}
