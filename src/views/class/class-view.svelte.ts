// The screen a class link opens (#/class/<id>): a preview (title, card count, the instructor's note) and Subscribe.
// Nothing is stored until the student subscribes; no sync space is needed. Sharing progress is off unless ticked.
import { previewClass, subscribe } from '../../lib/class-decks';
import { subscription, type ClassSubscription } from '../../lib/db/class-decks';
import type { ClassInfo } from '../../lib/io/class-deck';

export class ClassViewState {
  info = $state.raw<ClassInfo | null>(null);
  /** Already followed by this collection (perhaps from another device). */
  subscribed = $state.raw<ClassSubscription | null>(null);
  share = $state(false);
  loading = $state(true);
  busy = $state(false);
  error = $state<string | null>(null);

  constructor(readonly classId: string) {}

  async load(): Promise<void> {
    this.loading = true;
    this.subscribed = await subscription(this.classId);
    const info = await previewClass(this.classId);
    if (info.ok) this.info = info.value;
    else if (!this.subscribed) this.error = info.error;
    this.loading = false;
  }

  async subscribe(now: number): Promise<void> {
    this.busy = true;
    this.error = null;
    try {
      const result = await subscribe(this.classId, this.share, now);
      if (result.ok) this.subscribed = result.value;
      else this.error = result.error;
    } finally {
      this.busy = false;
    }
  }
}
