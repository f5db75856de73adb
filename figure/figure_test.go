package figure_test

import (
	"bytes"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/backplan/backplan/figure"
	"github.com/backplan/backplan/internal/golden"
)

// The catalogue's exercises; every one needs a picture.
var catalogue = []string{
	"walking", "march-in-place", "torso-circles", "windmills", "torso-twists",
	"shoulder-rolls", "trunk-rolls", "shoulder-shrugs", "arm-circles", "neck-rolls",
	"spinal-twist-lying", "spinal-twist-seated", "pelvic-tilt", "cat-cow", "wall-angels",
	"row-cable", "row-dumbbell", "row-band", "superman", "cobra",
	"external-rotation-band", "external-rotation-dumbbell", "internal-rotation-band",
	"internal-rotation-dumbbell", "plank-forearm", "plank-full", "bridge",
	"seated-marching", "chair-extension", "worktop-stretch", "open-book", "seated-twist",
	"standing-twist", "doorway-stretch", "chest-stretch-seated", "band-pull-apart", "t-raise",
	"y-raise", "shoulder-blade-squeeze", "external-rotation-cable", "external-rotation-seated",
	"chin-tuck", "chin-tuck-wall", "wall-plank", "seated-knee-lift", "brisk-walk",
}

func TestPosesCoverCatalogue(t *testing.T) {
	specs := loadPoses(t)
	for _, id := range catalogue {
		if _, ok := specs[id]; !ok {
			t.Errorf("exercises.yaml: no picture for %q", id)
		}
	}
	for id := range specs {
		if !slices.Contains(catalogue, id) {
			t.Errorf("exercises.yaml: %q is not in the catalogue", id)
		}
	}
}

func TestPosesValidate(t *testing.T) {
	for id, s := range loadPoses(t) {
		t.Run(id, func(t *testing.T) {
			if err := s.Validate(); err != nil {
				t.Fatal(err)
			}
			pics := s.Draw(60, 40)
			want := 1
			if s.End != nil {
				want = 2
			}
			if len(pics) != want {
				t.Fatalf("got %d pictures, want %d", len(pics), want)
			}
			for _, p := range pics {
				if p.Box.X < -0.01 || p.Box.Y < -0.01 || p.Box.X+p.Box.W > 60.01 || p.Box.Y+p.Box.H > 40.01 {
					t.Errorf("%s picture: box %+v is outside 60 by 40", p.Name, p.Box)
				}
			}
		})
	}
}

func TestValidateRejects(t *testing.T) {
	tests := []struct {
		name, yaml, want string
	}{
		{"angle above range", `start: {knee_l: 200}`, `start pose: joint "knee_l": angle 200 is outside 0–160`},
		{"angle below range", `start: {elbow_r: -5}`, `start pose: joint "elbow_r": angle -5 is outside 0–150`},
		{"fraction", `start: {neck: 70.5}`, `start pose: joint "neck": angle 70.5 is outside -60–70`},
		{"end pose", `{start: {}, end: {hip_r: 150}}`, `end pose: joint "hip_r": angle 150 is outside -30–140`},
		{"joint without side", `start: {knee: 90}`, `start pose: unknown joint "knee" (say knee_l or knee_r)`},
		{"unknown joint", `start: {kneee_l: 90}`, `start pose: unknown joint "kneee_l" (joints are base, ground, tilt,`},
		{"unknown base", `start: {base: kneel}`, `start pose: unknown base "kneel" (choose stand, sit,`},
		{"unknown view", `{view: back, start: {}}`, `unknown view "back" (choose side, front, top, raised or raised-front)`},
		{"unknown prop", `{props: [ball], start: {}}`, `unknown prop "ball" (choose mat, wall,`},
		{"unknown hand", `{hand: both-hands, start: {}}`, `hand must be both, left or right, got "both-hands"`},
		{"unknown ground point", `start: {ground: [foot_r, hand_r]}`, `start pose: ground: unknown point "foot_r"`},
		{"three ground points", `start: {ground: [hand_r, knee_r, toe_r]}`, `start pose: ground lists 3 points; give two (or one)`},
		{"arrow point", `{start: {}, end: {}, arrows: [{point: finger}]}`, `arrow 1: unknown point "finger"`},
		{"arrow without point", `{start: {}, end: {}, arrows: [{circle: 5}]}`, `arrow 1: missing point`},
		{"arrow on a hold", `{start: {}, arrows: [{point: hand_r}]}`, `arrow 1: point "hand_r" does not move: add an end pose or a circle radius`},
		{"arrow circle", `{start: {}, arrows: [{point: hand_r, circle: 100}]}`, `arrow 1: circle radius 100 is outside 0–60`},
		{"arrow line and circle", `{start: {}, end: {}, arrows: [{point: hand_r, circle: 5, line: true}]}`, `arrow 1: an arrow is a line or a circle, not both`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var s figure.Spec
			if err := yaml.Unmarshal([]byte(tt.yaml), &s); err != nil {
				t.Fatal(err)
			}
			err := s.Validate()
			if err == nil {
				t.Fatalf("got no error, want %q", tt.want)
			}
			if got := err.Error(); !strings.HasPrefix(got, tt.want) {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestValidateAccepts(t *testing.T) {
	for _, src := range []string{
		`start: {}`,
		`{view: front, start: {knee_l: 0, knee_r: 160, shoulder_abd_l: 180}}`,
		`{start: {base: lie-back}, end: {ground: [shoulder_r, heel_r], hip_r: -30}, arrows: [{point: pelvis}]}`,
		`{view: raised, props: [mat, pillow], start: {base: lie-left, hip_l: 40, knee_l: 60}}`,
	} {
		var s figure.Spec
		if err := yaml.Unmarshal([]byte(src), &s); err != nil {
			t.Fatal(err)
		}
		if err := s.Validate(); err != nil {
			t.Errorf("%s: %v", src, err)
		}
	}
}

// TestGolden compares the drawing commands of a few pictures with
// testdata/*.golden; run with -update to rewrite them.
func TestGolden(t *testing.T) {
	specs := loadPoses(t)
	for _, id := range []string{"cat-cow", "bridge", "row-band", "wall-angels", "plank-full", "spinal-twist-lying", "neck-rolls", "row-dumbbell", "march-in-place", "external-rotation-dumbbell", "row-cable", "chair-extension", "doorway-stretch", "t-raise", "chin-tuck", "band-pull-apart", "worktop-stretch", "wall-plank"} {
		t.Run(id, func(t *testing.T) {
			var buf bytes.Buffer
			if err := figure.Dump(&buf, specs[id].Draw(40, 30)...); err != nil {
				t.Fatal(err)
			}
			golden.Check(t, filepath.Join("testdata", id+".golden"), "drawing", buf.Bytes())
		})
	}
}

func TestDeterministic(t *testing.T) {
	data, err := posesData()
	if err != nil {
		t.Fatal(err)
	}
	dumpAll := func() string {
		var specs map[string]figure.Spec
		if err := yaml.Unmarshal(data, &specs); err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		for _, id := range catalogue {
			buf.WriteString(id + "\n")
			if err := figure.Dump(&buf, specs[id].Draw(50, 35)...); err != nil {
				t.Fatal(err)
			}
		}
		return buf.String()
	}
	first := dumpAll()
	for range 3 {
		if dumpAll() != first {
			t.Fatal("the same specs drew differently")
		}
	}
}

// TestSmall keeps each picture to a few dozen commands, so a workbook
// stays small.
func TestSmall(t *testing.T) {
	for id, s := range loadPoses(t) {
		for _, p := range s.Draw(40, 30) {
			var buf bytes.Buffer
			figure.Dump(&buf, p)
			if n := len(p.Shapes); n > 45 {
				t.Errorf("%s %s: %d shapes, want at most 45", id, p.Name, n)
			}
			if buf.Len() > 4000 {
				t.Errorf("%s %s: dump is %d bytes", id, p.Name, buf.Len())
			}
		}
	}
}

func FuzzSpec(f *testing.F) {
	data, err := posesData()
	if err != nil {
		f.Fatal(err)
	}
	var specs map[string]yaml.Node
	if err := yaml.Unmarshal(data, &specs); err != nil {
		f.Fatal(err)
	}
	for _, id := range catalogue {
		n := specs[id]
		out, err := yaml.Marshal(&n)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(out)
	}
	f.Add([]byte(`{start: {knee_l: .nan}}`))
	f.Add([]byte(`{start: {base: lie-back, ground: [head, head]}, end: {tilt: 180}}`))
	f.Add([]byte(`{view: raised, props: [chair, pillow, mat], hand: left, start: {base: lie-right, turn: 90}, end: {roll: 45}}`))
	f.Add([]byte(`{view: front, props: [chair], start: {base: sit, turn: -180}}`))
	f.Fuzz(func(t *testing.T, src []byte) {
		var s figure.Spec
		if err := yaml.Unmarshal(src, &s); err != nil {
			return
		}
		if err := s.Validate(); err != nil {
			if msg := err.Error(); msg == "" || strings.ToLower(msg[:1]) != msg[:1] {
				t.Errorf("error %q should start lower-case", msg)
			}
			return
		}
		for _, p := range s.Draw(40, 30) {
			figure.Dump(new(bytes.Buffer), p)
		}
	})
}

// TestThumbnail checks that a thumbnail is the last picture, fits its box,
// and keeps an outline a printer can show however small it is drawn.
func TestThumbnail(t *testing.T) {
	const w, h, line = 18.0, 14.0, 0.3
	for id, s := range loadPoses(t) {
		th := s.Thumbnail(w, h, line)
		pics := s.Draw(w, h)
		if want := pics[len(pics)-1].Name; th.Name != want {
			t.Errorf("%s: thumbnail is the %q picture, want %q", id, th.Name, want)
		}
		if b := th.Box; b.X < -0.01 || b.Y < -0.01 || b.X+b.W > w+0.01 || b.Y+b.H > h+0.01 {
			t.Errorf("%s: thumbnail bounds %+v outside its %gx%g box", id, b, w, h)
		}
		// An outline is a dark stroke with a pale stroke on the same points
		// painted over it: half the difference in width shows.
		outlines := 0
		for i, a := range th.Shapes {
			for _, b := range th.Shapes[i+1:] {
				if a.Kind != figure.Path || b.Kind != figure.Path || !slices.Equal(a.Points, b.Points) || a.Stroke >= b.Stroke || a.Width <= b.Width {
					continue
				}
				outlines++
				if got := (a.Width - b.Width) / 2; got < line-0.011 {
					t.Errorf("%s: outline %.3f wide, want at least %g", id, got, line)
				}
			}
		}
		if outlines < 5 {
			t.Errorf("%s: found %d outlined limbs, want the whole body", id, outlines)
		}
	}
}
