package ingest

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// Encoding names as stored with each article.
const (
	EncUTF8    = "utf-8"
	EncUTF8BOM = "utf-8-bom"
	// EncUTF8Lossy is UTF-8 with a few invalid bytes, each replaced by
	// U+FFFD in the text (the original bytes are kept).
	EncUTF8Lossy  = "utf-8-lossy"
	EncUTF16LE    = "utf-16le"
	EncUTF16BE    = "utf-16be"
	EncWindows125 = "windows-1252"
	EncLatin1     = "iso-8859-1"
)

// Decode turns a file's bytes into clean UTF-8 text with "\n" line ends and
// names the encoding it found. It tries, in order: a byte-order mark (UTF-8,
// UTF-16 LE/BE), UTF-16 without a mark (recognised by its zero bytes), valid
// UTF-8, and finally Windows-1252, which is a superset of the printable
// Latin-1 range and what Western news archives of the 2000s used.
//
// A statistical detector (github.com/gogs/chardet is in the module graph)
// is not used: these rules are exact and cheap for the encodings plain news
// files come in, web pages in other encodings declare theirs (see
// decodeHTML), and anything else is reported as an error rather than
// guessed, since a wrong guess garbles a text without telling anyone.
//
// Errors (a *core.Error with code invalid) name the problem: an empty file, a
// binary file, or bytes that are neither UTF-8 nor plausible Windows-1252.
func Decode(data []byte) (text, enc string, err error) {
	if len(data) == 0 {
		return "", "", invalidf("empty file")
	}
	var dec *encoding.Decoder
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		data, enc = data[3:], EncUTF8BOM
		if !utf8.Valid(data) {
			return "", "", invalidf("invalid UTF-8 after a UTF-8 byte-order mark (at byte %d)", 3+invalidAt(data))
		}
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		dec, enc = unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder(), EncUTF16LE
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		dec, enc = unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder(), EncUTF16BE
	default:
		if e := utf16NoBOM(data); e != "" {
			order := unicode.LittleEndian
			if e == EncUTF16BE {
				order = unicode.BigEndian
			}
			dec, enc = unicode.UTF16(order, unicode.IgnoreBOM).NewDecoder(), e
			break
		}
		if i := bytes.IndexByte(data, 0); i >= 0 {
			// Like git: a zero byte near the start means binary. A few
			// further down are damage in a text file, as in some saved
			// web pages, and become U+FFFD.
			if i < 8000 || bytes.Count(data, []byte{0})*1000 > len(data) {
				return "", "", invalidf("binary file (a zero byte at byte %d)", i)
			}
			data = bytes.ReplaceAll(data, []byte{0}, []byte("\uFFFD"))
		}
		if utf8.Valid(data) {
			enc = EncUTF8
			break
		}
		if mostlyUTF8(data) {
			data, enc = []byte(strings.ToValidUTF8(string(data), "\uFFFD")), EncUTF8Lossy
			break
		}
		if err := plausible1252(data); err != nil {
			return "", "", err
		}
		dec, enc = charmap.Windows1252.NewDecoder(), EncLatin1
		for _, b := range data {
			if b >= 0x80 && b <= 0x9F {
				enc = EncWindows125
				break
			}
		}
	}
	if dec != nil {
		out, err := dec.Bytes(data)
		if err != nil {
			return "", "", invalidf("cannot decode %s: %v", enc, err)
		}
		data = out
	}
	text = normaliseNewlines(string(data))
	if err := checkControls(text); err != nil {
		return "", "", err
	}
	if strings.TrimSpace(text) == "" {
		return "", "", invalidf("file has no text (only white space)")
	}
	return text, enc, nil
}

func invalidAt(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(b)
}

// mostlyUTF8 says whether invalid bytes are stray damage in UTF-8 text (a
// truncated character, one pasted Latin-1 word) rather than the text's
// encoding: reading such a file as Windows-1252 would garble every one of
// its valid characters.
func mostlyUTF8(b []byte) bool {
	var multi, bad int
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		switch {
		case r == utf8.RuneError && n <= 1:
			bad++
		case n > 1:
			multi++
		}
		i += n
	}
	return multi > 0 && bad*4 <= multi
}

// utf16NoBOM recognises UTF-16 saved without a byte-order mark: text in
// Latin scripts then has a zero in every other byte. Requiring most pairs to
// have their zero on the same side keeps binary files out.
func utf16NoBOM(data []byte) string {
	n := len(data)
	if n > 4096 {
		n = 4096
	}
	n &^= 1
	if n < 4 {
		return ""
	}
	var even, odd int
	for i := 0; i < n; i += 2 {
		if data[i] == 0 && data[i+1] != 0 {
			even++
		}
		if data[i+1] == 0 && data[i] != 0 {
			odd++
		}
	}
	pairs := n / 2
	switch {
	case odd*10 >= pairs*7 && even == 0:
		return EncUTF16LE
	case even*10 >= pairs*7 && odd == 0:
		return EncUTF16BE
	}
	return ""
}

// plausible1252 says whether bytes that are not UTF-8 look like Western
// European text in Windows-1252. Bytes 0x81, 0x8D, 0x8F, 0x90 and 0x9D are
// unassigned there; and in real Latin-script text accented letters are a
// minority that rarely come in runs, whereas Asian multi-byte encodings and
// random bytes are mostly runs of high bytes. A handful of high bytes is
// always accepted: too little to judge.
func plausible1252(data []byte) error {
	var high, paired, letters int
	for i, b := range data {
		switch b {
		case 0x81, 0x8D, 0x8F, 0x90, 0x9D:
			return invalidf("not valid UTF-8 (byte %d) and not Windows-1252 text either (byte 0x%02X is unassigned there)", invalidAt(data), b)
		}
		if b >= 0x80 {
			high++
			if i > 0 && data[i-1] >= 0x80 {
				paired++
			}
		} else if b > ' ' {
			letters++
		}
	}
	if high >= 8 && (high*10 > (high+letters)*3 || paired*2 > high) {
		return invalidf("not valid UTF-8 (byte %d) and too many non-ASCII bytes for Windows-1252 text: perhaps another encoding", invalidAt(data))
	}
	return nil
}

func normaliseNewlines(s string) string {
	if !strings.Contains(s, "\r") {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}

// checkControls rejects binary data that got past the zero-byte test (or was
// UTF-16 decoded): text has few control characters besides tab, newline and
// form feed.
func checkControls(s string) error {
	var ctl, total int
	for _, r := range s {
		total++
		if (r < 0x20 && r != '\t' && r != '\n' && r != '\f' && r != '\v') || r == 0x7F || (r >= 0x80 && r <= 0x9F) || r == utf8.RuneError {
			ctl++
		}
	}
	if ctl > 0 && ctl*20 > total {
		return invalidf("binary file (%d%% control characters)", ctl*100/total)
	}
	return nil
}
