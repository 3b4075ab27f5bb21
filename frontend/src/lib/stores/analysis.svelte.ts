import { api as defaultApi, type Api } from '../api/client';
import type { AppError } from '../api/errors';
import type { AnalyzeSummary, Progress } from '../api/types';
import { JobTracker } from './job.svelte';

// AnalysisStore runs the archive analysis (boilerplate, repeats, duplicates,
// stories) as a background job: after each import, or when asked.
export class AnalysisStore {
  // generation grows after each finished analysis, so views reload findings.
  generation = $state(0);
  // The last successful analysis: kept while the next one runs or fails.
  summary = $state.raw<AnalyzeSummary | null>(null);

  readonly job: JobTracker<AnalyzeSummary>;

  constructor(private readonly api: Api = defaultApi) {
    this.job = new JobTracker<AnalyzeSummary>(api, {
      onDone: () => {
        if (this.job.status === 'done') this.summary = this.job.result;
        this.generation++;
      },
    });
  }

  get running(): boolean {
    return this.job.running;
  }

  get progress(): Progress | null {
    return this.job.progress;
  }

  get error(): AppError | null {
    return this.job.error;
  }

  start(full = false): Promise<void> {
    return this.job.start(() => this.api.startAnalyze(full));
  }
}

export const analysis = new AnalysisStore();
