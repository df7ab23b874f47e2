// The built PWA, with the headers a service worker needs: the files that decide which version runs (sw.js,
// index.html, the manifest) are revalidated on every load; Vite's content-hashed files under /assets/ never change,
// so browsers keep them for a year. Anything else gets a short revalidating cache. Text files go out as the Brotli or
// gzip copy the build wrote beside them (precompress.ts), when the browser accepts it.
import { serveStatic } from '@hono/node-server/serve-static';
import type { Context } from 'hono';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { App, AppEnv } from './http.ts';

export function cacheControlFor(path: string): string {
  // A compressed copy (index.html.br) is cached like the file it stands for.
  const name = (path.split(/[\\/]/).pop() ?? '').replace(/\.(br|gz|zst)$/, '');
  if (/^(sw\.js|index\.html|manifest\.webmanifest|registerSW\.js)$/.test(name) || name.startsWith('workbox-')) {
    return 'no-cache';
  }
  if (/[\\/]assets[\\/]/.test(path)) return 'public, max-age=31536000, immutable';
  return 'public, max-age=0, must-revalidate';
}

export function registerStatic(app: App, dist: string) {
  if (!existsSync(join(dist, 'index.html'))) {
    // The API still works; a page request says what is missing instead of a bare 404.
    app.get('*', (c) => c.text(`No built app in ${dist}: run "npm run build" (or "npm start", which builds first).`, 503));
    return;
  }
  // serveStatic names the file it sends through onFound, after its answer is made; the header goes on here.
  app.use('*', async (c, next) => {
    await next();
    const file = c.get('staticFile');
    if (file && c.res.status < 300) c.res.headers.set('Cache-Control', cacheControlFor(file));
  });
  const onFound = (path: string, c: Context<AppEnv>) => {
    c.set('staticFile', path);
  };
  app.use('*', serveStatic({ root: dist, onFound, precompressed: true }));
  // Single-page app: an unknown page path gets index.html, so a reload on a deep link still opens the app.
  // A path that looks like a file (has an extension) gets a real 404 rather than HTML under a wrong type.
  app.get('*', async (c, next) => {
    if (/\.[a-z0-9]+$/i.test(c.req.path)) return next();
    return serveStatic({ root: dist, path: 'index.html', onFound, precompressed: true })(c, next);
  });
}
