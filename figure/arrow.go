package figure

import "math"

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
