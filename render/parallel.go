package render

import (
	"sync"
	"sync/atomic"
)

// parallel calls do(w, i) for every i below n, spread over at most the
// Renderer's workers goroutines (with one worker, on the caller's). w is
// the goroutine's state, made once by start (nil start: no state) and
// handed to stop when it is done. Callers write only to their own index,
// so the results never depend on scheduling.
func parallel[W any](r *Renderer, n int, start func() W, stop func(W), do func(w W, i int)) {
	run := func(next *atomic.Int64) {
		var w W
		if start != nil {
			w = start()
		}
		if stop != nil {
			defer stop(w)
		}
		for {
			i := int(next.Add(1) - 1)
			if i >= n {
				return
			}
			do(w, i)
		}
	}
	if n <= 0 {
		return
	}
	var next atomic.Int64
	workers := min(r.workers, n)
	if workers <= 1 {
		run(&next)
		return
	}
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() { run(&next) })
	}
	wg.Wait()
}
