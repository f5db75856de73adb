package figure

import "math"

// seatTop is how far a seat's top lies below the hip centre when seated.
const seatTop = chestHalfD - 3

// sitting reports whether the start pose sits on something.
func (s Spec) sitting() bool { return s.Start.Base == "sit" || s.Start.Base == "sit-floor" }

// seat draws a chair or bench. Seated, it stands under the hips. Standing,
// the free hand (see freeHand) leans on it: on
// the seat when the hand is low, as for a bent-over row, or on top of a
// chair's back when the hand is at hip height or above, as when standing
// beside a chair for balance.
func (s Spec) seat(b posed, back bool) []Shape {
	if s.sitting() {
		if s.view() != Side {
			return s.seat3D(b, back)
		}
		pelvis := b.at("pelvis")
		top := pelvis.Y - seatTop
		knee := b.at("knee_r")
		fwd := math.Copysign(1, knee.X-pelvis.X)
		return seatSide(pelvis.X-fwd*14, pelvis.X+fwd*24, top, chairBack(back))
	}
	h := b.at(s.freeHand())
	top := h.Y - armW/2
	if back && top > 75 {
		// The hand rests on the top of the chair's back; the seat runs
		// back from it, clear of a leg that lifts.
		if s.view() == Front {
			out := math.Copysign(8, h.X-b.at("pelvis").X) // the hand is on the near end of its back
			return chairFront(h.X+out, top)
		}
		fwd := math.Copysign(1, b.at("toe_r").X-b.at("heel_r").X)
		return seatSide(h.X, h.X-fwd*40, chairSeat, top-chairSeat)
	}
	if back && s.view() == Raised {
		return chairBeside(b, b.sk.pt[s.freeHand()])
	}
	if back {
		// The hand is flat on the back edge of the seat, the chair beside
		// the body and a little ahead, its back at the far end: what the
		// other hand holds hangs clear of it.
		fwd := math.Copysign(1, b.at("toe_r").X-b.at("heel_r").X)
		return seatSide(h.X+fwd*38, h.X-fwd*4, top, chairBackH)
	}
	return seatSide(h.X-22, h.X+22, top, 0)
}

// chairSeat is the height of a chair's seat, and chairBackH the height of
// its back above the seat.
const (
	chairSeat  = 46.0
	chairBackH = 45.0
)

func chairBack(back bool) float64 {
	if back {
		return chairBackH
	}
	return 0
}

// freeHand names the hand that holds nothing: the right one when Hand
// is left, else the left (the far one in a side view).
func (s Spec) freeHand() string {
	if s.Hand == "left" {
		return "hand_r"
	}
	return "hand_l"
}

// seatSide draws a seat seen side-on from x0 to x1 with its top at top;
// a back backH high (none if 0) rises from x0, leaning a little away from
// x1.
func seatSide(x0, x1, top, backH float64) []Shape {
	out := []Shape{
		line(4, inkProp, Point{x0, top - 2}, Point{x1, top - 2}),
		line(propLineW, inkProp, Point{x0 + 3*math.Copysign(1, x1-x0), top - 2}, Point{x0 + 3*math.Copysign(1, x1-x0), 0}),
		line(propLineW, inkProp, Point{x1 - 3*math.Copysign(1, x1-x0), top - 2}, Point{x1 - 3*math.Copysign(1, x1-x0), 0}),
	}
	if backH > 0 {
		out = append(out, line(propLineW+0.6, inkProp, Point{x0, top - 2}, Point{x0 - math.Copysign(4, x1-x0), top + backH}))
	}
	return out
}

// chairFront draws a chair seen from the front, its back's top at (x, top).
func chairFront(x, top float64) []Shape {
	const half = 20.0
	seat := chairSeat
	return []Shape{
		line(propLineW+0.6, inkProp, Point{x - half, top}, Point{x + half, top}),
		line(propLineW, inkProp, Point{x - half + 2, top}, Point{x - half + 2, 0}),
		line(propLineW, inkProp, Point{x + half - 2, top}, Point{x + half - 2, 0}),
		line(4, inkProp, Point{x - half, seat}, Point{x + half, seat}),
	}
}

// seat3D draws a chair under the hips, built in the body's space and seen
// from the picture's view: the seat, four legs and, with back, a back
// behind the hips.
func (s Spec) seat3D(b posed, back bool) []Shape {
	turn := rotY(b.sk.joints["turn"])
	fwd, side := turn.apply(vec{1, 0, 0}), turn.apply(vec{0, 0, 1})
	p := b.sk.pt["pelvis"]
	top := p[1] - seatTop - 2
	corner := func(f, sd, y float64) Point {
		v := vec{p[0], y, p[2]}.add(fwd.scale(f)).add(side.scale(sd))
		return b.cam.project(v)
	}
	var out []Shape
	for _, f := range []float64{-14, 24} {
		for _, sd := range []float64{-20, 20} {
			out = append(out, line(propLineW, inkProp, corner(f, sd, top), corner(f, sd, 0)))
		}
	}
	out = append(out, Shape{Kind: Path, Closed: true, Points: []Point{corner(-14, -20, top), corner(24, -20, top), corner(24, 20, top), corner(-14, 20, top)}, Width: 2, Stroke: inkProp, Fill: fillProp})
	if back {
		out = append(out,
			line(propLineW+0.6, inkProp, corner(-14, -20, top), corner(-17, -20, top+45)),
			line(propLineW+0.6, inkProp, corner(-14, 20, top), corner(-17, 20, top+45)),
			line(4, inkProp, corner(-17, -20, top+45), corner(-17, 20, top+45)),
		)
	}
	return out
}

// chairBeside draws a chair standing beside the body, built in world space
// for the raised view: the free hand rests flat on the near edge of its
// seat, and its back stands on the far side, away from the body.
func chairBeside(b posed, hand vec) []Shape {
	away := 1.0
	if hand[2] < b.sk.pt["pelvis"][2] {
		away = -1
	}
	top := hand[1] - armW/2 - 2
	pr := func(x, y, z float64) Point { return b.cam.project(vec{hand[0] + x, y, hand[2] + away*z}) }
	const near, far, half = -6.0, 36.0, 20.0
	out := []Shape{
		line(propLineW, inkProp, pr(-half, top, far), pr(-half, 0, far)),
		line(propLineW, inkProp, pr(half, top, far), pr(half, 0, far)),
		{Kind: Path, Closed: true, Points: []Point{pr(-half, top, near), pr(half, top, near), pr(half, top, far), pr(-half, top, far)}, Width: 2, Stroke: inkProp, Fill: fillProp},
		line(propLineW+0.6, inkProp, pr(-half, top, far), pr(-half, top+chairBackH, far+3)),
		line(propLineW+0.6, inkProp, pr(half, top, far), pr(half, top+chairBackH, far+3)),
		line(4, inkProp, pr(-half, top+chairBackH, far+3), pr(half, top+chairBackH, far+3)),
		line(propLineW, inkProp, pr(-half, top, near), pr(-half, 0, near)),
		line(propLineW, inkProp, pr(half, top, near), pr(half, 0, near)),
	}
	return out
}
