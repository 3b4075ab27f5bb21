package quotes

// stopwords are function words of the supported languages. Matching quotes
// on their content words lets a translation or a light edit change
// articles and prepositions (the importance of maintaining / importance to
// maintain) without losing the match.
var stopwords = wordSet(`
	a an the and or but if of to in on at by for with from as into about over after before than
	that this these those it its is are was were be been being has have had do does did not no
	so such there here then which who whom whose what when where why how all any each both some
	more most other very can could would should will shall may might must i you he she we they me
	him her us them my your his our their also just only even up out off again once what's it's
	der die das den dem des ein eine einer eines und oder aber wenn von zu im in am an auf mit für
	aus als ist sind war waren sein hat haben wird werden nicht kein es er sie wir ich du ihr auch
	noch nur dass so wie bei nach vor über um
	el la los las un una unos unas y o pero si de del al en con por para como que es son fue ser
	ha han se no lo le les su sus mi tu nos ya muy más
	le la les un une des et ou mais si de du au aux en dans sur avec pour par comme que qui est
	sont était être a ont ne pas il elle ils elles nous vous je ce cette ces son sa ses leur leurs
	il lo gli i le uno una e o ma se di del della dei delle da dal al alla in con su per come che
	è sono era essere ha hanno non si ci noi voi io lui lei loro questo questa
	и в во не что он она они на я с со как а то все так его но да ты к у же вы за бы по только ее
	мне было вот от меня еще нет о из ему теперь когда даже ну ли если уже или ни быть был него до
	вас нибудь опять уж вам ведь там потом себя ничего ей может тут где есть надо ней для мы тебя
	их чем была сам чтоб без будто чего раз тоже себе под будет ж тогда кто этот того потому этого
	какой совсем ним здесь этом один почти мой тем чтобы нее были куда зачем всех никогда можно
	при наконец два об другой хоть после над больше тот через эти нас про всего них какая много
	разве три эту моя впрочем хорошо свою этой перед иногда лучше чуть том нельзя такой им более
	всегда конечно всю между это`)
