/**
 * The console's texts: the shell's in src/web/i18n/texts.ts and each domain's in src/web/pages/<domain>/texts.ts.
 * Every texts file gives zh-CN and English with the same keys and the same placeholders, no string is empty,
 * each namespace lives in one file, and every texts file under pages/ is merged into the console's resources.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RESOURCES, TEXTS } from '../../src/web/i18n/resources';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(name, value);
    else for (const [k, v] of leaves(value, name)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) => (text.match(/\{\{\s*[\w.]+\s*\}\}/g) ?? []).map((p) => p.replace(/\s/g, '')).sort();

describe('console texts', () => {
  it('every domain texts file has the same keys in zh-CN and English, none empty, with the same placeholders', () => {
    for (const [where, texts] of Object.entries(TEXTS)) {
      const zh = leaves(texts['zh-CN'] as Tree);
      const en = leaves(texts.en as Tree);
      expect(zh.size, where).toBeGreaterThan(0);
      expect([...en.keys()].sort(), `${where}/texts.ts`).toEqual([...zh.keys()].sort());
      for (const [key, text] of zh) {
        expect(text, `${where} zh-CN ${key}`).not.toBe('');
        expect(en.get(key), `${where} en ${key}`).not.toBe('');
        expect(placeholders(en.get(key) ?? ''), `${where} ${key}`).toEqual(placeholders(text));
      }
    }
  });

  it('both languages of the merged resources have the same keys', () => {
    expect([...leaves(RESOURCES.en as Tree).keys()].sort()).toEqual([...leaves(RESOURCES['zh-CN'] as Tree).keys()].sort());
    expect(leaves(RESOURCES['zh-CN'] as Tree).size).toBeGreaterThan(1000);
  });

  it('gives each namespace to one texts file, and merges every texts file under pages/', () => {
    const owner = new Map<string, string>();
    for (const [where, texts] of Object.entries(TEXTS)) {
      for (const namespace of Object.keys(texts['zh-CN'])) {
        expect(owner.get(namespace), `${namespace} is in ${owner.get(namespace)} and ${where}`).toBeUndefined();
        owner.set(namespace, where);
      }
    }
    expect([...owner.keys()].sort()).toEqual(Object.keys(RESOURCES['zh-CN']).sort());
    const files = fs.readdirSync('src/web/pages', { withFileTypes: true })
      .filter((d) => d.isDirectory() && fs.existsSync(`src/web/pages/${d.name}/texts.ts`))
      .map((d) => `pages/${d.name}`);
    expect(Object.keys(TEXTS).filter((w) => w.startsWith('pages/')).sort()).toEqual(files.sort());
  });
});
