package main

import (
	"fmt"
	"io"
	"sort"
	"strings"
)

// A section is one further part of the report, kept in a file of its own and
// registered from that file's init. Sections run after the built-in ones, in
// name order, so the report's layout does not depend on file order.
type section struct {
	name string
	// run writes the section's Markdown (starting with its "## " heading) to w
	// and one-line progress notes to log. A corpus it needs that is absent is
	// said in the section, not returned as an error.
	run func(w, log io.Writer) error
}

var sections []section

func register(name string, run func(w, log io.Writer) error) {
	sections = append(sections, section{name, run})
	sort.Slice(sections, func(i, j int) bool { return sections[i].name < sections[j].name })
}

func sectionNames() string {
	var names []string
	for _, s := range sections {
		names = append(names, s.name)
	}
	return strings.Join(names, ", ")
}

// runOnly runs the named sections alone and prints them, for working on one
// measure without the whole evaluation.
func runOnly(w io.Writer, names []string) error {
	for _, name := range names {
		found := false
		for _, s := range sections {
			if s.name == strings.TrimSpace(name) {
				found = true
				if err := s.run(w, io.Discard); err != nil {
					return fmt.Errorf("%s: %w", s.name, err)
				}
			}
		}
		if !found {
			return fmt.Errorf("no section %q (have: %s)", name, sectionNames())
		}
	}
	return nil
}
