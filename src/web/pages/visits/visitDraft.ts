/**
 * The visit form in progress, kept in localStorage per user and task so that a reload, a dead battery or a
 * lost connection loses nothing. The Idempotency-Key lives in the draft: every retry of the same visit sends
 * the same key, so the server never records it twice. Cleared after a successful submission.
 */
import type { Answers } from '../../../shared/schemas/questionnaires';
import type { ItemKind, Method } from '../../api/visits';

export interface DraftValues {
  outcome: 'completed' | 'refused';
  method: Method;
  visitedAt?: string | null;
  answers: Answers;
  spokenTo?: string;
  opinions?: string;
  suggestions?: string;
  improvementMeasures?: string;
  items?: { kind: ItemKind; category?: string; description?: string; replyMode?: 'oral' | 'written'; reply?: string }[];
  attachments?: { id: number; fileName: string }[];
  confirmation?: { solved?: boolean; rating?: number; comment?: string };
}

export interface VisitDraft {
  idempotencyKey: string;
  startedAt: string;
  versionId: number | null;
  values: Partial<DraftValues>;
}

const key = (userId: number, taskId: number) => `huifang.visitDraft.${userId}.${taskId}`;

export function loadDraft(userId: number, taskId: number): VisitDraft | null {
  try {
    const raw = localStorage.getItem(key(userId, taskId));
    return raw ? (JSON.parse(raw) as VisitDraft) : null;
  } catch {
    return null;
  }
}

export function saveDraft(userId: number, taskId: number, draft: VisitDraft): void {
  try {
    localStorage.setItem(key(userId, taskId), JSON.stringify(draft));
  } catch {
    // Storage full or disabled (private mode): the form still works, only without the safety net.
  }
}

export function clearDraft(userId: number, taskId: number): void {
  localStorage.removeItem(key(userId, taskId));
}
