/**
 * How the server delivers the built console, on a small fixture of what `vite build` writes: compressed copies
 * when the browser accepts them, hashed assets cached for a year, index.html always revalidated.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

const INDEX = `<!doctype html><html lang="zh-CN"><head><script type="module" src="/assets/index-Ab3_x9Zq.js"></script></head><body><div id="root"></div></body></html>`;
const ENTRY = `export const greeting = "${'回访 Huifang '.repeat(400)}";\n`;
const PAGE = 'export const page = 1;\n';

describe('web console delivery', () => {
  let t: TestApp;
  let dir: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'huifang-web-'));
    fs.mkdirSync(path.join(dir, 'assets'));
    fs.mkdirSync(path.join(dir, '.vite'));
    fs.writeFileSync(path.join(dir, 'index.html'), INDEX);
    fs.writeFileSync(path.join(dir, '.vite/manifest.json'), '{}');
    fs.writeFileSync(path.join(dir, 'assets/index-Ab3_x9Zq.js'), ENTRY);
    fs.writeFileSync(path.join(dir, 'assets/index-Ab3_x9Zq.js.br'), zlib.brotliCompressSync(ENTRY));
    fs.writeFileSync(path.join(dir, 'assets/index-Ab3_x9Zq.js.gz'), zlib.gzipSync(ENTRY));
    fs.writeFileSync(path.join(dir, 'assets/LoginPage-Qw12-Er3.js'), PAGE);
    fs.writeFileSync(path.join(dir, 'robots.txt'), 'User-agent: *\n');
    t = await createTestApp({}, { webDir: dir });
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

  it('browser accepting brotli: gets a hashed asset brotli-compressed, cached for a year as immutable', async () => {
    const res = await get('/assets/index-Ab3_x9Zq.js', { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['vary']).toMatch(/accept-encoding/i);
    expect(Number(res.headers['content-length'])).toBeLessThan(Buffer.byteLength(ENTRY) / 10);
    expect(zlib.brotliDecompressSync(res.rawPayload).toString()).toBe(ENTRY);
  });

  it('browser accepting only gzip: gets the gzip copy of the asset', async () => {
    const res = await get('/assets/index-Ab3_x9Zq.js', { 'accept-encoding': 'gzip' });
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(res.rawPayload).toString()).toBe(ENTRY);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('client accepting no compression: gets the plain asset, still immutable', async () => {
    const res = await get('/assets/index-Ab3_x9Zq.js');
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body).toBe(ENTRY);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('browser: an asset too small to be compressed is sent plain with the same year-long cache', async () => {
    const res = await get('/assets/LoginPage-Qw12-Er3.js', { 'accept-encoding': 'br, gzip' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body).toBe(PAGE);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('browser: index.html, served for every console route, is revalidated on each load (no-cache) and answers 304 when unchanged', async () => {
    for (const url of ['/', '/login', '/tasks/42', '/index.html']) {
      const res = await get(url, { 'accept-encoding': 'br, gzip' });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type'], url).toMatch(/^text\/html/);
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(res.body, url).toBe(INDEX);
    }
    const first = await get('/login');
    expect(first.headers.etag).toBeTruthy();
    const again = await get('/login', { 'if-none-match': String(first.headers.etag) });
    expect(again.statusCode).toBe(304);
    expect(again.headers['cache-control']).toBe('no-cache');
  });

  it('browser: a file whose name carries no hash is not cached as immutable', async () => {
    const res = await get('/robots.txt');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('anyone: a missing asset and the build manifest are 404 problems, not the console page', async () => {
    for (const url of ['/assets/index-Zz9_y8Xw.js', '/.vite/manifest.json']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type'], url).toMatch(/^application\/problem\+json/);
      expect(res.json().code, url).toBe('route_not_found');
    }
  });
});
