package figure

import (
	"cmp"
	"math"
	"slices"
)

// extent returns the horizontal and vertical reach of the body's points.
func (b posed) extent() (lo, hi Point) {
	lo = Point{math.Inf(1), math.Inf(1)}
	hi = Point{math.Inf(-1), math.Inf(-1)}
	for name, v := range b.sk.pt {
		p, r := b.cam.project(v), b.sk.radius[name]
		lo = Point{math.Min(lo.X, p.X-r), math.Min(lo.Y, p.Y-r)}
		hi = Point{math.Max(hi.X, p.X+r), math.Max(hi.Y, p.Y+r)}
	}
	for _, v := range b.sk.spine {
		p := b.cam.project(v)
		lo = Point{math.Min(lo.X, p.X-chestHalfD), math.Min(lo.Y, p.Y-chestHalfD)}
		hi = Point{math.Max(hi.X, p.X+chestHalfD), math.Max(hi.Y, p.Y+chestHalfD)}
	}
	return lo, hi
}

// background draws the props behind the body: wall, door, machine, chair,
// bench and mat. first is the start pose, which fixes where props stand.
func (s Spec) background(b, first posed, anchor Point) []Shape {
	var out []Shape
	lo, hi := first.extent()
	view := s.view()
	if s.has("wall") {
		switch view {
		case Side:
			x := lo.X
			out = append(out, rect(x-8, 0, x, math.Max(hi.Y+15, 190), -1, fillProp), line(propLineW, inkProp, Point{x, 0}, Point{x, math.Max(hi.Y+15, 190)}))
		case Front:
			out = append(out, rect(lo.X-25, 0, hi.X+25, hi.Y+15, -1, 0.92))
		}
	}
	if s.has("wall-ahead") && view == Side {
		x := math.Max(first.at("hand_r").X, first.at("elbow_r").X) + armW/2
		top := math.Max(hi.Y+15, 190)
		out = append(out, rect(x, 0, x+8, top, -1, fillProp), line(propLineW, inkProp, Point{x, 0}, Point{x, top}))
	}
	if s.has("worktop") && view == Side {
		// The hands rest on its near edge; it reaches on, away from the body.
		h := b.at("hand_r")
		top := h.Y - armW/2
		fwd := math.Copysign(1, h.X-b.at("pelvis").X)
		out = append(out, rect(math.Min(h.X-fwd*4, h.X+fwd*50), 0, math.Max(h.X-fwd*4, h.X+fwd*50), top-3, inkProp, fillProp),
			line(4, inkProp, Point{h.X - fwd*7, top - 1.5}, Point{h.X + fwd*52, top - 1.5}))
	}
	if s.has("doorway") {
		out = append(out, s.doorway(b)...)
	}
	if s.has("band") {
		out = append(out, s.door(anchor, 6)...)
	}
	if s.has("cable") {
		out = append(out, s.door(anchor, 16)...)
		out = append(out, Shape{Kind: Circle, Points: []Point{anchor}, Radius: 3, Width: 1, Stroke: inkNear, Fill: inkProp})
		if view == Side && (s.Start.Base == "sit" || s.Start.Base == "sit-floor") {
			toe := first.at("toe_r")
			x := toe.X + 4*math.Copysign(1, anchor.X-toe.X)
			out = append(out, line(3, inkProp, Point{x, 0}, Point{x, toe.Y + 14}))
		}
	}
	for _, seat := range []string{"chair", "bench"} {
		if s.has(seat) {
			out = append(out, s.seat(first, seat == "chair")...)
		}
	}
	if s.has("pillow") {
		out = append(out, pillow(b))
	}
	if s.has("mat") || view == Raised || view == RaisedFront {
		switch view {
		case Raised, RaisedFront:
			out = append(out, slab(first, s.has("mat"))...)
		case Top:
			out = append(out, Shape{Kind: Path, Closed: true, Points: []Point{{lo.X - 12, lo.Y - 10}, {hi.X + 12, lo.Y - 10}, {hi.X + 12, hi.Y + 10}, {lo.X - 12, hi.Y + 10}}, Width: 1, Stroke: inkFar, Fill: 0.92})
		default:
			out = append(out, rect(lo.X-10, 0, hi.X+10, matThick, inkProp, 0.75))
		}
	}
	return out
}

// doorway draws the door frame the forearms rest on: seen from above, a
// post at each elbow with the wall running on beyond it; from any other
// side, a post standing behind each forearm, from the floor to above the
// head.
func (s Spec) doorway(b posed) []Shape {
	var out []Shape
	if s.view() == Top {
		el, er := b.at("elbow_l"), b.at("elbow_r")
		for _, e := range []Point{el, er} {
			away := math.Copysign(1, e.X-(el.X+er.X)/2)
			x0 := e.X + away*armW/2
			out = append(out, rect(math.Min(x0, x0+away*45), e.Y-6, math.Max(x0, x0+away*45), e.Y+6, inkProp, fillProp))
		}
		return out
	}
	top := b.sk.pt["head"][1] + headR + 20
	for _, side := range []string{"_l", "_r"} {
		e := b.sk.pt["elbow"+side]
		back := b.sk.chest.apply(vec{-armW / 2, 0, 0}) // behind the forearm
		a := b.cam.project(vec{e[0] + back[0], 0, e[2] + back[2]})
		z := b.cam.project(vec{e[0] + back[0], top, e[2] + back[2]})
		n := unit(Point{z.Y - a.Y, a.X - z.X})
		const half = 4.0
		out = append(out, Shape{Kind: Path, Closed: true, Width: 1, Stroke: inkProp, Fill: fillProp, Points: []Point{
			{a.X + n.X*half, a.Y + n.Y*half}, {z.X + n.X*half, z.Y + n.Y*half}, {z.X - n.X*half, z.Y - n.Y*half}, {a.X - n.X*half, a.Y - n.Y*half},
		}})
	}
	return out
}

// door draws a door seen edge on (or a cable column) with its anchor.
func (s Spec) door(a Point, width float64) []Shape {
	return []Shape{
		rect(a.X-width/2, 0, a.X+width/2, math.Max(a.Y+60, 200), inkFar, fillProp),
		{Kind: Circle, Points: []Point{a}, Radius: 2.2, Width: 0, Stroke: inkNear, Fill: inkNear},
	}
}

// foreground draws what lies over the body: bands, cables, handles and
// dumbbells.
func (s Spec) foreground(b posed, anchor Point) []Shape {
	var out []Shape
	if s.has("band-held") {
		grip := func(sd string) Point {
			h, w := b.at("hand"+sd), b.at("wrist"+sd)
			return Point{(h.X*2 + w.X) / 3, (h.Y*2 + w.Y) / 3}
		}
		out = append(out, line(1.8, 0.15, grip("_l"), grip("_r")))
	}
	for _, sd := range s.hands() {
		hand := b.at("hand" + sd)
		wrist := b.at("wrist" + sd)
		grip := Point{(hand.X*2 + wrist.X) / 3, (hand.Y*2 + wrist.Y) / 3}
		if s.has("band") {
			out = append(out, line(1.8, 0.15, anchor, grip))
		}
		if s.has("cable") {
			out = append(out, line(1.2, inkNear, anchor, grip))
			d := unit(Point{grip.X - anchor.X, grip.Y - anchor.Y})
			out = append(out, line(3, inkNear, Point{grip.X - d.Y*5, grip.Y + d.X*5}, Point{grip.X + d.Y*5, grip.Y - d.X*5}))
		}
		if s.has("dumbbell") {
			i := 1
			if sd == "_l" {
				i = 0
			}
			c := b.sk.pt["wrist"+sd].add(b.sk.hand[i].apply(vec{0, -handLen * 0.6, 0}))
			bar := b.sk.hand[i].apply(vec{7, 0, 0})
			plate := b.sk.hand[i].apply(vec{0, 4.5, 0})
			pr := b.cam.project
			e0, e1 := c.sub(bar), c.add(bar)
			out = append(out,
				line(2.6, inkNear, pr(e0), pr(e1)),
				line(6, inkNear, pr(e0.sub(plate)), pr(e0.add(plate))),
				line(6, inkNear, pr(e1.sub(plate)), pr(e1.add(plate))),
			)
		}
	}
	return out
}

// worldExtent returns the corners of a box around the body in world space.
func (b posed) worldExtent() (lo, hi vec) {
	lo = vec{math.Inf(1), math.Inf(1), math.Inf(1)}
	hi = vec{math.Inf(-1), math.Inf(-1), math.Inf(-1)}
	grow := func(v vec, r float64) {
		for i := range 3 {
			lo[i] = math.Min(lo[i], v[i]-r)
			hi[i] = math.Max(hi[i], v[i]+r)
		}
	}
	for name, v := range b.sk.pt {
		grow(v, b.sk.radius[name])
	}
	for _, v := range b.sk.spine {
		grow(v, chestHalfD)
	}
	return lo, hi
}

// slab draws the floor under the body in the raised view: a mat, or a
// paler patch of floor without one.
func slab(b posed, mat bool) []Shape {
	lo, hi := b.worldExtent()
	x0, x1, z0, z1 := lo[0]-10, hi[0]+10, lo[2]-12, hi[2]+12
	t, fill := matThick, 0.88
	if !mat {
		t, fill = 0, 0.95
	}
	pr := b.cam.project
	var corners []Point
	for _, y := range []float64{0, t} {
		for _, x := range []float64{x0, x1} {
			for _, z := range []float64{z0, z1} {
				corners = append(corners, pr(vec{x, y, z}))
			}
		}
	}
	out := []Shape{{Kind: Path, Closed: true, Points: hull(corners), Width: 1, Stroke: inkFar, Fill: fill}}
	if mat {
		out = append(out, Shape{Kind: Path, Closed: true, Points: []Point{pr(vec{x0, 0, z1}), pr(vec{x1, 0, z1}), pr(vec{x1, t, z1}), pr(vec{x0, t, z1})}, Width: 0.6, Stroke: inkProp, Fill: 0.7})
	}
	return out
}

// pillow draws a pillow under the head, from the floor (or mat) up to it.
func pillow(b posed) Shape {
	h := b.sk.pt["head"]
	y0 := 0.0
	if lo, _ := b.worldExtent(); lo[1] >= matThick-0.01 {
		y0 = matThick
	}
	y1 := math.Max(h[1]-headR+1.5, y0+3)
	var corners []Point
	for _, y := range []float64{y0, y1} {
		for _, x := range []float64{-20, 20} {
			for _, z := range []float64{-30, 30} {
				corners = append(corners, b.cam.project(vec{h[0] + x, y, h[2] + z}))
			}
		}
	}
	return Shape{Kind: Path, Closed: true, Points: hull(corners), Width: 1.4, Stroke: inkProp, Fill: 0.8}
}

// hull returns the convex hull of pts, anticlockwise.
func hull(pts []Point) []Point {
	ps := slices.Clone(pts)
	slices.SortFunc(ps, func(a, b Point) int {
		if c := cmp.Compare(a.X, b.X); c != 0 {
			return c
		}
		return cmp.Compare(a.Y, b.Y)
	})
	cross := func(o, a, b Point) float64 { return (a.X-o.X)*(b.Y-o.Y) - (a.Y-o.Y)*(b.X-o.X) }
	var h []Point
	for pass := range 2 {
		start := len(h)
		for _, p := range ps {
			for len(h) >= start+2 && cross(h[len(h)-2], h[len(h)-1], p) <= 1e-9 {
				h = h[:len(h)-1]
			}
			h = append(h, p)
		}
		h = h[:len(h)-1]
		if pass == 0 {
			slices.Reverse(ps)
		}
	}
	return h
}
