package render

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// onCPUs calls do(w, i) for every i below n, spread over at most one
// goroutine per CPU. w is the goroutine's state, made once by start (nil
// start: no state) and handed to stop when it is done. Callers write only
// to their own index, so the results never depend on scheduling.
func onCPUs[W any](n int, start func() W, stop func(W), do func(w W, i int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), n) {
		wg.Go(func() {
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
		})
	}
	wg.Wait()
}
