// Package i18n holds every sentence the workbook prints, in a message file
// per language (messages/en.txt, messages/es.txt, ...), and puts them
// together: named placeholders, CLDR plural forms and dates from each
// language's own tables of weekday and month names.
//
// A message file is UTF-8 text, one message a line:
//
//	# a comment
//	cover.for = For
//	count.week[one] = {n} week
//	count.week[other] = {n} weeks
//	date.long = {weekday} {day} {month} {year}
//
// A key with a form in brackets is a plural message: it has one line for
// each CLDR plural category the language gives whole numbers (English and
// Spanish one and other, Polish one, few and many, Romanian one, few and
// other), and {n} is the count. English (en.txt) is the reference: Load
// refuses a language that lacks one of its keys, has a key it does not,
// uses other placeholders in a message, or misses a plural form its
// language needs, each with the file and line. Adding a language is
// adding its file; no code changes.
package i18n

import (
	"bufio"
	"bytes"
	"embed"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/backplan/backplan/internal/words"
	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
)

// Reference is the language every other is checked against.
const Reference = "en"

//go:embed messages/*.txt
var embedded embed.FS

// Set is the languages of a set of message files.
type Set struct {
	langs   map[string]*Lang
	names   []string // sorted, Reference first
	matcher language.Matcher
	tags    []language.Tag // in the order of names
}

// Lang is one language's messages.
type Lang struct {
	tag  language.Tag
	name string
	msgs map[string]*message
}

// message is one message: its text, or its plural forms.
type message struct {
	text  string
	forms map[plural.Form]string
	line  int
}

var builtin = sync.OnceValues(func() (*Set, error) {
	sub, err := fs.Sub(embedded, "messages")
	if err != nil {
		return nil, err
	}
	return Load(sub)
})

// Builtin returns the languages the workbook is made with: the message
// files embedded in the program.
func Builtin() (*Set, error) { return builtin() }

// WithBuiltin returns the built-in languages and those of the message
// files in dir, checked alike: a clinic's or a translator's new language
// before it is built in.
func WithBuiltin(dir fs.FS) (*Set, error) {
	sub, err := fs.Sub(embedded, "messages")
	if err != nil {
		return nil, err
	}
	return Load(sub, dir)
}

// Languages lists the tags of the built-in languages, English first; nil
// if they do not load (which a test keeps from happening).
func Languages() []string {
	s, err := Builtin()
	if err != nil {
		return nil
	}
	return s.Names()
}

// Load reads every *.txt message file at the top of each of dirs, each
// named by its language tag (es.txt, pt-BR.txt), and checks each against
// the reference, en.txt, which one of them must hold. A language may
// have one file only.
func Load(dirs ...fs.FS) (*Set, error) {
	s := &Set{langs: map[string]*Lang{}}
	for _, fsys := range dirs {
		files, err := fs.Glob(fsys, "*.txt")
		if err != nil {
			return nil, err
		}
		for _, f := range files {
			data, err := fs.ReadFile(fsys, f)
			if err != nil {
				return nil, err
			}
			l, err := Parse(f, data)
			if err != nil {
				return nil, err
			}
			if _, dup := s.langs[l.name]; dup {
				return nil, fmt.Errorf("%s: a second file for language %q", f, l.name)
			}
			s.langs[l.name] = l
		}
	}
	ref, ok := s.langs[Reference]
	if !ok {
		return nil, fmt.Errorf("no %s.txt: the reference messages are missing", Reference)
	}
	for _, name := range slices.Sorted(maps.Keys(s.langs)) {
		if err := s.langs[name].check(ref); err != nil {
			return nil, err
		}
	}
	s.names = slices.Sorted(maps.Keys(s.langs))
	s.names = slices.DeleteFunc(s.names, func(n string) bool { return n == Reference })
	s.names = append([]string{Reference}, s.names...)
	for _, n := range s.names {
		s.tags = append(s.tags, s.langs[n].tag)
	}
	s.matcher = language.NewMatcher(s.tags)
	return s, nil
}

// Names lists the set's language tags, English first, then in order.
func (s *Set) Names() []string { return slices.Clone(s.names) }

// UnknownError is a language the set has no messages for.
type UnknownError struct {
	Lang  string
	Known []string
}

func (e *UnknownError) Error() string {
	return fmt.Sprintf("no workbook in language %s (choose %s)", words.Quote(e.Lang), strings.Join(e.Known, ", "))
}

// Match returns the set's language for s, a language tag in any case
// ("es", "ES", "es-MX"), or an *UnknownError listing the languages it has.
// "" is English.
func (s *Set) Match(name string) (*Lang, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return s.langs[Reference], nil
	}
	t, err := language.Parse(name)
	if err != nil {
		return nil, &UnknownError{name, s.Names()}
	}
	if l, ok := s.langs[t.String()]; ok {
		return l, nil
	}
	_, i, conf := s.matcher.Match(t)
	if conf < language.High {
		return nil, &UnknownError{name, s.Names()}
	}
	return s.langs[s.names[i]], nil
}

// Tag is the language's tag, as its file is named: "en", "es".
func (l *Lang) Tag() string { return l.name }

// Parse reads one message file, named file (its language tag and
// ".txt"). It checks the form of the lines, not the keys.
func Parse(file string, data []byte) (*Lang, error) {
	base := path.Base(file)
	name := strings.TrimSuffix(base, ".txt")
	tag, err := language.Parse(name)
	if err != nil || tag.String() != name {
		return nil, fmt.Errorf("%s: the file is not named by a language tag (such as es.txt or pt-BR.txt)", base)
	}
	if !utf8.Valid(data) {
		return nil, fmt.Errorf("%s: not valid UTF-8 text (save the file as UTF-8)", base)
	}
	l := &Lang{tag: tag, name: name, msgs: map[string]*message{}}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if err := l.add(line, n); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", base, n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", base, err)
	}
	return l, nil
}

// formNames are the plural forms as a message file writes them.
var formNames = map[string]plural.Form{
	"zero": plural.Zero, "one": plural.One, "two": plural.Two,
	"few": plural.Few, "many": plural.Many, "other": plural.Other,
}

func formName(f plural.Form) string {
	for k, v := range formNames {
		if v == f {
			return k
		}
	}
	return "?"
}

// add adds one line, "key = text" or "key[form] = text".
func (l *Lang) add(line string, n int) error {
	key, text, ok := strings.Cut(line, "=")
	if !ok {
		return fmt.Errorf("%q is not a message (write key = text)", line)
	}
	key, text = strings.TrimSpace(key), strings.TrimSpace(text)
	form := ""
	if i := strings.IndexByte(key, '['); i >= 0 && strings.HasSuffix(key, "]") {
		key, form = key[:i], key[i+1:len(key)-1]
	}
	if key == "" || strings.ContainsAny(key, " \t[]{}") {
		return fmt.Errorf("%q is not a key (use letters, digits, dots and dashes)", key)
	}
	if err := checkBraces(text); err != nil {
		return fmt.Errorf("%s: %w", key, err)
	}
	m := l.msgs[key]
	if m == nil {
		m = &message{line: n}
		l.msgs[key] = m
	}
	if form == "" {
		if m.forms != nil || m.text != "" {
			return fmt.Errorf("%s: a second message for the key", key)
		}
		if text == "" {
			return fmt.Errorf("%s: an empty message", key)
		}
		m.text = text
		return nil
	}
	f, ok := formNames[form]
	if !ok {
		return fmt.Errorf("%s: unknown plural form %q (use zero, one, two, few, many or other)", key, form)
	}
	if m.text != "" {
		return fmt.Errorf("%s: both a plain message and plural forms", key)
	}
	if m.forms == nil {
		m.forms = map[plural.Form]string{}
	}
	if _, dup := m.forms[f]; dup {
		return fmt.Errorf("%s[%s]: a second message for the form", key, form)
	}
	m.forms[f] = text
	return nil
}

// checkBraces refuses an unclosed or nested placeholder.
func checkBraces(text string) error {
	open := false
	for _, r := range text {
		switch {
		case r == '{' && open, r == '}' && !open:
			return fmt.Errorf("a stray %q in %q", r, text)
		case r == '{':
			open = true
		case r == '}':
			open = false
		}
	}
	if open {
		return fmt.Errorf("an unclosed placeholder in %q", text)
	}
	return nil
}

// placeholders are the names between braces in a message, all its forms
// together, sorted.
func (m *message) placeholders() []string {
	texts := []string{m.text}
	for _, t := range m.forms {
		texts = append(texts, t)
	}
	set := map[string]bool{}
	for _, t := range texts {
		for {
			i := strings.IndexByte(t, '{')
			if i < 0 {
				break
			}
			j := strings.IndexByte(t[i:], '}')
			set[t[i+1:i+j]] = true
			t = t[i+j+1:]
		}
	}
	return slices.Sorted(maps.Keys(set))
}

// Forms are the plural forms lang gives the whole numbers a workbook
// prints (0 to 1000), in order.
func Forms(tag language.Tag) []plural.Form {
	set := map[plural.Form]bool{}
	for n := range 1001 {
		set[plural.Cardinal.MatchPlural(tag, n, 0, 0, 0, 0)] = true
	}
	return slices.Sorted(maps.Keys(set))
}

// check compares l with the reference: the same keys, plain or plural
// alike, the same placeholders, and a plural form for each category l's
// language gives whole numbers (and no other, "other" aside).
func (l *Lang) check(ref *Lang) error {
	file := l.name + ".txt"
	for _, key := range slices.Sorted(maps.Keys(ref.msgs)) {
		if _, ok := l.msgs[key]; !ok {
			return fmt.Errorf("%s: no message %q (%s.txt:%d has it)", file, key, ref.name, ref.msgs[key].line)
		}
	}
	need := Forms(l.tag)
	for _, key := range slices.Sorted(maps.Keys(l.msgs)) {
		m := l.msgs[key]
		r, ok := ref.msgs[key]
		if !ok {
			return fmt.Errorf("%s:%d: %q is not a message of %s.txt; remove it", file, m.line, key, ref.name)
		}
		if (m.forms == nil) != (r.forms == nil) {
			return fmt.Errorf("%s:%d: %q must be plural in every language or in none", file, m.line, key)
		}
		if got, want := m.placeholders(), r.placeholders(); !slices.Equal(got, want) {
			return fmt.Errorf("%s:%d: %q has placeholders {%s}, %s.txt has {%s}", file, m.line, key,
				strings.Join(got, "} {"), ref.name, strings.Join(want, "} {"))
		}
		if m.forms == nil {
			continue
		}
		for _, f := range need {
			if _, ok := m.forms[f]; !ok {
				return fmt.Errorf("%s:%d: %q has no %q form, which %s needs", file, m.line, key, formName(f), l.name)
			}
		}
		for f := range m.forms {
			if f != plural.Other && !slices.Contains(need, f) {
				return fmt.Errorf("%s:%d: %q has a %q form, which %s does not use", file, m.line, key, formName(f), l.name)
			}
		}
	}
	return nil
}

// T is the message key with its placeholders filled from args, pairs of
// a name and a value: T("cover.questions", "contact", c). A key the
// language lacks (which Load never lets happen) comes out as "{key}".
func (l *Lang) T(key string, args ...any) string {
	m, ok := l.msgs[key]
	if !ok {
		return "{" + key + "}"
	}
	text := m.text
	if m.forms != nil {
		text = m.forms[plural.Other]
	}
	return fill(text, args)
}

// N is the plural message key for the count n, which fills {n}, with
// its other placeholders filled from args.
func (l *Lang) N(key string, n int, args ...any) string {
	m, ok := l.msgs[key]
	if !ok {
		return "{" + key + "}"
	}
	text := m.text
	if m.forms != nil {
		f := plural.Cardinal.MatchPlural(l.tag, max(n, -n), 0, 0, 0, 0)
		t, ok := m.forms[f]
		if !ok {
			t = m.forms[plural.Other]
		}
		text = t
	}
	return fill(text, append([]any{"n", n}, args...))
}

// fill puts args' values in text's placeholders.
func fill(text string, args []any) string {
	if !strings.Contains(text, "{") {
		return text
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(text, '{')
		if i < 0 {
			break
		}
		j := strings.IndexByte(text[i:], '}') + i
		b.WriteString(text[:i])
		name := text[i+1 : j]
		v, found := any(nil), false
		for k := 0; k+1 < len(args); k += 2 {
			if args[k] == name {
				v, found = args[k+1], true
				break
			}
		}
		if found {
			fmt.Fprint(&b, v)
		} else {
			b.WriteString(text[i : j+1])
		}
		text = text[j+1:]
	}
	b.WriteString(text)
	return b.String()
}

// Date is d in the date pattern key ("date.long"), whose placeholders
// are {weekday} and {wd} (its name, long and short), {day}, {month} and
// {mon} (long and short) and {year}, from the language's own tables:
// "Monday 7 December 2026", "lunes 7 de diciembre de 2026".
func (l *Lang) Date(key string, d time.Time) string {
	wd := strconv.Itoa(int(d.Weekday()))
	mo := strconv.Itoa(int(d.Month()))
	return l.T(key,
		"weekday", l.T("weekday."+wd), "wd", l.T("weekday.short."+wd),
		"day", d.Day(), "month", l.T("month."+mo), "mon", l.T("month.short."+mo),
		"year", d.Year())
}

// Weekday is the day's name, long or short.
func (l *Lang) Weekday(d time.Weekday, short bool) string {
	if short {
		return l.T("weekday.short." + strconv.Itoa(int(d)))
	}
	return l.T("weekday." + strconv.Itoa(int(d)))
}

// And joins items as the language lists them: "a, b and c".
func (l *Lang) And(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return l.T("list.and", "rest", strings.Join(items[:len(items)-1], l.T("list.comma")+" "), "last", items[len(items)-1])
}

// Keys lists the language's message keys, sorted (for tests).
func (l *Lang) Keys() []string { return slices.Sorted(maps.Keys(l.msgs)) }

// Texts lists every text of the language, plural forms included (for
// tests that look for one language's sentences in another's workbook).
func (l *Lang) Texts() map[string][]string {
	out := map[string][]string{}
	for k, m := range l.msgs {
		if m.forms == nil {
			out[k] = []string{m.text}
			continue
		}
		for _, f := range slices.Sorted(maps.Keys(m.forms)) {
			out[k] = append(out[k], m.forms[f])
		}
	}
	return out
}
