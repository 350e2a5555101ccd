/// <reference types="vite/client" />
/**
 * The page modules of routes.ts as lazily loaded chunks, one per page. Each is fetched once: preloading,
 * the first render and later visits share the download.
 */
import type { QueryClient } from '@tanstack/react-query';
import type { PageModuleKey } from './routes';

/**
 * A page module: its component (named as the file) and, optionally, `prefetch(queryClient)`, which asks for
 * the page's first data when the page opens the console, so that the requests run beside the first render.
 */
export type PageModule = Record<string, unknown> & { prefetch?: (queryClient: QueryClient) => void };

export interface PageChunk {
  load: () => Promise<PageModule>;
  /** The component the module exports (the file's name). */
  name: string;
  /** The module once it has loaded, for rendering it without suspending. */
  loaded?: PageModule;
}

const MODULES = import.meta.glob<PageModule>(['./pages/**/*Page.tsx', './layout/AppLayout.tsx']);
const chunks = new Map<PageModuleKey, PageChunk>();

export function pageChunk(key: PageModuleKey): PageChunk {
  const existing = chunks.get(key);
  if (existing) return existing;
  const importer = MODULES[key];
  if (!importer) throw new Error(`no page module ${key}`);
  let loading: Promise<PageModule> | undefined;
  const chunk: PageChunk = {
    name: key.slice(key.lastIndexOf('/') + 1, -'.tsx'.length),
    load: () =>
      (loading ??= importer().then(
        (module) => (chunk.loaded = module),
        (error: unknown) => {
          loading = undefined; // a failed download (offline) is tried again on the next render
          throw error;
        },
      )),
  };
  chunks.set(key, chunk);
  return chunk;
}
