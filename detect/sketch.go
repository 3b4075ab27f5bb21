package detect

import (
	"encoding/binary"
	"fmt"
)

// Sketch is the part of an article's features that proposes candidates: its
// exact-duplicate hashes, its LSH band keys and its rarest story terms. It
// is a few hundred bytes against the features' several kilobytes, so a whole
// archive's sketches can be scanned or held in memory where its features
// cannot; the features are read only for the candidates a sketch proposes.
type Sketch struct {
	Exact [3]uint64 // same bytes, same text, same body
	// Bands are the signature's band keys; none for a text without shingles
	// (it is nobody's near-duplicate).
	Bands []uint64
	// Top are the article's StoryTerms rarest terms, sorted.
	Top []uint64
}

// SketchOf makes the sketch of features made with p.
func SketchOf(f *Features, p Params) Sketch {
	s := Sketch{Exact: [3]uint64{f.ByteHash, f.TextHash, f.BodyHash}, Top: topTerms(f.Terms, p.StoryTerms)}
	if len(f.Shingles) > 0 && p.Bands > 0 && len(f.MinHash) == p.Hashes {
		s.Bands = bandHashes(f.MinHash, p.Bands)
	}
	if len(s.Top) == 0 {
		s.Top = nil // as a decoded blob has it
	}
	return s
}

// SketchHash identifies the parameters a sketch depends on: those of the
// features, the banding and the number of story terms.
func (p Params) SketchHash() uint64 {
	return hashUint64s([]uint64{p.Hash(), uint64(p.Bands), uint64(p.StoryTerms), sketchVersion})
}

const sketchVersion = 1

// MarshalBinary encodes the sketch: version, the three hashes, then the
// bands and the terms, each as a count and fixed 8-byte values.
func (s Sketch) MarshalBinary() ([]byte, error) {
	b := make([]byte, 0, 1+24+2+8*(len(s.Bands)+len(s.Top)))
	b = append(b, sketchVersion)
	for _, v := range s.Exact {
		b = binary.LittleEndian.AppendUint64(b, v)
	}
	for _, vs := range [][]uint64{s.Bands, s.Top} {
		b = binary.AppendUvarint(b, uint64(len(vs)))
		for _, v := range vs {
			b = binary.LittleEndian.AppendUint64(b, v)
		}
	}
	return b, nil
}

// UnmarshalBinary decodes a blob made by MarshalBinary.
func (s *Sketch) UnmarshalBinary(data []byte) error {
	if len(data) == 0 {
		return errShort
	}
	if data[0] != sketchVersion {
		return fmt.Errorf("detect: sketch blob version %d, want %d", data[0], sketchVersion)
	}
	r := &reader{b: data[1:]}
	var g Sketch
	for i := range g.Exact {
		g.Exact[i] = r.u64()
	}
	for _, dst := range []*[]uint64{&g.Bands, &g.Top} {
		if n := r.count(8); n > 0 {
			vs := make([]uint64, n)
			for i := range vs {
				vs[i] = r.u64()
			}
			*dst = vs
		}
	}
	if r.err != nil {
		return r.err
	}
	if len(r.b) != 0 {
		return fmt.Errorf("detect: sketch blob has %d trailing bytes", len(r.b))
	}
	*s = g
	return nil
}
