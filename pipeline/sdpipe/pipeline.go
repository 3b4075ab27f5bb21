// Package sdpipe is StoryDiff's analysis as an Apache Beam pipeline: the
// steps an import and its first analysis run on one machine (ingest, detect,
// evidence, events, through the functions app exports for it), cut at the
// keys they group by, so that a runner can spread them over many workers.
// It writes an analysis folder (package analysisdir) that `storydiff import
// --analysis DIR` merges into an archive.
//
// Stages, and what they group by:
//
//	read      files matched through Beam's file IO, parsed by ingest (per file)
//	dedupe    the same bytes at several places are one article (by SHA-256)
//	number    ordinals in the order an import walks the files (global)
//	lines     recurring short lines per folder or outlet (by group and line)
//	analyse   features, sketch, blocks, repeats, profile (per article)
//	terms     story-term document counts (by term)
//	propose   exact hashes and LSH bands (by key), rarest terms (by term)
//	verify    features sent once to each shard of about 1,000 articles
//	          holding a candidate partner, and verified there (by shard)
//	link      rare keys' holders and census counts (by key; the number of
//	          profiled articles global), each key's holders sent once per
//	          shard of holders and candidates chosen there (by shard),
//	          profiles offered once per shard of choosers and scored (by
//	          shard of about 1,000 articles)
//	cluster   links trimmed and events built (global)
//	write     sharded JSONL files, then the manifest (global, tiny)
package sdpipe

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/fileio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/transforms/filter"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/transforms/stats"

	"github.com/storydiff/storydiff/analysisdir"
)

// Options say what to read and where to write.
type Options struct {
	// Inputs are folders (local: every file under them) or globs (any
	// filesystem Beam knows: gs://bucket/corpus/*/*.txt, s3://...).
	Inputs []string
	// Output is the analysis folder (local or an object store prefix).
	Output string
	// Shards is how many files each kind of record is cut into.
	Shards int
}

// Globs turns the inputs into the globs Beam's file IO matches: a local
// folder becomes one glob per folder under it (Beam's globs do not recurse),
// anything else is taken as a glob already.
func Globs(inputs []string) ([]string, error) {
	var out []string
	for _, in := range inputs {
		st, err := os.Stat(in)
		if err != nil || !st.IsDir() {
			out = append(out, in)
			continue
		}
		abs, err := filepath.Abs(in)
		if err != nil {
			return nil, err
		}
		if err := filepath.WalkDir(abs, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return fmt.Errorf("%s: %w", p, err)
			}
			if d.IsDir() {
				out = append(out, filepath.Join(p, "*"))
			}
			return nil
		}); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// namedFiles are the inputs that name a local file rather than a folder or
// a glob, as given and made absolute: read whatever their name.
func namedFiles(inputs []string) []string {
	var out []string
	for _, in := range inputs {
		if st, err := os.Stat(in); err == nil && !st.IsDir() {
			out = append(out, in)
			if abs, err := filepath.Abs(in); err == nil && abs != in {
				out = append(out, abs)
			}
		}
	}
	return out
}

// Build adds the whole analysis to the pipeline's root scope.
func Build(s beam.Scope, opt Options) error {
	if opt.Shards <= 0 {
		opt.Shards = 4
	}
	globs, err := Globs(opt.Inputs)
	if err != nil {
		return err
	}
	if len(globs) == 0 {
		return fmt.Errorf("no input to read")
	}
	out := strings.TrimRight(opt.Output, "/")

	// read, dedupe, number
	rs := s.Scope("read")
	var matched []beam.PCollection
	for _, g := range globs {
		matched = append(matched, fileio.MatchFiles(rs, g, fileio.MatchEmptyAllow()))
	}
	files := fileio.ReadMatches(rs, beam.Flatten(rs, matched...), fileio.ReadUncompressed())
	located := beam.ParDo(rs, &parseFn{Named: namedFiles(opt.Inputs)}, files) // KV<sha, locatedJSON>
	articles := beam.ParDo(s.Scope("dedupe"), mergeLocations, beam.GroupByKey(s, located))
	count := stats.Count(s, beam.ParDo(s, constOne, articles)) // KV<0, n>
	n := beam.ParDo(s, countValue, count)
	ns := s.Scope("number")
	orders := beam.ParDo(ns, orderKey, articles)
	ordinals := beam.ParDo(ns, numberAll, beam.GroupByKey(ns, beam.AddFixedKey(ns, orders))) // KV<sha, ordinal>
	numbered := beam.ParDo(ns, attachOrdinal, beam.CoGroupByKey(ns, articles, ordinals))     // articleJSON with ordinal

	// lines
	ls := s.Scope("lines")
	lineRows := beam.ParDo(ls, keepRecurring, stats.SumPerKey(ls, beam.ParDo(ls, articleLines, numbered))) // lineJSON

	// analyse
	as := s.Scope("analyse")
	outs := beam.ParDoN(as, &analyseFn{}, numbered, beam.SideInput{Input: lineRows}) // see analysedOut
	analysed, termHits, buckets, tops, features, profiles, holders, dates := outs[0], outs[1], outs[2], outs[3], outs[4], outs[5], outs[6], outs[7]

	// terms
	tsc := s.Scope("terms")
	terms := beam.ParDo(tsc, termJSON, stats.SumPerKey(tsc, termHits))

	// propose
	ps := s.Scope("propose")
	near := beam.ParDo(ps, bucketPairs, beam.GroupByKey(ps, buckets))
	storyHits := beam.ParDo(ps, &storyPairsFn{}, beam.GroupByKey(ps, tops), beam.SideInput{Input: n})
	story := beam.ParDo(ps, atLeastTwo, stats.SumPerKey(ps, storyHits))
	cands := filter.Distinct(ps, beam.Flatten(ps, near, story)) // "a:b"

	// verify
	vs := s.Scope("verify")
	firsts, seconds := beam.ParDo2(vs, splitPair, cands)                                                                  // KV<a, b>, KV<b, a>
	sent := beam.ParDo(vs, &sendFeaturesFn{}, beam.CoGroupByKey(vs, firsts, seconds, features), beam.SideInput{Input: n}) // KV<shard, featureOffer>
	pairs := beam.ParDo(vs, &verifyFn{}, beam.GroupByKey(vs, sent), beam.SideInput{Input: terms}, beam.SideInput{Input: n})

	// link
	lks := s.Scope("link")
	profiled := beam.ParDo(lks, countValue, stats.Count(lks, beam.ParDo(lks, profileOne, profiles))) // the census's N
	askers := beam.ParDo(lks, discountKeys, profiles)                                                // KV<weighed key, asker>
	keyLists, counts := beam.ParDo2(lks, &keyCensusFn{}, beam.CoGroupByKey(lks, holders, askers), beam.SideInput{Input: profiled})
	partners := beam.ParDo(lks, &pairEndsFn{}, pairs, beam.SideInput{Input: profiled})                                              // KV<shard, "x:y">
	requests := beam.ParDo(lks, &chooseCandidatesFn{}, beam.CoGroupByKey(lks, keyLists, partners), beam.SideInput{Input: profiled}) // KV<y, x>
	offered := beam.ParDo(lks, &offerFn{}, beam.CoGroupByKey(lks, requests, profiles, counts), beam.SideInput{Input: profiled})     // KV<shard, offerJSON>
	links := beam.ParDo(lks, &scoreFn{}, beam.GroupByKey(lks, offered), beam.SideInput{Input: profiled})                            // linkJSON

	// cluster
	cs := s.Scope("cluster")
	trimmed, clustering := beam.ParDo2(cs, clusterAll, beam.CoGroupByKey(cs, beam.AddFixedKey(cs, links), beam.AddFixedKey(cs, dates)))

	// write
	ws := s.Scope("write")
	shards := opt.Shards
	written := []beam.PCollection{
		writeShards(ws, out, analysisdir.KindArticles, shards, beam.ParDo(ws, &byOrdinalFn{Shards: shards}, analysed, beam.SideInput{Input: n})),
		writeShards(ws, out, analysisdir.KindPairs, shards, beam.ParDo(ws, &byHashFn{Shards: shards}, pairs)),
		writeShards(ws, out, analysisdir.KindLinks, shards, beam.ParDo(ws, &byHashFn{Shards: shards}, trimmed)),
		writeShards(ws, out, analysisdir.KindLines, shards, beam.ParDo(ws, &byHashFn{Shards: shards}, lineRows)),
		writeShards(ws, out, analysisdir.KindTerms, shards, beam.ParDo(ws, &byHashFn{Shards: shards}, terms)),
		writeShards(ws, out, analysisdir.KindEvents, 1, beam.ParDo(ws, &byHashFn{Shards: 1}, clustering)),
	}
	beam.ParDo0(ws, &manifestFn{Output: out, Inputs: opt.Inputs}, beam.GroupByKey(ws, beam.AddFixedKey(ws, beam.Flatten(ws, written...))), beam.SideInput{Input: n})
	return nil
}

func writeShards(s beam.Scope, out, kind string, shards int, keyed beam.PCollection) beam.PCollection {
	return beam.ParDo(s, &writeShardFn{Output: out, Kind: kind, Shards: shards}, beam.GroupByKey(s, keyed))
}

// RemoveManifest deletes an earlier run's manifest before a run writes into
// the same folder, so that the folder never looks finished while it is
// being rewritten.
func RemoveManifest(ctx context.Context, out string) error {
	path := strings.TrimRight(out, "/") + "/" + analysisdir.ManifestName
	fsys, err := filesystem.New(ctx, path)
	if err != nil {
		return err
	}
	defer fsys.Close()
	if _, err := fsys.Size(ctx, path); err != nil {
		return nil // none
	}
	rm, ok := fsys.(filesystem.Remover)
	if !ok {
		return fmt.Errorf("%s: cannot remove the earlier manifest on this filesystem; remove it first", path)
	}
	return rm.Remove(ctx, path)
}
