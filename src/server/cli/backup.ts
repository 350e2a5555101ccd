/**
 * `npm run backup [-- <file>]`: writes a consistent copy of the SQLite database while the server keeps
 * running (SQLite online backup API). For PostgreSQL use pg_dump, as the README explains.
 */
import { now } from '../clock.js';
import fs from 'node:fs';
import path from 'node:path';
import { openConfigured } from './open.js';

const { config, sqliteFile, handle } = openConfigured();
try {
  if (!handle.sqlite) {
    process.stderr.write('DATABASE_URL points to PostgreSQL: back it up with pg_dump (see README).\n');
    process.exitCode = 2;
  } else if (!fs.existsSync(sqliteFile)) {
    process.stderr.write(`No database at ${sqliteFile}\n`);
    process.exitCode = 2;
  } else {
    const stamp = new Date(now()).toISOString().replace(/[:.]/g, '-');
    const target = path.resolve(process.argv[2] ?? path.join(config.dataDir, 'backups', `huifang-${stamp}.db`));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    await handle.sqlite.backup(target);
    process.stdout.write(`Backup written to ${target}\n`);
  }
} finally {
  await handle.close();
}
