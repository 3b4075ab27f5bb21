package ingest

import "sort"

// sortedKeys gives map keys in a fixed order so that which of two alias
// fields wins does not depend on map iteration.
func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
