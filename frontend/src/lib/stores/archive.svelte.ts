import { api as defaultApi, type Api } from '../api/client';
import { toAppError, type AppError } from '../api/errors';
import type { ArchiveInfo, SampleArchive } from '../api/types';
import { library } from './library.svelte';

// ArchiveStore knows which archive the interface shows: the user's own, or
// the sample archive beside it that a first run opens in one click.
export class ArchiveStore {
  info = $state.raw<ArchiveInfo | null>(null);
  // guide says what to look at first in the sample, once it is open.
  guide = $state.raw<SampleArchive | null>(null);
  opening = $state(false);
  error = $state.raw<AppError | null>(null);

  constructor(private readonly api: Api = defaultApi) {}

  async load(): Promise<void> {
    try {
      this.info = await this.api.archive();
    } catch (e) {
      this.error = toAppError(e);
    }
  }

  // openSample shows the sample archive (making it on first use); changed
  // is called once the interface reads from it, to reload what it shows.
  async openSample(changed: () => void | Promise<void>): Promise<void> {
    this.opening = true;
    this.error = null;
    try {
      this.guide = await this.api.openSample();
      await this.load();
      await changed();
    } catch (e) {
      this.error = toAppError(e);
    } finally {
      this.opening = false;
    }
  }

  async leaveSample(changed: () => void | Promise<void>): Promise<void> {
    this.error = null;
    try {
      this.info = await this.api.leaveSample();
      this.guide = null;
      await changed();
    } catch (e) {
      this.error = toAppError(e);
    }
  }
}

export const archive = new ArchiveStore();

// showArchive resets the library to the archive now shown (after opening
// the sample or leaving it) and goes to it.
export async function showArchive(): Promise<void> {
  void library.type('');
  await library.setFilter({ outlet: '', language: '', from: '', to: '', badge: '' });
  if (typeof location !== 'undefined') location.hash = '#/';
}
