package figure_test

import (
	"os"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/backplan/backplan/figure"
)

// posesData returns the picture of every exercise in the catalogue
// (../exercises.yaml) as one YAML mapping from exercise id to Spec.
func posesData() ([]byte, error) {
	data, err := os.ReadFile("../exercises.yaml")
	if err != nil {
		return nil, err
	}
	var cat struct {
		Exercises []struct {
			ID      string    `yaml:"id"`
			Picture yaml.Node `yaml:"picture"`
		} `yaml:"exercises"`
	}
	if err := yaml.Unmarshal(data, &cat); err != nil {
		return nil, err
	}
	m := &yaml.Node{Kind: yaml.MappingNode}
	for _, e := range cat.Exercises {
		if e.Picture.Kind == 0 {
			continue
		}
		pic := e.Picture
		m.Content = append(m.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: e.ID}, &pic)
	}
	return yaml.Marshal(m)
}

func loadPoses(t testing.TB) map[string]figure.Spec {
	t.Helper()
	data, err := posesData()
	if err != nil {
		t.Fatal(err)
	}
	var specs map[string]figure.Spec
	if err := yaml.Unmarshal(data, &specs); err != nil {
		t.Fatal(err)
	}
	return specs
}
