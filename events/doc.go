// Package events groups articles into events and events into threads,
// incrementally, with stable ids and researchers' corrections.
//
// An event is the versions of one news event: other outlets, translations,
// updates, rewrites. A thread is events on one running topic (a series of
// calls over three years is three events and one thread). The package is
// pure: no SQL, no files. It takes scored pairs (Link: P(same event) and a
// weaker same-thread score, at most K per article, the strongest) and
// returns what changed for the caller to store.
//
// # Why not connected components
//
// Joining every linked pair (union-find) chains: a-b and b-c put a and c
// together though nothing links them, and a template (dividend notices of
// many companies, rate decisions of many years) becomes one giant story.
// Here an article joins an event only if it is linked to the event as a
// whole:
//
//   - it is linked with P >= LinkMin to need(n) = min(n/2+1, Quorum +
//     n/QuorumGrowth, QuorumMax) of the event's n members (a majority of a
//     small event, fewer of a large one: with K links per article, a
//     majority of a 200-member event would be out of reach, hence the cap;
//     the growth keeps three strong links from taking an article into an
//     event of a hundred, which is how undated reports of one topic became
//     one event);
//   - the mean P of its q = min(n, Quorum) strongest links into the event is
//     at least Join, members without a stored link counting 0, so that an
//     event of two needs both links and many weak links add up to nothing;
//   - when both are dated, the article lies within Window of the event's
//     dated span and the span stays within MaxSpan: versions of one event
//     appear within days, and the span bound stops an event from creeping
//     through time one window at a time. Undated articles are not limited;
//   - no stored link between the article and a member is below Veto: a pair
//     the score holds to be two events (an undated report recounting a date
//     months after a member's publication, two items of one template) is
//     not overruled by the strength of the other links.
//
// Among the events that qualify the article joins the one with the highest
// mean P (then more linked members, then the smallest member); if none, it
// starts its own event.
//
// An event that formed early, before the links tying it to the rest
// arrived (K truncation drops links), would stay a fragment. So when an
// article joins one event but qualified for others too, each other event
// of at most 16 members is merged in if need(m) of its m members now
// qualify for the joined event on their own links, the dates allow it and
// no cannot-link or pin stands in the way. Merging two events on one link
// would be exactly a chain; this asks the join rule of each member instead.
//
// An event joins a thread when its members' links with thread score >=
// ThreadMin reach need(m) = min(m/2+1, ThreadQuorum) of the thread's m
// events, and the thread has fewer than MaxThreadEvents; otherwise it pairs
// with the unthreaded event it links to most strongly, making a new thread.
// There is no date window for threads, but the quorum over events and the
// size bound keep one topic from swallowing an archive. Only ThreadScan
// members' links are read per event, which bounds the work.
//
// # Incremental, and the same as a rebuild
//
// State reads the stored clustering through a Source, one article, event,
// thread or constraint list at a time, and caches what it read. AddArticle
// reads the article's links' ends, their events and threads and, when its
// event has no thread yet, the links of that event's members: a number of
// reads set by K, not by the archive (a test counts them). Build adds the
// articles in id order through the same code, so a first analysis gives the
// partition that importing the articles one by one in id order gives (a
// property test checks it). Build is deterministic: ties never depend on
// map order.
//
// # Corrections
//
// Every correction is stored as constraints of three kinds: MustLink (a
// and b in one event), CannotLink (never in one event) and Pin (analysis
// neither moves the article nor joins anyone to it; it goes only where its
// must-links take it). "Same event" is a MustLink, "not the same" a
// CannotLink, "remove" a Pin with the article's must-links dropped, "move
// to event E" a Pin and a MustLink to E's earliest member, "merge" must-links
// from the earliest member to every member of both events, "split" such a
// star for each part and CannotLinks between the parts' earliest members.
// A later verdict on a pair replaces an earlier one. When must-links join
// two articles a cannot-link separates, the must-links win.
//
// Apply re-clusters only the touched events (those holding the named
// articles, closed over must-links): their members are placed again, in id
// order, among themselves, by the rule above with constraints first. Build
// honours the same constraints as each article arrives. Both honour every
// constraint (tests check both after every kind, and after random
// sequences). They can differ in the partition of analysis-placed articles:
// Apply does not let the touched articles join untouched events, nor
// untouched articles reconsider the touched events, which a rebuild does.
//
// # Stable ids
//
// An event keeps its id as articles join. When events merge, the smallest
// id survives and the others are redirected to it (Changes.EventRedirects,
// for the caller to keep so that links to old ids still resolve). After a
// re-clustering each old id goes to the new event holding the old event's
// earliest (smallest) member; an event holding none gets a new id. Threads
// follow the same rules: merging events on two threads merges the threads,
// a split-off part stays on the thread of the event it came from, and an
// article removed to stand alone leaves the thread and is threaded afresh.
package events
