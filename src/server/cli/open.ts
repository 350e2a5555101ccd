/** Opens the configured database for a command-line tool, exactly as the server would. */
import path from 'node:path';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/database.js';
import { version } from '../paths.js';

export function openConfigured() {
  const config = loadConfig(process.env, version);
  const sqliteFile = path.join(config.dataDir, 'huifang.db');
  return { config, sqliteFile, handle: openDatabase({ databaseUrl: config.databaseUrl, sqliteFile }) };
}
