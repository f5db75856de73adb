package serve

import (
	"archive/zip"
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// post sends a multipart form, with a file in field when file is not
// nil, as a program (not a browser) would, and returns the answer.
func post(t *testing.T, s *server, path, field string, file []byte, fields url.Values) *httptest.ResponseRecorder {
	t.Helper()
	ct, body := multipartBody(t, field, "file", file, fields)
	req := newReq("POST", path, bytes.NewReader(body))
	req.Header.Set("Content-Type", ct)
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	return rec
}

// TestServeEmailDraft: "Email draft" downloads a draft with the workbook
// attached, named after the patient.
func TestServeEmailDraft(t *testing.T) {
	s, _ := newTestServer(t)
	rec := post(t, s, "/eml", "logo", nil, url.Values{"patient": {"Ana Ruiz"}, "email": {"ana@example.com"}})
	if rec.Code != http.StatusOK || rec.Header().Get("Content-Type") != "message/rfc822" ||
		!strings.Contains(rec.Header().Get("Content-Disposition"), "ana-ruiz.eml") {
		t.Fatalf("status %d, %q, %q", rec.Code, rec.Header().Get("Content-Type"), rec.Header().Get("Content-Disposition"))
	}
	if body := rec.Body.String(); !strings.HasPrefix(body, "X-Unsent: 1\r\nTo: ana@example.com\r\n") || !strings.Contains(body, "filename=ana-ruiz.pdf") {
		t.Errorf("the draft:\n%.300s", body)
	}
	if rec.Header().Get(passphraseHeader) != "" {
		t.Error("an unprotected workbook came with a passphrase")
	}
}

// TestServeLogo: a logo sent with the form is drawn; a broken one is a
// mistake beside the logo field, in the page's words.
func TestServeLogo(t *testing.T) {
	s, _ := newTestServer(t)
	logo, err := os.ReadFile(filepath.Join("..", "render", "testdata", "logo.png"))
	if err != nil {
		t.Fatal(err)
	}
	with := post(t, s, "/workbook", "logo", logo, url.Values{"patient": {"Ana Ruiz"}})
	without := post(t, s, "/workbook", "logo", nil, url.Values{"patient": {"Ana Ruiz"}})
	if with.Code != http.StatusOK || without.Code != http.StatusOK || with.Body.Len() <= without.Body.Len() {
		t.Errorf("with a logo: %d, %d bytes; without: %d, %d bytes", with.Code, with.Body.Len(), without.Code, without.Body.Len())
	}
	bad := post(t, s, "/workbook", "logo", logo[:len(logo)/2], url.Values{"patient": {"Ana Ruiz"}})
	if bad.Code != http.StatusBadRequest || !strings.HasPrefix(bad.Body.String(), "logo: the logo is a broken PNG image") {
		t.Errorf("a broken logo: %d %q", bad.Code, bad.Body.String())
	}
	big := post(t, s, "/workbook", "logo", bytes.Repeat([]byte{0}, 2<<20), nil)
	if big.Code != http.StatusRequestEntityTooLarge {
		t.Errorf("a logo of 2 MiB: %d", big.Code)
	}
}

// TestServeBatchDelivery: a roster with email and protect columns gives
// each row with an address its draft, and the passphrases in a file of
// their own; an address for every row at once is refused.
func TestServeBatchDelivery(t *testing.T) {
	s, _ := newTestServer(t)
	roster := []byte("patient,email,protect\nAna Ruiz,ana@example.com,yes\nBen Ode,,no\nCara Lee,cara@example.com,\n")
	rec := post(t, s, "/batch", "batch", roster, nil)
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	zr, err := zip.NewReader(bytes.NewReader(rec.Body.Bytes()), int64(rec.Body.Len()))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	files := map[string]string{}
	for _, f := range zr.File {
		names = append(names, f.Name)
		rc, _ := f.Open()
		data, _ := io.ReadAll(rc)
		files[f.Name] = string(data)
	}
	if got := strings.Join(names, " "); got != "ana-ruiz.pdf ana-ruiz.eml ben-ode.pdf cara-lee.pdf cara-lee.eml passphrases.txt report.txt" {
		t.Errorf("the zip holds %s", got)
	}
	if !strings.Contains(files["passphrases.txt"], "Ana Ruiz\tana-ruiz.pdf\t") || strings.Contains(files["passphrases.txt"], "Cara") {
		t.Errorf("passphrases.txt:\n%s", files["passphrases.txt"])
	}
	if !strings.HasPrefix(files["ana-ruiz.pdf"], "%PDF-2.0") || strings.HasPrefix(files["ben-ode.pdf"], "%PDF-2.0") {
		t.Error("the protected row is not the one protected")
	}
	one := post(t, s, "/batch", "batch", roster, url.Values{"email": {"all@example.com"}})
	if one.Code != http.StatusBadRequest || !strings.Contains(one.Body.String(), "leave “Patient's email” empty") {
		t.Errorf("an address for every row: %d %q", one.Code, one.Body.String())
	}
}
