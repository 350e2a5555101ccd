/**
 * Who hears about an issue, and the in-app messages they get. Escalation goes up one level at a time:
 * 1 the department head, 2 the community's supervisor, 3 management (active users holding
 * issues.oversee whose scope covers the community).
 */
import type { Locale } from '../../shared/schemas/common.js';
import type { Db } from '../db/database.js';
import type { OutboxMessage } from '../notifications/outbox.js';
import { staffNotice, type StaffNoticeKind } from '../notifications/templates.js';
import { formatDeadline } from '../../shared/shanghai.js';
import { unscoped } from '../scope.js';

export interface IssueRef {
  id: number;
  companyId: number;
  communityId: number;
  departmentId: number | null;
  assigneeId: number | null;
  categoryName: string;
  description: string;
}

/** The part of an issue row that notices need. */
export function issueRef(row: {
  id: number;
  company_id: number;
  community_id: number;
  department_id: number | null;
  assignee_id: number | null;
  category_name: string;
  description: string;
}): IssueRef {
  return {
    id: row.id,
    companyId: row.company_id,
    communityId: row.community_id,
    departmentId: row.department_id,
    assigneeId: row.assignee_id,
    categoryName: row.category_name,
    description: row.description,
  };
}

/**
 * Looks up the people of each level for many issues at once (the sweep handles thousands per batch):
 * department heads, community supervisors and each company's overseers, with everyone's language.
 */
export class Recipients {
  private heads = new Map<number, number | null>();
  private supervisors = new Map<number, number | null>();
  private overseers = new Map<number, { id: number; all: boolean; communities: Set<number> }[]>();
  private locales = new Map<number, Locale>();

  /** `db` may be a transaction: lookups go through it, and what was looked up is kept for later calls. */
  async load(db: Db, issues: readonly IssueRef[]): Promise<void> {
    const departments = [...new Set(issues.map((i) => i.departmentId).filter((d): d is number => d !== null && !this.heads.has(d)))];
    if (departments.length) {
      const rows = await unscoped(db, 'notice recipients: the heads of the issues\' departments').selectFrom('departments').select(['id', 'head_id']).where('id', 'in', departments).execute();
      for (const d of departments) this.heads.set(d, rows.find((r) => r.id === d)?.head_id ?? null);
    }
    const communities = [...new Set(issues.map((i) => i.communityId).filter((c) => !this.supervisors.has(c)))];
    if (communities.length) {
      const rows = await unscoped(db, 'notice recipients: the supervisors of the issues\' communities').selectFrom('communities').select(['id', 'supervisor_id']).where('id', 'in', communities).execute();
      for (const c of communities) this.supervisors.set(c, rows.find((r) => r.id === c)?.supervisor_id ?? null);
    }
    for (const companyId of new Set(issues.map((i) => i.companyId))) {
      if (this.overseers.has(companyId)) continue;
      const rows = await unscoped(db, 'notice recipients: the overseers of the issue\'s company')
        .selectFrom('users')
        .innerJoin('roles', 'roles.id', 'users.role_id')
        .select(['users.id', 'users.locale', 'roles.permissions'])
        .where('users.company_id', '=', companyId)
        .where('users.status', '=', 'active')
        .where('roles.permissions', 'like', '%"issues.oversee"%')
        .execute();
      const links = rows.length ? await db.selectFrom('user_communities').select(['user_id', 'community_id']).where('user_id', 'in', rows.map((r) => r.id)).execute() : [];
      this.overseers.set(
        companyId,
        rows.map((r) => ({
          id: r.id,
          all: (JSON.parse(r.permissions) as string[]).includes('scope.company'),
          communities: new Set(links.filter((l) => l.user_id === r.id).map((l) => l.community_id)),
        })),
      );
      for (const r of rows) this.locales.set(r.id, r.locale);
    }
    const people = new Set<number>();
    for (const i of issues) for (const level of [0, 1, 2]) for (const id of this.level(i, level)) people.add(id);
    const unknown = [...people].filter((id) => !this.locales.has(id));
    if (unknown.length) {
      const rows = await unscoped(db, 'notice recipients: their languages').selectFrom('users').select(['id', 'locale']).where('id', 'in', unknown).where('status', '=', 'active').execute();
      for (const id of unknown) this.locales.set(id, rows.find((r) => r.id === id)?.locale ?? 'zh-CN');
    }
  }

  /** Level 0 is the handler (the assignee, else the department head, else the supervisor). */
  level(issue: IssueRef, level: number): number[] {
    const head = issue.departmentId ? (this.heads.get(issue.departmentId) ?? null) : null;
    const supervisor = this.supervisors.get(issue.communityId) ?? null;
    const ids =
      level === 0
        ? [issue.assigneeId ?? head ?? supervisor]
        : level === 1
          ? [head]
          : level === 2
            ? [supervisor]
            : (this.overseers.get(issue.companyId) ?? []).filter((o) => o.all || o.communities.has(issue.communityId)).map((o) => o.id);
    return [...new Set(ids.filter((id): id is number => id !== null))];
  }

  /**
   * Who hears of an escalation from level `from` to level `reached`: everyone of the levels passed on the way,
   * one combined notice each (a late entry or a sweep catching up reaches several levels at once). A level
   * without anyone — a department without a head, a community without a supervisor — passes it on to the next
   * level that has someone.
   */
  escalation(issue: IssueRef, from: number, reached: number): { level: number; to: number[]; empty: number[] } {
    const empty: number[] = [];
    const to = new Set<number>();
    for (let l = from + 1; l <= reached; l++) {
      const people = this.level(issue, l);
      if (!people.length) empty.push(l);
      for (const id of people) to.add(id);
    }
    let level = reached;
    while (!to.size && level < 3) {
      level++;
      const people = this.level(issue, level);
      if (!people.length) empty.push(level);
      for (const id of people) to.add(id);
    }
    return { level, to: [...to], empty };
  }

  locale(userId: number): Locale {
    return this.locales.get(userId) ?? 'zh-CN';
  }

  messages(
    kind: StaffNoticeKind,
    issue: IssueRef,
    userIds: readonly number[],
    extra: { due?: string | null; level?: number; passed?: number[]; byVisit?: boolean; dedupe?: string } = {},
  ): OutboxMessage[] {
    return [...new Set(userIds)].map((userId) => {
      const text = staffNotice(kind, this.locale(userId), {
        issueId: issue.id,
        category: issue.categoryName,
        description: issue.description,
        due: extra.due ? formatDeadline(extra.due) : undefined,
        level: extra.level,
        passed: extra.passed,
        byVisit: extra.byVisit,
      });
      return {
        companyId: issue.companyId,
        channel: 'in_app' as const,
        recipientUserId: userId,
        kind,
        ...text,
        link: `/issues/${issue.id}`,
        dedupeKey: extra.dedupe ? `${extra.dedupe}:u${userId}` : null,
      };
    });
  }
}
