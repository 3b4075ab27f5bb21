package core

// Span is a range of code points (runes) in an article's stored text, End
// exclusive. Offsets are in code points, not bytes, so that Go, JSON and
// TypeScript agree on them.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len is the number of code points in the span.
func (s Span) Len() int { return s.End - s.Start }
