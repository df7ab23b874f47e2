// sql.js loads only when an .apkg is imported or exported (dynamic import), never on the study path. In the browser the
// wasm file is a Vite asset (?url), so it is emitted with a hashed name and precached by the service worker.
import type { SqlJsStatic } from 'sql.js';

let loading: Promise<SqlJsStatic> | null = null;

const inNode = typeof process !== 'undefined' && typeof process.versions?.node === 'string';

async function nodeWasm(): Promise<ArrayBuffer> {
  // Unit tests and benches: read the same wasm from node_modules (the specifier is hidden from the browser bundle).
  const fsName = 'node:fs/promises';
  const fs = (await import(/* @vite-ignore */ fsName)) as typeof import('node:fs/promises');
  const bytes = await fs.readFile(`${process.cwd()}/node_modules/sql.js/dist/sql-wasm-browser.wasm`);
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

export function loadSqlJs(): Promise<SqlJsStatic> {
  loading ??= (async () => {
    const { default: initSqlJs } = await import('sql.js');
    if (inNode) return initSqlJs({ wasmBinary: await nodeWasm() });
    const { default: wasmUrl } = await import('sql.js/dist/sql-wasm-browser.wasm?url');
    return initSqlJs({ locateFile: () => wasmUrl });
  })();
  loading.catch(() => (loading = null));
  return loading;
}
