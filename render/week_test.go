package render_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/backplan/backplan/plan"
	"github.com/backplan/backplan/render"
)

// TestWeekWords checks what each week's page tells besides its grid: the
// rule for moving on (or keeping a steady level), the review or the
// appointment, and the clinician's note: whole when every week page has
// room for it, and otherwise where it is, never cut.
func TestWeekWords(t *testing.T) {
	long := strings.Repeat("Keep your shoulders low and breathe out as you move. ", 12) + "See you soon."
	short := "Walk every day too, and see you soon."
	for _, note := range []string{short, long} {
		p := build(t, realCatalog(t), plan.Options{Weeks: 4, Days: 5, Patient: plan.Patient{Name: "Ana Ruiz", Notes: note}})
		p.Weeks[1].Steady = true
		p.Weeks[2].Review = true
		p.Weeks[3].Appointment = plan.NewDate(2026, 12, 24)
		for _, o := range []render.Options{{}, {Paper: render.A4, LargePrint: true}} {
			d, err := rend.Layout(p, o)
			if err != nil {
				t.Fatal(err)
			}
			whole := 0
			for i, w := range p.Weeks {
				text := weekPageText(t, d, fmt.Sprintf("Week %d of 4", w.Number))
				want := map[int][]string{
					0: {"only if this week stayed green or amber and settled by the next morning"},
					1: {"Keep this level"},
					2: {"Time to see your clinician again"},
					3: {"Your appointment with your clinician: Thursday 24 December 2026."},
				}[i]
				for _, s := range want {
					if !strings.Contains(text, s) {
						t.Errorf("large=%v week %d: no %q in\n%s", o.LargePrint, w.Number, s, text)
					}
				}
				switch {
				case strings.Contains(text, "From your clinician: Keep your shoulders low") && strings.Contains(text, "as you move. See you soon."):
					whole++
				case strings.Contains(text, "From your clinician: Walk every day too, and see you soon."):
					whole++
				case strings.Contains(text, "Your clinician's note: page 1."):
				default:
					t.Errorf("large=%v week %d: the note is neither whole nor said to be on page 1:\n%s", o.LargePrint, w.Number, text)
				}
			}
			if whole != 0 && whole != len(p.Weeks) {
				t.Errorf("large=%v: %d of %d week pages hold the note whole", o.LargePrint, whole, len(p.Weeks))
			}
			if note == short && whole == 0 {
				t.Errorf("large=%v: a one-line note is not on the week pages", o.LargePrint)
			}
		}
	}
}

// TestSparePages checks the spare week pages: one after every four weeks
// and after the last, each without dates, its days named, and saying
// what it is for.
func TestSparePages(t *testing.T) {
	c := realCatalog(t)
	for _, weeks := range []int{1, 4, 6, 13} {
		p := build(t, c, plan.Options{Weeks: weeks, Weekdays: []time.Weekday{time.Monday, time.Thursday}})
		d, err := rend.Layout(p, render.Options{})
		if err != nil {
			t.Fatal(err)
		}
		var spares []int
		for _, pg := range d.Pages {
			if len(pg.Marks) > 0 && strings.HasPrefix(pg.Marks[0].Title, "Spare week page") {
				spares = append(spares, pg.Number)
			}
		}
		if want := (weeks + 3) / 4; len(spares) != want {
			t.Errorf("%d weeks: %d spare pages, want %d", weeks, len(spares), want)
		}
		for i, n := range spares {
			after := min(4*(i+1), weeks)
			if prev := markPage(d, fmt.Sprintf("Week %d:", after)); prev != n-1 {
				t.Errorf("%d weeks: spare page %d is on page %d, not after week %d's page %d", weeks, i+1, n, after, prev)
			}
			text := strings.ReplaceAll(pageTextOf(d, n), "\n", " ")
			for _, want := range []string{"Use this page if you repeat a week", "Repeating week", " Mon ", " Thu "} {
				if !strings.Contains(text, want) {
					t.Errorf("%d weeks: spare page %d does not say %q", weeks, i+1, want)
				}
			}
			if strings.Contains(text, " Nov ") || strings.Contains(text, " Dec ") {
				t.Errorf("%d weeks: spare page %d has dates: %s", weeks, i+1, text)
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

// TestTrafficLight wants the traffic light in its colours, each with its
// words so that it reads in black and white: as a table on the safety
// page, and as the key under the pain rows of every week page.
func TestTrafficLight(t *testing.T) {
	p := build(t, realCatalog(t), plan.Options{Weeks: 5})
	for oname, o := range allOptions {
		d, err := rend.Layout(p, o)
		if err != nil {
			t.Fatal(err)
		}
		safety := markPage(d, "How to use this workbook")
		for _, pg := range d.Pages {
			week := len(pg.Marks) > 0 && (strings.HasPrefix(pg.Marks[0].Title, "Week ") || strings.HasPrefix(pg.Marks[0].Title, "Spare"))
			if !week && pg.Number != safety && pg.Number != safety+1 {
				continue
			}
			tints := map[render.Tint]bool{}
			var words strings.Builder
			for _, it := range pg.Items {
				if it.Kind == render.Rect && it.Tint != "" {
					tints[it.Tint] = true
				}
				if it.Kind == render.Text {
					words.WriteString(it.Text + " ")
				}
			}
			if len(tints) == 0 && !week {
				continue // the safety page's other page
			}
			for tint, name := range map[render.Tint]string{render.Green: "Green: 0 to 2", render.Amber: "Amber: 3 to 5", render.Red: "Red: above 5"} {
				if !tints[tint] || !strings.Contains(words.String(), name) {
					t.Errorf("%s: page %d has the %s band %v, its words %q %v", oname, pg.Number, tint, tints[tint], name, strings.Contains(words.String(), name))
				}
			}
		}
	}
}
