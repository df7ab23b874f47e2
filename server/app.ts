// Builds the whole HTTP app from a config and an open, migrated database. Used by server/main.ts (the process) and
// in-process by tests (app.request(...)), so both run the same middleware and routes.
import { Hono } from 'hono';
import { SECURITY_HEADERS } from '../security-headers.ts';
import { fail, MIN_PROTOCOL, PROTOCOL, type App, type AppDeps, type AppEnv, type RegisterRoutes } from './http.ts';
import { requestLog } from './request-log.ts';
import { registerStatic } from './static.ts';
import { registerHealthRoutes } from './routes/health.ts';
import { registerSyncRoutes } from './routes/sync.ts';
import { registerClassRoutes } from './routes/classes.ts';
import { addressRateLimit } from './rate-limit.ts';

/** Every file under server/routes/ adds itself here. */
const ROUTES: RegisterRoutes[] = [registerHealthRoutes, registerSyncRoutes, registerClassRoutes];

export function createApp(deps: AppDeps): App {
  const app = new Hono<AppEnv>();
  if (deps.config.requestLog) app.use('*', requestLog(deps.log));

  app.use('*', async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.res.headers.set(name, value);
  });

  app.use('/api/*', async (c, next) => {
    c.header('X-Drydock-Protocol', String(PROTOCOL));
    c.header('X-Drydock-Min-Protocol', String(MIN_PROTOCOL));
    c.header('Cache-Control', 'no-store');
    // The health check answers anyone (a load balancer has no protocol header); every other route needs one.
    if (c.req.path !== '/api/health') {
      const protocol = Number(c.req.header('X-Drydock-Protocol'));
      if (!Number.isInteger(protocol) || protocol < MIN_PROTOCOL) {
        return fail(c, 426, 'update-app', 'This app is older than the sync server. Reload to update Drydock.');
      }
    }
    await next();
  });
  app.use('/api/*', addressRateLimit(deps));

  for (const register of ROUTES) register(app, deps);

  app.all('/api/*', (c) => fail(c, 404, 'not-found'));
  registerStatic(app, deps.config.dist);

  app.onError((error, c) => {
    // The kind of fault only: a driver's message can quote parameters.
    const code = (error as { code?: unknown }).code;
    deps.log(`fault ${c.req.method} ${error.name}${typeof code === 'string' ? ` ${code}` : ''}`);
    return fail(c, 500, 'server');
  });
  return app;
}
