// Analysis does not yet tell apart the calls that the undated seeds report:
// 000, 001 and 003 carry no date, and by text alone 003 lands in one event
// with 000-002 (see app TestSeedsAreThreeEvents). Tests of the views of an
// event of 003 and 004 first do what a researcher would: move 003 into 004's
// event, through the same API the event page's "Move to..." uses.
export async function move003to004(request, url) {
  const get = async (path) => {
    const res = await request.get(url + 'api/' + path);
    if (!res.ok()) throw new Error(`${path}: ${res.status()}`);
    return res.json();
  };
  const a = await get('articles/003_d2567b8d7e929331.txt');
  const ev = await get('event?ref=004_0cbc97742eea5343.txt');
  if (ev.articles.some((x) => x.id === a.id)) return ev.id;
  const res = await request.post(url + 'api/corrections', { data: { kind: 'move', a: a.id, event: ev.id } });
  if (!res.ok()) throw new Error(`move 003 to event ${ev.id}: ${res.status()} ${await res.text()}`);
  return ev.id;
}
