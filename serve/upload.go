package serve

// The upload endpoints of the page (a saved plan file, a roster), the
// reading of uploads, and the page's embedded styles and script.

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"mime"
	"mime/multipart"
	"net/http"
	"net/url"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/backplan/backplan/internal/words"
	"github.com/backplan/backplan/job"
	"github.com/backplan/backplan/plan"
	"github.com/backplan/backplan/render"
)

// printFields are the fields that may go with an uploaded plan file: how
// it is printed and sent.
var printFields = job.Names(job.PrintGroup, job.SendGroup)

// rosterFields are the fields that may go with a roster: every option,
// though the patient's name and address are the roster's.
var rosterFields = job.Names(job.PlanGroup, job.PatientGroup, job.PrintGroup, job.SendGroup)

// from serves the PDF of an uploaded plan file (field "from"), printed as
// written; only the print options may go with it.
func (s *server) from(w http.ResponseWriter, r *http.Request) {
	form, data, name, ok := s.readUploadForm(w, r, "from", planLimit, "plan file")
	if !ok {
		return
	}
	var bad []string
	for _, op := range job.Table() {
		if _, sent := form[op.Name]; sent && !slices.Contains(printFields, op.Name) {
			bad = append(bad, "“"+labels[op.Name]+"”")
		}
	}
	if len(bad) > 0 {
		s.uploadError(w, r, "from", fmt.Errorf("a plan file is printed as written, so %s cannot go with it", words.And(bad)))
		return
	}
	o, errs := decode(form, printFields)
	if errs != nil {
		s.uploadError(w, r, "from", errs)
		return
	}
	p, err := plan.ReadPlan(bytes.NewReader(data), name)
	if err != nil {
		s.uploadError(w, r, "from", err)
		return
	}
	ro := s.renderOptions(r, o)
	ro.LargePrint = o.LargePrint(p) // as the plan file was printed, unless the form says
	if o.Send.Protect {
		if ro.Protect, err = s.protection(); err != nil {
			s.uploadError(w, r, "from", err)
			return
		}
	}
	pdf, err := s.drawWorkbook(r, p, ro)
	if err != nil {
		if errors.As(err, new(*render.TextError)) {
			s.uploadError(w, r, "from", err)
			return
		}
		s.drawFailure(w, r, nil, err)
		return
	}
	defer s.putBuf(pdf)
	file := job.FileName(p.Patient.Name, ".pdf")
	if ro.Protect != nil {
		s.sendProtected(w, r, p, file, "application/pdf", pdf.Bytes(), ro.Protect.Passphrase)
		return
	}
	sendFile(w, "application/pdf", file, pdf.Bytes())
}

// uploadHint says what to do about an upload's mistake, in the page's
// words, or "".
func uploadHint(err error) string {
	var re *job.RosterError
	var pe *plan.Error
	switch {
	case errors.As(err, &re):
		return re.Hint
	case errors.As(err, &pe) && pe.Kind == plan.PlanFileProblem:
		return "fix the line it names; Save the plan file writes one to start from"
	}
	return pageWords.Hint(err)
}

// cellWords name options as a roster's cells, for the report of a
// roster's rows.
var cellWords = job.Words{
	Option: func(name string) string { return "the " + name + " cell" },
	IDs:    pageWords.IDs,
}

// batch serves a zip of workbooks for an uploaded roster (field "batch"),
// one for each row, named by job's roster, and report.txt: how many were
// made and why any row failed. The other fields are the options every row
// starts from.
func (s *server) batch(w http.ResponseWriter, r *http.Request) {
	form, data, name, ok := s.readUploadForm(w, r, "batch", rosterLimit, "roster")
	if !ok {
		return
	}
	base, ro, err := s.readRoster(form, data, name)
	if err != nil {
		s.uploadError(w, r, "batch", err)
		return
	}
	base.Render = s.renderOptions(r, base)
	made, report := s.rosterReport(ro, base)
	if made == 0 {
		s.uploadError(w, r, "batch", fmt.Errorf("no workbook could be made from %s, so there is nothing to download: %s", ro.Name, strings.Join(firstLines(report, 10), "; ")))
		return
	}
	done, err := s.admit()
	if err != nil {
		plainError(w, http.StatusServiceUnavailable, "busy: too many workbooks are being made; try again in a moment")
		return
	}
	defer done()
	// A roster of many rows takes longer than one workbook may.
	http.NewResponseController(w).SetWriteDeadline(time.Now().Add(10 * time.Minute))
	h := w.Header()
	h.Set("Content-Type", "application/zip")
	h.Set("Content-Disposition", `attachment; filename="workbooks.zip"`)
	h.Set(reportHeader, url.PathEscape(strings.Join(append([]string{fmt.Sprintf("%d of %d rows made", made, len(ro.Rows))}, firstLines(report, 20)...), "\n")))
	s.writeZip(w, r, ro, base, s.Today())
}

// reportHeader carries, before the zip, the report of a roster's rows
// (path-escaped lines), for the page to show: the zip's report.txt says
// the same.
const reportHeader = "X-Backplan-Report"

// rosterReport builds every row's plan without drawing it, and returns
// how many rows make a plan and a line for each that does not: its line
// in the roster, its patient and why, in the words of a roster's cells.
func (s *server) rosterReport(ro *job.Roster, base job.Options) (int, []string) {
	made := 0
	var report []string
	for _, row := range ro.Rows {
		o, err := ro.Options(base, row)
		if err == nil {
			_, err = job.Build(s.Catalog, o, s.Today())
		}
		if err == nil {
			made++
			continue
		}
		line := fmt.Sprintf("line %d (%s): %s", row.Line, clip(oneLine(row.Patient), 60), oneLine(err.Error()))
		if hint := cellWords.Hint(err); hint != "" {
			line += " (" + hint + ")"
		}
		report = append(report, line)
	}
	return made, report
}

// firstLines is at most n of the lines, and a line to say how many more
// there are.
func firstLines(lines []string, n int) []string {
	if len(lines) <= n {
		return lines
	}
	return append(slices.Clone(lines[:n]), fmt.Sprintf("and %d more", len(lines)-n))
}

// readRoster reads an uploaded roster, and the options every row starts
// from.
func (s *server) readRoster(form url.Values, data []byte, name string) (job.Options, *job.Roster, error) {
	base, errs := decode(form, rosterFields)
	if errs != nil {
		return job.Options{}, nil, errs
	}
	if base.Plan.Patient.Name != "" {
		return job.Options{}, nil, errors.New("the roster's patient column names each workbook, so leave “Patient's name” empty")
	}
	if base.Send.Email != "" {
		return job.Options{}, nil, errors.New("the roster's email column gives each patient's address, so leave “Patient's email” empty")
	}
	ro, err := job.ReadRosterAtMost(data, name, maxRosterRows)
	if err != nil {
		return job.Options{}, nil, err
	}
	return base, ro, nil
}

// writeZip writes the zip of a roster's workbooks, in row order, each
// drawn in a worker's slot, with an email draft beside each row that has
// an address, and the report; the passphrases of protected rows go in
// passphrases.txt, for the clinician alone. A row that fails is reported
// as the command line reports it; the others go on.
func (s *server) writeZip(w http.ResponseWriter, r *http.Request, ro *job.Roster, base job.Options, today time.Time) {
	zw := zip.NewWriter(w)
	var report, passphrases bytes.Buffer
	buf := s.getBuf()
	defer s.putBuf(buf)
	made := 0
	for _, row := range ro.Rows {
		files, pass, err := s.zipRow(r, ro, row, base, today, buf)
		if r.Context().Err() != nil {
			return // the browser went away
		}
		if err != nil {
			fmt.Fprintf(&report, "%s line %d (%s): %s\n", ro.Name, row.Line, row.Who(), oneLine(err.Error()))
			if hint := cellWords.Hint(err); hint != "" {
				fmt.Fprintf(&report, "  hint: %s\n", hint)
			}
			continue
		}
		for _, f := range files {
			if !zipFile(zw, f.name, f.data, today, zip.Store) {
				return // the connection broke
			}
		}
		if pass != "" {
			fmt.Fprintf(&passphrases, "%s\t%s\t%s\n", oneLine(row.Patient), row.File, pass)
		}
		made++
	}
	total := len(ro.Rows)
	summary := fmt.Sprintf("made %d of %d workbooks from %s\n", made, total, ro.Name)
	if made == total {
		summary = fmt.Sprintf("made %s from %s; no row failed\n", words.Count(total, "workbook"), ro.Name)
	}
	if passphrases.Len() > 0 {
		head := "Passphrases of the protected workbooks, one a line: patient, workbook, passphrase, apart by tabs.\n" +
			"Tell each patient theirs in person or by telephone, never in the email with the workbook. Then delete this file.\n\n"
		zipFile(zw, "passphrases.txt", append([]byte(head), passphrases.Bytes()...), today, zip.Deflate)
	}
	zipFile(zw, "report.txt", append([]byte(summary), report.Bytes()...), today, zip.Deflate)
	zw.Close()
}

// zipEntry is a file of a roster's zip.
type zipEntry struct {
	name string
	data []byte
}

// zipRow makes one row's workbook and, when the row has an address, its
// email draft, and returns them and the row's passphrase ("" when it is
// not protected). Protected rows draw their passphrases in row order.
func (s *server) zipRow(r *http.Request, ro *job.Roster, row job.Row, base job.Options, today time.Time, buf *bytes.Buffer) ([]zipEntry, string, error) {
	o, err := ro.Options(base, row)
	if err != nil {
		return nil, "", err
	}
	p, err := job.Build(s.Catalog, o, today)
	if err != nil {
		return nil, "", err
	}
	o.Render.LargePrint = o.LargePrint(p) // a row's preset may ask for it
	if o.Send.Protect {
		if o.Render.Protect, err = s.protection(); err != nil {
			return nil, "", err
		}
	}
	buf.Reset()
	if err := s.draw(r.Context(), func(ctx context.Context) error { return s.Renderer.WorkbookContext(ctx, buf, p, o.Render) }); err != nil {
		return nil, "", err
	}
	pdf := bytes.Clone(buf.Bytes())
	files := []zipEntry{{row.File, pdf}}
	if o.Send.Email != "" {
		eml, err := job.Draft(p, o, today, pdf)
		if err != nil {
			return nil, "", err
		}
		files = append(files, zipEntry{strings.TrimSuffix(row.File, ".pdf") + ".eml", eml})
	}
	pass := ""
	if o.Render.Protect != nil {
		pass = o.Render.Protect.Passphrase
	}
	return files, pass, nil
}

// zipFile adds a file to a zip and reports whether it could.
func zipFile(zw *zip.Writer, name string, data []byte, when time.Time, method uint16) bool {
	f, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: method, Modified: when})
	if err == nil {
		_, err = f.Write(data)
	}
	return err == nil
}

// static serves the page's embedded style sheet and script.
func (s *server) static(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("file")
	types := map[string]string{".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8"}
	ct, ok := types[path.Ext(name)]
	data, err := fs.ReadFile(webFiles, "web/"+name)
	if !ok || err != nil || strings.Contains(name, "/") {
		plainError(w, http.StatusNotFound, "not found")
		return
	}
	w.Header().Set("Content-Type", ct)
	w.Header().Set("Cache-Control", "no-cache")
	w.Write(data)
}

// errTooLarge is a body over its limit: 413.
var errTooLarge = errors.New("too large")

// readUpload reads a multipart/form-data body in memory (never to disk):
// the file in field fileField and the other fields as a form. The body is
// already bounded by the caller. A file not chosen (no part, or an empty
// one) is a mistake when required, else nil.
func readUpload(body io.Reader, contentType, fileField string, required bool) (form url.Values, file []byte, fileName string, err error) {
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
	if required && (!seen || len(file) == 0) {
		return nil, nil, "", fmt.Errorf("no file was chosen: choose the %s file first, then press the button again", uploadWhat[fileField])
	}
	return form, file, fileName, nil
}

// uploadWhat names the upload fields in the page's words.
var uploadWhat = map[string]string{"from": "plan", "batch": "roster", "logo": "logo"}

// bodyErr turns a body over its limit into errTooLarge.
func bodyErr(err error) error {
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return errTooLarge
	}
	return fmt.Errorf("the upload is broken: %v", err)
}
