import { MIN_PROTOCOL, PROTOCOL, type RegisterRoutes } from '../http.ts';

/** GET /api/health: tells the app there is a sync server here, and which protocols it speaks. */
export const registerHealthRoutes: RegisterRoutes = (app) => {
  app.get('/api/health', (c) => c.json({ ok: true, protocol: PROTOCOL, minProtocol: MIN_PROTOCOL }));
};
