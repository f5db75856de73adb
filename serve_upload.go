package main

// The upload endpoints of backplan serve (a saved plan file, a roster) and
// the page's embedded styles and script.

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/backplan/backplan/internal/words"
)

// from serves the PDF of an uploaded plan file (field "from"), printed as
// written; only paper and large-print may go with it.
func (s *server) from(w http.ResponseWriter, r *http.Request) {
	form, data, name, ok := s.readUploadForm(w, r, "from", planLimit, "plan file")
	if !ok {
		return
	}
	var bad []string
	for k := range form {
		if k != "paper" && k != "large-print" {
			bad = append(bad, k)
		}
	}
	if len(bad) > 0 {
		slices.Sort(bad)
		s.uploadError(w, r, "from", fmt.Errorf("a plan file is printed as written, so %s cannot go with it", words.And(bad)))
		return
	}
	ch, err := decodeChoice(form)
	if err != nil {
		s.uploadError(w, r, "from", err)
		return
	}
	p, err := readUploadedPlan(data, name)
	if err != nil {
		s.uploadError(w, r, "from", err)
		return
	}
	pdf, err := s.drawWorkbook(r, p, ch.renderOptions(paperFor(r.Header.Get("Accept-Language"))))
	if err != nil {
		if textError(err) {
			s.uploadError(w, r, "from", err)
			return
		}
		s.drawFailure(w, r, nil, err)
		return
	}
	defer s.putBuf(pdf)
	sendFile(w, "application/pdf", workbookName(p.Patient.Name, ".pdf"), pdf.Bytes())
}

// batch serves a zip of workbooks for an uploaded roster (field "batch"),
// one for each row, named as --batch names them, and report.txt: how many
// were made and why any row failed. The other fields are the options every
// row starts from, as the command line is for --batch.
func (s *server) batch(w http.ResponseWriter, r *http.Request) {
	form, data, name, ok := s.readUploadForm(w, r, "batch", rosterLimit, "roster")
	if !ok {
		return
	}
	base, err := decodeChoice(form)
	if err != nil {
		s.uploadError(w, r, "batch", err)
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

	today, err := s.pl.today()
	if err != nil {
		plainError(w, http.StatusInternalServerError, "internal error: no run date")
		return
	}
	var zw *zip.Writer
	var report bytes.Buffer
	made, total := 0, 0
	buf := s.getBuf()
	defer s.putBuf(buf)
	err = s.pl.roster(base, data, name, paperFor(r.Header.Get("Accept-Language")), func(row rosterRow) error {
		if zw == nil {
			h := w.Header()
			h.Set("Content-Type", "application/zip")
			h.Set("Content-Disposition", `attachment; filename="workbooks.zip"`)
			zw = zip.NewWriter(w)
		}
		total++
		if row.err == nil {
			buf.Reset()
			row.err = s.draw(r.Context(), func() error { return s.renderer.Workbook(buf, row.plan, row.opts) })
			if r.Context().Err() != nil {
				return r.Context().Err()
			}
		}
		if row.err != nil {
			writeRowReport(&report, name, row)
			return nil
		}
		f, err := zw.CreateHeader(&zip.FileHeader{Name: row.file, Method: zip.Store, Modified: today})
		if err == nil {
			_, err = f.Write(buf.Bytes())
		}
		made++
		return err
	})
	if zw == nil {
		if err == nil {
			err = errors.New("the roster has no patients")
		}
		s.uploadError(w, r, "batch", err)
		return
	}
	if err != nil {
		return // the browser went away, or the connection broke
	}
	summary := fmt.Sprintf("made %d of %d workbooks from %s\n", made, total, name)
	if made == total {
		summary = fmt.Sprintf("made %s from %s; no row failed\n", words.Count(total, "workbook"), name)
	}
	f, err := zw.CreateHeader(&zip.FileHeader{Name: "report.txt", Method: zip.Deflate, Modified: today})
	if err == nil {
		f.Write([]byte(summary))
		f.Write(report.Bytes())
	}
	zw.Close()
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
