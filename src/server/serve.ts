/**
 * Starts Huifang (main.ts loads it once V8 is set up): validates the configuration, opens and migrates the
 * database, creates the first administrator (or the demo company), serves API and console, and shuts down
 * gracefully on SIGTERM.
 */
import path from 'node:path';
import { buildApp } from './app.js';
import { ensureFirstCompany } from './companies/bootstrap.js';
import { ConfigError, loadConfig } from './config.js';
import { openDatabase } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { startHousekeeping, startIssueJobs } from './jobs.js';
import { version } from './paths.js';

async function main() {
  const env = { ...process.env };
  // The demo keeps its own database so that it never mixes with real data.
  if (env.HUIFANG_DEMO === '1' && !env.HUIFANG_DATA_DIR && !env.DATABASE_URL) env.HUIFANG_DATA_DIR = './data/demo';
  const config = loadConfig(env, version);
  const handle = openDatabase({ databaseUrl: config.databaseUrl, sqliteFile: path.join(config.dataDir, 'huifang.db') });
  const app = await buildApp({ handle, config }, { logger: { level: config.logLevel } });
  const applied = await migrateToLatest(handle);
  if (applied.length) app.log.info({ migrations: applied }, 'applied migrations');
  // The demo seeder is loaded only for the demo.
  if (config.demo && (await (await import('./demo/seed-demo.js')).seedDemo(handle.db, config))) app.log.info('created the demo company');
  await ensureFirstCompany(handle.db, config, app.log);
  const stopHousekeeping = startHousekeeping(handle, config, app.log);
  const stopIssueJobs = startIssueJobs(handle, config, app.log);

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    stopHousekeeping();
    stopIssueJobs();
    await app.close();
    await handle.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
  app.log.info(
    { database: handle.dialect, dataDir: handle.dialect === 'sqlite' ? config.dataDir : undefined, demo: config.demo },
    `Huifang ${version} is serving http://localhost:${config.port}`,
  );
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) {
    process.stderr.write(`${err.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`Huifang failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
