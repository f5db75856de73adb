package job_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"io"
	"mime"
	"mime/multipart"
	"net/mail"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/backplan/backplan/job"
	"github.com/backplan/backplan/plan"
)

// stream is a fixed source of "random" bytes: the same seed, the same
// bytes.
func stream(seed string) io.Reader {
	var b bytes.Buffer
	for i := 0; b.Len() < 4096; i++ {
		s := sha256.Sum256([]byte(seed + string(rune('a'+i%26)) + strings.Repeat("x", i/26)))
		b.Write(s[:])
	}
	return &b
}

// TestPassphrase: five words of the list, apart by spaces; the same
// random bytes give the same passphrase, other bytes another; a source
// that runs dry is an error.
func TestPassphrase(t *testing.T) {
	a, err := job.Passphrase(stream("one"))
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`^[a-z]{4,7}( [a-z]{4,7}){4}$`).MatchString(a) || len(a) > job.MaxPassphrase {
		t.Errorf("passphrase %q is not five words of 4 to 7 letters, at most 32 characters", a)
	}
	if b, _ := job.Passphrase(stream("one")); b != a {
		t.Errorf("the same bytes gave %q and %q", a, b)
	}
	if c, _ := job.Passphrase(stream("two")); c == a {
		t.Errorf("other bytes gave the same %q", c)
	}
	if _, err := job.Passphrase(strings.NewReader("ab")); err == nil {
		t.Error("a source that runs dry gave a passphrase")
	}
	pr, err := job.Protect(stream("one"))
	if err != nil || pr.Passphrase != a || pr.FileID == ([16]byte{}) {
		t.Errorf("Protect: %+v, %v", pr, err)
	}
}

// TestPassphraseWords: the words are 512, one of each, each 4 to 7
// lower-case letters, and each comes up: five draws of many passphrases
// reach all of them.
func TestPassphraseWords(t *testing.T) {
	seen := map[string]int{}
	r := stream("spread")
	for range 2000 {
		p, err := job.Passphrase(io.MultiReader(r, stream(time.Now().String())))
		if err != nil {
			t.Fatal(err)
		}
		if len(p) > job.MaxPassphrase {
			t.Fatalf("passphrase %q is longer than %d", p, job.MaxPassphrase)
		}
		for _, w := range strings.Fields(p) {
			seen[w]++
		}
	}
	if len(seen) != 512 {
		t.Errorf("%d different words came up in 10,000 draws, want all 512", len(seen))
	}
}

// planFor builds a small plan for a patient with a note.
func planFor(t *testing.T, o job.Options) *plan.Plan {
	t.Helper()
	cat, err := plan.LoadCatalog(strings.NewReader(catalog), "c.yaml")
	if err != nil {
		t.Fatal(err)
	}
	p, err := job.Build(cat, o, time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// draftOptions are a patient's, with a note the draft must not repeat.
func draftOptions() job.Options {
	var o job.Options
	o.Plan.Weeks = 2
	o.Plan.Focus = plan.FocusPosture
	o.Plan.Patient = plan.Patient{Name: "José Núñez", Clinician: "Dr Sam Lee", Clinic: "Clínica Norte", Contact: "020 7946 0000",
		Notes: "Go gently on the left shoulder after the surgery."}
	o.Send.Email = "jose@example.com"
	return o
}

var runDay = time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC)

// TestDraft: net/mail reads the draft; it is an unsent draft to the
// patient with the subject of the issue, dated the run's day, and holds
// the workbook, byte for byte, and nothing of the plan's content.
func TestDraft(t *testing.T) {
	o := draftOptions()
	p := planFor(t, o)
	pdf := []byte("%PDF-1.4 pretend workbook \x00\xff\x10 bytes")
	eml, err := job.Draft(p, o, runDay, pdf)
	if err != nil {
		t.Fatal(err)
	}
	m, err := mail.ReadMessage(bytes.NewReader(eml))
	if err != nil {
		t.Fatalf("net/mail: %v", err)
	}
	h := m.Header
	subject, err := new(mime.WordDecoder).DecodeHeader(h.Get("Subject"))
	if err != nil {
		t.Fatal(err)
	}
	if subject != "Your exercise plan from Clínica Norte" {
		t.Errorf("subject %q", subject)
	}
	if h.Get("X-Unsent") != "1" || h.Get("From") != "" {
		t.Errorf("X-Unsent %q, From %q: want an unsent draft with no sender", h.Get("X-Unsent"), h.Get("From"))
	}
	if to, err := h.AddressList("To"); err != nil || len(to) != 1 || to[0].Address != "jose@example.com" {
		t.Errorf("To: %v %v", to, err)
	}
	if d, err := h.Date(); err != nil || !d.Equal(runDay) {
		t.Errorf("Date: %v %v", d, err)
	}
	if !regexp.MustCompile(`^<[0-9a-f]{32}@backplan\.invalid>$`).MatchString(h.Get("Message-Id")) {
		t.Errorf("Message-ID %q", h.Get("Message-Id"))
	}
	parts := readParts(t, m)
	if len(parts) != 2 {
		t.Fatalf("%d parts, want the words and the workbook", len(parts))
	}
	body := string(parts[0].data)
	for _, want := range []string{"Hello José Núñez,", "Your exercise plan from Clínica Norte is attached", "020 7946 0000", "Dr Sam Lee"} {
		if !strings.Contains(body, want) {
			t.Errorf("the words lack %q:\n%s", want, body)
		}
	}
	if parts[1].name != "jose-nunez.pdf" || parts[1].kind != "application/pdf" || !bytes.Equal(parts[1].data, pdf) {
		t.Errorf("attachment %q %q of %d bytes, want jose-nunez.pdf, the workbook's %d", parts[1].name, parts[1].kind, len(parts[1].data), len(pdf))
	}
	for _, secret := range []string{"surgery", "shoulder", "back", "pain", "posture", "Go gently"} {
		if strings.Contains(strings.ToLower(subject+body), strings.ToLower(secret)) {
			t.Errorf("the subject or words say %q", secret)
		}
	}
	again, _ := job.Draft(p, o, runDay, pdf)
	if !bytes.Equal(eml, again) {
		t.Error("the same inputs gave another draft")
	}
	other, _ := job.Draft(p, o, runDay, append(pdf, 'x'))
	if bytes.Equal(eml[:300], other[:300]) {
		t.Error("another workbook gave the same boundary and Message-ID")
	}
}

// TestDraftSpanish: a workbook in Spanish goes with a draft in Spanish,
// subject and words, that still says nothing of the plan; a plan in a
// language the workbook lacks has no draft.
func TestDraftSpanish(t *testing.T) {
	o := draftOptions()
	o.Send.Protect = true
	p := planFor(t, o)
	// The test catalogue has no Spanish words; the draft needs none.
	o.Plan.Lang, p.Settings.Lang = "es", "es"
	eml, err := job.Draft(p, o, runDay, []byte("%PDF-1.4"))
	if err != nil {
		t.Fatal(err)
	}
	m, err := mail.ReadMessage(bytes.NewReader(eml))
	if err != nil {
		t.Fatal(err)
	}
	subject, _ := new(mime.WordDecoder).DecodeHeader(m.Header.Get("Subject"))
	if subject != "Su plan de ejercicios de Clínica Norte" {
		t.Errorf("subject %q", subject)
	}
	body := string(readParts(t, m)[0].data)
	for _, want := range []string{"Hola, José Núñez:", "Le enviamos su plan de ejercicios de Clínica Norte adjunto", "contraseña", "020 7946 0000", "Saludos cordiales,", "Dr Sam Lee"} {
		if !strings.Contains(body, want) {
			t.Errorf("the words lack %q:\n%s", want, body)
		}
	}
	for _, english := range []string{"Hello", "attached", "passphrase", "Best wishes"} {
		if strings.Contains(body, english) {
			t.Errorf("the Spanish words hold %q:\n%s", english, body)
		}
	}
	p.Settings.Lang = "fr"
	if _, err := job.Draft(p, o, runDay, []byte("%PDF-1.4")); err == nil || !strings.Contains(err.Error(), `no workbook in language "fr"`) {
		t.Errorf("a draft in French: %v", err)
	}
}

// TestDraftKinds: without an address there is no To; with protection the
// words say the passphrase comes another way; with eml-plan the plan
// file is attached as the plan file --save-plan writes.
func TestDraftKinds(t *testing.T) {
	o := draftOptions()
	o.Send.Email = ""
	o.Plan.Patient.Clinic = ""
	p := planFor(t, o)
	m := readDraft(t, p, o)
	if m.Header.Get("To") != "" || m.Header.Get("Subject") != "Your exercise plan" {
		t.Errorf("To %q, Subject %q", m.Header.Get("To"), m.Header.Get("Subject"))
	}
	o.Send.Protect = true
	if words := string(readParts(t, readDraft(t, p, o))[0].data); !strings.Contains(words, "locked with a passphrase") || !strings.Contains(words, "not in this email") {
		t.Errorf("a protected workbook's words:\n%s", words)
	}
	o.Send.Protect, o.Send.AttachPlan = false, true
	parts := readParts(t, readDraft(t, p, o))
	var want bytes.Buffer
	if err := p.WriteYAML(&want); err != nil {
		t.Fatal(err)
	}
	if len(parts) != 3 || parts[2].name != "jose-nunez.yaml" || !bytes.Equal(parts[2].data, want.Bytes()) {
		t.Errorf("the plan file is not attached as written: %d parts", len(parts))
	}
}

// TestDraftHeaderSafe: text from the form or a roster cannot add a
// header, however it is written, and a long clinic name is folded.
func TestDraftHeaderSafe(t *testing.T) {
	o := draftOptions()
	p := planFor(t, o)
	p.Patient.Clinic = "North\r\nBcc: everyone@example.com " + strings.Repeat("Physiotherapy ", 12)
	eml, err := job.Draft(p, o, runDay, []byte("pdf"))
	if err != nil {
		t.Fatal(err)
	}
	m, err := mail.ReadMessage(bytes.NewReader(eml))
	if err != nil {
		t.Fatal(err)
	}
	if m.Header.Get("Bcc") != "" {
		t.Error("a clinic name added a Bcc header")
	}
	head, _, _ := bytes.Cut(eml, []byte("\r\n\r\n"))
	for _, line := range strings.Split(string(head), "\r\n") {
		if len(line) > 78 {
			t.Errorf("header line of %d characters: %q", len(line), line)
		}
	}
}

// TestSendChecks: the plan file cannot go beside a protected workbook,
// and the clinic's link may not hold the patient's name or address.
func TestSendChecks(t *testing.T) {
	cat, err := plan.LoadCatalog(strings.NewReader(catalog), "c.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name, option string
		set          func(*job.Options)
	}{
		{"plan file beside protection", "eml-plan", func(o *job.Options) { o.Send.Protect, o.Send.AttachPlan = true, true }},
		{"name in the link", "clinic-url", func(o *job.Options) {
			o.Plan.Patient.Name = "Ana Ruiz"
			o.Render.ClinicURL = "https://clinic.example/videos/ruiz"
		}},
		{"address in the link", "clinic-url", func(o *job.Options) {
			o.Send.Email = "<ana.r@example.com>"
			o.Render.ClinicURL = "https://clinic.example/ana"
		}},
	} {
		var o job.Options
		tt.set(&o)
		_, err := job.Build(cat, o, runDay)
		var je *job.Error
		if !errors.As(err, &je) || je.Option != tt.option || !job.IsUsage(err) {
			t.Errorf("%s: %v, want a usage error about %s", tt.name, err, tt.option)
		}
	}
	var o job.Options
	o.Plan.Patient.Name = "Ana Ruiz"
	o.Render.ClinicURL = "https://clinic.example/banana/videos"
	if _, err := job.Build(cat, o, runDay); err != nil {
		t.Errorf("a link with the name inside another word: %v", err)
	}
}

func readDraft(t *testing.T, p *plan.Plan, o job.Options) *mail.Message {
	t.Helper()
	eml, err := job.Draft(p, o, runDay, []byte("%PDF-1.4"))
	if err != nil {
		t.Fatal(err)
	}
	m, err := mail.ReadMessage(bytes.NewReader(eml))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// part is one part of a draft, decoded.
type part struct {
	name, kind string
	data       []byte
}

// readParts reads the parts of a multipart message, undoing their
// transfer encodings.
func readParts(t *testing.T, m *mail.Message) []part {
	t.Helper()
	mt, params, err := mime.ParseMediaType(m.Header.Get("Content-Type"))
	if err != nil || mt != "multipart/mixed" {
		t.Fatalf("Content-Type %q: %v", m.Header.Get("Content-Type"), err)
	}
	r := multipart.NewReader(m.Body, params["boundary"])
	var out []part
	for {
		p, err := r.NextPart()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(p) // the reader undoes quoted-printable
		if err != nil {
			t.Fatal(err)
		}
		if p.Header.Get("Content-Transfer-Encoding") == "base64" {
			data, err = io.ReadAll(base64Reader(data))
			if err != nil {
				t.Fatal(err)
			}
		}
		kind, _, _ := mime.ParseMediaType(p.Header.Get("Content-Type"))
		out = append(out, part{p.FileName(), kind, data})
	}
}

// base64Reader decodes base64 in lines.
func base64Reader(data []byte) io.Reader {
	return base64.NewDecoder(base64.StdEncoding, bytes.NewReader(bytes.ReplaceAll(data, []byte("\r\n"), nil)))
}

// FuzzDraft: whatever names and words a clinician types, the draft is a
// message net/mail reads, with only the draft's own headers and the
// workbook attached whole.
func FuzzDraft(f *testing.F) {
	f.Add("Ana Ruiz", "Northside Physio", "020 7946 0000", "Dr Lee")
	f.Add("José\r\nBcc: x@y", "=?utf-8?q?x?=", "a\x00b", "--backplan-")
	f.Add(strings.Repeat("Ж", 200), strings.Repeat("long ", 60), "", "")
	o := draftOptions()
	var p *plan.Plan
	f.Fuzz(func(t *testing.T, name, clinic, contact, clinician string) {
		if p == nil {
			p = planFor(t, o)
		}
		q := *p
		q.Patient = plan.Patient{Name: name, Clinic: clinic, Contact: contact, Clinician: clinician}
		pdf := []byte("%PDF-1.4 " + name)
		eml, err := job.Draft(&q, o, runDay, pdf)
		if err != nil {
			t.Fatal(err)
		}
		m, err := mail.ReadMessage(bytes.NewReader(eml))
		if err != nil {
			t.Fatalf("net/mail: %v", err)
		}
		for k := range m.Header {
			switch k {
			case "X-Unsent", "To", "Subject", "Date", "Message-Id", "Mime-Version", "Content-Type":
			default:
				t.Fatalf("header %q", k)
			}
		}
		parts := readParts(t, m)
		if len(parts) != 2 || !bytes.Equal(parts[1].data, pdf) {
			t.Fatalf("%d parts", len(parts))
		}
	})
}
