package figure

import "math"

// The body's measurements in centimetres, for an adult of about 175 cm.
const (
	trunkLen    = 50.0 // hip centre to the base of the neck
	neckLen     = 19.0 // base of the neck to the centre of the head
	headR       = 10.5
	shoulderW   = 17.0 // half the distance between the shoulders
	hipW        = 9.0  // half the distance between the hips
	upperArmLen = 29.0
	forearmLen  = 25.0
	handLen     = 8.0
	thighLen    = 44.0
	shinLen     = 43.0
	armW        = 9.0
	legW        = 13.0
	footW       = 7.0
	neckW       = 10.0
	chestHalfW  = 15.5 // half the chest's width, side to side
	chestHalfD  = 11.0 // half its depth, front to back
	outline     = 1.4  // outline stroke beyond a limb's edge
)

type vec [3]float64

func (a vec) add(b vec) vec       { return vec{a[0] + b[0], a[1] + b[1], a[2] + b[2]} }
func (a vec) sub(b vec) vec       { return vec{a[0] - b[0], a[1] - b[1], a[2] - b[2]} }
func (a vec) scale(k float64) vec { return vec{a[0] * k, a[1] * k, a[2] * k} }
func (a vec) dot(b vec) float64   { return a[0]*b[0] + a[1]*b[1] + a[2]*b[2] }

// mat is a rotation; its columns are the local x, y and z axes.
type mat [3][3]float64

func (m mat) mul(n mat) mat {
	var r mat
	for i := range 3 {
		for j := range 3 {
			r[i][j] = m[i][0]*n[0][j] + m[i][1]*n[1][j] + m[i][2]*n[2][j]
		}
	}
	return r
}

func (m mat) apply(v vec) vec {
	return vec{
		m[0][0]*v[0] + m[0][1]*v[1] + m[0][2]*v[2],
		m[1][0]*v[0] + m[1][1]*v[1] + m[1][2]*v[2],
		m[2][0]*v[0] + m[2][1]*v[1] + m[2][2]*v[2],
	}
}

func sincos(deg float64) (float64, float64) { return math.Sincos(deg * math.Pi / 180) }

// rotX, rotY and rotZ turn anticlockwise about an axis by deg degrees. In
// the body's own frame x points forward, y up and z to its right.
func rotX(deg float64) mat {
	s, c := sincos(deg)
	return mat{{1, 0, 0}, {0, c, -s}, {0, s, c}}
}

func rotY(deg float64) mat {
	s, c := sincos(deg)
	return mat{{c, 0, s}, {0, 1, 0}, {-s, 0, c}}
}

func rotZ(deg float64) mat {
	s, c := sincos(deg)
	return mat{{c, -s, 0}, {s, c, 0}, {0, 0, 1}}
}

// skeleton is a posed body in world space: y up, x where a standing person
// faces, z to their right. The hip centre is at the origin until placed.
type skeleton struct {
	pt     map[string]vec
	spine  []vec // hip centre up to the base of the neck
	head   mat   // the head's frame, for the face
	chest  mat   // the chest's frame, for its width
	hand   [2]mat
	radius map[string]float64
	joints map[string]float64 // the angles posed, with the tilt that grounds it
	lift   float64            // how far it was raised to rest on the floor
}

var sides = [2]struct {
	suffix string
	sign   float64
}{{"_l", -1}, {"_r", 1}}

// The joint and point names of each side, made once: posing is the inner
// loop of drawing.
var sideNames = func() (n [2]struct{ shrug, retract, open, shoulder, abd, rot, elbow, wrist, hip, hipAbd, hipRot, knee, ankle, pShoulder, pElbow, pWrist, pHand, pHip, pKnee, pAnkle, pHeel, pToe string }) {
	for i, sd := range sides {
		x := sd.suffix
		n[i].shrug, n[i].retract, n[i].open = "shrug"+x, "retract"+x, "shoulder_open"+x
		n[i].shoulder, n[i].abd, n[i].rot = "shoulder"+x, "shoulder_abd"+x, "shoulder_rot"+x
		n[i].elbow, n[i].wrist, n[i].hip, n[i].hipAbd = "elbow"+x, "wrist"+x, "hip"+x, "hip_abd"+x
		n[i].hipRot, n[i].knee, n[i].ankle = "hip_rot"+x, "knee"+x, "ankle"+x
		n[i].pShoulder, n[i].pElbow, n[i].pWrist, n[i].pHand = "shoulder"+x, "elbow"+x, "wrist"+x, "hand"+x
		n[i].pHip, n[i].pKnee, n[i].pAnkle, n[i].pHeel, n[i].pToe = "hip"+x, "knee"+x, "ankle"+x, "heel"+x, "toe"+x
	}
	return n
}()

// pose computes the skeleton for a set of joint angles.
func pose(j map[string]float64) *skeleton {
	sk := &skeleton{pt: make(map[string]vec, 24), radius: make(map[string]float64, 24)}
	root := rotY(j["turn"]).mul(rotZ(-j["tilt"])).mul(rotY(j["roll"]))
	sk.pt["pelvis"] = vec{}

	// The trunk bends as a whole from the hips, then curves along the spine.
	trunk := root.mul(rotZ(-j["trunk"])).mul(rotX(j["side_bend"]))
	p := vec{}
	sk.spine = make([]vec, 1, 4)
	var seg mat
	for i, k := range []float64{-0.5, 0, 0.5} {
		seg = trunk.mul(rotZ(-k * j["spine"]))
		if i == 1 {
			seg = seg.mul(rotZ(-j["upper_back"] / 2)).mul(rotY(-j["twist"] / 2))
		}
		if i == 2 {
			seg = seg.mul(rotZ(-j["upper_back"])).mul(rotY(-j["twist"]))
		}
		p = p.add(seg.apply(vec{0, trunkLen / 3, 0}))
		sk.spine = append(sk.spine, p)
		if i == 0 {
			sk.pt["back"] = p
		}
	}
	chest := seg
	sk.chest = chest
	neck := p
	sk.pt["neck"] = neck
	head := chest.mul(rotZ(-j["neck"])).mul(rotX(j["neck_side"])).mul(rotY(-j["neck_turn"]))
	sk.head = head.mul(rotZ(-j["nod"]))
	sk.pt["head"] = neck.add(head.apply(vec{1.5, neckLen, 0}))

	for i, sd := range sides {
		s := sd.sign
		n := &sideNames[i]
		clav := chest.mul(rotX(-s * j[n.shrug])).mul(rotY(-s * j[n.retract]))
		sh := neck.add(clav.apply(vec{-3, -3, s * shoulderW}))
		arm := chest.mul(rotY(-s * j[n.open])).mul(rotZ(j[n.shoulder])).mul(rotX(-s * j[n.abd])).mul(rotY(-s * j[n.rot]))
		el := sh.add(arm.apply(vec{0, -upperArmLen, 0}))
		fore := arm.mul(rotZ(j[n.elbow]))
		wr := el.add(fore.apply(vec{0, -forearmLen, 0}))
		hand := fore.mul(rotZ(j[n.wrist]))
		sk.hand[i] = hand
		hd := wr.add(hand.apply(vec{0, -handLen, 0}))
		sk.pt[n.pShoulder] = sh
		sk.pt[n.pElbow] = el
		sk.pt[n.pWrist] = wr
		sk.pt[n.pHand] = hd

		hip := root.apply(vec{0, 0, s * hipW})
		thigh := root.mul(rotZ(j[n.hip])).mul(rotX(-s * j[n.hipAbd])).mul(rotY(-s * j[n.hipRot]))
		kn := hip.add(thigh.apply(vec{0, -thighLen, 0}))
		shin := thigh.mul(rotZ(-j[n.knee]))
		an := kn.add(shin.apply(vec{0, -shinLen, 0}))
		foot := shin.mul(rotZ(j[n.ankle]))
		sk.pt[n.pHip] = hip
		sk.pt[n.pKnee] = kn
		sk.pt[n.pAnkle] = an
		sk.pt[n.pHeel] = an.add(foot.apply(vec{-3, -4, 0}))
		sk.pt[n.pToe] = an.add(foot.apply(vec{16, -4.5, 0}))
	}
	for name := range sk.pt {
		sk.radius[name] = pointRadius(name)
	}
	return sk
}

func pointRadius(name string) float64 {
	switch name {
	case "pelvis":
		return chestHalfD - 3
	case "back", "neck":
		return chestHalfD
	case "head":
		return headR
	case "heel_l", "heel_r", "toe_l", "toe_r":
		return footW / 2
	case "hip_l", "hip_r", "knee_l", "knee_r", "ankle_l", "ankle_r":
		return legW / 2
	}
	return armW / 2
}

// lowest returns the height of the lowest edge of the body.
func (sk *skeleton) lowest() float64 {
	low := math.Inf(1)
	for name, p := range sk.pt {
		low = math.Min(low, p[1]-sk.radius[name])
	}
	for _, p := range sk.spine[1:] {
		low = math.Min(low, p[1]-chestHalfD)
	}
	return low
}

func (sk *skeleton) shift(d vec) {
	for name, p := range sk.pt {
		sk.pt[name] = p.add(d)
	}
	for i := range sk.spine {
		sk.spine[i] = sk.spine[i].add(d)
	}
}

// place poses the body and sets it on the floor (y = 0). With two ground
// points the body first tips until both rest on the floor.
func place(r resolved) *skeleton {
	j := r.joints
	contact := func(sk *skeleton, name string) float64 { return sk.pt[name][1] - sk.radius[name] }
	if len(r.ground) == 2 {
		a, b := r.ground[0], r.ground[1]
		f := func(d float64) float64 {
			jj := make(map[string]float64, len(j))
			for k, v := range j {
				jj[k] = v
			}
			jj["tilt"] += d
			sk := pose(jj)
			return contact(sk, a) - contact(sk, b)
		}
		lo, hi := -45.0, 45.0
		flo, fhi := f(lo), f(hi)
		if (flo < 0) != (fhi < 0) {
			for range 24 { // to a few millionths of a degree
				mid := (lo + hi) / 2
				fm := f(mid)
				if (fm < 0) == (flo < 0) {
					lo, flo = mid, fm
				} else {
					hi = mid
				}
			}
			jj := make(map[string]float64, len(j))
			for k, v := range j {
				jj[k] = v
			}
			jj["tilt"] += (lo + hi) / 2
			j = jj
		}
	}
	sk := pose(j)
	sk.joints = j
	if len(r.ground) > 0 {
		sk.lift = -contact(sk, r.ground[0])
	} else {
		sk.lift = -sk.lowest()
	}
	sk.shift(vec{0, sk.lift, 0})
	return sk
}

// raisedAngle is how far the raised view looks down, in degrees.
const raisedAngle = 35.0

// camera projects world points onto a picture: x right, y up. toward
// points at the viewer; level is toward made horizontal.
type camera struct{ right, up, toward, level vec }

func cameraFor(view string) camera {
	switch view {
	case Front:
		return camera{right: vec{0, 0, -1}, up: vec{0, 1, 0}, toward: vec{1, 0, 0}, level: vec{1, 0, 0}}
	case Top:
		return camera{right: vec{1, 0, 0}, up: vec{0, 0, -1}, toward: vec{0, 1, 0}, level: vec{0, 1, 0}}
	case Raised:
		s, c := sincos(raisedAngle)
		return camera{right: vec{1, 0, 0}, up: vec{0, c, -s}, toward: vec{0, s, c}, level: vec{0, 0, 1}}
	case RaisedFront:
		s, c := sincos(raisedAngle)
		return camera{right: vec{0, 0, -1}, up: vec{-s, c, 0}, toward: vec{c, s, 0}, level: vec{1, 0, 0}}
	}
	return camera{right: vec{1, 0, 0}, up: vec{0, 1, 0}, toward: vec{0, 0, 1}, level: vec{0, 0, 1}}
}

func (c camera) project(p vec) Point { return Point{p.dot(c.right), p.dot(c.up)} }
func (c camera) depth(p vec) float64 { return p.dot(c.toward) }
