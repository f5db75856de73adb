package serve

// Getting the workbook to the patient from the page: the clinic's logo
// sent with the form, the email draft, and the protected workbook,
// whose passphrase the page shows once.

import (
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"html/template"
	"mime"
	"net/http"

	"github.com/backplan/backplan/job"
	"github.com/backplan/backplan/plan"
	"github.com/backplan/backplan/render"
)

// parseLogo checks a logo sent with the form; nil bytes are no logo.
func parseLogo(data []byte) (*render.Logo, formErrors) {
	if len(data) == 0 {
		return nil, nil
	}
	g, err := render.ParseLogo(data)
	if err != nil {
		return nil, formErrors{{Field: "logo", Msg: err.Error(), Hint: "save it as a PNG or JPEG in colour or grey, about 500 to 1000 pixels across"}}
	}
	return g, nil
}

// errNoRandom is a server made without randomness, asked to protect.
var errNoRandom = errors.New("this server cannot make passphrases")

// protection draws a new passphrase and file ID.
func (s *server) protection() (*render.Protection, error) {
	if s.Random == nil {
		return nil, errNoRandom
	}
	return job.Protect(s.Random)
}

// passphraseHeader carries a protected workbook's passphrase to a
// program that posted the form, in place of the page a browser gets.
const passphraseHeader = "Backplan-Passphrase"

// protectedData is what the page of a protected download shows.
type protectedData struct {
	Patient, Passphrase, Name, What string
	Link                            template.URL
}

// sendProtected answers with a protected workbook (or its draft): to a
// browser, a page that shows the passphrase, once, with a link that
// saves the file; to another program, the file, with the passphrase in
// a header. The server keeps neither.
func (s *server) sendProtected(w http.ResponseWriter, r *http.Request, p *plan.Plan, name, kind string, data []byte, passphrase string) {
	if !wantsPage(r) {
		w.Header().Set(passphraseHeader, passphrase)
		sendFile(w, kind, name, data)
		return
	}
	what := "workbook (PDF)"
	if kind == "message/rfc822" {
		what = "email draft, with the workbook attached"
	}
	d := protectedData{Patient: p.Patient.Name, Passphrase: passphrase, Name: name, What: what,
		// A data: link holds the file itself: nothing stays on the server
		// to fetch later. It is built from the file's bytes alone.
		Link: template.URL("data:" + mime.FormatMediaType(kind, nil) + ";base64," + base64.StdEncoding.EncodeToString(data))}
	var b bytes.Buffer
	if err := pageTemplates().ExecuteTemplate(&b, "protected.html", d); err != nil {
		plainError(w, http.StatusInternalServerError, "internal error: the page could not be made")
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Length", fmt.Sprint(b.Len()))
	w.Write(b.Bytes())
}
