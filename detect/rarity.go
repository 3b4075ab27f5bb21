package detect

// Rarity is how much a comparison key (textnorm.Token.Key) says against
// everyday English: about ln(total/count) in the background word counts,
// highest for names never seen there. Stop is set for keys so frequent that
// they carry no topic. Other packages weighing words (sentence alignment)
// use it so that a pair of articles is judged with the same rarity as the
// archive's story detection.
func Rarity(key string) (idf float64, stop bool) {
	b := bg()
	c := b.count(key)
	return b.idfCount(c), c > stopCount
}
