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

  it('engineer: a page that reads its list through the shared ListPage keeps the list state in the URL with useListParams', () => {
    const pages = sources('src/web/pages').filter((f) => imports(f).includes('../../lists/ListPage'));
    expect(pages.length).toBeGreaterThanOrEqual(10);
    const offending = pages.filter((f) => !imports(f).includes('../../lists/useListParams') || imports(f).includes('../../lib/pagination'));
    expect(offending).toEqual([]);
  });
});
