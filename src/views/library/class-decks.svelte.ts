// The Library's class-deck panel: one deck's class at a time. An instructor publishes (after being told the deck is
// stored in plain text), shares the link and QR code, publishes versions, reads the history and the most-missed cards,
// and can unpublish. A student checks for updates, turns anonymous progress on or off, and can unsubscribe.
import {
  checkClass,
  classProgress,
  classUrl,
  publishDeck,
  publishNewVersion,
  setProgressSharing,
  unpublish,
  unsubscribe,
  versionHistory,
  type MissedCard,
} from '../../lib/class-decks';
import { markNoticeSeen, publishedClasses, subscriptions, type ClassSubscription, type PublishedClass } from '../../lib/db/class-decks';
import { updateHeadline, type ClassFigures } from '../../lib/domain/class-deck';
import type { VersionEntry } from '../../lib/io/class-deck';

export type PanelStep = 'confirm-publish' | 'instructor' | 'student';

export class ClassDecksState {
  /** By deck id. */
  published = $state.raw<Map<string, PublishedClass>>(new Map());
  subscribed = $state.raw<Map<string, ClassSubscription>>(new Map());
  /** The deck whose class panel is open, and what it shows. */
  open = $state<{ deckId: string; step: PanelStep } | null>(null);
  note = $state('');
  busy = $state(false);
  error = $state<string | null>(null);
  status = $state<string | null>(null);
  qr = $state<string | null>(null);
  versions = $state.raw<VersionEntry[] | null>(null);
  figures = $state.raw<(ClassFigures & { missed: MissedCard[] }) | null>(null);
  confirming = $state<'unpublish' | 'unsubscribe' | null>(null);

  async load(): Promise<void> {
    this.published = new Map((await publishedClasses()).map((p) => [p.deckId, p]));
    this.subscribed = new Map((await subscriptions()).map((s) => [s.deckId, s]));
  }

  /** Opens the panel for a deck: a class it follows, a class it published, or the publish confirmation. */
  async toggle(deckId: string, base: string): Promise<void> {
    if (this.open?.deckId === deckId) {
      this.close();
      return;
    }
    this.close();
    if (this.subscribed.has(deckId)) this.open = { deckId, step: 'student' };
    else if (this.published.has(deckId)) {
      this.open = { deckId, step: 'instructor' };
      await this.showLink(base);
    } else this.open = { deckId, step: 'confirm-publish' };
  }

  close(): void {
    this.open = null;
    this.note = '';
    this.error = null;
    this.status = null;
    this.qr = null;
    this.versions = null;
    this.figures = null;
    this.confirming = null;
  }

  link(base: string): string | null {
    const p = this.open && this.published.get(this.open.deckId);
    return p ? classUrl(base, p.classId) : null;
  }

  private async showLink(base: string): Promise<void> {
    const url = this.link(base);
    if (!url) return;
    // The QR code is drawn into an image (a data: URL), never inserted as markup. Loaded only when a class is shown.
    const { toDataURL } = await import('qrcode');
    this.qr = await toDataURL(url, { errorCorrectionLevel: 'M', margin: 2, width: 240 });
  }

  private async run<T>(work: () => Promise<T>): Promise<T | undefined> {
    this.busy = true;
    this.error = null;
    this.status = null;
    try {
      return await work();
    } catch (e) {
      this.error = `Something went wrong (${e instanceof Error ? e.message : String(e)}). Nothing was changed.`;
      return undefined;
    } finally {
      this.busy = false;
    }
  }

  async publish(base: string, now: number): Promise<void> {
    const deckId = this.open?.deckId;
    if (!deckId) return;
    await this.run(async () => {
      const result = await publishDeck(deckId, this.note, now);
      if (!result.ok) {
        this.error = result.error;
        return;
      }
      await this.load();
      this.open = { deckId, step: 'instructor' };
      this.note = '';
      await this.showLink(base);
      this.status = `Published "${result.value.title}" as version 1. Give your students the class link or QR code.`;
    });
  }

  async publishVersion(now: number): Promise<void> {
    const p = this.open && this.published.get(this.open.deckId);
    if (!p) return;
    await this.run(async () => {
      const result = await publishNewVersion(p.classId, this.note, now);
      if (!result.ok) {
        this.error = result.error;
        return;
      }
      await this.load();
      this.note = '';
      if (this.versions) await this.loadVersions();
      this.status = `Published version ${result.value.version}. Students get it on their next sync or check for updates.`;
    });
  }

  async loadVersions(): Promise<void> {
    const p = this.open && this.published.get(this.open.deckId);
    if (!p) return;
    await this.run(async () => {
      const result = await versionHistory(p.classId);
      if (result.ok) this.versions = result.value;
      else this.error = result.error;
    });
  }

  async loadFigures(): Promise<void> {
    const p = this.open && this.published.get(this.open.deckId);
    if (!p) return;
    await this.run(async () => {
      const result = await classProgress(p.classId);
      if (result.ok) this.figures = result.value;
      else this.error = result.error;
    });
  }

  async unpublish(): Promise<void> {
    const p = this.open && this.published.get(this.open.deckId);
    if (!p) return;
    await this.run(async () => {
      const result = await unpublish(p.classId);
      if (!result.ok) {
        this.error = result.error;
        return;
      }
      await this.load();
      this.close();
      this.status = `"${p.title}" is no longer published. Students keep their cards and progress; they get no more updates.`;
    });
  }

  async checkNow(now: number): Promise<void> {
    const sub = this.open && this.subscribed.get(this.open.deckId);
    if (!sub) return;
    await this.run(async () => {
      const result = await checkClass(sub, now);
      await this.load();
      if (!result.ok) this.error = result.error;
      else if (result.value) {
        this.status = `${updateHeadline(result.value.version, { added: result.value.added.length, changed: result.value.changed.length, retired: result.value.retired.length, skipped: result.value.skipped.length })}.`;
        await markNoticeSeen(sub.classId);
        await this.load();
      } else if (this.subscribed.get(sub.deckId)?.unpublished) this.status = 'The instructor unpublished this class. Your cards and progress stay; no more updates will come.';
      else this.status = `Up to date: version ${sub.version}.`;
    });
  }

  async setSharing(on: boolean): Promise<void> {
    const sub = this.open && this.subscribed.get(this.open.deckId);
    if (!sub) return;
    await this.run(async () => {
      const result = await setProgressSharing(sub.classId, on);
      await this.load();
      if (!result.ok) this.error = result.error;
      else this.status = on ? 'Sharing anonymous progress with the instructor.' : 'Progress sharing is off.';
    });
  }

  async unsubscribe(): Promise<void> {
    const sub = this.open && this.subscribed.get(this.open.deckId);
    if (!sub) return;
    await this.run(async () => {
      await unsubscribe(sub.classId);
      await this.load();
      this.close();
      this.status = `You no longer follow "${sub.title}". Its cards and your progress stay in your Library.`;
    });
  }
}
