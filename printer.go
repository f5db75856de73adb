package main

import (
	"fmt"
	"io"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// printer writes backplan's messages and text to the terminal. Besides it,
// only the output set (output.go) writes to standard output, the PDF for
// --out -, and only backplan serve's request log, which package serve
// writes to the standard error it is given, writes to standard error.
// The printer's rules:
//
//   - A message is one line on standard error: "backplan: ", then lower-case
//     words with no trailing period. Runs of white space, line breaks
//     included, become one space.
//   - A hint, where one helps, is a second line: "backplan: hint: " and what
//     to do.
//   - Text for a reader on standard output (--preview, --list, --help) keeps
//     its line breaks and tabs.
//   - Everything shown is made safe for a terminal: control characters,
//     escape sequences, bidirectional overrides, line separators and bytes
//     that are not UTF-8, from names, plan files, catalogues or rosters, are
//     written escaped (\x1b, \u202e), never passed through.
//   - The progress line of a batch is drawn only on a terminal, and cleared
//     before any message takes its place.
//   - Data (a PDF on standard output, for --out -) is written as it is,
//     by the output set of output.go, given p.stdout.
type printer struct {
	stdout, stderr io.Writer
	live           bool // standard error is a terminal: show progress
	progress       int  // the length of the progress line on screen; 0 when there is none
}

func newPrinter(stdout, stderr io.Writer) *printer {
	return &printer{stdout: stdout, stderr: stderr, live: isTerminal(stderr)}
}

// text writes text for a reader to standard output, made safe.
func (p *printer) text(s string) error {
	_, err := io.WriteString(p.stdout, safe(s, "\n\t"))
	return err
}

// say writes a message line, and a hint line when hint is not empty.
func (p *printer) say(msg, hint string) {
	p.clearProgress()
	fmt.Fprintf(p.stderr, "backplan: %s\n", oneLine(msg))
	if hint != "" {
		fmt.Fprintf(p.stderr, "backplan: hint: %s\n", oneLine(hint))
	}
}

// fail reports err, if any, and returns the exit code for it.
func (p *printer) fail(err error) int {
	if err == nil {
		return 0
	}
	code, hint := exitCode(err, flagWords)
	p.say(err.Error(), hint)
	return code
}

// showProgress draws "backplan: 12 of 1000 workbooks" over the last
// progress line, on a terminal only.
func (p *printer) showProgress(done, total int) {
	if !p.live {
		return
	}
	line := fmt.Sprintf("backplan: %d of %d workbooks", done, total)
	fmt.Fprintf(p.stderr, "\r%s", line)
	if pad := p.progress - len(line); pad > 0 {
		fmt.Fprintf(p.stderr, "%s\r%s", strings.Repeat(" ", pad), line)
	}
	p.progress = len(line)
}

// clearProgress removes the progress line, so that a message can take its
// place.
func (p *printer) clearProgress() {
	if p.progress == 0 {
		return
	}
	fmt.Fprintf(p.stderr, "\r%s\r", strings.Repeat(" ", p.progress))
	p.progress = 0
}

// oneLine makes s one safe line: each line break or tab, with the white
// space around it, becomes one space (plain spaces are kept, so a quoted
// file name shows exactly), and anything a terminal would act on is
// escaped.
func oneLine(s string) string {
	return safe(breaks.ReplaceAllString(strings.TrimSpace(s), " "), "")
}

var breaks = regexp.MustCompile(`[\s\x{85}\x{2028}\x{2029}]*[\t\n\v\f\r\x{85}\x{2028}\x{2029}][\s\x{85}\x{2028}\x{2029}]*`)

// safe returns s with everything a terminal could act on escaped, except
// the characters in keep: C0 and C1 control characters (ESC, CSI, BEL …),
// DEL, line and paragraph separators, bidirectional controls, and bytes
// that are not UTF-8. Bytes and C1 controls are written \xNN, other runes
// \uNNNN. Text with nothing to escape comes back unchanged.
func safe(s, keep string) string {
	if !needsEscape(s, keep) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case unsafeRune(r) && !strings.ContainsRune(keep, r):
			if r < 0x100 {
				fmt.Fprintf(&b, `\x%02x`, r)
			} else {
				fmt.Fprintf(&b, `\u%04x`, r)
			}
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

func needsEscape(s, keep string) bool {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 || unsafeRune(r) && !strings.ContainsRune(keep, r) {
			return true
		}
		i += n
	}
	return false
}

// unsafeRune reports whether a terminal might act on r rather than show it.
func unsafeRune(r rune) bool {
	switch {
	case unicode.IsControl(r), r == '\u2028', r == '\u2029':
		return true
	case r == '\u061c', r == '\u200e', r == '\u200f':
		return true // Arabic letter mark, left-to-right and right-to-left marks
	case '\u202a' <= r && r <= '\u202e', '\u2066' <= r && r <= '\u2069':
		return true // bidirectional embeddings, overrides and isolates
	}
	return false
}
