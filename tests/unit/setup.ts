import 'fake-indexeddb/auto';
import { loadScheduler } from '../../src/lib/domain/scheduler-lazy';

// The Node test files share their worker's modules (isolate: false in vite.config.ts), and with them fake-indexeddb's
// databases: each file starts with none, as it would in a worker of its own. Open connections (Dexie's) close on the
// deletion's versionchange and open again when next used.
for (const { name } of await indexedDB.databases()) {
  if (name) {
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.deleteDatabase(name);
      request.onsuccess = () => resolve();
      request.onerror = () => reject(request.error);
    });
  }
}

// In the app ts-fsrs loads right after the first card is painted, well before a learner can reveal it; tests reveal at
// once, so they start with it loaded, as the app has it by then. scheduler-lazy.test.ts covers the moment before.
await loadScheduler();
