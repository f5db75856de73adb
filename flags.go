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

	"github.com/backplan/backplan/job"
	"github.com/backplan/backplan/plan"
	"github.com/backplan/backplan/render"
)

// config is the command line, parsed. The workbook's options are job's
// table, each a flag; the rest say what the run does and where it reads
// and writes. Flags only parse values: whether a number or a date is in
// range is the planner's rule, and which options go together is modes.go's.
type config struct {
	job      job.Options
	out      string
	catalog  string
	savePlan string
	from     string
	batch    string // the roster: one workbook per row
	outDir   string // where the batch's workbooks go
	jobs     int    // workbooks made at once; 0 means one per CPU
	list     string // what --list lists: exercises or presets; "" when not given
	figures  string // a PDF of every exercise's pictures
	eml      string // an email draft with the workbook attached
	logo     string // the clinic's logo, a PNG or JPEG
	preview  bool
	version  bool
	licenses bool
	help     bool
	set      []string // the options given, by long name, in order
}

// shorthands are the one-letter forms of the workbook options that have
// one.
var shorthands = map[string]string{"weeks": "w", "days": "d", "focus": "f", "patient": "p"}

// parseArgs turns the command line into a config.
func parseArgs(args []string) (*config, error) {
	c := &config{out: "plan.pdf"}
	fs := c.flagSet()
	if err := fs.Parse(args); err != nil {
		return nil, flagError(err)
	}
	rest, err := c.listWhat(fs, args)
	if err != nil {
		return nil, err
	}
	if len(rest) > 0 {
		return nil, usageErr(`put a value with spaces in quotes, as in --patient "Ana Ruiz"`,
			"unexpected argument %q (backplan takes only options)", rest[0])
	}
	var listErr error
	fs.Visit(func(f *pflag.Flag) {
		c.set = append(c.set, f.Name)
		if of, ok := f.Value.(*optionFlag); ok && listErr == nil {
			listErr = of.finish()
		}
	})
	if listErr != nil {
		return nil, usageErr("", "%w", listErr)
	}
	for _, name := range []string{"out", "save-plan", "from", "catalog", "batch", "out-dir", "eml", "logo"} {
		if f := fs.Lookup(name); f.Changed && f.Value.String() == "" {
			if name == "out-dir" {
				return nil, usageErr("", "--%s needs a folder name", name)
			}
			return nil, usageErr("", "--%s needs a file name", name)
		}
	}
	return c, nil
}

// listWhat reads what --list lists: exercises (the default) or presets,
// written right after it (--list presets) or joined (--list=presets). It
// returns the arguments that are no option's.
func (c *config) listWhat(fs *pflag.FlagSet, args []string) ([]string, error) {
	rest := fs.Args()
	if c.list == "" {
		return rest, nil
	}
	if i := slices.Index(args, "--list"); c.list == "exercises" && i >= 0 && i+1 < len(args) &&
		len(rest) > 0 && args[i+1] == rest[0] && slices.Contains(listable, rest[0]) {
		c.list, rest = rest[0], rest[1:]
	}
	if !slices.Contains(listable, c.list) {
		return nil, usageErr("backplan --list lists the exercises; backplan --list presets the presets",
			"--list lists %s, not %q", strings.Join(listable, " or "), c.list)
	}
	return rest, nil
}

// listable are what --list lists.
var listable = []string{"exercises", "presets"}

// flagSet defines the options: a flag for each row of job's table, parsed
// by the table into c.job, then the command line's own.
func (c *config) flagSet() *pflag.FlagSet {
	fs := pflag.NewFlagSet("backplan", pflag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	fs.SortFlags = false
	for _, op := range job.Table() {
		f := fs.VarPF(&optionFlag{op: op, o: &c.job}, op.Name, shorthands[op.Name], op.Does)
		if op.Kind == job.Switch {
			f.NoOptDefVal = "yes"
		}
	}
	fs.StringVarP(&c.out, "out", "o", c.out, "")
	fs.StringVar(&c.eml, "eml", c.eml, "")
	fs.StringVar(&c.logo, "logo", c.logo, "")
	fs.BoolVar(&c.preview, "preview", c.preview, "")
	fs.StringVar(&c.savePlan, "save-plan", c.savePlan, "")
	fs.StringVar(&c.from, "from", c.from, "")
	fs.StringVar(&c.batch, "batch", c.batch, "")
	fs.StringVar(&c.outDir, "out-dir", c.outDir, "")
	fs.Func("jobs", "", func(s string) error {
		v, err := strconv.Atoi(strings.TrimSpace(s))
		switch {
		case err != nil:
			return fmt.Errorf("jobs must be a whole number, got %q", s)
		case v < 1:
			return fmt.Errorf("jobs must be at least 1, got %d", v)
		}
		c.jobs = v
		return nil
	})
	fs.StringVar(&c.list, "list", c.list, "")
	fs.Lookup("list").NoOptDefVal = "exercises"
	fs.StringVar(&c.figures, "figures", c.figures, "")
	fs.StringVar(&c.catalog, "catalog", c.catalog, "")
	fs.BoolVar(&c.version, "version", c.version, "")
	fs.BoolVar(&c.licenses, "licenses", c.licenses, "")
	fs.BoolVarP(&c.help, "help", "h", c.help, "")
	return fs
}

// optionFlag is a row of job's table as a flag. A list option may be
// given more than once, each use adding to the list (--equipment band
// --equipment dumbbells means both).
type optionFlag struct {
	op    job.Option
	o     *job.Options
	items []string // a list option's values so far
}

// Set sets the option; a list option's use is checked alone and kept,
// and the whole list is set once, by finish, after the last: setting the
// list so far at each use would make n uses cost n².
func (f *optionFlag) Set(s string) error {
	if f.op.Kind != job.List {
		return f.op.Set(f.o, s)
	}
	var alone job.Options
	if err := f.op.Set(&alone, s); err != nil {
		return err
	}
	f.items = append(f.items, s)
	return nil
}

// finish sets a list option given more than once to all its values.
func (f *optionFlag) finish() error {
	if f.op.Kind != job.List || len(f.items) == 0 {
		return nil
	}
	return f.op.Set(f.o, strings.Join(f.items, ","))
}

func (f *optionFlag) String() string { return strings.Join(f.items, ",") }

func (f *optionFlag) Type() string {
	if f.op.Kind == job.Switch {
		return "bool"
	}
	return "string"
}

// flagError rewords pflag's errors.
func flagError(err error) error {
	const hint = "backplan --help lists the options"
	var ive *pflag.InvalidValueError
	var vre *pflag.ValueRequiredError
	var ne *pflag.NotExistError
	switch {
	case errors.As(err, &ive):
		// The table's parsers, and our own, write the whole message.
		return usageErr("", "%w", errors.Unwrap(ive))
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

// runDate is the day of the run: SOURCE_DATE_EPOCH (seconds since 1970, for
// reproducible output) when set, else the clock.
func runDate(e env) (time.Time, error) {
	s := e.getenv("SOURCE_DATE_EPOCH")
	if s == "" {
		return e.now(), nil
	}
	n, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
	if err != nil || n < 0 {
		return time.Time{}, usageErr("unset it, or set it to whole seconds since 1970-01-01",
			"SOURCE_DATE_EPOCH %q is not a number of seconds", s)
	}
	t := time.Unix(n, 0).UTC()
	// A plan starts on the next Monday and may run for plan.MaxWeeks:
	// from a date later than this, its default start would be out of
	// range, and the message would blame --start, never given.
	last := plan.LastDate.AddDays(-7 * (plan.MaxWeeks + 1))
	if d := plan.DateOf(t); n > 1e12 || d.Before(plan.FirstDate) || last.Before(d) {
		return time.Time{}, usageErr("unset it, or set it to whole seconds since 1970-01-01",
			"SOURCE_DATE_EPOCH %s is past %s, the last day backplan can start a plan from", plan.Quote(s), last)
	}
	return t, nil
}

// renderOptions are the config's choices for the look of a PDF, with the
// default paper where none was chosen.
func (c *config) renderOptions(e env) render.Options { return c.job.Print(e.defaultPaper()) }

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
