import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/server/db/database.js';
import { migrateToLatest } from '../../src/server/db/migrate.js';

// The embedded database file, whichever database the rest of the suite runs on.
describe('write-ahead log on the embedded database', () => {
  let handle: DatabaseHandle | undefined;
  let dir: string | undefined;
  afterEach(async () => {
    await handle?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('operator: committed writes reach the database file without the serving connection checkpointing, and survive a restart', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'huifang-wal-'));
    const file = path.join(dir, 'huifang.db');
    handle = openDatabase({ sqliteFile: file });
    await migrateToLatest(handle);
    expect(handle.sqlite!.pragma('wal_autocheckpoint', { simple: true })).toBeGreaterThan(1000);
    const before = fs.statSync(file).size;
    await sql`CREATE TABLE wal_probe (id INTEGER PRIMARY KEY, body TEXT NOT NULL)`.execute(handle.db);
    const insert = handle.sqlite!.prepare('INSERT INTO wal_probe (body) VALUES (?)');
    // About 2 MB, well under the serving connection's own checkpoint threshold.
    handle.sqlite!.transaction(() => {
      for (let i = 0; i < 2000; i++) insert.run(`${i}`.padEnd(1000, 'x'));
    })();

    const deadline = Date.now() + 5000;
    while (fs.statSync(file).size < before + 2_000_000 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(fs.statSync(file).size).toBeGreaterThan(before + 2_000_000);

    await handle.close();
    handle = openDatabase({ sqliteFile: file });
    expect(handle.sqlite!.prepare('SELECT count(*) AS n FROM wal_probe').get()).toEqual({ n: 2000 });
  });
});
