// Package plan is backplan's domain: the exercise catalogue and its
// prescriptions, the options a clinician chooses, and the planner that
// turns them into a week-by-week Plan.
//
// It knows nothing of PDF, flags, files or exit codes. It reads from an
// io.Reader, writes to an io.Writer and returns errors; it never prints,
// exits or reads the clock (the run date arrives in Options.Today). Every
// error is a *Error that states a fact and never names a flag.
//
// # Prescriptions
//
// A plan is built the way a clinician builds one: from the prescription
// of its focus (Catalog.Prescriptions, kept in the catalogue file beside
// the exercises, so that a clinic's catalogue brings its own). A
// prescription is an ordered list of roles (a warm-up, thoracic extension,
// thoracic rotation, a horizontal pull, shoulder-blade control, outward
// rotation, the deep neck flexors, chest opening, trunk endurance, a
// walk), each with a priority, the days a week it needs and its candidate
// exercises in order of preference. Each role takes the first candidate
// that suits the equipment, the floor choice and the level, is not
// excluded, and is not used by another role or by another variant of its
// family; one the clinician included comes first. Needed roles (priority
// 1) are filled first, then what the clinician included, then the other
// roles, lowest priority number first, while a session has room for them
// (MaxExercises). The list's order is the session's order; the walk ends
// it. A needed role that no candidate can fill refuses the plan, with a
// message that names the role and what the clinician could change.
//
// The built-in prescriptions promise the following, and a sweep of the
// options checks each promise (plan/sweep_test.go, plan/focus_test.go): the
// quick run reaches every value of every option, the full run every pair of
// values of any two options:
//
//   - balanced: the default, for a mixed picture. Upper-back extension in
//     every session, and a pull for the upper back and trunk work each on
//     two days a week or more; then thoracic rotation and shoulder-blade
//     work as sessions grow.
//   - mobility: for stiffness and long hours at a desk. Every session
//     straightens and turns the upper back, with at least one exercise
//     that moves the spine (its muscles list spine): on the floor when
//     floor work is allowed, seated or standing when it is not. Work for
//     the shoulder blades comes on two days a week or more, so that weeks
//     of "mobility" are never without strength work; then the chest is
//     opened, and chin tucks come in as sessions grow.
//   - posture: for a rounded upper back and forward shoulders. A chest
//     stretch every session, and shoulder-blade work (a row where the
//     equipment allows one, else wall angels or a lying raise) and
//     outward arm turns (with a band, a cable, a dumbbell lying on the
//     side, or none) on two days a week or more; then upper-back
//     extension and chin tucks. Inward turns never, since strengthening
//     them pulls rounded shoulders further forward.
//   - strength: for patients past the painful phase. A horizontal pull (a
//     row, or a band pull-apart or a lying T raise where no row suits the
//     equipment) in every session that has upper-back strength work, on
//     two days a week or more; from 20 minutes a second upper-back
//     strength exercise in those sessions; then outward arm turns (inward
//     ones only beside them), trunk work and stretches for the lighter
//     days. With neither equipment nor floor work no pull suits, and the
//     plan is refused.
//   - core: for backs that tire when standing or sitting long. Trunk
//     endurance work (a plank, or a plank against a wall without floor
//     work) on two days a week or more, a second trunk exercise from 20
//     minutes, the back's own muscles, and the spine kept moving.
//
// Whatever the focus: neck work (an exercise whose main muscles are the
// neck's) comes only in posture and mobility plans, or when included; an
// inward arm turn only in a session that has an outward one before it;
// every warm-up that has the patient stand on one foot names something to
// hold and draws it; and every exercise of the catalogue is chosen for
// some plan, but five that stand last in their roles (neck rolls, arm
// circles, the seated spinal twist and the inward arm turns), which come
// only when the clinician includes them.
//
// # Few things to learn
//
// Patients keep to short programmes far better than long ones. A plan
// teaches one warm-up pair (one cardio, one loosening movement); a long
// plan changes it at every fourth easier week (every 16 weeks), but not in
// its last 8 weeks. A session holds at most MaxExercises after the warm-up
// besides the walk (three up to 20 minutes, five from 40), and the whole
// plan only two more, where strength days and other days alternate. A
// week's page lists at most MaxWeekRows exercises, warm-up and walk
// included, so that it fits one page in large print: with the warm-up pair
// and a walk, that is five to learn besides. Only the clinician's includes
// may go past it. When a day with no strength work (the seventh of seven,
// or the middle one of three days in a row) cannot fill its time, the
// plan's last place goes to a stretch instead of strength or core work.
//
// # Rest for the same muscles
//
// Strength and core work loads the muscle groups its exercise lists
// (Exercise.Muscles, from MuscleGroups). Work for one group keeps to one
// set of training days with no two consecutive on the calendar, across
// the end of the week too. With five to seven days the sets alternate,
// strength work on one and core work on the other, and mobility every day.
//
// # Session length
//
// With the built-in catalogue, every session of every week takes between
// three quarters of Options.Minutes and all of it (its printed length, in
// whole minutes), for every value the option accepts: 10 to 45. What fills
// a session is what clinicians use: a brisk walk that ends it (3 to 20
// minutes, its own row and tick box), more sets or holds within the
// clinical ranges, more exercises up to the limit above, and exercises
// started a little higher up their ladders. The warm-up takes a quarter of
// the session, 2 to 10 minutes. Longer sessions cannot be filled honestly:
// five exercises at their clinical tops, ten minutes of warm-up and a
// twenty-minute walk stop short of three quarters of an hour more, so
// MaxSessionMinutes is 45. A clinic's catalogue that cannot fill a session
// gives a shorter one; Session.Minutes and Plan.LongestSession give the
// real length, which the workbook prints.
//
// # Dosing
//
// Doses follow common physiotherapy practice (ACSM guidance for novices):
// strength work 1–3 sets of 8–12 repetitions (10–15 for the rotator cuff
// and the shoulder blades' muscles) on non-consecutive days, stretches
// held 10–30 seconds two to four times, a 2–10 minute warm-up. Each
// exercise in the catalogue names its starting dose and its top dose; the
// planner climbs a step a week, adding repetitions first, then sets, then
// hold time, then one resistance step (a stronger band or a slightly
// heavier weight; a further step is the clinician's call at a review), and
// levels off at the top. It never takes two steps in one week. Plans of
// six weeks or more get an easier week every fourth week, which does about
// two thirds of the week before's repetitions or holds of its strength and
// core work, with the same band or weight, and repeats its stretches; the
// week after goes on from the week before the easier one. See progress.go
// for the ladder. A week whose doses are the top ones, as the week before,
// is Steady ("keep this level"); the last week and at least every
// ReviewEvery weeks ask for a Review with the clinician, and the week
// holding Settings.Review carries its Appointment.
//
// Dose.String is the one notation a patient reads without a key ("2 sets
// of 8", "5 holds of 10 s", "3 min", "each side"); a tick box is one set,
// and holds are always one set. Exercise.DoseText adds what a resistance
// level means for the exercise's equipment ("next band up").
//
// # Presets
//
// A preset (Catalog.Presets, kept in the catalogue file after the
// prescriptions) is a starting point for a common presentation: a name, a
// line on who it is for, a line on why, and the options it sets. The
// loader refuses an option it does not know, a value out of range and an
// exercise the catalogue lacks, naming the line. The planner does not
// apply a preset: a front end fills in its options where the clinician
// gave none (job.Options.WithPreset), and the plan records its name and
// the print it asked for (Settings.Preset, Settings.LargePrint) so that a
// plan file reprints the same workbook. The built-in presets promise, and
// job/preset_test.go checks for each from its own options:
//
//   - desk-worker: the posture plan, with the outward arm turn and an
//     upper-back extension (the stretch over a chair back).
//   - older-adult: no exercise done on the floor, in large print.
//   - flare-up: easy and short: beginner mobility work of at most 15
//     minutes a session, for at most 2 weeks.
//   - full-strength: a row, and resistance that climbs over the weeks.
//
// # The clinician's changes
//
// What the planner chose can be changed: Exclude takes an exercise out
// (its role goes to the next candidate that suits), Include puts one in,
// and both together swap one for another. Doses give an exercise the
// clinician's own start and top (ParseDoseChange reads "row-band=2 sets of
// 8 to 3 sets of 12"): it must be counted as the catalogue counts it (reps,
// holds, seconds), warm-ups and activities keep the dose the session's
// length sets, and the planner starts it at that start in week 1, climbs
// its ladder one rung an ordinary week towards that top, never past it
// (then, once there, one resistance step, as for any band or weight work), never moves either end to fill a
// session and never drops it to save time. Order puts the main exercises
// of every session in the order given, the ones it does not name after
// them; the warm-up still opens a session and the walk still ends it.
// Settings keep the changes, so a plan file holds every choice that made
// it.
//
// # Input
//
// Dates run from FirstDate (1900-01-01) to LastDate (2200-12-31); the zero
// Date means "not set". The patient's details must be UTF-8 text without
// control characters (notes may break lines) and at most 200 characters
// for the name, clinician and clinic, 300 for the contact and 1000 for the
// notes (Patient.Validate). Catalogues and plan files must be UTF-8, with
// no !!binary values and whole numbers where numbers are counted.
//
// # Languages
//
// A catalogue's own words are English. An overlay (Catalog.LoadOverlay,
// a file such as exercises.es.yaml) gives the patient-facing words of
// every exercise (name, purpose, start, needs, steps, cues, cautions,
// easier, harder) and every role in another language, and
// Catalog.Localized returns the catalogue in it: the same ids, doses,
// pictures and prescriptions, so the same options build the same plan in
// any language. AddOverlay defers reading a file until its language is
// first asked for, so that an English workbook does not pay for it and a
// stale translation refuses only its own language. Each translated field records the TextHash of the English
// it came from. The loader refuses an overlay with an exercise, role or
// field missing or extra, a list of another length than the English, a
// hash that no longer matches the English (the message names the field
// and gives the new English and hash), or an unknown key, each with its
// file and line. The built-in overlays are checked complete and fresh by
// plan/overlay_test.go, and their exercise pages checked to fit by
// render/translated_fit_test.go.
package plan
