import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HTTP_MESSAGES } from '../../../src/server/http/messages.js';
import { DOMAIN_MESSAGES } from '../../../src/server/messages.js';
import { COLUMN_KEYS } from '../../../src/server/roster/columns.js';
import { rowMessage, ROW_MESSAGES } from '../../../src/server/roster/row-messages.js';

const ROSTER = 'src/server/roster';
const ERROR_CODES = new Set([HTTP_MESSAGES, ...DOMAIN_MESSAGES].flatMap((c) => Object.keys(c.errors)));

/**
 * Every row error code the roster modules write: the string literals on lines that set a `code:` or call
 * `fail(…)`, leaving out the column keys that `fail` takes as its second argument.
 */
function codesWritten(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of fs.readdirSync(ROSTER).filter((f) => f.endsWith('.ts'))) {
    for (const line of fs.readFileSync(path.join(ROSTER, file), 'utf8').split('\n')) {
      if (!/\bcode: '|\bfail\(/.test(line)) continue;
      for (const [, literal] of line.matchAll(/'([a-z][a-z0-9]*(?:_[a-z0-9]+)*)'/g)) {
        if (!(COLUMN_KEYS as readonly string[]).includes(literal)) found.set(literal, file);
      }
    }
  }
  return found;
}

describe('roster row errors', () => {
  it('every code the importer writes has a reason in zh-CN and English (or is a file-level error with its message)', () => {
    const codes = codesWritten();
    expect([...codes.keys()]).toEqual(expect.arrayContaining(['required', 'phone_invalid', 'formula_like', 'duplicate_in_file', 'conflict', 'import_interrupted']));
    for (const [code, file] of codes) {
      expect(code in ROW_MESSAGES || ERROR_CODES.has(code), `${file}: '${code}' has no text in row-messages.ts or a messages.ts`).toBe(true);
    }
  });

  it('every reason exists in both languages, with the same placeholders, and never is the code itself', () => {
    for (const [code, texts] of Object.entries(ROW_MESSAGES)) {
      const zh = texts['zh-CN'].match(/\{\w+\}/g)?.sort();
      expect(texts.en.match(/\{\w+\}/g)?.sort(), code).toEqual(zh);
      for (const locale of ['zh-CN', 'en'] as const) {
        expect(texts[locale].trim(), `${code} ${locale}`).not.toBe('');
        expect(rowMessage(code, locale, { value: 'x', max: 1, firstRow: 2 }), `${code} ${locale}`).not.toBe(code);
      }
    }
  });

  it('an unknown code is told in words, not shown as it is', () => {
    expect(rowMessage('some_new_code', 'zh-CN')).toBe('本行数据有误，未导入');
    expect(rowMessage('some_new_code', 'en')).toBe('This row has an error and was not imported');
  });
});
