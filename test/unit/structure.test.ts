/**
 * The structure the code keeps, checked on the sources: what a reviewer would otherwise have to remember.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

const imports = (file: string) => [...fs.readFileSync(file, 'utf8').matchAll(/^import [^;]*? from '([^']+)';/gms)].map((m) => m[1]);

describe('structure of the sources', () => {
  it('engineer: a migration carries its own data and imports only its helpers and kysely', () => {
    const dir = 'src/server/db/migrations';
    const offending = sources(dir)
      .filter((f) => !f.endsWith('helpers.ts'))
      .flatMap((f) => imports(f).filter((i) => i !== 'kysely' && i !== './helpers.js').map((i) => `${path.basename(f)} → ${i}`));
    expect(offending).toEqual([]);
  });

  it('engineer: the Asia/Shanghai clock is implemented once, in src/shared/shanghai.ts', () => {
    const clock = /8 \* 3_?600_?000|28_?800_?000|timeZone: 'Asia\/Shanghai'|T00:00:00\+08:00`/;
    const offending = ['src', 'test', 'bench']
      .flatMap(sources)
      .filter((f) => f !== path.join('src', 'shared', 'shanghai.ts') && f !== path.join('test', 'unit', 'structure.test.ts'))
      .filter((f) => clock.test(fs.readFileSync(f, 'utf8')));
    expect(offending).toEqual([]);
  });

  it('engineer: visits never imports issues; what a visit does to issues goes through the visit-outcomes port', () => {
    const offending = sources('src/server/visits').flatMap((f) => imports(f).filter((i) => i.startsWith('../issues/')).map((i) => `${path.basename(f)} → ${i}`));
    expect(offending).toEqual([]);
  });

  it('engineer: new visit tasks are written by visits/insert-tasks.ts alone', () => {
    const writer = path.join('src', 'server', 'visits', 'insert-tasks.ts');
    const offending = sources('src').filter((f) => f !== writer && /insertInto\('visit_tasks'\)/.test(fs.readFileSync(f, 'utf8')));
    expect(offending).toEqual([]);
  });
  it('engineer: console folders are named after the server domains, but for the console-only areas', () => {
    const domains = fs.readdirSync('src/server', { withFileTypes: true }).filter((e) => e.isDirectory() && fs.existsSync(path.join('src/server', e.name, 'routes.ts'))).map((e) => e.name);
    // login (before a session) and workbench (the landing page drawing on several domains) belong to no domain.
    const consoleOnly = ['login', 'workbench'];
    const pageFolders = fs.readdirSync('src/web/pages', { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    expect(pageFolders.filter((f) => !domains.includes(f) && !consoleOnly.includes(f))).toEqual([]);
    // base.ts, client.ts and invalidation.ts serve every domain's hooks.
    const apiFiles = fs.readdirSync('src/web/api').map((f) => path.basename(f, '.ts'));
    expect(apiFiles.filter((f) => !domains.includes(f) && !['base', 'client', 'invalidation'].includes(f))).toEqual([]);
  });
});
