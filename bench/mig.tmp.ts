import { openDatabase } from '../src/server/db/database.js';
import { migrateToLatest } from '../src/server/db/migrate.js';
const h = openDatabase({ sqliteFile: '/tmp/kpi1m.db' });
const t = performance.now();
console.log(await migrateToLatest(h), ((performance.now() - t) / 1000).toFixed(1), 's');
