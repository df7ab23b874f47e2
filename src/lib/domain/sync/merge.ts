// Last-writer-wins between two versions of one record, with the loser kept when the two were concurrent: a version
// that was written on top of the other ('base' equals its clock) simply replaces it and is no conflict.
import { compareHlc } from './hlc';

export interface VersionClock {
  hlc: string;
  base: string;
}

export interface LwwDecision {
  /** The incoming version replaces the local one. */
  apply: boolean;
  /**
   * The versions were concurrent and differ: the losing one goes to "Sync conflicts" so the learner can restore it.
   * 'local' when the local version lost, 'remote' when the incoming one did.
   */
  conflictLoser: 'local' | 'remote' | null;
}

export function decideVersion(local: VersionClock | undefined, remote: VersionClock, sameContent: boolean): LwwDecision {
  if (!local) return { apply: true, conflictLoser: null };
  const order = compareHlc(remote.hlc, local.hlc);
  if (order === 0) return { apply: false, conflictLoser: null };
  if (order > 0) {
    const overwrite = remote.base === local.hlc;
    return { apply: true, conflictLoser: overwrite || sameContent ? null : 'local' };
  }
  const overwritten = local.base === remote.hlc;
  return { apply: false, conflictLoser: overwritten || sameContent ? null : 'remote' };
}
