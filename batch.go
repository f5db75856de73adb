package main

// Batch runs: backplan --batch roster.csv --out-dir plans writes one
// workbook for each row of a CSV roster.
//
// The roster is read and checked whole before any workbook is made, so a
// mistake in its shape (no patient column, an unknown column, text that is
// not UTF-8) stops the run with exit 2 and nothing written. After that each
// row stands alone: a bad row is reported and the others go on. Workbooks
// are made on a bounded pool of goroutines, but everything the user sees
// (messages, file names, the summary) follows the order of the rows.

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/spf13/pflag"

	"github.com/backplan/backplan/plan"
	"github.com/backplan/backplan/render"
)

// maxJobs bounds --jobs.
const maxJobs = 256

// batchColumns are the roster columns backplan knows: patient, and the plan,
// patient and output options a row may set for itself. An empty cell means
// the value given on the command line, or the usual default.
var batchColumns = []string{
	"patient", "weeks", "days", "focus", "level", "equipment", "no-floor",
	"minutes", "start", "include", "exclude", "clinician", "clinic",
	"contact", "notes", "paper", "large-print",
}

// batchFlags are the options that only make sense with --batch.
var batchFlags = []string{"out-dir", "jobs"}

// notWithBatch are the options a batch run refuses: each row names its own
// patient and file.
var notWithBatch = []string{"out", "patient", "from", "preview", "save-plan"}

// roster is a CSV roster, read and checked.
type roster struct {
	name    string   // for messages: the path given, or "standard input"
	columns []string // option names, in the file's order
	rows    []row
}

// row is one patient's line of the roster.
type row struct {
	line    int // the line the row starts on, counting from 1
	cells   []string
	patient string // the patient cell as written
	file    string // the workbook's file name inside the output folder
}

// batch is a batch run, ready to go.
type batch struct {
	base   *config // the command line: each row starts from a copy of it
	cat    *plan.Catalog
	today  time.Time
	roster *roster
	dir    string
	render *render.Renderer // one for every row: rows run side by side, each on one goroutine
}

// runBatch carries out --batch. Problems found before any row runs are
// usage errors (exit 2). Rows that fail are reported on stderr as they come,
// in row order, and make the run fail (exit 1) with the summary as its
// message; when every row works the summary is printed and the run succeeds.
func runBatch(c *config, stdin io.Reader, stderr io.Writer, e env) error {
	if c.batch == "" {
		given := c.given(batchFlags)
		verb := "needs"
		if len(given) > 1 {
			verb = "need"
		}
		return usageErr("backplan --batch roster.csv --out-dir plans writes a workbook for each row",
			"%s %s --batch", andList(given), verb)
	}
	if bad := c.given(notWithBatch); len(bad) > 0 {
		return usageErr("the roster's patient column names each workbook; --out-dir says where they go",
			"--batch writes a workbook for each row, so %s cannot go with it", andList(bad))
	}
	if c.outDir == "" {
		return usageErr("backplan --batch "+c.batch+" --out-dir plans",
			"--batch needs --out-dir, the folder for the workbooks")
	}
	if c.batch == "-" && c.catalog == "-" {
		return usageErr("", "--batch and --catalog cannot both read standard input")
	}
	today, err := runDate(e)
	if err != nil {
		return err
	}
	data, name, err := readInput("roster", c.batch, stdin)
	if err != nil {
		return &cliError{err: err, code: 2}
	}
	r, err := readRoster(data, name)
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
			return usageErr("", "cannot make --out-dir %s: %v", c.outDir, pathErr(err))
		}
	}
	if err := probeDir(c.outDir); err != nil {
		return err
	}
	if c.paper == "" {
		c.paper = defaultPaper(e.getenv)
	}
	jobs := c.jobs
	if jobs == 0 {
		jobs = runtime.GOMAXPROCS(0) // the CPUs this process may use, container limits included
	}
	if e.tuneGC {
		tuneGC(e.getenv, jobs)
	}

	rend, err := render.New(1)
	if err != nil {
		return err
	}
	b := &batch{base: c, cat: cat, today: today, roster: r, dir: c.outDir, render: rend}
	bufs := make([]bytes.Buffer, jobs)
	var pr progress
	if isTerminal(stderr) {
		pr.w = stderr
	}
	failed := 0
	forEachRow(len(r.rows), jobs,
		func(worker, i int) error { return b.workbook(r.rows[i], &bufs[worker]) },
		func(i int, err error) {
			if err == nil {
				return
			}
			failed++
			pr.clear()
			reportRow(stderr, r, r.rows[i], err)
		},
		func(done int) { pr.show(done, len(r.rows)) },
	)
	pr.clear()

	total := len(r.rows)
	if failed == 0 {
		_, err := fmt.Fprintf(stderr, "backplan: wrote %s to %s\n", count(total, "workbook"), c.outDir)
		return err
	}
	unit := "workbooks"
	if total == 1 {
		unit = "workbook"
	}
	return failure("fix the rows named above and run the batch again",
		fmt.Errorf("wrote %d of %d %s to %s (%d failed)", total-failed, total, unit, c.outDir, failed))
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
	out, err := claim(filepath.Join(b.dir, r.file))
	if err != nil {
		return err
	}
	defer out.discard()
	buf.Reset()
	if err := b.render.Workbook(buf, p, render.Options{Paper: c.paper, LargePrint: c.largePrint}); err != nil {
		if isTextError(err) {
			return err
		}
		return fmt.Errorf("making the PDF: %w", err)
	}
	return out.commit(buf.Bytes())
}

// rowConfig is the command line with the row's non-empty cells set on top,
// each parsed as its option would be.
func (b *batch) rowConfig(r row) (*config, error) {
	if len(r.cells) != len(b.roster.columns) {
		return nil, fmt.Errorf("the row has %s but the first line names %s",
			count(len(r.cells), "cell"), count(len(b.roster.columns), "column"))
	}
	if strings.TrimSpace(r.patient) == "" {
		return nil, errors.New("the patient cell is empty")
	}
	c := *b.base
	c.set = nil
	fs := c.flagSet()
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

// reportRow writes a failed row's message, and its hint if it has one.
func reportRow(w io.Writer, ro *roster, r row, err error) {
	fmt.Fprintf(w, "backplan: %s:%d (%s): %s\n", ro.name, r.line, printable(r.patient), oneLine(err.Error()))
	var ce *cliError
	var pe *plan.Error
	hint := ""
	switch {
	case errors.As(err, &ce):
		hint = ce.hint
	case errors.As(err, &pe):
		hint = planHint(pe, func(option string) string { return "the " + option + " cell" })
	}
	if hint != "" {
		fmt.Fprintf(w, "backplan: hint: %s\n", oneLine(hint))
	}
}

// printable makes a cell safe to show on one line of a terminal.
func printable(s string) string {
	return oneLine(strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s))
}

// count renders "1 workbook", "3 workbooks".
func count(n int, unit string) string {
	if n == 1 {
		return "1 " + unit
	}
	return fmt.Sprintf("%d %ss", n, unit)
}

// readRoster reads a CSV roster: a first line naming the columns, then a
// line for each patient. It checks the shape of the whole file, and gives
// each row its file name; it does not look at the cells' values.
func readRoster(data []byte, name string) (*roster, error) {
	const saveHint = "save the roster from your spreadsheet as CSV UTF-8 (comma-separated)"
	if !utf8.Valid(data) {
		line := 1 + bytes.Count(data[:firstInvalid(data)], []byte("\n"))
		return nil, usageErr(saveHint, "%s:%d: the text is not UTF-8", name, line)
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	cr := csv.NewReader(bytes.NewReader(data))
	cr.FieldsPerRecord = -1 // a row of the wrong length is that row's problem
	header, err := cr.Read()
	if err == io.EOF {
		return nil, usageErr("the first line names the columns, as in patient,weeks,focus", "%s is empty", name)
	}
	if err != nil {
		return nil, csvError(name, err)
	}
	ro := &roster{name: name}
	for i, h := range header {
		col := strings.ToLower(strings.TrimSpace(h))
		switch {
		case col == "":
			return nil, usageErr("", "%s: column %d has no name", name, i+1)
		case !slices.Contains(batchColumns, col):
			hint := "the columns may be " + andList(batchColumns)
			if strings.Contains(h, ";") {
				hint = saveHint
			}
			return nil, usageErr(hint, "%s: unknown column %q", name, strings.TrimSpace(h))
		case slices.Contains(ro.columns, col):
			return nil, usageErr("", "%s: column %q appears twice", name, col)
		}
		ro.columns = append(ro.columns, col)
	}
	pi := slices.Index(ro.columns, "patient")
	if pi < 0 {
		return nil, usageErr("add a column named patient with each patient's name",
			"%s has no patient column", name)
	}
	for {
		cells, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, csvError(name, err)
		}
		if !slices.ContainsFunc(cells, func(s string) bool { return strings.TrimSpace(s) != "" }) {
			continue // a spreadsheet's empty row, such as ",,,"
		}
		line, _ := cr.FieldPos(0)
		r := row{line: line, cells: cells}
		if pi < len(cells) {
			r.patient = cells[pi]
		}
		ro.rows = append(ro.rows, r)
	}
	if len(ro.rows) == 0 {
		return nil, usageErr("add a line for each patient under the column names", "%s has no patients", name)
	}
	names := make([]string, len(ro.rows))
	for i, r := range ro.rows {
		names[i] = r.patient
	}
	for i, f := range fileNames(names) {
		ro.rows[i].file = f
	}
	return ro, nil
}

func firstInvalid(data []byte) int {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return len(data)
}

// csvError reports a roster the CSV reader cannot read, at its line.
func csvError(name string, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return usageErr(`put a cell holding commas or quotes in double quotes, and double the quotes inside: "say ""hi"""`,
			"%s:%d: %v", name, pe.Line, pe.Err)
	}
	return fmt.Errorf("reading %s: %w", name, err)
}

// checkOutDir checks --out-dir before any work: it must be a folder, or not
// exist yet in a folder that does. It reports whether it must be made.
func checkOutDir(dir string) (mkdir bool, err error) {
	fi, err := os.Stat(dir)
	switch {
	case err == nil && fi.IsDir():
		return false, nil
	case err == nil:
		return false, usageErr("give a folder, new or existing", "--out-dir %s is a file, not a folder", dir)
	case !errors.Is(err, fs.ErrNotExist):
		return false, usageErr("", "cannot use --out-dir %s: %v", dir, pathErr(err))
	}
	parent := filepath.Dir(filepath.Clean(dir))
	if fi, err := os.Stat(parent); err != nil || !fi.IsDir() {
		return false, usageErr("backplan makes the last folder of --out-dir only; create the others first",
			"cannot make --out-dir %s: folder %s does not exist", dir, parent)
	}
	return true, nil
}

// probeDir checks that files can be made in dir, so that a folder without
// write permission is one message, not one for every row.
func probeDir(dir string) error {
	f, err := os.CreateTemp(dir, ".backplan-*.tmp")
	if err != nil {
		return usageErr("", "cannot write in --out-dir %s: %v", dir, pathErr(err))
	}
	f.Close()
	return os.Remove(f.Name())
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

// progress is the "12 of 1000 workbooks" line shown on a terminal while a batch runs.
// With no writer it shows nothing.
type progress struct {
	w    io.Writer
	last int // the length of the line on screen; 0 when there is none
}

func (p *progress) show(done, total int) {
	if p.w == nil {
		return
	}
	line := fmt.Sprintf("backplan: %d of %d workbooks", done, total)
	fmt.Fprintf(p.w, "\r%s", line)
	if pad := p.last - len(line); pad > 0 {
		fmt.Fprintf(p.w, "%s\r%s", strings.Repeat(" ", pad), line)
	}
	p.last = len(line)
}

// clear removes the progress line, so that a message can take its place.
func (p *progress) clear() {
	if p.w == nil || p.last == 0 {
		return
	}
	fmt.Fprintf(p.w, "\r%s\r", strings.Repeat(" ", p.last))
	p.last = 0
}

// maxSlug bounds the length of a file name made from a patient's name,
// before any -2 and the .pdf: well inside every file system's limit, and
// short enough to read in a file list.
const maxSlug = 60

// fileNames gives each patient a workbook file name: the name as a slug,
// plus .pdf. A name already taken by an earlier row gets -2, -3 and so on,
// so the names depend only on the roster, never on which row finishes
// first or which rows fail.
func fileNames(patients []string) []string {
	taken := make(map[string]bool, len(patients))
	out := make([]string, len(patients))
	for i, p := range patients {
		base := slug(p)
		name := base
		for n := 2; taken[name]; n++ {
			name = fmt.Sprintf("%s-%d", base, n)
		}
		taken[name] = true
		out[i] = name + ".pdf"
	}
	return out
}

// slug turns a name into a file name safe on Windows, macOS and Linux:
// lower-case ASCII letters and digits in words joined by hyphens. Accented
// Latin letters lose their accents, Greek and Cyrillic are spelled in Latin
// letters, and anything else separates words. "José Núñez" gives
// jose-nunez, "Анна Иванова" anna-ivanova. A name with nothing left, or one
// that Windows reserves for a device (con, nul, com1 …), gets a patient
// prefix.
func slug(name string) string {
	var b strings.Builder
	gap := false
	for _, r := range greekPairs.Replace(strings.ToLower(name)) {
		s, ok := spell(r)
		if !ok {
			gap = b.Len() > 0
			continue
		}
		if s != "" && gap {
			b.WriteByte('-')
			gap = false
		}
		b.WriteString(s)
	}
	s := b.String()
	if len(s) > maxSlug {
		s = s[:maxSlug]
		if i := strings.LastIndexByte(s, '-'); i > maxSlug/2 {
			s = s[:i]
		}
		s = strings.TrimRight(s, "-")
	}
	switch {
	case s == "":
		return "patient"
	case reservedName(s):
		return "patient-" + s
	}
	return s
}

// spell returns the ASCII letters for a lower-case rune. A rune that is no
// letter or digit separates words (ok is false); a few marks print nothing
// and keep the word together: the Cyrillic soft and hard signs, and
// combining accents, as in names typed on a Mac.
func spell(r rune) (s string, ok bool) {
	switch {
	case 'a' <= r && r <= 'z', '0' <= r && r <= '9':
		return string(r), true
	case r < utf8.RuneSelf:
		return "", false
	case unicode.Is(unicode.Mn, r):
		return "", true
	}
	s, ok = translit[r]
	return s, ok
}

// reservedName reports whether Windows keeps name (with any extension) for
// a device.
func reservedName(name string) bool {
	switch name {
	case "con", "prn", "aux", "nul":
		return true
	}
	if len(name) == 4 && (name[:3] == "com" || name[:3] == "lpt") && '0' <= name[3] && name[3] <= '9' {
		return true
	}
	return false
}

// greekPairs spells the Greek letter pair ου as ou, as Greek passports do.
var greekPairs = strings.NewReplacer("ου", "ou", "ού", "ou", "οϋ", "oy")

// translit spells lower-case letters of Latin, Greek and Cyrillic script,
// the scripts the workbook's fonts print, in ASCII.
var translit = func() map[rune]string {
	pairs := []string{
		// Latin letters with accents, and a few of their own.
		"a", "àáâãäåāăąǎǻ", "ae", "æǽ", "c", "çćĉċč", "d", "ďđð",
		"e", "èéêëēĕėęě", "g", "ĝğġģ", "h", "ĥħ", "i", "ìíîïĩīĭįıǐ",
		"ij", "ĳ", "j", "ĵ", "k", "ķ", "l", "ĺļľŀł", "n", "ñńņňŉ",
		"o", "òóôõöøōŏőǒǿ", "oe", "œ", "r", "ŕŗř", "s", "śŝşšș",
		"ss", "ß", "t", "ţťŧț", "th", "þ", "u", "ùúûüũūŭůűųǔǖǘǚǜ",
		"w", "ŵ", "y", "ýÿŷ", "z", "źżž",
		// Greek.
		"a", "αά", "v", "β", "g", "γ", "d", "δ", "e", "εέ", "z", "ζ",
		"i", "ηήιίϊΐ", "th", "θ", "k", "κ", "l", "λ", "m", "μ", "n", "ν",
		"x", "ξ", "o", "οόωώ", "p", "π", "r", "ρ", "s", "σς", "t", "τ",
		"y", "υύϋΰ", "f", "φ", "ch", "χ", "ps", "ψ",
		// Cyrillic: Russian, Ukrainian, Belarusian, Serbian, Macedonian.
		"a", "а", "b", "б", "v", "в", "g", "гґѓ", "d", "д", "dj", "ђ",
		"e", "еёэ", "ye", "є", "zh", "ж", "z", "з", "dz", "ѕџ", "i", "иі",
		"yi", "ї", "j", "ј", "y", "йы", "k", "кќ", "l", "л", "lj", "љ",
		"m", "м", "n", "н", "nj", "њ", "o", "о", "p", "п", "r", "р",
		"s", "с", "t", "т", "c", "ћ", "u", "уў", "f", "ф", "kh", "х",
		"ts", "ц", "ch", "ч", "sh", "ш", "shch", "щ", "yu", "ю", "ya", "я",
		"", "ъь",
	}
	m := make(map[rune]string)
	for i := 0; i < len(pairs); i += 2 {
		for _, r := range pairs[i+1] {
			m[r] = pairs[i]
		}
	}
	return m
}()
