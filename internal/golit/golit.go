// Package golit writes a Go value as a Go expression, for the snapshots
// that go generate makes of data worked out at build time (the built-in
// catalogue, the catalogue's posed figures). What it writes compiles back
// to a value reflect.DeepEqual to the one written: zero struct fields are
// left out, a nil slice or map stays nil and an empty one empty, floats
// are written in the fewest digits that read back exactly, and map keys
// are sorted, so the same value always gives the same text.
package golit

import (
	"bytes"
	"fmt"
	"math"
	"reflect"
	"slices"
	"strconv"
)

// Writer writes values as the source of one package.
type Writer struct {
	// Home is the import path of the package the source is for: its
	// types are written by name alone.
	Home string
	// Qualify maps the import path of another package to the name its
	// types are written with (figure for .../figure).
	Qualify map[string]string
}

// Write writes v to b as a Go expression. Unexported fields are written
// too: the source is for the package that declares them. It panics on a
// kind it cannot write (a func, a chan, an interface) or a type of a
// package it was not told of: the snapshot's types are fixed at build
// time, and a generator should stop loudly.
func (w Writer) Write(b *bytes.Buffer, v reflect.Value) { w.write(b, v, false) }

// write writes v; with elide, as an element of a composite literal,
// whose type Go lets the source leave out.
func (w Writer) write(b *bytes.Buffer, v reflect.Value, elide bool) {
	switch v.Kind() {
	case reflect.String:
		b.WriteString(strconv.Quote(v.String()))
	case reflect.Bool:
		b.WriteString(strconv.FormatBool(v.Bool()))
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		b.WriteString(strconv.FormatInt(v.Int(), 10))
	case reflect.Float64:
		w.float(b, v)
	case reflect.Pointer:
		if v.IsNil() {
			b.WriteString("nil")
			return
		}
		switch v.Elem().Kind() {
		case reflect.Struct, reflect.Slice, reflect.Array, reflect.Map:
			if !elide {
				b.WriteString("&")
			}
			w.write(b, v.Elem(), elide)
		default:
			// No & of a constant: new(T(value)), which Go 1.26 allows.
			b.WriteString("new(" + w.Type(v.Elem().Type()) + "(")
			w.write(b, v.Elem(), false)
			b.WriteString("))")
		}
	case reflect.Slice, reflect.Array:
		w.list(b, v, elide)
	case reflect.Map:
		w.mapLiteral(b, v, elide)
	case reflect.Struct:
		w.structLiteral(b, v, elide)
	default:
		panic(fmt.Sprintf("golit: cannot write a %s", v.Type()))
	}
}

// NegZero is the name Write gives negative zero, which no constant can
// be: the source must declare it, as NegZeroDecl does.
const NegZero = "negZero"

// NegZeroDecl declares NegZero; its source must import math.
const NegZeroDecl = "// negZero is -0, which no constant can be.\nvar negZero = math.Copysign(0, -1)\n"

// float writes a float64 exactly. It panics on an infinity or NaN.
func (w Writer) float(b *bytes.Buffer, v reflect.Value) {
	f := v.Float()
	if math.IsInf(f, 0) || math.IsNaN(f) {
		panic(fmt.Sprintf("golit: cannot write %v", f))
	}
	s := strconv.FormatFloat(f, 'g', -1, 64)
	if f == 0 && math.Signbit(f) {
		s = NegZero
	}
	if t := v.Type(); t.Name() != "float64" || t.PkgPath() != "" {
		s = w.Type(t) + "(" + s + ")"
	}
	b.WriteString(s)
}

// list writes a slice or an array, on one line if its elements are
// numbers, strings or booleans.
func (w Writer) list(b *bytes.Buffer, v reflect.Value, elide bool) {
	if v.Kind() == reflect.Slice && v.IsNil() {
		b.WriteString("nil")
		return
	}
	if !elide {
		b.WriteString(w.Type(v.Type()))
	}
	b.WriteString("{")
	switch v.Type().Elem().Kind() {
	case reflect.Float64, reflect.Int, reflect.String, reflect.Bool:
		for i := range v.Len() {
			if i > 0 {
				b.WriteString(", ")
			}
			w.write(b, v.Index(i), true)
		}
		b.WriteString("}")
		return
	}
	for i := range v.Len() {
		b.WriteString("\n")
		w.write(b, v.Index(i), true)
		b.WriteString(",")
	}
	b.WriteString("\n}")
}

func (w Writer) mapLiteral(b *bytes.Buffer, v reflect.Value, elide bool) {
	if v.IsNil() {
		b.WriteString("nil")
		return
	}
	if !elide {
		b.WriteString(w.Type(v.Type()))
	}
	b.WriteString("{")
	keys := v.MapKeys()
	if v.Type().Key().Kind() != reflect.String {
		panic(fmt.Sprintf("golit: cannot order keys of %s", v.Type()))
	}
	slices.SortFunc(keys, func(x, y reflect.Value) int {
		switch {
		case x.String() < y.String():
			return -1
		case x.String() > y.String():
			return 1
		}
		return 0
	})
	for _, k := range keys {
		b.WriteString("\n")
		w.write(b, k, true)
		b.WriteString(": ")
		w.write(b, v.MapIndex(k), true)
		b.WriteString(",")
	}
	b.WriteString("\n}")
}

// structLiteral writes a struct's non-zero fields by name.
func (w Writer) structLiteral(b *bytes.Buffer, v reflect.Value, elide bool) {
	t := v.Type()
	if !elide {
		b.WriteString(w.Type(t))
	}
	b.WriteString("{")
	for i := range t.NumField() {
		f := t.Field(i)
		if v.Field(i).IsZero() {
			continue
		}
		if !f.IsExported() && t.PkgPath() != w.Home {
			panic(fmt.Sprintf("golit: %s.%s is unexported in another package", t, f.Name))
		}
		b.WriteString("\n" + f.Name + ": ")
		w.write(b, v.Field(i), false)
		b.WriteString(",")
	}
	b.WriteString("\n}")
}

// Type is t as the source of w.Home spells it.
func (w Writer) Type(t reflect.Type) string {
	if t.Name() != "" {
		switch p := t.PkgPath(); {
		case p == "" || p == w.Home:
			return t.Name()
		case w.Qualify[p] != "":
			return w.Qualify[p] + "." + t.Name()
		}
		panic(fmt.Sprintf("golit: type %s of a package it was not told of", t))
	}
	switch t.Kind() {
	case reflect.Slice:
		return "[]" + w.Type(t.Elem())
	case reflect.Array:
		return "[" + strconv.Itoa(t.Len()) + "]" + w.Type(t.Elem())
	case reflect.Map:
		return "map[" + w.Type(t.Key()) + "]" + w.Type(t.Elem())
	case reflect.Pointer:
		return "*" + w.Type(t.Elem())
	}
	panic(fmt.Sprintf("golit: cannot name %s", t))
}
