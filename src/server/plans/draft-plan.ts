/**
 * The draft of one community's monthly visit plan (月度回访计划), decided without a database: which households
 * are visited this month and why, who visits each of them and on which working day. The supervisor adjusts the
 * draft before submitting it; a redraft with the same data, month and seed gives the same plan, so a manager
 * can be shown why a household is (or is not) in it.
 *
 * Households that need attention come first and are always in the plan, even beyond the coverage target:
 * low satisfaction or a stated dissatisfaction (重点回访), a complaint, a new move-in, a special need. The rest
 * of the target is filled with the households left longest without contact, spread over every building so that
 * no building is forgotten for a month. Nobody is planned who lives in a vacant home, asked not to be
 * contacted, already has an open task, or was contacted too recently — except that low-satisfaction and
 * complaint households are visited whatever the gap.
 *
 * Work goes to the visitor with the fewest open and planned tasks, so that loads end within one of each
 * other; each visitor's visits are placed on the month's working days within the daily capacity left after
 * tasks already due, urgent visits on the first days and the others spread over the month. A visit that finds
 * no room stays unscheduled for the supervisor to place.
 */
import { dayNumber } from '../../shared/shanghai.js';

/** Why a household is in the plan, in priority order (the shared schema's PlanReason). */
export type PlanReason = 'focus' | 'complaint' | 'move_in' | 'special_need' | 'longest_unvisited';
export const PLAN_REASONS: readonly PlanReason[] = ['focus', 'complaint', 'move_in', 'special_need', 'longest_unvisited'];

const FOCUS = 0;
const COMPLAINT = 1;
const MOVE_IN = 2;
const SPECIAL_NEED = 3;
const LONGEST = 4;
/** The contact day of a household never contacted: before every real day, so it is visited first. */
const NEVER = -1e9;

/** One household of the community, with the facts the plan is drafted from. */
export interface DraftCandidate {
  householdId: number;
  buildingId: number;
  /** The household's place in natural room order (households.sort_key). */
  sortKey: string;
  vacant: boolean;
  doNotContact: boolean;
  /** The household already has an open visit task. */
  openTask: boolean;
  /** The last satisfaction score, 1–5. */
  lastScore: number | null;
  saidDissatisfied: boolean;
  complaint: 'open' | 'recently_closed' | null;
  moveInDate: string | null;
  specialNeeds: readonly string[];
  /** The last contact by any method (visit, call, attempt), YYYY-MM-DD. */
  lastContactDate: string | null;
}

export interface DraftVisitor {
  userId: number;
  openTasks: number;
  /** Tasks already due on a date (YYYY-MM-DD); they use up that day's capacity. */
  booked: ReadonlyMap<string, number>;
}

export interface DraftSettings {
  /** Share of the roster to visit each month, percent. */
  coverageTarget: number;
  /** No planned visit to a household contacted fewer days before the month (focus and complaint excepted). */
  minGapDays: number;
  /** A last satisfaction at or below this makes a household a 重点回访. */
  focusScoreMax: number;
  /** A resident who moved in within this many days before the month is a new move-in. */
  moveInWithinDays: number;
  /** Planned visits per visitor per working day. */
  capacityPerDay: number;
}

export interface DraftInput {
  candidates: readonly DraftCandidate[];
  visitors: readonly DraftVisitor[];
  settings: DraftSettings;
  /** YYYY-MM. */
  month: string;
  /** With the data and the month, reproduces the draft; another seed picks other households among equals. */
  seed: string;
  /** Households on the roster: the coverage denominator. */
  rosterHouseholds: number;
  /** Distinct households already visited this month: they count towards the target. */
  alreadyVisited: number;
  /** The month's working days, ascending YYYY-MM-DD, from the company's calendar. */
  workingDays: readonly string[];
  /** The first day of the month, YYYY-MM-DD: the gap and move-in windows are counted from it. */
  firstDay: string;
}

/** The facts behind a line's reason, for the sentence the console shows. */
export interface ReasonDetail {
  lastScore?: number | null;
  saidDissatisfied?: boolean;
  complaint?: 'open' | 'recently_closed' | null;
  moveInDate?: string | null;
  specialNeeds?: string[];
  lastContactDate?: string | null;
}

export interface DraftLine {
  householdId: number;
  buildingId: number;
  reason: PlanReason;
  reasonDetail: ReasonDetail;
  assigneeId: number | null;
  /** null: no visitor, or no room left in the visitor's month. */
  dueDate: string | null;
}

export interface DraftExclusions {
  vacant: number;
  doNotContact: number;
  recentContact: number;
  openTask: number;
}

export interface DraftResult {
  /** Households to visit this month to meet the coverage target, beyond those already visited. */
  target: number;
  /** By reason priority, then building, then room order. */
  lines: DraftLine[];
  /** Households left out, each counted under the first rule that applies. */
  excluded: DraftExclusions;
  /** Households the target asks for beyond those eligible. */
  shortfall: number;
  /** Lines per building, every building of the community listed (0 when none of its households is planned). */
  perBuilding: { buildingId: number; count: number }[];
  /** In the order the visitors were given. */
  visitorLoads: { userId: number; openTasks: number; planned: number }[];
}

export function draftMonthlyPlan(input: DraftInput): DraftResult {
  const { candidates, settings } = input;
  const first = dayNumber(input.firstDay);
  const monthEnd = lastDayOfMonth(input.month);
  const dayOf = dayCache();
  const target = Math.max(0, Math.ceil((settings.coverageTarget * input.rosterHouseholds) / 100) - input.alreadyVisited);

  const excluded: DraftExclusions = { vacant: 0, doNotContact: 0, recentContact: 0, openTask: 0 };
  const reasonAt = new Uint8Array(candidates.length);
  const priority: number[] = [];
  const fill: number[] = [];
  const fillContact: number[] = [];
  const buildings = new Map<number, number>();
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i];
    if (!buildings.has(c.buildingId)) buildings.set(c.buildingId, 0);
    if (c.vacant) excluded.vacant++;
    else if (c.doNotContact) excluded.doNotContact++;
    else if (c.openTask) excluded.openTask++;
    else {
      const reason = reasonOf(c, settings, first, monthEnd, dayOf);
      const contact = c.lastContactDate === null ? NEVER : dayOf(c.lastContactDate);
      // A low score or a complaint is followed up whatever the gap; anyone else is left alone for a while.
      if (reason > COMPLAINT && contact !== NEVER && first - contact < settings.minGapDays) {
        excluded.recentContact++;
        continue;
      }
      reasonAt[i] = reason;
      if (reason === LONGEST) {
        fill.push(i);
        fillContact.push(contact);
      } else priority.push(i);
    }
  }

  const fillCount = Math.min(fill.length, Math.max(0, target - priority.length));
  const chosen = priority.concat(pickFill(candidates, fill, fillContact, fillCount, input.seed));
  chosen.sort((a, b) => {
    const x = candidates[a];
    const y = candidates[b];
    return reasonAt[a] - reasonAt[b] || x.buildingId - y.buildingId || (x.sortKey < y.sortKey ? -1 : x.sortKey > y.sortKey ? 1 : 0) || x.householdId - y.householdId;
  });

  const assignees = assign(chosen.length, input.visitors);
  const dueDays = schedule(chosen, reasonAt, assignees, input.visitors, input.workingDays, settings.capacityPerDay);

  const planned = new Array<number>(input.visitors.length).fill(0);
  const lines: DraftLine[] = new Array(chosen.length);
  for (let k = 0; k < chosen.length; k++) {
    const c = candidates[chosen[k]];
    const reason = reasonAt[chosen[k]];
    const v = assignees[k];
    if (v >= 0) planned[v]++;
    buildings.set(c.buildingId, (buildings.get(c.buildingId) ?? 0) + 1);
    lines[k] = {
      householdId: c.householdId,
      buildingId: c.buildingId,
      reason: PLAN_REASONS[reason],
      reasonDetail: detailOf(c, reason),
      assigneeId: v >= 0 ? input.visitors[v].userId : null,
      dueDate: dueDays[k] >= 0 ? input.workingDays[dueDays[k]] : null,
    };
  }

  return {
    target,
    lines,
    excluded,
    shortfall: Math.max(0, target - lines.length),
    perBuilding: [...buildings].sort((a, b) => a[0] - b[0]).map(([buildingId, count]) => ({ buildingId, count })),
    visitorLoads: input.visitors.map((v, i) => ({ userId: v.userId, openTasks: v.openTasks, planned: planned[i] })),
  };
}

/** The first reason that applies to a household, as its index in PLAN_REASONS. */
function reasonOf(c: DraftCandidate, s: DraftSettings, first: number, monthEnd: number, dayOf: (date: string) => number): number {
  if ((c.lastScore !== null && c.lastScore <= s.focusScoreMax) || c.saidDissatisfied) return FOCUS;
  if (c.complaint !== null) return COMPLAINT;
  if (c.moveInDate !== null) {
    const moveIn = dayOf(c.moveInDate);
    // Moved in shortly before the month, or moving in during it.
    if ((moveIn < first && first - moveIn <= s.moveInWithinDays) || (moveIn >= first && moveIn <= monthEnd)) return MOVE_IN;
  }
  if (c.specialNeeds.length > 0) return SPECIAL_NEED;
  return LONGEST;
}

/** Only the facts the reason rests on, and always the last contact. */
function detailOf(c: DraftCandidate, reason: number): ReasonDetail {
  switch (reason) {
    case FOCUS:
      return { lastScore: c.lastScore, saidDissatisfied: c.saidDissatisfied, lastContactDate: c.lastContactDate };
    case COMPLAINT:
      return { complaint: c.complaint, lastContactDate: c.lastContactDate };
    case MOVE_IN:
      return { moveInDate: c.moveInDate, lastContactDate: c.lastContactDate };
    case SPECIAL_NEED:
      return { specialNeeds: [...c.specialNeeds], lastContactDate: c.lastContactDate };
    default:
      return { lastContactDate: c.lastContactDate };
  }
}

/**
 * The households that fill the plan up to the target: never contacted first, then the oldest contact, equals
 * ordered by a hash of the seed (not by id, so that the same households are not always the lucky ones). Every
 * building takes a share proportional to its eligible households (largest remainder), and at least one when
 * there are enough places for every building.
 */
function pickFill(candidates: readonly DraftCandidate[], fill: readonly number[], contact: readonly number[], count: number, seed: string): number[] {
  if (count >= fill.length) return [...fill];
  if (count === 0) return [];
  const seedHash = fnv1a(seed);
  const hash = new Uint32Array(fill.length);
  for (let k = 0; k < fill.length; k++) hash[k] = mixId(seedHash, candidates[fill[k]].householdId);
  const order = Array.from({ length: fill.length }, (_, k) => k);
  order.sort((a, b) => contact[a] - contact[b] || hash[a] - hash[b] || candidates[fill[a]].householdId - candidates[fill[b]].householdId);

  const byBuilding = new Map<number, number[]>();
  for (const k of order) {
    const buildingId = candidates[fill[k]].buildingId;
    let list = byBuilding.get(buildingId);
    if (!list) byBuilding.set(buildingId, (list = []));
    list.push(fill[k]);
  }
  const lists = [...byBuilding].sort((a, b) => a[0] - b[0]).map(([, list]) => list);
  const shares = allocate(count, lists.map((l) => l.length));
  return lists.flatMap((list, b) => list.slice(0, shares[b]));
}

/**
 * Splits `total` places (fewer than the sum of `sizes`) proportionally to `sizes` by largest remainder, then
 * gives every group at least one place when there are at least as many places as groups.
 */
function allocate(total: number, sizes: readonly number[]): number[] {
  const whole = sizes.reduce((a, b) => a + b, 0);
  const shares = sizes.map((size) => Math.floor((total * size) / whole));
  const byRemainder = sizes.map((_, b) => b).sort((a, b) => ((total * sizes[b]) % whole) - ((total * sizes[a]) % whole) || sizes[b] - sizes[a] || a - b);
  let left = total - shares.reduce((a, b) => a + b, 0);
  for (const b of byRemainder) {
    if (left === 0) break;
    shares[b]++;
    left--;
  }
  if (total >= sizes.length) {
    for (let b = 0; b < shares.length; b++) {
      if (shares[b] > 0) continue;
      let from = 0;
      for (let o = 1; o < shares.length; o++) if (shares[o] > shares[from]) from = o;
      shares[from]--;
      shares[b]++;
    }
  }
  return shares;
}

/**
 * The visitor (as an index, -1 when there is none) of each line in order: the one with the fewest open and
 * already planned tasks, the lowest user id among equals.
 */
function assign(lineCount: number, visitors: readonly DraftVisitor[]): Int32Array {
  const assignees = new Int32Array(lineCount).fill(-1);
  if (visitors.length === 0) return assignees;
  const load = visitors.map((v) => v.openTasks);
  const less = (a: number, b: number) => load[a] < load[b] || (load[a] === load[b] && visitors[a].userId < visitors[b].userId);
  // A binary min-heap of visitor indexes, so that a large team costs log(visitors) per line.
  const heap = visitors.map((_, i) => i);
  const down = (at: number) => {
    for (;;) {
      const l = 2 * at + 1;
      const r = l + 1;
      let least = at;
      if (l < heap.length && less(heap[l], heap[least])) least = l;
      if (r < heap.length && less(heap[r], heap[least])) least = r;
      if (least === at) return;
      [heap[at], heap[least]] = [heap[least], heap[at]];
      at = least;
    }
  };
  for (let at = (heap.length >> 1) - 1; at >= 0; at--) down(at);
  for (let k = 0; k < lineCount; k++) {
    const v = heap[0];
    assignees[k] = v;
    load[v]++;
    down(0);
  }
  return assignees;
}

/**
 * The working day (as an index into `workingDays`, -1 when unscheduled) of each line. A visitor's room on a day
 * is the capacity less the tasks already due then. Priority lines take the earliest days with room, in priority
 * order; the other lines are spread evenly over the room left in the rest of the month. Lines beyond the room
 * stay unscheduled.
 */
function schedule(
  chosen: readonly number[],
  reasonAt: Uint8Array,
  assignees: Int32Array,
  visitors: readonly DraftVisitor[],
  workingDays: readonly string[],
  capacityPerDay: number,
): Int32Array {
  const due = new Int32Array(chosen.length).fill(-1);
  const days = workingDays.length;
  if (days === 0) return due;
  const linesOf: number[][] = visitors.map(() => []);
  for (let k = 0; k < chosen.length; k++) if (assignees[k] >= 0) linesOf[assignees[k]].push(k);

  visitors.forEach((visitor, v) => {
    const room = Int32Array.from(workingDays, (date) => Math.max(0, capacityPerDay - (visitor.booked.get(date) ?? 0)));
    const lines = linesOf[v];
    let day = 0;
    let k = 0;
    for (; k < lines.length && reasonAt[chosen[lines[k]]] !== LONGEST; k++) {
      while (day < days && room[day] === 0) day++;
      if (day === days) continue;
      room[day]--;
      due[lines[k]] = day;
    }
    // The rest of the month begins at the first day the priority visits left room on.
    while (day < days && room[day] === 0) day++;
    if (day === days) return;
    // The other visits take evenly spaced places among the room left from there to the month's end, so a day
    // gets its share of them in proportion to its room and never more than it has.
    let left = 0;
    for (let d = day; d < days; d++) left += room[d];
    const placed = Math.min(lines.length - k, left);
    let before = 0;
    for (let j = 0; j < placed; j++) {
      const place = Math.floor((j * left) / placed);
      while (place >= before + room[day]) before += room[day++];
      due[lines[k + j]] = day;
    }
  });
  return due;
}

/** YYYY-MM-DD → day number, each distinct date computed once (a community's dates repeat a lot). */
function dayCache(): (date: string) => number {
  const days = new Map<string, number>();
  return (date) => {
    let day = days.get(date);
    if (day === undefined) days.set(date, (day = dayNumber(date)));
    return day;
  };
}

/** The day number of the month's last day. */
function lastDayOfMonth(month: string): number {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return dayNumber(m === 12 ? `${year + 1}-01-01` : `${year}-${String(m + 1).padStart(2, '0')}-01`) - 1;
}

/** 32-bit FNV-1a of a string's UTF-16 code units. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The seed's hash continued over a household id's four bytes, then mixed (murmur3's finaliser) so that neighbouring ids scatter. */
function mixId(seedHash: number, id: number): number {
  let h = seedHash;
  for (let shift = 0; shift < 32; shift += 8) {
    h ^= (id >>> shift) & 0xff;
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
