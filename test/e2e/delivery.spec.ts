/**
 * How the built console reaches the browser: the login page downloads the start-up chunks (its own code among them)
 * only, never another page's; scripts arrive compressed and, their names being hashed, cached for a year,
 * while index.html is revalidated on every load; on a slow link the session and the opening page are asked
 * for at once, not after the framework has arrived.
 */
import fs from 'node:fs';
import { expect, test } from '@playwright/test';

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
}

const manifest = JSON.parse(fs.readFileSync('dist/web/.vite/manifest.json', 'utf8')) as Record<string, ManifestChunk>;
/** The chunk of each lazily loaded page (and of the logged-in shell), by its source file. */
const pageChunks = Object.values(manifest).filter((c) => c.isDynamicEntry && c.src?.startsWith('src/web/'));

test('visitor: the login page comes with the start-up code, compressed, and loads no other page', async ({ page }) => {
  const scripts: { path: string; encoding?: string; cache?: string }[] = [];
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (url.pathname.endsWith('.js')) scripts.push({ path: url.pathname.slice(1), encoding: response.headers()['content-encoding'], cache: response.headers()['cache-control'] });
  });
  const documentResponse = await page.goto('/login');
  expect(documentResponse?.headers()['cache-control']).toBe('no-cache');
  await expect(page.getByRole('button', { name: /^登\s?录$/ })).toBeVisible();
  await page.waitForLoadState('networkidle');

  // Every page is loaded on its own; the login page, being small, travels with the start-up code (small modules are
  // merged into the chunks that load them).
  expect(pageChunks.length).toBeGreaterThan(20);
  const loadedLazily = Object.values(manifest).filter((c) => c.isDynamicEntry && scripts.some((s) => s.path === c.file));
  expect(loadedLazily.map((c) => c.file).filter((file) => !/^assets\/(start|LoginPage)-/.test(file))).toEqual([]);
  expect(loadedLazily.length).toBeGreaterThan(0);

  const entry = Object.values(manifest).find((c) => c.isEntry)!;
  expect(scripts.map((s) => s.path)).toContain(entry.file);
  for (const script of scripts) {
    expect(script.cache, script.path).toBe('public, max-age=31536000, immutable');
    // Files under 1 KB are not worth compressing. Chromium asks for brotli only over HTTPS; on plain HTTP it
    // takes the gzip copy.
    if (fs.existsSync(`dist/web/${script.path}.gz`)) expect(['br', 'gzip'], script.path).toContain(script.encoding);
    else expect(fs.statSync(`dist/web/${script.path}`).size, script.path).toBeLessThan(1024);
  }
});

test('browser asking for brotli: gets the entry script brotli-compressed and immutable', async ({ request }) => {
  const entry = Object.values(manifest).find((c) => c.isEntry)!;
  const response = await request.get(`/${entry.file}`, { headers: { 'accept-encoding': 'br' } });
  expect(response.status()).toBe(200);
  expect(response.headers()['content-encoding']).toBe('br');
  expect(response.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  expect(Number(response.headers()['content-length'])).toBe(fs.statSync(`dist/web/${entry.file}.br`).size);
});

test('visitor on a slow link: the session and the opening page are asked for while the framework still downloads', async ({ page }) => {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: 4_000_000 / 8, uploadThroughput: 1_000_000 / 8 });
  // Signed out, a link to the visit records opens the login page in the end, but its chunks are fetched first.
  await page.goto('/visit-records');
  await expect(page.getByRole('button', { name: /^登\s?录$/ })).toBeVisible({ timeout: 30_000 });

  const timings = await page.evaluate(() =>
    performance.getEntriesByType('resource').map((e) => ({ path: new URL(e.name).pathname, start: e.startTime, end: (e as PerformanceResourceTiming).responseEnd })),
  );
  const at = (path: string) => timings.find((t) => t.path === path);
  const antd = timings.find((t) => /^\/assets\/antd-[\w-]+\.js$/.test(t.path));
  const session = at('/api/v1/auth/session');
  const recordsPage = at('/' + pageChunks.find((c) => c.src === 'src/web/pages/visits/VisitRecordsPage.tsx')!.file);
  expect(antd, 'the antd chunk is downloaded').toBeDefined();
  expect(session, 'the session is asked for').toBeDefined();
  expect(recordsPage, 'the opening page is fetched').toBeDefined();
  expect(session!.start).toBeLessThan(antd!.end);
  expect(recordsPage!.start).toBeLessThan(antd!.end);
  // The spinner of index.html stood in until the first render replaced it.
  await expect(page.getByRole('progressbar', { name: /加载中/ })).toHaveCount(0);
});
