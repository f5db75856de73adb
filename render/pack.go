package render

import (
	"bytes"
	stdzlib "compress/zlib"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"

	"github.com/klauspost/compress/zlib"
)

// pack compresses the streams of a PDF that fpdf wrote without
// compression (Draw has it write pages, pictures and fonts raw), squeezes
// any it compressed itself at its fastest setting, and writes a fresh
// cross-reference table. fpdf offers no choice of compressor and builds a
// new one for every stream; compressing each stream once, here, with
// reused compressors on every CPU, makes the file smaller and the work
// cheaper.
//
// It understands the plain layout fpdf writes — a header, numbered
// objects, a classic xref table and trailer — and returns an error,
// rather than guess, on anything else.
func (r *Renderer) pack(in []byte) ([]byte, error) {
	xref := bytes.LastIndex(in, []byte("\nxref\n"))
	if xref < 0 {
		return nil, errors.New("pack: no xref table")
	}
	xref++
	offsets, err := xrefOffsets(in[xref:])
	if err != nil {
		return nil, err
	}
	trailer := bytes.Index(in[xref:], []byte("trailer\n"))
	sx := bytes.LastIndex(in, []byte("startxref\n"))
	if trailer < 0 || sx < xref+trailer {
		return nil, errors.New("pack: no trailer")
	}
	trailerText := in[xref+trailer : sx]

	// Objects in file order: each runs to the next, or to the xref.
	type object struct{ num, start int }
	var objs []object
	for num, off := range offsets {
		if off > xref {
			return nil, fmt.Errorf("pack: object %d lies beyond the xref table", num)
		}
		if off > 0 {
			objs = append(objs, object{num, off})
		}
	}
	if len(objs) == 0 {
		return nil, errors.New("pack: no objects")
	}
	slices.SortFunc(objs, func(a, b object) int { return a.start - b.start })

	ends := make([]int, len(objs))
	for i, o := range objs {
		ends[i] = xref
		if i+1 < len(objs) {
			ends[i] = objs[i+1].start
		}
		if o.start >= ends[i] {
			return nil, fmt.Errorf("pack: object %d out of order", o.num)
		}
	}

	// Compress on every CPU: each object on its own, so the bytes do not
	// depend on which goroutine did which.
	parts := make([][]byte, len(objs))
	errs := make([]error, len(objs))
	parallel(r, len(objs), r.getZlib, r.putZlib, func(z *zlib.Writer, i int) {
		parts[i], errs[i] = packObject(in[objs[i].start:ends[i]], z)
	})

	var out bytes.Buffer
	out.Grow(len(in) / 2)
	out.Write(in[:objs[0].start])
	newOff := make([]int, len(offsets))
	for i, o := range objs {
		if errs[i] != nil {
			return nil, fmt.Errorf("pack: object %d: %w", o.num, errs[i])
		}
		newOff[o.num] = out.Len()
		out.Write(parts[i])
	}
	start := out.Len()
	fmt.Fprintf(&out, "xref\n0 %d\n0000000000 65535 f \n", len(offsets))
	for _, off := range newOff[1:] {
		fmt.Fprintf(&out, "%010d 00000 n \n", off)
	}
	out.Write(trailerText)
	fmt.Fprintf(&out, "startxref\n%d\n%%%%EOF\n", start)
	return out.Bytes(), nil
}

func (r *Renderer) getZlib() *zlib.Writer {
	select {
	case z := <-r.zlibFree:
		return z
	default:
		z, _ := zlib.NewWriterLevel(io.Discard, packLevel)
		return z
	}
}

func (r *Renderer) putZlib(z *zlib.Writer) {
	select {
	case r.zlibFree <- z:
	default:
	}
}

// packLevel is the zlib level for streams. klauspost/compress at level 6
// compresses a 4-week workbook's streams (180 KB) in less than half the
// time of the standard library's default level, which it replaced, and to
// within 1.3% of its size: the standard library's fastest level is slower
// still and writes 12% more. See docs/performance.md.
const packLevel = 6

// maxStream bounds what one stream may inflate to: far beyond any
// workbook, and short of running out of memory.
const maxStream = 64 << 20

var lengthRe = regexp.MustCompile(`/Length (\d+)`)

// packObject returns one object, its stream compressed if it has one. It
// returns obj itself when nothing changes.
func packObject(obj []byte, z *zlib.Writer) ([]byte, error) {
	s := bytes.Index(obj, []byte("\nstream\n"))
	if s < 0 {
		return obj, nil
	}
	dict := obj[:s]
	m := lengthRe.FindSubmatchIndex(dict)
	if m == nil {
		return nil, errors.New("stream without a direct /Length")
	}
	n, err := strconv.Atoi(string(dict[m[2]:m[3]]))
	if err != nil {
		return nil, err
	}
	data := obj[s+len("\nstream\n"):]
	if len(data) < n || !bytes.HasPrefix(data[n:], []byte("\nendstream")) {
		return nil, errors.New("stream length does not match")
	}
	rest := data[n:]
	data = data[:n]

	flate := []byte("/Filter /FlateDecode")
	filtered := bytes.Contains(dict, flate)
	if bytes.Contains(dict, []byte("/Filter")) && !filtered {
		return obj, nil // another filter: leave it alone
	}
	if filtered && !bytes.Contains(dict, []byte("/Length1")) {
		return obj, nil // fpdf's own, small already (a font's glyph map)
	}
	raw := data
	if filtered {
		r, err := stdzlib.NewReader(bytes.NewReader(data))
		if err != nil {
			return nil, err
		}
		if raw, err = io.ReadAll(io.LimitReader(r, maxStream+1)); err != nil {
			return nil, err
		}
		if len(raw) > maxStream {
			return nil, errors.New("stream inflates beyond 64 MB")
		}
	}
	var packed bytes.Buffer
	packed.Grow(len(raw)/3 + 64)
	z.Reset(&packed)
	z.Write(raw)
	if err := z.Close(); err != nil {
		return nil, err
	}
	if filtered && packed.Len() >= len(data) {
		return obj, nil // already as small
	}
	var out bytes.Buffer
	out.Grow(packed.Len() + len(dict) + 64)
	out.Write(dict[:m[0]])
	if !filtered {
		out.Write(flate)
		out.WriteByte(' ')
	}
	out.WriteString("/Length " + strconv.Itoa(packed.Len()))
	out.Write(dict[m[1]:])
	out.WriteString("\nstream\n")
	out.Write(packed.Bytes())
	out.Write(rest)
	return out.Bytes(), nil
}

// xrefOffsets reads a classic cross-reference table of one section
// starting at object 0: the byte offset of each object, 0 for free ones.
func xrefOffsets(x []byte) ([]int, error) {
	lines := bytes.Split(x, []byte("\n"))
	if len(lines) < 3 || string(lines[0]) != "xref" {
		return nil, errors.New("pack: bad xref table")
	}
	var first, count int
	if _, err := fmt.Sscanf(string(lines[1]), "%d %d", &first, &count); err != nil || first != 0 || count < 1 || count+2 > len(lines) {
		return nil, errors.New("pack: bad xref section")
	}
	offs := make([]int, count)
	for i := range count {
		e := lines[2+i]
		if len(e) < 18 {
			return nil, errors.New("pack: short xref entry")
		}
		if e[17] != 'n' {
			continue
		}
		off, err := strconv.Atoi(string(e[:10]))
		if err != nil {
			return nil, errors.New("pack: bad xref entry")
		}
		offs[i] = off
	}
	return offs, nil
}
