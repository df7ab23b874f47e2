/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';
import { VitePWA } from 'vite-plugin-pwa';
import { SECURITY_HEADERS } from './security-headers.ts';

export default defineConfig({
  base: './',
  plugins: [
    svelte(),
    svelteTesting(),
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      manifest: {
        name: 'Drydock: container and Docker interview flashcards',
        short_name: 'Drydock',
        description: 'Offline spaced-repetition flashcards for container and Docker interviews.',
        theme_color: '#0f3d5e',
        background_color: '#0b1620',
        display: 'standalone',
        start_url: './',
        scope: './',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        // Everything the study path needs is precached; sql.js wasm and the Anki chunks too,
        // so an instructor can import .apkg offline.
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest,wasm,json}'],
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
        navigateFallback: 'index.html',
        // The first visit should be controlled so it works offline without a second load;
        // updates still wait for the user (skipWaiting only on "Reload").
        clientsClaim: true,
        skipWaiting: false,
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  build: { target: 'es2022', sourcemap: false },
  // npm start and the e2e server are `vite preview`: they send the CSP (with frame-ancestors) and friends as headers.
  preview: { headers: SECURITY_HEADERS },
  worker: { format: 'es' },
  test: {
    environment: 'happy-dom',
    include: ['tests/unit/**/*.test.ts'],
    setupFiles: ['tests/unit/setup.ts'],
    testTimeout: 20000,
  },
});
