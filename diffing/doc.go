// Package diffing compares versions of a news text the way a reader does:
// word by word, with moved paragraphs shown as moves and minor edits
// (spelling variants, quote style, case, white space, boilerplate) marked so
// that they can be hidden.
//
// # Calling it
//
//	r := diffing.Diff(a, b, diffing.Options{})            // word diff
//	r := diffing.Diff(a, b, diffing.Options{Granularity: diffing.Sentence, IgnoreMinor: true})
//	rs := diffing.DiffMany(base, versions, opts)          // base against each version
//	rs := diffing.DiffChain(versionsByDate, opts)         // each version against the previous
//	text := render.Text(r, render.Options{Color: true})   // package diffing/render
//	html := render.HTML(r, render.Options{HideMinor: true})
//
// A Result holds the ops, statistics, and whether the time bound made the
// diff coarser (Degraded, Reason). It marshals to the JSON of the CLI
// contract: {"stats":{...},"ops":[{"op","text","a":{"start","end"},"b":{...}}]}.
//
// # Offsets and the apply property
//
// Offsets are in Unicode code points (runes) of the texts, End exclusive, so
// Go, JSON and TypeScript agree. Every op has a span in A and a span in B;
// the A spans of the ops, in order, tile A and the B spans tile B, and
// applying the ops to A gives B exactly (see Apply and Op). Input that is not
// valid UTF-8 is compared as Clean makes it (each bad byte becomes U+FFFD,
// as []rune(s) does); offsets and the apply property then refer to the
// cleaned texts. The archive stores clean UTF-8, for which Clean changes
// nothing.
//
// # Moves
//
// A move has two ops sharing a MoveID: Role "from" where the text was in A
// (it reads as a deletion when applying) and Role "to" where it is in B (an
// insertion). The "to" text is B's; when it differs from the "from" text
// (a near-identical paragraph: 80% of its words in common) Detail holds the
// word diff between the two ends. Paragraphs (lines) of at least
// MinMoveWords words are moved whole; runs of consecutive moved paragraphs
// form one move. A paragraph edited where it stands is not a move. After the
// word diff, a sentence of at least MinMoveWords words deleted in one change
// and inserted in another (equal after textnorm.Normalize) becomes a move
// too: a sentence moved within or between paragraphs.
//
// # How it works
//
// The texts are compared line by line first (a line is a paragraph in the
// usual scraped article; lines match whatever white space follows them).
// Lines found once in each text are anchored first: of those in the same
// order in both, the chain holding the most text stays in place (a line too
// short to be reported as moved weighs a hundred times more), so that when
// paragraphs are reordered the long ones stay and the fewest words show as
// moved. Between anchors github.com/sergi/go-diff compares one code point
// per distinct line. Deleted and inserted lines that say the same thing
// elsewhere are paired as moves.
// The remaining changed stretches are compared again word by word (words,
// runs of white space and single punctuation marks are the tokens, each
// mapped to one code point for DiffMainRunes), so the word diff only runs on
// what changed: a 200 KB article with a few edits costs little more than
// its changed paragraphs. Inside a changed stretch, sentences are compared
// first (matching whatever space follows them), and words only between the
// sentences that stayed: this keeps the word diff small (a 100 KB paragraph
// without a line break is still quick) and turns a sentence that moved into
// one deletion and one insertion that become a move. Long passages that
// share almost no word pairs are different texts and are shown as replaced
// without a word diff. Equal runs shorter than the changes around them are
// then dropped (semantic cleanup, which keeps any run of eight words or
// more), so a rewritten phrase reads as one replacement, and a lone
// insertion is slid to start at a word and end after a space. Cuts never
// fall inside a word; at Char granularity, and in the Detail of a short
// replaced word that reads as a correction (goverment -> government), code
// points are compared inside the changed words.
//
// # Minor edits
//
// Each hunk (a run of deletes and inserts between unchanged text) is
// compared again, together with the rest of the words it touches, under
// looser and looser equivalences: white space, then case, then typography
// (quotes, apostrophes, dashes, NFKC forms, via textnorm.Normalize), then
// punctuation (textnorm.Words with textnorm.Fold), then spelling and
// transliteration variants (textnorm.VariantKey: Zelensky / Zelenskyy /
// Selenskyj, Kiev / Kyiv). The first that makes both sides equal names the
// kind (Op.Why), if Options.Minor enables it. A hunk lying wholly in the
// boilerplate spans given in Options is minor as "boilerplate". Minor ops
// stay in Ops; IgnoreMinor only keeps them out of the statistics, and the
// renderers can hide them.
//
// # Bounds
//
// Diff never fails and never hangs: Options.Timeout (DefaultTimeout when 0)
// bounds the whole comparison. go-diff's own deadline makes a comparison
// coarser when it fires; Diff notices, and once the bound has passed shows
// every remaining changed stretch as one deletion and one insertion. The
// Result then says Degraded, with a Reason. The ops stay exact.
package diffing
