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
  it('operator: a restart loads no feature-only library — the server imports them as values only on first use', () => {
    const lazy = /^(exceljs|yauzl|csv-parse|iconv-lite|@fastify\/swagger-ui|pg|better-sqlite3|@node-rs\/jieba(\/.*)?)$/;
    const offending = sources('src/server').flatMap((f) =>
      [...fs.readFileSync(f, 'utf8').matchAll(/^import (?!type )[^;]*? from '([^']+)';/gms)]
        .map((m) => m[1])
        .filter((i) => lazy.test(i))
        .map((i) => `${f} → ${i}`),
    );
    expect(offending).toEqual([]);
  });

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

  it('engineer: every shared schema file is named after a server domain (or is common/permissions)', () => {
    const dir = path.join('src', 'shared', 'schemas');
    const offending = fs
      .readdirSync(dir)
      .map((f) => path.basename(f, '.ts'))
      .filter((name) => name !== 'common' && name !== 'permissions')
      .filter((name) => {
        const routes = path.join('src', 'server', name, 'routes.ts');
        return !fs.existsSync(routes) || !imports(routes).includes(`../../shared/schemas/${name}.js`);
      });
    expect(offending).toEqual([]);
  });

  it('engineer: every table-type file in src/server/db/schema/ is named after a server domain', () => {
    const offending = fs
      .readdirSync(path.join('src', 'server', 'db', 'schema'))
      .map((f) => path.basename(f, '.ts'))
      .filter((name) => !fs.existsSync(path.join('src', 'server', name)));
    expect(offending).toEqual([]);
  });

  it('engineer: users are written by users/insert-user.ts alone', () => {
    const writer = path.join('src', 'server', 'users', 'insert-user.ts');
    const offending = ['src', 'bench', 'test']
      .flatMap(sources)
      .filter((f) => f !== writer && /insertInto\(\s*['"`]users['"`]|insert\s+into\s+"?users\b/i.test(fs.readFileSync(f, 'utf8')));
    expect(offending).toEqual([]);
  });

  it('engineer: the lint rule on raw queries guards exactly the tables scope.ts owns', async () => {
    const config = fs.readFileSync('eslint.config.js', 'utf8');
    const listed = /const SCOPED_TABLES = \[([^\]]*)\]/.exec(config)![1].match(/'[a-z_]+'/g)!.map((t) => t.slice(1, -1));
    const { COMPANY_TABLES, COMMUNITY_TABLES } = await import('../../src/server/scope.js');
    expect([...listed].sort()).toEqual([...COMPANY_TABLES, ...COMMUNITY_TABLES].sort());
  });

  it('engineer: a domain reads in queries.ts, or in <entity>-queries.ts where it reads two entities', () => {
    const misnamed = sources('src/server')
      .filter((f) => /queries\.ts$/.test(f))
      .filter((f) => !/\/(queries|[a-z]+-queries)\.ts$/.test(f) || (path.basename(f) !== 'queries.ts' && fs.existsSync(path.join(path.dirname(f), 'queries.ts'))));
    expect(misnamed).toEqual([]);
  });

  it('engineer: domains holding rules keep one use case per file, not a file named after the domain', () => {
    const oneFile = ['communities', 'departments', 'roles', 'staff', 'questionnaires', 'households'].filter((d) => fs.existsSync(`src/server/${d}/${d}.ts`));
    expect(oneFile).toEqual([]);
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

  it('engineer: console folders are named after the server domains, but for the console-only areas', () => {
    const domains = fs.readdirSync('src/server', { withFileTypes: true }).filter((e) => e.isDirectory() && fs.existsSync(path.join('src/server', e.name, 'routes.ts'))).map((e) => e.name);
    // login (before a session) and workbench (the landing page drawing on several domains) belong to no domain.
    const consoleOnly = ['login', 'workbench'];
    const pageFolders = fs.readdirSync('src/web/pages', { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    expect(pageFolders.filter((f) => !domains.includes(f) && !consoleOnly.includes(f))).toEqual([]);
    // base.ts, client.ts, invalidation.ts and early.ts (the start-up requests) serve every domain's hooks.
    const apiFiles = fs.readdirSync('src/web/api').map((f) => path.basename(f, '.ts'));
    expect(apiFiles.filter((f) => !domains.includes(f) && !['base', 'client', 'invalidation', 'early'].includes(f))).toEqual([]);
  });

  it("engineer: the console's building blocks import no page, layout or router; the layout imports no page", () => {
    // Below: api/, auth/, lib/, i18n/, components/, lists/. Above them layout/ (the shell), above it the pages and
    // the router (App.tsx, routes.ts, page-chunks.ts, start.tsx, main.tsx). The one way up is data:
    // i18n/resources.ts gathers each page folder's texts.ts.
    const upper = /^(\.\.\/)+(pages|layout)\/|^(\.\.\/)+(App|routes|page-chunks|start|main)$/;
    const offending = ['api', 'auth', 'lib', 'i18n', 'components', 'lists']
      .flatMap((d) => sources(path.join('src', 'web', d)))
      .flatMap((f) => imports(f).filter((i) => upper.test(i)).filter((i) => !(f === path.join('src', 'web', 'i18n', 'resources.ts') && /^\.\.\/pages\/[a-z]+\/texts$/.test(i))).map((i) => `${f} → ${i}`));
    const fromLayout = sources(path.join('src', 'web', 'layout')).flatMap((f) => imports(f).filter((i) => /^\.\.\/(pages\/|App$)/.test(i)).map((i) => `${f} → ${i}`));
    expect([...offending, ...fromLayout]).toEqual([]);
  });

  it('engineer: a page that reads its list through the shared ListPage keeps the list state in the URL with useListParams', () => {
    const pages = sources('src/web/pages').filter((f) => imports(f).includes('../../lists/ListPage'));
    expect(pages.length).toBeGreaterThanOrEqual(10);
    const offending = pages.filter((f) => !imports(f).includes('../../lists/useListParams') || imports(f).includes('../../lib/pagination'));
    expect(offending).toEqual([]);
  });
});
