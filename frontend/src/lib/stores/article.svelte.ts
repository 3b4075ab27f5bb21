import { api as defaultApi, type Api } from '../api/client';
import { toAppError, type AppError } from '../api/errors';
import type { ArticleDetail } from '../api/types';

// ArticleStore holds the article being read. Only the answer to the latest
// load is kept, so clicking quickly through the library never shows a stale
// article under a newer title.
export class ArticleStore {
  ref = $state('');
  detail = $state.raw<ArticleDetail | null>(null);
  loading = $state(false);
  error = $state.raw<AppError | null>(null);
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
    } catch (e) {
      if (seq !== this.seq) return;
      this.detail = null;
      this.error = toAppError(e);
    } finally {
      if (seq === this.seq) this.loading = false;
    }
  }
}

export const article = new ArticleStore();
