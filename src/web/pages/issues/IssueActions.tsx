/** The buttons of what the caller may do with the issue now, and their dialogs. */
import { Button, Card } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTransitionIssue, type Issue } from '../../api/issues';
import { useShowError } from '../../lib/feedback';
import { EscalateModal } from './EscalateModal';
import { ExpectedDateModal } from './ExpectedDateModal';
import { ISSUE_ACTIONS, actionLabelKey, actionTestId, type IssueAction } from './issueActions';
import { ReassignModal } from './ReassignModal';
import { ReplyModal } from './ReplyModal';
import { TransitionModal, type DialogEvent } from './TransitionModal';

const NOT_TRANSITIONS: readonly IssueAction[] = ['reply', 'reassign', 'escalate', 'expectedDate', 'start'];

export function IssueActions({ issue }: { issue: Issue }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<IssueAction | null>(null);
  const transition = useTransitionIssue();
  const showError = useShowError();
  const actions = ISSUE_ACTIONS.filter((a) => a.allowed(issue));
  const close = () => setOpen(null);

  if (actions.length === 0) return null;
  return (
    <Card size="small" title={t('issues.actions.title')}>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(132px, 1fr))', gap: 8 }}>
        {actions.map((a) => (
          <Button
            key={a.key}
            type={a.primary ? 'primary' : 'default'}
            danger={a.danger}
            size="large"
            loading={a.key === 'start' && transition.isPending}
            data-testid={actionTestId(a.key)}
            onClick={() =>
              a.key === 'start' ? transition.mutate({ id: issue.id, body: { event: 'start' } }, { onError: (e) => showError(e) }) : setOpen(a.key)
            }
          >
            {t(`issues.actions.${actionLabelKey(issue, a.key)}`)}
          </Button>
        ))}
      </div>
      <ReplyModal issue={issue} open={open === 'reply'} onClose={close} />
      <ReassignModal issue={issue} open={open === 'reassign'} onClose={close} />
      <EscalateModal issue={issue} open={open === 'escalate'} onClose={close} />
      <ExpectedDateModal issue={issue} open={open === 'expectedDate'} onClose={close} />
      <TransitionModal issue={issue} event={open && !NOT_TRANSITIONS.includes(open) ? (open as DialogEvent) : null} onClose={close} />
    </Card>
  );
}
