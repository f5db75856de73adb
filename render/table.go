package render

// table flows a two-column table of labels and text, one bordered row
// each. A table splits between pages only where each part keeps at least
// two rows; a table of three rows or fewer moves whole. The part on a new
// page starts under the section's repeated heading.
func (l *layout) table(rows [][2]string) {
	l.tableWithHeader([2]string{}, rows, nil)
}

// tintedTable is table with each row's label cell in a colour.
func (l *layout) tintedTable(rows [][2]string, tints []Tint) {
	l.tableWithHeader([2]string{}, rows, tints)
}

// tableCell is a row of a table, wrapped.
type tableCell struct{ labels, lines []string }

// tableCells wraps a table's rows: the label column's width, each row's
// lines and height, and the header's height.
func (l *layout) tableCells(head [2]string, rows [][2]string) (lw float64, cells []tableCell, hs []float64, headH float64) {
	size := l.s.body
	lh := l.s.lineH(size)
	pad := l.s.pad
	// The label column is as wide as its longest label, within limits: up
	// to 40% of the width, or more when the texts are short enough that
	// the longest still fits on one line beside it. A dose table's long
	// week names ("Weeks 6 to 52, not the easier weeks") then take one
	// line, not two.
	most := l.width() * 0.4
	textW := 0.0
	for _, r := range rows {
		textW = max(textW, l.measure(clean(r[1]), false, size)+2*pad+1)
	}
	most = max(most, min(l.width()-textW, l.width()*0.65))
	lw = l.s.label
	for _, r := range rows {
		lw = max(lw, min(l.measure(r[0], true, size)+2*pad+1, most))
	}
	cells = make([]tableCell, len(rows))
	hs = make([]float64, len(rows))
	for i, r := range rows {
		cells[i] = tableCell{l.wrap(r[0], lw-2*pad, true, size), l.wrap(clean(r[1]), l.width()-lw-2*pad, false, size)}
		hs[i] = float64(max(len(cells[i].labels), len(cells[i].lines)))*lh + 2*pad
	}
	if head != [2]string{} {
		headH = lh + 2*pad
	}
	return lw, cells, hs, headH
}

// tableWithHeader is table with a header row (skipped when empty), which
// is repeated at the top of each part. Each part breaks the page at most
// once before it is placed, so a repeated heading taller than a page
// cannot make it add pages for ever.
func (l *layout) tableWithHeader(head [2]string, rows [][2]string, tints []Tint) {
	size := l.s.body
	lh := l.s.lineH(size)
	pad := l.s.pad
	lw, cells, hs, headH := l.tableCells(head, rows)
	header := func() {
		if headH == 0 {
			return
		}
		l.rect(l.left, l.y, l.width(), headH, thin, fillHeader)
		l.text(l.left+pad, l.y+pad, head[0], true, size)
		l.text(l.left+lw+pad, l.y+pad, head[1], true, size)
		l.y += headH
	}
	n := len(rows)
	var parts []int
	broke := false // the page was broken for this part already: place it here
	for i := 0; i < n; {
		// How many rows fit here, under the header.
		k := 0
		for room := l.room() - headH; i+k < n && hs[i+k] <= room+0.01; k++ {
			room -= hs[i+k]
		}
		switch {
		case k == n-i:
			// The rest fits.
		case n-i <= 3 || k < 2:
			// Too few rows to split here: start the table (or its
			// rest) on the next page, unless this page is fresh.
			if l.y > l.top+0.01 && !broke {
				l.breakPage()
				broke = true
				continue
			}
			k = max(k, 1)
		case n-i-k < 2:
			k = n - i - 2 // leave two rows for the next part
		}
		header()
		for j := i; j < i+k; j++ {
			h := hs[j]
			if j < len(tints) {
				l.add(Item{Kind: Rect, X: l.left, Y: l.y, W: l.width(), H: h, Stroke: thin, Tint: tints[j]})
				l.vline(l.left+lw, l.y, h, thin)
			} else {
				l.rect(l.left, l.y, lw, h, thin, fillLabel)
			}
			l.rect(l.left+lw, l.y, l.width()-lw, h, thin, 0)
			for m, s := range cells[j].labels {
				l.text(l.left+pad, l.y+pad+float64(m)*lh, s, true, size)
			}
			for m, s := range cells[j].lines {
				l.text(l.left+lw+pad, l.y+pad+float64(m)*lh, s, false, size)
			}
			l.y += h
		}
		parts = append(parts, k)
		i += k
		broke = false
		if i < n {
			l.breakPage()
			broke = true
		}
	}
	if len(parts) > 1 {
		l.doc.tableParts = append(l.doc.tableParts, parts...)
	}
	l.y += l.s.para
}
