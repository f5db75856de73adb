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
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/spf13/pflag"

	"github.com/backplan/backplan/internal/words"
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
	base   *config // the command line: each row starts from a copy of it
	cat    *plan.Catalog
	today  time.Time
	roster *roster
	dir    string
	r      *render.Renderer // shared by the rows; draws each on one goroutine
	outs   *outputSet       // the inputs no workbook may replace
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
	if c.outDir == "" {
		return usageErr("backplan --batch "+shellArg(c.batch)+" --out-dir plans",
			"--batch needs --out-dir, the folder for the workbooks")
	}
	if c.batch == "-" && c.catalog == "-" {
		return usageErr("", "--batch and --catalog cannot both read standard input")
	}
	today, err := runDate(e)
	if err != nil {
		return err
	}
	data, _, err := readInput("roster", c.batch, stdin)
	if err != nil {
		return err
	}
	ro, err := readRoster(data, rosterName(c.batch))
	if err != nil {
		return err
	}
	mkdir, err := checkOutDir(c.outDir)
	if err != nil {
		return err
	}
	cat, err := loadCatalog(c.catalog, stdin)
	if err != nil {
		return err
	}
	if mkdir {
		if err := os.Mkdir(c.outDir, 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
			return usageErr("", "cannot make --out-dir %q: %v", c.outDir, pathErr(err))
		}
	}
	if err := probeDir(c.outDir); err != nil {
		return err
	}
	if c.paper == "" {
		c.paper = defaultPaper(e.getenv)
	}
	jobs := jobsFor(c.jobs)
	if e.tuneGC {
		tuneGC(e.getenv, jobs)
	}
	r, err := render.New(1)
	if err != nil {
		return err
	}

	b := &batch{base: c, cat: cat, today: today, roster: ro, dir: c.outDir, r: r,
		outs: newOutputs(stdin, nil, inputFiles(c)...)}
	bufs := make([]bytes.Buffer, jobs)
	failed := 0
	forEachRow(len(ro.rows), jobs,
		func(worker, i int) error { return b.workbook(ro.rows[i], &bufs[worker]) },
		func(i int, err error) {
			if err != nil {
				failed++
				b.report(pr, ro.rows[i], err)
			}
		},
		func(done int) { pr.showProgress(done, len(ro.rows)) },
	)
	pr.clearProgress()

	total := len(ro.rows)
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

// workbook builds one row's plan and writes its workbook, using buf for the PDF.
func (b *batch) workbook(r row, buf *bytes.Buffer) error {
	c, err := b.rowConfig(r)
	if err != nil {
		return err
	}
	o := c.opts
	o.Today = plan.DateOf(b.today)
	p, err := plan.Build(b.cat, o)
	if err != nil {
		return err
	}
	outs := b.outs.another()
	defer outs.discard()
	out, err := outs.claim("workbook", filepath.Join(b.dir, r.file))
	if err != nil {
		return err
	}
	buf.Reset()
	if err := drawWorkbook(b.r, buf, p, render.Options{Paper: c.paper, LargePrint: c.largePrint}); err != nil {
		return err
	}
	if err := out.write(buf.Bytes()); err != nil {
		return err
	}
	return outs.commit()
}

// rowConfig is the command line with the row's non-empty cells set on top,
// each parsed as its option would be.
func (b *batch) rowConfig(r row) (*config, error) {
	if len(r.cells) != len(b.roster.columns) {
		return nil, fmt.Errorf("the row has %s but the first line names %s",
			words.Count(len(r.cells), "cell"), words.Count(len(b.roster.columns), "column"))
	}
	if strings.TrimSpace(r.patient) == "" {
		return nil, errors.New("the patient cell is empty")
	}
	if err := checkCells(b.roster.columns, r.cells); err != nil {
		return nil, err
	}
	c := *b.base
	c.set = nil
	fs := c.flagSet()
	filled := func(col string) bool {
		j := slices.Index(b.roster.columns, col)
		return j >= 0 && strings.TrimSpace(r.cells[j]) != ""
	}
	// The days of the week and their number are one choice: a row that
	// makes it replaces the command line's, whichever way it was made.
	switch {
	case filled("days") && filled("weekdays"):
		return nil, errors.New("the days and weekdays cells say the same thing twice; fill one")
	case filled("days"):
		c.opts.Weekdays = nil
	case filled("weekdays"):
		c.opts.Days = 0
	}
	for j, col := range b.roster.columns {
		v := r.cells[j]
		if strings.TrimSpace(v) == "" {
			continue
		}
		if err := fs.Set(col, v); err != nil {
			var ive *pflag.InvalidValueError
			if errors.As(err, &ive) {
				// Our own parsers write the whole message.
				return nil, errors.Unwrap(ive)
			}
			return nil, fmt.Errorf("%s: %w", col, err)
		}
	}
	return &c, nil
}

// report prints a failed row's message, and its hint if it has one, with
// plan hints naming the roster's cells.
func (b *batch) report(pr *printer, r row, err error) {
	_, hint := exitCode(err, cellName)
	pr.say(fmt.Sprintf("%s line %d (%s): %s", b.roster.name, r.line, r.patient, err), hint)
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
