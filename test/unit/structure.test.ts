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

  it("engineer: http/ imports no domain; each domain's error texts live in its own messages.ts", async () => {
    const server = path.join('src', 'server');
    const folders = fs.readdirSync(server, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    // db/ is the database, not a domain; top-level modules (config, context, clock) are shared by every layer.
    const domains = folders.filter((f) => f !== 'http' && f !== 'db');
    const offending = sources(path.join(server, 'http')).flatMap((f) =>
      imports(f)
        .filter((i) => domains.some((d) => i.startsWith(`../${d}/`)))
        .map((i) => `${path.basename(f)} → ${i}`),
    );
    expect(offending).toEqual([]);

    // Who raises each code: `new AppError('code', …)`, and in http/ also the framework error table.
    const raisedBy = new Map<string, Set<string>>();
    for (const folder of folders) {
      for (const file of sources(path.join(server, folder))) {
        const text = fs.readFileSync(file, 'utf8');
        const found = [...text.matchAll(/new AppError\(\s*'(\w+)'/g)];
        if (folder === 'http') found.push(...text.matchAll(/\['(\w+)', \d{3}\]/g));
        for (const [, code] of found) raisedBy.set(code, (raisedBy.get(code) ?? new Set()).add(folder));
      }
    }
    const codesOf = async (folder: string) => {
      const module = (await import(`../../src/server/${folder}/messages.ts`)) as Record<string, { errors?: object }>;
      return Object.values(module).flatMap((v) => (typeof v === 'object' && v.errors ? Object.keys(v.errors) : []));
    };
    const misplaced: string[] = [];
    for (const [code, by] of raisedBy) {
      // A code the HTTP layer raises is its own; one that a single domain raises is that domain's.
      const home = by.has('http') ? 'http' : by.size === 1 ? [...by][0] : null;
      if (home && !(await codesOf(home)).includes(code)) misplaced.push(`${code} (raised in ${[...by].join(', ')}) belongs in ${home}/messages.ts`);
    }
    expect(misplaced).toEqual([]);
    expect(raisedBy.size).toBeGreaterThan(50);
  });
});
