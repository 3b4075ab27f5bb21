// Package textnorm turns article text into the comparable units every other
// analysis shares: normalised strings, folded word tokens with rune offsets,
// variant keys for names spelt several ways, paragraphs and sentences.
//
// Every offset it returns is in Unicode code points (runes) of the text it
// was given, End exclusive, because that is how offsets cross the API
// boundary (Go, JSON and TypeScript agree on code points, not on bytes).
// Invalid UTF-8 counts one rune per bad byte, exactly as []rune(s) does.
package textnorm
