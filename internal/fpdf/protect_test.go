package fpdf

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// samplePDF is a small document with text, a link, a bookmark and the
// metadata strings fpdf writes, uncompressed and compressed.
func samplePDF(t testing.TB, compress bool) []byte {
	t.Helper()
	pdf := New("P", "mm", "A4", "")
	pdf.SetCompression(compress)
	pdf.SetTitle("A (title) with \\ and ) in it", false)
	pdf.SetAuthor("Dr Lee", false)
	pdf.SetLang("en")
	pdf.AddPage()
	pdf.SetFont("Helvetica", "", 14)
	pdf.Bookmark("First (page)", 0, 0)
	pdf.Text(20, 30, "Hello from a protected page")
	pdf.LinkString(20, 40, 60, 10, "https://example.org/video?v=1")
	var b bytes.Buffer
	if err := pdf.Output(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestEncryptQPDF: qpdf reads the encrypted file as AES-256, R 6, opens
// it with the password, refuses a wrong one, and finds nothing wrong
// in the decrypted file.
func TestEncryptQPDF(t *testing.T) {
	if _, err := exec.LookPath("qpdf"); err != nil {
		t.Skip("qpdf is not installed (Debian: apt-get install qpdf)")
	}
	for _, compress := range []bool{false, true} {
		enc, err := Encrypt(samplePDF(t, compress), Protection{Password: "apple river cloud lamp", Allow: CnProtectPrint | CnProtectCopy, ID: [16]byte{1, 2, 3}})
		if err != nil {
			t.Fatal(err)
		}
		dir := t.TempDir()
		in := filepath.Join(dir, "enc.pdf")
		if err := os.WriteFile(in, enc, 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command("qpdf", "--password=apple river cloud lamp", "--show-encryption", in).CombinedOutput()
		if err != nil {
			t.Fatalf("qpdf --show-encryption: %v\n%s", err, out)
		}
		for _, want := range []string{"R = 6", "P = -", "extract for accessibility: allowed", "extract for any purpose: allowed", "print high resolution: allowed", "modify anything: not allowed", "stream encryption method: AESv3", "string encryption method: AESv3"} {
			if !strings.Contains(string(out), want) {
				t.Errorf("qpdf --show-encryption lacks %q:\n%s", want, out)
			}
		}
		plain := filepath.Join(dir, "plain.pdf")
		if out, err := exec.Command("qpdf", "--password=apple river cloud lamp", "--decrypt", in, plain).CombinedOutput(); err != nil {
			t.Fatalf("qpdf --decrypt: %v\n%s", err, out)
		}
		if out, err := exec.Command("qpdf", "--check", plain).CombinedOutput(); err != nil {
			t.Fatalf("qpdf --check of the decrypted file: %v\n%s", err, out)
		}
		if out, err := exec.Command("qpdf", "--check", "--password=apple river cloud lamp", in).CombinedOutput(); err != nil {
			t.Fatalf("qpdf --check: %v\n%s", err, out)
		}
		if out, err := exec.Command("qpdf", "--password=apple river cloud", "--check", in).CombinedOutput(); err == nil {
			t.Errorf("qpdf opened the file with a wrong password:\n%s", out)
		}
	}
}

// TestEncryptSameBytes: the same document, password and ID give the same
// bytes; another ID or password gives others, with strings and streams
// no longer in plain text.
func TestEncryptSameBytes(t *testing.T) {
	doc := samplePDF(t, false)
	p := Protection{Password: "one two three four", Allow: CnProtectPrint | CnProtectCopy, ID: [16]byte{9}}
	a, err := Encrypt(doc, p)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := Encrypt(doc, p)
	if !bytes.Equal(a, b) {
		t.Error("the same inputs gave different bytes")
	}
	for _, q := range []Protection{{Password: p.Password, ID: [16]byte{8}}, {Password: "one two three five", ID: p.ID}} {
		q.Allow = p.Allow
		c, _ := Encrypt(doc, q)
		if bytes.Equal(a, c) {
			t.Errorf("%+v gave the same bytes as %+v", q, p)
		}
	}
	for _, plain := range []string{"Hello from", "Dr Lee", "example.org", "(en)"} {
		if bytes.Contains(a, []byte(plain)) {
			t.Errorf("%q is in the encrypted file as it is", plain)
		}
	}
	if !bytes.HasPrefix(a, []byte("%PDF-2.0\n")) {
		t.Errorf("header %q", a[:10])
	}
}

// TestEncryptRefuses: no password, a file encrypted already and anything
// that is not this package's plain layout are errors, never a document.
func TestEncryptRefuses(t *testing.T) {
	doc := samplePDF(t, true)
	enc, err := Encrypt(doc, Protection{Password: "x", ID: [16]byte{1}})
	if err != nil {
		t.Fatal(err)
	}
	for name, tc := range map[string]struct {
		doc []byte
		pw  string
	}{
		"no password":    {doc, ""},
		"encrypted":      {enc, "x"},
		"not a pdf":      {[]byte("hello"), "x"},
		"cut short":      {doc[:len(doc)/2], "x"},
		"no xref":        {bytes.ReplaceAll(doc, []byte("\nxref\n"), []byte("\nxreg\n")), "x"},
		"wrong length":   {bytes.Replace(doc, []byte("/Length "), []byte("/Length 9"), 1), "x"},
		"unended string": {bytes.Replace(doc, []byte("/Producer ("), []byte("/Producer (("), 1), "x"},
	} {
		if out, err := Encrypt(tc.doc, Protection{Password: tc.pw}); err == nil {
			t.Errorf("%s: encrypted to %d bytes", name, len(out))
		}
	}
}

// TestSetProtectionRefuses: the RC4 protection cannot be reached.
func TestSetProtectionRefuses(t *testing.T) {
	pdf := New("P", "mm", "A4", "")
	pdf.SetProtection(CnProtectPrint, "user", "owner")
	pdf.AddPage()
	var b bytes.Buffer
	if err := pdf.Output(&b); err == nil || !strings.Contains(err.Error(), "RC4") {
		t.Errorf("Output after SetProtection: %v", err)
	}
}

// FuzzEncrypt: any input is encrypted or refused, never a panic, and a
// document that comes out has its header and cross-reference table.
func FuzzEncrypt(f *testing.F) {
	f.Add(samplePDF(f, false))
	f.Add(samplePDF(f, true))
	f.Add([]byte("%PDF-1.3\n1 0 obj\n<</Length 3>>\nstream\nabc\nendstream\nendobj\nxref\n0 2\n0000000000 65535 f \n0000000009 00000 n \ntrailer\n<<\n/Size 2\n>>\nstartxref\n70\n%%EOF\n"))
	f.Fuzz(func(t *testing.T, doc []byte) {
		out, err := Encrypt(doc, Protection{Password: "pw", ID: [16]byte{7}})
		if err != nil {
			return
		}
		if !bytes.HasPrefix(out, []byte("%PDF-2.0")) || !bytes.Contains(out, []byte("\nxref\n")) || !bytes.HasSuffix(out, []byte("%%EOF\n")) {
			t.Fatalf("encrypted to a file without its header or table: %q", out)
		}
	})
}
