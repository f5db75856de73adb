package fpdf

// backplan patch (see PATCHES.md): a TrueType font is read once, into
// tables that every document's subsetter then only reads, and nothing is
// built that no one reads.
//
// Upstream parses a font into maps of every character it covers (about
// 3,000 for Noto Sans) and, for each document, parses it all again when it
// cuts the subset: the character maps, a 65,536-entry width table that the
// cut never reads, and the glyph offsets. Here ParseUTF8Font keeps the
// table directory, the glyph offsets and the Unicode cmap's segments, and
// GenerateCutFont looks up only the characters a document used. The
// subset it writes is the same, byte for byte.

import (
	"encoding/binary"
	"errors"
	"math"
	"sort"
)

// sfntIndex is what the subsetter reads of a parsed font. It never changes
// after parseIndexed, so documents share it.
type sfntIndex struct {
	tables      map[string]*tableDescription
	locaFormat  int
	numHMetrics int
	numGlyphs   int
	loca        []int // glyph g is glyf[loca[g]:loca[g+1]], as parseLOCATable reads it
	cmapPos     int   // the file position of the Unicode cmap subtable
	cmap        cmapIndex
}

// cmapIndex is a format 4 cmap subtable: its segments, in the order the
// font lists them.
type cmapIndex struct {
	segs []cmapSegment
	// sorted is true when the segments ascend and do not overlap, as the
	// format requires; then a binary search finds a character's segment.
	sorted bool
	data   []byte // the whole font, for the glyph id array
	rim    int    // the subtable's end: glyph ids at or past it read as 0
}

type cmapSegment struct {
	start, end, delta, rangeOffset int
	at                             int // file position of this segment's idRangeOffset
}

// glyph returns the glyph of char, and whether a segment covers it (a
// covered character may still map to glyph 0), exactly as upstream's
// generateSCCSDictionaries fills its map: where segments overlap, the last
// one wins.
func (c *cmapIndex) glyph(char int) (int, bool) {
	if c.sorted {
		i := sort.Search(len(c.segs), func(i int) bool { return c.segs[i].end >= char })
		if i < len(c.segs) && c.segs[i].start <= char {
			return c.segs[i].glyph(c, char), true
		}
		return 0, false
	}
	for i := len(c.segs) - 1; i >= 0; i-- {
		if s := &c.segs[i]; s.start <= char && char <= s.end {
			return s.glyph(c, char), true
		}
	}
	return 0, false
}

func (s *cmapSegment) glyph(c *cmapIndex, char int) int {
	if s.rangeOffset == 0 {
		return (char + s.delta) & 0xFFFF
	}
	pos := s.at + s.rangeOffset + (char-s.start)*2
	if pos >= c.rim || pos+2 > len(c.data) {
		return 0
	}
	g := int(binary.BigEndian.Uint16(c.data[pos:]))
	if g != 0 {
		g = (g + s.delta) & 0xFFFF
	}
	return g
}

// readCmapIndex reads the format 4 subtable at pos, as
// generateSCCSDictionaries does.
func readCmapIndex(data []byte, pos int) (cmapIndex, error) {
	be := binary.BigEndian
	if pos+14 > len(data) {
		return cmapIndex{}, errors.New("cmap subtable cut short")
	}
	c := cmapIndex{data: data, rim: pos + int(be.Uint16(data[pos+2:])), sorted: true}
	n := int(be.Uint16(data[pos+6:])) / 2
	ends := pos + 14
	starts := ends + 2*n + 2
	deltas := starts + 2*n
	ranges := deltas + 2*n
	if ranges+2*n > len(data) {
		return cmapIndex{}, errors.New("cmap subtable cut short")
	}
	c.segs = make([]cmapSegment, n)
	for i := range n {
		s := &c.segs[i]
		s.end = int(be.Uint16(data[ends+2*i:]))
		s.start = int(be.Uint16(data[starts+2*i:]))
		s.delta = int(int16(be.Uint16(data[deltas+2*i:])))
		s.rangeOffset = int(be.Uint16(data[ranges+2*i:]))
		s.at = ranges + 2*i
		if i > 0 && s.start <= c.segs[i-1].end {
			c.sorted = false
		}
		if s.start > s.end {
			c.sorted = false
		}
	}
	return c, nil
}

// parseIndexed is parseFile for ParseUTF8Font: the same metrics and width
// table, read without building maps of every character, and the index
// GenerateCutFont needs. The name table, which upstream reads and throws
// away, is not read.
func (utf *utf8FontFile) parseIndexed() (err error) {
	defer func() {
		// The reader slices past the end of a truncated font; upstream
		// panics there too. Report it instead.
		if r := recover(); r != nil {
			err = errors.New("font file cut short")
		}
	}()
	utf.fileReader.readerPosition = 0
	codeType := uint32(utf.readUint32())
	if codeType != 0x00010000 && codeType != 0x74727565 {
		return errors.New("not a TrueType font")
	}
	utf.generateTableDescriptions()
	for _, name := range []string{"head", "hhea", "maxp", "post", "cmap", "hmtx", "loca", "glyf"} {
		if utf.tableDescriptions[name] == nil {
			return errors.New("font has no " + name + " table")
		}
	}
	utf.parseHEADTable()
	numHMetrics := utf.parseHHEATable()
	utf.parsePOSTTable(utf.parseOS2Table())
	cmapPos := utf.parseCMAPTable(0)
	if cmapPos == 0 {
		return errors.New("font has no Unicode cmap")
	}
	utf.SeekTable("maxp")
	utf.skip(4)
	numGlyphs := utf.readUint16()

	ix := &sfntIndex{tables: utf.tableDescriptions, numHMetrics: numHMetrics, numGlyphs: numGlyphs, cmapPos: cmapPos}
	utf.SeekTable("head")
	utf.skip(50)
	ix.locaFormat = utf.readUint16()
	if ix.cmap, err = readCmapIndex(utf.fileReader.array, cmapPos); err != nil {
		return err
	}
	utf.parseLOCATable(ix.locaFormat, numGlyphs)
	ix.loca = utf.symbolPosition
	utf.index = ix
	utf.charWidthsIndexed()
	return nil
}

// charWidthsIndexed fills CharWidths and DefaultWidth as parseHMTXTable
// does, from the cmap's segments rather than a map of every character.
func (utf *utf8FontFile) charWidthsIndexed() {
	ix := utf.index
	n := ix.numHMetrics
	scale := 1000.0 / float64(utf.fontElementSize)
	hmtx := utf.getRange(utf.tableDescriptions["hmtx"].position, n*4)
	advance := func(g int) int {
		if g >= n {
			g = n - 1
		}
		if g < 0 {
			return 0
		}
		a := int(binary.BigEndian.Uint16(hmtx[4*g:]))
		if a >= 1<<15 {
			a = 0
		}
		return a
	}
	utf.CharWidths = make([]int, 256*256)
	utf.DefaultWidth = scale * float64(advance(0))
	count := 0
	for _, s := range ix.cmap.segs {
		for char := s.start; char <= s.end; char++ {
			if char == 0 || char == 0xFFFF {
				continue
			}
			var g int
			if ix.cmap.sorted {
				g = s.glyph(&ix.cmap, char) // no other segment covers char
			} else {
				g, _ = ix.cmap.glyph(char) // the last covering segment's, as upstream's map
			}
			if g == 0 || g >= ix.numGlyphs {
				continue
			}
			w := int(math.Round(scale * float64(advance(g))))
			if w == 0 {
				w = 65535
			}
			if utf.CharWidths[char] == 0 {
				count++
			}
			utf.CharWidths[char] = w
		}
	}
	utf.CharWidths[0] = count
}

// glyphOf is the glyph a character maps to in the font being cut, and
// whether the cmap covers it.
func (utf *utf8FontFile) glyphOf(char int) (int, bool) {
	if utf.index != nil {
		return utf.index.cmap.glyph(char)
	}
	g, ok := utf.charSymbolDictionary[char]
	return g, ok
}

// cidWidthKeys lists the character codes generateCIDFontMap writes a width
// for, in order: those below 256 the font covers, and those above that the
// document used. Its loop skips every other code without changing its
// state, so looping over these alone gives the same /W array.
func cidWidthKeys(font *fontDefType, lastRune int) []int {
	keys := make([]int, 0, 256+len(font.usedRunes))
	end := min(lastRune+1, len(font.Cw))
	for cid := 1; cid < min(end, 256); cid++ {
		if font.Cw[cid] != 0 {
			keys = append(keys, cid)
		}
	}
	first := len(keys)
	for cid, used := range font.usedRunes {
		if cid > 255 && cid < end && used != 0 && font.Cw[cid] != 0 {
			keys = append(keys, cid)
		}
	}
	sort.Ints(keys[first:])
	return keys
}

// cidToGIDMap is the CIDToGIDMap stream for the codes a document used:
// two bytes a code, up to the highest one that has a glyph. Codes past its
// end map to glyph 0 (.notdef), as do the unused codes within it; upstream
// wrote all 65,536 codes, mostly zeros.
func cidToGIDMap(codes map[int]int) []byte {
	top := 0
	for cc := range codes {
		if cc >= 0 && cc < 1<<16 {
			top = max(top, cc)
		}
	}
	m := make([]byte, 2*(top+1))
	for cc, glyph := range codes {
		if cc >= 0 && cc < 1<<16 {
			m[cc*2] = byte(glyph >> 8)
			m[cc*2+1] = byte(glyph & 0xFF)
		}
	}
	return m
}

// SetFontCompression sets whether the subset fonts and their CIDToGIDMap
// streams are compressed (the default) or written raw, for a caller that
// compresses the finished file's streams itself. (backplan patch)
func (f *Fpdf) SetFontCompression(compress bool) {
	f.rawFonts = !compress
}

// nextIntKey is put(nil)'s key: the least non-negative integer not yet a
// key. Integer keys enter only through put, never twice, so when the
// largest of them is one less than their count they are exactly 0 to
// count-1; otherwise it searches as upstream did.
func (pa *untypedKeyMap) nextIntKey() int {
	count, top := 0, -1
	for _, k := range pa.keySet {
		if n, ok := k.(int); ok {
			count++
			top = max(top, n)
		}
	}
	if top == count-1 {
		return count
	}
	for n := 0; ; n++ {
		if pa.getIndex(n) < 0 {
			return n
		}
	}
}

// OutputBytes closes the document and returns the PDF: fpdf's own buffer,
// not a copy of it, which Output would write out. The bytes are the
// caller's; f must not be used again. (backplan patch)
func (f *Fpdf) OutputBytes() ([]byte, error) {
	if f.err != nil {
		return nil, f.err
	}
	if f.state < 3 {
		f.Close()
	}
	if f.err != nil {
		return nil, f.err
	}
	return f.buffer.Bytes(), nil
}
