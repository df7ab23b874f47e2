// A PGlite cluster just after initdb, as a dump (PGlite's dumpDataDir), for tests and benches. initdb is 2-3 s of CPU
// for every new PGlite database; loading the dump takes about a second and gives the same empty cluster. Node only,
// no test framework.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PGLITE_VERSION = (JSON.parse(readFileSync(new URL('../../node_modules/@electric-sql/pglite/package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** Made once per PGlite version, in the temp folder, and shared by every process and later runs. */
export async function emptyClusterDump(): Promise<Blob> {
  const file = join(tmpdir(), `drydock-pglite-${PGLITE_VERSION}-initdb.tar`);
  if (existsSync(file)) return new Blob([readFileSync(file)]);
  const { PGlite } = await import('@electric-sql/pglite');
  const pglite = await PGlite.create('memory://');
  const dump = await pglite.dumpDataDir('none');
  await pglite.close();
  // Written under a name of its own, then renamed: a process running beside this one reads a whole dump or none.
  const partial = `${file}.${process.pid}`;
  writeFileSync(partial, new Uint8Array(await dump.arrayBuffer()));
  renameSync(partial, file);
  return dump;
}

/**
 * Gives a server data folder (DRYDOCK_DATA) that has no database yet the empty cluster its first start would make with
 * initdb; the server then opens it as after a restart and applies its migrations. PGlite's files live in the folder's
 * pglite/ (server/db/pglite.ts). A folder with a database, or memory://, is left alone.
 */
export async function seedDataFolder(dataDir: string): Promise<void> {
  if (!dataDir || dataDir.startsWith('memory://') || existsSync(join(dataDir, 'pglite', 'PG_VERSION'))) return;
  const { PGlite } = await import('@electric-sql/pglite');
  const pglite = await PGlite.create(join(dataDir, 'pglite'), { loadDataDir: await emptyClusterDump() });
  await pglite.close();
}
