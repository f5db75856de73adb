package figure

import (
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
	st := s.staged()
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
	if s.has("cable") && s.sitting() && s.view() == Side {
		// A seated row's cable runs from the machine's low pulley, just
		// beyond the foot rest, up to the handle.
		toe := bodies[0].at("toe_r")
		anchor = Point{toe.X + dir*14, toe.Y + 16}
	}

	return stage{names: names, bodies: bodies, anchor: anchor}
}

// scene draws the staged bodies with outlines ol wide: every picture, or
// only the last and without arrows if last is set.
func (s Spec) scene(st stage, ol float64, last bool) scene {
	bodies, anchor, names := st.bodies, st.anchor, st.names
	sc := scene{floor: s.view() == Side || s.view() == Front}
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

func unit(p Point) Point {
	l := math.Hypot(p.X, p.Y)
	if l == 0 {
		return Point{1, 0}
	}
	return Point{p.X / l, p.Y / l}
}
