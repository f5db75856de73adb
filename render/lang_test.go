package render_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/backplan/backplan/plan"
)

// TestSpanishPageRules: the page rules of the English workbook hold in
// Spanish over plan lengths, papers and print sizes: the cover is one
// page in Spanish words and dates, with the note, the issue date and the
// appointment; the everyday advice is one page, which the contents list
// names; the warning signs stand whole on one page.
func TestSpanishPageRules(t *testing.T) {
	c := realCatalog(t)
	review := plan.NewDate(2027, 1, 5)
	for _, weeks := range []int{1, 4, 12, 52} {
		p := build(t, c, plan.Options{Weeks: weeks, Days: 5, Review: review, Lang: "es", Patient: realPatient})
		for oname, o := range allOptions {
			t.Run(fmt.Sprintf("%d weeks/%s", weeks, oname), func(t *testing.T) {
				d, err := rend.Layout(p, o)
				if err != nil {
					t.Fatal(err)
				}
				text, pages := section(d, "Sobre su plan")
				if len(pages) != 1 {
					t.Fatalf("the cover is on pages %v", pages)
				}
				cover := strings.Join(strings.Fields(text), " ")
				for _, want := range []string{"Entregado el", "Próxima cita", "martes 5 de enero de 2027", "En este cuaderno", realPatient.Notes} {
					if !strings.Contains(cover, strings.Join(strings.Fields(want), " ")) {
						t.Errorf("the cover does not say %q", want)
					}
				}
				advice, pages := section(d, "Consejos diarios")
				if len(pages) != 1 {
					t.Fatalf("the advice is on pages %v", pages)
				}
				if !strings.Contains(advice, "crisis de dolor") {
					t.Errorf("the advice does not name a flare-up as the glossary does")
				}
				if re := regexp.MustCompile(fmt.Sprintf(`Consejos diarios(: crisis de dolor, pausas, molestias)? página %d `, pages[0])); !re.MatchString(cover) {
					t.Errorf("the contents do not list the advice on page %d", pages[0])
				}
				safety, _ := section(d, "Cómo usar este cuaderno sin riesgos")
				safety = strings.Join(strings.Fields(safety), " ")
				for _, want := range []string{"Señales de alarma: pare y vea a un médico pronto", "llame a emergencias enseguida", "Verde: de 0 a 2", "Rojo: más de 5, o peor a la mañana siguiente"} {
					if !strings.Contains(safety, want) {
						t.Errorf("the safety pages do not say %q", want)
					}
				}
			})
		}
	}
}
