package render

// fpdf compresses each page's content stream with a zlib writer of its own,
// and a new zlib writer costs about a megabyte of freshly zeroed memory: for
// a workbook of 23 pages that was most of the time and nearly all the
// garbage of drawing it. So Draw asks fpdf for uncompressed pages and
// compresses them here, with writers that are reset and reused. The level
// is fpdf's (best speed) and zlib is deterministic, so the bytes are exactly
// those fpdf would have written; TestOwnCompressionSameBytes checks it.

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"sync"
)

// zlibWriters holds reusable zlib writers at fpdf's level.
var zlibWriters = sync.Pool{New: func() any {
	zw, err := zlib.NewWriterLevel(nil, zlib.BestSpeed)
	if err != nil {
		panic(err) // BestSpeed is a valid level
	}
	return zw
}}

// errShape is returned when fpdf's output is not laid out as compressPages
// expects; it would mean a new fpdf version writes PDFs differently.
var errShape = errors.New("render: unexpected PDF structure from fpdf")

// compressPages writes raw, an uncompressed PDF as fpdf writes it, to w
// with every page content stream compressed. Only the content streams, the
// cross-reference table and startxref change.
func compressPages(w io.Writer, raw []byte) error {
	offsets, xrefAt, err := readXref(raw)
	if err != nil {
		return err
	}
	contents := pageContents(raw, offsets)

	// Objects in file order, so that each can be given its new offset.
	order := make([]int, 0, len(offsets))
	for n := 1; n < len(offsets); n++ {
		order = append(order, n)
	}
	slices.SortFunc(order, func(a, b int) int { return offsets[a] - offsets[b] })

	zw := zlibWriters.Get().(*zlib.Writer)
	defer zlibWriters.Put(zw)
	var z bytes.Buffer
	out := bytes.NewBuffer(make([]byte, 0, len(raw)/2))
	newOffsets := make([]int, len(offsets))
	done := 0 // raw[:done] is dealt with
	for _, n := range order {
		off := offsets[n]
		if off < done || off > xrefAt {
			return errShape
		}
		out.Write(raw[done:off])
		newOffsets[n] = out.Len()
		done = off
		if !contents[n] {
			continue
		}
		head := strconv.Itoa(n) + " 0 obj\n<</Length "
		if !bytes.HasPrefix(raw[off:], []byte(head)) {
			return errShape
		}
		p := off + len(head)
		end := bytes.Index(raw[p:], []byte(">>\nstream\n"))
		if end < 0 {
			return errShape
		}
		length, err := strconv.Atoi(string(raw[p : p+end]))
		start := p + end + len(">>\nstream\n")
		if err != nil || length < 0 || start+length > xrefAt {
			return errShape
		}
		tail := "\nendstream\nendobj\n"
		if !bytes.HasPrefix(raw[start+length:], []byte(tail)) {
			return errShape
		}
		z.Reset()
		zw.Reset(&z)
		zw.Write(raw[start : start+length]) // writes to a bytes.Buffer cannot fail
		zw.Close()
		fmt.Fprintf(out, "%d 0 obj\n<</Filter /FlateDecode /Length %d>>\nstream\n", n, z.Len())
		out.Write(z.Bytes())
		out.WriteString(tail)
		done = start + length + len(tail)
	}
	if done > xrefAt {
		return errShape
	}
	out.Write(raw[done:xrefAt])
	newXref := out.Len()

	// The table keeps fpdf's format: 20 bytes a line.
	fmt.Fprintf(out, "xref\n0 %d\n0000000000 65535 f \n", len(offsets))
	for n := 1; n < len(offsets); n++ {
		fmt.Fprintf(out, "%010d 00000 n \n", newOffsets[n])
	}
	trailer := xrefAt + len(fmt.Sprintf("xref\n0 %d\n", len(offsets))) + 20*len(offsets)
	sx := bytes.LastIndex(raw, []byte("startxref\n"))
	if sx < trailer {
		return errShape
	}
	out.Write(raw[trailer:sx])
	fmt.Fprintf(out, "startxref\n%d\n%%%%EOF\n", newXref)
	_, err = w.Write(out.Bytes())
	return err
}

// readXref reads the cross-reference table of a PDF fpdf wrote: one
// section from object 0, fixed 20-byte lines. offsets[n] is where object n
// begins (offsets[0] is unused); xrefAt is where the table begins.
func readXref(raw []byte) (offsets []int, xrefAt int, err error) {
	sx := bytes.LastIndex(raw, []byte("startxref\n"))
	if sx < 0 {
		return nil, 0, errShape
	}
	line, _, _ := bytes.Cut(raw[sx+len("startxref\n"):], []byte("\n"))
	xrefAt, err = strconv.Atoi(string(line))
	if err != nil || xrefAt < 0 || xrefAt >= sx {
		return nil, 0, errShape
	}
	rest, ok := bytes.CutPrefix(raw[xrefAt:sx], []byte("xref\n0 "))
	if !ok {
		return nil, 0, errShape
	}
	line, rest, _ = bytes.Cut(rest, []byte("\n"))
	size, err := strconv.Atoi(string(line))
	if err != nil || size < 1 || len(rest) < 20*size {
		return nil, 0, errShape
	}
	offsets = make([]int, size)
	for n := 1; n < size; n++ {
		entry := rest[20*n : 20*n+20]
		if !bytes.HasSuffix(entry, []byte(" 00000 n \n")) {
			return nil, 0, errShape
		}
		offsets[n], err = strconv.Atoi(string(entry[:10]))
		if err != nil || offsets[n] >= xrefAt {
			return nil, 0, errShape
		}
	}
	return offsets, xrefAt, nil
}

// pageContents finds the objects that are page content streams: those a
// page object names with /Contents.
func pageContents(raw []byte, offsets []int) map[int]bool {
	contents := make(map[int]bool)
	for n := 1; n < len(offsets); n++ {
		obj := raw[offsets[n]:]
		head := strconv.Itoa(n) + " 0 obj\n<</Type /Page\n"
		if !bytes.HasPrefix(obj, []byte(head)) {
			continue
		}
		end := bytes.Index(obj, []byte("\nendobj\n"))
		if end < 0 {
			continue
		}
		_, after, ok := bytes.Cut(obj[:end], []byte("/Contents "))
		if !ok {
			continue
		}
		num, _, _ := bytes.Cut(after, []byte(" "))
		if c, err := strconv.Atoi(string(num)); err == nil && c > 0 && c < len(offsets) {
			contents[c] = true
		}
	}
	return contents
}
