package evidence

import (
	"encoding/binary"
	"errors"
	"math"
)

// codecVersion changes whenever the blob layout or what a profile holds
// changes, so that a stored profile made by older code is recomputed
// rather than misread, and whenever the scores made from profiles change
// enough that the stored links must be made again (7: the era, see
// estimate.go, and the title-frame evidence, see frame.go; 8: the names'
// phonetic keys, see han.go; 9: the title's event words, see
// Profile.Event; 10: a name's first word opening a sentence is no event
// word, see nameLeads, an event word is found only as itself, see
// sameWord, and the title frame passes over reworded words of what
// happened, see slot; 11: the words of what happened two items of one
// template share count as not found, see eventRule).
const codecVersion = 11

// MarshalBinary writes the profile as a compact blob: varints, keys of each
// sorted list as deltas.
func (p *Profile) MarshalBinary() ([]byte, error) {
	b := make([]byte, 0, 1024)
	b = append(b, codecVersion)
	b = appendString(b, p.Lang)
	b = binary.AppendVarint(b, int64(p.Day))
	b = binary.AppendVarint(b, int64(p.Bound))
	b = binary.AppendUvarint(b, uint64(len(p.Yearless)))
	for _, md := range p.Yearless {
		b = binary.AppendUvarint(b, uint64(md))
	}
	b = binary.AppendUvarint(b, uint64(uint16(p.Era)))
	for _, l := range p.lists() {
		b = appendItems(b, *l)
	}
	b = appendUint32s(b, p.Runs)
	b = appendItems(b, p.RunText)
	b = appendUint32s(b, p.Grams)
	b = appendUint32s(b, p.Words)
	b = appendItems(b, p.Sounds)
	b = binary.AppendUvarint(b, uint64(len(p.NameSounds)))
	for _, k := range p.NameSounds {
		b = binary.AppendUvarint(b, uint64(k))
	}
	return b, nil
}

// MarshalForQuick writes what UnmarshalForQuick reads, in MarshalBinary's
// format: the items' texts (but the title's and, in English, the lede's
// and the event words', which tell an event word's forms from other words
// of its stem: see sameWord) and the sample of word runs are left out. A
// profile sent only to be scored with Quick (the offers of
// storydiff-pipeline's link stage) is so about half the size, and decodes
// with UnmarshalForQuick to the profile the whole blob decodes to.
func (p *Profile) MarshalForQuick() ([]byte, error) {
	q := *p
	english := backgroundWeighs(p.Lang)
	for _, l := range q.lists() {
		if l != &q.Title && !(english && (l == &q.Lede || l == &q.Event)) {
			*l = withoutTexts(*l)
		}
	}
	q.RunText = nil
	q.Sounds = withoutTexts(q.Sounds)
	return q.MarshalBinary()
}

func withoutTexts(items []Item) []Item {
	if items == nil {
		return nil
	}
	out := make([]Item, len(items))
	for i, it := range items {
		out[i] = Item{Key: it.Key, W: it.W}
	}
	return out
}

func (p *Profile) lists() []*[]Item {
	return []*[]Item{&p.Names, &p.Places, &p.Numbers, &p.Dates, &p.Quotes, &p.Terms, &p.Title, &p.Lede, &p.Key, &p.Event}
}

// appendUint32s writes a sorted list as deltas.
func appendUint32s(b []byte, s []uint32) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	prev := uint32(0)
	for _, r := range s {
		b = binary.AppendUvarint(b, uint64(r-prev))
		prev = r
	}
	return b
}

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

func appendItems(b []byte, items []Item) []byte {
	b = binary.AppendUvarint(b, uint64(len(items)))
	prev := uint64(0)
	for _, it := range items {
		b = binary.AppendUvarint(b, it.Key-prev)
		prev = it.Key
		b = appendString(b, it.Text)
		b = binary.LittleEndian.AppendUint32(b, math.Float32bits(it.W))
	}
	return b
}

var errCorrupt = errors.New("evidence: corrupt profile")

// UnmarshalBinary reads a blob written by MarshalBinary. Any other input,
// truncated or not, gives an error, never a panic or a huge allocation.
func (p *Profile) UnmarshalBinary(data []byte) error { return p.unmarshal(data, false) }

// UnmarshalForQuick reads a profile as UnmarshalBinary does, but only what
// Quick reads: the items' texts (but the title's and, in English, the
// lede's and the event words') and the sample of word
// runs with their text are left out. A whole-archive linking holds every
// profile at once, and the texts were most of a profile's memory. Such a
// profile scores as the whole one with Quick, never with Score.
func (p *Profile) UnmarshalForQuick(data []byte) error { return p.unmarshal(data, true) }

func (p *Profile) unmarshal(data []byte, forQuick bool) error {
	r := &reader{b: data}
	if v := r.byte(); v != codecVersion {
		if r.err != nil {
			return r.err
		}
		return errors.New("evidence: profile of another version")
	}
	var q Profile
	q.Lang = r.string()
	day := r.varint()
	if day < math.MinInt32 || day > math.MaxInt32 {
		return errCorrupt
	}
	q.Day = int32(day)
	bound := r.varint()
	if bound < math.MinInt32 || bound > math.MaxInt32 {
		return errCorrupt
	}
	q.Bound = int32(bound)
	q.Yearless = r.monthDays()
	era := r.uvarint()
	if era != 0 && (era < 1900 || era > 2099) {
		return errCorrupt
	}
	q.Era = int16(era)
	english := backgroundWeighs(q.Lang)
	for _, l := range q.lists() {
		// Quick reads the title's texts (whether a word is a number) and,
		// in English, the lede's and the event words' (see sameWord).
		r.noText = forQuick && l != &q.Title && !(english && (l == &q.Lede || l == &q.Event))
		*l = r.items()
	}
	q.Runs = r.uint32s()
	r.noText = forQuick
	q.RunText = r.items()
	if forQuick {
		q.RunText = nil
	}
	q.Grams = r.uint32s()
	q.Words = r.uint32s()
	q.Sounds = r.items()
	if n := r.count(1); n > 0 {
		if n != len(q.Names) {
			return errCorrupt
		}
		q.NameSounds = make([]uint32, n)
		for i := range q.NameSounds {
			k := r.uvarint()
			if k > math.MaxUint32 {
				return errCorrupt
			}
			q.NameSounds[i] = uint32(k)
		}
	}
	if r.err != nil {
		return r.err
	}
	if len(r.b) != 0 {
		return errCorrupt
	}
	*p = q
	return nil
}

type reader struct {
	b   []byte
	err error
	// noText skips the items' texts rather than reading them.
	noText bool
}

func (r *reader) fail() {
	if r.err == nil {
		r.err = errCorrupt
	}
	r.b = nil
}

func (r *reader) byte() byte {
	if len(r.b) < 1 {
		r.fail()
		return 0
	}
	c := r.b[0]
	r.b = r.b[1:]
	return c
}

func (r *reader) uvarint() uint64 {
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.fail()
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *reader) varint() int64 {
	v, n := binary.Varint(r.b)
	if n <= 0 {
		r.fail()
		return 0
	}
	r.b = r.b[n:]
	return v
}

// count reads a length and checks that the rest of the input could hold
// that many elements of at least minSize bytes each.
func (r *reader) count(minSize int) int {
	n := r.uvarint()
	if n > uint64(len(r.b)/minSize) {
		r.fail()
		return 0
	}
	return int(n)
}

func (r *reader) uint32s() []uint32 {
	n := r.count(1)
	if n == 0 {
		return nil
	}
	out := make([]uint32, n)
	prev := uint64(0)
	for i := range out {
		prev += r.uvarint()
		if prev > math.MaxUint32 {
			r.fail()
			return nil
		}
		out[i] = uint32(prev)
	}
	return out
}

func (r *reader) string() string {
	n := r.count(1)
	if r.err != nil {
		return ""
	}
	s := string(r.b[:n])
	r.b = r.b[n:]
	return s
}

func (r *reader) skipString() {
	n := r.count(1)
	if r.err == nil {
		r.b = r.b[n:]
	}
}

func (r *reader) items() []Item {
	n := r.count(6)
	if n == 0 {
		return nil
	}
	out := make([]Item, n)
	prev := uint64(0)
	for i := range out {
		prev += r.uvarint()
		out[i].Key = prev
		if r.noText {
			r.skipString()
		} else {
			out[i].Text = r.string()
		}
		if len(r.b) < 4 {
			r.fail()
			return nil
		}
		w := math.Float32frombits(binary.LittleEndian.Uint32(r.b))
		r.b = r.b[4:]
		if math.IsNaN(float64(w)) || math.IsInf(float64(w), 0) {
			r.fail() // weights are always finite; a NaN would poison every score
			return nil
		}
		out[i].W = w
	}
	return out
}

// monthDays reads Profile.Yearless: each a month (1-12) and a day (1-31)
// as month<<5 | day.
func (r *reader) monthDays() []uint16 {
	n := r.count(1)
	if n == 0 {
		return nil
	}
	out := make([]uint16, n)
	for i := range out {
		v := r.uvarint()
		if m, d := v>>5, v&31; m < 1 || m > 12 || d < 1 {
			r.fail()
			return nil
		}
		out[i] = uint16(v)
	}
	return out
}
