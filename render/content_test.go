package render_test

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/backplan/backplan/plan"
	"github.com/backplan/backplan/render"
)

// A patient as a clinic would write one: names, an address and a note of
// realistic length.
var (
	realPatient = plan.Patient{
		Name:      "Margaret Ann O'Sullivan-Whitfield",
		Clinician: "Dr Priya Raghunathan",
		Clinic:    "Riverside Physiotherapy and Sports Injury Clinic",
		Contact:   "020 7946 0000 (Monday to Friday, 9am to 5pm)",
		Notes:     "Go gently for the first week. Walk for 10 minutes each day as well. Keep the band exercises slow and steady. If your neck aches after the rolls, leave them out and tell me at your next visit. Bring your band to the appointment.",
	}
	shortPatient = plan.Patient{Name: "Ana Ruiz", Notes: "Walk every day too."}
)

// section returns the text of the pages of the part of d whose bookmark
// is title, without footers: from the page it starts on to the page
// before the next bookmark, and the page numbers.
func section(d *render.Document, title string) (text string, pages []int) {
	var b strings.Builder
	in := false
	for _, pg := range d.Pages {
		end := d.Height - 24 // the footer
		start := 0.0
		if len(pg.Marks) > 0 {
			if in {
				// The next section may start part way down the page.
				if pg.Marks[0].Y < 20 {
					break
				}
				end = pg.Marks[0].Y
			}
			if !in {
				// A section may also start part way down the page.
				if k := slices.IndexFunc(pg.Marks, func(m render.Mark) bool { return m.Title == title }); k >= 0 {
					in, start = true, pg.Marks[k].Y
				}
			}
		}
		if !in {
			continue
		}
		pages = append(pages, pg.Number)
		for _, it := range pg.Items {
			if it.Kind == render.Text && it.Y < end && it.Y >= start {
				b.WriteString(it.Text + " ")
			}
		}
		if end < d.Height-24 {
			break
		}
	}
	return b.String(), pages
}

// TestCoverIsOnePage lays out covers over plan lengths, print sizes and
// papers, with patients of realistic length: the cover is one page, and it
// carries the note, the issue date and the next appointment.
func TestCoverIsOnePage(t *testing.T) {
	c := realCatalog(t)
	review := plan.NewDate(2027, 1, 5)
	for _, weeks := range []int{1, 4, 12, 52} {
		for _, who := range []plan.Patient{realPatient, shortPatient, {}} {
			p := build(t, c, plan.Options{Weeks: weeks, Days: 5, Review: review, Patient: who})
			for oname, o := range allOptions {
				t.Run(fmt.Sprintf("%d weeks/%s/%q", weeks, oname, who.Name), func(t *testing.T) {
					d, err := rend.Layout(p, o)
					if err != nil {
						t.Fatal(err)
					}
					text, pages := section(d, "About your plan")
					if len(pages) != 1 {
						t.Fatalf("the cover is %d pages", len(pages))
					}
					cover := strings.Join(strings.Fields(text), " ")
					for _, want := range []string{
						"Given to you on", p.Settings.Issued.Format("2 January 2006"),
						"Next appointment", review.Format("2 January 2006"),
						"Inside this workbook", "Notes",
					} {
						if !strings.Contains(cover, want) {
							t.Errorf("the cover does not say %q", want)
						}
					}
					if who.Notes != "" && !strings.Contains(cover, who.Notes) {
						t.Errorf("the cover does not carry the note: %s", cover)
					}
				})
			}
		}
	}
}

// TestLongNoteGetsAPage checks that a note too long for the cover goes on
// a page of its own straight after it, whole, and that the cover says
// where.
func TestLongNoteGetsAPage(t *testing.T) {
	c := realCatalog(t)
	long := longNote + "\n\n" + longNote // 4,000 characters: no cover holds it
	p := build(t, c, plan.Options{Weeks: 12, Patient: plan.Patient{Name: "Ana Ruiz", Notes: long}})
	for oname, o := range allOptions {
		t.Run(oname, func(t *testing.T) {
			d, err := rend.Layout(p, o)
			if err != nil {
				t.Fatal(err)
			}
			cover, pages := section(d, "About your plan")
			if len(pages) != 1 {
				t.Fatalf("the cover is %d pages", len(pages))
			}
			note, pages := section(d, "Notes from your clinician")
			if len(pages) == 0 || pages[0] != 2 {
				t.Fatalf("the note is on pages %v, want from page 2", pages)
			}
			if !strings.Contains(cover, "notes for you on page 2") {
				t.Errorf("the cover does not say where the note is")
			}
			note = strings.ReplaceAll(note, "Notes from your clinician (continued)", "")
			if got, want := strings.Join(strings.Fields(note), " "), strings.Join(strings.Fields(long), " "); !strings.Contains(got, want) {
				t.Errorf("the note's page does not carry the whole note")
			}
		})
	}
}

// TestAdviceIsOnePage checks the advice page in every page style, and that
// the contents list names its page.
func TestAdviceIsOnePage(t *testing.T) {
	p := build(t, realCatalog(t), plan.Options{Patient: realPatient})
	for oname, o := range allOptions {
		t.Run(oname, func(t *testing.T) {
			d, err := rend.Layout(p, o)
			if err != nil {
				t.Fatal(err)
			}
			text, pages := section(d, "Everyday advice")
			if len(pages) != 1 {
				t.Fatalf("the advice is on pages %v", pages)
			}
			for _, want := range []string{"flares up", "30 to 60 minutes", "not the same as being harmed"} {
				if !strings.Contains(text, want) {
					t.Errorf("the advice does not say %q", want)
				}
			}
			cover, _ := section(d, "About your plan")
			if re := regexp.MustCompile(fmt.Sprintf(`Everyday advice(: flare-ups, sitting, soreness)? page %d `, pages[0])); !re.MatchString(cover) {
				t.Errorf("the contents do not list the advice on page %d", pages[0])
			}
		})
	}
}

// TestSafetyPage checks the progress rule and the dose key are printed.
func TestSafetyPage(t *testing.T) {
	p := build(t, realCatalog(t), plan.Options{Weeks: 8})
	d, err := rend.Layout(p, render.Options{})
	if err != nil {
		t.Fatal(err)
	}
	text, _ := section(d, "How to use this workbook and stay safe")
	text = strings.Join(strings.Fields(text), " ")
	for _, want := range []string{
		"only when this week went well: every session stayed in the green or amber zone, and any soreness had gone by the next morning",
		"If it did not, do this week again",
		"Missed a week, or been ill?",
		"Tick one box each time you finish a set",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the safety page does not say %q", want)
		}
	}
}

// TestProgressTable checks that the progress table has a row a week and
// that no page of it holds a single row, over plan lengths and styles.
func TestProgressTable(t *testing.T) {
	c := realCatalog(t)
	rowRe := regexp.MustCompile(`^Week \d+$`)
	for _, weeks := range []int{1, 2, 3, 7, 9, 10, 12, 19, 26, 52} {
		p := build(t, c, plan.Options{Weeks: weeks})
		for oname, o := range allOptions {
			t.Run(fmt.Sprintf("%d weeks/%s", weeks, oname), func(t *testing.T) {
				d, err := rend.Layout(p, o)
				if err != nil {
					t.Fatal(err)
				}
				_, pages := section(d, "Your progress")
				total := 0
				for _, n := range pages {
					rows := 0
					start := 0.0 // the table may start under the last exercise
					for _, m := range d.Pages[n-1].Marks {
						if m.Title == "Your progress" {
							start = m.Y
						}
					}
					for _, it := range d.Pages[n-1].Items {
						if it.Kind == render.Text && it.Bold && it.Y >= start && rowRe.MatchString(it.Text) {
							rows++
						}
					}
					if rows < min(2, weeks) {
						t.Errorf("page %d holds %d rows of the progress table", n, rows)
					}
					total += rows
				}
				if total != weeks {
					t.Errorf("the progress table has %d rows, want %d", total, weeks)
				}
			})
		}
	}
}

// TestNoBareLevel checks the pages of this file's concern never print a
// resistance level as a bare number ("level 2"), which a patient cannot
// act on.
func TestNoBareLevel(t *testing.T) {
	bare := regexp.MustCompile(`(?i)\blevel \d`)
	if s := (plan.Exercise{Equipment: plan.Band}).DoseText(plan.Dose{Sets: 1, Reps: 8, Level: 2}); bare.MatchString(s) {
		t.Skipf("plan.Exercise.DoseText still prints a bare level (%q)", s)
	}
	for pname, p := range stressPlans(t) {
		d, err := rend.Layout(p, render.Options{})
		if err != nil {
			t.Fatal(err)
		}
		for _, title := range []string{"About your plan", "How to use this workbook and stay safe", "Everyday advice", "Your progress"} {
			text, _ := section(d, title)
			if m := bare.FindString(text); m != "" {
				t.Errorf("%s: %s prints %q", pname, title, m)
			}
		}
	}
}

// TestProgressReviews checks the progress table names the weeks the
// clinician wants to see the patient, and the booked appointment.
func TestProgressReviews(t *testing.T) {
	p := build(t, realCatalog(t), plan.Options{Weeks: 8})
	p.Weeks[5].Review = true
	p.Weeks[2].Appointment = p.Weeks[2].Start.AddDays(1)
	d, err := rend.Layout(p, render.Options{LargePrint: true})
	if err != nil {
		t.Fatal(err)
	}
	text, _ := section(d, "Your progress")
	text = strings.Join(strings.Fields(text), " ")
	for _, want := range []string{
		"Week 3 " + p.Weeks[2].Start.Format("2 Jan"),
		"Your appointment: " + p.Weeks[2].Start.AddDays(1).Format("Monday 2 January"),
		"Week 6 " + p.Weeks[5].Start.Format("2 Jan"),
		"Time to see your clinician again",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the progress table does not say %q", want)
		}
	}
	want := 0
	for _, w := range p.Weeks {
		if w.Review {
			want++
		}
	}
	if n := strings.Count(text, "Time to see your clinician again"); n != want {
		t.Errorf("%d weeks ask for a review, want %d", n, want)
	}
}
