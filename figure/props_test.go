package figure

import (
	"math"
	"testing"
)

// TestPillowFillsGap checks that a pillow reaches from the mat to the head
// of someone lying on their side, so the head rests in line with the spine
// instead of hanging below it.
func TestPillowFillsGap(t *testing.T) {
	for _, view := range []string{Side, Raised} {
		s := Spec{View: view, Props: []string{"mat", "pillow"}, Start: Pose{Base: "lie-left", Joints: map[string]float64{"hip_l": 40, "hip_r": 40, "knee_l": 60, "knee_r": 60}}}
		b := s.stage().bodies[0]
		head := b.sk.pt["head"]
		if head[1]-headR < matThick+3 {
			t.Fatalf("%s: head bottom %.1f cm is on the mat; want a gap for the pillow to fill", view, head[1]-headR)
		}
		p := pillow(b)
		var ys []float64
		for _, pt := range p.Points {
			ys = append(ys, pt.Y)
		}
		// In the side view the picture's y is the world's height.
		if view == Side {
			lo, hi := slicesMin(ys), slicesMax(ys)
			if math.Abs(lo-matThick) > 0.01 {
				t.Errorf("side: pillow starts %.2f cm up, want on the mat at %g", lo, matThick)
			}
			if top := head[1] - headR; hi < top || hi > top+3 {
				t.Errorf("side: pillow top %.2f, want just above the head's lowest point %.2f", hi, top)
			}
		}
		if len(p.Points) < 4 || p.Fill == NoFill {
			t.Errorf("%s: pillow is %+v, want a filled outline", view, p)
		}
	}
}

func slicesMin(v []float64) float64 {
	m := math.Inf(1)
	for _, x := range v {
		m = math.Min(m, x)
	}
	return m
}

func slicesMax(v []float64) float64 {
	m := math.Inf(-1)
	for _, x := range v {
		m = math.Max(m, x)
	}
	return m
}

// TestChairUnderFreeHand checks where a chair stands for someone standing:
// under the hand that holds nothing, on its seat when the hand is low and
// under it on the chair's back when it is at hip height.
func TestChairUnderFreeHand(t *testing.T) {
	bent := map[string]float64{"trunk": 65, "hip_l": 25, "knee_l": 25, "shoulder_l": 80, "shoulder_r": 65}
	tests := []struct {
		name, hand, free, view string
		joints                 map[string]float64
		onBack                 bool
	}{
		{"row, dumbbell in the right hand", "right", "hand_l", Side, bent, false},
		{"row, dumbbell in the left hand", "left", "hand_r", Side, bent, false},
		{"standing beside a chair, side view", "", "hand_l", Side, map[string]float64{"elbow_l": 20}, true},
		{"standing beside a chair, front view", "", "hand_l", Front, map[string]float64{"shoulder_abd_l": 20, "elbow_l": 30}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := Spec{View: tt.view, Props: []string{"chair"}, Hand: tt.hand, Start: Pose{Joints: tt.joints}}
			b := s.stage().bodies[0]
			h := b.at(tt.free)
			shapes := s.seat(b, true)
			// The hand's lowest edge must rest on the chair: on a bar that
			// runs under it, or on the top end of its back.
			rest := h.Y - armW/2
			touches, seat := false, math.Inf(1)
			for _, sh := range shapes {
				if len(sh.Points) != 2 {
					continue
				}
				a, c := sh.Points[0], sh.Points[1]
				if a.Y == c.Y {
					seat = math.Min(seat, a.Y)
					if math.Abs(a.Y-rest) < 2.5 && h.X >= math.Min(a.X, c.X)-3 && h.X <= math.Max(a.X, c.X)+3 {
						touches = true
					}
				}
				for _, p := range []Point{a, c} {
					if math.Abs(p.X-h.X) < 5 && math.Abs(p.Y-rest) < 2.5 {
						touches = true
					}
				}
			}
			if !touches {
				t.Fatalf("no part of the chair is under %s at %+v: %+v", tt.free, h, shapes)
			}
			// On the back, the seat is a chair's height below the hand; on
			// the seat, the seat is at the hand.
			if onBack := seat < rest-10; onBack != tt.onBack {
				t.Errorf("hand %.0f cm up, seat at %.0f cm: on the back %v, want %v", h.Y, seat, onBack, tt.onBack)
			}
		})
	}
}

// TestRaisedViewGreysFarLimbs checks that the raised view greys the limbs
// on the far side only, as the side view does: looking down must not make
// the legs, which lie below the trunk, count as far.
func TestRaisedViewGreysFarLimbs(t *testing.T) {
	far := func(view string) int {
		s := Spec{View: view, Start: Pose{Joints: map[string]float64{"hip_r": 20, "knee_r": 30}}}
		n := 0
		for _, sh := range s.figure(s.stage().bodies[0], outline) {
			if sh.Stroke == inkFar || sh.Fill == fillFar {
				n++
			}
		}
		return n
	}
	side, raised := far(Side), far(Raised)
	if side == 0 {
		t.Fatal("side view greys nothing; want the far arm and leg")
	}
	if raised != side {
		t.Errorf("raised view greys %d shapes, side view %d; want the same far limbs", raised, side)
	}
}

func TestHull(t *testing.T) {
	pts := []Point{{0, 0}, {4, 0}, {4, 4}, {0, 4}, {2, 2}, {1, 3}, {4, 2}}
	h := hull(pts)
	if len(h) != 4 {
		t.Fatalf("hull of a square with inner and edge points: got %v, want its 4 corners", h)
	}
	area := 0.0
	for i, p := range h {
		q := h[(i+1)%len(h)]
		area += p.X*q.Y - q.X*p.Y
	}
	if area/2 != 16 {
		t.Errorf("hull %v has signed area %g, want 16 (anticlockwise)", h, area/2)
	}
}
