/**
 * Vite build of the web console: served by the API server from dist/web in production. Pages are split by
 * route (src/web/routes.ts); node modules go into a few long-lived chunks (see `vendorChunk`); index.html
 * asks for the app's chunks and the opening page's at once (see `preloadApp`), and every file is also written
 * brotli- and gzip-compressed for the server to send as is.
 */
import { defineConfig, type HtmlTagDescriptor, type Plugin, type Rollup } from 'vite';
import react from '@vitejs/plugin-react';
import { compression } from 'vite-plugin-compression2';

/** The page every visitor sees first: what it needs belongs with the start-up code, not with later pages. */
const LOGIN_PAGE = '/src/web/pages/login/LoginPage.tsx';
/** The app itself, which the entry (main.tsx) imports once it has sent the session request. */
const START = '/src/web/start.tsx';
const REACT = /\/node_modules\/(react|react-dom|scheduler|react-router|react-router-dom|cookie|set-cookie-parser)\//;
const DATA = /\/node_modules\/(@tanstack\/[^/]+|i18next|react-i18next|html-parse-stringify|void-elements|dayjs)\//;
const ANTD = /\/node_modules\/(antd|@ant-design\/icons(-svg)?)\//;
const ANTD_INDEX = '/node_modules/antd/es/index.js';

let startUpAntd: Set<string> | undefined;

/**
 * The antd modules that the start-up code and the login page import: the components they name in
 * `import { … } from 'antd'` (read from the code, since the package index re-exports every component) and
 * the antd files they import directly (locales).
 */
function antdOfStartUp(getModuleIds: () => IterableIterator<string>, getModuleInfo: Rollup.GetModuleInfo): Set<string> {
  const ids = [...getModuleIds()];
  const index = ids.find((id) => id.endsWith(ANTD_INDEX));
  const components = new Map<string, string>();
  for (const [, name, dir] of (index && getModuleInfo(index)?.code?.matchAll(/default as (\w+) \} from ["']\.\/([\w-]+)["']/g)) || []) {
    const file = getModuleInfo(index!)?.importedIds.find((id) => id.endsWith(`/antd/es/${dir}/index.js`));
    if (file) components.set(name, file);
  }
  const roots = new Set<string>();
  const seen = new Set<string>();
  const visit = (id: string) => {
    if (seen.has(id) || id.includes('/node_modules/')) return;
    seen.add(id);
    const info = getModuleInfo(id);
    for (const [, names] of info?.code?.matchAll(/import\s*\{([^}]*)\}\s*from\s*["']antd["']/g) ?? []) {
      for (const name of names.split(',').map((n) => n.trim().split(/\s+as\s+/)[0])) {
        const file = components.get(name);
        if (file) roots.add(file);
      }
    }
    for (const next of info?.importedIds ?? []) {
      if (next.includes('/node_modules/antd/') && !next.endsWith(ANTD_INDEX)) roots.add(next);
      visit(next);
    }
  };
  ids.filter((id) => getModuleInfo(id)?.isEntry || id.endsWith(START) || id.endsWith(LOGIN_PAGE)).forEach(visit);
  return roots;
}

/**
 * Long-lived chunks for node modules: react (React, its DOM and the router), data (TanStack Query, i18next,
 * dayjs) and antd: the components the start-up code and the login page use, everything they depend on (Rollup
 * adds a manual chunk's dependencies to it), and the icons (small, used by most pages, and built on antd's
 * helpers). The rest of antd (tables, date pickers, uploads …) stays with the pages that use it.
 */
function vendorChunk(id: string, { getModuleIds, getModuleInfo }: Rollup.ManualChunkMeta): string | undefined {
  if (!id.includes('/node_modules/')) return undefined;
  if (REACT.test(id)) return 'react';
  if (DATA.test(id)) return 'data';
  startUpAntd ??= antdOfStartUp(getModuleIds, getModuleInfo);
  if (startUpAntd.has(id) || (ANTD.test(id) && id.includes('/@ant-design/icons'))) return 'antd';
  return undefined;
}

/**
 * What index.html asks for beside the small entry (main.tsx), so that nothing waits for the entry to arrive
 * and run: the app's chunks (start.tsx and everything it imports) with their stylesheet, preloaded, and a map
 * from each page module (routes.ts) to the files of its chunks, from which the entry preloads the opening
 * page. The entry script is `async`, so that it runs as soon as it arrives rather than after the stylesheet.
 */
function preloadApp(): Plugin {
  return {
    name: 'huifang-preload-app',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle }) {
        const chunks = Object.values(bundle ?? {}).filter((c): c is Rollup.OutputChunk => c.type === 'chunk');
        const byFile = new Map(chunks.map((c) => [c.fileName, c]));
        /** A chunk and the chunks it imports, as files (scripts and stylesheets), leaving out `known`. */
        const filesOf = (chunk: Rollup.OutputChunk, known: Set<string>) => {
          const js = new Set<string>();
          const css = new Set<string>();
          const visit = (c: Rollup.OutputChunk) => {
            if (c.isEntry || js.has(c.fileName) || known.has(c.fileName)) return;
            js.add(c.fileName);
            c.viteMetadata?.importedCss.forEach((file) => known.has(file) || css.add(file));
            c.imports.forEach((file) => byFile.has(file) && visit(byFile.get(file)!));
          };
          visit(chunk);
          return { js, css };
        };
        const start = chunks.find((c) => c.moduleIds.some((id) => id.endsWith(START)));
        if (!start) throw new Error(`the build has no chunk for ${START}`);
        const app = filesOf(start, new Set());
        const preloaded = new Set([...app.js, ...app.css]);
        const pages: Record<string, string[]> = {};
        for (const chunk of chunks) {
          for (const id of chunk.moduleIds) {
            const key = id.match(/\/src\/web(\/(pages\/.+Page|layout\/AppLayout)\.tsx)$/)?.[1];
            if (!key) continue;
            const { js, css } = filesOf(chunk, preloaded);
            pages['.' + key] = [...css, ...js].map((file) => '/' + file);
          }
        }
        const entry = /<script type="module" crossorigin src="[^"]+">/;
        if (!entry.test(html)) throw new Error('index.html has no entry script');
        const link = (attrs: Record<string, string | boolean>): HtmlTagDescriptor => ({ tag: 'link', attrs, injectTo: 'head' });
        return {
          html: html.replace(entry, (tag) => tag.replace('<script ', '<script async ')),
          tags: [
            ...[...app.css].map((file) => link({ rel: 'stylesheet', crossorigin: true, href: '/' + file })),
            ...[...app.js].map((file) => link({ rel: 'modulepreload', crossorigin: true, href: '/' + file })),
            // The id is PAGE_CHUNKS_ELEMENT of src/web/routes.ts.
            { tag: 'script', attrs: { type: 'application/json', id: 'page-chunks' }, children: JSON.stringify(pages), injectTo: 'body' },
          ],
        };
      },
    },
  };
}

export default defineConfig({
  plugins: [react(), preloadApp(), compression({ algorithms: ['gzip', 'brotliCompress'], threshold: 1024, logLevel: 'silent' })],
  base: '/',
  build: {
    outDir: 'dist/web',
    emptyOutDir: true,
    // The antd chunk (the components every page shares, with the icons) is about 650 kB before compression.
    chunkSizeWarningLimit: 700,
    // dist/web/.vite/manifest.json: which chunks each page needs (the browser tests read it; it is not served).
    manifest: true,
    rollupOptions: {
      onwarn(warning, warn) {
        // zod's sources carry comments Rollup cannot place; harmless, and not ours to fix.
        if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('node_modules/zod')) return;
        warn(warning);
      },
      // Pages share many small modules (API clients, formatters): merged into larger chunks they cost a few round
      // trips fewer on a phone connection, where the browser fetches six files at a time.
      output: {
        manualChunks: vendorChunk,
        experimentalMinChunkSize: 20_000,
        // A merged chunk is named after one of its modules; the start-up code keeps its own name.
        chunkFileNames: (chunk) => (chunk.moduleIds.some((id) => id.endsWith(START)) ? 'assets/start-[hash].js' : 'assets/[name]-[hash].js'),
      },
    },
  },
  server: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
});
