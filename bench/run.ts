// npm run bench: builds the app once, serves it with the Drydock server (PGlite in a fresh folder), then runs every
// bench/*.bench.ts in turn. sync.bench.ts starts a server of its own, on DATABASE_URL when set.
// Each bench prints its figures beside a baseline measured in the same run (machines here are noisy).
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const PORT = Number(process.env.BENCH_PORT ?? 4190);
const DIST = 'dist-bench';
const only = process.argv.slice(2);

execFileSync('npx', ['vite', 'build', '--outDir', DIST, '--logLevel', 'warn'], { stdio: 'inherit' });
// Own process group, so the whole server tree stops with it.
const data = mkdtempSync(join(tmpdir(), 'drydock-bench-app-'));
const server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
  env: { ...process.env, HOST: '127.0.0.1', PORT: String(PORT), DRYDOCK_DIST: DIST, DRYDOCK_DATA: data, DATABASE_URL: '', DRYDOCK_REQUEST_LOG: '0' },
  detached: true,
  stdio: 'ignore',
});
const stop = () => {
  try {
    process.kill(-server.pid!, 'SIGTERM');
  } catch {
    // already gone
  }
};
process.on('exit', () => {
  stop();
  rmSync(data, { recursive: true, force: true });
});

const url = `http://127.0.0.1:${PORT}/`;
for (let i = 0; i < 100; i++) {
  try {
    if ((await fetch(`${url}robots.txt`)).ok) break;
  } catch {
    await sleep(200);
  }
}

const benches = readdirSync('bench')
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
let failed = false;
for (const file of benches) {
  console.log(`\n=== ${file} ===`);
  try {
    execFileSync('npx', ['tsx', `bench/${file}`], { stdio: 'inherit', env: { ...process.env, BENCH_URL: url } });
  } catch {
    failed = true;
    console.log(`${file} failed`);
  }
}
stop();
process.exit(failed ? 1 : 0);
