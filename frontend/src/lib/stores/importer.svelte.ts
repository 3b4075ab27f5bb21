import { api as defaultApi, jobError, type Api } from '../api/client';
import { AppError, toAppError } from '../api/errors';
import type { ImportSummary, JobDone, Progress } from '../api/types';

export type Clock = () => number;

// ImportStore runs one import at a time: the paths typed or chosen, the
// job's progress with an ETA, cancel, and the summary with every failed file.
export class ImportStore {
  paths = $state('');
  jobId = $state<string | null>(null);
  progress = $state.raw<Progress | null>(null);
  summary = $state.raw<ImportSummary | null>(null);
  error = $state.raw<AppError | null>(null);
  canceled = $state(false);
  starting = $state(false);
  startedAt = $state(0);
  now = $state(0);

  private readonly listeners = new Set<(s: ImportSummary | null) => void>();
  // job:done can arrive before StartImport's answer on a fast import.
  private early = new Map<string, JobDone>();

  constructor(
    private readonly api: Api = defaultApi,
    private readonly clock: Clock = () => Date.now(),
  ) {
    api.onProgress((p) => this.handleProgress(p));
    api.onDone((d) => this.handleDone(d));
  }

  get running(): boolean {
    return this.jobId !== null || this.starting;
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
      this.error = toAppError(e);
    }
  }

  async start(): Promise<void> {
    if (this.running) return;
    const paths = this.pathList();
    if (paths.length === 0) {
      this.error = new AppError('invalid', 'Enter at least one folder or file path to import');
      return;
    }
    this.error = null;
    this.summary = null;
    this.canceled = false;
    this.progress = null;
    this.starting = true;
    this.startedAt = this.clock();
    this.now = this.startedAt;
    try {
      const id = await this.api.startImport(paths);
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

  async cancel(): Promise<void> {
    if (!this.jobId) return;
    try {
      await this.api.cancelJob(this.jobId);
    } catch (e) {
      this.error = toAppError(e);
    }
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

  private handleProgress(p: Progress): void {
    if (p.jobId !== this.jobId && !(this.starting && this.jobId === null)) return;
    this.progress = p;
    this.now = this.clock();
  }

  private handleDone(d: JobDone): void {
    if (this.jobId === null) {
      if (this.starting) this.early.set(d.jobId, d);
      return;
    }
    if (d.jobId !== this.jobId) return;
    this.jobId = null;
    this.now = this.clock();
    const err = jobError(d);
    if (err && err.code === 'canceled') this.canceled = true;
    else if (err) this.error = err;
    this.summary = (d.result as ImportSummary | undefined) ?? null;
    for (const fn of this.listeners) fn(this.summary);
  }
}

export const importer = new ImportStore();
