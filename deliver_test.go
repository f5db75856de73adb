package main

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"io"
	"mime"
	"mime/multipart"
	"net/mail"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// emailArgs make a protected workbook with its email draft.
var emailArgs = []string{"--catalog", "testdata/clinic.yaml", "-p", "José Núñez", "--clinic", "Clínica Norte", "--clinician", "Dr Sam Lee",
	"--contact", "020 7946 0000", "--notes", "Go gently after the surgery.", "--email", "jose@example.com", "--protect", "--eml-plan=no"}

// writeDraft runs backplan with --out and --eml and returns both files.
func writeDraft(t *testing.T) (pdf, eml []byte) {
	t.Helper()
	dir := t.TempDir()
	var stderr bytes.Buffer
	args := append(emailArgs, "-o", filepath.Join(dir, "plan.pdf"), "--eml", filepath.Join(dir, "plan.eml"))
	if code := run(args, strings.NewReader(""), io.Discard, &stderr, testEnv()); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	pdf, err := os.ReadFile(filepath.Join(dir, "plan.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	eml, err = os.ReadFile(filepath.Join(dir, "plan.eml"))
	if err != nil {
		t.Fatal(err)
	}
	return pdf, eml
}

// TestEmailDraft: Go's net/mail reads the draft --eml writes, and its
// attachment is the PDF --out wrote, byte for byte.
func TestEmailDraft(t *testing.T) {
	pdf, eml := writeDraft(t)
	m, err := mail.ReadMessage(bytes.NewReader(eml))
	if err != nil {
		t.Fatal(err)
	}
	_, params, err := mime.ParseMediaType(m.Header.Get("Content-Type"))
	if err != nil {
		t.Fatal(err)
	}
	r := multipart.NewReader(m.Body, params["boundary"])
	var names []string
	for {
		p, err := r.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		data, _ := io.ReadAll(p)
		names = append(names, p.FileName())
		if p.FileName() != "jose-nunez.pdf" {
			continue
		}
		got, err := base64.StdEncoding.DecodeString(strings.ReplaceAll(string(data), "\r\n", ""))
		if err != nil || !bytes.Equal(got, pdf) {
			t.Errorf("the attachment (%d bytes, %v) is not --out's PDF (%d bytes)", len(got), err, len(pdf))
		}
	}
	if strings.Join(names, ",") != ",jose-nunez.pdf" {
		t.Errorf("parts %q, want the words and the workbook", names)
	}
}

// pythonReader reads a draft with Python's email package, as a mail
// program would, and prints what it found as JSON; the attachment goes
// to the file named second.
const pythonReader = `
import email, email.policy, json, sys
m = email.message_from_bytes(open(sys.argv[1], "rb").read(), policy=email.policy.default)
body = m.get_body(preferencelist=("plain",))
atts = list(m.iter_attachments())
for a in atts:
    if a.get_filename().endswith(".pdf"):
        open(sys.argv[2], "wb").write(a.get_content())
print(json.dumps({
    "defects": [str(d) for d in m.defects] + [str(d) for p in m.walk() for d in p.defects],
    "headers": {k: str(v) for k, v in m.items()},
    "body": body.get_content(),
    "attachments": [[a.get_filename(), a.get_content_type()] for a in atts],
}))
`

// TestEmailDraftPython: Python's email package reads the draft with no
// defect, finds the subject and words with no clinical detail, and an
// attachment that is --out's PDF, byte for byte.
func TestEmailDraftPython(t *testing.T) {
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 is missing (apt-get install python3)")
	}
	pdf, eml := writeDraft(t)
	dir := t.TempDir()
	in, att := filepath.Join(dir, "plan.eml"), filepath.Join(dir, "attachment.pdf")
	if err := os.WriteFile(in, eml, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(python, "-c", pythonReader, in, att).Output()
	if err != nil {
		t.Fatalf("python3: %v", err)
	}
	var got struct {
		Defects     []string
		Headers     map[string]string
		Body        string
		Attachments [][2]string
	}
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if len(got.Defects) > 0 {
		t.Errorf("defects: %q", got.Defects)
	}
	h := got.Headers
	if h["X-Unsent"] != "1" || h["To"] != "jose@example.com" || h["Subject"] != "Your exercise plan from Clínica Norte" || h["From"] != "" {
		t.Errorf("headers %q", h)
	}
	for _, secret := range []string{"surgery", "Go gently", "back", "pain"} {
		if strings.Contains(got.Body+h["Subject"], secret) {
			t.Errorf("the draft says %q", secret)
		}
	}
	if !strings.Contains(got.Body, "Hello José Núñez,") || !strings.Contains(got.Body, "locked with a passphrase") {
		t.Errorf("the words:\n%s", got.Body)
	}
	if len(got.Attachments) != 1 || got.Attachments[0] != [2]string{"jose-nunez.pdf", "application/pdf"} {
		t.Errorf("attachments %q", got.Attachments)
	}
	if data, err := os.ReadFile(att); err != nil || !bytes.Equal(data, pdf) {
		t.Errorf("Python's attachment (%d bytes, %v) is not --out's PDF (%d bytes)", len(data), err, len(pdf))
	}
}
