// `npm test`: the type check, the unit suite, the server suite, and the build with the Playwright suite, in two lanes
// side by side (LANES below says which and why), each phase in its own process group. A phase's output is printed as
// one block when it ends, under a header naming it, so the lines of two phases never interleave; the run fails if any
// phase fails, and ends with a summary naming the phases that failed.
import { spawn } from 'node:child_process';
import { pathToFileURL } from 'node:url';

export interface Phase {
  name: string;
  command: string;
  args: string[];
  /** A phase of the same lane that must have passed first (the build, for the browser tests); otherwise not run. */
  needs?: string;
}

/** Phases in a lane run one after another; a failure stops only the phases that need it. */
export type Lane = Phase[];

export interface Outcome {
  name: string;
  status: 'passed' | 'failed' | 'not run';
  seconds: number;
  /** The exit code, or the signal that ended it. */
  exit?: string;
}

const bin = (name: string) => `node_modules/.bin/${name}`;

/**
 * The build and Playwright take longest (about four of the six minutes when run one after another), so they have a
 * lane of their own; svelte-check, the unit suite and the server suite run one after another in the other, in the
 * time the browser tests leave both cores partly idle (they wait on timers, animations and the server). Both lanes
 * run at the same priority: a lower one for the second lane starved its tests into their timeouts on a busy machine.
 */
export const LANES: Lane[] = [
  [
    { name: 'build', command: bin('vite'), args: ['build', '--outDir', process.env.E2E_DIST ?? 'dist'] },
    { name: 'e2e', command: bin('playwright'), args: ['test'], needs: 'build' },
  ],
  [
    { name: 'check', command: bin('svelte-check'), args: ['--tsconfig', './tsconfig.json', '--fail-on-warnings'] },
    { name: 'unit', command: bin('vitest'), args: ['run'] },
    { name: 'server', command: bin('vitest'), args: ['run', '--config', 'vitest.server.config.ts', '--reporter=verbose'] },
  ],
];

const seconds = (since: number) => (performance.now() - since) / 1000;
const format = (s: number) => (s >= 60 ? `${Math.floor(Math.round(s) / 60)} min ${Math.round(s) % 60} s` : `${s.toFixed(1)} s`);

/** The phases running now: process group id, name and start. */
const running = new Map<number, { name: string; started: number }>();

/** Stops a phase's whole process group (a test server or browser it left behind too). */
function stopGroup(pid: number, signal: NodeJS.Signals = 'SIGTERM'): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group has already gone.
  }
}

function runPhase(phase: Phase, write: (text: string) => void): Promise<Outcome> {
  const started = performance.now();
  write(`▶ ${phase.name}: ${[phase.command, ...phase.args].join(' ')}\n`);
  return new Promise((resolve) => {
    const child = spawn(phase.command, phase.args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const output: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk));
    if (child.pid !== undefined) running.set(child.pid, { name: phase.name, started });
    let spawnError: Error | undefined;
    child.on('error', (error) => (spawnError = error));
    // Whatever the phase left running in its group (a server, a browser) is stopped when it exits; until then it
    // would hold the output pipes open, and 'close' waits for those.
    child.on('exit', () => {
      if (child.pid === undefined) return;
      running.delete(child.pid);
      stopGroup(child.pid);
    });
    child.on('close', (code, signal) => {
      const passed = code === 0 && !spawnError;
      const outcome: Outcome = { name: phase.name, status: passed ? 'passed' : 'failed', seconds: seconds(started), exit: signal ?? String(code ?? spawnError?.message) };
      const text = Buffer.concat(output).toString('utf8');
      const header = `── ${phase.name}: ${passed ? 'passed' : `FAILED (exit ${outcome.exit})`} in ${format(outcome.seconds)} `.padEnd(100, '─');
      const footer = `── end of ${phase.name} `.padEnd(100, '─');
      const body = text + (text === '' || text.endsWith('\n') ? '' : '\n') + (spawnError ? `${spawnError.message}\n` : '');
      write(`\n${header}\n${body}${footer}\n\n`);
      resolve(outcome);
    });
  });
}

async function runLane(lane: Lane, write: (text: string) => void): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (const phase of lane) {
    if (phase.needs !== undefined && outcomes.find((o) => o.name === phase.needs)?.status !== 'passed') {
      outcomes.push({ name: phase.name, status: 'not run', seconds: 0 });
      continue;
    }
    outcomes.push(await runPhase(phase, write));
  }
  return outcomes;
}

/** Runs the lanes side by side; resolves with every phase's outcome, in lane order. */
export async function runLanes(lanes: Lane[], write: (text: string) => void = (text) => void process.stdout.write(text)): Promise<Outcome[]> {
  const started = performance.now();
  // Output comes in blocks at the end of each phase, so a line a minute says what is still running.
  const heartbeat = setInterval(() => write(`… still running: ${[...running.values()].map((r) => `${r.name} (${format(seconds(r.started))})`).join(', ')}\n`), 60_000);
  const outcomes = (await Promise.all(lanes.map((lane) => runLane(lane, write)))).flat();
  clearInterval(heartbeat);
  const failed = outcomes.filter((o) => o.status !== 'passed');
  const width = Math.max(...outcomes.map((o) => o.name.length));
  const lines = outcomes.map((o) => `  ${o.name.padEnd(width)}  ${o.status === 'failed' ? 'FAILED ' : o.status.padEnd(7)}  ${o.status === 'not run' ? '' : format(o.seconds)}`);
  write(`${failed.length === 0 ? 'All phases passed' : `FAILED: ${failed.map((o) => o.name).join(', ')}`} (${format(seconds(started))} in all)\n${lines.join('\n')}\n`);
  return outcomes;
}

function stopAll(signal: NodeJS.Signals): void {
  for (const pid of running.keys()) stopGroup(pid, signal);
  process.exit(signal === 'SIGINT' ? 130 : 143);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.on('SIGINT', () => stopAll('SIGINT'));
  process.on('SIGTERM', () => stopAll('SIGTERM'));
  const outcomes = await runLanes(LANES);
  process.exitCode = outcomes.every((o) => o.status === 'passed') ? 0 : 1;
}
