package figure

import (
	"cmp"
	"math"
	"slices"
)

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
	behind    float64 // how far it lies behind the trunk where it joins it
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
	torso := b.torso()
	groups := append([]group{torso}, b.limbs()...)
	if s.has("towel") {
		groups = append(groups, s.towel(b, torso.depth))
	}
	// A limb is far, and greyed, when it lies well behind its root on the
	// trunk: the neck for arms, the pelvis for legs.
	for i := range groups[1:] {
		g := &groups[i+1]
		if g.fill == 0 {
			g.ink, g.fill = inkNear, fillNear
			if g.behind > 5 {
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

// pr is a point of the body as the picture shows it.
func (b posed) pr(v vec) Point { return b.cam.project(v) }

// torso is the trunk: a thick stroke along the spine, as wide as the
// chest looks from this side, with the shoulders, hips, neck and head.
func (b posed) torso() group {
	sk, cam, pr := b.sk, b.cam, b.pr
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
	return torso
}

// limbs are the arms and legs, left then right, each with its depth and
// how far it lies behind its root, but no greys yet.
func (b posed) limbs() []group {
	sk, cam, pr := b.sk, b.cam, b.pr
	depth := func(names ...string) float64 {
		d := 0.0
		for _, n := range names {
			d += cam.depth(sk.pt[n])
		}
		return d / float64(len(names))
	}
	// behind is how far the limb's points lie behind its root, seen level:
	// in the raised view a low leg is not a far one.
	behind := func(root string, names ...string) float64 {
		d := 0.0
		for _, n := range names {
			d += sk.pt[n].dot(cam.level)
		}
		return sk.pt[root].dot(cam.level) - d/float64(len(names))
	}
	var groups []group
	for _, sd := range sides {
		n := func(s string) string { return s + sd.suffix }
		arm := group{depth: depth(n("shoulder"), n("elbow"), n("wrist"), n("hand")), behind: behind("neck", n("shoulder"), n("elbow"), n("wrist"), n("hand")), parts: []part{
			{pts: []Point{pr(sk.pt[n("shoulder")]), pr(sk.pt[n("elbow")])}, w: armW},
			{pts: []Point{pr(sk.pt[n("elbow")]), pr(sk.pt[n("wrist")]), pr(sk.pt[n("hand")])}, w: armW - 1.5},
		}}
		leg := group{depth: depth(n("hip"), n("knee"), n("ankle"), n("toe")), behind: behind("pelvis", n("hip"), n("knee"), n("ankle"), n("toe")), parts: []part{
			{pts: []Point{pr(sk.pt[n("hip")]), pr(sk.pt[n("knee")])}, w: legW},
			{pts: []Point{pr(sk.pt[n("knee")]), pr(sk.pt[n("ankle")])}, w: legW - 2.5},
			{pts: []Point{pr(sk.pt[n("ankle")]), pr(sk.pt[n("heel")]), pr(sk.pt[n("toe")])}, w: footW},
		}}
		groups = append(groups, arm, leg)
	}
	return groups
}

// towel is a rolled towel held between the arm and the trunk: drawn over
// the trunk (just in front of torsoDepth) and under the arm.
func (s Spec) towel(b posed, torsoDepth float64) group {
	sk := b.sk
	sd := s.hands()[len(s.hands())-1]
	sign := 1.0
	if sd == "_l" {
		sign = -1
	}
	c := sk.pt["elbow"+sd].add(sk.chest.apply(vec{0, 4, -sign * 6}))
	ax := sk.chest.apply(vec{6, 0, 0})
	return group{depth: torsoDepth + 0.01, ink: inkNear, fill: 0.7,
		parts: []part{{pts: []Point{b.pr(c.sub(ax)), b.pr(c.add(ax))}, w: 8}}}
}
