// Package plan is backplan's domain: the exercise catalogue, the options a
// clinician chooses, and the planner that turns both into a week-by-week
// Plan.
//
// It knows nothing of PDF, flags, files or exit codes. It reads from an
// io.Reader, writes to an io.Writer and returns errors; it never prints,
// exits or reads the clock (the run date arrives in Options.Today).
//
// # Focus
//
// The focus decides which exercises a plan leans on. Every session still
// opens with a warm-up, and every focus keeps some mobility work, because
// stiff upper backs respond to movement whatever else is going on.
//
//   - balanced: mobility, upper-back strength and core in about equal
//     parts. The default, and the right start when the picture is mixed.
//   - mobility: range-of-motion work first (twists, cat-cow, shrugs, arm
//     circles), for stiffness and the aches of long hours at a desk.
//   - posture: scapular retraction and upper-back extensor strength (wall
//     angels, rows, superman, cobra, rotator cuff), for a rounded upper back
//     and forward shoulders.
//   - strength: loaded upper-back and rotator-cuff strength, for patients who
//     are past the painful phase and want to build capacity.
//   - core: trunk support (plank, bridge, pelvic tilt, superman), for
//     patients whose back tires or aches when they stand or sit for long.
//
// # Dosing
//
// Doses follow common physiotherapy practice (ACSM guidance for novices):
// strength work 1–3 sets of 8–12 repetitions on non-consecutive days,
// stretches held 10–30 seconds two to four times, a 5–10 minute warm-up.
// Each exercise in the catalogue names its starting dose and its top dose;
// the planner climbs from one to the other a step a week, adding repetitions
// first, then sets, then hold time, then resistance, and levels off at the
// top. Plans of six weeks or more get an easier consolidation week every
// fourth week. See progress.go for the ladder.
package plan
