package plan

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// The YAML side of catalogues and plan files: strict decoding, errors in
// words a clinician reads, and the line of a field.

// decodeStrict decodes YAML rejecting unknown fields and trailing documents.
func decodeStrict(data []byte, v any) error {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(v); err != nil {
		if errors.Is(err, io.EOF) {
			return errors.New("the file is empty")
		}
		return err
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); !errors.Is(err, io.EOF) {
		return errors.New("more than one YAML document; keep one")
	}
	return nil
}

var (
	yamlLine  = regexp.MustCompile(`(?s)^(?:yaml: )?line (\d+): (.*)$`)
	notFound  = regexp.MustCompile(`(?s)^field (.*) not found in type \S+$`)
	unmarshal = regexp.MustCompile(`(?s)cannot unmarshal (.*) into (\S+)$`)
)

// goTypeWords names the Go types yaml.v3 mentions in words a clinician reads.
var goTypeWords = map[string]string{
	"int": "a whole number", "float64": "a number", "bool": "true or false", "string": "text",
	"[]string": "a list", "plan.catalogFile": "a mapping with an \"exercises:\" list (and \"prescriptions:\" and \"presets:\" lists)",
	"[]plan.Preset": "a list of presets", "plan.Preset": "a preset (a mapping with name, description, reason and options)",
	"plan.PresetOptions":  "a mapping of options, such as focus: posture",
	"[]plan.Prescription": "a list of prescriptions", "plan.Prescription": "a prescription (a mapping with focus and roles)",
	"[]plan.RoleUse": "a list of roles", "plan.RoleUse": "a role (a mapping with role, priority, days and candidates)",
	"[]plan.Exercise": "a list of exercises", "plan.Exercise": "an exercise (a mapping)",
	"plan.Dose": "a dose such as {reps: 8}", "plan.DoseRange": "a mapping with start and top",
	"plan.Plan": "a saved plan (a mapping)",
}

// yamlError turns a yaml.v3 error into an Error of the given kind that
// reads "name:line: message".
func yamlError(kind ErrorKind, name string, err error) error {
	var te *yaml.TypeError
	var msgs []string
	if errors.As(err, &te) {
		msgs = te.Errors
	} else {
		msgs = []string{err.Error()}
	}
	// Report the first problem; one fix at a time is easier to follow.
	m := msgs[0]
	line := 0
	if sm := yamlLine.FindStringSubmatch(m); sm != nil {
		line, _ = strconv.Atoi(sm[1])
		m = sm[2]
	}
	if sm := notFound.FindStringSubmatch(m); sm != nil {
		// The field is the user's text: quoted, so that no word of it
		// reads as the message's own (a key may hold spaces or quotes).
		m = fmt.Sprintf("unknown field %q", sm[1])
	}
	if sm := unmarshal.FindStringSubmatch(m); sm != nil {
		want, ok := goTypeWords[sm[2]]
		if !ok {
			want = "another kind of value"
		}
		m = fmt.Sprintf("expected %s, got %s", want, sm[1])
	}
	m = strings.TrimPrefix(m, "yaml: ")
	m = strings.ReplaceAll(m, "!!str", "text")
	m = strings.ReplaceAll(m, "!!int", "a number")
	m = strings.ReplaceAll(m, "!!seq", "a list")
	m = strings.ReplaceAll(m, "!!map", "a mapping")
	m = strings.ReplaceAll(m, "!!bool", "true or false")
	m = strings.ReplaceAll(m, "!!float", "a number")
	m = strings.ReplaceAll(m, "!!null", "nothing")
	m = strings.ReplaceAll(m, "\r", `\r`)
	m = strings.ReplaceAll(m, "\n", `\n`)
	return fileErr(kind, name, line, "%s", m)
}

// docNode returns the top node of a parsed document, or nil.
func docNode(root *yaml.Node) *yaml.Node {
	if root == nil || len(root.Content) == 0 {
		return nil
	}
	return root.Content[0]
}

// listItem returns item i of the top-level list key, or nil.
func listItem(root *yaml.Node, key string, i int) *yaml.Node {
	list := mapValue(docNode(root), key)
	if list == nil || list.Kind != yaml.SequenceNode || i >= len(list.Content) {
		return nil
	}
	return list.Content[i]
}

func mapValue(n *yaml.Node, key string) *yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

// fieldLine finds the line of a field below n by path ("dose", "top",
// "hold"; a number picks a list item). It returns the deepest line found.
func fieldLine(n *yaml.Node, path []string) int {
	line := 0
	for _, p := range path {
		if n == nil {
			break
		}
		switch n.Kind {
		case yaml.MappingNode:
			var next *yaml.Node
			for i := 0; i+1 < len(n.Content); i += 2 {
				if n.Content[i].Value == p {
					line = n.Content[i].Line
					next = n.Content[i+1]
				}
			}
			n = next
		case yaml.SequenceNode:
			k, err := strconv.Atoi(p)
			if err != nil || k < 0 || k >= len(n.Content) {
				return line
			}
			n = n.Content[k]
			line = n.Line
		default:
			return line
		}
	}
	return line
}
