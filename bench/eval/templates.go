package main

import (
	"fmt"
	"math/rand"

	"github.com/storydiff/storydiff/evidence"
)

// templatePairs generates pairs of items made from one template with other
// particulars (dividend notices, money-market reports, football results):
// different events that share every word but their names and numbers. The
// SemEval pairs hold few of them, and a score fitted without them links
// every two notices of a wire service. They are negatives only: the labels
// of same-event pairs all come from people.
func templatePairs(n int, seed int64) []labelled {
	rng := rand.New(rand.NewSource(seed))
	pick := func(s []string) string { return s[rng.Intn(len(s))] }
	firms := []string{"Harrowgate Industries", "Quillon Bancorp", "Medrano Foods", "Ostrava Steelworks", "Kelburn Energy", "Paloma Retail", "Tevani Pharma", "Brackwater Mining", "Solvang Shipping", "Ardent Telecom", "Lutece Holdings", "Norvik Paper"}
	people := []string{"Margaret Olufsen", "Dev Ramaswamy", "Lucia Ferrante", "Tomasz Wrobel", "Hana Sato", "Pieter de Vries", "Amara Okafor", "Jonas Lindqvist", "Ines Carvalho", "Omar Haddad"}
	cities := []string{"CLEVELAND", "TULSA", "BOSTON", "DENVER", "ATLANTA", "PHOENIX", "OMAHA", "DALLAS"}
	clubs := []string{"Rovers", "Athletic", "Wanderers", "United", "City", "Albion", "Rangers", "County"}
	towns := []string{"Barnsley", "Kilmarnock", "Tranmere", "Exeter", "Gillingham", "Hartlepool", "Morecambe", "Crewe", "Walsall", "Stevenage"}
	dividend := func() evidence.Input {
		firm, ceo, c := pick(firms), pick(people), 10+rng.Intn(80)
		return evidence.Input{Lang: "en",
			Title: fmt.Sprintf("%s declares quarterly dividend of $0.%02d per share", firm, c),
			Text: fmt.Sprintf("%s -- %s today announced that its Board of Directors declared a quarterly cash dividend of $0.%02d per share of common stock, payable on %s %d to shareholders of record at the close of business on %s %d.\n"+
				"\"This dividend reflects our confidence in the business,\" said %s, chief executive officer of %s. The company has paid a dividend for %d consecutive quarters, totalling $%d.%d million over the last twelve months.",
				pick(cities), firm, c, pick([]string{"March", "June", "September"}), 1+rng.Intn(28), pick([]string{"February", "May", "August"}), 1+rng.Intn(28), ceo, firm, 20+rng.Intn(90), 10+rng.Intn(400), rng.Intn(10))}
	}
	money := func() evidence.Input {
		r1, r2 := 100+rng.Intn(400), 100+rng.Intn(400)
		return evidence.Input{Lang: "en",
			Title: fmt.Sprintf("Money market: overnight rate at %d.%02d pct, %s liquidity %s", r1/100, r1%100, pick([]string{"banking", "system"}), pick([]string{"tight", "ample", "steady"})),
			Text: fmt.Sprintf("The overnight call money rate ended at %d.%02d percent on %s, against %d.%02d percent on the previous day, dealers said. The central bank injected %d billion through its repo window, while banks parked %d billion in the reverse repo facility.\n"+
				"The benchmark %d-day rate was quoted at %d.%02d percent. \"Liquidity should ease after tax outflows,\" said %s, a dealer at %s.",
				r1/100, r1%100, pick([]string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"}), r2/100, r2%100, 10+rng.Intn(900), 10+rng.Intn(900), 7+rng.Intn(80), r2/100, r2%100, pick(people), pick(firms))}
	}
	football := func() evidence.Input {
		home, away := pick(towns)+" "+pick(clubs), pick(towns)+" "+pick(clubs)
		g1, g2, att := rng.Intn(5), rng.Intn(5), 3000+rng.Intn(20000)
		return evidence.Input{Lang: "en",
			Title: fmt.Sprintf("%s %d-%d %s", home, g1, g2, away),
			Text: fmt.Sprintf("%s and %s met in League Two on Saturday in front of %d supporters. %s opened the scoring after %d minutes and %s replied on the hour.\n"+
				"The result leaves %s in %dth place with %d points, while %s stay %dth on %d points.",
				home, away, att, pick(people), 5+rng.Intn(40), pick(people), home, 1+rng.Intn(24), 10+rng.Intn(60), away, 1+rng.Intn(24), 10+rng.Intn(60))}
	}
	var out []labelled
	for i := 0; i < n; i++ {
		gen := []func() evidence.Input{dividend, money, football}[i%3]
		a, b := evidence.NewProfile(gen()), evidence.NewProfile(gen())
		out = append(out, labelled{x: evidence.Features(a, b), frame: evidence.TitleFrame(a, b), y: 0, lang: "en", template: true})
	}
	return out
}
