// Package quotes finds quoted speech in article text, with who said it,
// and groups the same quote printed by several articles.
//
// # Finding
//
// Find pairs quote marks in one pass over the text: "…", “…”, „…“, «…»,
// »…«, ‹…›, ‚…‘, ‘…’, '…', 「…」 and 『…』. Whether a symmetric mark opens or
// closes is read from its neighbours (an opening mark has white space or
// punctuation before it and a word after it); a mark between two letters is
// an apostrophe (don't, O'Brien, Kyiv’s) and a single mark before a digit
// an elision ('90s). Guillemets and German „ “ are paired by their shapes
// whatever the spacing, since French writes « texte ». Some sloppiness of
// scraped and machine-translated text is accepted: a second “ on the line
// of an open “ closes it (“…, “Haynes told). A quote left open at the end
// of a paragraph continues when the next paragraph opens with the same
// mark (English typography for long quotes); otherwise it runs to the end
// of its paragraph if it opened the paragraph or followed a colon, and is
// dropped if it opened mid-sentence (a stray mark). Quotes inside quotes
// stay part of the outer quote.
//
// Quotes of one or two words ("immediate ceasefire") are scare quotes and
// dropped unless attributed. The speaker is looked for, in this order, in
// the words right after the closing mark ("…,” Ryder said; "…", sagte
// Scholz; «…», — заявил Песков; "…", the agency quoted the ministry as
// saying), in the clause leading into the quote ("Ryder said: “…”",
// "Patrick Ryder, a Pentagon spokesman, said that Austin “…”"), in an
// "according to X" (según, selon, secondo, laut, по словам) anywhere in the
// sentence, and last from the previous quote of the same sentence ("…,” he
// said, adding, “…”). A quote ending in a full stop takes an attribution
// after it only when the next sentence is short ("Smith said."): a longer
// one is the next sentence ("A spokesman later said …"). An unattributed
// quote that follows an attributed one within ten words and at most one
// paragraph break ("…,” Ryder said. “We remain in contact.”) keeps its
// speaker. Word lists of speech verbs, titles, determiners and
// pronouns in English, German, Spanish, French, Italian and Russian drive
// it. In the phrase found, the run of capitalised words at its end that
// are not titles is the name, and the words before it the title (Pentagon
// spokesman Pat Ryder); a phrase without a name is kept as written without
// its article (Russian Defense Ministry, senior Pentagon official). He, she
// and their equivalents resolve to the last named speaker when that one
// spoke at most two paragraphs before and no title contradicts (she is
// never a Mr); they, we, I and it stay unknown, and so does a pronoun
// after a speaker described without a name (a Juventus official).
//
// # Matching
//
// Key holds a quote's words folded and with name variants unified
// (textnorm.VariantKey: Zelenskyy, Zelensky and Selenskyj are one word).
// Similar compares the content words (stop words of the six languages
// dropped) by their longest common subsequence, so reordered marks,
// ellipses, a few changed words and truncation cost little: the common
// length over the mean length, or over the shorter length when that has at
// least four content words (a quote printed in part). Group links pairs at
// Threshold (0.7) or more and returns the connected groups; a quote that
// only matches as a part is linked to its best match alone, so that a short
// phrase found in two different statements does not join them.
//
// Keys gives a quote's candidate keys, hashes of adjacent content-word
// pairs, for an inverted index: an archive of a million articles looks up
// the keys of new quotes and compares only the quotes found. Group finds
// its own candidates the same way.
//
// # What it does not do
//
// Speech reported without quote marks (Ryder said the call was
// professional) is not a quote. Speakers are found by word lists and
// capitalisation, not by parsing: a name in a language that does not
// capitalise names, or in Chinese and Japanese text, is not found; German
// capitalises every noun, so a German speaker phrase without a known title
// may be taken for a name; a speaker more than a sentence away from the
// quote, or introduced by a verb not in the lists, is missed. Pronoun
// resolution knows gender only from titles (Mr, Mrs, Lady). A quote and its translation into
// another language share no words and are not grouped; a translation's
// different wording of the same quote is grouped only when enough content
// words coincide. Similar is quadratic in the quote's length, which is
// small for quotes but slow for a multi-paragraph quote of thousands of
// words.
package quotes
