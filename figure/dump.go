package figure

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
)

// Dump writes the pictures as text, one drawing command a line with two
// decimals, for golden tests and for reading:
//
//	picture start box 1.5 2 37 26.25
//	path w 0.32 ink 0 fill none 10.2 20 12.05 22.1
//	circle r 2.1 w 0 ink 0 fill 1 10 5
func Dump(w io.Writer, pics ...Picture) error {
	bw := bufio.NewWriter(w)
	for _, p := range pics {
		fmt.Fprintf(bw, "picture %s box %s %s %s %s\n", p.Name, f(p.Box.X), f(p.Box.Y), f(p.Box.W), f(p.Box.H))
		for _, s := range p.Shapes {
			fill := "none"
			if s.Fill != NoFill {
				fill = f(s.Fill)
			}
			switch s.Kind {
			case Circle:
				fmt.Fprintf(bw, "circle r %s w %s ink %s fill %s", f(s.Radius), f(s.Width), f(s.Stroke), fill)
			default:
				kind := "path"
				if s.Closed {
					kind = "polygon"
				}
				fmt.Fprintf(bw, "%s w %s ink %s fill %s", kind, f(s.Width), f(s.Stroke), fill)
			}
			for _, pt := range s.Points {
				fmt.Fprintf(bw, " %s %s", f(pt.X), f(pt.Y))
			}
			bw.WriteString("\n")
		}
	}
	return bw.Flush()
}

// f formats a number with at most two decimals and no trailing zeros.
func f(v float64) string {
	s := strconv.FormatFloat(v, 'f', 2, 64)
	for s[len(s)-1] == '0' {
		s = s[:len(s)-1]
	}
	if s[len(s)-1] == '.' {
		s = s[:len(s)-1]
	}
	if s == "-0" {
		return "0"
	}
	return s
}
