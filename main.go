// Command backplan turns a clinician's choices into a printable, multi-week
// exercise workbook (PDF) for upper back pain.
//
//	backplan --weeks 4 --days 3 --focus posture --patient "Ana Ruiz" --out plan.pdf
//
// Run "backplan --help" for the options, and see README.md for the
// catalogue and plan-file formats.
//
// The package is the edge of backplan: the flags, the modes, the terminal,
// exit codes, files and signals. What a workbook is made from (the table
// of options, rosters, file names, the default paper) is package job's;
// the web page is package serve's. This file is the manual and run;
// flags.go turns job's table and the command line's own options into a
// config; modes.go says which options go with which mode; workbook.go,
// preview.go, from.go, list.go, figures.go, batch.go and serve.go run the
// modes; errors.go gives each error its exit code and hint; printer.go
// writes messages and text to the terminal; output.go, tempfile.go and
// input.go own the files.
package main

import (
	"crypto/rand"
	"embed"
	"io"
	"io/fs"
	"os"
	"runtime/debug"
	"strings"
	"time"

	"github.com/backplan/backplan/job"
	"github.com/backplan/backplan/render"
)

// catalogOverlays holds the built-in catalogue's words in other languages,
// a file a language: exercises.es.yaml is Spanish (see plan.LoadOverlay).
//
//go:embed exercises.*.yaml
var catalogOverlays embed.FS

const usage = `Usage: backplan [options]     or: backplan serve [--addr HOST:PORT] [--open]

backplan makes a printable exercise workbook (PDF) for upper back pain. The
workbook supports, and does not replace, a clinician's advice.

Plan (--preset NAME fills these in, and the ones you give win):
  -w, --weeks N          weeks in the plan, 1 to 52 (default 4)
  -d, --days N           training days a week, 1 to 7 (default 3)
      --weekdays DAYS    or name the days, as in mon,wed,fri (not with --days)
  -f, --focus NAME       balanced, mobility, posture, strength or core
      --level NAME       beginner or intermediate (default beginner)
      --equipment LIST   band, dumbbells, cable, or none (default band)
      --no-floor         only standing and seated exercises
      --minutes N        minutes a session, 10 to 45 (default 20)
      --start DATE       first day (next Monday);  --review DATE  next visit
      --include IDS      exercises to use;  --exclude IDS  ones to leave out
      --dose ID=DOSES    as row-band="2x8 to 3x12";  --order IDS  session order
Patient and clinic (printed in the workbook):
  -p, --patient NAME     --clinician NAME   --clinic NAME   --contact TEXT
      --notes TEXT       --lang es   --logo FILE   --clinic-url URL (a QR code)
Output:
  -o, --out FILE         the PDF to write, - for standard output (plan.pdf)
      --paper SIZE       a4 or letter;  --large-print  bigger text and boxes
      --protect          lock the PDF with a passphrase, shown once, here
      --eml FILE         an email draft with the PDF;  --email ADDRESS  its To
      --eml-plan         attach the plan file to the draft too, for a colleague
      --preview          show the plan as text;  --save-plan FILE  save it too
      --from FILE        print a saved plan exactly as it is written
      --batch FILE       a workbook for each row of a CSV roster; see README.md
      --out-dir DIR      where it writes;  --jobs N  workbooks at once (≤ CPUs)
Catalogue:
      --list [presets]   list the exercises, or the presets and what they set
      --catalog FILE     use another catalogue;  --figures FILE  its pictures
      --version   --licenses   -h, --help     print the version, notices, help

Examples:
  backplan -f strength -p "Ana Ruiz" --lang es -o ana.pdf --save-plan ana.yaml
  backplan --from ana.yaml --paper a4 --protect -o ana.pdf --eml ana.eml
  backplan --preset older-adult --weekdays mon,thu --equipment none --preview
  backplan --batch class.csv --out-dir plans -w 6 --clinician "Dr Lee"
`

// env is what backplan takes from the world outside its arguments.
type env struct {
	getenv func(string) string
	now    func() time.Time // the clock: the run date, unless SOURCE_DATE_EPOCH is set
	root   fs.FS            // the file system / stands for, where the system's paper is set
	tuneGC bool             // set the garbage collector for a short run (see tuneGC)
	// signals has Ctrl-C, SIGTERM and SIGHUP remove the temporary files
	// and exit. Only a real run sets it: a test or a fuzzing worker calls
	// run in a process whose signals are not backplan's to take.
	signals bool
	// rand is the run's randomness, for passphrases and the file IDs of
	// protected workbooks: crypto/rand's, or a fixed stream in tests.
	rand io.Reader
}

func main() { os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr, realEnv())) }

// realEnv is the world of a real run.
func realEnv() env {
	return env{getenv: os.Getenv, now: time.Now, root: os.DirFS("/"), tuneGC: true, signals: true, rand: rand.Reader}
}

// defaultPaper is the paper for a workbook when none was chosen: the
// system's (PAPERSIZE, /etc/papersize), else the locale's region's.
func (e env) defaultPaper() render.Paper {
	return job.DefaultPaper(job.SystemPaper(e.getenv, e.root), job.LocaleRegion(e.getenv))
}

// run runs backplan and returns its exit code: 0 on success, 2 for a
// mistake in the command line, 1 for any other failure.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer, e env) int {
	pr := newPrinter(stdout, stderr)
	if len(args) > 0 && args[0] == "serve" {
		// The server writes no files and stops on Ctrl-C itself, after
		// finishing the requests in flight; see serve.go.
		return pr.fail(runServe(args[1:], pr, e))
	}
	if e.signals {
		defer handleSignals()() // Ctrl-C, SIGTERM and SIGHUP remove the temporary files
	}
	return pr.fail(backplan(args, stdin, pr, e))
}

// backplan parses the command line and runs its mode.
func backplan(args []string, stdin io.Reader, pr *printer, e env) error {
	c, err := parseArgs(args)
	if err != nil {
		return err
	}
	m, err := chooseMode(c)
	if err != nil {
		return err
	}
	switch m {
	case helpMode:
		return pr.text(usage)
	case versionMode:
		return pr.text("backplan " + version() + "\n")
	case licensesMode:
		return pr.text(strings.TrimRight(licenses(), "\n") + "\n")
	case listMode:
		return runList(c, stdin, pr)
	case figuresMode:
		return runFigures(c, stdin, e)
	case batchMode:
		return runBatch(c, stdin, pr, e)
	case previewMode:
		return runPreview(c, stdin, pr, e)
	}
	return runWorkbook(c, stdin, pr, e)
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
