package sdpipe

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"io"
	"maps"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/fileio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/log"

	"github.com/storydiff/storydiff/analysisdir"
	"github.com/storydiff/storydiff/app"
	"github.com/storydiff/storydiff/core"
	"github.com/storydiff/storydiff/detect"
	"github.com/storydiff/storydiff/events"
	"github.com/storydiff/storydiff/evidence"
	"github.com/storydiff/storydiff/ingest"
	"github.com/storydiff/storydiff/store"
)

func init() {
	for _, f := range []any{mergeLocations, constOne, countValue, orderKey, numberAll, attachOrdinal,
		articleLines, keepRecurring, termJSON, bucketPairs, atLeastTwo,
		splitPair, profileOne, discountKeys, clusterAll} {
		beam.RegisterFunction(f)
	}
	for _, t := range []any{parseFn{}, analyseFn{}, storyPairsFn{}, sendFeaturesFn{}, verifyFn{}, pairEndsFn{}, chooseCandidatesFn{}, keyCensusFn{}, offerFn{}, scoreFn{}, byOrdinalFn{}, byHashFn{}, writeShardFn{}, manifestFn{}} {
		beam.RegisterType(reflect.TypeOf(t))
	}
}

// located is an article as read at one place, with the key that orders it
// as an import walks the files.
type located struct {
	Order string              `json:"order"`
	Art   analysisdir.Article `json:"art"`
}

func mustJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err) // only our own plain structs are encoded
	}
	return string(b)
}

// walkOrder sorts paths as a walk of folders does (by each name in turn,
// so "a/x" comes before "a-b/x"), then records in file order.
func walkOrder(path string, record int) string {
	return strings.ReplaceAll(path, "/", "\x00") + "\x01" + fmt.Sprintf("%012d", record)
}

// parseFn parses one matched file with ingest into its documents, each
// prepared as an import prepares it. A file that cannot be read is logged
// and skipped, as an import lists it and goes on. A corpus's documentation
// (README.TXT) found in a folder is skipped as an import skips it, unless
// it is one of the Named files.
type parseFn struct {
	Named []string
}

func (fn *parseFn) ProcessElement(ctx context.Context, f fileio.ReadableFile, emit func(string, string)) {
	path := f.Metadata.Path
	if !ingest.IsArticleFile(path) {
		return
	}
	if ingest.IsProjectDoc(path) && !slices.Contains(fn.Named, path) {
		return
	}
	if f.Metadata.Size > ingest.DefaultMaxSize {
		log.Warnf(ctx, "%s: skipped, larger than %d MB", path, ingest.DefaultMaxSize>>20)
		return
	}
	data, err := f.Read(ctx)
	if err != nil {
		log.Warnf(ctx, "%s: %v", path, err)
		return
	}
	mod := f.Metadata.LastModified
	err = ingest.ParseEachWith(ctx, path, data, ingest.ParseOptions{}, func(d core.Document) error {
		na := app.PrepareDocument(d, f.Metadata.Size, mod)
		art := analysisdir.Article{Doc: d, SHA256: na.SHA256, TextHash: na.TextHash, Words: na.Words, ImportBlocks: na.Blocks,
			Locations: []analysisdir.Location{{Path: path, Record: d.Record, Size: f.Metadata.Size, ModTime: mod}}}
		// Hashed above; from here on a text file's bytes travel once, as
		// its text (the analysis reads a nil original as the text).
		art.OmitOriginal()
		emit(na.SHA256, mustJSON(located{Order: walkOrder(path, d.Record), Art: art}))
		return nil
	})
	if err != nil {
		log.Warnf(ctx, "%s: %v", path, err)
	}
}

// mergeLocations makes one article of the same bytes found at several
// places: the first in walk order gives the document, all are locations.
func mergeLocations(sha string, vals func(*string) bool, emit func(string, string)) error {
	var all []located
	var v string
	for vals(&v) {
		var l located
		if err := json.Unmarshal([]byte(v), &l); err != nil {
			return err
		}
		all = append(all, l)
	}
	slices.SortFunc(all, func(a, b located) int { return strings.Compare(a.Order, b.Order) })
	first := all[0]
	for _, l := range all[1:] {
		if l.Order != all[0].Order {
			first.Art.Locations = append(first.Art.Locations, l.Art.Locations...)
		}
	}
	emit(sha, mustJSON(first))
	return nil
}

func constOne(_ string, _ string) int { return 0 }
func countValue(_ int, n int) int     { return n }

func orderKey(sha string, v string) (string, error) {
	var l located
	if err := json.Unmarshal([]byte(v), &l); err != nil {
		return "", err
	}
	return l.Order + "\x02" + sha, nil
}

// numberAll gives every article its ordinal: the one global sort.
func numberAll(_ int, keys func(*string) bool, emit func(string, int64)) {
	var all []string
	var k string
	for keys(&k) {
		all = append(all, k)
	}
	slices.Sort(all)
	for i, k := range all {
		_, sha, _ := strings.Cut(k, "\x02")
		emit(sha, int64(i+1))
	}
}

func attachOrdinal(sha string, arts func(*string) bool, ords func(*int64) bool, emit func(string)) error {
	var v string
	var o int64
	if !arts(&v) || !ords(&o) {
		return fmt.Errorf("article %s lost its ordinal", sha)
	}
	var l located
	if err := json.Unmarshal([]byte(v), &l); err != nil {
		return err
	}
	l.Art.Ordinal = o
	emit(mustJSON(l.Art))
	return nil
}

func decodeArticle(v string) (analysisdir.Article, error) {
	var a analysisdir.Article
	err := json.Unmarshal([]byte(v), &a)
	return a, err
}

func groupOf(a analysisdir.Article) string { return app.LineGroup(a.Doc.Outlet, a.Locations[0].Path) }

// articleLines emits each distinct short line of an article in its group,
// and the group's article (hash 0), to be summed.
func articleLines(v string, emit func(string, int)) error {
	a, err := decodeArticle(v)
	if err != nil {
		return err
	}
	g := groupOf(a)
	for _, h := range detect.NewLineCounts().LinesOf(a.Doc.Text) {
		emit(g+"\x00"+strconv.FormatUint(h, 10), 1)
	}
	emit(g+"\x00"+"0", 1)
	return nil
}

// keepRecurring keeps the counts an archive keeps: lines seen more than
// once, and each group's article count.
func keepRecurring(k string, c int, emit func(string)) {
	g, hs, _ := strings.Cut(k, "\x00")
	h, _ := strconv.ParseUint(hs, 10, 64)
	if h == 0 || c > 1 {
		emit(mustJSON(core.LineCount{Group: g, Hash: h, Count: c}))
	}
}

// analyseFn computes each article's analysis with the archive's line
// counts, read once per worker from the side input. Besides the analysed
// article (for the folder) it emits what each later step reads of it, from
// the article in hand: each step decoding the whole article again for one
// field of it cost a fifteenth of the pipeline's CPU.
type analyseFn struct {
	lines *detect.LineCounts
}

// analysedOut are analyseFn's outputs, in order.
type analysedOut struct {
	article  func(int64, string) // KV<ordinal, articleJSON>
	term     func(int64, int)    // KV<term hash, 1>, to count
	bucket   func(string, int64) // KV<exact hash or band key, ordinal>
	top      func(int64, int64)  // KV<rarest term, ordinal>
	features func(int64, []byte) // KV<ordinal, features>
	profile  func(int64, []byte) // KV<ordinal, profile as Quick reads it>
	holder   func(int64, int64)  // KV<rare key, holder>
	date     func(string)        // datedJSON
}

func (fn *analyseFn) ProcessElement(v string, rows func(*string) bool,
	emitArticle func(int64, string), emitTerm func(int64, int), emitBucket func(string, int64), emitTop func(int64, int64),
	emitFeatures func(int64, []byte), emitProfile func(int64, []byte), emitHolder func(int64, int64), emitDate func(string)) error {
	out := analysedOut{emitArticle, emitTerm, emitBucket, emitTop, emitFeatures, emitProfile, emitHolder, emitDate}
	if fn.lines == nil {
		var rs []core.LineCount
		var r string
		for rows(&r) {
			var lc core.LineCount
			if err := json.Unmarshal([]byte(r), &lc); err != nil {
				return err
			}
			rs = append(rs, lc)
		}
		fn.lines = detect.NewLineCounts()
		fn.lines.Load(rs)
	}
	a, err := decodeArticle(v)
	if err != nil {
		return err
	}
	in := store.AnalysisInput{ID: a.Ordinal, Text: a.Doc.Text, Original: a.Doc.Original, Title: a.Doc.Title,
		Outlet: a.Doc.Outlet, Path: a.Locations[0].Path, Published: a.Doc.Published}
	an, prof := app.AnalyseArticle(in, a.Doc.Language, fn.lines)
	a.ParamsHash, a.Features, a.Sketch, a.SketchHash, a.SketchKeys = an.ParamsHash, an.Features, an.Sketch, an.SketchHash, an.SketchKeys
	a.Blocks, a.Repeats = an.Blocks, an.Repeats
	a.Profile, a.ProfileKeys = prof.Data, prof.Keys
	out.article(a.Ordinal, mustJSON(a))
	return emitParts(a, out)
}

// emitParts emits what the later steps read of an analysed article.
func emitParts(a analysisdir.Article, out analysedOut) error {
	o := a.Ordinal
	f, err := features(a)
	if err != nil {
		return err
	}
	for _, t := range f.Terms {
		out.term(int64(t.Hash), 1)
	}
	sk, err := sketch(a)
	if err != nil {
		return err
	}
	for e, h := range sk.Exact {
		out.bucket(fmt.Sprintf("e%d:%d", e, h), o)
	}
	for b, h := range sk.Bands {
		out.bucket(fmt.Sprintf("b%d:%d", b, h), o)
	}
	for _, t := range sk.Top {
		out.top(int64(t), o)
	}
	out.features(o, a.Features)
	for _, k := range a.ProfileKeys {
		out.holder(int64(k), o)
	}
	p, err := decodeProfile(a.Profile)
	if err != nil {
		return fmt.Errorf("profile of article %d: %w", o, err)
	}
	if len(a.Profile) == 0 {
		out.profile(o, a.Profile)
	} else {
		lean, err := p.MarshalForQuick()
		if err != nil {
			return err
		}
		out.profile(o, lean)
	}
	out.date(mustJSON(dated{ID: o, Published: a.Doc.Published, Timing: p.Timing()}))
	return nil
}

func features(a analysisdir.Article) (*detect.Features, error) {
	f := new(detect.Features)
	return f, f.UnmarshalBinary(a.Features)
}

func sketch(a analysisdir.Article) (detect.Sketch, error) {
	var s detect.Sketch
	return s, s.UnmarshalBinary(a.Sketch)
}

func termJSON(h int64, c int) string {
	return mustJSON(analysisdir.Term{Hash: uint64(h), DF: int32(c)})
}

func pairKey(a, b int64) string { return strconv.FormatInt(a, 10) + ":" + strconv.FormatInt(b, 10) }

func bucketPairs(_ string, ords func(*int64) bool, emit func(string)) {
	var ids []int64
	var o int64
	for ords(&o) {
		ids = append(ids, o)
	}
	for _, p := range detect.BucketPairs(ids) {
		emit(pairKey(p[0], p[1]))
	}
}

// storyPairsFn proposes, for one rarest term, every pair of the articles
// holding it (unless too many do), to be counted: two shared terms make a
// story candidate.
type storyPairsFn struct{}

func (storyPairsFn) ProcessElement(_ int64, ords func(*int64) bool, n int, emit func(string, int)) {
	var ps []int64
	var o int64
	for ords(&o) {
		ps = append(ps, o)
	}
	if len(ps) > detect.PostingLimit(n) {
		return
	}
	slices.Sort(ps)
	for x := range ps {
		for y := x + 1; y < len(ps); y++ {
			if ps[x] < ps[y] {
				emit(pairKey(ps[x], ps[y]), 1)
			}
		}
	}
}

func atLeastTwo(k string, c int, emit func(string)) {
	if c >= 2 {
		emit(k)
	}
}

// splitPair sends a candidate pair to both its articles: to a with its
// partner b (a sends its features to b's shard), and to b (b sends its own
// features to its own shard, where the pair is verified).
func splitPair(k string, first func(int64, int64), second func(int64, int64)) error {
	a, b, err := parsePair(k)
	if err != nil {
		return err
	}
	first(a, b)
	second(b, a)
	return nil
}

// featureOffer is one article's features sent to a verification shard:
// Bs are the shard's articles it is verified against as the first of the
// pair, Own says the shard is its own (it is the second of some pairs).
type featureOffer struct {
	A   int64   `json:"a"`
	F   []byte  `json:"f"`
	Bs  []int64 `json:"bs,omitempty"`
	Own bool    `json:"own,omitempty"`
}

// sendFeaturesFn sends a's features once to each shard holding an article
// it is the first of a candidate pair with, and to its own shard if it is
// the second of any: the bytes shipped grow with articles x shards, not
// with candidate pairs (which grow about as n^1.8 with story candidates).
type sendFeaturesFn struct{}

func (sendFeaturesFn) ProcessElement(a int64, bs func(*int64) bool, as func(*int64) bool, fs func(*[]byte) bool, n int, emit func(int64, string)) {
	var f []byte
	if !fs(&f) {
		return
	}
	by := map[int64][]int64{}
	var b int64
	for bs(&b) {
		s := scoreShard(b, n)
		by[s] = append(by[s], b)
	}
	own := scoreShard(a, n)
	var x int64
	second := as(&x)
	if _, ok := by[own]; !ok && second {
		by[own] = nil
	}
	for s, ids := range by {
		slices.Sort(ids)
		emit(s, mustJSON(featureOffer{A: a, F: f, Bs: ids, Own: s == own && second}))
	}
}

// verifyFn verifies the candidate pairs of one shard's articles (each the
// second of its pairs) with both features and the term census, read once
// per worker. Each article's features arrive once and are prepared once.
type verifyFn struct {
	census *detect.Census
}

func (fn *verifyFn) ProcessElement(_ int64, offers func(*string) bool, terms func(*string) bool, n int, emit func(string)) error {
	if fn.census == nil {
		c := &detect.Census{N: n, DF: map[uint64]int32{}}
		var t string
		for terms(&t) {
			var tm analysisdir.Term
			if err := json.Unmarshal([]byte(t), &tm); err != nil {
				return err
			}
			c.DF[tm.Hash] = tm.DF
		}
		fn.census = c
	}
	raw := map[int64][]byte{}
	firsts := map[int64][]int64{}
	var own []int64
	var v string
	for offers(&v) {
		var of featureOffer
		if err := json.Unmarshal([]byte(v), &of); err != nil {
			return err
		}
		raw[of.A] = of.F
		for _, b := range of.Bs {
			firsts[b] = append(firsts[b], of.A)
		}
		if of.Own {
			own = append(own, of.A)
		}
	}
	p := detect.DefaultParams()
	prepared := map[int64]detect.Prepared{}
	prepare := func(id int64) (detect.Prepared, error) {
		if e, ok := prepared[id]; ok {
			return e, nil
		}
		f := new(detect.Features)
		if err := f.UnmarshalBinary(raw[id]); err != nil {
			return detect.Prepared{}, err
		}
		e := fn.census.Prepare(p, f)
		prepared[id] = e
		return e, nil
	}
	slices.Sort(own)
	for _, b := range own {
		eb, err := prepare(b)
		if err != nil {
			return err
		}
		as := firsts[b]
		slices.Sort(as)
		for _, a := range as {
			ea, err := prepare(a)
			if err != nil {
				return err
			}
			if pr, ok := detect.VerifyPrepared(p, a, b, ea, eb); ok {
				emit(mustJSON(pr))
			}
		}
	}
	return nil
}

// discountKeys asks, for each key an article's profile is weighed by
// (evidence.Profile.DiscountKeys: names, places, quotes, terms, title and
// lede, some of them not among its own rare keys), how many articles hold it.
func discountKeys(o int64, pb []byte, emit func(int64, int64)) error {
	p, err := decodeProfile(pb)
	if err != nil {
		return err
	}
	ks := p.DiscountKeys()
	slices.Sort(ks)
	for _, k := range slices.Compact(ks) {
		emit(int64(k), o)
	}
	return nil
}

// held is how many articles hold a key among their rare keys, sent to an
// article weighed by it.
type held struct {
	K uint64 `json:"k"`
	N int    `json:"n"`
}

// keyCensusFn sees one key with its holders and the articles weighed by it.
// It sends the list of holders (their link candidates) once to each shard
// of about 1,000 articles holding one of them, not to each holder (k^2 ids
// a key), unless the key is too common to propose anything; and, when the
// key is common enough to lose weight (evidence.Weighs, by its share of the
// n profiled articles, a side input: a share of the whole archive is
// global), tells each article weighed by it how many hold it: the count the
// key index keeps for the app. Other keys keep their weight, as if none
// held them, so their counts need not travel.
type keyCensusFn struct{}

func (keyCensusFn) ProcessElement(k int64, holders func(*int64) bool, askers func(*int64) bool, n int, emitList func(int64, string), emitCount func(int64, string)) {
	var ids []int64
	var o int64
	for holders(&o) {
		ids = append(ids, o)
	}
	if len(ids) <= app.LinkKeyCap {
		list := mustJSON(ids)
		sent := map[int64]bool{}
		for _, x := range ids {
			if s := scoreShard(x, n); !sent[s] {
				sent[s] = true
				emitList(s, list)
			}
		}
	}
	if !evidence.Weighs(len(ids), n) {
		return
	}
	count := mustJSON(held{K: uint64(k), N: len(ids)})
	for askers(&o) {
		emitCount(o, count)
	}
}

func profileOne(int64, []byte) int { return 0 }

// pairEndsFn sends each end of a verified pair, with its partner, to the
// shard where its candidates are chosen (n: the profiled articles).
type pairEndsFn struct{}

func (pairEndsFn) ProcessElement(v string, n int, emit func(int64, string)) error {
	var p core.Pair
	if err := json.Unmarshal([]byte(v), &p); err != nil {
		return err
	}
	emit(scoreShard(p.A, n), pairKey(p.A, p.B))
	emit(scoreShard(p.B, n), pairKey(p.B, p.A))
	return nil
}

// chooseCandidatesFn picks, for each article of one shard, the articles it
// is scored against (those sharing the most rare keys with it, and its
// verified pairs' partners), and asks each for its profile. A key's list of
// holders arrives once per shard; each of the shard's holders counts it.
type chooseCandidatesFn struct{}

func (chooseCandidatesFn) ProcessElement(shard int64, lists func(*string) bool, partners func(*string) bool, n int, emit func(int64, int64)) error {
	var all [][]int64
	holding := map[int64][]int{} // an article of this shard: the lists holding it
	var l string
	for lists(&l) {
		var ids []int64
		if err := json.Unmarshal([]byte(l), &ids); err != nil {
			return err
		}
		for _, x := range ids {
			if scoreShard(x, n) == shard {
				holding[x] = append(holding[x], len(all))
			}
		}
		all = append(all, ids)
	}
	extra := map[int64][]int64{}
	for partners(&l) {
		x, y, err := parsePair(l)
		if err != nil {
			return err
		}
		extra[x] = append(extra[x], y)
		if _, ok := holding[x]; !ok {
			holding[x] = nil
		}
	}
	xs := make([]int64, 0, len(holding))
	for x := range holding {
		xs = append(xs, x)
	}
	slices.Sort(xs)
	for _, x := range xs {
		counts := map[int64]int{}
		for _, i := range holding[x] {
			for _, y := range all[i] {
				counts[y]++
			}
		}
		ys := extra[x]
		slices.Sort(ys)
		ys = slices.Compact(ys)
		for _, y := range app.TopLinkCandidates(counts, x, ys) {
			emit(y, x)
		}
	}
	return nil
}

func parsePair(k string) (int64, int64, error) {
	as, bs, _ := strings.Cut(k, ":")
	a, err := strconv.ParseInt(as, 10, 64)
	if err != nil {
		return 0, 0, err
	}
	b, err := strconv.ParseInt(bs, 10, 64)
	return a, b, err
}

// offer is a profile with its census counts (C: the count of each key the
// profile is weighed by that some article holds), sent to the shard of
// articles that chose it as a candidate (Xs) and to its own shard, where it
// is scored (Own).
type offer struct {
	Y   int64
	P   []byte
	C   map[uint64]int
	Xs  []int64
	Own bool
}

// marshal writes the offer as bytes: the profile as stored, the counts and
// ids as varints. The offers are the largest thing the pipeline ships
// (785 MB of 10,000 articles' 1.5 GB): as JSON the profile went as base64
// and each count's key as a decimal string, about a third more.
func (o offer) marshal() []byte {
	b := make([]byte, 0, 16+len(o.P)+12*len(o.C)+4*len(o.Xs))
	b = binary.AppendVarint(b, o.Y)
	b = append(b, boolByte(o.Own))
	b = binary.AppendUvarint(b, uint64(len(o.P)))
	b = append(b, o.P...)
	keys := slices.Sorted(maps.Keys(o.C))
	b = binary.AppendUvarint(b, uint64(len(keys)))
	for _, k := range keys {
		b = binary.AppendUvarint(b, k)
		b = binary.AppendVarint(b, int64(o.C[k]))
	}
	b = binary.AppendUvarint(b, uint64(len(o.Xs)))
	prev := int64(0)
	for _, x := range o.Xs {
		b = binary.AppendVarint(b, x-prev)
		prev = x
	}
	return b
}

func boolByte(v bool) byte {
	if v {
		return 1
	}
	return 0
}

// unmarshalOffer reads what marshal wrote.
func unmarshalOffer(b []byte) (offer, error) {
	var o offer
	bad := fmt.Errorf("offer: %d bytes cut short or malformed", len(b))
	varint := func() int64 {
		v, n := binary.Varint(b)
		if n <= 0 {
			b = nil
			return 0
		}
		b = b[n:]
		return v
	}
	uvarint := func() uint64 {
		v, n := binary.Uvarint(b)
		if n <= 0 {
			b = nil
			return 0
		}
		b = b[n:]
		return v
	}
	// count reads a length or a number of entries, each at least a byte.
	count := func() uint64 {
		if v := uvarint(); v <= uint64(len(b)) {
			return v
		}
		b = nil
		return 0
	}
	o.Y = varint()
	if len(b) == 0 {
		return o, bad
	}
	o.Own, b = b[0] == 1, b[1:]
	n := count()
	if b == nil {
		return o, bad
	}
	// A copy: the profile decoded from it is kept past this element.
	o.P, b = slices.Clone(b[:n]), b[n:]
	if n = count(); n > 0 {
		o.C = make(map[uint64]int, n)
		for ; n > 0 && b != nil; n-- {
			k := uvarint()
			o.C[k] = int(varint())
		}
	}
	if n = count(); n > 0 {
		o.Xs = make([]int64, 0, n)
		prev := int64(0)
		for ; n > 0 && b != nil; n-- {
			prev += varint()
			o.Xs = append(o.Xs, prev)
		}
	}
	if b == nil || len(b) != 0 {
		return o, bad
	}
	return o, nil
}

// heldCounts gathers an article's census counts.
func heldCounts(counts func(*string) bool) (map[uint64]int, error) {
	var out map[uint64]int
	var v string
	for counts(&v) {
		var h held
		if err := json.Unmarshal([]byte(v), &h); err != nil {
			return nil, err
		}
		if out == nil {
			out = map[uint64]int{}
		}
		out[h.K] = h.N
	}
	return out, nil
}

// scoreShardSize is how many articles one scoring shard scores. A profile
// travels once to each shard holding an article that chose it, not once
// to each such article (up to LinkMaxCandidates of them), so the bytes
// shuffled are about profiles x shards instead of profiles x 100, while a
// shard holds at most its articles' candidates' profiles.
const scoreShardSize = 1000

func scoreShards(n int) int64 { return int64(max(1, (n+scoreShardSize-1)/scoreShardSize)) }

// scoreShard is the shard of article x of n: a run of scoreShardSize
// consecutive ordinals, which follow the walk of the files, so that a
// folder's articles (an outlet, a period, a desk) share few shards and a
// profile chosen within its folder reaches few of them. Which articles
// share a shard changes what is shipped, never what is found: each article
// is verified, chooses and is scored only with what it is sent. The link
// stage counts only the articles with a profile in n, while ordinals run
// over all of them: the runs past n wrap around to the first shards rather
// than all falling into the last one.
func scoreShard(x int64, n int) int64 {
	return (max(x-1, 0) / scoreShardSize) % scoreShards(n)
}

// offerFn sends y's profile, with its census counts, once to each shard of
// the articles that chose it as a candidate, and to its own shard, where y
// is scored against its own candidates.
type offerFn struct{}

func (offerFn) ProcessElement(y int64, xs func(*int64) bool, profs func(*[]byte) bool, counts func(*string) bool, n int, emit func(int64, []byte)) error {
	var p []byte
	if !profs(&p) {
		return nil
	}
	c, err := heldCounts(counts)
	if err != nil {
		return err
	}
	by := map[int64][]int64{}
	var x int64
	for xs(&x) {
		s := scoreShard(x, n)
		by[s] = append(by[s], x)
	}
	own := scoreShard(y, n)
	if _, ok := by[own]; !ok {
		by[own] = nil
	}
	for s, ids := range by {
		slices.Sort(ids)
		emit(s, offer{Y: y, P: p, C: c, Xs: ids, Own: s == own}.marshal())
	}
	return nil
}

func decodeProfile(b []byte) (*evidence.Profile, error) {
	p := &evidence.Profile{}
	return p, p.UnmarshalBinary(b)
}

// scoreFn scores each article of one shard against the candidates it
// chose, each profile (its own and the candidates') weighed first by its
// own census counts and the number of profiled articles (a side input), as
// a whole-archive linking weighs them. Each profile arrives once.
type scoreFn struct{}

func (scoreFn) ProcessElement(_ int64, offers func(*[]byte) bool, n int, emit func(string)) error {
	profs := map[int64]*evidence.Profile{}
	cands := map[int64][]int64{}
	var own []int64
	var o []byte
	for offers(&o) {
		of, err := unmarshalOffer(o)
		if err != nil {
			return err
		}
		py := &evidence.Profile{}
		if err := py.UnmarshalForQuick(of.P); err != nil {
			return err
		}
		app.DiscountProfile(py, n, of.C)
		profs[of.Y] = py
		for _, x := range of.Xs {
			cands[x] = append(cands[x], of.Y)
		}
		if of.Own {
			own = append(own, of.Y)
		}
	}
	slices.Sort(own)
	for _, x := range own {
		cs := cands[x]
		slices.Sort(cs)
		for _, l := range app.ScoreLinks(x, profs[x], cs, profs) {
			emit(mustJSON(analysisdir.Link{A: l.A, B: l.B, Event: l.Event, Thread: l.Thread}))
		}
	}
	return nil
}

// dated is what the clustering reads of an article: its date, and what
// its profile says of when it was written, for the estimates of undated
// articles (app.EstimateDates).
type dated struct {
	ID        int64           `json:"id"`
	Published *time.Time      `json:"published,omitempty"`
	Timing    evidence.Timing `json:"timing"`
}

// clusterAll is the global step: every link trimmed to each article's
// strongest, and the events and threads built from them in ordinal order.
func clusterAll(_ int, linkVals func(*string) bool, dateVals func(*string) bool, emitLink func(string), emitClustering func(string)) error {
	var links []store.Link
	var v string
	for linkVals(&v) {
		var l analysisdir.Link
		if err := json.Unmarshal([]byte(v), &l); err != nil {
			return err
		}
		links = append(links, store.Link{A: l.A, B: l.B, Event: l.Event, Thread: l.Thread})
	}
	var arts []events.Article
	timings := map[int64]evidence.Timing{}
	for dateVals(&v) {
		var d dated
		if err := json.Unmarshal([]byte(v), &d); err != nil {
			return err
		}
		arts = append(arts, events.Article{ID: d.ID, Published: d.Published})
		timings[d.ID] = d.Timing
	}
	links = app.EstimateDates(timings, app.TrimLinks(links))
	for _, l := range links {
		emitLink(mustJSON(analysisdir.Link{A: l.A, B: l.B, Event: l.Event, Thread: l.Thread}))
	}
	res := app.BuildEvents(arts, links)
	var c analysisdir.Clustering
	for _, e := range res.Events {
		c.Events = append(c.Events, analysisdir.Event{ID: e.ID, Members: e.Members, First: e.First, Last: e.Last, Thread: e.Thread})
	}
	for _, t := range res.Threads {
		c.Threads = append(c.Threads, analysisdir.Thread{ID: t.ID, Events: t.Events})
	}
	emitClustering(mustJSON(c))
	return nil
}

// byOrdinalFn cuts articles into shards of consecutive ordinals, so that
// reading the shards in name order reads the articles in ordinal order.
type byOrdinalFn struct{ Shards int }

func (fn *byOrdinalFn) ProcessElement(o int64, v string, n int) (int, string) {
	return int((o - 1) * int64(fn.Shards) / int64(max(n, 1))), v
}

// byHashFn spreads records over shards by their hash.
type byHashFn struct{ Shards int }

func (fn *byHashFn) ProcessElement(v string) (int, string) {
	h := fnv.New32a()
	io.WriteString(h, v)
	return int(h.Sum32() % uint32(fn.Shards)), v
}

// writeShardFn writes one shard, its records sorted (articles by ordinal),
// and says what it wrote for the manifest.
type writeShardFn struct {
	Output string
	Kind   string
	Shards int
}

func (fn *writeShardFn) ProcessElement(ctx context.Context, shard int, lines func(*string) bool) (string, error) {
	var all []string
	var l string
	for lines(&l) {
		all = append(all, l)
	}
	if fn.Kind == analysisdir.KindArticles {
		// Each article's ordinal is read once: decoding it inside the
		// comparison decoded whole articles n log n times (9% of a run's
		// CPU at 2,000 articles).
		type line struct {
			ord  int64
			text string
		}
		byOrd := make([]line, len(all))
		for i, l := range all {
			var a struct {
				Ordinal int64 `json:"ordinal"`
			}
			if err := json.Unmarshal([]byte(l), &a); err != nil {
				return "", err
			}
			byOrd[i] = line{a.Ordinal, l}
		}
		slices.SortFunc(byOrd, func(a, b line) int { return cmp.Compare(a.ord, b.ord) })
		for i, l := range byOrd {
			all[i] = l.text
		}
	} else {
		slices.Sort(all)
	}
	name := fmt.Sprintf("%s-%05d-of-%05d.jsonl", fn.Kind, shard, fn.Shards)
	path := fn.Output + "/" + name
	fsys, err := filesystem.New(ctx, path)
	if err != nil {
		return "", err
	}
	defer fsys.Close()
	w, err := fsys.OpenWrite(ctx, path)
	if err != nil {
		return "", err
	}
	h := sha256.New()
	out := io.MultiWriter(w, h)
	for _, l := range all {
		if _, err := io.WriteString(out, l+"\n"); err != nil {
			w.Close()
			return "", err
		}
	}
	if err := w.Close(); err != nil {
		return "", err
	}
	return mustJSON(analysisdir.File{Name: name, Kind: fn.Kind, Records: len(all), SHA256: hex.EncodeToString(h.Sum(nil))}), nil
}

// manifestFn writes the manifest once every shard is written: the folder is
// complete from that moment.
type manifestFn struct {
	Output string
	Inputs []string
}

func (fn *manifestFn) ProcessElement(ctx context.Context, _ int, files func(*string) bool, n int) error {
	m := analysisdir.Manifest{Version: analysisdir.Version, Params: detect.DefaultParams(), ProfileVersion: evidence.ProfileVersion,
		Inputs: fn.Inputs, Census: n, Counts: map[string]int{}}
	var v string
	for files(&v) {
		var f analysisdir.File
		if err := json.Unmarshal([]byte(v), &f); err != nil {
			return err
		}
		m.Files = append(m.Files, f)
		m.Counts[f.Kind] += f.Records
	}
	slices.SortFunc(m.Files, func(a, b analysisdir.File) int { return strings.Compare(a.Name, b.Name) })
	m.ID = m.ComputeID()
	data, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	path := fn.Output + "/" + analysisdir.ManifestName
	fsys, err := filesystem.New(ctx, path)
	if err != nil {
		return err
	}
	defer fsys.Close()
	w, err := fsys.OpenWrite(ctx, path)
	if err != nil {
		return err
	}
	if _, err := w.Write(append(data, '\n')); err != nil {
		w.Close()
		return err
	}
	return w.Close()
}
