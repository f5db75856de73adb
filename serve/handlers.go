package serve

// The endpoints of the page. Each form field is named as its option in
// job's table (see form.go); the README lists them.

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"net/url"
	"path"
	"strings"

	"github.com/backplan/backplan/job"
	"github.com/backplan/backplan/plan"
	"github.com/backplan/backplan/render"
)

// readForm reads the plan form: urlencoded, or multipart/form-data when
// the page sends the clinic's logo with it, whose bytes come apart from
// the other fields (nil when no file was chosen). Each is read into
// memory within its limit. The query string is never read: forms come
// in the body.
func readForm(w http.ResponseWriter, r *http.Request) (url.Values, []byte, int, error) {
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if mt == "multipart/form-data" {
		if r.ContentLength > logoLimit {
			return nil, nil, http.StatusRequestEntityTooLarge, errTooLarge
		}
		r.Body = http.MaxBytesReader(w, r.Body, logoLimit)
		form, logo, _, err := readUpload(r.Body, r.Header.Get("Content-Type"), "logo", false)
		switch {
		case errors.Is(err, errTooLarge):
			return nil, nil, http.StatusRequestEntityTooLarge, errTooLarge
		case err != nil:
			return nil, nil, http.StatusBadRequest, err
		}
		return form, logo, 0, nil
	}
	if r.ContentLength > formLimit {
		return nil, nil, http.StatusRequestEntityTooLarge, errTooLarge
	}
	if mt != "application/x-www-form-urlencoded" {
		return nil, nil, http.StatusUnsupportedMediaType, errors.New("send the form as application/x-www-form-urlencoded, or multipart/form-data with a logo")
	}
	r.Body = http.MaxBytesReader(w, r.Body, formLimit)
	if err := r.ParseForm(); err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return nil, nil, http.StatusRequestEntityTooLarge, errTooLarge
		}
		return nil, nil, http.StatusBadRequest, errors.New("the form could not be read")
	}
	return r.PostForm, nil, 0, nil
}

// tooLarge words a 413 for what was sent.
func tooLarge(what string, limit int) string {
	return fmt.Sprintf("the %s is too large: at most %d KiB", what, limit>>10)
}

// wantsPage reports whether the request is a browser's own navigation (a
// form sent without the script), which gets a whole page back rather than
// a line of text.
func wantsPage(r *http.Request) bool {
	if m := r.Header.Get("Sec-Fetch-Mode"); m != "" {
		return m == "navigate"
	}
	return strings.Contains(r.Header.Get("Accept"), "text/html")
}

// planFields are the fields of the plan form: every option of the table.
var planFields = job.Names(job.PlanGroup, job.PatientGroup, job.PrintGroup, job.SendGroup)

// paperFor is the paper for a request whose form chose none: the
// system's, else that of the browser's language.
func (s *server) paperFor(r *http.Request) render.Paper {
	return job.DefaultPaper(s.Paper, job.LanguageRegion(r.Header.Get("Accept-Language")))
}

// build builds the plan for options, on today's date.
func (s *server) build(o job.Options) (*plan.Plan, error) {
	return job.Build(s.Catalog, o, s.Today())
}

// page serves the form with the default plan's preview.
func (s *server) page(w http.ResponseWriter, r *http.Request) {
	form := defaultForm(s.paperFor(r))
	p, errs := s.planFor(form)
	s.writePage(w, r, http.StatusOK, form, errs, p)
}

// pagePreview is the Preview button without the script: the page again,
// filled in as sent, with the preview or the mistakes beside their fields.
func (s *server) pagePreview(w http.ResponseWriter, r *http.Request) {
	form, _, code, err := readForm(w, r)
	if err != nil {
		s.formFailure(w, code, err)
		return
	}
	p, errs := s.planFor(form)
	status := http.StatusOK
	if errs != nil {
		status = http.StatusBadRequest
	}
	s.writePage(w, r, status, form, errs, p)
}

// planFor decodes a form and builds its plan, checking that the fonts
// can print its text.
func (s *server) planFor(form url.Values) (*plan.Plan, formErrors) {
	o, errs := s.decode(form)
	if errs != nil {
		return nil, errs
	}
	p, err := s.build(o)
	if err != nil {
		return nil, planErrors(err)
	}
	if err := s.Renderer.CheckText(p); err != nil {
		return nil, planErrors(err)
	}
	return p, nil
}

// decode decodes the plan form. With mistakes, it adds those the planner
// finds in each other field on its own (a number out of range, an
// unknown exercise), so that every field's mistake shows at once.
func (s *server) decode(form url.Values) (job.Options, formErrors) {
	o, errs := decode(form, planFields)
	if errs == nil {
		// The form shows every option: a preset chosen on the page has
		// filled it in already, and what it shows is what makes the plan.
		o.MarkGiven(planFields...)
		return o, nil
	}
	vals, _ := values(form, planFields)
	for _, fv := range vals {
		if errs.byField(fv.op.Name) != nil {
			continue
		}
		var alone job.Options
		if fv.op.Set(&alone, fv.v) != nil {
			continue
		}
		if _, err := s.build(alone); err != nil && job.OptionOf(err) == fv.op.Name {
			errs = append(errs, planErrors(err)...)
		}
	}
	return job.Options{}, errs
}

func (s *server) writePage(w http.ResponseWriter, r *http.Request, status int, form url.Values, errs formErrors, p *plan.Plan) {
	d := s.base
	// A field the form did not send shows its default, which is what the
	// plan used.
	d.Form = defaultForm(s.paperFor(r))
	for k, v := range form {
		d.Form[k] = v
	}
	d.Errors = namedErrors(s.Catalog, errs)
	if p != nil || errs != nil {
		d.Preview = previewHTML(s.Catalog, p, errs)
	}
	var b bytes.Buffer
	if err := pageTemplates().ExecuteTemplate(&b, "page.html", d); err != nil {
		plainError(w, http.StatusInternalServerError, "internal error: the page could not be made")
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(b.Bytes())
}

// formFailure answers a form that could not be read at all.
func (s *server) formFailure(w http.ResponseWriter, code int, err error) {
	if errors.Is(err, errTooLarge) {
		plainError(w, http.StatusRequestEntityTooLarge, tooLarge("form", formLimit))
		return
	}
	plainError(w, code, err.Error())
}

// badForm answers a form with mistakes: the page again for a browser, the
// messages one a line ("field: message") for another program.
func (s *server) badForm(w http.ResponseWriter, r *http.Request, form url.Values, errs formErrors) {
	if wantsPage(r) {
		s.writePage(w, r, http.StatusBadRequest, form, errs, nil)
		return
	}
	plainError(w, http.StatusBadRequest, errs.Error())
}

// preview serves the preview fragment: 200 with the plan, 400 with the
// mistakes, each with its field in data-field.
func (s *server) preview(w http.ResponseWriter, r *http.Request) {
	form, _, code, err := readForm(w, r)
	if err != nil {
		s.formFailure(w, code, err)
		return
	}
	p, errs := s.planFor(form)
	var b bytes.Buffer
	if err := writePreview(&b, s.Catalog, p, errs); err != nil {
		plainError(w, http.StatusInternalServerError, "internal error: the preview could not be made")
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	if errs != nil {
		w.WriteHeader(http.StatusBadRequest)
	}
	w.Write(b.Bytes())
}

// workbook serves the PDF for a form.
func (s *server) workbook(w http.ResponseWriter, r *http.Request) { s.deliver(w, r, false) }

// emlDraft serves the email draft for a form: the PDF attached to a
// message for the clinic's mail program (job.Draft).
func (s *server) emlDraft(w http.ResponseWriter, r *http.Request) { s.deliver(w, r, true) }

// deliver serves a form's workbook, or its email draft: protected when
// the form asks, with the clinic's logo when one is sent.
func (s *server) deliver(w http.ResponseWriter, r *http.Request, asDraft bool) {
	form, logo, code, err := readForm(w, r)
	if err != nil {
		s.formFailure(w, code, err)
		return
	}
	o, errs := s.decode(form)
	if errs == nil {
		o.Render = s.renderOptions(r, o)
		o.Render.Logo, errs = parseLogo(logo)
	}
	if errs != nil {
		s.badForm(w, r, form, errs)
		return
	}
	p, err := s.build(o)
	if err == nil && o.Send.Protect {
		o.Render.Protect, err = s.protection()
	}
	if err != nil {
		s.badForm(w, r, form, planErrors(err))
		return
	}
	pdf, err := s.drawWorkbook(r, p, o.Render)
	if err != nil {
		s.drawFailure(w, r, form, err)
		return
	}
	defer s.putBuf(pdf)
	name, kind, data := job.FileName(o.Plan.Patient.Name, ".pdf"), "application/pdf", pdf.Bytes()
	if asDraft {
		if data, err = job.Draft(p, o, s.Today(), data); err != nil {
			plainError(w, http.StatusInternalServerError, "internal error: the email draft could not be made")
			return
		}
		name, kind = job.FileName(o.Plan.Patient.Name, ".eml"), "message/rfc822"
	}
	if pr := o.Render.Protect; pr != nil {
		s.sendProtected(w, r, p, name, kind, data, pr.Passphrase)
		return
	}
	sendFile(w, kind, name, data)
}

// renderOptions are the form's print options, with the default paper
// where the form chose none.
func (s *server) renderOptions(r *http.Request, o job.Options) render.Options {
	return o.Print(s.paperFor(r))
}

// drawWorkbook draws p in a worker's slot, once one is free; errBusy when
// the queue is full.
func (s *server) drawWorkbook(r *http.Request, p *plan.Plan, o render.Options) (*bytes.Buffer, error) {
	done, err := s.admit()
	if err != nil {
		return nil, err
	}
	defer done()
	buf := s.getBuf()
	err = s.draw(r.Context(), func(ctx context.Context) error { return s.Renderer.WorkbookContext(ctx, buf, p, o) })
	if err != nil {
		s.putBuf(buf)
		return nil, err
	}
	return buf, nil
}

// drawFailure answers a workbook that could not be drawn.
func (s *server) drawFailure(w http.ResponseWriter, r *http.Request, form url.Values, err error) {
	switch {
	case errors.Is(err, errBusy):
		plainError(w, http.StatusServiceUnavailable, "busy: too many workbooks are being made; try again in a moment")
	case errors.As(err, new(*render.TextError)):
		s.badForm(w, r, form, planErrors(err))
	case r.Context().Err() != nil:
		// The browser went away; nobody reads the answer.
	default:
		plainError(w, http.StatusInternalServerError, "internal error: the workbook could not be made")
	}
}

func (s *server) getBuf() *bytes.Buffer {
	if b, ok := s.bufs.Get().(*bytes.Buffer); ok {
		b.Reset()
		return b
	}
	return new(bytes.Buffer)
}

func (s *server) putBuf(b *bytes.Buffer) {
	if b.Cap() <= 4<<20 {
		s.bufs.Put(b)
	}
}

// sendFile answers with a download.
func sendFile(w http.ResponseWriter, contentType, name string, data []byte) {
	h := w.Header()
	h.Set("Content-Type", contentType)
	h.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": name}))
	h.Set("Content-Length", fmt.Sprint(len(data)))
	w.Write(data)
}

// planFile serves the plan file for a form, to edit or print again.
func (s *server) planFile(w http.ResponseWriter, r *http.Request) {
	form, _, code, err := readForm(w, r)
	if err != nil {
		s.formFailure(w, code, err)
		return
	}
	p, errs := s.planFor(form)
	if errs != nil {
		s.badForm(w, r, form, errs)
		return
	}
	var b bytes.Buffer
	if err := p.WriteYAML(&b); err != nil {
		plainError(w, http.StatusInternalServerError, "internal error: the plan file could not be made")
		return
	}
	sendFile(w, "application/yaml", job.FileName(p.Patient.Name, ".yaml"), b.Bytes())
}

// readUploadForm reads a multipart upload of at most limit bytes; on
// failure it has answered.
func (s *server) readUploadForm(w http.ResponseWriter, r *http.Request, field string, limit int, what string) (url.Values, []byte, string, bool) {
	fail := func(code int, msg string) (url.Values, []byte, string, bool) {
		if code == http.StatusBadRequest && wantsPage(r) {
			d := defaultForm(s.paperFor(r))
			s.writeUploadPage(w, d, field, msg)
			return nil, nil, "", false
		}
		plainError(w, code, msg)
		return nil, nil, "", false
	}
	if r.ContentLength > int64(limit) {
		return fail(http.StatusRequestEntityTooLarge, tooLarge(what, limit))
	}
	r.Body = http.MaxBytesReader(w, r.Body, int64(limit))
	form, data, name, err := readUpload(r.Body, r.Header.Get("Content-Type"), field, true)
	switch {
	case errors.Is(err, errTooLarge):
		return fail(http.StatusRequestEntityTooLarge, tooLarge(what, limit))
	case err != nil:
		return fail(http.StatusBadRequest, err.Error())
	}
	name = path.Base(strings.ReplaceAll(name, `\`, "/"))
	if name == "." || name == "/" || name == "" {
		name = what
	}
	return form, data, name, true
}

// writeUploadPage is the page again with an upload's mistake beside it.
func (s *server) writeUploadPage(w http.ResponseWriter, form url.Values, field, msg string) {
	d := s.base
	d.Form, d.Upload, d.UploadErr = form, field, msg
	var b bytes.Buffer
	if err := pageTemplates().ExecuteTemplate(&b, "page.html", d); err != nil {
		plainError(w, http.StatusInternalServerError, "internal error: the page could not be made")
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusBadRequest)
	w.Write(b.Bytes())
}

// uploadError answers a mistake in an upload.
func (s *server) uploadError(w http.ResponseWriter, r *http.Request, field string, err error) {
	msg := oneLine(err.Error())
	if h := uploadHint(err); h != "" {
		msg += " (" + h + ")"
	}
	if wantsPage(r) {
		s.writeUploadPage(w, defaultForm(s.paperFor(r)), field, msg)
		return
	}
	plainError(w, http.StatusBadRequest, msg)
}
