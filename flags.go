package main

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/pflag"

	"github.com/backplan/backplan/plan"
	"github.com/backplan/backplan/render"
)

// config is the command line, parsed. Flags only parse values: whether a
// number or a date is in range is the planner's rule (plan.Options), and
// which options go together is modes.go's.
type config struct {
	opts       plan.Options
	paper      render.Paper
	largePrint bool
	out        string
	catalog    string
	savePlan   string
	from       string
	batch      string // the roster: one workbook per row
	outDir     string // where the batch's workbooks go
	jobs       int    // workbooks made at once; 0 means one per CPU
	list       bool
	figures    string // a PDF of every exercise's pictures
	preview    bool
	version    bool
	licenses   bool
	help       bool
	set        []string // the options given, by long name, in order
}

// parseArgs turns the command line into a config. The web form is turned
// into the same arguments, so it goes through the same parsers.
func parseArgs(args []string) (*config, error) {
	c := &config{out: "plan.pdf"}
	fs := c.flagSet()
	if err := fs.Parse(args); err != nil {
		return nil, flagError(err)
	}
	if fs.NArg() > 0 {
		return nil, usageErr(`put a value with spaces in quotes, as in --patient "Ana Ruiz"`,
			"unexpected argument %q (backplan takes only options)", fs.Arg(0))
	}
	fs.Visit(func(f *pflag.Flag) { c.set = append(c.set, f.Name) })
	for _, name := range []string{"out", "save-plan", "from", "catalog", "batch", "out-dir"} {
		if f := fs.Lookup(name); f.Changed && f.Value.String() == "" {
			if name == "out-dir" {
				return nil, usageErr("", "--%s needs a folder name", name)
			}
			return nil, usageErr("", "--%s needs a file name", name)
		}
	}
	return c, nil
}

// flagSet defines the options, each parsed straight into c. Every default is
// c's current value, so a roster row can start from a copy of the command
// line and set only its own cells, through the same parsers.
func (c *config) flagSet() *pflag.FlagSet {
	o := &c.opts
	fs := pflag.NewFlagSet("backplan", pflag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	fs.SortFlags = false

	fs.FuncP("weeks", "w", "", wholeNumber("weeks", &o.Weeks))
	fs.FuncP("days", "d", "", wholeNumber("days", &o.Days))
	fs.Func("minutes", "", wholeNumber("minutes", &o.Minutes))
	fs.FuncP("focus", "f", "", func(s string) (err error) {
		o.Focus, err = plan.ParseFocus(s)
		return err
	})
	fs.Func("level", "", func(s string) (err error) {
		o.Level, err = plan.ParseLevel(s)
		return err
	})
	listFlag(fs, "equipment", func(items []string) (err error) {
		o.Equipment, err = plan.ParseEquipment(strings.Join(items, ","))
		return err
	})
	boolFlag := func(name string, dst *bool) {
		fs.VarPF(yesNo{name, dst}, name, "", "").NoOptDefVal = "true"
	}
	boolFlag("no-floor", &o.NoFloor)
	fs.Func("start", "", func(s string) error {
		d, err := plan.ParseDate(s)
		if err != nil {
			return fmt.Errorf("start: %w", err)
		}
		o.Start = d
		return nil
	})
	fs.Func("review", "", func(s string) error {
		d, err := plan.ParseDate(s)
		if err != nil {
			return fmt.Errorf("review: %w", err)
		}
		o.Review = d
		return nil
	})
	listFlag(fs, "weekdays", func(items []string) (err error) {
		o.Weekdays, err = parseWeekdays(items)
		return err
	})
	listFlag(fs, "include", func(items []string) error {
		o.Include = items
		return nil
	})
	listFlag(fs, "exclude", func(items []string) error {
		o.Exclude = items
		return nil
	})

	fs.StringVarP(&o.Patient.Name, "patient", "p", o.Patient.Name, "")
	fs.StringVar(&o.Patient.Clinician, "clinician", o.Patient.Clinician, "")
	fs.StringVar(&o.Patient.Clinic, "clinic", o.Patient.Clinic, "")
	fs.StringVar(&o.Patient.Contact, "contact", o.Patient.Contact, "")
	fs.StringVar(&o.Patient.Notes, "notes", o.Patient.Notes, "")

	fs.StringVarP(&c.out, "out", "o", c.out, "")
	fs.Func("paper", "", func(s string) (err error) {
		c.paper, err = parsePaper(s)
		return err
	})
	boolFlag("large-print", &c.largePrint)
	fs.BoolVar(&c.preview, "preview", c.preview, "")
	fs.StringVar(&c.savePlan, "save-plan", c.savePlan, "")
	fs.StringVar(&c.from, "from", c.from, "")
	fs.StringVar(&c.batch, "batch", c.batch, "")
	fs.StringVar(&c.outDir, "out-dir", c.outDir, "")
	fs.Func("jobs", "", wholeNumber("jobs", &c.jobs))

	fs.BoolVar(&c.list, "list", c.list, "")
	fs.StringVar(&c.figures, "figures", c.figures, "")
	fs.StringVar(&c.catalog, "catalog", c.catalog, "")

	fs.BoolVar(&c.version, "version", c.version, "")
	fs.BoolVar(&c.licenses, "licenses", c.licenses, "")
	fs.BoolVarP(&c.help, "help", "h", c.help, "")
	return fs
}

// wholeNumber parses a whole number into dst. It leaves ranges to the
// planner, which knows them; it refuses only 0, which plan.Options reads as
// "not given".
func wholeNumber(name string, dst *int) func(string) error {
	return func(s string) error {
		v, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil {
			return fmt.Errorf("%s must be a whole number, got %q", name, s)
		}
		if v == 0 {
			return fmt.Errorf("%s must be at least 1, got 0", name)
		}
		*dst = v
		return nil
	}
}

// listFlag defines a list option: comma-separated, and repeatable, each use
// adding to the list (--equipment band --equipment dumbbells means both).
// The first use in a flag set replaces the list it started with, so a
// roster cell replaces the command line's list rather than adding to it.
// set is given the whole list so far, its items trimmed and empty ones
// dropped.
func listFlag(fs *pflag.FlagSet, name string, set func(items []string) error) {
	var items []string
	fs.Func(name, "", func(s string) error {
		for _, item := range strings.Split(s, ",") {
			if item = strings.TrimSpace(item); item != "" {
				items = append(items, item)
			}
		}
		return set(slices.Clone(items))
	})
}

// dayNames are the names --weekdays takes, in any case: the whole name or
// its first three letters.
var dayNames = func() map[string]time.Weekday {
	m := make(map[string]time.Weekday)
	for d := time.Sunday; d <= time.Saturday; d++ {
		name := strings.ToLower(d.String())
		m[name] = d
		m[name[:3]] = d
	}
	return m
}()

// parseWeekdays parses day names into days of the week, each once, in
// order from Monday.
func parseWeekdays(names []string) ([]time.Weekday, error) {
	if len(names) == 0 {
		return nil, errors.New("weekdays needs at least one day, as in mon,wed,fri")
	}
	var days []time.Weekday
	for _, n := range names {
		d, ok := dayNames[strings.ToLower(n)]
		if !ok {
			return nil, fmt.Errorf("unknown day %q (write mon, tue, wed, thu, fri, sat or sun, or the whole name)", n)
		}
		if !slices.Contains(days, d) {
			days = append(days, d)
		}
	}
	fromMonday := func(d time.Weekday) int { return (int(d) + 6) % 7 }
	slices.SortFunc(days, func(a, b time.Weekday) int { return fromMonday(a) - fromMonday(b) })
	return days, nil
}

// yesNo is an on/off option. Besides true and false it takes yes, no, 1 and
// 0, as a roster cell might say.
type yesNo struct {
	name string
	p    *bool
}

func (v yesNo) Set(s string) error {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "true", "yes", "1":
		*v.p = true
	case "false", "no", "0":
		*v.p = false
	default:
		return fmt.Errorf("%s must be yes or no, got %q", v.name, s)
	}
	return nil
}

func (v yesNo) String() string { return strconv.FormatBool(v.p != nil && *v.p) }
func (v yesNo) Type() string   { return "bool" }

// flagError rewords pflag's errors.
func flagError(err error) error {
	const hint = "backplan --help lists the options"
	var ive *pflag.InvalidValueError
	var vre *pflag.ValueRequiredError
	var ne *pflag.NotExistError
	switch {
	case errors.As(err, &ive):
		// Our own parsers write the whole message; the planner's keep
		// their kind, for the hint.
		inner := errors.Unwrap(ive)
		var pe *plan.Error
		if errors.As(inner, &pe) {
			return inner
		}
		return usageErr("", "%s", inner)
	case errors.As(err, &vre):
		return usageErr(hint, "--%s needs a value", vre.GetFlag().Name)
	case errors.As(err, &ne):
		name := ne.GetSpecifiedName()
		if ne.GetSpecifiedShortnames() != "" {
			return usageErr(hint, "unknown option -%s", name)
		}
		return usageErr(hint, "unknown option --%s", name)
	}
	msg := strings.TrimPrefix(err.Error(), "unknown flag: ")
	if msg != err.Error() {
		return usageErr(hint, "unknown option %s", msg)
	}
	return usageErr(hint, "%s", err)
}

func parsePaper(s string) (render.Paper, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "a4":
		return render.A4, nil
	case "letter":
		return render.Letter, nil
	}
	return "", fmt.Errorf("unknown paper %q (choose a4 or letter)", s)
}

// defaultPaper reads PAPERSIZE as libpaper does: a4 or letter, any case.
// Anything else means letter.
func defaultPaper(getenv func(string) string) render.Paper {
	if p, err := parsePaper(getenv("PAPERSIZE")); err == nil {
		return p
	}
	return render.Letter
}

// renderOptions are the config's choices for the look of a PDF.
func (c *config) renderOptions(e env) render.Options {
	if c.paper == "" {
		c.paper = defaultPaper(e.getenv)
	}
	return render.Options{Paper: c.paper, LargePrint: c.largePrint}
}

// runDate is the day of the run: SOURCE_DATE_EPOCH (seconds since 1970, for
// reproducible output) when set, else the clock.
func runDate(e env) (time.Time, error) {
	s := e.getenv("SOURCE_DATE_EPOCH")
	if s == "" {
		return e.now, nil
	}
	n, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
	if err != nil || n < 0 {
		return time.Time{}, usageErr("unset it, or set it to whole seconds since 1970-01-01",
			"SOURCE_DATE_EPOCH %q is not a number of seconds", s)
	}
	return time.Unix(n, 0).UTC(), nil
}

// given returns the options of names that the command line set, as flags.
func (c *config) given(names []string) []string {
	var out []string
	for _, n := range c.set {
		if slices.Contains(names, n) {
			out = append(out, "--"+n)
		}
	}
	return out
}
