package detect

// BackgroundCount is how often a comparison key (textnorm.VariantKey of a
// folded word) occurs in the background model of everyday English, 0 if
// never. Other packages judge a word's rarity by it without embedding a
// second copy of the word list.
func BackgroundCount(key string) uint32 { return bg().count(key) }

// BackgroundTotal is the number of tokens the background counts come from.
func BackgroundTotal() float64 { return bg().total }
