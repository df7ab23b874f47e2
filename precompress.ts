// Writes a Brotli (.br) and a gzip (.gz) copy beside every text file of the build that is worth compressing, once, at
// build time; server/static.ts sends the copy the browser accepts. The study path is about 85 kB gzip but 280 kB as
// plain text, which a phone on a slow network would otherwise download whole on its first visit.
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';

/** Text formats only: images are compressed already. wasm compresses well too. */
export const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|webmanifest|wasm|txt)$/;
/** Below this a compressed copy saves less than its headers cost. */
const MIN_BYTES = 1024;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

export function precompress(dir: string): void {
  for (const file of filesUnder(dir)) {
    if (!COMPRESSIBLE.test(file) || statSync(file).size < MIN_BYTES) continue;
    const bytes = readFileSync(file);
    writeFileSync(`${file}.br`, brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }));
    writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
  }
}

/** Runs after every other plugin has written its files (the service worker too). */
export function precompressPlugin(): Plugin {
  let outDir = 'dist';
  let write = true;
  return {
    name: 'drydock:precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
      // An in-memory build (the bundle bench) writes nothing to compress.
      write = config.build.write;
    },
    closeBundle: {
      order: 'post',
      sequential: true,
      handler() {
        if (write) precompress(outDir);
      },
    },
  };
}
