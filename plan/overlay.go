package plan

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"

	"github.com/backplan/backplan/internal/words"
)

// An overlay is a catalogue's patient-facing words in another language,
// kept in a file of its own (exercises.es.yaml beside exercises.yaml) and
// keyed by exercise id:
//
//	lang: es
//	exercises:
//	  walking:
//	    name: {from: 3f1c0a9e52b7, text: Caminar}
//	    steps:
//	      from: 9d2e47a1c0b3
//	      text:
//	        - Póngase un calzado cómodo que no resbale.
//	roles:
//	  warm-up: {from: 1b6f0c2d9a84, text: calentamiento}
//
// Every exercise carries every patient-facing field its English has, and
// no other; a list has as many items as the English one. from is the
// TextHash of the English the text was translated from: when the English
// changes, the overlay no longer loads until a translator re-translates
// the field and sets from to the new hash (the error shows both, and the
// English). roles names, in the language, each role of the catalogue's
// prescriptions (RoleName).

// overlayFields are the patient-facing fields of an exercise, in the order
// an overlay lists them; the list fields are the ones whose text is a list.
var (
	overlayFields = []string{"name", "purpose", "start", "needs", "steps", "cues", "cautions", "easier", "harder"}
	overlayLists  = []string{"needs", "steps", "cues", "cautions"}
	langPattern   = regexp.MustCompile(`^[a-z]{2,3}$`)
	overlayName   = regexp.MustCompile(`\.([a-z]{2,3})\.ya?ml$`) // a file named X.es.yaml holds lang es
)

// English is the language of every catalogue's own text.
const English = "en"

// overlay is one language's words for a catalogue.
type overlay struct {
	lang      string
	name      string                         // the file it was loaded from, for errors
	lines     map[string]int                 // each exercise's line in the file
	exercises map[string]map[string][]string // id → field → text (one item for a plain field)
	roles     map[string]string
}

// TextHash is the hash an overlay records of the English it translates:
// the first 12 hex digits of the SHA-256 of the text, a list's items
// joined by newlines.
func TextHash(text ...string) string {
	sum := sha256.Sum256([]byte(strings.Join(text, "\n")))
	return hex.EncodeToString(sum[:6])
}

// englishField returns the English of an exercise's patient-facing field,
// as a list (one item for a plain field; none when the field is empty).
func englishField(e *Exercise, field string) []string {
	var s string
	switch field {
	case "name":
		s = e.Name
	case "purpose":
		s = e.Purpose
	case "start":
		s = e.Start
	case "easier":
		s = e.Easier
	case "harder":
		s = e.Harder
	case "needs":
		return e.Needs
	case "steps":
		return e.Steps
	case "cues":
		return e.Cues
	case "cautions":
		return e.Cautions
	}
	if s == "" {
		return nil
	}
	return []string{s}
}

// setField sets an exercise's patient-facing field to text.
func setField(e *Exercise, field string, text []string) {
	switch field {
	case "name":
		e.Name = text[0]
	case "purpose":
		e.Purpose = text[0]
	case "start":
		e.Start = text[0]
	case "easier":
		e.Easier = text[0]
	case "harder":
		e.Harder = text[0]
	case "needs":
		e.Needs = slices.Clone(text)
	case "steps":
		e.Steps = slices.Clone(text)
	case "cues":
		e.Cues = slices.Clone(text)
	case "cautions":
		e.Cautions = slices.Clone(text)
	}
}

// roleNames lists the roles of the catalogue's prescriptions, each once,
// in the order they first appear.
func (c *Catalog) roleNames() []string {
	var out []string
	for _, p := range c.Prescriptions {
		for _, r := range p.Roles {
			if !slices.Contains(out, r.Role) {
				out = append(out, r.Role)
			}
		}
	}
	return out
}

// LoadOverlay reads an overlay (see above) for the catalogue and keeps it
// for Localized. name is used in errors, which read "name:line: what is
// wrong"; a name such as "exercises.es.yaml" must agree with the file's
// lang. It is checked as strictly as a catalogue: an exercise or field
// missing or extra, a list of another length than the English, a stale
// from hash or an unknown key is refused. A second overlay for a language
// replaces the first. The translated catalogue's Line points into the
// overlay.
func (c *Catalog) LoadOverlay(name string, data []byte) error {
	if c.english != nil {
		return fileErr(CatalogProblem, name, 0, "an overlay goes on the English catalogue, not a translated one")
	}
	o, err := parseOverlay(c, name, data)
	if err != nil {
		return err
	}
	c.keepOverlay(o.lang, func() (*overlay, error) { return o, nil })
	return nil
}

// AddOverlay keeps an overlay for the language its name gives (X.es.yaml
// is es) and reads it, as LoadOverlay does, only when Localized first asks
// for that language: an English workbook does not pay for it, and a
// translation gone stale refuses its own language with LoadOverlay's
// error while English still prints. It is safe for Localized to be called
// from several goroutines at once.
func (c *Catalog) AddOverlay(name string, data []byte) error {
	sm := overlayName.FindStringSubmatch(name)
	switch {
	case c.english != nil:
		return fileErr(CatalogProblem, name, 0, "an overlay goes on the English catalogue, not a translated one")
	case sm == nil || sm[1] == English:
		return fileErr(CatalogProblem, name, 0, "the file's name must end in a language's code and .yaml, such as .es.yaml")
	}
	c.keepOverlay(sm[1], sync.OnceValues(func() (*overlay, error) { return parseOverlay(c, name, data) }))
	return nil
}

func (c *Catalog) keepOverlay(lang string, load func() (*overlay, error)) {
	if c.overlays == nil {
		c.overlays = make(map[string]func() (*overlay, error))
	}
	c.overlays[lang] = load
}

// Languages lists the languages the catalogue can be printed in: English,
// then those of its overlays, sorted.
func (c *Catalog) Languages() []string {
	if c.english != nil {
		c = c.english
	}
	langs := []string{English}
	for l := range c.overlays {
		langs = append(langs, l)
	}
	slices.Sort(langs[1:])
	return langs
}

// Lang is the language of the catalogue's patient-facing words.
func (c *Catalog) Lang() string {
	if c.lang == "" {
		return English
	}
	return c.lang
}

// Localized returns the catalogue with its patient-facing words in lang:
// c's English catalogue for "en", a translated copy for a language it has
// an overlay for. Ids, doses, pictures and prescriptions are the same.
// A language it has no overlay for is an OptionProblem about "lang".
func (c *Catalog) Localized(lang string) (*Catalog, error) {
	en := c
	if c.english != nil {
		en = c.english
	}
	if lang == English {
		return en, nil
	}
	load, ok := en.overlays[lang]
	if !ok {
		return nil, optErr("lang", "lang %q: the catalogue has no words in that language (choose %s)", lang, words.Or(en.Languages()))
	}
	o, err := load()
	if err != nil {
		return nil, err
	}
	out := *en
	out.Exercises = slices.Clone(en.Exercises)
	for i := range out.Exercises {
		e := &out.Exercises[i]
		for field, text := range o.exercises[e.ID] {
			setField(e, field, text)
		}
	}
	out.lang, out.english, out.roles = lang, en, o.roles
	out.name, out.lines = o.name, func() map[string]int { return o.lines }
	return &out, nil
}

// RoleName is a role of the catalogue's prescriptions in the catalogue's
// language: "horizontal pull" in English.
func (c *Catalog) RoleName(role string) string {
	if s, ok := c.roles[role]; ok {
		return s
	}
	return strings.ReplaceAll(role, "-", " ")
}

// parseOverlay reads and checks an overlay for c.
func parseOverlay(c *Catalog, name string, data []byte) (*overlay, error) {
	if err := checkEncoding(CatalogProblem, name, data); err != nil {
		return nil, err
	}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, yamlError(CatalogProblem, name, err)
	}
	p := &overlayParser{c: c, name: name}
	top := docNode(&root)
	if top == nil || top.Kind != yaml.MappingNode {
		return nil, p.errf(top, "expected a mapping with lang, exercises and roles")
	}
	if err := p.keys(top, "", []string{"lang", "exercises", "roles"}); err != nil {
		return nil, err
	}
	o := &overlay{name: name, lines: make(map[string]int), exercises: make(map[string]map[string][]string), roles: make(map[string]string)}
	lang := mapValue(top, "lang")
	switch {
	case lang == nil:
		return nil, p.errf(top, "missing lang (the language's code, such as es)")
	case lang.Kind != yaml.ScalarNode || !langPattern.MatchString(lang.Value):
		return nil, p.errf(lang, "lang must be a language's two- or three-letter code in lower case, such as es")
	case lang.Value == English:
		return nil, p.errf(lang, "lang en is the catalogue's own language; an overlay is for another")
	}
	if sm := overlayName.FindStringSubmatch(name); sm != nil && sm[1] != lang.Value {
		return nil, p.errf(lang, "lang is %s, but the file's name says %s; make them agree", lang.Value, sm[1])
	}
	o.lang = lang.Value
	if err := p.exercises(o, top); err != nil {
		return nil, err
	}
	if err := p.roles(o, top); err != nil {
		return nil, err
	}
	return o, nil
}

// overlayParser checks an overlay's node tree against its catalogue.
type overlayParser struct {
	c    *Catalog
	name string
}

func (p *overlayParser) errf(n *yaml.Node, format string, args ...any) error {
	line := 0
	if n != nil {
		line = n.Line
	}
	return fileErr(CatalogProblem, p.name, line, format, args...)
}

// keys checks that mapping n holds no key twice and none outside allowed.
// at begins a message about it ("exercise \"walking\": ").
func (p *overlayParser) keys(n *yaml.Node, at string, allowed []string) error {
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		if k.Kind != yaml.ScalarNode {
			return p.errf(k, "%sexpected a name before the colon", at)
		}
		if seen[k.Value] {
			return p.errf(k, "%s%q is given twice; keep one", at, k.Value)
		}
		seen[k.Value] = true
		if allowed != nil && !slices.Contains(allowed, k.Value) {
			return p.errf(k, "%sunknown field %q (choose %s)", at, k.Value, words.Or(allowed))
		}
	}
	return nil
}

// exercises reads the overlay's exercises: every one of the catalogue,
// no other.
func (p *overlayParser) exercises(o *overlay, top *yaml.Node) error {
	list := mapValue(top, "exercises")
	if list == nil || list.Kind != yaml.MappingNode {
		return p.errf(orNode(list, top), "expected exercises: a mapping from each exercise id to its words")
	}
	if err := p.keys(list, "", nil); err != nil {
		return err
	}
	for i := 0; i+1 < len(list.Content); i += 2 {
		id := list.Content[i].Value
		e, ok := p.c.Lookup(id)
		if !ok {
			return p.errf(list.Content[i], "exercise %q is not in the catalogue; remove it", id)
		}
		fields, err := p.exercise(&e, list.Content[i+1])
		if err != nil {
			return err
		}
		o.exercises[id] = fields
		o.lines[id] = list.Content[i].Line
	}
	for _, id := range p.c.IDs() {
		if _, ok := o.exercises[id]; !ok {
			return p.errf(list, "exercise %q has no words here; add it", id)
		}
	}
	return nil
}

// exercise reads one exercise's fields, n, against its English e.
func (p *overlayParser) exercise(e *Exercise, n *yaml.Node) (map[string][]string, error) {
	at := fmt.Sprintf("exercise %q: ", e.ID)
	if n.Kind != yaml.MappingNode {
		return nil, p.errf(n, "%sexpected a mapping from each field to its words", at)
	}
	if err := p.keys(n, at, overlayFields); err != nil {
		return nil, err
	}
	fields := make(map[string][]string)
	for _, f := range overlayFields {
		en := englishField(e, f)
		v := mapValue(n, f)
		switch {
		case v == nil && len(en) > 0:
			return nil, p.errf(n, "%smissing %s; translate %s and give from: %s", at, f, quoteEnglish(en), TextHash(en...))
		case v == nil:
			continue
		case len(en) == 0:
			return nil, p.errf(keyNode(n, f), "%s%s: the English has none; remove it", at, f)
		}
		text, err := p.field(v, at+f+": ", en, slices.Contains(overlayLists, f))
		if err != nil {
			return nil, err
		}
		fields[f] = text
	}
	return fields, nil
}

// field reads one translated field, v, a mapping of from and text,
// against its English en.
func (p *overlayParser) field(v *yaml.Node, at string, en []string, list bool) ([]string, error) {
	if v.Kind != yaml.MappingNode {
		return nil, p.errf(v, "%sexpected a mapping with from (the English's hash) and text", at)
	}
	if err := p.keys(v, at, []string{"from", "text"}); err != nil {
		return nil, err
	}
	from, text := mapValue(v, "from"), mapValue(v, "text")
	want := TextHash(en...)
	switch {
	case from == nil || from.Kind != yaml.ScalarNode || from.Value == "":
		return nil, p.errf(orNode(from, v), "%sfrom must be the hash of the English translated, %s", at, want)
	case from.Value != want:
		return nil, p.errf(from, "%sthe English has changed since it was translated (from: %s, now %s); re-translate %s and set from: %s",
			at, from.Value, want, quoteEnglish(en), want)
	case text == nil:
		return nil, p.errf(v, "%smissing text", at)
	}
	items, err := p.text(text, at, list)
	if err != nil {
		return nil, err
	}
	if len(items) != len(en) {
		return nil, p.errf(text, "%s%d items, but the English has %d; translate each item as one", at, len(items), len(en))
	}
	return items, nil
}

// text reads a field's text: a list of text for a list field, else text.
func (p *overlayParser) text(n *yaml.Node, at string, list bool) ([]string, error) {
	nodes := []*yaml.Node{n}
	if list {
		if n.Kind != yaml.SequenceNode {
			return nil, p.errf(n, "%sexpected a list, as in the English", at)
		}
		nodes = n.Content
	}
	var out []string
	for i, item := range nodes {
		where := at
		if list {
			where = fmt.Sprintf("%sitem %d: ", at, i+1)
		}
		if item.Kind != yaml.ScalarNode || item.Tag == "!!null" {
			return nil, p.errf(item, "%sexpected text", where)
		}
		if strings.TrimSpace(item.Value) == "" {
			return nil, p.errf(item, "%sthe text is empty", where)
		}
		if err := checkText(item.Value, 0, false); err != nil {
			return nil, p.errf(item, "%s%v", where, err)
		}
		out = append(out, item.Value)
	}
	return out, nil
}

// roles reads the overlay's role names: one for every role of the
// catalogue's prescriptions, no other.
func (p *overlayParser) roles(o *overlay, top *yaml.Node) error {
	want := p.c.roleNames()
	n := mapValue(top, "roles")
	if n == nil && len(want) == 0 {
		return nil
	}
	if n == nil || n.Kind != yaml.MappingNode {
		return p.errf(orNode(n, top), "expected roles: a mapping from each role of the prescriptions to its words")
	}
	if err := p.keys(n, "", nil); err != nil {
		return err
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		role := n.Content[i].Value
		if !slices.Contains(want, role) {
			return p.errf(n.Content[i], "role %q is not in the prescriptions; remove it", role)
		}
		text, err := p.field(n.Content[i+1], fmt.Sprintf("role %q: ", role), []string{strings.ReplaceAll(role, "-", " ")}, false)
		if err != nil {
			return err
		}
		o.roles[role] = text[0]
	}
	for _, r := range want {
		if _, ok := o.roles[r]; !ok {
			return p.errf(n, "role %q has no words here; add it", r)
		}
	}
	return nil
}

// quoteEnglish quotes English text for a message, a list's items joined
// by " / ".
func quoteEnglish(en []string) string {
	return fmt.Sprintf("%q", strings.Join(en, " / "))
}

// orNode returns n, or else when n is nil.
func orNode(n, or *yaml.Node) *yaml.Node {
	if n == nil {
		return or
	}
	return n
}

// keyNode returns the key node of field f in mapping n, or n.
func keyNode(n *yaml.Node, f string) *yaml.Node {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == f {
			return n.Content[i]
		}
	}
	return n
}
