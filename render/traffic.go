package render

// The traffic light for pain: green, amber and red bands, each with its
// words, so that it reads the same printed in black and white. It stands
// on the safety page and, short, as the key under each week's pain rows.

// Tint is a colour a Rect may be filled with in place of a grey. Only the
// traffic light uses colour, and its words always say what the colour
// does.
type Tint string

// The tints of the traffic light.
const (
	Green Tint = "green"
	Amber Tint = "amber"
	Red   Tint = "red"
)

// rgb is the tint's colour: light enough for black text on it to read
// well, and each a different grey in black and white.
func (t Tint) rgb() (r, g, b int) {
	switch t {
	case Green:
		return 165, 214, 167
	case Amber:
		return 255, 204, 128
	case Red:
		return 239, 154, 154
	}
	return 255, 255, 255
}

// light is one band of the traffic light: its tint, its name and range,
// and what to do, in full and short.
type light struct {
	tint        Tint
	name, short string
	do, doShort string
}

// lights are the traffic light's bands (docs/clinical.md, "Pain while
// exercising"), in the workbook's language: the messages light.green,
// light.green.short, light.green.do and light.green.do-short, and so on.
func (l *layout) lights() []light {
	var out []light
	for _, t := range []Tint{Green, Amber, Red} {
		k := "light." + string(t)
		out = append(out, light{t, l.m.T(k), l.m.T(k + ".short"), l.m.T(k + ".do"), l.m.T(k + ".do-short")})
	}
	return out
}

// trafficTable is the traffic light as a table on the safety page: each
// row a band of its colour, the name bold at the left.
func (l *layout) trafficTable() {
	var rows [][2]string
	var tints []Tint
	for _, t := range l.lights() {
		rows = append(rows, [2]string{t.name, t.do})
		tints = append(tints, t.tint)
	}
	l.tintedTable(rows, tints)
}

// painKey is the traffic light in short under a week's pain rows: the
// three bands side by side, each with its name on a line and what to do
// under it (in the compact look, the names alone).
func (l *layout) painKey(look weekLook) {
	s := l.s
	size := s.body
	lh := s.lineH(size)
	pad := look.cellPad()
	lights := l.lights()
	gap := 2.0
	w := (l.width() - gap*float64(len(lights)-1)) / float64(len(lights))
	h := 0.0
	lines := make([][]string, len(lights))
	for i, t := range lights {
		if !look.compact { // the crowded look leaves what to do to the safety page
			lines[i] = l.wrap(t.doShort, w-2*pad, false, size)
		}
		h = max(h, float64(1+len(lines[i]))*lh+2*pad)
	}
	l.ensure(h)
	for i, t := range lights {
		x := l.left + float64(i)*(w+gap)
		l.add(Item{Kind: Rect, X: x, Y: l.y, W: w, H: h, Stroke: thin, Tint: t.tint})
		l.text(x+pad, l.y+pad, t.short, true, size)
		for j, line := range lines[i] {
			l.text(x+pad, l.y+pad+float64(j+1)*lh, line, false, size)
		}
	}
	l.y += h + s.para
}
