/**
 * The server as an operator runs it: a real process that starts, migrates, serves, backs up and stops
 * cleanly on SIGTERM, and refuses to start on invalid configuration.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const pgUrl = process.env.TEST_DATABASE_URL;
const tsx = ['--import', 'tsx'];
let dataDir: string;
let schema: string | undefined;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'huifang-proc-'));
  env = { ...process.env, HUIFANG_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', HUIFANG_SCRYPT_COST: '1024', HUIFANG_DEMO: '' };
  delete env.DATABASE_URL;
  if (pgUrl) {
    schema = `p_${crypto.randomBytes(5).toString('hex')}`;
    const c = new pg.Client({ connectionString: pgUrl });
    await c.connect();
    await c.query(`CREATE SCHEMA ${schema}`);
    await c.end();
    env.DATABASE_URL = `${pgUrl}${pgUrl.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  }
});
afterAll(async () => {
  fs.rmSync(dataDir, { recursive: true, force: true });
  if (schema) {
    const c = new pg.Client({ connectionString: pgUrl });
    await c.connect();
    await c.query(`DROP SCHEMA ${schema} CASCADE`);
    await c.end();
  }
});

function start(): Promise<{ child: ChildProcess; port: number; output: () => string }> {
  const child = spawn(process.execPath, [...tsx, 'src/server/main.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 20_000);
    const check = setInterval(() => {
      const m = out.match(/Server listening at http:\/\/127\.0\.0\.1:(\d+)/);
      if (m) {
        clearInterval(check);
        clearTimeout(timer);
        resolve({ child, port: Number(m[1]), output: () => out });
      }
    }, 50);
    child.on('exit', () => {
      clearInterval(check);
      clearTimeout(timer);
      reject(new Error(`server exited:\n${out}`));
    });
  });
}

describe('server process', () => {
  it('operator: starts, serves health, writes JSON logs with request ids, backs up, and stops cleanly on SIGTERM', async () => {
    const { child, port, output } = await start();
    const health = await (await fetch(`http://127.0.0.1:${port}/api/v1/health`, { headers: { 'x-request-id': 'probe-1' } })).json();
    expect(health).toMatchObject({ status: 'ok', database: pgUrl ? 'postgres' : 'sqlite' });

    const logLines = output().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(logLines.some((l) => l.reqId === 'probe-1')).toBe(true);
    expect(logLines.some((l) => typeof l.password === 'string' && String(l.msg).includes('admin'))).toBe(true);

    if (!pgUrl) {
      const backup = spawnSync(process.execPath, [...tsx, 'src/server/cli/backup.ts', path.join(dataDir, 'copy.db')], { env, encoding: 'utf8' });
      expect(backup.stdout).toContain('Backup written to');
      expect(fs.statSync(path.join(dataDir, 'copy.db')).size).toBeGreaterThan(10_000);
    }

    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output()).toContain('shutting down');
  });

  it('operator: the migrate command reports an up-to-date database', () => {
    const res = spawnSync(process.execPath, [...tsx, 'src/server/cli/migrate.ts'], { env, encoding: 'utf8' });
    expect(res.status).toBe(0);
    expect(res.stdout).toMatch(/up to date|Applied/);
  });

  it('operator: invalid configuration stops the start with a message naming the variable', () => {
    const res = spawnSync(process.execPath, [...tsx, 'src/server/main.ts'], { env: { ...env, PORT: 'abc' }, encoding: 'utf8' });
    expect(res.status).toBe(2);
    expect(res.stderr).toContain('Invalid configuration');
    expect(res.stderr).toContain('PORT');
  });
});
