/**
 * `npm start` and `npm run demo` build only when the sources changed: scripts/build-stamp.mjs in a small
 * project folder whose `npm run build` is a fake build (it writes the two outputs and counts its runs) wrapped
 * in the stamp's begin and finish, as the real build is.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const SCRIPT = path.resolve('scripts/build-stamp.mjs');
const FAKE_BUILD = [
  "const fs = require('node:fs');",
  "if (process.env.FAIL_BUILD) { fs.mkdirSync('dist/web', { recursive: true }); fs.writeFileSync('dist/web/index.html', 'half'); process.exit(1); }",
  "fs.mkdirSync('dist/web', { recursive: true }); fs.mkdirSync('dist/server', { recursive: true });",
  "fs.writeFileSync('dist/web/index.html', '<!doctype html>'); fs.writeFileSync('dist/server/main.js', ''); fs.writeFileSync('dist/server/serve.js', '');",
  "fs.appendFileSync('builds.log', 'built\\n');",
].join(' ');

let dir: string;

function stamp(command: 'check' | 'ensure', env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [SCRIPT, command], { cwd: dir, env: { ...process.env, ...env }, encoding: 'utf8' });
  return { status: result.status, output: result.stdout + result.stderr };
}
const builds = () => (fs.existsSync(path.join(dir, 'builds.log')) ? fs.readFileSync(path.join(dir, 'builds.log'), 'utf8').trim().split('\n').length : 0);
const write = (file: string, text: string) => {
  fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  fs.writeFileSync(path.join(dir, file), text);
};

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'huifang-stamp-'));
  fs.writeFileSync(path.join(dir, 'fake-build.cjs'), FAKE_BUILD);
  write(
    'package.json',
    JSON.stringify({
      name: 'stamp-fixture',
      private: true,
      scripts: { build: `node ${JSON.stringify(SCRIPT)} begin && node fake-build.cjs && node ${JSON.stringify(SCRIPT)} finish` },
    }),
  );
  write('package-lock.json', '{"lockfileVersion": 3}');
  write('index.html', '<div id="root"></div>');
  write('vite.config.ts', 'export default {};');
  write('src/server/main.ts', 'console.log("server");');
  write('src/web/main.tsx', 'console.log("console");');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('build stamp', () => {
  it('first start after a fresh clone: builds, and the stamp then says the build is current', () => {
    expect(stamp('check')).toMatchObject({ status: 1, output: expect.stringContaining('no complete build yet') });
    const first = stamp('ensure');
    expect(first.status, first.output).toBe(0);
    expect(builds()).toBe(1);
    expect(fs.existsSync(path.join(dir, 'dist/build-stamp.json'))).toBe(true);
    expect(stamp('check').status).toBe(0);
  });

  it('restart with unchanged sources: starts without building, even after a checkout touched every file', () => {
    const later = new Date(Date.now() + 60_000);
    for (const file of ['index.html', 'src/server/main.ts', 'src/web/main.tsx']) fs.utimesSync(path.join(dir, file), later, later);
    const again = stamp('ensure');
    expect(again.status).toBe(0);
    expect(again.output).toContain('starting without a build');
    expect(builds()).toBe(1);
  });

  it('restart after a source changed, a file was added or the lock file moved a dependency: builds again', () => {
    write('src/web/main.tsx', 'console.log("console, changed");');
    expect(stamp('check')).toMatchObject({ status: 1, output: expect.stringContaining('sources changed') });
    expect(stamp('ensure').status).toBe(0);
    expect(builds()).toBe(2);

    write('src/web/pages/NewPage.tsx', 'export const NewPage = 1;');
    expect(stamp('ensure').status).toBe(0);
    expect(builds()).toBe(3);

    write('package-lock.json', '{"lockfileVersion": 3, "packages": {}}');
    expect(stamp('ensure').status).toBe(0);
    expect(builds()).toBe(4);
    expect(stamp('ensure').status).toBe(0);
    expect(builds()).toBe(4);
  });

  it('restart after dist/server was deleted, outside npm (npm found on the PATH): builds again', () => {
    fs.rmSync(path.join(dir, 'dist/server'), { recursive: true });
    expect(stamp('check')).toMatchObject({ status: 1, output: expect.stringContaining('dist/server/main.js is missing') });
    expect(stamp('ensure', { npm_execpath: '' }).status).toBe(0);
    expect(builds()).toBe(5);
  });

  it('a build that fails halfway: the start fails, and the next start builds again instead of serving half a build', () => {
    write('src/server/main.ts', 'console.log("server, changed");');
    const failed = stamp('ensure', { FAIL_BUILD: '1' });
    expect(failed.status).not.toBe(0);
    expect(fs.existsSync(path.join(dir, 'dist/build-stamp.json'))).toBe(false);
    expect(stamp('check').status).toBe(1);
    expect(stamp('ensure').status).toBe(0);
    expect(builds()).toBe(6);
    expect(stamp('check').status).toBe(0);
  });

  it('npm start, npm run demo and npm run bench go through the check; npm run build writes the stamp', () => {
    const { scripts } = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
    for (const name of ['start', 'demo', 'bench']) expect(scripts[name], name).toMatch(/^node scripts\/build-stamp\.mjs ensure && /);
    expect(scripts.build).toMatch(/^node scripts\/build-stamp\.mjs begin && .* && node scripts\/build-stamp\.mjs finish$/);
  });
});
