// A sync server kept in memory, speaking the same contract as server/ (idempotent pushes, per-space sequence numbers,
// paged pulls), for unit tests of the device side that need no process. The convergence test uses the real server.
import { SyncError, type Credentials, type DeviceListing, type PulledOp, type SyncTransport } from '../../../src/lib/sync/transport';
import type { SealedOp } from '../../../src/lib/io/sync-crypto';

interface Space {
  token: string;
  ops: PulledOp[];
  ids: Set<string>;
  devices: Map<string, DeviceListing>;
}

export class MemoryServer {
  spaces = new Map<string, Space>();
  /** Set to make the next calls fail as if the network were down. */
  offline = false;

  private space(c: Credentials): Space {
    const space = this.spaces.get(c.space);
    if (!space || space.token !== c.token) throw new SyncError('unauthorized');
    if (space.devices.get(c.device)?.removed) throw new SyncError('device-removed');
    return space;
  }

  transport(options: { dropResponse?: () => boolean } = {}): SyncTransport {
    const guard = () => {
      if (this.offline) throw new SyncError('offline');
    };
    const dropped = () => {
      if (options.dropResponse?.()) throw new SyncError('offline');
    };
    return {
      health: async () => guard(),
      createSpace: async (c) => {
        guard();
        const existing = this.spaces.get(c.space);
        if (existing && existing.token !== c.token) throw new SyncError('space-exists');
        if (!existing) this.spaces.set(c.space, { token: c.token, ops: [], ids: new Set(), devices: new Map() });
      },
      registerDevice: async (c, label) => {
        guard();
        const space = this.space(c);
        if (!space.devices.has(c.device)) space.devices.set(c.device, { device: c.device, label, createdAt: Date.now(), lastSeenAt: null, removed: false });
      },
      listDevices: async (c) => {
        guard();
        return [...this.space(c).devices.values()];
      },
      removeDevice: async (c, device) => {
        guard();
        const entry = this.space(c).devices.get(device);
        if (entry) entry.removed = true;
      },
      deleteSpace: async (c) => {
        guard();
        this.space(c);
        this.spaces.delete(c.space);
      },
      push: async (c, ops: SealedOp[]) => {
        guard();
        const space = this.space(c);
        let accepted = 0;
        for (const op of ops) {
          if (space.ids.has(op.id)) continue;
          space.ids.add(op.id);
          space.ops.push({ ...op, seq: space.ops.length + 1, device: c.device });
          accepted++;
        }
        dropped();
        return { accepted, duplicates: ops.length - accepted, last: space.ops.length };
      },
      pull: async (c, after, limit) => {
        guard();
        const space = this.space(c);
        const ops = space.ops.slice(after, after + limit);
        dropped();
        return { ops, last: ops.length ? ops[ops.length - 1].seq : after, more: after + limit < space.ops.length };
      },
    };
  }
}
