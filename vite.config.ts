/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';
import { VitePWA } from 'vite-plugin-pwa';
import { SECURITY_HEADERS } from './security-headers.ts';
import { precompressPlugin } from './precompress.ts';
import { firstScreenChunks } from './first-screen-chunks.ts';
import { readdirSync, readFileSync } from 'node:fs';
import { stableId } from './src/lib/domain/ids.ts';

// Each shipped deck's hash, as the merge stores it (bundled.ts: stableId of the file's text), so the first screens
// can tell that the stored decks are current without loading the merge (src/lib/db/bundled-check.ts).
const BUNDLED_DECK_HASHES = Object.fromEntries(
  readdirSync('decks')
    .filter((f) => f.endsWith('.deck.json'))
    .map((f) => [f.replace(/\.deck\.json$/, ''), stableId(readFileSync(`decks/${f}`, 'utf8'))]),
);

// The import-screen image tests drive the screen's state class, which announces changes on `window`.
const DOM_TESTS = ['tests/unit/ui/**/*.test.ts', 'tests/unit/views/**/*.test.ts', 'tests/unit/db/imports-media.test.ts', 'tests/unit/domain/optimizer/fsrs-browser.test.ts'];

export default defineConfig({
  base: './',
  define: { __BUNDLED_DECK_HASHES__: JSON.stringify(BUNDLED_DECK_HASHES) },
  resolve: {
    // Dexie's modern build (dist/modern/dexie.mjs, exported by the package for modern bundlers): the same code as the
    // package's default ES5 one without the down-levelling, about 2 kB gzip less on every first screen.
    alias: [{ find: /^dexie$/, replacement: 'dexie/dist/modern/dexie.mjs' }],
  },
  plugins: [
    svelte(),
    svelteTesting(),
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      manifest: {
        // A stable identity, so a later change of start_url does not make browsers see a different app.
        id: './',
        name: 'Drydock: container and Docker interview flashcards',
        short_name: 'Drydock',
        description: 'Offline spaced-repetition flashcards for container and Docker interviews.',
        theme_color: '#0f3d5e',
        // The splash screen: the theme colour, which is also the icon's background, so icon and splash are one block.
        background_color: '#0f3d5e',
        display: 'standalone',
        start_url: './',
        scope: './',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
        // Shown in the richer install dialog; made by scripts/make-screenshots.ts from the built app.
        screenshots: [
          { src: 'screenshots/phone-decks.png', sizes: '780x1688', type: 'image/png', form_factor: 'narrow', label: 'The deck list with today’s new, learning and due counts' },
          { src: 'screenshots/phone-study.png', sizes: '780x1688', type: 'image/png', form_factor: 'narrow', label: 'A flashcard with its answer and the four rating buttons' },
          { src: 'screenshots/wide-stats.png', sizes: '1280x800', type: 'image/png', form_factor: 'wide', label: 'Study statistics on a wide screen' },
        ],
      },
      workbox: {
        // Everything the study path needs is precached; sql.js wasm and the Anki chunks too,
        // so an instructor can import .apkg offline.
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest,wasm,json}'],
        // The optimiser's 1.7 MB wasm is fetched only when a learner asks to optimise, then kept for offline use.
        // The store screenshots are for the install dialog only; the app never shows them.
        globIgnores: ['**/node_modules/**/*', 'sw.js', 'workbox-*.js', '**/fsrs_browser_bg-*.wasm', 'screenshots/**'],
        runtimeCaching: [
          {
            urlPattern: /\/fsrs_browser_bg-[\w-]+\.wasm$/,
            handler: 'CacheFirst',
            options: { cacheName: 'drydock-optimiser', expiration: { maxEntries: 2 } },
          },
        ],
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
        navigateFallback: 'index.html',
        // The first visit should be controlled so it works offline without a second load;
        // updates still wait for the user (skipWaiting only on "Reload").
        clientsClaim: true,
        skipWaiting: false,
        cleanupOutdatedCaches: true,
      },
    }),
    precompressPlugin(),
  ],
  build: {
    target: 'es2022',
    sourcemap: false,
    // Every browser Drydock supports (es2022) has <link rel="modulepreload">; the polyfill would ship to all of them.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: { codeSplitting: firstScreenChunks() },
    },
  },
  // npm start and the e2e server are server/main.ts, which sends these too; `npm run preview` keeps them for a quick look.
  preview: { headers: SECURITY_HEADERS },
  worker: { format: 'es' },
  test: {
    setupFiles: ['tests/unit/setup.ts'],
    testTimeout: 20000,
    // Vitest's default leaves one core free, which on a two-core machine is one worker: the unit suite takes both, as
    // nothing else runs beside it in `npm test`.
    maxWorkers: 2,
    // A DOM (happy-dom) only for the tests of components and screens, and the wasm optimiser's browser glue; the rest
    // run in plain Node, which starts each file in a fraction of the time.
    // The Node files share their worker's modules (isolate: false): each file's own module graph cost as much as its
    // tests. Each file still starts with no IndexedDB databases (tests/unit/setup.ts deletes them), and stubs are undone
    // after each test; the suite passes with its files shuffled (--sequence.shuffle.files). The component tests keep
    // their own modules: three of them fail when they share (tried).
    projects: [
      { extends: true, test: { name: 'dom', environment: 'happy-dom', include: DOM_TESTS } },
      { extends: true, test: { name: 'node', environment: 'node', isolate: false, include: ['tests/unit/**/*.test.ts'], exclude: DOM_TESTS } },
    ],
  },
});
