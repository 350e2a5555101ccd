import { describe, expect, it } from 'vitest';
import { changes } from '../../src/server/audit/record-audit.js';
import { fill, message, MESSAGES, pickLocale } from '../../src/server/http/messages.js';

describe('language of messages', () => {
  it('is zh-CN by default and English when the client prefers it', () => {
    expect(pickLocale(undefined)).toBe('zh-CN');
    expect(pickLocale('fr-FR,en;q=0.8')).toBe('en');
    expect(pickLocale('zh-TW,en;q=0.5')).toBe('zh-CN');
    expect(pickLocale('de')).toBe('zh-CN');
  });

  it('exist in both languages for every error code, with the same placeholders', () => {
    for (const [code, m] of Object.entries(MESSAGES)) {
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
});

describe('audit changes', () => {
  it('keeps only the fields that changed', () => {
    const diff = changes({ name: 'a', ids: [1], same: 1 }, { name: 'b', ids: [1, 2], same: 1 });
    expect(diff).toEqual({ before: { name: 'a', ids: [1] }, after: { name: 'b', ids: [1, 2] }, changed: true });
    expect(changes({ x: 1 }, { x: 1 }).changed).toBe(false);
  });
});
