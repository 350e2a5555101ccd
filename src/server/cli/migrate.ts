/** `npm run migrate`: applies pending migrations to the configured database and exits. */
import { migrateToLatest } from '../db/migrate.js';
import { openConfigured } from './open.js';

const { handle } = openConfigured();
try {
  const applied = await migrateToLatest(handle);
  process.stdout.write(applied.length ? `Applied: ${applied.join(', ')}\n` : 'Database is up to date.\n');
} catch (err) {
  process.stderr.write(`Migration failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
} finally {
  await handle.close();
}
