package app

import (
	"context"
	"strconv"
	"time"

	"github.com/storydiff/storydiff/core"
	"github.com/storydiff/storydiff/diffing"
)

// CompareOptions choose how two articles are compared.
type CompareOptions struct {
	// By is word (default), char, sentence or paragraph.
	By string `json:"by"`
	// IgnoreMinor leaves minor edits (case, punctuation, white space, quote
	// style, name variants, boilerplate) out of the statistics.
	IgnoreMinor bool `json:"ignore_minor"`
	// Timeout bounds each diff (0: the interactive default of the diff
	// engine). Reports set a long one so that machine load never makes two
	// reports of one archive differ.
	Timeout time.Duration `json:"-"`
}

func (o CompareOptions) diffOptions() (diffing.Options, error) {
	g, ok := diffing.ParseGranularity(o.By)
	if !ok {
		return diffing.Options{}, core.Errorf(core.EINVALID, "unknown granularity %q (use word, char, sentence or paragraph)", o.By)
	}
	return diffing.Options{Granularity: g, IgnoreMinor: o.IgnoreMinor, Timeout: o.Timeout}, nil
}

// Comparison is the diff of article A against article B, with the pair's
// similarity (Service.Similarity), which the diff does not decide: its own
// figure is Stats.ChangedShare.
type Comparison struct {
	A          int64   `json:"a"`
	B          int64   `json:"b"`
	Similarity float64 `json:"similarity"`
	*diffing.Result
}

// Compare diffs two articles given by reference.
func (s *Service) Compare(ctx context.Context, refA, refB string, opt CompareOptions) (*Comparison, error) {
	dopt, err := opt.diffOptions()
	if err != nil {
		return nil, err
	}
	a, b, err := s.twoTexts(ctx, refA, refB)
	if err != nil {
		return nil, err
	}
	dopt.BoilerplateA, dopt.BoilerplateB = a.boilerplate, b.boilerplate
	// The similarity is read and computed while the texts are diffed, on
	// the core the diff leaves idle in its serial parts.
	var sim float64
	simErr := make(chan error, 1)
	go func() {
		var err error
		sim, err = s.Similarity(ctx, a.id, b.id)
		simErr <- err
	}()
	r := diffing.Diff(a.text, b.text, dopt)
	if err := <-simErr; err != nil {
		return nil, err
	}
	return &Comparison{A: a.id, B: b.id, Similarity: sim, Result: r}, nil
}

// CompareMany diffs each of refs against the one before it (chain) or
// against the first (base), in one call.
func (s *Service) CompareMany(ctx context.Context, refs []string, againstFirst bool, opt CompareOptions) ([]*Comparison, error) {
	if len(refs) < 2 {
		return nil, core.Errorf(core.EINVALID, "give at least two articles to compare")
	}
	dopt, err := opt.diffOptions()
	if err != nil {
		return nil, err
	}
	texts := make([]articleText, len(refs))
	for i, r := range refs {
		if texts[i], err = s.textWithBoilerplate(ctx, r); err != nil {
			return nil, err
		}
	}
	out := make([]*Comparison, 0, len(refs)-1)
	for i := 1; i < len(texts); i++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		base := texts[i-1]
		if againstFirst {
			base = texts[0]
		}
		o := dopt
		o.BoilerplateA, o.BoilerplateB = base.boilerplate, texts[i].boilerplate
		r := diffing.Diff(base.text, texts[i].text, o)
		sim, err := s.Similarity(ctx, base.id, texts[i].id)
		if err != nil {
			return nil, err
		}
		out = append(out, &Comparison{A: base.id, B: texts[i].id, Similarity: sim, Result: r})
	}
	return out, nil
}

type articleText struct {
	id          int64
	text        string
	boilerplate []core.Span
}

// twoTexts reads the two articles a comparison is between.
func (s *Service) twoTexts(ctx context.Context, refA, refB string) (a, b articleText, err error) {
	if a, err = s.textWithBoilerplate(ctx, refA); err != nil {
		return a, b, err
	}
	b, err = s.textWithBoilerplate(ctx, refB)
	return a, b, err
}

func (s *Service) textWithBoilerplate(ctx context.Context, ref string) (articleText, error) {
	id, err := s.db.ResolveRef(ctx, ref)
	if err != nil {
		return articleText{}, err
	}
	// The text and the boilerplate spans only: a diff needs nothing else
	// of the article, and each statement is prepared and run anew.
	text, err := s.db.ArticleText(ctx, id)
	if err != nil {
		return articleText{}, err
	}
	boilerplate, err := s.db.BoilerplateSpans(ctx, id)
	if err != nil {
		return articleText{}, err
	}
	return articleText{id: id, text: text, boilerplate: boilerplate}, nil
}

func itoa(id int64) string { return strconv.FormatInt(id, 10) }
