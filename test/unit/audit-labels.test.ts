/**
 * The audit log shows actions and object types in words. This reads every audit action and entity type the
 * server writes (src/server, `action: '…'` and the actions chosen in code, `entityType: '…'`) and fails when one
 * has no label in the console in both languages.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES } from '../../src/web/pages/audit/auditLabels.js';
import { RESOURCES } from '../../src/web/i18n/resources.js';

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? sources(path.join(dir, d.name)) : d.name.endsWith('.ts') ? [path.join(dir, d.name)] : []));
}

function written(): { actions: Map<string, string>; entityTypes: Map<string, string> } {
  const actions = new Map<string, string>();
  const entityTypes = new Map<string, string>();
  for (const file of sources('src/server')) {
    for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
      // `action: 'user.create'`, and `const action = … ? 'user.disable' : 'user.enable'`.
      if (/\baction\b/.test(line) && !/^\s*(import|\*|\/\/)/.test(line)) {
        for (const [, action] of line.matchAll(/'([a-z][a-z_]*\.[a-z][a-z_]*)'/g)) actions.set(action, file);
      }
      for (const [, type] of line.matchAll(/\bentityType: '([a-z_]+)'/g)) entityTypes.set(type, file);
    }
  }
  return { actions, entityTypes };
}

const LANGUAGES = RESOURCES;

describe('audit labels', () => {
  const { actions, entityTypes } = written();

  it('finds the actions the server writes, including those chosen in code', () => {
    expect(actions.size).toBeGreaterThan(40);
    expect([...actions.keys()]).toEqual(expect.arrayContaining(['auth.login', 'user.disable', 'user.enable', 'task.assign', 'visit.record_backdated', 'issue.export']));
  });

  it('every action written in src/server is listed and has a label in zh-CN and English', () => {
    for (const [action, file] of actions) {
      expect(AUDIT_ACTIONS as readonly string[], `${action} (${file}) is not in auditLabels.ts AUDIT_ACTIONS`).toContain(action);
      for (const [lang, dict] of Object.entries(LANGUAGES)) {
        const label = (dict.audit.actions as Record<string, string>)[action.replace(/\./g, '_')];
        expect(label, `${action} (${file}) has no ${lang} label under audit.actions`).toBeTruthy();
        expect(label).not.toBe(action);
      }
    }
  });

  it('every entity type written in src/server has a label in zh-CN and English', () => {
    expect(entityTypes.size).toBeGreaterThan(10);
    for (const [type, file] of entityTypes) {
      expect(AUDIT_ENTITY_TYPES as readonly string[], `${type} (${file}) is not in AUDIT_ENTITY_TYPES`).toContain(type);
      for (const [lang, dict] of Object.entries(LANGUAGES)) {
        expect((dict.audit.entityTypes as Record<string, string>)[type], `${type} has no ${lang} label`).toBeTruthy();
      }
    }
  });

  it('every listed action and entity type has its labels too', () => {
    for (const dict of Object.values(LANGUAGES)) {
      for (const action of AUDIT_ACTIONS) expect((dict.audit.actions as Record<string, string>)[action.replace(/\./g, '_')], action).toBeTruthy();
      for (const type of AUDIT_ENTITY_TYPES) expect((dict.audit.entityTypes as Record<string, string>)[type], type).toBeTruthy();
    }
  });
});
