package main

// Batch runs: backplan --batch roster.csv --out-dir plans writes one
// workbook for each row of a CSV roster.
//
// The roster is read and checked whole before any workbook is made, so a
// mistake in its shape (no patient column, an unknown column, text that is
// not UTF-8) stops the run with exit 2 and nothing written. After that each
// row stands alone: a bad row is reported and the others go on. Workbooks
// are made on a bounded pool of goroutines, one workbook each, with one
// shared Renderer drawing each workbook on its own goroutine, so that
// parallelism never nests; everything the user sees (messages, file names,
// the summary) follows the order of the rows.

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/backplan/backplan/internal/words"
	"github.com/backplan/backplan/job"
	"github.com/backplan/backplan/plan"
	"github.com/backplan/backplan/render"
)

// shellArg is s as a shell command line would take it: as it is when
// that is safe, else in double quotes.
func shellArg(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._/+-") == "" {
		return s
	}
	return strconv.Quote(s)
}

// batch is a batch run, ready to go.
type batch struct {
	base   job.Options // the command line's: each row starts from them
	cat    *plan.Catalog
	today  time.Time
	roster *job.Roster
	dir    string
	r      *render.Renderer // shared by the rows; draws each on one goroutine
	outs   *outputSet       // the inputs no workbook may replace
	// protect holds each row's passphrase and file ID, drawn in row
	// order before any row runs, so that they do not depend on which row
	// finishes first; a row uses its own only when it is protected.
	protect []*render.Protection
	// used is set for each row whose workbook was written protected.
	used []bool
}

// jobsFor is how many workbooks a batch makes at once: --jobs, or one per
// CPU, and never more than the CPUs this process may use (container
// limits included). More workers than CPUs never finish sooner; each only
// holds another workbook in memory.
func jobsFor(asked int) int {
	cpus := runtime.GOMAXPROCS(0)
	if asked <= 0 {
		return cpus
	}
	return min(asked, cpus)
}

// runBatch carries out --batch. Problems found before any row runs are
// usage errors (exit 2). Rows that fail are reported as they come, in row
// order, and make the run fail (exit 1) with the summary as its message;
// when every row works the summary is printed and the run succeeds.
func runBatch(c *config, stdin io.Reader, pr *printer, e env) error {
	b, err := newBatch(c, stdin, e)
	if err != nil {
		return err
	}
	ro := b.roster
	jobs := jobsFor(c.jobs)
	if e.tuneGC {
		tuneGC(e.getenv, jobs)
	}
	bufs := make([]bytes.Buffer, jobs)
	failed := 0
	forEachRow(len(ro.Rows), jobs,
		func(worker, i int) error { return b.workbook(i, &bufs[worker], e) },
		func(i int, err error) {
			if err != nil {
				failed++
				b.report(pr, ro.Rows[i], err)
			}
		},
		func(done int) { pr.showProgress(done, len(ro.Rows)) },
	)
	pr.clearProgress()
	if err := b.passphrases(pr); err != nil {
		return err
	}

	total := len(ro.Rows)
	if failed == 0 {
		pr.say(fmt.Sprintf("wrote %s to %q", words.Count(total, "workbook"), c.outDir), "")
		return nil
	}
	unit := "workbooks"
	if total == 1 {
		unit = "workbook"
	}
	return failure("fix the rows named above and run the batch again",
		fmt.Errorf("wrote %d of %d %s to %q (%d failed)", total-failed, total, unit, c.outDir, failed))
}

// newBatch checks the command line, reads the roster, the catalogue and
// the logo, makes --out-dir and draws the passphrases: everything before
// the first row, any problem in which stops the run with nothing written.
func newBatch(c *config, stdin io.Reader, e env) (*batch, error) {
	if c.outDir == "" {
		return nil, usageErr("backplan --batch "+shellArg(c.batch)+" --out-dir plans",
			"--batch needs --out-dir, the folder for the workbooks")
	}
	if c.batch == "-" && c.catalog == "-" {
		return nil, usageErr("", "--batch and --catalog cannot both read standard input")
	}
	today, err := runDate(e)
	if err != nil {
		return nil, err
	}
	data, _, err := readInput("roster", c.batch, stdin)
	if err != nil {
		return nil, err
	}
	ro, err := job.ReadRoster(data, rosterName(c.batch))
	if err != nil {
		return nil, err
	}
	mkdir, err := checkOutDir(c.outDir)
	if err != nil {
		return nil, err
	}
	cat, err := loadCatalog(c.catalog, stdin)
	if err != nil {
		return nil, err
	}
	base := c.job
	base.Render = c.renderOptions(e)
	if base.Render.Logo, err = readLogo(c.logo, stdin); err != nil {
		return nil, err
	}
	if mkdir {
		if err := os.Mkdir(c.outDir, 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
			return nil, usageErr("", "cannot make --out-dir %q: %v", c.outDir, pathErr(err))
		}
	}
	if err := probeDir(c.outDir); err != nil {
		return nil, err
	}
	prot, err := drawProtections(ro, base, e)
	if err != nil {
		return nil, err
	}
	r, err := render.New(1)
	if err != nil {
		return nil, err
	}
	return &batch{base: base, cat: cat, today: today, roster: ro, dir: c.outDir, r: r,
		outs: newOutputs(stdin, nil, inputFiles(c)...), protect: prot, used: make([]bool, len(ro.Rows))}, nil
}

// workbook builds row i's plan and writes its workbook, using buf for
// the PDF, and, for a row with an email address, its email draft beside
// it (the workbook's name with .eml).
func (b *batch) workbook(i int, buf *bytes.Buffer, e env) error {
	r := b.roster.Rows[i]
	o, err := b.roster.Options(b.base, r)
	if err != nil {
		return err
	}
	p, err := job.Build(b.cat, o, b.today)
	if err != nil {
		return err
	}
	o.Render.LargePrint = o.LargePrint(p)
	if o.Send.Protect {
		o.Render.Protect = b.protect[i]
	}
	outs := b.outs.another()
	defer outs.discard()
	out, err := outs.claim("workbook", filepath.Join(b.dir, r.File))
	if err != nil {
		return err
	}
	var emlOut *pendingFile
	if o.Send.Email != "" {
		if emlOut, err = outs.claim("email draft", filepath.Join(b.dir, strings.TrimSuffix(r.File, ".pdf")+".eml")); err != nil {
			return err
		}
	}
	buf.Reset()
	if err := drawWorkbook(b.r, buf, p, o.Render); err != nil {
		return err
	}
	if emlOut != nil {
		eml, err := job.Draft(p, o, b.today, buf.Bytes())
		if err != nil {
			return err
		}
		if err := emlOut.write(eml); err != nil {
			return err
		}
	}
	if err := out.write(buf.Bytes()); err != nil {
		return err
	}
	if err := outs.commit(); err != nil {
		return err
	}
	b.used[i] = o.Render.Protect != nil
	return nil
}

// report prints a failed row's message, and its hint if it has one, with
// hints naming the roster's cells.
func (b *batch) report(pr *printer, r job.Row, err error) {
	_, hint := exitCode(err, cellWords)
	pr.say(rowReport(b.roster.Name, r, err), hint)
}

// rowReport is how a failed row is reported: the roster, the line and
// the patient as written, then the message.
func rowReport(roster string, r job.Row, err error) string {
	return fmt.Sprintf("%s line %d (%s): %v", roster, r.Line, r.Who(), err)
}

// rosterName is how messages name the roster at path: quoted, or
// standard input.
func rosterName(path string) string {
	if path == "-" {
		return "standard input"
	}
	return strconv.Quote(path)
}

// checkOutDir checks --out-dir before any work: it must be a folder, or not
// exist yet in a folder that does. It reports whether it must be made.
func checkOutDir(dir string) (mkdir bool, err error) {
	fi, err := os.Stat(dir)
	switch {
	case err == nil && fi.IsDir():
		return false, nil
	// What the disk holds is not a usage error: exit 1, as for --out.
	case err == nil:
		return false, failure("give a folder, new or existing", fmt.Errorf("--out-dir %q is a file, not a folder", dir))
	case !errors.Is(err, fs.ErrNotExist):
		return false, failure("", fmt.Errorf("cannot use --out-dir %q: %v", dir, pathErr(err)))
	}
	parent := filepath.Dir(filepath.Clean(dir))
	if fi, err := os.Stat(parent); err != nil || !fi.IsDir() {
		return false, failure("backplan makes the last folder of --out-dir only; create the others first",
			fmt.Errorf("cannot make --out-dir %q: folder %q does not exist", dir, parent))
	}
	return true, nil
}

// probeDir checks that files can be made in dir, so that a folder without
// write permission is one message, not one for every row.
func probeDir(dir string) error {
	if err := probeFolder(dir); err != nil {
		return usageErr("", "cannot write in --out-dir %q: %v", dir, pathErr(err))
	}
	return nil
}

// pathErr drops the path from an *fs.PathError, which the message names
// already.
func pathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// forEachRow calls work(worker, i) for i from 0 to n-1 on at most jobs
// goroutines at once; worker, from 0 to jobs-1, says which goroutine runs
// the call, so that each can own a buffer. As rows finish it calls
// progress with how many have finished, and it calls report for each row
// in row order, as soon as that row and every row before it have finished.
// report and progress run on the caller's goroutine, one call at a time.
func forEachRow(n, jobs int, work func(worker, i int) error, report func(i int, err error), progress func(done int)) {
	jobs = max(1, min(jobs, n))
	type result struct {
		i   int
		err error
	}
	next := make(chan int)
	results := make(chan result, jobs)
	var wg sync.WaitGroup
	for w := range jobs {
		wg.Go(func() {
			for i := range next {
				results <- result{i, work(w, i)}
			}
		})
	}
	go func() {
		for i := range n {
			next <- i
		}
		close(next)
	}()
	go func() {
		wg.Wait()
		close(results)
	}()

	// Errors of rows that finished early wait here for their turn. They
	// are small; the workbooks themselves are already on disk.
	waiting := make(map[int]error)
	reported, done := 0, 0
	for res := range results {
		done++
		progress(done)
		waiting[res.i] = res.err
		for {
			err, ok := waiting[reported]
			if !ok {
				break
			}
			delete(waiting, reported)
			report(reported, err)
			reported++
		}
	}
}
