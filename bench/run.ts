// npm run bench: builds the app once, serves it, then runs every bench/*.bench.ts in turn.
// Each bench prints its figures beside a baseline measured in the same run (machines here are noisy).
import { spawn, execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

const PORT = Number(process.env.BENCH_PORT ?? 4190);
const DIST = 'dist-bench';
const only = process.argv.slice(2);

execFileSync('npx', ['vite', 'build', '--outDir', DIST, '--logLevel', 'warn'], { stdio: 'inherit' });
// Own process group, so the whole server tree stops with it.
const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort', '--outDir', DIST], {
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
process.on('exit', stop);

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
