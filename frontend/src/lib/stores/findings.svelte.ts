import { api as defaultApi, type Api } from '../api/client';

// TitleCache remembers article titles and file locations by id, for views
// that list ids.
export class TitleCache {
  titles = $state.raw<Record<number, string>>({});
  paths = $state.raw<Record<number, string[]>>({});
  constructor(private readonly api: Api = defaultApi) {}

  async want(ids: number[]): Promise<void> {
    const missing = [...new Set(ids)].filter((id) => !(id in this.titles));
    if (missing.length === 0) return;
    const got = await Promise.all(
      missing.map((id) =>
        this.api
          .getArticle(String(id))
          .then((d) => [id, d.title, (d.locations ?? []).map((l) => l.path)] as const)
          .catch(() => [id, '', [] as string[]] as const),
      ),
    );
    this.titles = { ...this.titles, ...Object.fromEntries(got.map(([id, t]) => [id, t])) };
    this.paths = { ...this.paths, ...Object.fromEntries(got.map(([id, , p]) => [id, p])) };
  }
}

// pageSize is how many groups or stories a view asks for at a time: a large
// archive has tens of thousands of them.
export const pageSize = 100;
