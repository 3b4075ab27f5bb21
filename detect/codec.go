package detect

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
)

// codecVersion is the first byte of every blob; bump it with the layout.
const codecVersion = 1

var errShort = errors.New("detect: features blob is truncated")

// MarshalBinary encodes the features compactly (varints, sorted sets stored
// as deltas) for the app to keep as a blob.
func (f *Features) MarshalBinary() ([]byte, error) {
	b := make([]byte, 0, 64+4*len(f.MinHash)+3*len(f.Shingles)+10*len(f.Terms)+10*len(f.Lede)+8*len(f.Sentences))
	b = append(b, codecVersion)
	for _, v := range []uint64{f.ParamsHash, f.ByteHash, f.TextHash, f.BodyHash, f.SimHash} {
		b = binary.LittleEndian.AppendUint64(b, v)
	}
	b = binary.AppendUvarint(b, uint64(f.Words))
	b = binary.AppendVarint(b, int64(f.Day))
	b = binary.AppendUvarint(b, uint64(len(f.MinHash)))
	for _, v := range f.MinHash {
		b = binary.LittleEndian.AppendUint32(b, v)
	}
	b = binary.AppendUvarint(b, uint64(len(f.Shingles)))
	prev := uint32(0)
	for _, v := range f.Shingles {
		b = binary.AppendUvarint(b, uint64(v-prev))
		prev = v
	}
	b = binary.AppendUvarint(b, uint64(len(f.Sentences)))
	for _, v := range f.Sentences {
		b = binary.LittleEndian.AppendUint64(b, v)
	}
	for _, ts := range [][]Term{f.Terms, f.Lede} {
		b = binary.AppendUvarint(b, uint64(len(ts)))
		for _, t := range ts {
			b = binary.LittleEndian.AppendUint64(b, t.Hash)
			b = binary.LittleEndian.AppendUint32(b, math.Float32bits(t.Weight))
		}
	}
	return b, nil
}

type reader struct {
	b   []byte
	err error
}

func (r *reader) u64() uint64 {
	if r.err != nil || len(r.b) < 8 {
		r.err = errShort
		return 0
	}
	v := binary.LittleEndian.Uint64(r.b)
	r.b = r.b[8:]
	return v
}

func (r *reader) u32() uint32 {
	if r.err != nil || len(r.b) < 4 {
		r.err = errShort
		return 0
	}
	v := binary.LittleEndian.Uint32(r.b)
	r.b = r.b[4:]
	return v
}

func (r *reader) uvarint() uint64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.err = errShort
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *reader) varint() int64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Varint(r.b)
	if n <= 0 {
		r.err = errShort
		return 0
	}
	r.b = r.b[n:]
	return v
}

// count reads a length and checks that the rest of the blob could hold it,
// so that a corrupt length cannot make us allocate gigabytes.
func (r *reader) count(minSize int) int {
	n := r.uvarint()
	if r.err == nil && n > uint64(len(r.b)/minSize) {
		r.err = errShort
		return 0
	}
	return int(n)
}

// UnmarshalBinary decodes a blob made by MarshalBinary.
func (f *Features) UnmarshalBinary(data []byte) error {
	if len(data) == 0 {
		return errShort
	}
	if data[0] != codecVersion {
		return fmt.Errorf("detect: features blob version %d, want %d", data[0], codecVersion)
	}
	r := &reader{b: data[1:]}
	var g Features
	g.ParamsHash, g.ByteHash, g.TextHash, g.BodyHash, g.SimHash = r.u64(), r.u64(), r.u64(), r.u64(), r.u64()
	g.Words = int(r.uvarint())
	g.Day = int32(r.varint())
	if n := r.count(4); n > 0 {
		g.MinHash = make([]uint32, n)
		for i := range g.MinHash {
			g.MinHash[i] = r.u32()
		}
	}
	if n := r.count(1); n > 0 {
		g.Shingles = make([]uint32, n)
		prev := uint32(0)
		for i := range g.Shingles {
			prev += uint32(r.uvarint())
			g.Shingles[i] = prev
		}
	}
	if n := r.count(8); n > 0 {
		g.Sentences = make([]uint64, n)
		for i := range g.Sentences {
			g.Sentences[i] = r.u64()
		}
	}
	for _, dst := range []*[]Term{&g.Terms, &g.Lede} {
		if n := r.count(12); n > 0 {
			ts := make([]Term, n)
			for i := range ts {
				ts[i] = Term{Hash: r.u64(), Weight: math.Float32frombits(r.u32())}
			}
			*dst = ts
		}
	}
	if r.err != nil {
		return r.err
	}
	if len(r.b) != 0 {
		return fmt.Errorf("detect: features blob has %d trailing bytes", len(r.b))
	}
	*f = g
	return nil
}
