package fpdf

// backplan patch (see PATCHES.md): the font read once (parseIndexed)
// gives what upstream's parse gave, and cuts the same subsets.

import (
	"bytes"
	"maps"
	"os"
	"reflect"
	"slices"
	"testing"
)

var backplanFonts = []string{"../../fonts/NotoSans-Regular.ttf", "../../fonts/NotoSans-Bold.ttf"}

func readFontFile(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// upstreamParse is parseFile as upstream runs it.
func upstreamParse(t *testing.T, data []byte) *utf8FontFile {
	t.Helper()
	u := newUTF8Font(&fileReader{array: data})
	if err := u.parseFile(); err != nil {
		t.Fatal(err)
	}
	return u
}

func TestParseIndexedMatchesUpstream(t *testing.T) {
	for _, path := range backplanFonts {
		data := readFontFile(t, path)
		old := upstreamParse(t, data)
		font, err := ParseUTF8Font(data)
		if err != nil {
			t.Fatal(err)
		}
		got := font.file
		if !slices.Equal(got.CharWidths, old.CharWidths) {
			for i := range old.CharWidths {
				if got.CharWidths[i] != old.CharWidths[i] {
					t.Errorf("%s: width of %#x: got %d, upstream %d", path, i, got.CharWidths[i], old.CharWidths[i])
					break
				}
			}
		}
		type metrics struct {
			a, d, ch, sv, ia, fl int
			bb                   fontBoxType
			up, ut, dw           float64
		}
		m := func(u *utf8FontFile) metrics {
			return metrics{u.Ascent, u.Descent, u.CapHeight, u.StemV, u.ItalicAngle, u.Flags, u.Bbox,
				u.UnderlinePosition, u.UnderlineThickness, u.DefaultWidth}
		}
		if m(&got) != m(old) {
			t.Errorf("%s: metrics %+v, upstream %+v", path, m(&got), m(old))
		}
		// Every character maps to the glyph upstream's map gives.
		up := newUTF8Font(&fileReader{array: data})
		up.generateTableDescriptions0()
		up.generateCMAP()
		for c := range 0x10000 {
			g, ok := font.file.index.cmap.glyph(c)
			og, ook := up.charSymbolDictionary[c]
			if g != og || ok != ook {
				t.Fatalf("%s: %#x maps to %d (%v), upstream %d (%v)", path, c, g, ok, og, ook)
			}
		}
	}
}

// generateTableDescriptions0 reads the table directory from the start of
// the file, as GenerateCutFont does.
func (utf *utf8FontFile) generateTableDescriptions0() {
	utf.fileReader.readerPosition = 4
	utf.generateTableDescriptions()
}

func TestCutFontMatchesUpstream(t *testing.T) {
	sets := []string{
		"",
		"Hello, world",
		"Ana Ruiz – week 1 of 4 · 3 × 10 reps, ½ min • “rest” → ✓",
		"Ζωή Παπαδοπούλου Анна Иванова ÅÉÎÕÜ ßæœ ﬁ",
		"0123456789 !\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~",
	}
	for _, path := range backplanFonts {
		data := readFontFile(t, path)
		font, err := ParseUTF8Font(data)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range sets {
			runes := makeSubsetRange(57)
			for _, r := range s {
				runes[int(r)] = int(r)
			}
			delete(runes, 0)
			upRunes := maps.Clone(runes)
			want := newUTF8Font(&fileReader{array: data}).GenerateCutFont(upRunes)

			doc := new(utf8FontFile)
			*doc = font.file
			doc.fileReader = &fileReader{array: data}
			got := doc.GenerateCutFont(runes)
			if !bytes.Equal(got, want) {
				t.Errorf("%s: subset of %q differs from upstream's (%d bytes, want %d)", path, s, len(got), len(want))
			}
		}
	}
}

func TestNextIntKey(t *testing.T) {
	var pa untypedKeyMap
	for i := range 5 {
		pa.put(nil, i*10)
	}
	pa.put("interval", 1)
	pa.put(nil, 50)
	if want := []any{0, 1, 2, 3, 4, "interval", 5}; !slices.Equal(pa.keySet, want) {
		t.Errorf("keys %v, want %v", pa.keySet, want)
	}
	// A gap (never made by fpdf itself) falls back to upstream's search.
	pa = untypedKeyMap{keySet: []any{0, 2}, valueSet: []int{1, 1}}
	pa.put(nil, 7)
	if want := []any{0, 2, 1}; !slices.Equal(pa.keySet, want) {
		t.Errorf("keys %v, want %v", pa.keySet, want)
	}
}

// TestLoadUTF8Font: a font loaded from its saved tables is the font
// parsed.
func TestLoadUTF8Font(t *testing.T) {
	for _, path := range backplanFonts {
		data := readFontFile(t, path)
		parsed, err := ParseUTF8Font(data)
		if err != nil {
			t.Fatal(err)
		}
		tables := parsed.Tables()
		loaded, err := LoadUTF8Font(data, tables)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(loaded, parsed) {
			t.Errorf("%s: the loaded font differs from the parsed one", path)
		}
		if !bytes.Equal(loaded.Tables(), tables) {
			t.Errorf("%s: the loaded font saves other tables", path)
		}
		if _, err := LoadUTF8Font(data[:len(data)-1], tables); err == nil {
			t.Errorf("%s: tables accepted for a font of another size", path)
		}
		for _, n := range []int{0, 10, len(tablesMagic) + 8, len(tables) / 2, len(tables) - 1} {
			if _, err := LoadUTF8Font(data, tables[:n]); err == nil {
				t.Errorf("%s: tables cut to %d bytes accepted", path, n)
			}
		}
		if _, err := LoadUTF8Font(data, append(slices.Clip(tables), 0)); err == nil {
			t.Errorf("%s: tables with a byte more accepted", path)
		}
	}
}

// FuzzLoadUTF8Font: damaged tables are an error, never a panic.
func FuzzLoadUTF8Font(f *testing.F) {
	data, err := os.ReadFile(backplanFonts[0])
	if err != nil {
		f.Fatal(err)
	}
	font, err := ParseUTF8Font(data)
	if err != nil {
		f.Fatal(err)
	}
	tables := font.Tables()
	f.Add(tables[:200])
	f.Add(tables[:len(tables)/3])
	f.Fuzz(func(t *testing.T, b []byte) {
		LoadUTF8Font(data, b)
	})
}
