// Command backplan turns a clinician's choices into a printable, multi-week
// exercise workbook (PDF) for upper back pain.
//
//	backplan --weeks 4 --days 3 --focus posture --patient "Ana Ruiz" --out plan.pdf
//
// Run "backplan --help" for the options, and see README.md for the
// catalogue and plan-file formats.
//
// This file owns all terminal output. Its rules: messages are one line,
// lower-case, with no trailing period, and start "backplan: "; a second line
// "backplan: hint: …" says what to do where that helps. Mistakes in the
// command line exit 2, every other failure exits 1.
package main

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/pflag"

	"github.com/backplan/backplan/plan"
	"github.com/backplan/backplan/render"
)

//go:embed exercises.yaml
var catalogYAML []byte

const usage = `Usage: backplan [options]

backplan makes a printable exercise workbook (PDF) for upper back pain. The
workbook supports, and does not replace, a clinician's advice.

Plan:
  -w, --weeks N          weeks in the plan, 1 to 52 (default 4)
  -d, --days N           training days a week, 1 to 7 (default 3)
  -f, --focus NAME       balanced, mobility, posture, strength or core
      --level NAME       beginner or intermediate (default beginner)
      --equipment LIST   band, dumbbells, cable, or none (default band)
      --no-floor         only standing and seated exercises
      --minutes N        minutes a session, 10 to 90 (default 20)
      --start DATE       first day, YYYY-MM-DD (default the next Monday)
      --include IDS      exercises the plan must use, comma-separated
      --exclude IDS      exercises the plan must leave out
Patient (printed in the workbook):
  -p, --patient NAME     the patient's name
      --clinician NAME   --clinic NAME   --contact TEXT   --notes TEXT
Output:
  -o, --out FILE         the PDF to write, - for standard output (plan.pdf)
      --paper SIZE       a4 or letter (default from $PAPERSIZE, else letter)
      --large-print      bigger text and boxes
      --preview          show the plan as text; write no PDF
      --save-plan FILE   also save the plan as YAML, to edit or print again
      --from FILE        print a saved plan exactly as it is written
      --batch FILE       a workbook for each row of a CSV roster; see README.md
      --out-dir DIR      where --batch writes;  --jobs N  workbooks at once
Catalogue:
      --list             list the exercises: id, name, category, and so on
      --figures FILE     draw every exercise's pictures into one PDF
      --catalog FILE     use this catalogue instead of the built-in one
      --version          print the version;  -h, --help  print this help

Examples:
  backplan -w 4 -d 3 -f posture -p "Ana Ruiz" --clinician "Dr Lee" -o ana.pdf
  backplan --equipment none --no-floor --large-print --preview
  backplan -w 8 -f strength --level intermediate --save-plan ana.yaml
  backplan --from ana.yaml --paper a4 -o ana-a4.pdf
  backplan --batch class.csv --out-dir plans -w 6 --clinician "Dr Lee"
`

// env is what backplan takes from the world outside its arguments.
type env struct {
	getenv func(string) string
	now    time.Time // the run date, unless SOURCE_DATE_EPOCH is set
	tuneGC bool      // set the garbage collector for a short run (see tuneGC)
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr, env{getenv: os.Getenv, now: time.Now(), tuneGC: true}))
}

// tuneGC sets the garbage collector for a run that renders on jobs
// goroutines, unless the user chose with GOGC or GOMEMLIMIT.
//
// Drawing a workbook makes about 15 MB of garbage (mostly fpdf's font
// tables) and keeps little, so with Go's default of collecting each time
// the heap doubles a batch spent a third of its time collecting and
// returning memory to the system. Letting the heap grow to five times what
// is live halves that; the soft limit, a generous 32 MiB a worker and at
// least 256 MiB, keeps memory bounded if the live heap grows. Neither
// changes the output.
func tuneGC(getenv func(string) string, jobs int) {
	if getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(max(256, 32*int64(jobs)) << 20)
	}
}

// run runs backplan and returns its exit code.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer, e env) int {
	err := backplan(args, stdin, stdout, stderr, e)
	if err == nil {
		return 0
	}
	code, hint := 1, ""
	var ce *cliError
	var pe *plan.Error
	switch {
	case errors.As(err, &ce):
		code, hint = ce.code, ce.hint
	case isTextError(err):
		code = 2
	case errors.As(err, &pe):
		if pe.Kind == plan.OptionProblem {
			code = 2
		}
		hint = planHint(pe, flagName)
	}
	fmt.Fprintf(stderr, "backplan: %s\n", oneLine(err.Error()))
	if hint != "" {
		fmt.Fprintf(stderr, "backplan: hint: %s\n", oneLine(hint))
	}
	return code
}

// planHint words what to do about a plan error, naming the choice as
// name spells it: a flag on the command line, a cell in a roster.
func planHint(e *plan.Error, name func(input string) string) string {
	switch {
	case e.Kind == plan.OptionProblem && strings.Contains(e.Msg, "unknown exercise"):
		return "backplan --list shows the ids"
	case e.Kind != plan.BuildProblem:
		return ""
	case e.Input == "catalog":
		return "add a cardio or dynamic exercise to the catalogue"
	case e.Input == "include":
		return "raise " + name("minutes") + " or include fewer exercises"
	}
	return "raise " + name("minutes") + ", allow more equipment or floor work, or exclude fewer exercises"
}

// flagName spells an option as the command line takes it.
func flagName(option string) string { return "--" + option }

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// cliError is an error with the exit code and hint it should give.
type cliError struct {
	err  error
	code int
	hint string
}

func (e *cliError) Error() string { return e.err.Error() }
func (e *cliError) Unwrap() error { return e.err }

// usageErr is a mistake in the command line: exit 2.
func usageErr(hint, format string, args ...any) error {
	return &cliError{err: fmt.Errorf(format, args...), code: 2, hint: hint}
}

// failure is any other failure, with a hint: exit 1.
func failure(hint string, err error) error {
	return &cliError{err: err, code: 1, hint: hint}
}

// config is the command line, parsed.
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
	help       bool
	set        []string // the options given, by long name, in order
}

// planFlags are the options that shape a plan; --from refuses them.
var planFlags = []string{
	"weeks", "days", "focus", "level", "equipment", "no-floor", "minutes",
	"start", "include", "exclude", "patient", "clinician", "clinic",
	"contact", "notes", "catalog",
}

// pdfFlags are the options that only matter when a PDF is written.
var pdfFlags = []string{"out", "paper", "large-print"}

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

	number := func(name, short, unit string, dst *int, lo, hi int) {
		fs.FuncP(name, short, "", func(s string) error {
			v, err := strconv.Atoi(strings.TrimSpace(s))
			if err != nil {
				return fmt.Errorf("%s must be a whole number, got %q", name, s)
			}
			if v < lo || v > hi {
				return fmt.Errorf("%s must be %d–%d%s, got %d", name, lo, hi, unit, v)
			}
			*dst = v
			return nil
		})
	}
	number("weeks", "w", "", &o.Weeks, plan.MinWeeks, plan.MaxWeeks)
	number("days", "d", " a week", &o.Days, plan.MinDays, plan.MaxDays)
	number("minutes", "", " a session", &o.Minutes, plan.MinMinutes, plan.MaxMinutesOpt)
	fs.FuncP("focus", "f", "", func(s string) (err error) {
		o.Focus, err = plan.ParseFocus(s)
		return err
	})
	fs.Func("level", "", func(s string) (err error) {
		o.Level, err = plan.ParseLevel(s)
		return err
	})
	fs.Func("equipment", "", func(s string) (err error) {
		o.Equipment, err = plan.ParseEquipment(s)
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
	fs.StringSliceVar(&o.Include, "include", o.Include, "")
	fs.StringSliceVar(&o.Exclude, "exclude", o.Exclude, "")

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
	number("jobs", "", "", &c.jobs, 1, maxJobs)

	fs.BoolVar(&c.list, "list", c.list, "")
	fs.StringVar(&c.figures, "figures", c.figures, "")
	fs.StringVar(&c.catalog, "catalog", c.catalog, "")

	fs.BoolVar(&c.version, "version", c.version, "")
	fs.BoolVarP(&c.help, "help", "h", c.help, "")
	return fs
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
		// Our own parsers write the whole message.
		return usageErr("", "%s", errors.Unwrap(ive))
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

// given returns the options of names that the command line set.
func (c *config) given(names []string) []string {
	var out []string
	for _, n := range c.set {
		if slices.Contains(names, n) {
			out = append(out, "--"+n)
		}
	}
	return out
}

// andList renders "a", "a and b", "a, b and c".
func andList(s []string) string {
	if len(s) <= 1 {
		return strings.Join(s, "")
	}
	return strings.Join(s[:len(s)-1], ", ") + " and " + s[len(s)-1]
}

func backplan(args []string, stdin io.Reader, stdout, stderr io.Writer, e env) error {
	if len(args) > 0 && args[0] == "serve" {
		return runServe(args[1:], stdout, stderr, e)
	}
	c, err := parseArgs(args)
	if err != nil {
		return err
	}
	switch {
	case c.help:
		_, err := io.WriteString(stdout, usage)
		return err
	case c.version:
		_, err := fmt.Fprintf(stdout, "backplan %s\n", version())
		return err
	case c.list:
		var others []string
		for _, n := range c.set {
			if n != "list" && n != "catalog" {
				others = append(others, "--"+n)
			}
		}
		if len(others) > 0 {
			return usageErr("", "--list prints the catalogue and nothing else, so %s cannot go with it", andList(others))
		}
		cat, err := loadCatalog(c.catalog, stdin)
		if err != nil {
			return err
		}
		return writeList(stdout, cat)
	case c.figures != "":
		return writeFigures(c, stdin, e)
	case c.batch != "" || c.given(batchFlags) != nil:
		return runBatch(c, stdin, stderr, e)
	}
	if c.preview {
		if bad := c.given(pdfFlags); len(bad) > 0 {
			return usageErr("leave out --preview to write a PDF", "--preview writes no PDF, so %s cannot go with it", andList(bad))
		}
	}
	if c.from != "" {
		if bad := c.given(planFlags); len(bad) > 0 {
			return usageErr("edit the plan file instead, or leave out --from to make a new plan",
				"--from prints the saved plan as written, so %s cannot go with it", andList(bad))
		}
	}
	if c.savePlan == "-" {
		return usageErr("", "--save-plan needs a file name; - is not allowed")
	}
	writePDF := !c.preview
	if writePDF && c.savePlan != "" && samePath(c.savePlan, c.out) {
		return usageErr("", "--save-plan and --out both name %s; give them different files", c.out)
	}
	if c.paper == "" {
		c.paper = defaultPaper(e.getenv)
	}

	// Claim the output files before any work, so a bad path fails fast.
	var pdfOut, planOut *pendingFile
	defer func() {
		pdfOut.discard()
		planOut.discard()
	}()
	if writePDF && c.out != "-" {
		if pdfOut, err = claim(c.out); err != nil {
			return err
		}
	}
	if writePDF && c.out == "-" && isTerminal(stdout) {
		return usageErr("redirect it to a file: backplan --out - > plan.pdf", "will not write a PDF to the terminal")
	}
	if c.savePlan != "" {
		if planOut, err = claim(c.savePlan); err != nil {
			return err
		}
	}

	if e.tuneGC {
		tuneGC(e.getenv, 1)
	}
	p, err := makePlan(c, stdin, e)
	if err != nil {
		return err
	}
	if c.preview {
		if err := p.WriteText(stdout); err != nil {
			return err
		}
	}
	var pdf, yaml bytes.Buffer
	if writePDF {
		if err := render.Workbook(&pdf, p, render.Options{Paper: c.paper, LargePrint: c.largePrint}); err != nil {
			if isTextError(err) {
				return err
			}
			return fmt.Errorf("making the PDF: %w", err)
		}
	}
	if planOut != nil {
		if err := p.WriteYAML(&yaml); err != nil {
			return fmt.Errorf("saving the plan: %w", err)
		}
		if err := planOut.commit(yaml.Bytes()); err != nil {
			return err
		}
	}
	if pdfOut != nil {
		return pdfOut.commit(pdf.Bytes())
	}
	if writePDF {
		_, err := stdout.Write(pdf.Bytes())
		return err
	}
	return nil
}

// writeFigures writes the contact sheet of the catalogue's pictures.
func writeFigures(c *config, stdin io.Reader, e env) error {
	var others []string
	for _, n := range c.set {
		if !slices.Contains([]string{"figures", "catalog", "paper", "large-print"}, n) {
			others = append(others, "--"+n)
		}
	}
	if len(others) > 0 {
		return usageErr("", "--figures draws the catalogue and nothing else, so %s cannot go with it", andList(others))
	}
	if c.figures == "-" {
		return usageErr("", "--figures needs a file name; - is not allowed")
	}
	if c.paper == "" {
		c.paper = defaultPaper(e.getenv)
	}
	out, err := claim(c.figures)
	if err != nil {
		return err
	}
	defer out.discard()
	cat, err := loadCatalog(c.catalog, stdin)
	if err != nil {
		return err
	}
	var exs []plan.Exercise
	for _, id := range cat.IDs() {
		e, _ := cat.Lookup(id)
		exs = append(exs, e)
	}
	var pdf bytes.Buffer
	if err := render.Figures(&pdf, exs, render.Options{Paper: c.paper, LargePrint: c.largePrint}); err != nil {
		if isTextError(err) {
			return err
		}
		return fmt.Errorf("drawing the pictures: %w", err)
	}
	return out.commit(pdf.Bytes())
}

// isTextError reports whether err is text the fonts cannot draw: bad input,
// exit 2.
func isTextError(err error) bool {
	var te *render.TextError
	return errors.As(err, &te)
}

func makePlan(c *config, stdin io.Reader, e env) (*plan.Plan, error) {
	if c.from != "" {
		data, name, err := readInput("plan file", c.from, stdin)
		if err != nil {
			return nil, err
		}
		p, err := plan.ReadPlan(bytes.NewReader(data), name)
		if err != nil {
			return nil, failure("fix the line it names; backplan --save-plan writes a plan file to start from", err)
		}
		return p, nil
	}
	today, err := runDate(e)
	if err != nil {
		return nil, err
	}
	cat, err := loadCatalog(c.catalog, stdin)
	if err != nil {
		return nil, err
	}
	o := c.opts
	o.Today = plan.DateOf(today)
	return plan.Build(cat, o)
}

func loadCatalog(path string, stdin io.Reader) (*plan.Catalog, error) {
	if path == "" {
		cat, err := plan.LoadCatalog(bytes.NewReader(catalogYAML), "exercises.yaml")
		if err != nil {
			return nil, fmt.Errorf("the built-in catalogue is broken: %w", err)
		}
		return cat, nil
	}
	data, name, err := readInput("catalogue", path, stdin)
	if err != nil {
		return nil, err
	}
	cat, err := plan.LoadCatalog(bytes.NewReader(data), name)
	if err != nil {
		return nil, failure("fix the line it names; README.md describes the catalogue format", err)
	}
	return cat, nil
}

func writeList(w io.Writer, cat *plan.Catalog) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tNAME\tCATEGORY\tPOSITION\tEQUIPMENT")
	for _, e := range cat.Exercises {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", e.ID, e.Name, e.Category, e.Position, e.Equipment)
	}
	return tw.Flush()
}
