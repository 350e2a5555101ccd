/**
 * Exporting a company-wide month of visit records (85,000) as the 回访记录表 xlsx, as a manager does at the
 * end of the month: time to the first byte and to the last, the file's size, how far the server's resident
 * memory rose while it wrote the file, and whether every record is in it; beside it, measured the same way in
 * the same run, two floors: the bare SQL read of the same rows (the export's joins and keyset batches, no
 * cells) and exceljs streaming as many rows of the same shape with no database.
 * Target (issue 11): the whole month in one file, < 15 s, the server's resident memory peaking < 300 MB.
 */
import fs from 'node:fs';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { ms, startBenchServer, stop, type BenchResult } from './lib.js';

const TARGET_S = 15;
const TARGET_MB = 300;
const MONTH = { from: '2026-11-01', to: '2026-11-30' };

interface Ready {
  port: number;
  cookie: string;
  records: number;
  seedSeconds: number;
}

/** Resident memory of a process in MB (Linux /proc). */
function rssMb(pid: number): number {
  const kb = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kb) / 1024;
}

export async function recordExport(databaseUrl?: string): Promise<BenchResult> {
  const db = databaseUrl ? 'PostgreSQL' : 'SQLite';
  const { ready, child } = await startBenchServer<Ready>('bench/record-export-server.ts', { BENCH_DATABASE_URL: databaseUrl ?? '' });
  const url = `http://127.0.0.1:${ready.port}/api/v1/visit-records/export.xlsx?from=${MONTH.from}&to=${MONTH.to}`;
  const headers = { cookie: `huifang_session=${ready.cookie}` };
  // A warm-up on a small range, so the measured run does not pay for the first compilation.
  await (await fetch(`${url.split('?')[0]}?from=${MONTH.from}&to=${MONTH.from}`, { headers })).arrayBuffer();
  await new Promise((r) => setTimeout(r, 500));

  /** One GET, timed to its first and last byte, with the server's RSS sampled every 10 ms from /proc. */
  const measure = async (target: string) => {
    await new Promise((r) => setTimeout(r, 500));
    const baseline = rssMb(child.pid!);
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, rssMb(child.pid!))), 10);
    const started = performance.now();
    const res = await fetch(target, { headers });
    const firstByte = performance.now() - started;
    const body = Buffer.from(await res.arrayBuffer());
    const total = performance.now() - started;
    clearInterval(sampler);
    peak = Math.max(peak, rssMb(child.pid!));
    if (!res.ok) throw new Error(`${target}: HTTP ${res.status} ${body.toString('utf8', 0, 300)}`);
    return { res, body, firstByte, total, baseline, peak };
  };
  const exported = await measure(url);
  const bareSql = await measure(`http://127.0.0.1:${ready.port}/api/v1/bench/floor/sql`);
  const bareXlsx = await measure(`http://127.0.0.1:${ready.port}/bench/floor/xlsx`);
  await stop(child);
  const { res, body, firstByte, total, baseline, peak } = exported;
  const sqlRows = (JSON.parse(bareSql.body.toString('utf8')) as { rows: number }).rows;

  // Count the data rows: every row below the header row whose first cell is a date.
  let rows = 0;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(body), { worksheets: 'emit', sharedStrings: 'cache', styles: 'ignore', hyperlinks: 'ignore' });
  for await (const sheet of reader) {
    for await (const row of sheet) {
      const first = (row.values as unknown[])[1];
      if (typeof first === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(first)) rows++;
    }
  }
  const grewMb = peak - baseline;
  const complete = rows === ready.records && sqlRows === ready.records;
  const truncated = res.headers.get('x-export-truncated');
  return {
    name: `Exporting a company-wide month of visit records, ${ready.records.toLocaleString('en')} records (${db})`,
    target: `every record in one file, < ${TARGET_S} s, server RSS peak < ${TARGET_MB} MB`,
    table: [
      ['', 'rows', 'first byte', 'last byte', 'size', 'server RSS before', 'server RSS peak'],
      ['**the 回访记录表 export**', `${rows.toLocaleString('en')} of ${ready.records.toLocaleString('en')}`, ms(firstByte), `**${ms(total)}**`, `${(body.length / 2 ** 20).toFixed(1)} MB`, `${baseline.toFixed(0)} MB`, `**${peak.toFixed(0)} MB** (+${grewMb.toFixed(0)} MB)`],
      ['floor: bare SQL read of the same rows', sqlRows.toLocaleString('en'), ms(bareSql.firstByte), ms(bareSql.total), '–', `${bareSql.baseline.toFixed(0)} MB`, `${bareSql.peak.toFixed(0)} MB (+${(bareSql.peak - bareSql.baseline).toFixed(0)} MB)`],
      ['floor: exceljs, same rows, no database', ready.records.toLocaleString('en'), ms(bareXlsx.firstByte), ms(bareXlsx.total), `${(bareXlsx.body.length / 2 ** 20).toFixed(1)} MB`, `${bareXlsx.baseline.toFixed(0)} MB`, `${bareXlsx.peak.toFixed(0)} MB (+${(bareXlsx.peak - bareXlsx.baseline).toFixed(0)} MB)`],
    ],
    verdict: complete && total < TARGET_S * 1000 && peak < TARGET_MB ? 'met' : 'missed',
    notes:
      `One GET of \`/visit-records/export.xlsx?from=${MONTH.from}&to=${MONTH.to}\` as a company-wide manager, after a warm-up export of one day, then the two floors in the same server: ` +
      `the export's row query (seven joins, keyset on community, date and id) in batches of HUIFANG_EXPORT_BATCH_ROWS, sending only the count, and a workbook of as many 14-cell rows streamed with no database; ` +
      `four communities of 10,000 households, 20 visitors each; every record has eight scores, every third opinions, every fifth a problem that became an issue. ` +
      `Server RSS sampled every 10 ms from /proc; server and client share the machine.${truncated ? ` The response said \`X-Export-Truncated: ${truncated}\`.` : ''} Seeding took ${ready.seedSeconds.toFixed(0)} s.`,
  };
}
