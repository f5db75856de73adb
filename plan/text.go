package plan

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/backplan/backplan/internal/words"
	"gopkg.in/yaml.v3"
)

// checkEncoding refuses a catalogue or plan file that is not UTF-8 text,
// or that smuggles bytes in as a !!binary value: either could put bytes on
// a page, in a plan file or on a terminal that no font or reader expects.
// It also refuses a fraction where a whole number belongs ("reps: 5.99"),
// which the decoder would cut down without a word. It names the line and,
// where it can, the field.
func checkEncoding(kind ErrorKind, name string, data []byte) error {
	if !utf8.Valid(data) {
		bad := 0
		for bad < len(data) {
			r, size := utf8.DecodeRune(data[bad:])
			if r == utf8.RuneError && size <= 1 {
				break
			}
			bad += size
		}
		line := 1 + bytes.Count(data[:bad], []byte("\n"))
		start := bytes.LastIndexByte(data[:bad], '\n') + 1
		return fileErr(kind, name, line, "%snot valid UTF-8 text (save the file as UTF-8)", fieldOf(data[start:bad]))
	}
	if !bytes.Contains(data, []byte("!!binary")) && !bytes.Contains(data, []byte("tag:yaml.org,2002:binary")) && !mayHoldFraction(data) {
		return nil
	}
	var root yaml.Node
	if yaml.Unmarshal(data, &root) != nil {
		return nil // the decoder names the mistake
	}
	var find func(n *yaml.Node, key string) error
	find = func(n *yaml.Node, key string) error {
		if n.Tag == "!!binary" {
			field := ""
			if key != "" {
				field = fmt.Sprintf("%q: ", key)
			}
			return fileErr(kind, name, n.Line, "%sa !!binary value; write text instead", field)
		}
		if n.Kind == yaml.ScalarNode && n.Tag == "!!float" && wholeNumbers[key] {
			return fileErr(kind, name, n.Line, "%q must be a whole number, got %q", key, n.Value)
		}
		for i, c := range n.Content {
			k := key
			if n.Kind == yaml.MappingNode && i%2 == 1 {
				k = n.Content[i-1].Value
			}
			if err := find(c, k); err != nil {
				return err
			}
		}
		return nil
	}
	return find(&root, "")
}

// wholeNumbers are the fields of catalogues and plan files that hold
// whole numbers.
var wholeNumbers = map[string]bool{
	"sets": true, "reps": true, "hold": true, "seconds": true, "minutes": true,
	"level": true, "weeks": true, "days": true, "week": true,
}

// mayHoldFraction reports whether data may hold a fraction in a
// whole-number field: a key of wholeNumbers, a colon, and a value that
// starts as a number with a point or an exponent. A yes only makes
// checkEncoding look closer, so it may be wrong that way, never the other;
// it reads data once (a regular expression here cost a tenth of the time
// to make a workbook).
func mayHoldFraction(data []byte) bool {
	for i, c := range data {
		if c != ':' {
			continue
		}
		// The key before the colon, without its quotes.
		end := i
		for end > 0 && (data[end-1] == ' ' || data[end-1] == '\t') {
			end--
		}
		if end > 0 && (data[end-1] == '"' || data[end-1] == '\'') {
			end--
		}
		start := end
		for start > 0 && data[start-1] >= 'a' && data[start-1] <= 'z' {
			start--
		}
		if !wholeNumbers[string(data[start:end])] {
			continue
		}
		// The value after it.
		j := i + 1
		for j < len(data) && (data[j] == ' ' || data[j] == '\t' || data[j] == '"' || data[j] == '\'') {
			j++
		}
		if j < len(data) && (data[j] == '-' || data[j] == '+') {
			j++
		}
		for j < len(data) && data[j] >= '0' && data[j] <= '9' {
			j++
		}
		if j < len(data) && (data[j] == '.' || data[j] == 'e' || data[j] == 'E') {
			return true
		}
	}
	return false
}

// fieldOf returns `"key": ` for the start of a YAML line up to a point, or
// "" when it holds no key.
func fieldOf(line []byte) string {
	s := strings.TrimLeft(string(line), " -")
	if i := strings.Index(s, ":"); i > 0 && utf8.ValidString(s[:i]) && !strings.ContainsAny(s[:i], " \"'{[") {
		return fmt.Sprintf("%q: ", s[:i])
	}
	return ""
}

// Quote quotes a value someone gave for a message, as %q does, but at
// most its first 40 characters then "…" (words.Quote): a value of
// megabytes must not be repeated whole in a one-line error or a report.
func Quote(s string) string { return words.Quote(s) }
