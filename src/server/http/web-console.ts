/**
 * Serves the built web console (dist/web): the brotli or gzip file the build wrote beside each asset when the
 * browser accepts it, hashed assets (`assets/name-[hash].js`) cached for a year since their names change with
 * their content, index.html and everything else revalidated on every load, and index.html for every console
 * route (a path without a file extension). Other unknown paths get the API's 404.
 */
import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import { apiNotFound } from './problem.js';
import type { App } from './types.js';

/** Vite names built files `assets/<name>-<8 character hash>.<ext>`; the compressed copies add .br / .gz. */
const HASHED_ASSET = /^assets\/[^/]+-[\w-]{8}\.[a-z0-9]+(\.br|\.gz)?$/i;
export const IMMUTABLE = 'public, max-age=31536000, immutable';

function cacheHeaders(root: string) {
  return (res: { setHeader(name: string, value: string): unknown }, file: string) => {
    const relative = path.relative(root, file).split(path.sep).join('/');
    res.setHeader('cache-control', HASHED_ASSET.test(relative) ? IMMUTABLE : 'no-cache');
    // The same URL answers brotli, gzip or plain bytes depending on the request, so caches must key on it.
    res.setHeader('vary', 'accept-encoding');
  };
}

export async function registerWebConsole(app: App, root: string): Promise<void> {
  const hasWeb = fs.existsSync(path.join(root, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root,
      wildcard: false,
      index: false,
      preCompressed: true,
      // send's own `public, max-age=0` would overwrite the headers set here.
      cacheControl: false,
      setHeaders: cacheHeaders(root),
    });
  }
  app.setNotFoundHandler((request, reply) => {
    // Console routes have no file extension; a missing asset (e.g. after a rebuild) must be a 404, not the page.
    const urlPath = request.url.split('?')[0];
    if (urlPath.startsWith('/api/') || !hasWeb || request.method !== 'GET' || /\.[a-z0-9]+$/i.test(urlPath)) return apiNotFound(request, reply);
    return reply.sendFile('index.html');
  });
}
