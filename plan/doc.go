// Package plan is backplan's domain: the exercise catalogue, the options a
// clinician chooses, and the planner that turns both into a week-by-week
// Plan.
//
// It knows nothing of PDF, flags, files or exit codes. It reads from an
// io.Reader, writes to an io.Writer and returns errors; it never prints,
// exits or reads the clock (the run date arrives in Options.Today). Every
// error is a *Error that states a fact and never names a flag.
//
// # Focus
//
// The focus decides which exercises a plan leans on. Every session opens
// with a warm-up, and every focus keeps some mobility work, because stiff
// upper backs respond to movement whatever else is going on. Each focus
// promises the following, and a sweep over every combination of options
// checks it (plan/focus_test.go):
//
//   - balanced: the default, for a mixed picture. With room for four
//     exercises a session (20 minutes or more) the plan has mobility,
//     strength and, when floor work is allowed, core work.
//   - mobility: for stiffness and long hours at a desk. At least half of
//     every session is mobility work, and with floor work allowed every
//     session has at least two exercises that move the spine (cat-cow, the
//     lying and seated twists, pelvic tilt).
//   - posture: for a rounded upper back and forward shoulders. Strength
//     work for the muscles around the shoulder blades (wall angels, rows,
//     superman, cobra) on at least two days every week (one in a one-day
//     plan).
//   - strength: for patients past the painful phase. Strength work on at
//     least two days every week, and with 20 minutes or more at least two
//     strength exercises, where two suit the equipment and floor.
//   - core: for backs that tire when standing or sitting long. With floor
//     work allowed, core work (plank, bridge) on at least two days every
//     week and, with 20 minutes or more, both of them.
//
// # Few things to learn
//
// Patients keep to short programmes far better than long ones. A plan
// teaches one warm-up pair (one cardio, one loosening movement); a long
// plan changes it at every fourth easier week (every 16 weeks), but not in
// its last 8 weeks. A session holds
// at most MaxExercises after the warm-up (two in ten minutes, five from
// forty), and the whole plan only one or two more, where strength days
// and other days alternate.
//
// # Rest for the same muscles
//
// Strength and core work loads the muscle groups its exercise lists
// (Exercise.Muscles, from MuscleGroups). Work for one group keeps to one
// set of training days with no two consecutive on the calendar, across
// the end of the week too: 2 to 4 days a week. With five to seven days the
// sets alternate, strength work on one and core work on the other, and
// mobility every day.
//
// # Session length
//
// Options.Minutes is a budget, not a promise. A longer budget brings more
// exercises (up to MaxExercises), the longer warm-up from 30 minutes, and
// from 30 minutes a climb past the catalogue's top dose within the
// clinical ranges (strength and core to 3 sets, stretches to 4 holds of up
// to 30 s, timed movements to 3 sets). No session is planned over the
// budget. Where the catalogue cannot fill it, Session.Minutes and
// Plan.LongestSession give the real length, which the workbook prints.
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
// fourth week. See progress.go for the ladder. A week whose doses are the
// top ones, as the week before, is Steady ("keep this level"); the last
// week and at least every ReviewEvery weeks ask for a Review with the
// clinician, and the week holding Settings.Review carries its Appointment.
//
// Dose.String is the one notation a patient reads without a key ("2 sets
// of 8", "5 holds of 10 s", "3 min", "each side"); a tick box is one set,
// and holds are always one set. Exercise.DoseText adds what a resistance
// level means for the exercise's equipment ("next band up").
//
// # Input
//
// Dates run from FirstDate (1900-01-01) to LastDate (2200-12-31); the zero
// Date means "not set". The patient's details must be UTF-8 text without
// control characters (notes may break lines) and at most 200 characters
// for the name, clinician and clinic, 300 for the contact and 1000 for the
// notes (Patient.Validate). Catalogues and plan files must be UTF-8, with
// no !!binary values and whole numbers where numbers are counted.
package plan
