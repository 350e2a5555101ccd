/**
 * Who may do what with a visit task or record (visits/visit-rules.ts), decided without a database: the actions a
 * task offers its caller and whether a record may be corrected, by actor and task status.
 */
import { describe, expect, it } from 'vitest';
import type { TaskStatus } from '../../../src/shared/schemas/visits.js';
import type { Ctx } from '../../../src/server/context.js';
import { canCorrectRecord, taskActions } from '../../../src/server/visits/visit-rules.js';

const VISITOR_ID = 7;
const OTHER_VISITOR_ID = 8;

function actor(userId: number, permissions: string[]): Ctx {
  return {
    userId,
    username: `u${userId}`,
    displayName: `User ${userId}`,
    companyId: 1,
    permissions: new Set(permissions),
    allCommunities: false,
    communityIds: [1],
    departmentId: null,
    ip: null,
    locale: 'zh-CN',
  };
}

const visitor = actor(VISITOR_ID, ['visits.work']);
const supervisor = actor(9, ['visits.work', 'visits.manage']);
const managerOnly = actor(10, ['visits.manage']);
const reader = actor(VISITOR_ID, ['visits.read']);
const FINAL: TaskStatus[] = ['completed', 'unreachable', 'refused', 'cancelled'];

describe('the actions a visit task offers its caller', () => {
  it('a visitor on their own pending task may record, log an attempt and make an appointment, but not reassign or cancel', () => {
    expect(taskActions(visitor, { status: 'pending', assigneeId: VISITOR_ID })).toEqual(['record', 'attempt', 'appoint']);
  });

  it('a visitor on their own appointed task may still record, log an attempt and move the appointment', () => {
    expect(taskActions(visitor, { status: 'appointed', assigneeId: VISITOR_ID })).toEqual(['record', 'attempt', 'appoint']);
  });

  it("a visitor is offered nothing on another visitor's task, nor on an unassigned one", () => {
    expect(taskActions(visitor, { status: 'pending', assigneeId: OTHER_VISITOR_ID })).toEqual([]);
    expect(taskActions(visitor, { status: 'pending', assigneeId: null })).toEqual([]);
  });

  it('a supervisor may do everything on any open task, also unassigned, including reassigning and cancelling', () => {
    const all = ['record', 'attempt', 'appoint', 'reassign', 'cancel'];
    expect(taskActions(supervisor, { status: 'pending', assigneeId: OTHER_VISITOR_ID })).toEqual(all);
    expect(taskActions(supervisor, { status: 'appointed', assigneeId: null })).toEqual(all);
    expect(taskActions(managerOnly, { status: 'pending', assigneeId: OTHER_VISITOR_ID })).toEqual(all);
  });

  it('a finished task (completed, unreachable, refused, cancelled) offers no action to anyone', () => {
    for (const status of FINAL) {
      expect(taskActions(supervisor, { status, assigneeId: VISITOR_ID })).toEqual([]);
      expect(taskActions(visitor, { status, assigneeId: VISITOR_ID })).toEqual([]);
    }
  });

  it('a reader without visits.work is offered nothing, even on a task assigned to them', () => {
    expect(taskActions(reader, { status: 'pending', assigneeId: VISITOR_ID })).toEqual([]);
  });
});

describe('who may correct a submitted record', () => {
  it('the visitor who made the record may correct it', () => {
    expect(canCorrectRecord(visitor, { visitorId: VISITOR_ID })).toBe(true);
  });

  it("a visitor may not correct another visitor's record", () => {
    expect(canCorrectRecord(visitor, { visitorId: OTHER_VISITOR_ID })).toBe(false);
  });

  it("a supervisor may correct anyone's record, with or without visits.work", () => {
    expect(canCorrectRecord(supervisor, { visitorId: OTHER_VISITOR_ID })).toBe(true);
    expect(canCorrectRecord(managerOnly, { visitorId: OTHER_VISITOR_ID })).toBe(true);
  });

  it('a reader without visits.work may not correct even a record in their own name', () => {
    expect(canCorrectRecord(reader, { visitorId: VISITOR_ID })).toBe(false);
  });
});
