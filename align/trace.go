package align

// Origin says where a sentence of a version first appeared in a story.
type Origin struct {
	Version  int `json:"version"`  // the earliest version holding it (its own when new)
	Sentence int `json:"sentence"` // its index in that version
	// Changed is set when it was reworded, split or merged on the way from
	// there (any link but Equal).
	Changed bool `json:"changed,omitempty"`
}

// Lineage is a story's versions aligned each with the one before.
type Lineage struct {
	// Steps[k] aligns version k (as A) with version k+1 (as B).
	Steps []Alignment `json:"steps"`
	// Origins[v][j] is where sentence j of version v first appeared.
	Origins [][]Origin `json:"origins"`
}

// Trace aligns each version with the one before (versions in date order)
// and follows every sentence back to the version it first appeared in, so
// that a story's report can say which outlet or update had it first. A
// sentence made of several earlier ones (merged) takes the earliest of
// their origins.
func Trace(versions []string, opts Options) Lineage {
	var lin Lineage
	for v, text := range versions {
		var r Alignment
		if v == 0 {
			r = Align("", text, opts) // only to segment it the same way
		} else {
			r = Align(versions[v-1], text, opts)
			lin.Steps = append(lin.Steps, r)
		}
		origins := make([]Origin, len(r.B))
		for j := range r.B {
			origins[j] = Origin{Version: v, Sentence: j}
			if v == 0 {
				continue
			}
			l := r.Links[r.LinkOfB[j]]
			if len(l.A) == 0 {
				continue
			}
			changed := l.Kind != Equal
			for k, i := range l.A {
				o := lin.Origins[v-1][i]
				changed = changed || o.Changed
				if k == 0 || earlier(o, origins[j]) {
					origins[j] = o
				}
			}
			origins[j].Changed = changed
		}
		lin.Origins = append(lin.Origins, origins)
	}
	return lin
}

func earlier(x, y Origin) bool {
	return x.Version < y.Version || (x.Version == y.Version && x.Sentence < y.Sentence)
}
