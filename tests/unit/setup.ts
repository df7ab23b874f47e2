import 'fake-indexeddb/auto';
import { loadScheduler } from '../../src/lib/domain/scheduler-lazy';

// In the app ts-fsrs loads right after the first card is painted, well before a learner can reveal it; tests reveal at
// once, so they start with it loaded, as the app has it by then. scheduler-lazy.test.ts covers the moment before.
await loadScheduler();
