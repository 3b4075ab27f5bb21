import { api as defaultApi, jobError, type Api } from '../api/client';
import { toAppError, type AppError } from '../api/errors';
import type { JobDone, Progress } from '../api/types';
import type { Unsubscribe } from '../api/transport';

// idle: nothing started yet (or the start gave no job, e.g. a closed dialog).
// starting: the start call has not answered. running: the job id is known.
// done, failed, canceled: how the last job ended.
export type JobStatus = 'idle' | 'starting' | 'running' | 'done' | 'failed' | 'canceled';

export interface JobOptions {
  // Called after each job:done of a started job, once the state is updated.
  onDone?: () => void;
  // Called after each progress event of the job, once progress is updated.
  onProgress?: () => void;
}

// JobTracker follows one background job at a time: it starts it, keeps its
// progress, cancels it and records how it ended.
//
// It subscribes to job events before the start call is made, and keeps the
// events that arrive while that call is pending: the service may finish a
// short job, and send its job:done, before the call that started it has
// answered with the id. Once the id is known, its kept events are replayed
// and the rest dropped.
export class JobTracker<R = unknown> {
  status = $state<JobStatus>('idle');
  id = $state<string | null>(null);
  progress = $state.raw<Progress | null>(null);
  result = $state.raw<R | null>(null);
  error = $state.raw<AppError | null>(null);

  // Events of unknown jobs seen while the start call is pending.
  private pending: ({ progress: Progress } | { done: JobDone })[] = [];
  private unsubscribe: Unsubscribe[] = [];
  private cancelAsked = false;
  // Each start gets a number, so a late answer of an older start is ignored.
  private run = 0;

  constructor(
    private readonly api: Api = defaultApi,
    private readonly options: JobOptions = {},
  ) {}

  get running(): boolean {
    return this.status === 'starting' || this.status === 'running';
  }

  // start runs begin, which asks the service for a job and resolves with its
  // id (or null when no job was started). It does nothing while a job runs.
  async start(begin: () => Promise<string | null>): Promise<void> {
    if (this.running) return;
    const run = ++this.run;
    this.stopListening();
    this.status = 'starting';
    this.id = null;
    this.progress = null;
    this.result = null;
    this.error = null;
    this.pending = [];
    this.cancelAsked = false;
    this.unsubscribe = [
      this.api.onProgress((p) => run === this.run && this.onProgress(p)),
      this.api.onDone((d) => run === this.run && this.onDone(d)),
    ];
    let id: string | null;
    try {
      await this.api.ready();
      if (run !== this.run) return;
      id = await begin();
    } catch (e) {
      if (run !== this.run) return;
      this.stopListening();
      this.status = 'failed';
      this.error = toAppError(e);
      return;
    }
    if (run !== this.run) return;
    if (!id) {
      this.stopListening();
      this.status = 'idle';
      return;
    }
    this.id = id;
    this.status = 'running';
    const kept = this.pending;
    this.pending = [];
    for (const e of kept) {
      if ('done' in e) this.onDone(e.done);
      else this.onProgress(e.progress);
    }
    if (this.cancelAsked && this.running) await this.cancel();
  }

  // cancel asks the service to stop the job; the job then ends with a
  // job:done whose code is canceled. Asked before the id is known, the
  // cancel is sent as soon as it is.
  async cancel(): Promise<void> {
    if (this.status === 'starting') {
      this.cancelAsked = true;
      return;
    }
    if (this.status !== 'running' || !this.id) return;
    try {
      await this.api.cancelJob(this.id);
    } catch (e) {
      this.error = toAppError(e);
    }
  }

  // dispose stops listening, for a tracker owned by a component that goes away.
  dispose(): void {
    this.run++;
    this.stopListening();
  }

  private onProgress(p: Progress): void {
    if (this.status === 'starting') {
      this.pending.push({ progress: p });
      return;
    }
    if (this.status !== 'running' || p.jobId !== this.id) return;
    this.progress = p;
    this.options.onProgress?.();
  }

  private onDone(d: JobDone): void {
    if (this.status === 'starting') {
      this.pending.push({ done: d });
      return;
    }
    if (this.status !== 'running' || d.jobId !== this.id) return;
    this.stopListening();
    const err = jobError(d);
    this.result = (d.result as R | undefined) ?? null;
    if (err?.code === 'canceled') this.status = 'canceled';
    else if (err) {
      this.status = 'failed';
      this.error = err;
    } else this.status = 'done';
    this.options.onDone?.();
  }

  private stopListening(): void {
    for (const off of this.unsubscribe) off();
    this.unsubscribe = [];
  }
}
