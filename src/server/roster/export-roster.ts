/**
 * Exports a community's roster in the template's columns, building by building so memory stays flat.
 * Importing the exported file again changes nothing. Text that a spreadsheet could run as a formula is
 * written with a leading apostrophe. Residents who moved out or were erased are not exported; rooms
 * without residents are exported as room-only rows.
 */
import type ExcelJS from 'exceljs';
import { actorOf, recordAudit } from '../audit/record-audit.js';
import { requirePermission, type Ctx } from '../context.js';
import type { Db } from '../db/database.js';
import type { ResidentRole } from '../db/schema.js';
import { notFound } from '../http/errors.js';
import { formatPhone } from '../residents/phones.js';
import { inCompany, scopedCommunities } from '../scope.js';
import { neutralise } from '../spreadsheets/formulas.js';
import { COLUMN_HEADERS, COLUMN_KEYS } from './columns.js';
import { COLUMN_WIDTHS, ROSTER_SHEET, TEXT_COLUMNS } from './template.js';
import { HEADER_STYLE, type Pause } from '../spreadsheets/xlsx.js';
import { shanghaiToday } from '../clock.js';

export const ROLE_WORDS: Record<ResidentRole, string> = { owner: '业主', tenant: '租户', merchant: '商户' };

const natural = (a: string, b: string) => a.localeCompare(b, 'zh-CN', { numeric: true });

export interface RosterExport {
  communityId: number;
  fileName: string;
}

/** Checks the permission and the scope before anything is streamed. */
export async function prepareRosterExport(db: Db, ctx: Ctx, communityId: number): Promise<RosterExport> {
  requirePermission(ctx, 'residents.export');
  const community = await scopedCommunities(db, ctx).select(['communities.id', 'communities.name']).where('communities.id', '=', communityId).executeTakeFirst();
  if (!community) throw notFound('community');
  return { communityId, fileName: `${community.name}-业主名单-${shanghaiToday()}.xlsx` };
}

export async function writeRosterExport(db: Db, ctx: Ctx, target: RosterExport, workbook: ExcelJS.stream.xlsx.WorkbookWriter, pause: Pause): Promise<void> {
  const { communityId } = target;
  const sheet = workbook.addWorksheet(ROSTER_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMN_KEYS.map((key) => ({ key, width: COLUMN_WIDTHS[key], style: TEXT_COLUMNS.includes(key) ? { numFmt: '@' } : {} }));
  const header = sheet.addRow(COLUMN_KEYS.map((k) => COLUMN_HEADERS[k]));
  header.eachCell((cell) => (cell.style = HEADER_STYLE));
  header.commit();

  const buildings = (
    await db.selectFrom('buildings').select(['id', 'name']).where('company_id', '=', ctx.companyId).where('community_id', '=', communityId).execute()
  ).sort((a, b) => natural(a.name, b.name));
  let households = 0;
  let residents = 0;
  for (const building of buildings) {
    const rooms = await inCompany(db, ctx, 'households as h')
      .leftJoin('units as u', 'u.id', 'h.unit_id')
      .select(['h.id', 'h.room', 'u.name as unit'])
      .where('h.building_id', '=', building.id)
      .orderBy('h.sort_key')
      .execute();
    if (!rooms.length) continue;
    const people = await inCompany(db, ctx, 'residents as r')
      .innerJoin('households as h', 'h.id', 'r.household_id')
      .select(['r.id', 'r.household_id', 'r.name', 'r.role', 'r.move_in_date', 'r.notes'])
      .where('h.building_id', '=', building.id)
      .where('r.erased_at', 'is', null)
      .where('r.move_out_date', 'is', null)
      .orderBy('r.id')
      .execute();
    const ids = people.map((p) => p.id);
    const phones = new Map<number, string[]>();
    const tags = new Map<number, string[]>();
    if (ids.length) {
      for (const chunk of chunked(ids)) {
        const [phoneRows, tagRows] = await Promise.all([
          db.selectFrom('resident_phones').select(['resident_id', 'number']).where('resident_id', 'in', chunk).orderBy('resident_id').orderBy('position').orderBy('id').execute(),
          db
            .selectFrom('resident_tags as rt')
            .innerJoin('tags as t', 't.id', 'rt.tag_id')
            .select(['rt.resident_id', 't.name'])
            .where('rt.resident_id', 'in', chunk)
            .execute(),
        ]);
        for (const p of phoneRows) push(phones, p.resident_id, formatPhone(p.number));
        for (const t of tagRows) push(tags, t.resident_id, t.name);
      }
    }
    const byHousehold = new Map<number, typeof people>();
    for (const p of people) push(byHousehold, p.household_id, p);
    for (const room of rooms) {
      households++;
      const address = [building.name, room.unit ?? '', room.room];
      const list = byHousehold.get(room.id) ?? [];
      if (!list.length) sheet.addRow(address.map(text)).commit();
      for (const p of list) {
        residents++;
        sheet
          .addRow(
            [
              ...address,
              p.name,
              ROLE_WORDS[p.role],
              (phones.get(p.id) ?? []).join('、'),
              p.move_in_date ?? '',
              (tags.get(p.id) ?? []).sort().join('、'),
              p.notes,
            ].map(text),
          )
          .commit();
      }
    }
    await pause();
  }
  sheet.commit();
  await recordAudit(db, actorOf(ctx), {
    action: 'roster.export',
    entityType: 'community',
    entityId: communityId,
    communityId,
    after: { households, residents },
  });
}

/** Every exported cell is text; empty stays empty. */
const text = (v: string) => (v ? neutralise(v) : null);

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function chunked<T>(items: T[], size = 1000): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
