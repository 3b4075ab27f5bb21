package report

import (
	"encoding/binary"
	"fmt"
	"strings"
	"sync"

	"github.com/go-fonts/dejavu/dejavusans"
	"github.com/go-fonts/dejavu/dejavusansbold"
	"github.com/go-fonts/dejavu/dejavusansmono"
	"github.com/go-fonts/dejavu/dejavusansoblique"
)

// fpdf measures and encodes text through a table of 65,536 glyph widths:
// a character beyond the Basic Multilingual Plane (an emoji in a title)
// indexes past it and panics, and a character the font lacks is drawn as
// nothing. So PDF text keeps only the characters the embedded fonts draw,
// and shows every other one as its code point in brackets, "[U+1F389]":
// visible, the same everywhere, and enough to look the character up.

// glyphSet is the set of BMP characters a font maps to a glyph.
type glyphSet [1 << 16 / 64]uint64

func (g *glyphSet) has(r rune) bool {
	return r >= 0 && r < 1<<16 && g[r/64]&(1<<(r%64)) != 0
}

// pdfGlyphs are the characters every sans face of the report draws
// (regular, bold and oblique: one string may be set in any of them), and
// those the mono face draws.
var pdfGlyphs = sync.OnceValues(func() (*glyphSet, *glyphSet) {
	sans := mustGlyphs(dejavusans.TTF)
	for _, ttf := range [][]byte{dejavusansbold.TTF, dejavusansoblique.TTF} {
		other := mustGlyphs(ttf)
		for i := range sans {
			sans[i] &= other[i]
		}
	}
	return sans, mustGlyphs(dejavusansmono.TTF)
})

func mustGlyphs(ttf []byte) *glyphSet {
	g, err := cmapGlyphs(ttf)
	if err != nil {
		panic("report: embedded font: " + err.Error()) // the fonts are compiled in: a bug, not an input
	}
	return g
}

// cmapGlyphs reads a TrueType font's Unicode BMP character map (cmap
// subtable format 4, platform 3 encoding 1 or platform 0) and returns the
// characters it maps to a glyph other than the missing glyph.
func cmapGlyphs(ttf []byte) (*glyphSet, error) {
	u16 := func(off int) (int, bool) {
		if off < 0 || off+2 > len(ttf) {
			return 0, false
		}
		return int(binary.BigEndian.Uint16(ttf[off:])), true
	}
	u32 := func(off int) (int, bool) {
		if off < 0 || off+4 > len(ttf) {
			return 0, false
		}
		return int(binary.BigEndian.Uint32(ttf[off:])), true
	}
	bad := fmt.Errorf("no readable Unicode character map")
	numTables, ok := u16(4)
	if !ok {
		return nil, bad
	}
	cmap := -1
	for i := 0; i < numTables; i++ {
		rec := 12 + 16*i
		if rec+16 <= len(ttf) && string(ttf[rec:rec+4]) == "cmap" {
			cmap, _ = u32(rec + 8)
		}
	}
	if cmap < 0 {
		return nil, bad
	}
	n, _ := u16(cmap + 2)
	sub := -1
	for i := 0; i < n; i++ {
		rec := cmap + 4 + 8*i
		platform, _ := u16(rec)
		encoding, _ := u16(rec + 2)
		off, _ := u32(rec + 4)
		if format, _ := u16(cmap + off); format == 4 && (platform == 3 && encoding == 1 || platform == 0) {
			sub = cmap + off
		}
	}
	if sub < 0 {
		return nil, bad
	}
	segX2, ok := u16(sub + 6)
	if !ok {
		return nil, bad
	}
	ends, starts, deltas, ranges := sub+14, sub+16+segX2, sub+16+2*segX2, sub+16+3*segX2
	var g glyphSet
	for s := 0; s < segX2; s += 2 {
		end, ok1 := u16(ends + s)
		start, ok2 := u16(starts + s)
		delta, ok3 := u16(deltas + s)
		ro, ok4 := u16(ranges + s)
		if !(ok1 && ok2 && ok3 && ok4) {
			return nil, bad
		}
		for c := start; c <= end && c < 0xffff; c++ {
			glyph := 0
			if ro == 0 {
				glyph = (c + delta) & 0xffff
			} else if v, ok := u16(ranges + s + ro + 2*(c-start)); ok && v != 0 {
				glyph = (v + delta) & 0xffff
			}
			if glyph != 0 {
				g[c/64] |= 1 << (c % 64)
			}
		}
	}
	return &g, nil
}

// drawable replaces each character of s that glyphs lacks with its code
// point in brackets. Tabs, line breaks and other control characters are
// clean's business, so they pass.
func drawable(s string, glyphs *glyphSet) string {
	ok := func(r rune) bool { return r < 0x20 || glyphs.has(r) }
	if !strings.ContainsFunc(s, func(r rune) bool { return !ok(r) }) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	for _, r := range s {
		switch {
		case ok(r):
			b.WriteRune(r)
		default:
			fmt.Fprintf(&b, "[U+%04X]", r)
		}
	}
	return b.String()
}
