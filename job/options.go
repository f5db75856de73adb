package job

import (
	"errors"
	"fmt"
	"net/mail"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/backplan/backplan/internal/i18n"
	"github.com/backplan/backplan/plan"
	"github.com/backplan/backplan/render"
)

// Options are the choices for one workbook: the plan's, the print's and
// how it reaches the patient. The zero value means every default;
// Render.Paper "" means the default paper, which the front end fills in
// (DefaultPaper). Render.Logo and Render.Protect are no options of the
// table: the front end reads the logo (render.ParseLogo) and, for
// Send.Protect, draws the passphrase (Protect).
type Options struct {
	Plan   plan.Options
	Render render.Options
	Send   Send
	// Preset names the catalogue's preset to start from; Build fills in
	// the options it sets that were not given (see WithPreset).
	Preset string
	given  []string // the options set through the table, by name
}

// Send is how a workbook reaches the patient.
type Send struct {
	Email      string // the patient's address, the email draft's To; "" leaves it to the mail program
	Protect    bool   // lock the PDF with a passphrase (Protect draws one)
	AttachPlan bool   // attach the plan file to the email draft, for a colleague
}

// Print is how o's workbook is printed: its print options, with paper
// where it chose none (DefaultPaper, worked out by the front end).
func (o Options) Print(paper render.Paper) render.Options {
	ro := o.Render
	if ro.Paper == "" {
		ro.Paper = paper
	}
	return ro
}

// Build builds the plan o asks for from the catalogue, on the day today:
// the one way options become a plan, for every front end.
func Build(cat *plan.Catalog, o Options, today time.Time) (*plan.Plan, error) {
	if err := CheckSend(o); err != nil {
		return nil, err
	}
	o, err := o.WithPreset(cat)
	if err != nil {
		return nil, err
	}
	po := o.Plan
	po.Today = plan.DateOf(today)
	po.Preset = o.Preset
	po.LargePrint = o.Render.LargePrint
	if po.Lang != "" { // "" is English, the catalogue's own words
		var err error
		if cat, err = cat.Localized(po.Lang); err != nil {
			return nil, &Error{Option: "lang", Err: err}
		}
	}
	return plan.Build(cat, po)
}

// CheckSend refuses choices about sending that cannot go together or
// would give the patient away (Build checks them; a front end printing a
// saved plan asks itself): the plan file attached beside a protected
// workbook, which it would leave open to read, and a clinic link that
// holds the patient's name or address, printed in every copy.
func CheckSend(o Options) error {
	if o.Send.AttachPlan && o.Send.Protect {
		return &Error{Option: "eml-plan", Err: errors.New("the plan file cannot be protected, so it cannot go with a protected workbook; send it separately")}
	}
	link := strings.ToLower(o.Render.ClinicURL)
	if link == "" {
		return nil
	}
	tokens := strings.FieldsFunc(link, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	notLetter := func(r rune) bool { return !unicode.IsLetter(r) }
	who := strings.FieldsFunc(strings.ToLower(o.Plan.Patient.Name), notLetter)
	if addr, _, ok := strings.Cut(strings.ToLower(o.Send.Email), "@"); ok {
		who = append(who, strings.FieldsFunc(strings.TrimLeft(addr, "\"<"), notLetter)...)
	}
	for _, w := range who {
		if len([]rune(w)) >= 3 && slices.Contains(tokens, w) {
			return &Error{Option: "clinic-url", Err: fmt.Errorf("clinic-url holds %q, from the patient's name or address; the clinic's link is printed for every patient, so it must name no one", w)}
		}
	}
	return nil
}

// Group says what an option is about.
type Group int

// The groups of options.
const (
	PlanGroup    Group = iota + 1 // the plan's shape
	PatientGroup                  // who the workbook is for, printed in it
	PrintGroup                    // how the workbook is printed
	SendGroup                     // how the workbook reaches the patient
)

// Kind is how an option's value is written.
type Kind int

// The kinds of value.
const (
	Number Kind = iota + 1 // a whole number above 0
	Text                   // any text
	Choice                 // one word of a few
	List                   // words separated by commas
	Switch                 // yes or no (true, false, 1 and 0 too)
	Date                   // YYYY-MM-DD
)

// Option is one row of the table: an option's name, what it is about and
// how its value is written, and how it is set.
type Option struct {
	Name  string // as a clinician types it: "weeks", "no-floor"
	Group Group
	Kind  Kind
	Does  string // what it sets, in a few words
	set   func(name string, o *Options, v string) error
}

// Set parses v and sets the option in o. A List value replaces the list
// (a front end that lets an option be given more than once joins the
// values with commas first). An error is an *Error about the option.
func (op Option) Set(o *Options, v string) error {
	if err := op.set(op.Name, o, v); err != nil {
		return &Error{Option: op.Name, Err: err}
	}
	if !slices.Contains(o.given, op.Name) {
		o.given = append(slices.Clip(o.given), op.Name)
	}
	return nil
}

// Given reports whether the option called name was set in o through the
// table (Option.Set), rather than left at its default or filled in by a
// preset.
func (o Options) Given(name string) bool { return slices.Contains(o.given, name) }

// table is the options, in the order help, forms and rosters list them.
var table = []Option{
	{"preset", PlanGroup, Choice, "a starting point for a common presentation", setPreset},
	{"weeks", PlanGroup, Number, "weeks in the plan", number(func(o *Options) *int { return &o.Plan.Weeks })},
	{"days", PlanGroup, Number, "training days a week", number(func(o *Options) *int { return &o.Plan.Days })},
	{"weekdays", PlanGroup, List, "the days of the week to train on", setWeekdays},
	{"focus", PlanGroup, Choice, "what the plan leans on", setFocus},
	{"level", PlanGroup, Choice, "how used to exercise the patient is", setLevel},
	{"equipment", PlanGroup, List, "the equipment the patient has", setEquipment},
	{"no-floor", PlanGroup, Switch, "only standing and seated exercises", switchOf(func(o *Options) *bool { return &o.Plan.NoFloor })},
	{"minutes", PlanGroup, Number, "minutes a session", number(func(o *Options) *int { return &o.Plan.Minutes })},
	{"start", PlanGroup, Date, "the first day", date(func(o *Options) *plan.Date { return &o.Plan.Start })},
	{"review", PlanGroup, Date, "the next appointment", date(func(o *Options) *plan.Date { return &o.Plan.Review })},
	{"include", PlanGroup, List, "exercises the plan must use", ids(func(o *Options) *[]string { return &o.Plan.Include })},
	{"exclude", PlanGroup, List, "exercises to leave out", ids(func(o *Options) *[]string { return &o.Plan.Exclude })},
	{"dose", PlanGroup, List, "an exercise's own start and top dose: row-band=2 sets of 8 to 3 sets of 12", setDoses},
	{"order", PlanGroup, List, "the order of the exercises in a session", ids(func(o *Options) *[]string { return &o.Plan.Order })},
	{"patient", PatientGroup, Text, "the patient's name", text(func(o *Options) *string { return &o.Plan.Patient.Name })},
	{"clinician", PatientGroup, Text, "the clinician's name", text(func(o *Options) *string { return &o.Plan.Patient.Clinician })},
	{"clinic", PatientGroup, Text, "the clinic", text(func(o *Options) *string { return &o.Plan.Patient.Clinic })},
	{"contact", PatientGroup, Text, "how to reach the clinician", text(func(o *Options) *string { return &o.Plan.Patient.Contact })},
	{"notes", PatientGroup, Text, "notes for the patient", text(func(o *Options) *string { return &o.Plan.Patient.Notes })},
	{"lang", PatientGroup, Choice, "the workbook's language: " + strings.Join(i18n.Languages(), " or "), setLang},
	{"paper", PrintGroup, Choice, "a4 or letter", setPaper},
	{"large-print", PrintGroup, Switch, "bigger text and boxes", switchOf(func(o *Options) *bool { return &o.Render.LargePrint })},
	{"clinic-url", PrintGroup, Text, "a link to the clinic's videos, a QR code on the cover", setClinicURL},
	{"email", SendGroup, Text, "the patient's email address, for the email draft", setEmail},
	{"protect", SendGroup, Switch, "lock the PDF with a passphrase", switchOf(func(o *Options) *bool { return &o.Send.Protect })},
	{"eml-plan", SendGroup, Switch, "attach the plan file to the email draft", switchOf(func(o *Options) *bool { return &o.Send.AttachPlan })},
}

// Table returns the options, in order.
func Table() []Option { return append([]Option(nil), table...) }

// Lookup returns the option called name.
func Lookup(name string) (Option, bool) {
	for _, op := range table {
		if op.Name == name {
			return op, true
		}
	}
	return Option{}, false
}

// Names returns the names of the options in the groups given, in order.
func Names(groups ...Group) []string {
	var out []string
	for _, op := range table {
		for _, g := range groups {
			if op.Group == g {
				out = append(out, op.Name)
			}
		}
	}
	return out
}

// number parses a whole number. It leaves ranges to the planner, which
// knows them, and words those it refuses itself as the planner does: 0,
// which plan.Options reads as "not given", and numbers too long to read.
func number(field func(*Options) *int) func(string, *Options, string) error {
	return func(name string, o *Options, s string) error {
		v, err := strconv.Atoi(strings.TrimSpace(s))
		if errors.Is(err, strconv.ErrRange) || err == nil && v == 0 {
			return plan.OutOfRange(name, s) // a whole number, outside the range
		}
		if err != nil {
			return fmt.Errorf("%s must be a whole number, got %s", name, plan.Quote(s))
		}
		*field(o) = v
		return nil
	}
}

func text(field func(*Options) *string) func(string, *Options, string) error {
	return func(_ string, o *Options, s string) error {
		*field(o) = s
		return nil
	}
}

// switchOf parses yes or no; true, false, 1 and 0 too, as a roster cell
// might say.
func switchOf(field func(*Options) *bool) func(string, *Options, string) error {
	return func(name string, o *Options, s string) error {
		switch strings.ToLower(strings.TrimSpace(s)) {
		case "true", "yes", "1":
			*field(o) = true
		case "false", "no", "0":
			*field(o) = false
		default:
			return fmt.Errorf("%s must be yes or no, got %s", name, plan.Quote(s))
		}
		return nil
	}
}

func date(field func(*Options) *plan.Date) func(string, *Options, string) error {
	return func(name string, o *Options, s string) error {
		d, err := plan.ParseDate(s)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		*field(o) = d
		return nil
	}
}

// items splits a list at its commas, trimming each item and dropping the
// empty ones.
func items(s string) []string {
	var out []string
	for _, item := range strings.Split(s, ",") {
		if item = strings.TrimSpace(item); item != "" {
			out = append(out, item)
		}
	}
	return out
}

// ids sets a list of exercise ids; the planner checks them against the
// catalogue.
func ids(field func(*Options) *[]string) func(string, *Options, string) error {
	return func(_ string, o *Options, s string) error {
		*field(o) = items(s)
		return nil
	}
}

// setPreset takes a preset's name; Build checks it against the catalogue.
func setPreset(_ string, o *Options, s string) error {
	o.Preset = strings.ToLower(strings.TrimSpace(s))
	return nil
}

// setDoses sets the exercises' own doses, each written as
// plan.ParseDoseChange reads it; the planner checks the ids.
func setDoses(name string, o *Options, s string) error {
	var out []plan.DoseChange
	for _, item := range items(s) {
		c, err := plan.ParseDoseChange(item)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		out = append(out, c)
	}
	o.Plan.Doses = out
	return nil
}

func setWeekdays(_ string, o *Options, s string) error {
	days, err := plan.ParseWeekdays(s)
	if err != nil {
		return err
	}
	o.Plan.Weekdays = days
	return nil
}

func setFocus(_ string, o *Options, s string) (err error) {
	// The page's words may carry a note in brackets: "Core (trunk)".
	if i := strings.Index(s, " ("); i > 0 && strings.HasSuffix(strings.TrimSpace(s), ")") {
		s = s[:i]
	}
	o.Plan.Focus, err = plan.ParseFocus(s)
	return err
}

func setLevel(_ string, o *Options, s string) (err error) {
	o.Plan.Level, err = plan.ParseLevel(s)
	return err
}

func setEquipment(_ string, o *Options, s string) (err error) {
	o.Plan.Equipment, err = plan.ParseEquipment(equipmentCodes(s))
	return err
}

// equipmentCodes turns the page's words for equipment ("a resistance
// band", "a cable machine") into their codes, so that a roster may use
// either; other words are left for the parser to judge.
func equipmentCodes(s string) string {
	parts := strings.Split(s, ",")
	for i, part := range parts {
		w := strings.ToLower(strings.Join(strings.Fields(part), " "))
		w = strings.TrimPrefix(strings.TrimPrefix(w, "a "), "an ")
		for _, e := range plan.EquipmentKinds {
			noun := strings.TrimPrefix(e.Noun(), "a ")
			if w == noun || w == strings.TrimSuffix(noun, "s") {
				parts[i] = string(e)
			}
		}
	}
	return strings.Join(parts, ",")
}

func setClinicURL(name string, o *Options, s string) error {
	s = strings.TrimSpace(s)
	if err := plan.CheckLink(s); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	o.Render.ClinicURL = s
	return nil
}

// setEmail takes one address, as ana@example.com or Ana Ruiz
// <ana@example.com>.
func setEmail(name string, o *Options, s string) error {
	a, err := mail.ParseAddress(strings.TrimSpace(s))
	if err != nil || strings.ContainsAny(a.Address, " ,;") {
		return fmt.Errorf("%s: %s is not one email address (write it as ana@example.com)", name, plan.Quote(s))
	}
	o.Send.Email = a.Address
	if a.Name != "" {
		o.Send.Email = a.String()
	}
	return nil
}

// Language is one of the workbook's languages: its tag ("es") and its
// name in itself ("Español"), for a front end's list.
type Language struct{ Tag, Name string }

// Languages lists the workbook's languages, English first.
func Languages() []Language {
	set, err := i18n.Builtin()
	if err != nil {
		return nil
	}
	var out []Language
	for _, tag := range set.Names() {
		l, _ := set.Match(tag)
		out = append(out, Language{tag, l.T("lang.name")})
	}
	return out
}

// setLang takes a language the workbook has, as a tag in any case ("es",
// "ES", "es-MX"), and keeps its own tag.
func setLang(_ string, o *Options, s string) error {
	set, err := i18n.Builtin()
	if err != nil {
		return err
	}
	l, err := set.Match(s)
	if err != nil {
		return err
	}
	o.Plan.Lang = l.Tag()
	if o.Plan.Lang == i18n.Reference {
		o.Plan.Lang = "" // English, as a plan without the setting
	}
	return nil
}

func setPaper(_ string, o *Options, s string) (err error) {
	o.Render.Paper, err = ParsePaper(s)
	return err
}

// ParsePaper returns the paper named s: a4 or letter, in any case.
func ParsePaper(s string) (render.Paper, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "a4":
		return render.A4, nil
	case "letter":
		return render.Letter, nil
	}
	return "", fmt.Errorf("unknown paper %s (choose a4 or letter)", plan.Quote(s))
}
