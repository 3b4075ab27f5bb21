package sdpipe

import (
	"bytes"
	"encoding/json"
	"maps"
	"slices"
	"testing"
)

func ints(xs []int64) func(*int64) bool {
	return func(v *int64) bool {
		if len(xs) == 0 {
			return false
		}
		*v, xs = xs[0], xs[1:]
		return true
	}
}

// A rare key's holders travel once to each scoring shard holding one of
// them, not once to each holder: k holders cost k ids a shard, not k^2.
func TestKeyListsTravelOncePerShard(t *testing.T) {
	const n = 3000 // three shards of about 1,000 articles
	var holders []int64
	for x := int64(1); x <= n; x += 10 { // spread over the three shards
		holders = append(holders, x)
	}
	sent := map[int64]int{}
	ids := 0
	keyCensusFn{}.ProcessElement(7, ints(holders), ints(nil), n,
		func(shard int64, list string) {
			sent[shard]++
			var l []int64
			if err := json.Unmarshal([]byte(list), &l); err != nil {
				t.Fatal(err)
			}
			ids += len(l)
		},
		func(int64, string) {})
	if len(sent) != 3 {
		t.Errorf("the list went to %d destinations, want the 3 shards", len(sent))
	}
	for s, c := range sent {
		if c != 1 {
			t.Errorf("shard %d got the list %d times", s, c)
		}
	}
	if ids != 3*len(holders) {
		t.Errorf("%d ids shipped for %d holders in 3 shards, want %d", ids, len(holders), 3*len(holders))
	}
}

// An article's features travel once to each verification shard holding a
// partner, however many partners the shard holds, and to its own shard
// only when it is the second of a pair there.
func TestFeaturesTravelOncePerShard(t *testing.T) {
	const n = 2000 // two shards
	var partners []int64
	for b := int64(10); b < n; b += 5 { // in both shards
		partners = append(partners, b)
	}
	got := map[int64]featureOffer{}
	emit := func(shard int64, v string) {
		var of featureOffer
		if err := json.Unmarshal([]byte(v), &of); err != nil {
			t.Fatal(err)
		}
		if _, dup := got[shard]; dup {
			t.Errorf("shard %d got the features twice", shard)
		}
		got[shard] = of
	}
	feats := func(v *[]byte) bool { *v = []byte("features"); return true }
	sendFeaturesFn{}.ProcessElement(4, ints(partners), ints(nil), feats, n, emit)
	if len(got) != 2 {
		t.Fatalf("sent to %d shards, want 2: %v", len(got), got)
	}
	total := 0
	for s, of := range got {
		total += len(of.Bs)
		if of.Own {
			t.Errorf("shard %d: marked own, but article 4 is the second of no pair", s)
		}
		for _, b := range of.Bs {
			if scoreShard(b, n) != s {
				t.Errorf("partner %d sent to shard %d", b, s)
			}
		}
	}
	if total != len(partners) {
		t.Errorf("%d partners listed, want %d", total, len(partners))
	}

	got = map[int64]featureOffer{}
	sendFeaturesFn{}.ProcessElement(1500, ints(nil), ints([]int64{1, 3}), feats, n, emit)
	if of, ok := got[1]; len(got) != 1 || !ok || !of.Own || len(of.Bs) != 0 {
		t.Errorf("the second of two pairs: %+v, want its own shard 1 only", got)
	}
}

// An offer comes back from its bytes as it was sent, and bytes cut short
// or with more after the offer are refused.
func TestOfferBytesRoundTrip(t *testing.T) {
	offers := []offer{
		{Y: 7, P: []byte("profile bytes"), C: map[uint64]int{1<<63 + 5: 3, 42: 1_000_000}, Xs: []int64{3, 9, 1 << 40}, Own: true},
		{Y: -1, P: []byte{}},
		{Y: 1 << 50, P: make([]byte, 9000), Xs: []int64{5}},
	}
	for _, want := range offers {
		b := want.marshal()
		got, err := unmarshalOffer(b)
		if err != nil {
			t.Fatalf("offer %d: %v", want.Y, err)
		}
		if got.Y != want.Y || got.Own != want.Own || !bytes.Equal(got.P, want.P) || !maps.Equal(got.C, want.C) || !slices.Equal(got.Xs, want.Xs) {
			t.Errorf("offer %d came back as %+v", want.Y, got)
		}
		for cut := range len(b) {
			if _, err := unmarshalOffer(b[:cut]); err == nil {
				t.Errorf("offer %d: %d of its %d bytes read without an error", want.Y, cut, len(b))
				break
			}
		}
		if _, err := unmarshalOffer(append(b, 0)); err == nil {
			t.Errorf("offer %d: a byte after it read without an error", want.Y)
		}
	}
}

// Ordinals past n (the link stage's n counts only the articles with a
// profile) spread over every shard instead of piling into the last one.
func TestScoreShardsPastNSpread(t *testing.T) {
	const n, all = 10_000, 14_000 // 4,000 articles without a profile
	size := map[int64]int{}
	for x := int64(1); x <= all; x++ {
		s := scoreShard(x, n)
		if s < 0 || s >= scoreShards(n) {
			t.Fatalf("article %d in shard %d of %d", x, s, scoreShards(n))
		}
		size[s]++
	}
	for s, c := range size {
		if c > 2*scoreShardSize {
			t.Errorf("shard %d holds %d articles", s, c)
		}
	}
}

// Scoring shards are runs of consecutive ordinals of at most
// scoreShardSize articles, every shard used, in ordinal order.
func TestScoreShardsAreRuns(t *testing.T) {
	for _, n := range []int{1, 2, 999, 1000, 1001, 2500, 100_000, 100_001} {
		shards := scoreShards(n)
		size := make([]int, shards)
		prev := int64(0)
		for x := int64(1); x <= int64(n); x++ {
			s := scoreShard(x, n)
			if s < prev || s >= shards {
				t.Fatalf("n=%d: article %d in shard %d after shard %d, of %d", n, x, s, prev, shards)
			}
			prev = s
			size[s]++
		}
		for s, c := range size {
			if c == 0 || c > scoreShardSize {
				t.Errorf("n=%d: shard %d holds %d articles", n, s, c)
			}
		}
	}
}
