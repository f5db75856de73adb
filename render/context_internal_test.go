package render

import (
	"context"
	"errors"
	"testing"

	"github.com/backplan/backplan/plan"
)

// TestLayoutStopsWhenAsked: a layout whose context is done stops at its
// next page with the context's error, and does not go on adding pages.
func TestLayoutStopsWhenAsked(t *testing.T) {
	c := realCatalogI(t)
	p, err := plan.Build(c, plan.Options{Weeks: 52, Days: 7, Today: plan.NewDate(2026, 11, 24)})
	if err != nil {
		t.Fatal(err)
	}
	r, err := New(1)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	w, h, _ := paperSize(Letter)
	l := r.newLayout(p, Options{Paper: Letter}, Info{}, w, h, nil, newTextCache(), nil)
	l.ctx = ctx
	l.newPage()
	l.newPage()
	if !errors.Is(l.err, context.Canceled) || len(l.doc.Pages) != 0 {
		t.Errorf("after two new pages of a stopped layout: %d pages, error %v; want none and context.Canceled", len(l.doc.Pages), l.err)
	}
	if _, err := r.LayoutContext(ctx, p, Options{Paper: Letter}); !errors.Is(err, context.Canceled) {
		t.Errorf("LayoutContext with a done context: %v, want context.Canceled", err)
	}
}
