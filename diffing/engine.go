package diffing

import (
	"fmt"
	"github.com/storydiff/storydiff/core"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
)

// Clean returns s as Diff sees it: unchanged if it is valid UTF-8, otherwise
// with every byte that is not part of a valid encoding replaced by U+FFFD
// (as []rune(s) does). Offsets in a Result refer to Clean(a) and Clean(b).
func Clean(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	return string([]rune(s))
}

// Diff compares a and b. It never fails: any input gives a Result whose ops,
// applied to Clean(a), give Clean(b) exactly.
//
// It compares lines (paragraphs) first, finds paragraphs that moved, and
// then compares the changed paragraphs at the requested granularity, so that
// long, mostly equal texts cost little more than their changes.
func Diff(a, b string, opts Options) *Result {
	e := newEngine(Clean(a), Clean(b), opts)
	bd := &builder{}
	e.top(bd)
	ops := e.sentenceMoves(bd.ops)
	e.classifyMinor(ops)
	// The statistics read what classifyMinor wrote and nothing that the
	// details and the export write, so they are counted beside them.
	var st Stats
	counted := make(chan struct{})
	go func() {
		st = e.stats(ops)
		close(counted)
	}()
	if opts.Granularity != Char {
		e.addDetail(ops)
	}
	res := &Result{Ops: e.export(ops)} // never nil: JSON clients get []
	<-counted
	res.Stats = st
	if len(e.notes.reasons) > 0 {
		res.Degraded = true
		res.Reason = strings.Join(e.notes.reasons, "; ")
	}
	return res
}

type engine struct {
	a, b     string
	ea, eb   pos // ends of a and b
	opts     Options
	minMove  int
	deadline time.Time
	m        matcher
	wordBuf  [2][]pos // word tokens of A and B, reused by each word-level comparison
	nextMove int
	notes    *notes // shared by the copies that refine in parallel
}

// notes collects why a diff was degraded.
type notes struct {
	mu      sync.Mutex
	reasons []string
}

func newEngine(a, b string, opts Options) *engine {
	e := &engine{a: a, b: b, opts: opts, notes: &notes{}}
	e.ea = pos{utf8.RuneCountInString(a), len(a)}
	e.eb = pos{utf8.RuneCountInString(b), len(b)}
	if e.opts.Minor == 0 {
		e.opts.Minor = MinorAll
	}
	switch {
	case opts.Timeout == 0:
		e.deadline = time.Now().Add(DefaultTimeout)
	case opts.Timeout > 0:
		e.deadline = time.Now().Add(opts.Timeout)
	}
	e.minMove = opts.MinMoveWords
	if e.minMove == 0 {
		e.minMove = DefaultMinMoveWords
	}
	return e
}

func (e *engine) degrade(reason string) {
	e.notes.mu.Lock()
	defer e.notes.mu.Unlock()
	if !slices.Contains(e.notes.reasons, reason) {
		e.notes.reasons = append(e.notes.reasons, reason)
	}
}

func (e *engine) expired() bool {
	return !e.deadline.IsZero() && !time.Now().Before(e.deadline)
}

func (e *engine) timeReason() string {
	t := e.opts.Timeout
	if t == 0 {
		t = DefaultTimeout
	}
	return fmt.Sprintf("time bound of %v reached: some changed passages are shown as whole replacements", t)
}

const tooManyTokens = "too many distinct tokens: some changed passages are shown as whole replacements"

// level is a stage of the comparison, from coarse to fine.
type level int

const (
	lvNone     level = iota
	lvSentence       // sentences, the final level of a sentence diff
	lvAnchor         // sentences as anchors inside a changed paragraph, before words
	lvWord
	lvChar
)

// below is the level that refines a change found at level l.
func (e *engine) below(l level) level {
	switch l {
	case lvAnchor:
		return lvWord
	case lvWord:
		if e.opts.Granularity == Char {
			return lvChar
		}
	}
	return lvNone
}

// firstLevel is the level that refines a changed paragraph.
func (e *engine) firstLevel() level {
	switch e.opts.Granularity {
	case Sentence:
		return lvSentence
	case Paragraph:
		return lvNone
	}
	return lvWord
}

// refine compares the text from the builder's position to a1 in A and b1 in
// B at level l, recursing into the changes.
func (e *engine) refine(bd *builder, a1, b1 pos, l level, anchored bool) {
	a0, b0 := bd.pa, bd.pb
	switch {
	case a0 == a1:
		bd.ins(b1)
		return
	case b0 == b1:
		bd.del(a1)
		return
	case l == lvNone:
		bd.replace(a1, b1)
		return
	case e.expired():
		e.degrade(e.timeReason())
		bd.replace(a1, b1)
		return
	}
	var ta, tb []pos
	switch l {
	case lvSentence:
		ta, tb = sentenceTokens(e.a, a0, a1), sentenceTokens(e.b, b0, b1)
	case lvAnchor:
		ta, tb = anchorTokens(e.a, a0, a1), anchorTokens(e.b, b0, b1)
		if len(ta) <= 2 || len(tb) <= 2 {
			e.refine(bd, a1, b1, lvWord, true) // one sentence: nothing to anchor
			return
		}
	case lvWord:
		if !anchored {
			// Sentences first: a sentence that stayed anchors the word diff
			// around it, and one that moved is then a whole deletion and a
			// whole insertion, which sentenceMoves pairs up.
			e.refine(bd, a1, b1, lvAnchor, true)
			return
		}
		// The word level does not recurse into itself while its tokens
		// are in use (its matches are byte for byte, its refinements are
		// characters), so each side's tokens can reuse one buffer.
		e.wordBuf[0] = appendWordTokens(e.wordBuf[0][:0], e.a, a0, a1)
		e.wordBuf[1] = appendWordTokens(e.wordBuf[1][:0], e.b, b0, b1)
		ta, tb = e.wordBuf[0], e.wordBuf[1]
		if unrelated(e.a[a0.b:a1.b], e.b[b0.b:b1.b], len(ta)-1, len(tb)-1) {
			bd.replace(a1, b1)
			return
		}
	case lvChar:
		ta, tb = charTokens(e.a, a0, a1), charTokens(e.b, b0, b1)
	}
	e.m.trimKeys = l == lvAnchor // a sentence matches whatever space follows it
	blocks, ok := e.m.match(e.a, ta, e.b, tb, e.deadline)
	e.m.trimKeys = false
	if !ok {
		if blocks == nil && !e.expired() {
			e.degrade(tooManyTokens)
		} else {
			e.degrade(e.timeReason())
		}
	}
	if l != lvAnchor {
		blocks = cleanupSemantic(blocks, e.a, ta, tb)
	}
	if l == lvWord {
		shiftOneSided(blocks, e.a, ta, e.b, tb)
	}
	next := e.below(l)
	if l == lvAnchor && a1.b-a0.b+b1.b-b0.b > parallelBytes && len(blocks) > 1 {
		e.refineParallel(bd, ta, tb, blocks, a1, b1, next, anchored)
		return
	}
	for _, bl := range blocks {
		e.refine(bd, ta[bl.a], tb[bl.b], next, anchored)
		e.equalBlock(bd, ta, tb, bl)
	}
	e.refine(bd, a1, b1, next, anchored)
}

// equalBlock writes a block of matched tokens: equal where they are byte
// for byte, refined by words where they matched only without their
// trailing white space (lines and anchor sentences).
func (e *engine) equalBlock(bd *builder, ta, tb []pos, bl block) {
	for k := range bl.n {
		a1, b1 := ta[bl.a+k+1], tb[bl.b+k+1]
		if e.a[bd.pa.b:a1.b] == e.b[bd.pb.b:b1.b] {
			bd.equal(a1, b1)
		} else {
			e.refine(bd, a1, b1, lvWord, true)
		}
	}
}

// export turns internal ops into API ops with their texts.
func (e *engine) export(ops []iop) []Op {
	out := make([]Op, len(ops))
	for i, o := range ops {
		var text string
		switch {
		case o.kind == opInsert || o.role == roleTo:
			text = e.b[o.b0.b:o.b1.b]
		default:
			text = e.a[o.a0.b:o.a1.b]
		}
		out[i] = Op{
			Op: kindNames[o.kind], Text: text,
			A:    core.Span{Start: o.a0.r, End: o.a1.r},
			B:    core.Span{Start: o.b0.r, End: o.b1.r},
			Role: roleNames[o.role], MoveID: int(o.moveID),
			Minor: o.why != noWhy, Why: whyNames[o.why],
		}
		if o.hasDetail() {
			out[i].Detail = e.export(*o.detail)
		}
	}
	return out
}
