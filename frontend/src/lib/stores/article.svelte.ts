import { api as defaultApi, type Api } from '../api/client';
import { toAppError, type AppError } from '../api/errors';
import type { ArticleDetail, ArticleRepeats, Pair, Story } from '../api/types';

// ArticleStore holds the article being read. Only the answer to the latest
// load is kept, so clicking quickly through the library never shows a stale
// article under a newer title.
export class ArticleStore {
  ref = $state('');
  detail = $state.raw<ArticleDetail | null>(null);
  loading = $state(false);
  error = $state.raw<AppError | null>(null);
  // Findings of the analysis; an error here does not hide the article.
  repeats = $state.raw<ArticleRepeats | null>(null);
  similar = $state.raw<{ pair: Pair; other: number; title: string }[]>([]);
  story = $state.raw<Story | null>(null);
  findingsError = $state.raw<AppError | null>(null);
  private seq = 0;

  constructor(private readonly api: Api = defaultApi) {}

  async load(ref: string): Promise<void> {
    const seq = ++this.seq;
    // Never show the previous article under a new address while loading.
    if (ref !== this.ref) this.detail = null;
    this.ref = ref;
    this.loading = true;
    this.error = null;
    try {
      const d = await this.api.getArticle(ref);
      if (seq !== this.seq) return;
      this.detail = d;
      void this.loadFindings(String(d.id), seq);
    } catch (e) {
      if (seq !== this.seq) return;
      this.detail = null;
      this.error = toAppError(e);
    } finally {
      if (seq === this.seq) this.loading = false;
    }
  }

  // replace shows the article as the service returned it after an edit.
  replace(d: ArticleDetail): void {
    if (String(d.id) === String(this.detail?.id)) this.detail = { ...d, badges: d.badges ?? this.detail?.badges };
  }

  // patch changes what a tag or note call returned on the article shown.
  patch(p: Pick<Partial<ArticleDetail>, 'tags' | 'note'>): void {
    if (this.detail) this.detail = { ...this.detail, ...p };
  }

  // loadFindings fetches what the analysis found about the article; the
  // article shows at once and these fill in.
  async loadFindings(ref: string, seq = this.seq): Promise<void> {
    if (ref !== String(this.detail?.id)) {
      this.repeats = null;
      this.similar = [];
      this.story = null;
    }
    try {
      const [repeats, pairs, story] = await Promise.all([
        this.api.repeats(ref),
        this.api.similar(ref),
        this.api.storyOf(ref),
      ]);
      const id = Number(ref);
      const top = pairs.slice(0, 8);
      const titles = await Promise.all(
        top.map((p) =>
          this.api
            .getArticle(String(p.a === id ? p.b : p.a))
            .then((d) => d.title)
            .catch(() => ''),
        ),
      );
      if (seq !== this.seq) return;
      this.repeats = repeats;
      this.story = story;
      this.similar = top.map((pair, i) => ({ pair, other: pair.a === id ? pair.b : pair.a, title: titles[i] }));
      this.findingsError = null;
    } catch (e) {
      if (seq === this.seq) this.findingsError = toAppError(e);
    }
  }
}

export const article = new ArticleStore();
