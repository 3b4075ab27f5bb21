package quotes

import (
	"strings"
	"sync"

	"github.com/storydiff/storydiff/textnorm"
)

// The word lists are keyed the way textnorm keys tokens (VariantKey of
// Fold), so a token's Key is looked up directly, whatever its case,
// accents or transliteration.

// speechVerbs introduce or follow quoted speech. An entry of several words
// (pointed out, по словам) must match token by token.
var speechVerbs = wordSet(`
	said says say told tells added adds adding stated states noted notes noting explained explains
	explaining declared declares announced wrote writes tweeted posted stressed stresses stressing
	emphasized emphasised emphasizes emphasises insisted insists argued argues warned warns warning
	asked asks replied answered continued claimed claims admitted acknowledged recalled commented
	remarked observed suggested indicated confirmed concluded quipped shouted cried testified
	conceded countered predicted promised vowed maintained reiterated affirmed underscored
	underlined highlighted responded assured lamented complained boasted joked saying telling
	accused criticised criticized
	pointed_out
	sagte sagt sagten erklärte erklärt erklärten betonte betont meinte meint schrieb warnte
	kritisierte forderte versicherte fügte_hinzu sprach äußerte teilte_mit
	dijo dice afirmó afirma declaró explicó aseguró señaló indicó añadió agregó advirtió sostuvo
	subrayó manifestó apuntó comentó
	déclaré dit affirmé expliqué ajouté souligné indiqué estimé assuré déclare affirme explique
	ajoute souligne estime assure lancé confié
	detto dichiarato affermato spiegato aggiunto sottolineato afferma spiega aggiunge sostenuto
	заявил заявила заявили сказал сказала сказали отметил отметила подчеркнул подчеркнула
	добавил добавила сообщил сообщила пояснил пояснила говорит считает заявляет`)

// verbFirstOnly are attribution words that only work before the speaker
// right after a quote: German „…“, so Scholz. Elsewhere "so" is too common.
var verbFirstOnly = wordSet(`so`)

// accordingTo markers take the speaker after them anywhere in the sentence.
var accordingTo = wordSet(`according_to según selon secondo laut по_словам citing`)

// titles are roles, ranks and organisations: they may stand in a speaker's
// phrase in lower case (Pentagon spokesman Pat Ryder) but are never part of
// the name itself.
var titles = wordSet(`
	spokesman spokeswoman spokesperson president vice prime minister secretary general brigadier
	lieutenant colonel major captain admiral commander sergeant chief head director deputy
	ambassador chancellor senator sen representative rep congressman congresswoman governor gov
	executive mayor judge justice attorney prosecutor dr mr mrs ms prof professor king queen prince princess
	pope bishop archbishop cardinal sheikh emir chairman chairwoman chair ceo founder leader speaker
	envoy adviser advisor aide analyst expert official officials officer press defense defence
	foreign interior finance state economy health affairs national security intelligence army navy
	military ministry department office agency council government administration committee
	commission court police company spokesmen news newspaper broadcaster
	channel television tv outlet coach manager boss trainer striker player goalkeeper defender
	midfielder winger skipper economist physiotherapist lawyer researcher scientist author actor
	actress singer producer writer journalist editor reporter correspondent architect engineer
	librarian campaigner activist mp mep lord lady sir dame miss
	sprecher sprecherin regierungssprecher kremlsprecher kanzler bundeskanzler bundeskanzlerin
	präsident präsidentin ministerin außenminister verteidigungsminister chef chefin botschafter
	bürgermeister generalsekretär ministerium regierung amt amtes
	portavoz presidente ministro ministra secretario canciller jefe embajador alcalde gobierno
	ministerio
	porte parole présidente ministre secrétaire ambassadeur maire directeur gouvernement ministère
	portavoce segretario capo ambasciatore sindaco direttore governo ministero
	представитель пресс секретарь президент министр глава посол спикер мэр директор генерал
	министерство мид ведомство`)

// modifiers may precede a title in a speaker's phrase (a senior official).
var modifiers = wordSet(`senior former top acting new longtime outgoing incoming unnamed anonymous
	high ranking local regional federal then ex`)

var determiners = wordSet(`the a an one der die das dem den ein eine einer eines el los las un una le
	les une lo gli la`)

// connectors join the parts of a title (Secretary of Defense, a spokesman
// for the ministry) but never end a phrase.
var connectors = wordSet(`of for at des de del della di du`)

// fillers stand between a speaker and the verb (Peskov then said, er hat
// gesagt) and are skipped.
var fillers = wordSet(`then also later again further once has had have is was were previously
	earlier repeatedly reportedly recently simply hat hatte haben auch dann ha han ya también a ont
	aussi ensuite hanno anche poi также тогда ранее уже additionally`)

// leadIns open sentences with a capital without being names (However,
// Bwalya said).
var leadIns = wordSet(`however but and meanwhile yesterday today tonight also now still later
	earlier instead separately indeed moreover furthermore thus yet although while when after
	before since because if as in on at asked speaking writing last this next monday tuesday
	wednesday thursday friday saturday sunday aber doch heute gestern auch pero sin embargo hoy
	ayer mais aujourd'hui hier però oggi ieri однако но сегодня вчера`)

// resolvable pronouns stand for one person named earlier; other pronouns
// (they, we, I, it) are left unresolved. Spanish él is missing because it
// folds to the article el.
var resolvable = wordSet(`he she er ella il elle lui lei он она`)

// male and female titles and pronouns: "she" never stands for a Mr.
var male = wordSet(`he er il lui он mr sir lord king prince herr monsieur señor signor господин`)
var female = wordSet(`she ella elle lei она mrs ms miss lady dame queen princess frau madame señora signora госпожа`)

var otherPronouns = wordSet(`they we i it you ils elles nous wir ich es ihr ellos ellas nosotros
	yo loro noi io они мы я вы`)

// phrase is a word list keyed like tokens; multi-word entries are joined by
// spaces.
type phrase = string

// wordSet returns the set of words (phrases joined by "_"), keyed as text is,
// built on first use: every command links this package, and few of them
// find quotes.
func wordSet(words string) func() map[phrase]bool {
	return sync.OnceValue(func() map[phrase]bool { return buildWordSet(words) })
}

func buildWordSet(words string) map[phrase]bool {
	m := map[phrase]bool{}
	for _, w := range strings.Fields(words) {
		parts := strings.Split(w, "_")
		for i, p := range parts {
			parts[i] = key(p)
		}
		m[strings.Join(parts, " ")] = true
	}
	return m
}

func key(word string) string {
	k := textnorm.VariantKey(textnorm.Fold(word))
	if k == "" {
		return word
	}
	return k
}
