// One line per request: method, path, status, milliseconds. Never a header, a query string or a body, so tokens and
// ciphertext cannot reach the log; space, device and class ids in the path are cut to their first characters.
import type { MiddlewareHandler } from 'hono';

const ID_SEGMENT = /^\/api\/spaces\/([^/]+)(\/devices\/([^/]+))?/;
/** A class link's id is a read capability: whoever has it reads the deck, so the log keeps only its start too. */
const CLASS_SEGMENT = /^\/api\/classes\/([^/]+)/;

function shortId(id: string): string {
  return id.length > 6 ? `${id.slice(0, 6)}…` : id;
}

export function pathForLog(path: string): string {
  let shown = path.replace(ID_SEGMENT, (_all, space: string, devices?: string, device?: string) =>
    `/api/spaces/${shortId(space)}${devices ? `/devices/${shortId(device!)}` : ''}`,
  );
  shown = shown.replace(CLASS_SEGMENT, (_all, id: string) => `/api/classes/${shortId(id)}`);
  // No control characters (a forged line break would forge a log line), and no endless paths.
  shown = shown.replace(/[\u0000-\u001f\u007f]/g, '?');
  return shown.length > 120 ? `${shown.slice(0, 120)}…` : shown;
}

export function requestLog(log: (line: string) => void): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const ms = (performance.now() - started).toFixed(1);
    log(`${c.req.method} ${pathForLog(c.req.path)} ${c.res.status} ${ms}ms`);
  };
}
