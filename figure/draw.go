package figure

import (
	"cmp"
	"math"
	"slices"
)

// Point is a position in a picture: x to the right, y down, in the units of
// the box given to Draw.
type Point struct{ X, Y float64 }

// Kind is the kind of a Shape.
type Kind int

// The kinds of shape.
const (
	Path   Kind = iota // a polyline through Points, or a polygon if Closed
	Circle             // a circle about Points[0] with Radius
)

// NoFill is the Fill of a shape that is only stroked.
const NoFill = -1.0

// Shape is one drawing command. Strokes use round caps and round joins, so
// a thick two-point path is a capsule. Greys run from 0 (black) to 1
// (white). Paint shapes in order: later ones cover earlier ones.
type Shape struct {
	Kind   Kind
	Points []Point
	Radius float64 // Circle
	Closed bool    // Path: join the last point to the first
	Width  float64 // stroke width; 0 for no stroke
	Stroke float64 // stroke grey
	Fill   float64 // fill grey, or NoFill
}

// Rect is a box: its top-left corner and size.
type Rect struct{ X, Y, W, H float64 }

// Picture is one panel of an exercise: the start or end of a movement, or
// the position held.
type Picture struct {
	Name   string // start, end or hold
	Box    Rect   // the bounds of the shapes
	Shapes []Shape
}

// The look, in centimetres of body and greys.
const (
	inkNear   = 0.0  // outline of the body and near limbs
	fillNear  = 1.0  // inside of the body and near limbs
	inkFar    = 0.45 // outline of far limbs
	fillFar   = 0.82 // inside of far limbs
	inkProp   = 0.35
	fillProp  = 0.88
	arrowInk  = 0.0
	arrowW    = 1.6
	floorW    = 1.2
	matThick  = 2.0
	propLineW = 2.2
)

// Draw returns the pictures of s, each fitted into a w by h box with its
// aspect kept: one for a hold, two (start, end) for a movement. Both use
// one scale and place, so the body does not jump between them. s should
// be valid (see Validate); unknown names are ignored.
func (s Spec) Draw(w, h float64) []Picture {
	return s.draw(w, h, 0)
}

// Thumbnail returns the last picture of s (the end of a movement, or the
// position held), without arrows, fitted into a w by h box on its own, for
// a list or table. Small drawings lose their outlines, so the body's
// outline is drawn at least line wide (line > 0), in the box's units.
func (s Spec) Thumbnail(w, h, line float64) Picture {
	return s.draw(w, h, max(line, 1e-9))[0]
}

// draw fits the scene into a w by h box. With minLine above zero it draws
// the thumbnail, and if the outline would be thinner than minLine it draws
// it again with a bolder one: bounds and scale are computed afresh, so it
// still fits.
func (s Spec) draw(w, h, minLine float64) []Picture {
	st := s.stage()
	thumb := minLine > 0
	ol := outline
	sc := s.scene(st, ol, thumb)
	k, lo, hi := fit(sc, w, h)
	if thumb && ol*k < minLine {
		ol = minLine / k
		sc = s.scene(st, ol, thumb)
		k, lo, hi = fit(sc, w, h)
	}
	ox := (w - (hi.X-lo.X)*k) / 2
	oy := (h - (hi.Y-lo.Y)*k) / 2
	tf := func(p Point) Point {
		return Point{round(ox + (p.X-lo.X)*k), round(oy + (hi.Y-p.Y)*k)}
	}
	floor := floorW * k
	if minLine > 0 {
		floor = max(floor, minLine)
	}
	pics := make([]Picture, len(sc.panels))
	for i, pn := range sc.panels {
		var out []Shape
		if sc.floor {
			y, fw := round(oy+hi.Y*k), round(floor)
			out = append(out, Shape{Kind: Path, Points: []Point{{round(fw / 2), y}, {round(w - fw/2), y}}, Width: fw, Stroke: inkProp, Fill: NoFill})
		}
		for _, sh := range pn.shapes {
			t := Shape{Kind: sh.Kind, Closed: sh.Closed, Radius: round(sh.Radius * k), Width: round(sh.Width * k), Stroke: sh.Stroke, Fill: sh.Fill}
			t.Points = make([]Point, len(sh.Points))
			for j, p := range sh.Points {
				t.Points[j] = tf(p)
			}
			out = append(out, t)
		}
		pics[i] = Picture{Name: pn.name, Shapes: out, Box: box(out)}
	}
	return pics
}

// fit returns the scale that fits the padded scene into a w by h box, and
// the scene's padded corners.
func fit(sc scene, w, h float64) (k float64, lo, hi Point) {
	lo, hi = bounds(sc)
	pad := 3.0
	lo = Point{lo.X - pad, lo.Y - pad}
	hi = Point{hi.X + pad, hi.Y + pad}
	return math.Min(w/(hi.X-lo.X), h/(hi.Y-lo.Y)), lo, hi
}

func round(v float64) float64 {
	r := math.Round(v*100) / 100
	if r == 0 {
		return 0 // no negative zero
	}
	return r
}

type panel struct {
	name   string
	shapes []Shape // in world units, y up
}

type scene struct {
	panels []panel
	floor  bool
}

// bounds returns the corners of everything drawn, strokes included.
func bounds(sc scene) (lo, hi Point) {
	lo = Point{math.Inf(1), 0} // the floor is always in frame
	hi = Point{math.Inf(-1), math.Inf(-1)}
	if !sc.floor {
		lo.Y = math.Inf(1)
	}
	for _, pn := range sc.panels {
		lo, hi = grow(lo, hi, pn.shapes)
	}
	return lo, hi
}

// grow widens the box lo–hi to hold every shape, strokes included.
func grow(lo, hi Point, shapes []Shape) (Point, Point) {
	for _, s := range shapes {
		r := s.Width / 2
		if s.Kind == Circle {
			r += s.Radius
		}
		for _, p := range s.Points {
			lo = Point{math.Min(lo.X, p.X-r), math.Min(lo.Y, p.Y-r)}
			hi = Point{math.Max(hi.X, p.X+r), math.Max(hi.Y, p.Y+r)}
		}
	}
	return lo, hi
}

func box(shapes []Shape) Rect {
	lo := Point{math.Inf(1), math.Inf(1)}
	hi := Point{math.Inf(-1), math.Inf(-1)}
	lo, hi = grow(lo, hi, shapes)
	if lo.X > hi.X {
		return Rect{}
	}
	return Rect{round(lo.X), round(lo.Y), round(hi.X - lo.X), round(hi.Y - lo.Y)}
}

// posed is a placed body with its pictures' view.
type posed struct {
	sk  *skeleton
	cam camera
	lie bool // resting on a mat
}

func (b posed) at(name string) Point { return b.cam.project(b.sk.pt[name]) }

func (s Spec) view() string {
	if s.View == "" {
		return Side
	}
	return s.View
}

func (s Spec) has(prop string) bool { return slices.Contains(s.Props, prop) }

func (s Spec) body(r resolved) posed {
	sk := place(r)
	if s.has("mat") && s.view() != Top {
		sk.shift(vec{0, matThick, 0})
	}
	return posed{sk: sk, cam: cameraFor(s.view())}
}

// hands returns the suffixes of the hands that hold things.
func (s Spec) hands() []string {
	switch s.Hand {
	case "left":
		return []string{"_l"}
	case "right":
		return []string{"_r"}
	}
	return []string{"_l", "_r"}
}

// stage is a Spec's bodies posed and placed, with the names of their
// pictures and the band or cable's anchor: the costly part of drawing,
// done once however the shapes are then drawn.
type stage struct {
	names  []string
	bodies []posed
	anchor Point
}

func (s Spec) stage() stage {
	start := s.Start.resolve(nil)
	poses := []resolved{start}
	names := []string{"hold"}
	if s.End != nil {
		poses = append(poses, s.End.resolve(&s.Start))
		names = []string{"start", "end"}
	}
	bodies := make([]posed, len(poses))
	for i, r := range poses {
		bodies[i] = s.body(r)
	}
	// Where the band or cable comes from: the side the hand is pulled from.
	hand := "hand" + s.hands()[len(s.hands())-1]
	from := bodies[0].at(hand)
	dir := 1.0
	if s.view() == Front {
		dir = -1 // the person's front is toward the reader; pull from their left
	}
	if len(bodies) == 2 {
		to := bodies[1].at(hand)
		if d := from.X - to.X; math.Abs(d) > 1 {
			dir = math.Copysign(1, d)
		}
	}
	anchor := Point{from.X + dir*45, from.Y}
	if s.view() == Front {
		anchor.X = from.X + dir*55
	}

	return stage{names: names, bodies: bodies, anchor: anchor}
}

// scene draws the staged bodies with outlines ol wide: every picture, or
// only the last and without arrows if last is set.
func (s Spec) scene(st stage, ol float64, last bool) scene {
	bodies, anchor, names := st.bodies, st.anchor, st.names
	sc := scene{floor: s.view() != Top}
	for i, b := range bodies {
		if last && i < len(bodies)-1 {
			continue
		}
		var sh []Shape
		sh = append(sh, s.background(b, bodies[0], anchor)...)
		sh = append(sh, s.figure(b, ol)...)
		sh = append(sh, s.foreground(b, anchor)...)
		if i == 0 && !last {
			for _, a := range s.Arrows {
				sh = append(sh, s.arrow(a, bodies)...)
			}
		}
		sc.panels = append(sc.panels, panel{name: names[i], shapes: sh})
	}
	return sc
}

// part is one stroke of a body group.
type part struct {
	pts    []Point
	w      float64
	circle bool
}

// group is a piece of the body painted as one outlined silhouette: all
// outlines first, then all insides, so its parts join without seams.
type group struct {
	parts     []part
	depth     float64
	ref       float64 // the depth of the trunk where the group joins it
	ink, fill float64
}

func (g group) shapes(ol float64) []Shape {
	var out []Shape
	for _, pass := range []struct {
		extra, grey float64
	}{{2 * ol, g.ink}, {0, g.fill}} {
		for _, p := range g.parts {
			if p.circle {
				out = append(out, Shape{Kind: Circle, Points: p.pts[:1], Radius: p.w/2 + pass.extra/2, Fill: pass.grey, Stroke: pass.grey})
				continue
			}
			out = append(out, Shape{Kind: Path, Points: p.pts, Width: p.w + pass.extra, Stroke: pass.grey, Fill: NoFill})
		}
	}
	return out
}

// figure draws the body as outlined groups, far ones first and greyed.
func (s Spec) figure(b posed, ol float64) []Shape {
	sk, cam := b.sk, b.cam
	pr := func(v vec) Point { return cam.project(v) }
	depth := func(names ...string) float64 {
		d := 0.0
		for _, n := range names {
			d += cam.depth(sk.pt[n])
		}
		return d / float64(len(names))
	}

	// The trunk: a thick stroke along the spine, as wide as the chest looks
	// from this side, with the shoulders, hips, neck and head.
	xa := sk.chest.apply(vec{1, 0, 0})
	za := sk.chest.apply(vec{0, 0, 1})
	ax, az := xa.dot(cam.toward), za.dot(cam.toward)
	half := math.Sqrt(chestHalfW*chestHalfW*(1-az*az) + chestHalfD*chestHalfD*(1-ax*ax))
	sp := sk.spine
	top := sp[3].sub(sp[3].sub(sp[2]).scale(0.3))
	bottom := sp[0].add(sp[1].sub(sp[0]).scale(0.25))
	torso := group{ink: inkNear, fill: fillNear}
	torso.parts = append(torso.parts, part{pts: []Point{pr(bottom), pr(sp[1]), pr(sp[2]), pr(top)}, w: 2 * half})
	torso.depth = (cam.depth(bottom) + cam.depth(sp[1]) + cam.depth(sp[2]) + cam.depth(top)) / 4
	if shL, shR := pr(sk.pt["shoulder_l"]), pr(sk.pt["shoulder_r"]); dist(shL, shR) > 6 {
		torso.parts = append(torso.parts, part{pts: []Point{shL, pr(sk.pt["neck"]), shR}, w: 12})
	}
	if hl, hr := pr(sk.pt["hip_l"]), pr(sk.pt["hip_r"]); dist(hl, hr) > 6 {
		torso.parts = append(torso.parts, part{pts: []Point{hl, hr}, w: 16})
	}
	head := sk.pt["head"]
	torso.parts = append(torso.parts, part{pts: []Point{pr(sk.pt["neck"]), pr(head)}, w: neckW})
	torso.parts = append(torso.parts, part{pts: []Point{pr(head)}, w: 2 * headR, circle: true})
	nose := head.add(sk.head.apply(vec{headR + 0.5, -1.5, 0}))
	if dist(pr(nose), pr(head)) > headR*0.45 {
		torso.parts = append(torso.parts, part{pts: []Point{pr(nose)}, w: 5, circle: true})
	}

	groups := []group{torso}
	for _, sd := range sides {
		n := func(s string) string { return s + sd.suffix }
		arm := group{depth: depth(n("shoulder"), n("elbow"), n("wrist"), n("hand")), ref: depth("neck"), parts: []part{
			{pts: []Point{pr(sk.pt[n("shoulder")]), pr(sk.pt[n("elbow")])}, w: armW},
			{pts: []Point{pr(sk.pt[n("elbow")]), pr(sk.pt[n("wrist")]), pr(sk.pt[n("hand")])}, w: armW - 1.5},
		}}
		leg := group{depth: depth(n("hip"), n("knee"), n("ankle"), n("toe")), ref: depth("pelvis"), parts: []part{
			{pts: []Point{pr(sk.pt[n("hip")]), pr(sk.pt[n("knee")])}, w: legW},
			{pts: []Point{pr(sk.pt[n("knee")]), pr(sk.pt[n("ankle")])}, w: legW - 2.5},
			{pts: []Point{pr(sk.pt[n("ankle")]), pr(sk.pt[n("heel")]), pr(sk.pt[n("toe")])}, w: footW},
		}}
		groups = append(groups, arm, leg)
	}
	if s.has("towel") {
		sd := s.hands()[len(s.hands())-1]
		sign := 1.0
		if sd == "_l" {
			sign = -1
		}
		c := sk.pt["elbow"+sd].add(sk.chest.apply(vec{0, 4, -sign * 6}))
		ax := sk.chest.apply(vec{6, 0, 0})
		// Between the arm and the trunk: over the trunk, under the arm.
		groups = append(groups, group{depth: torso.depth + 0.01, ink: inkNear, fill: 0.7,
			parts: []part{{pts: []Point{pr(c.sub(ax)), pr(c.add(ax))}, w: 8}}})
	}
	// A limb is far, and greyed, when it lies well behind its root on the
	// trunk: the neck for arms, the pelvis for legs.
	for i := range groups[1:] {
		g := &groups[i+1]
		if g.fill == 0 {
			g.ink, g.fill = inkNear, fillNear
			if g.depth < g.ref-5 {
				g.ink, g.fill = inkFar, fillFar
			}
		}
	}
	slices.SortStableFunc(groups, func(a, b group) int { return cmp.Compare(a.depth, b.depth) })
	var out []Shape
	for _, g := range groups {
		out = append(out, g.shapes(ol)...)
	}
	return out
}

func dist(a, b Point) float64 { return math.Hypot(a.X-b.X, a.Y-b.Y) }

func line(w, grey float64, pts ...Point) Shape {
	return Shape{Kind: Path, Points: pts, Width: w, Stroke: grey, Fill: NoFill}
}

func rect(x0, y0, x1, y1, ink, fill float64) Shape {
	w := 1.0
	if ink < 0 {
		w, ink = 0, 0
	}
	return Shape{Kind: Path, Closed: true, Points: []Point{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}}, Width: w, Stroke: ink, Fill: fill}
}

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

func unit(p Point) Point {
	l := math.Hypot(p.X, p.Y)
	if l == 0 {
		return Point{1, 0}
	}
	return Point{p.X / l, p.Y / l}
}

// arrow draws a movement arrow for the first picture.
func (s Spec) arrow(a Arrow, bodies []posed) []Shape {
	lo, hi := bodies[0].extent()
	centre := Point{(lo.X + hi.X) / 2, (lo.Y + hi.Y) / 2}
	var path []Point
	if a.Circle > 0 {
		c := bodies[0].at(a.Point)
		from, to := a.From, a.To
		if from == 0 && to == 0 {
			from = 60
		}
		if to == 0 {
			to = from + 300
		}
		n := int(math.Ceil(math.Abs(to-from)/20)) + 1
		for i := range n {
			t := from + (to-from)*float64(i)/float64(n-1)
			sn, cs := sincos(t)
			ry := a.Circle
			if a.Flat {
				ry *= 0.3
			}
			path = append(path, Point{c.X + a.Circle*cs, c.Y + ry*sn})
		}
	} else {
		if len(bodies) < 2 {
			return nil
		}
		// Follow the point as the joints move evenly from start to end,
		// or go straight there.
		steps := 12
		if a.Line {
			steps = 1
		}
		a0, a1 := bodies[0].sk, bodies[1].sk
		for i := range steps + 1 {
			t := float64(i) / float64(steps)
			j := map[string]float64{}
			for k, v := range a0.joints {
				j[k] = v
			}
			for k, v := range a1.joints {
				j[k] = j[k]*(1-t) + v*t
			}
			sk := pose(j)
			sk.shift(vec{0, a0.lift*(1-t) + a1.lift*t, 0})
			if s.has("mat") && s.view() != Top {
				sk.shift(vec{0, matThick, 0})
			}
			path = append(path, bodies[0].cam.project(sk.pt[a.Point]))
		}
		path = trim(path, 0.12)
		// Move the arrow off the limb, away from the body.
		if len(path) >= 2 {
			n := unit(Point{-(path[len(path)-1].Y - path[0].Y), path[len(path)-1].X - path[0].X})
			mid := path[len(path)/2]
			if (mid.X-centre.X)*n.X+(mid.Y-centre.Y)*n.Y < 0 {
				n = Point{-n.X, -n.Y}
			}
			off := bodies[0].sk.radius[a.Point] + 7
			for i := range path {
				path[i] = Point{path[i].X + n.X*off, path[i].Y + n.Y*off}
			}
		}
	}
	path = simplify(path)
	if len(path) < 2 {
		return nil
	}
	out := []Shape{line(arrowW, arrowInk, path...)}
	out = append(out, head(path[len(path)-2], path[len(path)-1]))
	if a.Both {
		out = append(out, head(path[1], path[0]))
	}
	return out
}

// trim cuts a fraction of a path's length off each end, and stretches a
// short path to a readable length about its middle.
func trim(path []Point, frac float64) []Point {
	total := 0.0
	for i := 1; i < len(path); i++ {
		total += dist(path[i-1], path[i])
	}
	if total < 14 {
		a, b := path[0], path[len(path)-1]
		m := Point{(a.X + b.X) / 2, (a.Y + b.Y) / 2}
		d := unit(Point{b.X - a.X, b.Y - a.Y})
		return []Point{{m.X - d.X*8, m.Y - d.Y*8}, {m.X + d.X*8, m.Y + d.Y*8}}
	}
	cut0, cut1 := total*frac, total*(1-frac)
	var out []Point
	run := 0.0
	for i := 1; i < len(path); i++ {
		a, b := path[i-1], path[i]
		l := dist(a, b)
		for _, c := range []float64{cut0, cut1} {
			if c >= run && c < run+l && l > 0 {
				t := (c - run) / l
				p := Point{a.X + (b.X-a.X)*t, a.Y + (b.Y-a.Y)*t}
				out = append(out, p)
			}
		}
		if run+l > cut0 && run+l < cut1 {
			out = append(out, b)
		}
		run += l
	}
	return out
}

// simplify drops points closer than 2 units to the last one kept.
func simplify(path []Point) []Point {
	var out []Point
	for i, p := range path {
		if i > 0 && i < len(path)-1 && dist(out[len(out)-1], p) < 3 {
			continue
		}
		out = append(out, p)
	}
	return out
}

// head is a filled arrowhead at b, pointing away from a.
func head(a, b Point) Shape {
	d := unit(Point{b.X - a.X, b.Y - a.Y})
	n := Point{-d.Y, d.X}
	const l, hw = 7.0, 4.0
	tip := Point{b.X + d.X*3, b.Y + d.Y*3}
	base := Point{tip.X - d.X*l, tip.Y - d.Y*l}
	return Shape{Kind: Path, Closed: true, Points: []Point{tip, {base.X + n.X*hw, base.Y + n.Y*hw}, {base.X - n.X*hw, base.Y - n.Y*hw}}, Width: 0.6, Stroke: arrowInk, Fill: arrowInk}
}
