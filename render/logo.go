package render

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
)

// The clinic's logo: on the cover, at the right of the lines that say
// who the workbook is for and from (the clinic's name and how to reach
// it), within logoW × logoH mm, and small at the left of every page's
// footer when it is no wider there than footLogoW.

// The limits on a logo. A logo prints at most 40 mm wide, so 2,500
// pixels is 1,600 dots an inch, far beyond any printer; 100 pixels on
// its longer side is about 60 dots an inch at that size, the least that
// does not look blurred.
const (
	MaxLogoBytes  = 1 << 20 // the file
	maxLogoSide   = 2500    // pixels, either side
	maxLogoPixels = 4 << 20 // pixels in all
	minLogoSide   = 100     // pixels, the longer side
	maxLogoAspect = 8       // the longer side over the shorter
)

// Where a logo is printed, mm.
const (
	logoW, logoH = 40.0, 20.0 // the most it takes on the cover
	footLogoW    = 30.0       // the widest it may be in the footer
)

// Logo is a clinic's logo, checked by ParseLogo, ready to print.
type Logo struct {
	data []byte // as the PDF takes it: a JPEG as it was, a PNG written again by Go
	kind string // "PNG" or "JPG", as fpdf names them
	w, h int    // pixels
}

// ParseLogo checks a logo and readies it for printing. It must be a PNG
// or a JPEG of at most MaxLogoBytes and a sensible size in pixels, whole,
// in grey or colour (RGB, or a palette), not CMYK, not interlaced, of 8
// bits a channel at most, and not animated. A PNG is decoded and written
// again, so that the PDF library only ever reads a plain one; a JPEG goes
// into the PDF as it is. Each error is one line saying what is wrong.
func ParseLogo(data []byte) (*Logo, error) {
	switch {
	case len(data) == 0:
		return nil, errors.New("the logo file is empty")
	case len(data) > MaxLogoBytes:
		return nil, fmt.Errorf("the logo is larger than %d MiB; save it smaller (a logo needs no more than about 1000 pixels across)", MaxLogoBytes>>20)
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		return parsePNG(data)
	case bytes.HasPrefix(data, []byte{0xFF, 0xD8, 0xFF}):
		return parseJPEG(data)
	}
	return nil, errors.New("the logo is not a PNG or JPEG image")
}

// parsePNG checks a PNG's header and chunks, then decodes it whole.
func parsePNG(data []byte) (*Logo, error) {
	if len(data) < 33 || string(data[12:16]) != "IHDR" {
		return nil, errors.New("the logo is a broken PNG image")
	}
	depth, interlace := data[24], data[28]
	switch {
	case depth == 16:
		return nil, errors.New("the logo is a 16-bit PNG; save it with 8 bits a channel")
	case interlace != 0:
		return nil, errors.New("the logo is an interlaced PNG; save it without interlacing")
	}
	for i := 8; i+8 <= len(data); {
		n := int(binary.BigEndian.Uint32(data[i:]))
		switch string(data[i+4 : i+8]) {
		case "acTL":
			return nil, errors.New("the logo is an animated PNG; save a still image")
		case "IDAT", "IEND":
			i = len(data) // the animation chunk comes before the image data
			continue
		}
		if n < 0 || n > len(data) {
			break
		}
		i += 12 + n
	}
	cfg, err := png.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return nil, errors.New("the logo is a broken PNG image")
	}
	if err := checkLogoSize(cfg); err != nil {
		return nil, err
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, errors.New("the logo is a broken PNG image")
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		return nil, fmt.Errorf("the logo could not be read: %w", err)
	}
	return &Logo{data: b.Bytes(), kind: "PNG", w: cfg.Width, h: cfg.Height}, nil
}

// parseJPEG checks a JPEG and decodes it whole.
func parseJPEG(data []byte) (*Logo, error) {
	cfg, err := jpeg.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return nil, errors.New("the logo is a broken or unusual JPEG image; save it again as a plain JPEG")
	}
	if cfg.ColorModel == color.CMYKModel {
		return nil, errors.New("the logo is a CMYK JPEG, made for a printing press; save it in RGB colour")
	}
	if err := checkLogoSize(cfg); err != nil {
		return nil, err
	}
	if _, err := jpeg.Decode(bytes.NewReader(data)); err != nil {
		return nil, errors.New("the logo is a broken or unusual JPEG image; save it again as a plain JPEG")
	}
	return &Logo{data: data, kind: "JPG", w: cfg.Width, h: cfg.Height}, nil
}

// checkLogoSize refuses a logo too big or too small in pixels, or too
// long and thin to print.
func checkLogoSize(cfg image.Config) error {
	w, h := cfg.Width, cfg.Height
	long, short := max(w, h), min(w, h)
	switch {
	case long > maxLogoSide || w*h > maxLogoPixels:
		return fmt.Errorf("the logo is %d × %d pixels; make it at most %d on either side", w, h, maxLogoSide)
	case long < minLogoSide:
		return fmt.Errorf("the logo is %d × %d pixels, too few to print sharply; use one at least %d pixels across", w, h, minLogoSide)
	case short == 0 || long > maxLogoAspect*short:
		return fmt.Errorf("the logo is %d × %d pixels, too long and thin to print; crop it", w, h)
	}
	return nil
}

// fit is the logo's size scaled into a box w × h mm, keeping its shape.
func (g *Logo) fit(w, h float64) (float64, float64) {
	s := min(w/float64(g.w), h/float64(g.h))
	return float64(g.w) * s, float64(g.h) * s
}

// coverLogo places the logo at the top right of the cover, from the
// cursor, and makes a floating column of it that the lines about who the
// workbook is for and from keep clear of.
func (l *layout) coverLogo() {
	g := l.o.Logo
	if g == nil {
		return
	}
	w, h := g.fit(logoW, logoH)
	x := l.right - w
	l.add(Item{Kind: Image, X: x, Y: l.y, W: w, H: h, Ref: "logo"})
	l.float = floatCol{page: l.page, left: x - 4, bottom: l.y + h}
}

// footLogo places the logo at the left of the footer whose line of text
// starts at top, lh tall, and returns the room it takes; 0 when there is
// no logo, or it would be wider than footLogoW at that height.
func (l *layout) footLogo(top, lh float64) float64 {
	g := l.o.Logo
	if g == nil {
		return 0
	}
	w, h := g.fit(footLogoW, lh)
	if h < lh-0.01 {
		return 0 // wider than footLogoW at the footer's height
	}
	l.add(Item{Kind: Image, X: l.left, Y: top, W: w, H: h, Ref: "logo"})
	return w + 3
}
