package main

// The form decoder: a posted form becomes the command line's arguments.
//
// Every field is named exactly as a long option without its dashes, and
// its value goes through the command line's own parser, so a mistake reads
// the same on the page as in a terminal, and a form makes the same plan
// and the same PDF as the command line given the same options.

import (
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
)

// formFields are the fields a form may post, in the order the command line
// is built from them.
var formFields = []string{
	"weeks", "days", "weekdays", "focus", "level", "equipment", "no-floor",
	"minutes", "start", "review", "include", "exclude", "patient",
	"clinician", "clinic", "contact", "notes", "paper", "large-print",
}

// listFields take several values, sent as repeated fields (checkboxes) or
// comma-separated in one; they reach the option joined by commas.
var listFields = []string{"weekdays", "equipment", "include", "exclude"}

// switchFields are on/off options. A ticked checkbox sends "yes" (or a
// browser's "on"); an unticked one sends nothing, which means no.
var switchFields = []string{"no-floor", "large-print"}

// fieldError is a mistake in one field of a form, worded as the command
// line words it. Field is "" for a mistake that is about no one field.
type fieldError struct {
	Field string
	Msg   string
	Hint  string
}

// formErrors are a form's mistakes, one a field at most.
type formErrors []fieldError

func (fe formErrors) Error() string {
	var s []string
	for _, e := range fe {
		if e.Field != "" && !strings.HasPrefix(e.Msg, e.Field+":") {
			s = append(s, e.Field+": "+e.Msg)
		} else {
			s = append(s, e.Msg)
		}
		if e.Hint != "" {
			s = append(s, "hint: "+e.Hint)
		}
	}
	return strings.Join(s, "\n")
}

// byField returns the message for a field, or "".
func (fe formErrors) byField(field string) *fieldError {
	for i := range fe {
		if fe[i].Field == field {
			return &fe[i]
		}
	}
	return nil
}

// formArgs turns a form into command-line arguments, one --name=value for
// each field that has a value. An empty field means the option's default,
// except equipment: sent but with no value ticked, it means none, so
// unticking every box asks for no equipment. known says which options the
// command line has; a field it does not know is a mistake, as is a field
// that is not an option of a plan or a PDF at all.
func formArgs(form url.Values, known func(string) bool) ([]string, formErrors) {
	var errs formErrors
	var names []string
	for name := range form {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		if !slices.Contains(formFields, name) || !known(name) {
			errs = append(errs, fieldError{Msg: fmt.Sprintf("unknown field %q", clip(name, 40))})
		}
	}
	var args []string
	for _, name := range formFields {
		vals, ok := form[name]
		if !ok || !known(name) {
			continue
		}
		var v string
		switch {
		case slices.Contains(listFields, name):
			var parts []string
			for _, s := range vals {
				if strings.TrimSpace(s) != "" {
					parts = append(parts, s)
				}
			}
			v = strings.Join(parts, ",")
			if v == "" && name == "equipment" {
				v = "none"
			}
		case len(vals) > 1:
			errs = append(errs, fieldError{Field: name, Msg: name + " is given more than once"})
			continue
		default:
			v = vals[0]
			if slices.Contains(switchFields, name) && strings.EqualFold(strings.TrimSpace(v), "on") {
				v = "yes"
			}
		}
		if strings.TrimSpace(v) == "" {
			continue
		}
		args = append(args, "--"+name+"="+v)
	}
	return args, errs
}

// decodeChoice turns a form into a choice, checking each field on its own
// first so that every field's mistake can be shown beside it at once.
func decodeChoice(form url.Values) (choice, error) {
	args, errs := formArgs(form, knownOption)
	for _, a := range args {
		if _, err := parseChoice([]string{a}); err != nil {
			name := strings.TrimPrefix(a[:strings.IndexByte(a, '=')], "--")
			errs = append(errs, fieldError{Field: name, Msg: oneLine(err.Error()), Hint: hintFor(err)})
		}
	}
	if len(errs) > 0 {
		return choice{}, errs
	}
	ch, err := parseChoice(args)
	if err != nil {
		// Options that cannot go together: the command line's words, with
		// the fields named as the page names them.
		msg := optionName.ReplaceAllStringFunc(oneLine(err.Error()), func(o string) string {
			if slices.Contains(formFields, o[2:]) {
				return o[2:]
			}
			return o
		})
		return choice{}, formErrors{{Msg: msg, Hint: hintFor(err)}}
	}
	return ch, nil
}

var optionName = regexp.MustCompile(`--[a-z][a-z-]*`)

// planErrors words an error from building a plan for the page: beside its
// field when it is about one.
func planErrors(err error) formErrors {
	var fe formErrors
	if errors.As(err, &fe) {
		return fe
	}
	field := errorField(err)
	if !slices.Contains(formFields, field) {
		field = ""
	}
	return formErrors{{Field: field, Msg: oneLine(err.Error()), Hint: hintFor(err)}}
}

// clip shortens s to at most n bytes, on a rune boundary, for a message.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

func utf8RuneStart(b byte) bool { return b&0xC0 != 0x80 }

// errTooLarge is a body over its limit: 413.
var errTooLarge = errors.New("too large")

// readUpload reads a multipart/form-data body in memory (never to disk):
// the file in field fileField and the other fields as a form. The body is
// already bounded by the caller.
func readUpload(body io.Reader, contentType, fileField string) (form url.Values, file []byte, fileName string, err error) {
	mt, params, err := mime.ParseMediaType(contentType)
	if err != nil || mt != "multipart/form-data" || params["boundary"] == "" {
		return nil, nil, "", fmt.Errorf("send the %s file as multipart/form-data", fileField)
	}
	mr := multipart.NewReader(body, params["boundary"])
	form = url.Values{}
	seen := false
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, nil, "", bodyErr(err)
		}
		data, err := io.ReadAll(part)
		if err != nil {
			return nil, nil, "", bodyErr(err)
		}
		name := part.FormName()
		if name == fileField {
			if seen {
				return nil, nil, "", fmt.Errorf("send one %s file", fileField)
			}
			seen = true
			file, fileName = data, part.FileName()
			continue
		}
		form.Add(name, string(data))
	}
	if !seen || len(file) == 0 {
		return nil, nil, "", fmt.Errorf("choose a %s file to upload", fileField)
	}
	return form, file, fileName, nil
}

// bodyErr turns a body over its limit into errTooLarge.
func bodyErr(err error) error {
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return errTooLarge
	}
	return fmt.Errorf("the upload is broken: %v", err)
}
