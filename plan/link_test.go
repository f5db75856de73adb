package plan_test

import (
	"net/url"
	"strings"
	"testing"

	"github.com/backplan/backplan/plan"
)

// TestCheckLink: a link printed for patients is https, plain, short, and
// carries no one's details.
func TestCheckLink(t *testing.T) {
	tests := []struct {
		link string
		want string // "" for a link that is accepted
	}{
		{"https://www.youtube.com/watch?v=dQw4w9WgXcQ", ""},
		{"https://youtu.be/dQw4w9WgXcQ?t=10", ""},
		{"HTTPS://clinic.example/videos/", ""},
		{"https://clinic.example/a%C3%B1o", ""},
		{"", "empty"},
		{"http://clinic.example/v", "must start with https://"},
		{"ftp://clinic.example/v", "must start with https://"},
		{"clinic.example/v", "must start with https://"},
		{"https:///v", "no site name"},
		{"https:clinic.example", "no site name"},
		{"https://ana:secret@clinic.example/v", `holds an "@"`},
		{"https://clinic.example/v?to=ana@mail.example", `holds an "@"`},
		{"https://clinic.example/v?Name=Ana", `"Name" parameter`},
		{"https://clinic.example/v?x=1&email=a", `"email" parameter`},
		{"https://clinic.example/v?dob=1950-01-01", `"dob" parameter`},
		{"https://clinic.example/año", "plain ASCII"},
		{"https://clinic.example/a b", "plain ASCII"},
		{"https://clinic.example/\x1b[2J", "plain ASCII"},
		{"https://clinic.example/" + strings.Repeat("a", 120), "keep it to 120"},
		{"https://clinic.example/%zz", "not a web address"},
	}
	for _, tt := range tests {
		err := plan.CheckLink(tt.link)
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("CheckLink(%q) = %v, want nil", tt.link, err)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("CheckLink(%q) = %v, want …%s…", tt.link, err, tt.want)
		}
	}
}

// FuzzCheckLink: whatever is accepted is a short https address of plain
// ASCII with a host and no "@".
func FuzzCheckLink(f *testing.F) {
	for _, s := range []string{"https://youtu.be/x", "https://a.example/v?v=1#t", "http://x", "https://a@b", "https://x/\x00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if plan.CheckLink(s) != nil {
			return
		}
		u, err := url.Parse(s)
		if err != nil || !strings.EqualFold(u.Scheme, "https") || u.Host == "" || strings.Contains(s, "@") || len(s) > plan.MaxLinkLength {
			t.Fatalf("accepted %q", s)
		}
		for _, r := range s {
			if r <= ' ' || r >= 0x7f {
				t.Fatalf("accepted %q with %U", s, r)
			}
		}
	})
}

// TestPlanFileKeepsVideo: a saved plan keeps each exercise's video link,
// so that it prints the same QR codes again.
func TestPlanFileKeepsVideo(t *testing.T) {
	c := realCatalog(t)
	for i := range c.Exercises {
		c.Exercises[i].Video = "https://videos.example/" + c.Exercises[i].ID
	}
	p, err := plan.Build(c, plan.Options{Today: today})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := p.WriteYAML(&b); err != nil {
		t.Fatal(err)
	}
	q, err := plan.ReadPlan(strings.NewReader(b.String()), "plan.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range q.Exercises {
		if want := "https://videos.example/" + e.ID; e.Video != want {
			t.Errorf("%s: video %q after a round trip, want %q", e.ID, e.Video, want)
		}
	}
}
