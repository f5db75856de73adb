package render_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/backplan/backplan/plan"
	"github.com/backplan/backplan/render"
)

// TestWeekWords checks what each week's page tells besides its grid: the
// rule for moving on (or keeping a steady level), the review or the
// appointment, and the clinician's note cut to two lines.
func TestWeekWords(t *testing.T) {
	note := strings.Repeat("Keep your shoulders low and breathe out as you move. ", 12)
	p := build(t, realCatalog(t), plan.Options{Weeks: 4, Days: 5, Patient: plan.Patient{Name: "Ana Ruiz", Notes: note}})
	p.Weeks[1].Steady = true
	p.Weeks[2].Review = true
	p.Weeks[3].Appointment = plan.NewDate(2026, 12, 24)
	for _, o := range []render.Options{{}, {Paper: render.A4, LargePrint: true}} {
		d, err := rend.Layout(p, o)
		if err != nil {
			t.Fatal(err)
		}
		for i, w := range p.Weeks {
			text := weekPageText(t, d, fmt.Sprintf("Week %d of 4", w.Number))
			want := map[int][]string{
				0: {"Move on to next week's amounts only if", "From your clinician: Keep your shoulders low"},
				1: {"Keep this level"},
				2: {"Time to see your clinician again"},
				3: {"Your appointment with your clinician: Thursday 24 December 2026."},
			}[i]
			for _, s := range want {
				if !strings.Contains(text, s) {
					t.Errorf("large=%v week %d: no %q in\n%s", o.LargePrint, w.Number, s, text)
				}
			}
			if !strings.Contains(text, "From your clinician:") {
				t.Errorf("large=%v week %d: no clinician's note", o.LargePrint, w.Number)
			}
			if strings.Count(text, "breathe out") > 3 {
				t.Errorf("large=%v week %d: the note is not cut short", o.LargePrint, w.Number)
			}
		}
	}
}

// weekPageText is the text of the page that starts with head, one item a
// line.
func weekPageText(t *testing.T, d *render.Document, head string) string {
	t.Helper()
	for _, pg := range d.Pages {
		for _, it := range pg.Items {
			if it.Kind == render.Text && it.Text == head {
				var b strings.Builder
				for _, it := range pg.Items {
					if it.Kind == render.Text {
						b.WriteString(it.Text + "\n")
					}
				}
				return strings.ReplaceAll(b.String(), "\n", " ")
			}
		}
	}
	t.Fatalf("no page with %q", head)
	return ""
}
