/** Small tags of an issue, the same on every page: kind, status, priority, escalation level and a deadline with its state. */
import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DueState, IssueSummary } from '../../api/issues';
import { ProvisionalTag } from '../../components/ProvisionalTag';
import { formatDeadline } from '../../lib/format';
import { DUE_STATE_COLOR, ESCALATION_COLOR, ISSUE_KIND_COLOR, ISSUE_STATUS_COLOR, PRIORITY_COLOR } from './issueDisplay';

export function KindTag({ kind }: { kind: IssueSummary['kind'] }) {
  const { t } = useTranslation();
  return <Tag color={ISSUE_KIND_COLOR[kind]}>{t(`visits.itemKinds.${kind}`)}</Tag>;
}

export function StatusTag({ status }: { status: IssueSummary['status'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={ISSUE_STATUS_COLOR[status]} data-testid="issue-status">
      {t(`issues.statuses.${status}`)}
    </Tag>
  );
}

/** Only what differs from the usual priority is worth a tag. */
export function PriorityTag({ priority }: { priority: IssueSummary['priority'] }) {
  const { t } = useTranslation();
  if (priority === 'normal') return null;
  return <Tag color={PRIORITY_COLOR[priority]}>{t(`issues.priorities.${priority}`)}</Tag>;
}

export function EscalationTag({ level }: { level: number }) {
  const { t } = useTranslation();
  if (level <= 0) return null;
  return (
    <Tag color={ESCALATION_COLOR[level] ?? 'red'} data-testid="issue-escalation">
      {t(`issues.escalationLevels.${Math.min(level, 3)}`)}
    </Tag>
  );
}

export function DueTag({ state }: { state: DueState }) {
  const { t } = useTranslation();
  return <Tag color={DUE_STATE_COLOR[state]}>{t(`issues.dueStates.${state}`)}</Tag>;
}

/** "2025-10-11 24:00" (Asia/Shanghai) with the state of the deadline, and 暂定 when it may still move. */
export function Deadline({ at, state, provisional = false }: { at: string | null; state: DueState | null; provisional?: boolean }) {
  if (!at) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Space size={4} wrap>
      <span style={{ whiteSpace: 'nowrap' }}>{formatDeadline(at)}</span>
      {state ? <DueTag state={state} /> : null}
      {provisional ? <ProvisionalTag /> : null}
    </Space>
  );
}
