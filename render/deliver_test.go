package render_test

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/backplan/backplan/internal/testenv"
	"github.com/backplan/backplan/internal/validators"
	"github.com/backplan/backplan/plan"
	"github.com/backplan/backplan/render"
)

// The clinic in the workbook (its logo, its link, a video for each
// exercise) and the protected workbook.

// clinicURL is the clinic's link of these tests.
const clinicURL = "https://northside.example/videos"

// videoCatalog is testdata/videos.yaml: the test catalogue with a video
// for each exercise.
func videoCatalog(t testing.TB) *plan.Catalog { return loadCatalog(t, "testdata/videos.yaml") }

func readLogo(t testing.TB, name string) *render.Logo {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	g, err := render.ParseLogo(data)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return g
}

// pngOf encodes an image as PNG.
func pngOf(t testing.TB, img image.Image) []byte {
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// withChunk puts a chunk into a PNG after its header: an acTL chunk
// makes it an animated PNG.
func withChunk(data []byte, kind string, body []byte) []byte {
	var c bytes.Buffer
	binary.Write(&c, binary.BigEndian, uint32(len(body)))
	c.WriteString(kind)
	c.Write(body)
	crc := crc32.ChecksumIEEE(append([]byte(kind), body...))
	binary.Write(&c, binary.BigEndian, crc)
	at := 8 + 25 // the signature and the header chunk
	return slices.Concat(data[:at], c.Bytes(), data[at:])
}

// TestParseLogo: a PNG or JPEG of a sensible size is taken; anything else
// is one line saying what is wrong, never a panic.
func TestParseLogo(t *testing.T) {
	file := func(name string) []byte {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	good := file("logo.png")
	grey := pngOf(t, image.NewGray(image.Rect(0, 0, 300, 100)))
	actl := make([]byte, 8)
	binary.BigEndian.PutUint32(actl, 2)
	tests := []struct {
		name string
		data []byte
		want string // "" when taken
	}{
		{"png", good, ""},
		{"jpeg", file("logo.jpg"), ""},
		{"grey png", grey, ""},
		{"16-bit", file("logo-16bit.png"), "16-bit PNG"},
		{"interlaced", file("logo-interlaced.png"), "interlaced PNG"},
		{"cmyk", file("logo-cmyk.jpg"), "CMYK JPEG"},
		{"animated", withChunk(good, "acTL", actl), "animated PNG"},
		{"broken png", good[:len(good)/2], "broken PNG"},
		{"broken jpeg", file("logo.jpg")[:2000], "broken or unusual JPEG"},
		{"empty", nil, "empty"},
		{"gif", []byte("GIF89a\x01\x00\x01\x00"), "not a PNG or JPEG"},
		{"text", []byte("hello"), "not a PNG or JPEG"},
		{"over a mebibyte", append(slices.Clone(good), make([]byte, 1<<20)...), "larger than 1 MiB"},
		{"huge", pngOf(t, image.NewGray(image.Rect(0, 0, 3000, 10))), "at most 2500"},
		{"too many pixels", pngOf(t, image.NewGray(image.Rect(0, 0, 2400, 2400))), "at most 2500"},
		{"tiny", pngOf(t, image.NewGray(image.Rect(0, 0, 40, 20))), "too few"},
		{"thin", pngOf(t, image.NewGray(image.Rect(0, 0, 900, 100))), "long and thin"},
		{"paletted", pngOf(t, image.NewPaletted(image.Rect(0, 0, 200, 100), color.Palette{color.White, color.Black})), ""},
	}
	for _, tt := range tests {
		_, err := render.ParseLogo(tt.data)
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%s: %v", tt.name, err)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("%s: %v, want …%s…", tt.name, err, tt.want)
		case err != nil && strings.ContainsAny(err.Error(), "\n"):
			t.Errorf("%s: the message is not one line: %q", tt.name, err)
		}
	}
}

// FuzzParseLogo: any bytes are a logo or a one-line error, and a logo
// taken is drawn into a PDF that pdfcpu accepts.
func FuzzParseLogo(f *testing.F) {
	for _, name := range []string{"logo.png", "logo.jpg", "logo-16bit.png", "logo-interlaced.png"} {
		if data, err := os.ReadFile(filepath.Join("testdata", name)); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR"))
	c := loadCatalog(f, "testdata/catalog.yaml")
	p := build(f, c, plan.Options{Weeks: 1, Days: 1})
	f.Fuzz(func(t *testing.T, data []byte) {
		g, err := render.ParseLogo(data)
		if err != nil {
			if strings.Contains(err.Error(), "\n") {
				t.Fatalf("a message of more than one line: %q", err)
			}
			return
		}
		var b bytes.Buffer
		if err := rend.Workbook(&b, p, render.Options{Logo: g}); err != nil {
			t.Fatalf("a logo taken does not draw: %v", err)
		}
		validate(t, b.Bytes())
	})
}

// TestLogoPlacement: the logo stands on the cover at the right of who the
// workbook is for and from, within 40 × 20 mm, and small at the left of
// every footer, before the patient's name.
func TestLogoPlacement(t *testing.T) {
	p := build(t, testCatalog(t), plan.Options{Weeks: 2, Patient: plan.Patient{Name: "Ana Ruiz", Clinic: "Northside Physio", Contact: "020 7946 0000"}})
	for _, name := range []string{"logo.png", "logo.jpg"} {
		d, err := rend.Layout(p, render.Options{Logo: readLogo(t, name)})
		if err != nil {
			t.Fatal(err)
		}
		for _, pg := range d.Pages {
			var logos []render.Item
			var from render.Item
			for _, it := range pg.Items {
				switch {
				case it.Kind == render.Image:
					logos = append(logos, it)
				case it.Kind == render.Text && strings.Contains(it.Text, "Northside Physio"):
					from = it
				}
			}
			footer := logos[len(logos)-1]
			if footer.Y < d.Height-30 || footer.H > 8 {
				t.Errorf("%s: page %d: the footer's logo is %.1f × %.1f mm at %.1f", name, pg.Number, footer.W, footer.H, footer.Y)
			}
			if pg.Number != 1 {
				if len(logos) != 1 {
					t.Errorf("%s: page %d has %d logos", name, pg.Number, len(logos))
				}
				continue
			}
			if len(logos) != 2 {
				t.Fatalf("%s: the cover has %d logos", name, len(logos))
			}
			cover := logos[0]
			if cover.W > 40.01 || cover.H > 20.01 || cover.W < 39.9 {
				t.Errorf("%s: the cover's logo is %.1f × %.1f mm, want 40 × 20 at most, and as large as fits", name, cover.W, cover.H)
			}
			if from.Text == "" || from.Y < cover.Y || from.Y > cover.Y+cover.H || from.X+from.W > cover.X {
				t.Errorf("%s: the clinic's name (%q at %.1f, %.1f) is not beside the logo (%.1f, %.1f)", name, from.Text, from.X, from.Y, cover.X, cover.Y)
			}
		}
		validate(t, pdfBytes(t, p, render.Options{Logo: readLogo(t, name)}))
	}
}

// TestQRCodesDecode draws workbooks with a video for each exercise and
// the clinic's link, at 150 dots an inch, and reads every QR code with
// zbarimg: each exercise's page has its video's link, the cover the
// clinic's, and nothing else is found. The quick run draws the pages
// that have a code; the full run every page.
func TestQRCodesDecode(t *testing.T) {
	c := videoCatalog(t)
	for _, o := range []render.Options{
		{Paper: render.A4, ClinicURL: clinicURL},
		{Paper: render.Letter, LargePrint: true, ClinicURL: clinicURL, Logo: readLogo(t, "logo.png")},
	} {
		p := build(t, c, plan.Options{Weeks: 4, Days: 3, Patient: plan.Patient{Name: "Ana Ruiz"}})
		d, err := rend.Layout(p, o)
		if err != nil {
			t.Fatal(err)
		}
		file := filepath.Join(t.TempDir(), "plan.pdf")
		if err := os.WriteFile(file, pdfBytes(t, p, o), 0o644); err != nil {
			t.Fatal(err)
		}
		want := map[int][]string{1: {clinicURL}}
		pages := []int{1}
		for _, e := range p.Exercises {
			n := exercisePage(d, e)
			want[n] = append(want[n], e.Video)
			pages = append(pages, n)
		}
		if testenv.Full() {
			pages = nil
		}
		found := validators.QRCodes(t, file, pages...)
		for n := range max(len(d.Pages), len(found)) + 1 {
			got, w := slices.Sorted(slices.Values(found[n])), slices.Sorted(slices.Values(want[n]))
			if !slices.Equal(got, w) {
				t.Errorf("%v: page %d: zbarimg read %q, want %q", o.LargePrint, n, got, w)
			}
		}
	}
}

// exercisePage is the page whose QR item holds e's video, or 0.
func exercisePage(d *render.Document, e plan.Exercise) int {
	for _, pg := range d.Pages {
		for _, it := range pg.Items {
			if it.Kind == render.QR && it.Text == e.Video {
				return pg.Number
			}
		}
	}
	return 0
}

// TestCodesClickable: each code is a link annotation to its link in the
// PDF, which pdfcpu finds valid.
func TestCodesClickable(t *testing.T) {
	p := build(t, videoCatalog(t), plan.Options{Weeks: 2})
	pdf := pdfBytes(t, p, render.Options{ClinicURL: clinicURL})
	validate(t, pdf)
	for _, link := range append([]string{clinicURL}, videoLinks(p)...) {
		if !bytes.Contains(pdf, []byte("/URI ("+link+")")) {
			t.Errorf("no link annotation to %s", link)
		}
	}
}

func videoLinks(p *plan.Plan) []string {
	var out []string
	for _, e := range p.Exercises {
		out = append(out, e.Video)
	}
	return out
}

// TestClinicURLChecked: a link that is not https, or that carries who
// the patient is, is refused before anything is drawn.
func TestClinicURLChecked(t *testing.T) {
	p := build(t, testCatalog(t), plan.Options{Weeks: 1})
	for _, link := range []string{"http://northside.example", "https://northside.example/?name=Ana", "https://ana@northside.example"} {
		var b bytes.Buffer
		if err := rend.Workbook(&b, p, render.Options{ClinicURL: link}); err == nil || b.Len() > 0 {
			t.Errorf("%s: drew %d bytes, error %v", link, b.Len(), err)
		}
	}
}

// protection is the passphrase and file ID of these tests.
var protection = render.Protection{Passphrase: "candle harbour meadow pencil", FileID: [16]byte{0xba, 0xc7}}

// TestProtectedSameBytes: the same plan, options, passphrase and file ID
// give the same bytes; another passphrase or ID others.
func TestProtectedSameBytes(t *testing.T) {
	p := build(t, testCatalog(t), plan.Options{Weeks: 2, Patient: plan.Patient{Name: "Ana Ruiz"}})
	pr := protection
	a := pdfBytes(t, p, render.Options{Protect: &pr})
	b := pdfBytes(t, p, render.Options{Protect: &pr})
	if !bytes.Equal(a, b) {
		t.Error("the same protected workbook came out different")
	}
	for _, other := range []render.Protection{{Passphrase: pr.Passphrase + " x", FileID: pr.FileID}, {Passphrase: pr.Passphrase, FileID: [16]byte{1}}} {
		if bytes.Equal(a, pdfBytes(t, p, render.Options{Protect: &other})) {
			t.Errorf("%+v gave the same bytes", other)
		}
	}
	if bytes.Contains(a, []byte("Ana Ruiz")) {
		t.Error("the patient's name is in the protected file as it is")
	}
}

// TestProtectedOpens: qpdf, poppler and pdf.js open the protected
// workbook with its passphrase and read its text, and refuse a wrong one.
// (pdfcpu cannot be asked: it refuses any password with a space, against
// the standard's SASLprep; it checks the same workbook unprotected.)
func TestProtectedOpens(t *testing.T) {
	p := build(t, videoCatalog(t), plan.Options{Weeks: 2, Patient: plan.Patient{Name: "Ana Ruiz"}})
	pr := protection
	o := render.Options{ClinicURL: clinicURL, Logo: readLogo(t, "logo.png")}
	validate(t, pdfBytes(t, p, o))
	o.Protect = &pr
	pdf := pdfBytes(t, p, o)
	file := filepath.Join(t.TempDir(), "protected.pdf")
	if err := os.WriteFile(file, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	if text := validators.Protected(t, file, pr.Passphrase); !strings.Contains(text, "Ana Ruiz") || !strings.Contains(text, "see a doctor") {
		t.Errorf("pdftotext -upw read no workbook:\n%.300s", text)
	}
	t.Run("pdf.js", func(t *testing.T) {
		text, err := validators.PDFJS(t, file, pr.Passphrase)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(text, "Ana Ruiz") || !strings.Contains(text, "Your upper back exercise plan") {
			t.Errorf("pdf.js read no workbook:\n%.300s", text)
		}
		if _, err := validators.PDFJS(t, file, "candle harbour meadow"); err != validators.ErrPassword {
			t.Errorf("pdf.js with a wrong passphrase: %v", err)
		}
	})
}
