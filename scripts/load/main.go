// Command load drives a running backplan serve with N concurrent clients
// for T seconds, each asking for workbooks one after another, and prints
// requests per second, the median and 99th-percentile times, and how many
// answers were 200, 503 or anything else. After a 503 a client waits as
// Retry-After asks, as a well-behaved program would.
//
//	backplan serve --addr 127.0.0.1:8080 &
//	go run ./scripts/load -url http://127.0.0.1:8080 -clients 16 -duration 30s
//
// It refuses any address that is not on this computer (loopback): it is a
// tool for measuring, not for loading someone else's server. With -pid it
// also reports the server's peak memory (VmHWM from /proc, Linux only).
package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

func main() {
	target := flag.String("url", "http://127.0.0.1:8080", "the server's address (loopback only)")
	clients := flag.Int("clients", 16, "concurrent clients")
	duration := flag.Duration("duration", 30*time.Second, "how long to run")
	weeks := flag.Int("weeks", 4, "weeks in each workbook")
	pid := flag.Int("pid", 0, "the server's process id, to report its peak memory")
	honour := flag.Bool("retry-after", true, "after a 503, wait as its Retry-After says (else 50 ms)")
	flag.Parse()
	if err := run(*target, *clients, *duration, *weeks, *pid, *honour); err != nil {
		fmt.Fprintf(os.Stderr, "load: %v\n", err)
		os.Exit(1)
	}
}

// result is one request's outcome.
type result struct {
	status int // 0 for a transport error
	took   time.Duration
}

// load is a run's settings.
type load struct {
	target string
	client *http.Client
	weeks  int
	honour bool // wait as a 503's Retry-After says
}

func run(target string, clients int, d time.Duration, weeks, pid int, honour bool) error {
	u, err := url.Parse(target)
	if err != nil {
		return err
	}
	ips, err := net.LookupIP(u.Hostname())
	if err != nil || len(ips) == 0 || !ips[0].IsLoopback() {
		return fmt.Errorf("%s is not on this computer; load drives only a server on loopback", u.Host)
	}
	if clients < 1 || d <= 0 {
		return fmt.Errorf("need at least one client and a duration")
	}
	tr := &http.Transport{MaxIdleConnsPerHost: clients, MaxConnsPerHost: clients}
	l := &load{target: strings.TrimSuffix(target, "/"), client: &http.Client{Transport: tr, Timeout: 60 * time.Second}, weeks: weeks, honour: honour}
	ctx, cancel := context.WithTimeout(context.Background(), d)
	defer cancel()

	cpu0, _ := cpuTime(pid)
	results := make([][]result, clients)
	var wg sync.WaitGroup
	start := time.Now()
	for c := range clients {
		wg.Go(func() { results[c] = l.drive(ctx, c) })
	}
	wg.Wait()
	elapsed := time.Since(start)
	cpu1, cpuErr := cpuTime(pid)
	ok := report(slices.Concat(results...), clients, elapsed, weeks)
	if pid > 0 {
		if hwm, err := peakRSS(pid); err == nil {
			fmt.Printf("server peak RSS %s\n", hwm)
		}
		if cpuErr == nil && ok > 0 {
			used := cpu1 - cpu0
			fmt.Printf("server CPU %.1f s (%.1f ms a workbook)\n", used.Seconds(), float64(used.Milliseconds())/float64(ok))
		}
	}
	return nil
}

// drive is client c: it asks for workbooks one after another until ctx
// is done, and returns what each request gave.
func (l *load) drive(ctx context.Context, c int) []result {
	focuses := []string{"balanced", "mobility", "posture", "strength", "core"}
	var out []result
	for i := 0; ctx.Err() == nil; i++ {
		form := url.Values{
			"weeks":   {fmt.Sprint(l.weeks)},
			"focus":   {focuses[(c+i)%len(focuses)]},
			"patient": {fmt.Sprintf("Load Test %d-%d", c, i)},
			"paper":   {"a4"},
		}
		t0 := time.Now()
		status, wait := l.ask(form)
		if ctx.Err() != nil && status == 0 {
			break // cut off at the end of the run
		}
		out = append(out, result{status, time.Since(t0)})
		if status == http.StatusServiceUnavailable {
			select { // as Retry-After asks
			case <-time.After(max(wait, 50*time.Millisecond)):
			case <-ctx.Done():
			}
		}
	}
	return out
}

// ask posts one form for a workbook: the status (0 for a transport error,
// -1 for a 200 that is no PDF) and how long Retry-After says to wait.
func (l *load) ask(form url.Values) (status int, wait time.Duration) {
	req, _ := http.NewRequest("POST", l.target+"/workbook", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := l.client.Do(req)
	if err != nil {
		return 0, 0
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		return 0, 0
	}
	if n, e := strconv.Atoi(resp.Header.Get("Retry-After")); e == nil && l.honour {
		wait = time.Duration(n) * time.Second
	}
	if resp.StatusCode == 200 && !bytes.HasPrefix(body, []byte("%PDF-")) {
		return -1, wait
	}
	return resp.StatusCode, wait
}

// report prints the run's figures and returns how many workbooks came.
func report(results []result, clients int, elapsed time.Duration, weeks int) int {
	var ok []time.Duration
	byStatus := map[int]int{}
	for _, r := range results {
		byStatus[r.status]++
		if r.status == 200 {
			ok = append(ok, r.took)
		}
	}
	total := len(results)
	slices.Sort(ok)
	pct := func(p float64) time.Duration {
		if len(ok) == 0 {
			return 0
		}
		return ok[min(len(ok)-1, int(p*float64(len(ok))))]
	}
	fmt.Printf("clients %d, %s, %d-week workbooks\n", clients, elapsed.Round(time.Millisecond), weeks)
	fmt.Printf("requests %d: 200 %d, 503 %d, other %d\n", total, byStatus[200], byStatus[503], total-byStatus[200]-byStatus[503])
	fmt.Printf("workbooks/s %.1f (all requests/s %.1f)\n", float64(len(ok))/elapsed.Seconds(), float64(total)/elapsed.Seconds())
	fmt.Printf("p50 %s, p99 %s (of the 200s)\n", pct(0.50).Round(time.Millisecond), pct(0.99).Round(time.Millisecond))
	if others := total - byStatus[200] - byStatus[503]; others > 0 {
		var codes []string
		for s, n := range byStatus {
			if s != 200 && s != 503 {
				codes = append(codes, fmt.Sprintf("%d×%d", n, s))
			}
		}
		fmt.Printf("errors: %s (0 is a transport error, -1 a 200 that was no PDF)\n", strings.Join(codes, ", "))
	}
	return len(ok)
}

// cpuTime reads a process's user and system CPU time from /proc, in
// clock ticks of 10 ms (USER_HZ on Linux).
func cpuTime(pid int) (time.Duration, error) {
	if pid <= 0 {
		return 0, fmt.Errorf("no pid")
	}
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0, err
	}
	// The command name, in parentheses, may hold spaces: count fields
	// after its closing parenthesis.
	i := bytes.LastIndexByte(data, ')')
	f := strings.Fields(string(data[i+1:]))
	if len(f) < 13 {
		return 0, fmt.Errorf("short stat")
	}
	var utime, stime int64
	fmt.Sscan(f[11], &utime)
	fmt.Sscan(f[12], &stime)
	return time.Duration(utime+stime) * 10 * time.Millisecond, nil
}

// peakRSS reads a process's peak resident memory from /proc.
func peakRSS(pid int) (string, error) {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return "", err
	}
	for _, line := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			return strings.TrimSpace(v), nil
		}
	}
	return "", fmt.Errorf("no VmHWM")
}
