import { api as defaultApi, jobError, type Api } from '../api/client';
import { toAppError, type AppError } from '../api/errors';
import type { AnalyzeSummary, JobDone, Progress } from '../api/types';

// AnalysisStore runs the archive analysis (boilerplate, repeats, duplicates,
// stories) as a background job: after each import, or when asked.
export class AnalysisStore {
  jobId = $state<string | null>(null);
  starting = $state(false);
  progress = $state.raw<Progress | null>(null);
  summary = $state.raw<AnalyzeSummary | null>(null);
  error = $state.raw<AppError | null>(null);
  // generation grows after each finished analysis, so views reload findings.
  generation = $state(0);

  private early = new Map<string, JobDone>();

  constructor(private readonly api: Api = defaultApi) {
    api.onProgress((p) => {
      if (p.jobId === this.jobId) this.progress = p;
    });
    api.onDone((d) => this.handleDone(d));
  }

  get running(): boolean {
    return this.jobId !== null || this.starting;
  }

  async start(full = false): Promise<void> {
    if (this.running) return;
    this.starting = true;
    this.error = null;
    this.progress = null;
    try {
      const id = await this.api.startAnalyze(full);
      this.jobId = id;
      const done = this.early.get(id);
      this.early.clear();
      if (done) this.handleDone(done);
    } catch (e) {
      this.error = toAppError(e);
    } finally {
      this.starting = false;
    }
  }

  private handleDone(d: JobDone): void {
    if (d.kind !== 'analyze') return;
    if (this.jobId === null) {
      if (this.starting) this.early.set(d.jobId, d);
      return;
    }
    if (d.jobId !== this.jobId) return;
    this.jobId = null;
    const err = jobError(d);
    if (err && err.code !== 'canceled') this.error = err;
    if (!err) this.summary = (d.result as AnalyzeSummary | undefined) ?? null;
    this.generation++;
  }
}

export const analysis = new AnalysisStore();
