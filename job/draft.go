package job

// The email draft: the workbook attached to a message for the clinic's
// own mail program to open, fill in the sender and send. It is written
// with the standard library's mime, mime/multipart, mime/quotedprintable
// and net/textproto: a draft needs a handful of headers and two or three
// parts, which those write correctly (RFC 2045 to 2047 and 2231 for the
// headers and parts, RFC 5322 for the message), and no mail library
// lets the boundary and Message-ID come from the content, as the same
// inputs giving the same bytes asks.

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/mail"
	"net/textproto"
	"strings"
	"time"
	"unicode"

	"github.com/backplan/backplan/internal/i18n"
	"github.com/backplan/backplan/plan"
)

// attachment is a file attached to a draft.
type attachment struct {
	name, kind string // the file's name and media type
	data       []byte
}

// Draft returns an email draft (RFC 5322, a .eml file) with p's workbook,
// pdf, attached, and the plan file too when o asks (Send.AttachPlan, for
// a colleague). It has no From, for the mail program to fill in; To is
// Send.Email when given; "X-Unsent: 1" makes Outlook open it as a draft.
// The subject and the words say nothing of the plan's content: no
// condition, no note, only that the plan is attached, who it is from and,
// for a protected workbook, that the passphrase comes another way. The
// Date is date, the run's; the boundary and Message-ID are made from the
// content, so the same inputs give the same bytes.
func Draft(p *plan.Plan, o Options, date time.Time, pdf []byte) ([]byte, error) {
	files := []attachment{{FileName(p.Patient.Name, ".pdf"), "application/pdf", pdf}}
	if o.Send.AttachPlan {
		var y bytes.Buffer
		if err := p.WriteYAML(&y); err != nil {
			return nil, fmt.Errorf("the email draft: %w", err)
		}
		files = append(files, attachment{FileName(p.Patient.Name, ".yaml"), "application/yaml", y.Bytes()})
	}
	lang, err := draftLang(p)
	if err != nil {
		return nil, err
	}
	subject := lang.T("mail.subject")
	if c := oneLine(p.Patient.Clinic); c != "" {
		subject = lang.T("mail.subject.from", "clinic", c)
	}
	head := []string{"X-Unsent: 1"}
	if o.Send.Email != "" {
		a, err := mail.ParseAddress(o.Send.Email)
		if err != nil {
			return nil, &Error{Option: "email", Err: fmt.Errorf("email: %s is not an email address", plan.Quote(o.Send.Email))}
		}
		to := a.String()
		if a.Name == "" {
			to = a.Address
		}
		head = append(head, "To: "+to)
	}
	head = append(head, fold("Subject: "+mime.QEncoding.Encode("utf-8", subject)),
		"Date: "+date.Format(time.RFC1123Z))
	body := draftWords(lang, p, o)
	parts, err := draftParts(body, files)
	if err != nil {
		return nil, err
	}
	sum := sha256.New()
	for _, h := range head {
		sum.Write([]byte(h + "\n"))
	}
	sum.Write(parts(""))
	id := hex.EncodeToString(sum.Sum(nil))
	boundary := "backplan-" + id[:32]
	var m bytes.Buffer
	for _, h := range head {
		m.WriteString(h + "\r\n")
	}
	fmt.Fprintf(&m, "Message-ID: <%s@backplan.invalid>\r\n", id[32:])
	fmt.Fprintf(&m, "MIME-Version: 1.0\r\nContent-Type: multipart/mixed;\r\n boundary=\"%s\"\r\n\r\n", boundary)
	m.WriteString("This is a message in MIME format: the words and the attached files follow.\r\n")
	m.Write(parts(boundary))
	return m.Bytes(), nil
}

// draftParts checks the words and files and returns a function that
// writes them as the parts of a multipart message with a boundary, or,
// with none, in a form that stands for them all (to hash).
func draftParts(body string, files []attachment) (func(boundary string) []byte, error) {
	var text bytes.Buffer
	qp := quotedprintable.NewWriter(&text)
	if _, err := qp.Write([]byte(body)); err != nil {
		return nil, err
	}
	if err := qp.Close(); err != nil {
		return nil, err
	}
	return func(boundary string) []byte {
		var b bytes.Buffer
		if boundary == "" {
			b.Write(text.Bytes())
			for _, f := range files {
				fmt.Fprintf(&b, "\n%s %s %d\n", f.name, f.kind, len(f.data))
				b.Write(f.data)
			}
			return b.Bytes()
		}
		w := multipart.NewWriter(&b)
		w.SetBoundary(boundary) // made from the content, so it is in none of it
		tw, _ := w.CreatePart(textproto.MIMEHeader{
			"Content-Type":              {"text/plain; charset=utf-8"},
			"Content-Transfer-Encoding": {"quoted-printable"},
		})
		tw.Write(text.Bytes())
		for _, f := range files {
			fw, _ := w.CreatePart(textproto.MIMEHeader{
				"Content-Type":              {mime.FormatMediaType(f.kind, map[string]string{"name": f.name})},
				"Content-Disposition":       {mime.FormatMediaType("attachment", map[string]string{"filename": f.name})},
				"Content-Transfer-Encoding": {"base64"},
			})
			fw.Write(base64Lines(f.data))
		}
		w.Close()
		return b.Bytes()
	}, nil
}

// base64Lines is data in base64, in lines of 76 characters, as MIME asks.
func base64Lines(data []byte) []byte {
	enc := base64.StdEncoding.EncodeToString(data)
	var b bytes.Buffer
	b.Grow(len(enc) + len(enc)/76*2 + 2)
	for len(enc) > 76 {
		b.WriteString(enc[:76] + "\r\n")
		enc = enc[76:]
	}
	b.WriteString(enc + "\r\n")
	return b.Bytes()
}

// draftLang is the messages of the plan's language, which the email
// speaks as the workbook does.
func draftLang(p *plan.Plan) (*i18n.Lang, error) {
	set, err := i18n.Builtin()
	if err != nil {
		return nil, err
	}
	m, err := set.Match(p.Settings.Lang)
	if err != nil {
		return nil, &Error{Option: "lang", Err: err}
	}
	return m, nil
}

// draftWords are the draft's words: who it is for, that the plan is
// attached, how to open it, and who it is from; nothing of the plan.
func draftWords(m *i18n.Lang, p *plan.Plan, o Options) string {
	pt := p.Patient
	var b strings.Builder
	para := func(s string) { b.WriteString(s + "\n\n") }
	if n := oneLine(pt.Name); n != "" {
		para(m.T("mail.hello.name", "name", n))
	} else {
		para(m.T("mail.hello"))
	}
	if c := oneLine(pt.Clinic); c != "" {
		para(m.T("mail.attached.from", "clinic", c))
	} else {
		para(m.T("mail.attached"))
	}
	if o.Render.Protect != nil || o.Send.Protect {
		para(m.T("mail.locked"))
	}
	if o.Send.AttachPlan {
		para(m.T("mail.planfile"))
	}
	if c := oneLine(pt.Contact); c != "" {
		para(m.T("mail.contact", "contact", strings.TrimRight(c, ".")))
	} else {
		para(m.T("mail.reply"))
	}
	b.WriteString(m.T("mail.bye") + "\n")
	for _, s := range []string{oneLine(pt.Clinician), oneLine(pt.Clinic)} {
		if s != "" {
			b.WriteString(s + "\n")
		}
	}
	return b.String()
}

// oneLine is s on one line: white space and control characters of any
// kind become single spaces, so that nothing typed can break a header.
func oneLine(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }), " ")
}

// fold breaks a header line longer than 78 characters at its spaces,
// as RFC 5322 asks, each break a line end and a space.
func fold(h string) string {
	var b strings.Builder
	line := 0
	for i, w := range strings.Split(h, " ") {
		if i > 0 {
			if line+1+len(w) > 78 {
				b.WriteString("\r\n")
				line = 0
			}
			b.WriteString(" ")
			line++
		}
		b.WriteString(w)
		line += len(w)
	}
	return b.String()
}
