// Sync server throughput: 1,000 simulated devices (500 spaces of two) push 100 operations each (~300-byte
// ciphertext) in batches, pulling after every push, against a real server process on PostgreSQL (DATABASE_URL) or
// PGlite (a fresh data folder). Beside it, the floor: the same rows written by raw batched INSERTs into a table of
// the same shape in the same database, at the same concurrency, right after. Aim: push throughput within 3x of it.
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../server/db/database.ts';
import { fmt } from './lib/browser';

const DEVICES = Number(process.env.BENCH_SYNC_DEVICES ?? 1000);
const OPS_PER_DEVICE = Number(process.env.BENCH_SYNC_OPS ?? 100);
const BATCH = Number(process.env.BENCH_SYNC_BATCH ?? 50);
const CONCURRENCY = Number(process.env.BENCH_SYNC_CONCURRENCY ?? 16);
const CIPHERTEXT_BYTES = 300;
const PULL_PAGE = Number(process.env.BENCH_SYNC_PULL_PAGE ?? 100);
const databaseUrl = process.env.DATABASE_URL || undefined;

const b64 = (bytes: number) => randomBytes(bytes).toString('base64url');
interface Op {
  id: string;
  iv: string;
  data: string;
}
interface Device {
  space: string;
  token: string;
  device: string;
  batches: Op[][];
  cursor: number;
}

// Everything random is made before the clock starts.
const devices: Device[] = [];
for (let i = 0; i < DEVICES; i += 2) {
  const space = b64(16);
  const token = b64(32);
  for (let j = 0; j < 2 && i + j < DEVICES; j++) {
    const ops = Array.from({ length: OPS_PER_DEVICE }, () => ({ id: randomUUID(), iv: b64(12), data: b64(CIPHERTEXT_BYTES) }));
    const batches: Op[][] = [];
    for (let k = 0; k < ops.length; k += BATCH) batches.push(ops.slice(k, k + BATCH));
    devices.push({ space, token, device: b64(16), batches, cursor: 0 });
  }
}

const port = await new Promise<number>((resolve) => {
  const probe = createServer().listen(0, '127.0.0.1', () => {
    const { port } = probe.address() as { port: number };
    probe.close(() => resolve(port));
  });
});
const dataDir = databaseUrl ? '' : mkdtempSync(join(tmpdir(), 'drydock-bench-'));
// BENCH_SYNC_NODE_ARGS passes flags to the server's node, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile it.
const nodeArgs = (process.env.BENCH_SYNC_NODE_ARGS ?? '').split(' ').filter(Boolean);
const server = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'server/main.ts'], {
  env: {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DRYDOCK_DIST: 'bench/no-dist',
    DRYDOCK_DATA: dataDir,
    DRYDOCK_REQUEST_LOG: '0',
    DRYDOCK_RATE_SPACE: '100000000',
    DRYDOCK_RATE_ADDRESS: '100000000',
  },
  detached: true,
  stdio: ['ignore', 'pipe', 'inherit'],
});
const stopServer = () =>
  new Promise<void>((resolve) => {
    server.once('exit', () => resolve());
    try {
      process.kill(-server.pid!, 'SIGTERM');
    } catch {
      resolve();
    }
  });
process.on('exit', () => {
  try {
    process.kill(-server.pid!, 'SIGKILL');
  } catch {
    // gone
  }
});
await new Promise<void>((resolve, reject) => {
  let out = '';
  server.stdout!.on('data', (chunk) => {
    out += chunk;
    if (out.includes('Drydock on http')) resolve();
  });
  server.once('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
});

// node:http with keep-alive rather than fetch: the simulated devices should cost the 2 cores as little as they can,
// so the figures are the server's.
const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
function request(method: string, path: string, headers: Record<string, string>, body?: string): Promise<{ status: number; json: any }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method, path, agent, headers: body === undefined ? headers : { ...headers, 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(body)) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, json: text ? JSON.parse(text) : undefined });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function call(device: Device, method: string, path: string, body?: unknown) {
  const headers = { 'X-Drydock-Protocol': '1', Authorization: `Bearer ${device.token}`, 'X-Drydock-Device': device.device };
  const answer = await request(method, path, headers, body === undefined ? undefined : JSON.stringify(body));
  if (answer.status >= 300) throw new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.json)}`);
  return answer.json;
}

/** Runs `work` over `items` with `CONCURRENCY` at a time. */
async function pool<T>(items: T[], work: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}

const percentile = (samples: number[], q: number) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};

// Setup, not timed: spaces and device registrations.
await pool(devices, async (device) => {
  await request('POST', '/api/spaces', { 'X-Drydock-Protocol': '1', Authorization: `Bearer ${device.token}` }, JSON.stringify({ space: device.space }));
  await call(device, 'POST', `/api/spaces/${device.space}/devices`, { device: device.device, label: b64(40) });
});

// Push phase: every device pushes its batches. Then the pull phase: every device pulls its space from the start
// (its own ops and its partner's), page by page, as a device does after pairing.
const pushMs: number[] = [];
const pullMs: number[] = [];
let pulledOps = 0;
let t0 = performance.now();
await pool(devices, async (device) => {
  for (const ops of device.batches) {
    const t = performance.now();
    const pushed = await call(device, 'POST', `/api/spaces/${device.space}/push`, { ops });
    pushMs.push(performance.now() - t);
    if (pushed.accepted !== ops.length) throw new Error('push lost ops');
  }
});
const pushSeconds = (performance.now() - t0) / 1000;
t0 = performance.now();
await pool(devices, async (device) => {
  for (let more = true; more; ) {
    const t = performance.now();
    const page = await call(device, 'GET', `/api/spaces/${device.space}/pull?after=${device.cursor}&limit=${PULL_PAGE}`);
    pullMs.push(performance.now() - t);
    pulledOps += page.ops.length;
    device.cursor = page.last;
    more = page.more;
  }
});
const pullSeconds = (performance.now() - t0) / 1000;
agent.destroy();
await stopServer();

// The floor, on the same database: the same rows, INSERTed in the same batches at the same concurrency, one
// transaction per batch, into a copy of the ops table's shape (same columns, keys and indexes).
const db = await openDatabase({ databaseUrl, dataDir, poolSize: CONCURRENCY });
await db.exec('DROP TABLE IF EXISTS bench_floor_ops; CREATE TABLE bench_floor_ops (LIKE ops INCLUDING ALL)');
const floorMs: number[] = [];
const seqs = new Map<string, number>();
const floorStarted = performance.now();
await pool(devices, async (device) => {
  for (const ops of device.batches) {
    const t = performance.now();
    const first = seqs.get(device.space) ?? 0;
    seqs.set(device.space, first + ops.length);
    const params: unknown[] = [];
    const rows = ops.map((op, i) => {
      params.push(device.space, first + i + 1, op.id, device.device, op.iv, op.data);
      const p = i * 6;
      return `($${p + 1}, $${p + 2}, $${p + 3}, $${p + 4}, $${p + 5}, $${p + 6})`;
    });
    await db.transaction((tx) => tx.query(`INSERT INTO bench_floor_ops (space_id, seq, id, device, iv, data) VALUES ${rows.join(', ')}`, params));
    floorMs.push(performance.now() - t);
  }
});
const floorSeconds = (performance.now() - floorStarted) / 1000;
const stored = await db.query<{ ops: number; floor: number }>('SELECT (SELECT count(*) FROM ops)::int AS ops, (SELECT count(*) FROM bench_floor_ops)::int AS floor');
const version = await db.version();
await db.exec('DROP TABLE bench_floor_ops');
await db.close();
if (dataDir) rmSync(dataDir, { recursive: true, force: true });

const totalOps = DEVICES * OPS_PER_DEVICE;
if (stored.rows[0].ops !== totalOps || stored.rows[0].floor !== totalOps) throw new Error(`stored ${JSON.stringify(stored.rows[0])}, expected ${totalOps}`);
const pushOpsPerSecond = totalOps / pushSeconds;
const floorOpsPerSecond = totalOps / floorSeconds;
console.log(`store: ${version}${databaseUrl ? ' (DATABASE_URL)' : ' (PGlite data folder)'}; the server in its own process`);
console.log(`${DEVICES} devices x ${OPS_PER_DEVICE} ops (${CIPHERTEXT_BYTES}-byte ciphertext), pushes of ${BATCH}, pulls of ${PULL_PAGE}, ${CONCURRENCY} devices at a time`);
console.log(`push:  ${pushOpsPerSecond.toFixed(0)} ops/s (${pushSeconds.toFixed(1)} s)   p50 ${fmt(percentile(pushMs, 0.5))}   p99 ${fmt(percentile(pushMs, 0.99))}   ${pushMs.length} requests`);
console.log(`pull:  ${(pulledOps / pullSeconds).toFixed(0)} ops/s (${pullSeconds.toFixed(1)} s)   p50 ${fmt(percentile(pullMs, 0.5))}   p99 ${fmt(percentile(pullMs, 0.99))}   ${pullMs.length} requests, ${pulledOps} ops`);
console.log(`floor: ${floorOpsPerSecond.toFixed(0)} ops/s (${floorSeconds.toFixed(1)} s)   p50 ${fmt(percentile(floorMs, 0.5))}   p99 ${fmt(percentile(floorMs, 0.99))}   raw batched INSERTs of the same rows, same batches`);
console.log(`push is ${(floorOpsPerSecond / pushOpsPerSecond).toFixed(2)}x the floor's time (aim: within 3x)`);
