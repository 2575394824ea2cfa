import { ROOT_USER, type AuthOptions, type Engine } from '../engine/index.js';
import { goJson } from '../gojson.js';
import { httpUserOf, NOT_AUTHENTICATED } from './auth.js';
import { RESET_PATH } from '../reset-path.js';
import type { RestHandler } from './handler.js';

/**
 * Wraps a RESTful v2 handler with the test kit's reset route, for tests that run in other
 * processes than the server (vitest and Jest workers): `POST /_mvkit/reset` calls
 * {@link Engine.reset} and answers HTTP 200 `{"code":0,"data":{}}`; every other request goes to
 * `handler`. With `auth`, only `root` may reset: missing or wrong credentials are HTTP 401
 * `{"code":1800,...}` as on every route, another user HTTP 403 `{"code":65535,...}`.
 */
export function withResetRoute(handler: RestHandler, engine: Engine, options: { auth?: AuthOptions } = {}): RestHandler {
  const json = (status: number, payload: unknown) => ({ status, headers: { 'content-type': 'application/json; charset=utf-8' }, body: goJson(payload) });
  return async (request) => {
    if (request.method.toUpperCase() !== 'POST' || request.path.split('?')[0] !== RESET_PATH) return handler(request);
    if (options.auth) {
      const header = Object.entries(request.headers).find(([k]) => k.toLowerCase() === 'authorization')?.[1];
      const user = await httpUserOf(engine.rbac, header);
      if (user === undefined) return json(401, NOT_AUTHENTICATED);
      if (user !== ROOT_USER) return json(403, { code: 65535, message: `only ${ROOT_USER} may reset the server, not ${user}` });
    }
    engine.reset();
    return json(200, { code: 0, data: {} });
  };
}
