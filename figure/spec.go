// Package figure draws the exercise pictures of a workbook: a calm line-art
// person posed by joint angles, with the props an exercise needs (a floor or
// mat, a wall, a chair, a band in a door, a dumbbell, a cable machine, a
// rolled towel) and arrows that show the movement.
//
// A Spec describes one exercise's picture in words a clinic can write by
// hand in YAML: a view, a start pose, an optional end pose, props and
// arrows. Draw turns it into Pictures: lists of plain shapes (round-capped
// strokes, circles, polygons in shades of grey) fitted into a box, which
// a renderer paints with any vector library. The package knows nothing of
// plans or PDF, and the same Spec always gives the same shapes.
//
// The body is a 3-D skeleton seen from the side (the person faces right and
// their right side is nearest), the front (the person faces the reader),
// from above, or raised: from the side and a little above, for lying on
// the floor, or from the front and a little above, for a turn of the upper
// body. Joint angles are in degrees; a pose lists only the joints that
// differ from its base (stand, sit, sit-floor, all-fours, lie-back,
// lie-front, lie-left, lie-right).
package figure

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
)

// Spec is the picture of one exercise.
type Spec struct {
	View   string   `yaml:"view,omitempty"`        // side (the default), front, top, raised or raised-front
	Start  Pose     `yaml:"start"`                 // the starting position, or the position held
	End    *Pose    `yaml:"end,omitempty"`         // the end of the movement: only what changes from Start; nil for a hold
	Props  []string `yaml:"props,omitempty,flow"`  // things drawn around the body; see Props
	Hand   string   `yaml:"hand,omitempty"`        // the hand that holds the band, dumbbell or handle: both (the default), left or right
	Arrows []Arrow  `yaml:"arrows,omitempty,flow"` // arrows showing the movement, drawn on the first picture
}

// Pose places the body. Base names a whole-body position; Joints holds
// angles in degrees by joint name (see Joints) that override the base's.
// In YAML the joints sit beside base:
//
//	start: {base: all-fours, spine: 30, neck: 40}
//
// In an end pose, base, ground and every joint default to the start pose's,
// so an end pose lists only what moves.
type Pose struct {
	Base   string             `yaml:"base,omitempty"`        // stand (the default), sit, sit-floor, all-fours, lie-back, lie-front, lie-left or lie-right
	Ground []string           `yaml:"ground,omitempty,flow"` // two body points that both rest on the floor; the body tips until they do
	Joints map[string]float64 `yaml:",inline"`
}

// Arrow shows how a body point moves. Without Circle it follows the point
// from the start pose to the end pose; with Circle it circles the point.
type Arrow struct {
	Point  string  `yaml:"point"`            // a body point, e.g. hand_r; see Points
	Circle float64 `yaml:"circle,omitempty"` // radius in cm of a circling arrow
	From   float64 `yaml:"from,omitempty"`   // a circling arrow's start, degrees anticlockwise from 3 o'clock; default 60
	To     float64 `yaml:"to,omitempty"`     // its end; default From+300
	Flat   bool    `yaml:"flat,omitempty"`   // squash the circle, as a ring round the body seen from the side
	Both   bool    `yaml:"both,omitempty"`   // a head at each end: back and forth
	Line   bool    `yaml:"line,omitempty"`   // straight from start to end, as for a pull, rather than along the joints' arc
}

// The views. Raised is the side view seen from a little above, as a
// helper standing beside someone lying on a mat sees them: it shows bent
// knees and arms spread on the floor that a side or top view hides.
// RaisedFront is the front view seen from a little above, as a clinician
// standing in front sees someone seated: it shows a turn of the upper
// body, and a circle round the waist, that a front view flattens.
const (
	Side        = "side"
	Front       = "front"
	Top         = "top"
	Raised      = "raised"
	RaisedFront = "raised-front"
)

// Views lists the views.
var Views = []string{Side, Front, Top, Raised, RaisedFront}

// Props lists the props a Spec may name. A chair or bench stands under the
// hips when seated. Standing, the free hand (the left, or the right when
// Hand is left) leans on it: on a bench or chair seat when the hand is
// low, as for a bent-over row, or on top of a chair's back when the hand
// is at hip height, as when holding a chair for balance. A band runs from
// a door anchor to the hand; the anchor and the cable machine stand on the
// side the hand is pulled from, the cable at the hand's height, or, for a
// seated row seen from the side, from a low pulley beyond the feet. A pillow lies under the head, filling the
// gap to the floor, for lying on the side. A wall stands behind the body;
// a wall-ahead stands in front of it, where the forearms or hands lean on
// it. A worktop stands under the hands, in front of the body. A doorway is
// the frame the forearms rest on (seen from above, the frame and the wall
// either side of it). A band-held is a band stretched between the hands.
var Props = []string{"mat", "wall", "chair", "bench", "band", "dumbbell", "cable", "towel", "pillow", "wall-ahead", "worktop", "doorway", "band-held"}

// Bases lists the whole-body positions a pose may start from.
var Bases = []string{"stand", "sit", "sit-floor", "all-fours", "lie-back", "lie-front", "lie-left", "lie-right"}

// JointRange is a joint's name and its allowed angles in degrees.
type JointRange struct {
	Name     string
	Min, Max float64
	Means    string // what a positive angle does
}

// Joints lists every joint a pose may set, with its range. Names ending in
// _l and _r come in pairs, one per side.
var Joints = []JointRange{
	{"tilt", -180, 180, "tips the whole body forward (lying bases are tilted already)"},
	{"roll", -180, 180, "rolls the whole body about its length, to the left"},
	{"turn", -180, 180, "turns the whole body to its left, seen from above"},
	{"trunk", -60, 120, "bends the trunk forward from the hips; negative leans back"},
	{"side_bend", -50, 50, "bends the trunk to the right"},
	{"twist", -90, 90, "turns the trunk and head to the right"},
	{"spine", -45, 60, "rounds the back (cat); negative arches it (cow)"},
	{"upper_back", -40, 40, "rounds the upper back alone; negative straightens it back, as over a chair back"},
	{"neck", -60, 70, "bends the head forward, chin to chest; negative looks up"},
	{"neck_side", -50, 50, "tilts the head, right ear to right shoulder"},
	{"neck_turn", -80, 80, "turns the head to look right"},
	{"nod", -40, 40, "tips the head forward at the top of the neck, chin down; with neck negative it draws the chin straight back (a chin tuck)"},
	{"shrug_l", -10, 30, "lifts the shoulder toward the ear"},
	{"shrug_r", -10, 30, "lifts the shoulder toward the ear"},
	{"retract_l", -20, 30, "draws the shoulder back, the shoulder blade toward the spine"},
	{"retract_r", -20, 30, "draws the shoulder back, the shoulder blade toward the spine"},
	{"shoulder_l", -60, 180, "raises the arm forward; 180 is overhead"},
	{"shoulder_r", -60, 180, "raises the arm forward; 180 is overhead"},
	{"shoulder_abd_l", -40, 180, "raises the arm out to the side; negative crosses the body"},
	{"shoulder_abd_r", -40, 180, "raises the arm out to the side; negative crosses the body"},
	{"shoulder_open_l", -60, 100, "swings the arm back about the upright trunk, opening the chest (an arm held out to the side goes back); negative swings it across the front"},
	{"shoulder_open_r", -60, 100, "swings the arm back about the upright trunk, opening the chest (an arm held out to the side goes back); negative swings it across the front"},
	{"shoulder_rot_l", -90, 90, "turns the arm outward (external rotation); negative turns it in"},
	{"shoulder_rot_r", -90, 90, "turns the arm outward (external rotation); negative turns it in"},
	{"elbow_l", 0, 150, "bends the elbow"},
	{"elbow_r", 0, 150, "bends the elbow"},
	{"wrist_l", -90, 90, "tips the hand forward; 90 lays it flat on all fours"},
	{"wrist_r", -90, 90, "tips the hand forward; 90 lays it flat on all fours"},
	{"hip_l", -30, 140, "raises the thigh forward"},
	{"hip_r", -30, 140, "raises the thigh forward"},
	{"hip_abd_l", -30, 60, "moves the leg out to the side"},
	{"hip_abd_r", -30, 60, "moves the leg out to the side"},
	{"hip_rot_l", -60, 60, "turns the leg outward"},
	{"hip_rot_r", -60, 60, "turns the leg outward"},
	{"knee_l", 0, 160, "bends the knee"},
	{"knee_r", 0, 160, "bends the knee"},
	{"ankle_l", -90, 40, "lifts the toes; negative points them"},
	{"ankle_r", -90, 40, "lifts the toes; negative points them"},
}

// Points lists the body points that arrows and ground may name.
var Points = []string{
	"pelvis", "back", "neck", "head",
	"shoulder_l", "shoulder_r", "elbow_l", "elbow_r", "wrist_l", "wrist_r", "hand_l", "hand_r",
	"hip_l", "hip_r", "knee_l", "knee_r", "ankle_l", "ankle_r", "heel_l", "heel_r", "toe_l", "toe_r",
}

// baseJoints holds each base's joint angles and its default ground points.
var baseJoints = map[string]struct {
	joints map[string]float64
	ground []string
}{
	"stand":     {joints: map[string]float64{"shoulder_abd_l": 6, "shoulder_abd_r": 6}},
	"sit":       {joints: map[string]float64{"hip_l": 90, "hip_r": 90, "knee_l": 90, "knee_r": 90}},
	"sit-floor": {joints: map[string]float64{"hip_l": 90, "hip_r": 90}},
	"all-fours": {
		joints: map[string]float64{
			"tilt": 90, "hip_l": 90, "hip_r": 90, "knee_l": 90, "knee_r": 90,
			"shoulder_l": 90, "shoulder_r": 90, "wrist_l": 90, "wrist_r": 90,
			"ankle_l": -80, "ankle_r": -80,
		},
		ground: []string{"wrist_r", "knee_r"},
	},
	"lie-back":  {joints: map[string]float64{"tilt": -90}},
	"lie-front": {joints: map[string]float64{"tilt": 90, "ankle_l": -80, "ankle_r": -80}},
	"lie-left":  {joints: map[string]float64{"tilt": 90, "roll": -90}},
	"lie-right": {joints: map[string]float64{"tilt": -90, "roll": -90}},
}

// resolved is a pose with its base folded in: every joint set.
type resolved struct {
	joints map[string]float64
	ground []string
}

// resolve folds the base into p; prev, if not nil, is the start pose an end
// pose inherits from.
func (p Pose) resolve(prev *Pose) resolved {
	base, ground := p.Base, p.Ground
	joints := map[string]float64{}
	if prev != nil {
		if base == "" {
			base = prev.Base
		}
		if len(ground) == 0 {
			ground = prev.Ground
		}
	}
	if base == "" {
		base = "stand"
	}
	b := baseJoints[base]
	for k, v := range b.joints {
		joints[k] = v
	}
	if prev != nil {
		for k, v := range prev.Joints {
			joints[k] = v
		}
	}
	for k, v := range p.Joints {
		joints[k] = v
	}
	if len(ground) == 0 {
		ground = b.ground
	}
	return resolved{joints: joints, ground: ground}
}

// Validate reports the first thing wrong with s, in words such as
// `start pose: joint "knee_l": angle 200 is outside 0–160`.
func (s Spec) Validate() error {
	if s.View != "" && !slices.Contains(Views, s.View) {
		return fmt.Errorf("unknown view %q (choose %s)", s.View, orList(Views))
	}
	if err := s.Start.validate(); err != nil {
		return fmt.Errorf("start pose: %w", err)
	}
	if s.End != nil {
		if err := s.End.validate(); err != nil {
			return fmt.Errorf("end pose: %w", err)
		}
	}
	for _, p := range s.Props {
		if !slices.Contains(Props, p) {
			return fmt.Errorf("unknown prop %q (choose %s)", p, orList(Props))
		}
	}
	switch s.Hand {
	case "", "both", "left", "right":
	default:
		return fmt.Errorf("hand must be both, left or right, got %q", s.Hand)
	}
	for i, a := range s.Arrows {
		if err := a.validate(s.End != nil); err != nil {
			return fmt.Errorf("arrow %d: %w", i+1, err)
		}
	}
	return nil
}

func (p Pose) validate() error {
	if p.Base != "" && !slices.Contains(Bases, p.Base) {
		return fmt.Errorf("unknown base %q (choose %s)", p.Base, orList(Bases))
	}
	names := make([]string, 0, len(p.Joints))
	for k := range p.Joints {
		names = append(names, k)
	}
	slices.Sort(names) // report the same joint first every time
	for _, name := range names {
		v := p.Joints[name]
		j, ok := jointRange(name)
		if !ok {
			return unknownJoint(name)
		}
		if v != v || v < j.Min || v > j.Max { // v != v catches NaN
			return fmt.Errorf("joint %q: angle %s is outside %s–%s", name, num(v), num(j.Min), num(j.Max))
		}
	}
	if len(p.Ground) > 2 {
		return fmt.Errorf("ground lists %d points; give two (or one)", len(p.Ground))
	}
	for _, g := range p.Ground {
		if !slices.Contains(Points, g) {
			return fmt.Errorf("ground: unknown point %q (choose %s)", g, orList(Points))
		}
	}
	return nil
}

func (a Arrow) validate(moves bool) error {
	if a.Point == "" {
		return errors.New("missing point (the body point that moves, e.g. hand_r)")
	}
	if !slices.Contains(Points, a.Point) {
		return fmt.Errorf("unknown point %q (choose %s)", a.Point, orList(Points))
	}
	if a.Circle < 0 || a.Circle > 60 || a.Circle != a.Circle {
		return fmt.Errorf("circle radius %s is outside 0–60", num(a.Circle))
	}
	for _, v := range []float64{a.From, a.To} {
		if v < -720 || v > 720 || v != v {
			return fmt.Errorf("angle %s is outside -720–720", num(v))
		}
	}
	if a.Line && a.Circle > 0 {
		return errors.New("an arrow is a line or a circle, not both")
	}
	if a.Circle == 0 && !moves {
		return fmt.Errorf("point %q does not move: add an end pose or a circle radius", a.Point)
	}
	return nil
}

func jointRange(name string) (JointRange, bool) {
	for _, j := range Joints {
		if j.Name == name {
			return j, true
		}
	}
	return JointRange{}, false
}

func unknownJoint(name string) error {
	if _, ok := jointRange(name + "_l"); ok {
		return fmt.Errorf("unknown joint %q (say %s_l or %s_r)", name, name, name)
	}
	names := make([]string, 0, len(Joints)+1)
	for _, j := range Joints {
		names = append(names, j.Name)
	}
	return fmt.Errorf("unknown joint %q (joints are base, ground, %s)", name, strings.Join(names, ", "))
}

// num formats an angle without a needless fraction.
func num(v float64) string {
	return strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("%.2f", v), "0"), ".")
}

// orList renders "a, b or c".
func orList(items []string) string {
	if len(items) <= 1 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " or " + items[len(items)-1]
}

// Key is a canonical text of s: two Specs with the same Key draw the same
// pictures, so a caller may keep drawings by it.
func (s Spec) Key() string {
	b, _ := json.Marshal(s) // map keys come out sorted
	return string(b)
}

// LiftsAFoot reports whether the picture has a standing person lift a foot
// off the floor, in the start or the end pose: an exercise that asks for
// balance.
func (s Spec) LiftsAFoot() bool {
	for _, b := range s.stage().bodies {
		if base := s.Start.Base; base != "" && base != "stand" {
			return false
		}
		for _, side := range []string{"_l", "_r"} {
			low := math.Inf(1)
			for _, pt := range []string{"heel", "toe", "ankle"} {
				low = math.Min(low, b.sk.pt[pt+side][1]-b.sk.radius[pt+side])
			}
			if low > liftedFoot {
				return true
			}
		}
	}
	return false
}

// liftedFoot is how far above the floor, in cm, a foot counts as lifted.
const liftedFoot = 5.0
