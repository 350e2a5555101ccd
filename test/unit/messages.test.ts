import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { changes } from '../../src/server/audit/record-audit.js';
import { fill, HTTP_MESSAGES, installMessages, message, pickLocale, type MessageCatalogue } from '../../src/server/http/messages.js';
import { DOMAIN_MESSAGES } from '../../src/server/messages.js';

/** Every catalogue the server installs: the HTTP-level one and each domain's. */
const CATALOGUES: MessageCatalogue[] = [HTTP_MESSAGES, ...DOMAIN_MESSAGES];
installMessages(DOMAIN_MESSAGES);

describe('language of messages', () => {
  it('is zh-CN by default and English when the client prefers it', () => {
    expect(pickLocale(undefined)).toBe('zh-CN');
    expect(pickLocale('fr-FR,en;q=0.8')).toBe('en');
    expect(pickLocale('zh-TW,en;q=0.5')).toBe('zh-CN');
    expect(pickLocale('de')).toBe('zh-CN');
  });

  it('exist in both languages for every error code, with the same placeholders', () => {
    for (const [code, m] of CATALOGUES.flatMap((c) => Object.entries(c.errors))) {
      const zh = m.detail['zh-CN'].match(/\{\w+\}/g)?.sort();
      const en = m.detail.en.match(/\{\w+\}/g)?.sort();
      expect(en, code).toEqual(zh);
      expect(m.title['zh-CN'], code).not.toBe('');
    }
  });

  it('fill placeholders from params', () => {
    expect(message('role_in_use', 'en', { count: 3 }).detail).toBe('3 account(s) still hold this role; it cannot be deleted.');
    expect(fill('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });

  it('define no code, field message, entity name or word twice across the catalogues', () => {
    for (const kind of ['errors', 'fields', 'entities', 'words'] as const) {
      const keys = CATALOGUES.flatMap((c) => Object.keys(c[kind] ?? {}));
      expect(keys.filter((k, i) => keys.indexOf(k) !== i), kind).toEqual([]);
    }
  });

  it('come from every domain catalogue: each src/server/<domain>/messages.ts is installed', async () => {
    const files = fs
      .readdirSync('src/server', { withFileTypes: true })
      .filter((e) => e.isDirectory() && e.name !== 'http' && fs.existsSync(path.join('src/server', e.name, 'messages.ts')))
      .map((e) => e.name);
    expect(files.length).toBe(DOMAIN_MESSAGES.length);
    for (const domain of files) {
      const exported = Object.values(await import(`../../src/server/${domain}/messages.ts`)).filter((v) => typeof v === 'object');
      expect(exported.length, domain).toBe(1);
      expect(DOMAIN_MESSAGES, domain).toContain(exported[0]);
    }
  });
});

describe('audit changes', () => {
  it('keeps only the fields that changed', () => {
    const diff = changes({ name: 'a', ids: [1], same: 1 }, { name: 'b', ids: [1, 2], same: 1 });
    expect(diff).toEqual({ before: { name: 'a', ids: [1] }, after: { name: 'b', ids: [1, 2] }, changed: true });
    expect(changes({ x: 1 }, { x: 1 }).changed).toBe(false);
  });
});
