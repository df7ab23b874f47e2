// The Drydock server of the e2e run (playwright.config.ts): server/main.ts itself, on a new PGlite data folder that
// gets its empty cluster from a dump (pglite-dump.ts) instead of initdb, which every test would wait for.
import { seedDataFolder } from './pglite-dump.ts';

if (!process.env.DATABASE_URL) await seedDataFolder(process.env.DRYDOCK_DATA ?? '');
await import('../../server/main.ts');
