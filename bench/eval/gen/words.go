package gen

// function words and everyday news vocabulary, roughly in frequency order:
// generated sentences draw from them on a Zipf curve, so unrelated stories
// share ordinary words as real ones do.
var common = []string{
	"the", "of", "and", "to", "a", "in", "that", "is", "was", "for", "on", "it", "with", "as", "he", "said",
	"by", "at", "from", "his", "an", "were", "are", "which", "this", "be", "has", "have", "had", "not", "but",
	"they", "their", "its", "after", "who", "also", "been", "will", "more", "would", "new", "one", "two",
	"year", "people", "than", "there", "other", "into", "over", "last", "first", "about", "up", "out", "can",
	"government", "minister", "officials", "told", "week", "state", "country", "military", "president",
	"according", "since", "could", "between", "against", "during", "before", "under", "while", "called",
	"spokesman", "statement", "talks", "security", "forces", "support", "foreign", "national", "international",
	"public", "report", "agency", "meeting", "plans", "city", "region", "office", "leaders", "issue", "court",
	"police", "party", "election", "budget", "company", "market", "prices", "workers", "union", "service",
	"health", "hospital", "school", "water", "energy", "power", "local", "council", "committee", "decision",
	"announced", "expected", "continued", "added", "warned", "urged", "described", "confirmed", "reported",
	"agreed", "rejected", "demanded", "denied", "claimed", "stressed", "discussed", "launched", "signed",
	"early", "late", "several", "many", "most", "some", "further", "recent", "major", "senior", "former",
	"important", "possible", "likely", "clear", "strong", "large", "small", "long", "high", "low", "full",
	"days", "months", "hours", "time", "end", "part", "number", "percent", "million", "billion", "per",
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "morning", "night",
}

// syllables build content words and names that no real text needs to hold.
var syllables = []string{
	"ka", "lo", "mi", "ter", "van", "sel", "dor", "bri", "nu", "pa", "ros", "tel", "gan", "vi", "mar",
	"hel", "du", "sko", "len", "bar", "fi", "ol", "ra", "zen", "tu", "ber", "ca", "lin", "mo", "sha",
	"gor", "ne", "vel", "ast", "ri", "po", "dan", "el", "sul", "tam", "ok", "ve", "lu", "cor", "ish",
}
