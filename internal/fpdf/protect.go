// Copyright ©2023 The go-pdf Authors. All rights reserved.
// Use of this source code is governed by a MIT-style
// license that can be found in the LICENSE file.

// backplan patch: upstream protected documents with 40-bit RC4 (PDF 1.3's
// standard security handler, revision 2), broken for decades, and made up
// the owner password with math/rand. That code is gone. In its place,
// Encrypt protects a finished document with AES-256: the PDF 2.0
// standard security handler, V 5, R 6, crypt filter AESV3 (ISO 32000-2,
// 7.6.4.3.3 and 7.6.4.4.8 to 7.6.4.4.11), with nothing but the standard
// library's crypto. See PATCHES.md.

package fpdf

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/hmac"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"strconv"
)

// Advisory bitflag constants that control document activities
const (
	CnProtectPrint      = 4
	CnProtectModify     = 8
	CnProtectCopy       = 16
	CnProtectAnnotForms = 32
)

// errRC4 is the error SetProtection records.
var errRC4 = errors.New("fpdf: RC4 protection is not supported (it is broken); protect the finished document with Encrypt")

// Protection says how Encrypt protects a document.
type Protection struct {
	// Password opens the document: the user password. It must not be
	// empty; it is used as UTF-8 (at most 127 bytes count, as the
	// standard says).
	Password string
	// Allow is what a reader may do once the document is open, as
	// CnProtectPrint, CnProtectCopy, CnProtectModify and
	// CnProtectAnnotForms or-ed together. Printing is allowed at full
	// quality, and text is always open to accessibility tools.
	Allow byte
	// ID is the file identifier written in the trailer. Every other
	// value the security handler needs (the file key, the salts, the
	// owner password, which no one is told, and each string's and
	// stream's initialization vector) is derived from Password and ID
	// through the standard's own slow hash, so that the same document,
	// password and ID give the same bytes, and the file key is no easier
	// to guess than the password.
	ID [16]byte
}

// Encrypt returns pdf, a whole document as this package writes it (a
// header, numbered objects, one classic cross-reference table and a
// trailer, as Output writes it, even after its streams are compressed
// again), encrypted with AES-256: every string and stream of every
// object, then an /Encrypt dictionary, the /ID and a new
// cross-reference table. The header is raised to PDF 2.0, the version
// that defines the security handler. It returns an error, and no
// document, for anything else, or a document already encrypted.
func Encrypt(pdf []byte, p Protection) ([]byte, error) {
	if p.Password == "" {
		return nil, errors.New("fpdf: encrypt: empty password")
	}
	doc, err := splitDocument(pdf)
	if err != nil {
		return nil, fmt.Errorf("fpdf: encrypt: %w", err)
	}
	if bytes.Contains(doc.trailer, []byte("/Encrypt")) || bytes.Contains(doc.trailer, []byte("/ID")) {
		return nil, errors.New("fpdf: encrypt: the document is encrypted already, or has an /ID")
	}
	h := newHandler(p)
	var out bytes.Buffer
	out.Grow(len(pdf) + len(pdf)/16 + 1024)
	out.Write(pdf20Header(doc.header))
	offsets := make([]int, len(doc.offsets)+1)
	for _, o := range doc.objects {
		offsets[o.num] = out.Len()
		enc, err := h.object(pdf[o.start:o.end], o.num)
		if err != nil {
			return nil, fmt.Errorf("fpdf: encrypt: object %d: %w", o.num, err)
		}
		out.Write(enc)
	}
	encNum := len(doc.offsets)
	offsets[encNum] = out.Len()
	fmt.Fprintf(&out, "%d 0 obj\n%s\nendobj\n", encNum, h.dictionary())
	xref := out.Len()
	fmt.Fprintf(&out, "xref\n0 %d\n0000000000 65535 f \n", len(offsets))
	for _, off := range offsets[1:] {
		if off == 0 {
			out.WriteString("0000000000 65535 f \n")
		} else {
			fmt.Fprintf(&out, "%010d 00000 n \n", off)
		}
	}
	trailer, err := encryptedTrailer(doc.trailer, encNum, p.ID)
	if err != nil {
		return nil, fmt.Errorf("fpdf: encrypt: %w", err)
	}
	out.Write(trailer)
	fmt.Fprintf(&out, "startxref\n%d\n%%%%EOF\n", xref)
	return out.Bytes(), nil
}

// pdf20Header is the document's header with its version raised to 2.0;
// the binary comment line after it stays.
func pdf20Header(header []byte) []byte {
	out := []byte("%PDF-2.0")
	if i := bytes.IndexByte(header, '\n'); i >= 0 {
		return append(out, header[i:]...)
	}
	return append(out, '\n')
}

// encryptedTrailer is the trailer with room for one more object, the
// /Encrypt dictionary, and the file identifier.
func encryptedTrailer(trailer []byte, encNum int, id [16]byte) ([]byte, error) {
	size := []byte("/Size " + strconv.Itoa(encNum))
	end := bytes.LastIndex(trailer, []byte(">>"))
	if !bytes.Contains(trailer, size) || end < 0 {
		return nil, errors.New("the trailer is not as this package writes it")
	}
	t := slices.Clone(trailer[:end])
	t = bytes.Replace(t, size, []byte("/Size "+strconv.Itoa(encNum+1)), 1)
	x := hex.EncodeToString(id[:])
	t = fmt.Appendf(t, "/Encrypt %d 0 R\n/ID [<%s> <%s>]\n", encNum, x, x)
	return append(t, trailer[end:]...), nil
}

// document is a PDF split at its objects.
type document struct {
	header  []byte   // up to the first object
	offsets []int    // each object's offset, 0 for a free one, by number
	objects []object // in file order
	trailer []byte   // "trailer" up to "startxref"
}

type object struct{ num, start, end int }

// splitDocument finds the objects of pdf from its cross-reference table.
func splitDocument(pdf []byte) (*document, error) {
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		return nil, errors.New("no PDF header")
	}
	xref := bytes.LastIndex(pdf, []byte("\nxref\n"))
	if xref < 0 {
		return nil, errors.New("no cross-reference table")
	}
	xref++
	trailer := bytes.Index(pdf[xref:], []byte("trailer"))
	sx := bytes.LastIndex(pdf, []byte("startxref"))
	if trailer < 0 || sx < xref+trailer {
		return nil, errors.New("no trailer")
	}
	d := &document{trailer: pdf[xref+trailer : sx]}
	var err error
	if d.offsets, err = readXref(pdf[xref : xref+trailer]); err != nil {
		return nil, err
	}
	for num, off := range d.offsets {
		switch {
		case off == 0:
			continue
		case off >= xref:
			return nil, fmt.Errorf("object %d lies beyond the cross-reference table", num)
		}
		d.objects = append(d.objects, object{num: num, start: off})
	}
	if len(d.objects) == 0 {
		return nil, errors.New("no objects")
	}
	slices.SortFunc(d.objects, func(a, b object) int { return a.start - b.start })
	for i := range d.objects {
		d.objects[i].end = xref
		if i+1 < len(d.objects) {
			d.objects[i].end = d.objects[i+1].start
		}
		if d.objects[i].start >= d.objects[i].end {
			return nil, fmt.Errorf("object %d overlaps the next", d.objects[i].num)
		}
	}
	d.header = pdf[:d.objects[0].start]
	return d, nil
}

// readXref reads a classic cross-reference table of one section from
// object 0: each object's offset, 0 for a free one.
func readXref(x []byte) ([]int, error) {
	lines := bytes.Split(bytes.TrimRight(x, "\r\n "), []byte("\n"))
	var first, count int
	if len(lines) < 3 || string(bytes.TrimSpace(lines[0])) != "xref" {
		return nil, errors.New("bad cross-reference table")
	}
	if _, err := fmt.Sscanf(string(lines[1]), "%d %d", &first, &count); err != nil || first != 0 || count < 1 || count != len(lines)-2 {
		return nil, errors.New("bad cross-reference section")
	}
	offs := make([]int, count)
	for i := range count {
		e := lines[2+i]
		if len(e) < 18 {
			return nil, errors.New("short cross-reference entry")
		}
		if e[17] != 'n' {
			continue
		}
		off, err := strconv.Atoi(string(e[:10]))
		if err != nil || off <= 0 {
			return nil, errors.New("bad cross-reference entry")
		}
		offs[i] = off
	}
	return offs, nil
}

// handler is the standard security handler of one document: its file key
// and the values of its /Encrypt dictionary.
type handler struct {
	fileKey  []byte // 32 bytes: AES-256 for every string and stream
	derive   []byte // the secret the initialization vectors come from
	u, o     []byte // 48 bytes each: hash, validation salt, key salt
	ue, oe   []byte // 32 bytes each: the file key, encrypted
	perms    []byte // 16 bytes: P, encrypted
	p        int32
	ivCount  uint64 // initialization vectors made so far
	ivObject int
}

// newHandler works out the security handler for p (algorithms 8, 9 and
// 10 of ISO 32000-2).
func newHandler(p Protection) *handler {
	pw := []byte(p.Password)
	if len(pw) > 127 {
		pw = pw[:127]
	}
	// One slow hash of the password and the ID: every other value comes
	// from it, so each costs a guesser as much as checking /U does.
	seed := hash2B(pw, append(slices.Clone(pw), p.ID[:]...), nil)
	val := func(label string, n int) []byte {
		m := hmac.New(sha256.New, seed)
		m.Write([]byte("backplan pdf " + label))
		return m.Sum(nil)[:n]
	}
	h := &handler{fileKey: val("file key", 32), derive: val("iv", 32)}
	owner := []byte(hex.EncodeToString(val("owner password", 24)))

	uvs, uks := val("user validation salt", 8), val("user key salt", 8)
	h.u = append(append(hash2B(pw, concat(pw, uvs), nil), uvs...), uks...)
	h.ue = cbcNoPad(hash2B(pw, concat(pw, uks), nil), h.fileKey)

	ovs, oks := val("owner validation salt", 8), val("owner key salt", 8)
	h.o = append(append(hash2B(owner, concat(owner, ovs, h.u), h.u), ovs...), oks...)
	h.oe = cbcNoPad(hash2B(owner, concat(owner, oks, h.u), h.u), h.fileKey)

	// P: bits 1 and 2 clear, 7, 8 and 13 to 32 set; 10 (accessibility)
	// and, with printing, 12 (full quality) set.
	allow := uint32(p.Allow)&(CnProtectPrint|CnProtectModify|CnProtectCopy|CnProtectAnnotForms) | 1<<9
	if allow&CnProtectPrint != 0 {
		allow |= 1 << 11
	}
	h.p = int32(0xFFFFF0C0 | allow)
	perms := make([]byte, 16)
	binary.LittleEndian.PutUint32(perms, uint32(h.p))
	copy(perms[4:], []byte{0xFF, 0xFF, 0xFF, 0xFF, 'T', 'a', 'd', 'b'})
	copy(perms[12:], val("perms", 4))
	block, _ := aes.NewCipher(h.fileKey)
	h.perms = make([]byte, 16)
	block.Encrypt(h.perms, perms)
	return h
}

func concat(parts ...[]byte) []byte { return slices.Concat(parts...) }

// hash2B is algorithm 2.B of ISO 32000-2: the hash of input (the
// password, a salt and, for the owner, udata), hardened by at least 64
// rounds of AES-128 and SHA-2 over the password, the hash so far and
// udata.
func hash2B(pw, input, udata []byte) []byte {
	sum := sha256.Sum256(input)
	k := sum[:]
	var e []byte
	for round := 0; round < 64 || int(e[len(e)-1]) > round-32; round++ {
		one := concat(pw, k, udata)
		k1 := bytes.Repeat(one, 64)
		block, _ := aes.NewCipher(k[:16])
		e = make([]byte, len(k1))
		cipher.NewCBCEncrypter(block, k[16:32]).CryptBlocks(e, k1)
		// The first 16 bytes as a big-endian number, modulo 3: as 256 is
		// 1 modulo 3, the sum of the bytes gives the same remainder.
		mod := 0
		for _, b := range e[:16] {
			mod += int(b)
		}
		switch mod % 3 {
		case 0:
			s := sha256.Sum256(e)
			k = s[:]
		case 1:
			s := sha512.Sum384(e)
			k = s[:]
		default:
			s := sha512.Sum512(e)
			k = s[:]
		}
	}
	return k[:32]
}

// cbcNoPad encrypts data, whole blocks, with AES-256 in CBC mode and a
// zero initialization vector, as /UE and /OE are.
func cbcNoPad(key, data []byte) []byte {
	block, _ := aes.NewCipher(key)
	out := make([]byte, len(data))
	cipher.NewCBCEncrypter(block, make([]byte, aes.BlockSize)).CryptBlocks(out, data)
	return out
}

// seal encrypts a string or a stream of object num: a fresh
// initialization vector, then the data padded as PKCS #5 says, in CBC
// mode with the file key.
func (h *handler) seal(data []byte, num int) []byte {
	if num != h.ivObject {
		h.ivObject, h.ivCount = num, 0
	}
	m := hmac.New(sha256.New, h.derive)
	var n [16]byte
	binary.BigEndian.PutUint64(n[:8], uint64(num))
	binary.BigEndian.PutUint64(n[8:], h.ivCount)
	h.ivCount++
	m.Write(n[:])
	iv := m.Sum(nil)[:aes.BlockSize]

	pad := aes.BlockSize - len(data)%aes.BlockSize
	plain := append(slices.Clone(data), bytes.Repeat([]byte{byte(pad)}, pad)...)
	out := make([]byte, aes.BlockSize+len(plain))
	copy(out, iv)
	block, _ := aes.NewCipher(h.fileKey)
	cipher.NewCBCEncrypter(block, iv).CryptBlocks(out[aes.BlockSize:], plain)
	return out
}

// dictionary is the /Encrypt dictionary, whose own strings are not
// encrypted.
func (h *handler) dictionary() string {
	return fmt.Sprintf("<< /Filter /Standard /V 5 /R 6 /Length 256 "+
		"/CF << /StdCF << /Type /CryptFilter /CFM /AESV3 /AuthEvent /DocOpen /Length 32 >> >> "+
		"/StmF /StdCF /StrF /StdCF /EncryptMetadata true "+
		"/O <%x> /U <%x> /OE <%x> /UE <%x> /P %d /Perms <%x> >>",
		h.o, h.u, h.oe, h.ue, h.p, h.perms)
}

// object returns one object, "N G obj … endobj", with its strings and its
// stream encrypted. Strings come out as hex strings; a stream's /Length
// is changed to its new length. Everything else is copied as it is.
func (h *handler) object(obj []byte, num int) ([]byte, error) {
	var out bytes.Buffer
	out.Grow(len(obj) + 64)
	lengthAt, lengthEnd := -1, -1 // where the dictionary's /Length value was copied to
	depth := 0                    // of << >>
	wantLength := false           // the last token was the dictionary's /Length
	for i := 0; i < len(obj); {
		c := obj[i]
		if isSpace(c) {
			out.WriteByte(c)
			i++
			continue
		}
		length := false
		switch {
		case c == '(' || c == '<' && !bytes.HasPrefix(obj[i:], []byte("<<")):
			read := literalString
			if c == '<' {
				read = hexString
			}
			s, n, err := read(obj[i:])
			if err != nil {
				return nil, err
			}
			fmt.Fprintf(&out, "<%x>", h.seal(s, num))
			i += n
		case c == '<' || c == '>' && bytes.HasPrefix(obj[i:], []byte(">>")):
			depth += map[byte]int{'<': 1, '>': -1}[c]
			out.Write(obj[i : i+2])
			i += 2
		case c == '/':
			n := tokenEnd(obj, i+1)
			length = depth == 1 && string(obj[i:n]) == "/Length"
			out.Write(obj[i:n])
			i = n
		case c >= '0' && c <= '9' && wantLength:
			n := tokenEnd(obj, i)
			lengthAt, lengthEnd = out.Len(), out.Len()+n-i
			out.Write(obj[i:n])
			i = n
		case isKeyword(obj, i, "stream"):
			return h.stream(obj, i, num, &out, lengthAt, lengthEnd)
		case c == '%':
			n := bytes.IndexAny(obj[i:], "\r\n")
			if n < 0 {
				n = len(obj) - i
			}
			out.Write(obj[i : i+n])
			i += n
		default:
			out.WriteByte(c)
			i++
		}
		wantLength = length
	}
	return out.Bytes(), nil
}

// stream encrypts the stream that starts with the keyword at obj[i],
// after the dictionary already copied to out, whose /Length value was
// copied to out[lengthAt:lengthEnd], and copies the rest of the object.
func (h *handler) stream(obj []byte, i, num int, out *bytes.Buffer, lengthAt, lengthEnd int) ([]byte, error) {
	if lengthAt < 0 {
		return nil, errors.New("a stream without a direct /Length")
	}
	n, err := strconv.Atoi(string(out.Bytes()[lengthAt:lengthEnd]))
	if err != nil {
		return nil, errors.New("a stream's /Length is not a number")
	}
	start := i + len("stream")
	switch {
	case bytes.HasPrefix(obj[start:], []byte("\r\n")):
		start += 2
	case bytes.HasPrefix(obj[start:], []byte("\n")):
		start++
	default:
		return nil, errors.New("no line end after stream")
	}
	end := start + n
	if n < 0 || end > len(obj) || !bytes.Contains(obj[end:min(end+12, len(obj))], []byte("endstream")) {
		return nil, errors.New("a stream's /Length does not match its data")
	}
	data := h.seal(obj[start:end], num)
	head := out.Bytes()
	var b bytes.Buffer
	b.Grow(len(head) + len(data) + len(obj) - end + 16)
	b.Write(head[:lengthAt])
	b.WriteString(strconv.Itoa(len(data)))
	b.Write(head[lengthEnd:])
	b.Write(obj[i:start])
	b.Write(data)
	b.Write(obj[end:])
	return b.Bytes(), nil
}

// isKeyword reports whether the keyword kw starts at obj[i], standing
// alone.
func isKeyword(obj []byte, i int, kw string) bool {
	if !bytes.HasPrefix(obj[i:], []byte(kw)) || i > 0 && !isDelim(obj[i-1]) {
		return false
	}
	j := i + len(kw)
	return j == len(obj) || isDelim(obj[j])
}

// tokenEnd is the end of the name, number or keyword whose text goes on
// from obj[i].
func tokenEnd(obj []byte, i int) int {
	for i < len(obj) && !isDelim(obj[i]) {
		i++
	}
	return i
}

func isSpace(c byte) bool {
	switch c {
	case ' ', '\t', '\r', '\n', '\f', 0:
		return true
	}
	return false
}

func isDelim(c byte) bool {
	switch c {
	case '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return true
	}
	return isSpace(c)
}

// literalString reads the literal string at the start of b: its bytes,
// with escapes undone, and how long it is.
func literalString(b []byte) ([]byte, int, error) {
	var s []byte
	depth := 0
	for i := 0; i < len(b); i++ {
		c := b[i]
		switch c {
		case '(':
			if depth > 0 {
				s = append(s, c)
			}
			depth++
		case ')':
			depth--
			if depth == 0 {
				return s, i + 1, nil
			}
			s = append(s, c)
		case '\\':
			i++
			if i == len(b) {
				break
			}
			n, skip := unescape(b[i:])
			if n >= 0 {
				s = append(s, byte(n))
			}
			i += skip - 1
		case '\r':
			// An end of line in a string is a line feed, whichever it is.
			if i+1 < len(b) && b[i+1] == '\n' {
				i++
			}
			s = append(s, '\n')
		default:
			s = append(s, c)
		}
	}
	return nil, 0, errors.New("a string that does not end")
}

// unescape reads the escape after a backslash at the start of b: the byte
// it stands for (-1 for a line break that stands for nothing) and how
// many bytes of b it takes.
func unescape(b []byte) (int, int) {
	switch c := b[0]; c {
	case 'n':
		return '\n', 1
	case 'r':
		return '\r', 1
	case 't':
		return '\t', 1
	case 'b':
		return '\b', 1
	case 'f':
		return '\f', 1
	case '\r':
		if len(b) > 1 && b[1] == '\n' {
			return -1, 2
		}
		return -1, 1
	case '\n':
		return -1, 1
	default:
		if c < '0' || c > '7' {
			return int(c), 1
		}
		n, i := 0, 0
		for ; i < 3 && i < len(b) && b[i] >= '0' && b[i] <= '7'; i++ {
			n = n*8 + int(b[i]-'0')
		}
		return n & 0xFF, i
	}
}

// hexString reads the hex string at the start of b: its bytes and how
// long it is.
func hexString(b []byte) ([]byte, int, error) {
	end := bytes.IndexByte(b, '>')
	if end < 0 {
		return nil, 0, errors.New("a hex string that does not end")
	}
	var digits []byte
	for _, c := range b[1:end] {
		if !isSpace(c) {
			digits = append(digits, c)
		}
	}
	if len(digits)%2 == 1 {
		digits = append(digits, '0')
	}
	s, err := hex.DecodeString(string(digits))
	if err != nil {
		return nil, 0, errors.New("a hex string with a letter that is not hex")
	}
	return s, end + 1, nil
}
