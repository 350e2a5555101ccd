/**
 * The shape of a domain, checked on the sources: every server domain that serves HTTP (a folder of src/server
 * with a routes.ts) has the same parts in every layer, and a domain that legitimately lacks one says why below.
 * ARCHITECTURE.md "Folders" and "How to add a domain" describe the parts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

type Part = 'messages' | 'queries' | 'schema' | 'pages' | 'texts' | 'hooks' | 'tests';

/** Parts a domain does without, and why. An entry for a part the domain has makes the test fail too. */
const WITHOUT: Record<string, Partial<Record<Part, string>>> = {
  // Its one read is its one use case, list-audit.ts; the writer is record-audit.ts.
  audit: { queries: 'one read, its use case list-audit.ts' },
  // Its reads are the principal lookup (principal.ts, one precompiled query) and the caller's own account.
  auth: { queries: 'principal.ts is the read every request makes' },
  // The calendar is read as one object, built and cached in company-calendar.ts for deadlines and the year view.
  calendar: { queries: 'company-calendar.ts reads and caches the calendar' },
  // The bell's own list, unread count and mark-read live together in notifications.ts; no page: the bell is in
  // the layout (layout/NotificationBell.tsx), whose texts are the common ones.
  notifications: { queries: 'notifications.ts holds the bell list beside mark-read', pages: 'the bell is in layout/', texts: 'no pages' },
  // One read, polling a job: get-roster-import.ts.
  roster: { queries: 'one read, its use case get-roster-import.ts' },
  // The company's own settings (the export cap) are one row, read by its use case export-settings.ts.
  companies: { queries: 'one row, read by export-settings.ts' },
  // The health check reads no table and has no page.
  system: { queries: 'reads no table', pages: 'health check only', texts: 'no pages' },
};

/**
 * HTTP tests by actor live in test/server/<domain>*.test.ts; these domains are tested beside the domain their
 * users work in: the file named here, which must call the domain's path (the domain's name, or the one given).
 */
const TESTED_IN: Record<string, [file: string, urlPath?: string]> = {
  companies: ['export-batches.test.ts', 'export-settings'],
  departments: ['communities.test.ts'],
  notifications: ['issues.test.ts'],
  questionnaires: ['visits.test.ts'],
  residents: ['households.test.ts'],
  roles: ['users-and-roles.test.ts'],
  staff: ['households.test.ts'],
  system: ['api-conventions.test.ts', 'health'],
};

const SERVER = path.join('src', 'server');
const domains = fs
  .readdirSync(SERVER, { withFileTypes: true })
  .filter((e) => e.isDirectory() && fs.existsSync(path.join(SERVER, e.name, 'routes.ts')))
  .map((e) => e.name);

function raisesCodes(domain: string): boolean {
  const dir = path.join(SERVER, domain);
  return fs.readdirSync(dir).some((f) => f.endsWith('.ts') && /new AppError\(/.test(fs.readFileSync(path.join(dir, f), 'utf8')));
}

/** Whether the domain has the part; for tests also where they are. */
function has(domain: string, part: Part): boolean {
  const server = path.join(SERVER, domain);
  const pages = path.join('src', 'web', 'pages', domain);
  switch (part) {
    case 'messages':
      return fs.existsSync(path.join(server, 'messages.ts'));
    case 'queries':
      return fs.readdirSync(server).some((f) => f === 'queries.ts' || /^[a-z]+-queries\.ts$/.test(f));
    case 'schema':
      return fs.existsSync(path.join('src', 'shared', 'schemas', `${domain}.ts`));
    case 'pages':
      return fs.existsSync(pages);
    case 'texts':
      return fs.existsSync(path.join(pages, 'texts.ts'));
    case 'hooks':
      return fs.existsSync(path.join('src', 'web', 'api', `${domain}.ts`));
    case 'tests': {
      const own = fs.readdirSync(path.join('test', 'server')).some((f) => f.startsWith(domain) && f.endsWith('.test.ts'));
      const [file, urlPath = domain] = TESTED_IN[domain] ?? [];
      return own || (!!file && new RegExp(`/api/v1/${urlPath}\\b`).test(fs.readFileSync(path.join('test', 'server', file), 'utf8')));
    }
  }
}

describe('the shape of every domain', () => {
  it('engineer: there are HTTP domains to check, and every exception names one of them', () => {
    expect(domains.length).toBeGreaterThanOrEqual(16);
    expect([...Object.keys(WITHOUT), ...Object.keys(TESTED_IN)].filter((d) => !domains.includes(d))).toEqual([]);
  });

  it('engineer: every domain has routes, messages (if it raises codes), a queries file, a shared schema file, a console home with texts, API hooks and HTTP tests', () => {
    const parts: Part[] = ['messages', 'queries', 'schema', 'pages', 'texts', 'hooks', 'tests'];
    const missing = domains.flatMap((d) =>
      parts
        .filter((p) => !(p === 'messages' && !raisesCodes(d)))
        .filter((p) => !WITHOUT[d]?.[p] && !has(d, p))
        .map((p) => `${d} lacks ${p}`),
    );
    expect(missing).toEqual([]);
  });

  it('engineer: an exception is removed once the domain has the part', () => {
    const stale = Object.entries(WITHOUT).flatMap(([d, parts]) => Object.keys(parts).filter((p) => has(d, p as Part)).map((p) => `${d} has ${p}`));
    const staleTests = Object.keys(TESTED_IN).filter((d) => fs.readdirSync(path.join('test', 'server')).some((f) => f.startsWith(d) && f.endsWith('.test.ts')));
    expect([...stale, ...staleTests]).toEqual([]);
  });
});
