import { api as defaultApi, type Api } from '../api/client';
import { AppError, toAppError } from '../api/errors';
import type { ImportSummary, Progress } from '../api/types';
import { JobTracker } from './job.svelte';

export type Clock = () => number;

// ImportStore runs one import at a time: the paths typed or chosen, the
// job's progress with an ETA, cancel, and the summary with every failed file.
export class ImportStore {
  paths = $state('');
  startedAt = $state(0);
  now = $state(0);
  // Errors of the form or the folder dialog, before any job.
  private formError = $state.raw<AppError | null>(null);

  readonly job: JobTracker<ImportSummary>;
  private readonly listeners = new Set<(s: ImportSummary | null) => void>();

  constructor(
    private readonly api: Api = defaultApi,
    private readonly clock: Clock = () => Date.now(),
  ) {
    this.job = new JobTracker<ImportSummary>(api, {
      onProgress: () => (this.now = this.clock()),
      onDone: () => {
        this.now = this.clock();
        for (const fn of this.listeners) fn(this.job.result);
      },
    });
  }

  get running(): boolean {
    return this.job.running;
  }

  // jobId is the running import's id, null before its start call answers.
  get jobId(): string | null {
    return this.job.status === 'running' ? this.job.id : null;
  }

  get progress(): Progress | null {
    return this.job.progress;
  }

  get summary(): ImportSummary | null {
    return this.job.result;
  }

  get canceled(): boolean {
    return this.job.status === 'canceled';
  }

  get error(): AppError | null {
    return this.formError ?? this.job.error;
  }

  // onFinished registers a callback run after each import ends (to refresh the library).
  onFinished(fn: (s: ImportSummary | null) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  pathList(): string[] {
    return this.paths
      .split(/\r?\n/)
      .map((p) => p.trim())
      .filter((p) => p !== '');
  }

  async choose(): Promise<void> {
    try {
      const dir = await this.api.chooseFolder();
      if (dir) this.paths = [...this.pathList(), dir].join('\n');
    } catch (e) {
      this.formError = toAppError(e);
    }
  }

  async start(): Promise<void> {
    if (this.running) return;
    const paths = this.pathList();
    if (paths.length === 0) {
      this.formError = new AppError('invalid', 'Enter at least one folder or file path to import');
      return;
    }
    this.formError = null;
    this.startedAt = this.clock();
    this.now = this.startedAt;
    await this.job.start(() => this.api.startImport(paths));
  }

  cancel(): Promise<void> {
    return this.job.cancel();
  }

  // etaSeconds estimates the time left from the average rate so far, or
  // null when there is nothing to estimate from yet.
  etaSeconds(): number | null {
    const p = this.progress;
    if (!p || p.total <= 0 || p.done <= 0) return null;
    const elapsed = (this.now - this.startedAt) / 1000;
    if (elapsed <= 0) return null;
    return Math.max(0, ((p.total - p.done) * elapsed) / p.done);
  }
}

export const importer = new ImportStore();
