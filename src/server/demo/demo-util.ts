/** Small helpers of the demo seed: a seeded random generator and multi-row inserts in chunks. */

/** Mulberry32: a small seeded generator, enough for demo data that must look the same on every seed. */
export function random(seed: number): () => number {
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Inserts rows a few hundred at a time (one statement each, well under both databases' parameter
 * limits) and returns what each statement returned, in the order of the rows.
 */
export async function inChunks<R, T>(rows: readonly R[], insert: (chunk: R[]) => Promise<T[]>, size = 400): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < rows.length; i += size) out.push(...(await insert(rows.slice(i, i + size))));
  return out;
}
