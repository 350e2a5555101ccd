/**
 * Copies SQLite's write-ahead log back into the database file on a worker thread, off the request path.
 *
 * Left to itself, SQLite checkpoints inside the commit that fills the log past 1,000 pages: that commit — and with
 * it every request waiting on the event loop — takes several milliseconds longer. Here a second connection on
 * a worker thread checkpoints (PASSIVE: it never waits for, nor blocks, a writer or a reader) every
 * `everyMs`, and the connection serving requests checkpoints itself only if the log still grows past
 * `FALLBACK_PAGES` (the worker stopped, or a burst outran it), so the log stays bounded either way.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type SQLite from 'better-sqlite3';

/** Pages in the log after which the serving connection checkpoints itself (4 KiB pages: 40 MiB). */
export const FALLBACK_PAGES = 10_000;

// CommonJS evaluated in the worker: it needs no build step and runs the same under tsx and from dist/.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 0');
const timer = setInterval(() => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch {}
}, workerData.everyMs);
parentPort.on('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

export interface Checkpointer {
  stop(): Promise<void>;
}

export function startCheckpointer(sqlite: SQLite.Database, file: string, everyMs = 250): Checkpointer {
  sqlite.pragma(`wal_autocheckpoint = ${FALLBACK_PAGES}`);
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, file, everyMs } });
  worker.unref();
  // Should the worker fail, SQLite's own checkpoint at FALLBACK_PAGES keeps the log bounded.
  worker.on('error', () => undefined);
  return {
    async stop() {
      // Kept alive until it has closed its connection, so that a process awaiting this does not just end.
      worker.ref();
      const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
      worker.postMessage('stop');
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<void>((resolve) => (timer = setTimeout(resolve, 2000)));
      await Promise.race([exited, late]);
      clearTimeout(timer);
      await worker.terminate();
    },
  };
}
