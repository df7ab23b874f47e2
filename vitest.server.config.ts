// The server suite (tests/server) runs in Node, not happy-dom, and apart from the unit suite: it starts databases
// and server processes. With TEST_DATABASE_URL or DATABASE_URL set, every store-dependent test runs on PostgreSQL too.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/server/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Test files start their own PGlite instances and server processes: two at a time is what two cores take.
    maxWorkers: 2,
  },
});
