package figure

import (
	"math"
	"testing"
)

// TestNewJointsMoveWhatTheySay checks each joint added for the upper-back
// exercises against what its entry in Joints says it does, on a standing
// body facing +x with its right side toward +z.
func TestNewJointsMoveWhatTheySay(t *testing.T) {
	at := func(j map[string]float64, pt string) vec { return pose(j).pt[pt] }
	base := map[string]float64{}
	with := func(k string, v float64, more ...any) map[string]float64 {
		j := map[string]float64{k: v}
		for i := 0; i+1 < len(more); i += 2 {
			j[more[i].(string)] = more[i+1].(float64)
		}
		return j
	}
	tests := []struct {
		name string
		ok   func() bool
	}{
		{"retract draws the shoulder back", func() bool {
			return at(with("retract_r", 25), "shoulder_r")[0] < at(base, "shoulder_r")[0]-3 &&
				at(with("retract_l", 25), "shoulder_l")[0] < at(base, "shoulder_l")[0]-3
		}},
		{"shoulder_open swings an arm held out to the side back", func() bool {
			out := with("shoulder_abd_r", 90, "shoulder_abd_l", 90.0)
			open := with("shoulder_abd_r", 90, "shoulder_abd_l", 90.0, "shoulder_open_r", 30.0, "shoulder_open_l", 30.0)
			return at(open, "hand_r")[0] < at(out, "hand_r")[0]-10 && at(open, "hand_l")[0] < at(out, "hand_l")[0]-10
		}},
		{"upper_back straightens the upper back alone", func() bool {
			b, e := pose(base), pose(with("upper_back", -35))
			return math.Abs(e.spine[1][0]-b.spine[1][0]) < 0.01 && e.pt["neck"][0] < b.pt["neck"][0]-5
		}},
		{"neck negative with nod draws the head back, face still level", func() bool {
			b, e := pose(base), pose(with("neck", -16, "nod", 16.0))
			face := func(sk *skeleton) vec { return sk.head.apply(vec{1, 0, 0}) }
			return e.pt["head"][0] < b.pt["head"][0]-3 && math.Abs(face(e)[1]-face(b)[1]) < 0.05
		}},
	}
	for _, tt := range tests {
		if !tt.ok() {
			t.Errorf("%s: it does not", tt.name)
		}
	}
}

// TestRaisedFrontLooksFromAbove checks the raised-front camera: the
// person faces the reader, their right on the reader's left, and a point
// in front of them at the same height shows lower than one above it.
func TestRaisedFrontLooksFromAbove(t *testing.T) {
	c := cameraFor(RaisedFront)
	if r, l := c.project(vec{0, 100, 10}), c.project(vec{0, 100, -10}); r.X >= l.X {
		t.Errorf("the right side at x %.1f is not left of the left side at %.1f", r.X, l.X)
	}
	if near, far := c.project(vec{30, 0, 0}), c.project(vec{-30, 0, 0}); near.Y >= far.Y {
		t.Errorf("the floor in front (y %.1f) is not lower than behind (%.1f)", near.Y, far.Y)
	}
	if c.toward.dot(c.up) > 1e-9 || c.toward.dot(c.right) > 1e-9 {
		t.Error("the camera's axes are not square")
	}
}

// TestLiftsAFoot checks which standing pictures count as asking for
// balance.
func TestLiftsAFoot(t *testing.T) {
	tests := []struct {
		name string
		s    Spec
		want bool
	}{
		{"standing", Spec{Start: Pose{}}, false},
		{"marching", Spec{Start: Pose{}, End: &Pose{Joints: map[string]float64{"hip_r": 80, "knee_r": 90}}}, true},
		{"a walking stride, both feet down", Spec{Start: Pose{Joints: map[string]float64{"hip_r": 25, "knee_r": 5, "ankle_r": 15, "hip_l": -15, "knee_l": 36, "ankle_l": -25}}}, false},
		{"seated, a knee lifted", Spec{Start: Pose{Base: "sit"}, End: &Pose{Joints: map[string]float64{"hip_r": 110}}}, false},
	}
	for _, tt := range tests {
		if got := tt.s.LiftsAFoot(); got != tt.want {
			t.Errorf("%s: LiftsAFoot %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestPropsStandWhereTheyBelong checks the props added for the upper-back
// exercises: a wall ahead of the forearms, a worktop under the hands, door
// posts behind the forearms, and a band between the hands.
func TestPropsStandWhereTheyBelong(t *testing.T) {
	lean := map[string]float64{"tilt": 25, "shoulder_l": 80, "shoulder_r": 80, "elbow_l": 95, "elbow_r": 95}
	s := Spec{Props: []string{"wall-ahead"}, Start: Pose{Joints: lean}}
	b := s.stage().bodies[0]
	wall := s.background(b, b, Point{})
	if len(wall) == 0 || wall[0].Points[0].X < b.at("elbow_r").X {
		t.Errorf("wall-ahead %+v is not ahead of the forearms at x %.1f", wall, b.at("elbow_r").X)
	}

	s = Spec{Props: []string{"worktop"}, Start: Pose{Joints: map[string]float64{"shoulder_l": 60, "shoulder_r": 60}}}
	b = s.stage().bodies[0]
	top := math.Inf(-1)
	for _, sh := range s.background(b, b, Point{}) {
		for _, p := range sh.Points {
			top = math.Max(top, p.Y)
		}
	}
	if hand := b.at("hand_r").Y - armW/2; math.Abs(top-hand) > 2 {
		t.Errorf("the worktop's top at %.1f cm is not under the hand at %.1f", top, hand)
	}

	goal := map[string]float64{"shoulder_abd_l": 85, "shoulder_abd_r": 85, "shoulder_rot_l": 80, "shoulder_rot_r": 80, "elbow_l": 90, "elbow_r": 90}
	s = Spec{View: Front, Props: []string{"doorway"}, Start: Pose{Joints: goal}}
	b = s.stage().bodies[0]
	posts := s.doorway(b)
	if len(posts) != 2 {
		t.Fatalf("%d door posts, want 2", len(posts))
	}
	for i, side := range []string{"_l", "_r"} {
		e := b.at("elbow" + side)
		lo, hi := math.Inf(1), math.Inf(-1)
		for _, p := range posts[i].Points {
			lo, hi = math.Min(lo, p.X), math.Max(hi, p.X)
		}
		if e.X < lo-armW || e.X > hi+armW {
			t.Errorf("the post %v at x %.1f–%.1f is not at the elbow at %.1f", side, lo, hi, e.X)
		}
	}

	s = Spec{View: Front, Props: []string{"band-held"}, Start: Pose{Joints: map[string]float64{"shoulder_l": 90, "shoulder_r": 90}}}
	b = s.stage().bodies[0]
	if band := s.foreground(b, Point{}); len(band) == 0 || len(band[0].Points) != 2 {
		t.Errorf("band-held draws %+v, want one line between the hands", band)
	}
}
