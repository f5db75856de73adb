package figure

import "math"

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
	if s.has("mat") {
		switch view {
		case Top:
			out = append(out, Shape{Kind: Path, Closed: true, Points: []Point{{lo.X - 12, lo.Y - 10}, {hi.X + 12, lo.Y - 10}, {hi.X + 12, hi.Y + 10}, {lo.X - 12, hi.Y + 10}}, Width: 1, Stroke: inkFar, Fill: 0.92})
		default:
			out = append(out, rect(lo.X-10, 0, hi.X+10, matThick, inkProp, 0.75))
		}
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

// seat draws a chair or bench under the hips when seated, else under the
// lowest hand, which leans on it.
func (s Spec) seat(b posed, back bool) []Shape {
	pelvis := b.at("pelvis")
	sitting := false
	for _, base := range []string{"sit", "sit-floor"} {
		if s.Start.Base == base {
			sitting = true
		}
	}
	var top, x0, x1 float64
	if sitting {
		top = pelvis.Y - (chestHalfD - 3)
		x0, x1 = pelvis.X-20, pelvis.X+20
		if s.view() == Side {
			knee := b.at("knee_r")
			fwd := math.Copysign(1, knee.X-pelvis.X)
			x0, x1 = pelvis.X-fwd*14, pelvis.X+fwd*24
		}
	} else {
		h := b.at("hand_l")
		if r := b.at("hand_r"); r.Y < h.Y {
			h = r
		}
		top = h.Y - armW/2
		x0, x1 = h.X-22, h.X+22
		back = false
	}
	if x0 > x1 {
		x0, x1 = x1, x0
	}
	out := []Shape{
		line(4, inkProp, Point{x0, top - 2}, Point{x1, top - 2}),
		line(propLineW, inkProp, Point{x0 + 3, top - 2}, Point{x0 + 3, 0}),
		line(propLineW, inkProp, Point{x1 - 3, top - 2}, Point{x1 - 3, 0}),
	}
	if back && s.view() == Side {
		bx := x0
		if pelvis.X-x0 < 0 {
			bx = x1
		}
		out = append(out, line(propLineW+0.6, inkProp, Point{bx, top - 2}, Point{bx - math.Copysign(4, pelvis.X-bx), top + 45}))
	}
	return out
}

// foreground draws what lies over the body: bands, cables, handles and
// dumbbells.
func (s Spec) foreground(b posed, anchor Point) []Shape {
	var out []Shape
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
