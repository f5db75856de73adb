package serve

// The form. Every field is an option of job's table, named as the option
// (weeks, no-floor, large-print), and its value goes through the table's
// own parser, so a form makes the same plan and the same PDF as the
// command line given the same choices. The page words the mistakes its
// own way: beside the field, under the field's label, with hints that
// name the page's fields.

import (
	"fmt"
	"maps"
	"net/url"
	"slices"
	"strings"

	"github.com/backplan/backplan/job"
)

// labels are the page's names for the fields, as its form shows them.
var labels = map[string]string{
	"preset": "Start from", "weeks": "Weeks", "days": "Days a week", "weekdays": "Days of the week", "focus": "Focus",
	"level": "Level", "equipment": "Equipment at home", "no-floor": "No floor work",
	"minutes": "Minutes a session", "start": "First day", "review": "Next appointment",
	"include": "Use", "exclude": "Leave out", "dose": "Dose", "order": "Order", "patient": "Patient's name", "clinician": "Clinician",
	"clinic": "Clinic", "contact": "Contact", "notes": "Notes", "lang": "Language", "paper": "Paper", "large-print": "Large print",
	"clinic-url": "Clinic's video link", "email": "Patient's email", "protect": "Protect with a passphrase",
	"eml-plan": "Attach the plan file", "logo": "Clinic's logo",
}

// pageWords name options as the page's fields, for hints.
var pageWords = job.Words{
	Option: func(name string) string { return "“" + labels[name] + "”" },
	IDs:    "the list under Choose exercises shows the ids",
}

// fieldError is a mistake in one field of a form. Field is "" for a
// mistake that is about no one field.
type fieldError struct {
	Field string // the field's name, as the option's
	Msg   string
	Hint  string
}

// Label is the field's label on the page, or "" for no field.
func (e fieldError) Label() string { return labels[e.Field] }

// mistake is a fieldError for field from err's message. The messages of
// job and plan name their option ("include: unknown exercise …") so that
// they read alone; the page and the plain text name the field themselves,
// so that prefix goes here, once for every field and every message.
func mistake(field string, err error) fieldError {
	msg := oneLine(err.Error())
	if field != "" {
		msg = strings.TrimPrefix(msg, field+": ")
	}
	return fieldError{Field: field, Msg: msg}
}

// formErrors are a form's mistakes, one a field at most.
type formErrors []fieldError

// Error is the mistakes for a program, not a browser: a line each, the
// field's name first ("weeks: …") unless the message opens with it
// ("weeks must be …"), each hint on a line of its own.
func (fe formErrors) Error() string {
	var s []string
	for _, e := range fe {
		if e.Field != "" && !strings.HasPrefix(e.Msg, e.Field+" ") {
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

// byField returns the mistake in a field, or nil when it has none.
func (fe formErrors) byField(field string) *fieldError {
	for i := range fe {
		if fe[i].Field == field {
			return &fe[i]
		}
	}
	return nil
}

// value is one field of a form, ready for its option's parser.
type value struct {
	op job.Option
	v  string
}

// values reads a form's fields, in the table's order, those in allowed
// only: the checkboxes of a list field (and commas in one value) are
// joined by commas, a ticked switch ("on", as a browser sends it) is yes,
// and an empty field means the option's default, except equipment: sent
// but with no box ticked, it means none. A field not in allowed, or not an
// option at all, is a mistake, as is a field sent twice.
func values(form url.Values, allowed []string) ([]value, formErrors) {
	var errs formErrors
	for _, name := range slices.Sorted(maps.Keys(form)) {
		if !slices.Contains(allowed, name) {
			errs = append(errs, fieldError{Msg: fmt.Sprintf("unknown field %q", clip(name, 40))})
		}
	}
	var out []value
	for _, op := range job.Table() {
		vals, ok := form[op.Name]
		if !ok || !slices.Contains(allowed, op.Name) {
			continue
		}
		var v string
		switch {
		case op.Kind == job.List:
			v = strings.Join(slices.DeleteFunc(slices.Clone(vals), func(s string) bool { return strings.TrimSpace(s) == "" }), ",")
			if v == "" && op.Name == "equipment" {
				v = "none"
			}
		case len(vals) > 1:
			errs = append(errs, fieldError{Field: op.Name, Msg: op.Name + " is given more than once"})
			continue
		default:
			v = vals[0]
			if op.Kind == job.Switch && strings.EqualFold(strings.TrimSpace(v), "on") {
				v = "yes"
			}
		}
		if strings.TrimSpace(v) != "" {
			out = append(out, value{op, v})
		}
	}
	return out, errs
}

// decode turns a form into options: every field through its option's
// parser, so that every field's mistake shows at once. Ticked days of the
// week set how many days there are, so a form may not give both.
func decode(form url.Values, allowed []string) (job.Options, formErrors) {
	vals, errs := values(form, allowed)
	var o job.Options
	for _, fv := range vals {
		if err := fv.op.Set(&o, fv.v); err != nil {
			errs = append(errs, mistake(fv.op.Name, err))
		}
	}
	if o.Plan.Days != 0 && len(o.Plan.Weekdays) > 0 && errs.byField("days") == nil {
		errs = append(errs, fieldError{Field: "days",
			Msg: "the days of the week ticked set the number of days, so leave “Days a week” empty"})
	}
	if errs != nil {
		return job.Options{}, errs
	}
	return o, nil
}

// planErrors words an error from building or drawing a plan for the page:
// beside its field when it is about one.
func planErrors(err error) formErrors {
	field := job.OptionOf(err)
	if labels[field] == "" {
		field = ""
	}
	fe := mistake(field, err)
	fe.Hint = pageWords.Hint(err)
	return formErrors{fe}
}

// oneLine makes a message one line.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// clip shortens s to at most n bytes, on a rune boundary, for a message.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && s[n]&0xC0 == 0x80 {
		n--
	}
	return s[:n] + "…"
}
