/**
 * Vite build of the web console: served by the API server from dist/web in production. Pages are split by
 * route (src/web/App.tsx); node modules go into a few long-lived chunks (see `vendorChunk`), and every file is
 * also written brotli- and gzip-compressed for the server to send as is.
 */
import { defineConfig, type Rollup } from 'vite';
import react from '@vitejs/plugin-react';
import { compression } from 'vite-plugin-compression2';

/** The page every visitor sees first: what it needs belongs with the start-up code, not with later pages. */
const LOGIN_PAGE = '/src/web/pages/login/LoginPage.tsx';
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
  ids.filter((id) => getModuleInfo(id)?.isEntry || id.endsWith(LOGIN_PAGE)).forEach(visit);
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

export default defineConfig({
  plugins: [react(), compression({ algorithms: ['gzip', 'brotliCompress'], threshold: 1024, logLevel: 'silent' })],
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
      output: { manualChunks: vendorChunk },
    },
  },
  server: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
});
