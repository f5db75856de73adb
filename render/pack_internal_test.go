package render

import (
	"bytes"
	"compress/zlib"
	"io"
	"regexp"
	"strconv"
	"testing"

	"github.com/backplan/backplan/internal/fpdf"

	"github.com/backplan/backplan/fonts"
)

// rawPDF is a small PDF as fpdf writes it without compression: two pages,
// a template and, if font is set, an embedded font (which fpdf always
// compresses).
func rawPDF(t testing.TB, font bool) []byte {
	t.Helper()
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetCompression(false)
	pdf.SetCatalogSort(true)
	if font {
		pdf.AddUTF8FontFromBytes(family, "", fonts.Regular)
		pdf.SetFont(family, "", 12)
	} else {
		pdf.SetFont("Helvetica", "", 12)
	}
	tpl := pdf.CreateTemplateCustom(fpdf.PointType{}, fpdf.SizeType{Wd: 20, Ht: 20}, func(t *fpdf.Tpl) {
		t.RawWriteStr("q 1 J 0 0 m 10 10 l S Q")
	})
	for i := range 2 {
		pdf.AddPage()
		pdf.Text(20, 20, "Page "+strconv.Itoa(i+1)+": (brackets) and \\ too")
		pdf.UseTemplate(tpl)
	}
	var b bytes.Buffer
	if err := pdf.Output(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

var objRe = regexp.MustCompile(`(?s)\n(\d+) 0 obj\n(.*?)\nendobj`)

// streams returns each object's stream, decompressed.
func streams(t testing.TB, pdf []byte) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	for _, m := range objRe.FindAllSubmatch(pdf, -1) {
		body := m[2]
		i := bytes.Index(body, []byte("\nstream\n"))
		if i < 0 {
			continue
		}
		data := body[i+len("\nstream\n") : bytes.LastIndex(body, []byte("\nendstream"))]
		if bytes.Contains(body[:i], []byte("/FlateDecode")) {
			r, err := zlib.NewReader(bytes.NewReader(data))
			if err != nil {
				t.Fatalf("object %s: %v", m[1], err)
			}
			if data, err = io.ReadAll(r); err != nil {
				t.Fatalf("object %s: %v", m[1], err)
			}
		}
		out[string(m[1])] = data
	}
	return out
}

// TestPack checks that pack compresses every stream, keeps what each
// holds, and writes an xref table whose offsets point at their objects.
func TestPack(t *testing.T) {
	raw := rawPDF(t, true)
	packed, err := testRenderer.pack(raw)
	if err != nil {
		t.Fatal(err)
	}
	if len(packed) >= len(raw) {
		t.Errorf("packed %d bytes, raw %d: nothing saved", len(packed), len(raw))
	}
	before, after := streams(t, raw), streams(t, packed)
	if len(before) < 4 || len(after) != len(before) {
		t.Fatalf("%d streams before packing, %d after", len(before), len(after))
	}
	for n, want := range before {
		if !bytes.Equal(after[n], want) {
			t.Errorf("object %s: stream changed by packing", n)
		}
	}
	for _, m := range objRe.FindAllSubmatch(packed, -1) {
		if i := bytes.Index(m[2], []byte("\nstream\n")); i >= 0 && !bytes.Contains(m[2][:i], []byte("/Filter /FlateDecode")) {
			t.Errorf("object %s: stream left uncompressed", m[1])
		}
	}
	checkXref(t, packed)
}

// checkXref wants each xref entry to point at "N 0 obj" and startxref at
// the table.
func checkXref(t testing.TB, pdf []byte) {
	t.Helper()
	sx := bytes.LastIndex(pdf, []byte("startxref\n"))
	if sx < 0 {
		t.Fatal("no startxref")
	}
	line, _, _ := bytes.Cut(pdf[sx+len("startxref\n"):], []byte("\n"))
	at, err := strconv.Atoi(string(line))
	if err != nil || !bytes.HasPrefix(pdf[at:], []byte("xref\n")) {
		t.Fatalf("startxref %q does not point at the xref table", line)
	}
	offs, err := xrefOffsets(pdf[at:])
	if err != nil {
		t.Fatal(err)
	}
	for n, off := range offs {
		if n == 0 {
			continue
		}
		if want := strconv.Itoa(n) + " 0 obj"; !bytes.HasPrefix(pdf[off:], []byte(want)) {
			t.Errorf("xref entry %d points at %q", n, pdf[off:min(len(pdf), off+12)])
		}
	}
}

// TestPackRefuses wants an error, not a guess, for PDFs not shaped as
// fpdf writes them.
func TestPackRefuses(t *testing.T) {
	raw := rawPDF(t, true)
	lenAt := bytes.Index(raw, []byte("/Length "))
	tests := map[string][]byte{
		"empty":        nil,
		"no xref":      bytes.ReplaceAll(raw, []byte("\nxref\n"), []byte("\nxxxx\n")),
		"short stream": append(append(append([]byte{}, raw[:lenAt]...), []byte("/Length 999999")...), raw[lenAt+len("/Length 1"):]...),
		"truncated":    raw[:len(raw)/2],
	}
	for name, in := range tests {
		if _, err := testRenderer.pack(in); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

// FuzzPack feeds pack broken PDFs: it may refuse them but must not panic.
// The seed has no embedded font: a mutated font stream can inflate to
// megabytes, which only slows the fuzzer down.
func FuzzPack(f *testing.F) {
	raw := rawPDF(f, false)
	f.Add(raw)
	f.Add(raw[:len(raw)-40])
	f.Add([]byte("%PDF-1.3\n1 0 obj\n<</Length 3>>\nstream\nabc\nendstream\nendobj\nxref\n0 2\n0000000000 65535 f \n0000000009 00000 n \ntrailer\n<</Size 2>>\nstartxref\n77\n%%EOF\n"))
	f.Fuzz(func(t *testing.T, in []byte) {
		out, err := testRenderer.pack(in)
		if err != nil {
			return
		}
		if !bytes.HasSuffix(out, []byte("%%EOF\n")) {
			t.Fatalf("packed PDF does not end with %%%%EOF")
		}
	})
}

// testRenderer packs for the tests of this file, on two workers so that
// the parallel path runs.
var testRenderer = func() *Renderer {
	r, err := New(2)
	if err != nil {
		panic(err)
	}
	return r
}()
