package ingest_test

import (
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/storydiff/storydiff/core"
	"github.com/storydiff/storydiff/ingest"
)

// utf16Bytes encodes s as UTF-16 in the given byte order, with or without a
// byte-order mark, to make fixtures no editor has to produce.
func utf16Bytes(s string, bigEndian, bom bool) []byte {
	units := utf16.Encode([]rune(s))
	if bom {
		units = append([]uint16{0xFEFF}, units...)
	}
	out := make([]byte, 0, 2*len(units))
	for _, u := range units {
		if bigEndian {
			out = append(out, byte(u>>8), byte(u))
		} else {
			out = append(out, byte(u), byte(u>>8))
		}
	}
	return out
}

func TestDecode(t *testing.T) {
	const text = "Chelsea sack Mutu\n\nThe fee was £15.8m – “a record”.\n"
	tests := []struct {
		name     string
		in       []byte
		wantText string
		wantEnc  string
		wantErr  string // substring of the message; "" means success
	}{
		{name: "utf-8", in: []byte(text), wantText: text, wantEnc: ingest.EncUTF8},
		{name: "utf-8 with bom", in: append([]byte{0xEF, 0xBB, 0xBF}, text...), wantText: text, wantEnc: ingest.EncUTF8BOM},
		{name: "utf-16le with bom", in: utf16Bytes(text, false, true), wantText: text, wantEnc: ingest.EncUTF16LE},
		{name: "utf-16be with bom", in: utf16Bytes(text, true, true), wantText: text, wantEnc: ingest.EncUTF16BE},
		{name: "utf-16le without bom", in: utf16Bytes(text, false, false), wantText: text, wantEnc: ingest.EncUTF16LE},
		{name: "utf-16be without bom", in: utf16Bytes(text, true, false), wantText: text, wantEnc: ingest.EncUTF16BE},
		// 0xA3 is the pound sign in Latin-1, as in the BBC corpus's sport/199.txt.
		{name: "latin-1", in: []byte("The fee was \xa315.8m, said the caf\xe9 owner.\n"), wantText: "The fee was £15.8m, said the café owner.\n", wantEnc: ingest.EncLatin1},
		// 0x93/0x94/0x96 are curly quotes and an en dash only in Windows-1252.
		{name: "windows-1252", in: []byte("\x93Quote\x94 \x96 caf\xe9\n"), wantText: "“Quote” – café\n", wantEnc: ingest.EncWindows125},
		{name: "crlf line ends", in: []byte("a\r\nb\r\n"), wantText: "a\nb\n", wantEnc: ingest.EncUTF8},
		{name: "cr line ends", in: []byte("a\rb\r"), wantText: "a\nb\n", wantEnc: ingest.EncUTF8},
		{name: "utf-8 with a stray invalid byte", in: []byte("Zürich – München – Köln – Genève \xfc fin"), wantText: "Zürich – München – Köln – Genève \uFFFD fin", wantEnc: ingest.EncUTF8Lossy},
		{name: "a zero byte far into a text", in: []byte(strings.Repeat("text ", 2000) + "\x00 end"), wantText: strings.Repeat("text ", 2000) + "\uFFFD end", wantEnc: ingest.EncUTF8},
		{name: "empty", in: nil, wantErr: "empty file"},
		{name: "white space only", in: []byte(" \n\t\n"), wantErr: "no text"},
		{name: "zero byte", in: []byte("PK\x03\x04\x00\x00abc"), wantErr: "binary file"},
		{name: "control characters", in: []byte(strings.Repeat("\x01\x02\x03abc", 50)), wantErr: "binary file"},
		{name: "unassigned windows-1252 byte", in: []byte("abc \x81 def"), wantErr: "unassigned"},
		{name: "runs of high bytes", in: []byte("\x93\xfa\x8a\xd4\x82\xcc\x93\xfa\x96\x7b\x8c\xea\x82\xc5\x82\xb7 abc"), wantErr: "another encoding"},
		{name: "invalid utf-8 after bom", in: []byte("\xEF\xBB\xBFabc\xffdef"), wantErr: "invalid UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, enc, err := ingest.Decode(tt.in)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("Decode() error = %v, want one containing %q", err, tt.wantErr)
				}
				if code := core.ErrorCode(err); code != core.EINVALID {
					t.Errorf("error code = %q, want %q", code, core.EINVALID)
				}
				return
			}
			if err != nil {
				t.Fatalf("Decode() error = %v", err)
			}
			if got != tt.wantText {
				t.Errorf("text = %q, want %q", got, tt.wantText)
			}
			if enc != tt.wantEnc {
				t.Errorf("encoding = %q, want %q", enc, tt.wantEnc)
			}
		})
	}
}
