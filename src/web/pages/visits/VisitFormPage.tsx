/**
 * The visit form (回访记录) of a task: outcome, on a confirmation visit (复访) whether the issue is really
 * solved, the questionnaire version the server chose for the task with live show-if logic, what the resident
 * said, items raised and attachments.
 * Everything typed is kept as a local draft (with its Idempotency-Key) until the server has the record, so a
 * reload or a retry after a network error neither loses nor duplicates the visit.
 */
import { LeftOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Flex, Form, Input, Radio, Result, Select, Spin, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { Answers } from '../../../shared/schemas/questionnaires';
import { ApiError } from '../../api/client';
import { useQuestionnaireVersion } from '../../api/questionnaires';
import { VISIT_METHODS, useRecordVisit, useVisitTask, type VisitTask, type VisitTaskDetail } from '../../api/visits';
import { useCurrentUser } from '../../auth/session';
import { AttachmentsInput } from '../../components/AttachmentsInput';
import { fieldPath, useShowError } from '../../lib/feedback';
import { AnswerInput } from './AnswerInputs';
import { ConfirmationFields } from './ConfirmationFields';
import { RecordItemsField } from './RecordItemsField';
import { askedQuestions, submittedAnswers } from './questionLogic';
import { newIdempotencyKey } from './taskDisplay';
import { clearDraft, loadDraft, saveDraft, type DraftValues, type VisitDraft } from './visitDraft';

type FormValues = Omit<DraftValues, 'visitedAt'> & { visitedAt?: Dayjs | null };

const toDraftValues = (values: Partial<FormValues>): Partial<DraftValues> => ({ ...values, visitedAt: values.visitedAt ? values.visitedAt.format() : null });

/** What a confirmation visit (复访) reports: a rating when solved, the reason when not. */
function confirmationBody(task: VisitTask, values: DraftValues['confirmation']) {
  if (task.reason !== 'confirmation' || values?.solved === undefined) return undefined;
  return values.solved ? { solved: true, rating: values.rating } : { solved: false, comment: values.comment ?? '' };
}

function VisitForm({ task, userId }: { task: VisitTaskDetail; userId: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const showError = useShowError();
  const recordVisit = useRecordVisit();
  const [form] = Form.useForm<FormValues>();
  const [restored] = useState(() => loadDraft(userId, task.id));
  const [draft, setDraft] = useState<VisitDraft>(
    () => restored ?? { idempotencyKey: newIdempotencyKey(), startedAt: dayjs().format(), versionId: null, values: {} },
  );
  // The server decides the questionnaire version of the task; a draft keeps answering the version it started
  // with, even if a newer one is published meanwhile (the server accepts any version of the task's questionnaire).
  const questionnaire = task.questionnaire;
  const versionId = draft.versionId ?? questionnaire?.versionId ?? null;
  const earlier = useQuestionnaireVersion(versionId !== questionnaire?.versionId ? versionId : null);
  const version = versionId === questionnaire?.versionId ? questionnaire : earlier.data;
  const questions = useMemo(() => version?.questions ?? [], [version]);

  const answers = (Form.useWatch('answers', form) ?? {}) as Answers;
  const outcome = Form.useWatch('outcome', form) ?? 'completed';
  const method = Form.useWatch('method', form) ?? task.method;
  const asked = askedQuestions(questions, answers);

  const persist = (next: VisitDraft) => {
    setDraft(next);
    saveDraft(userId, task.id, next);
  };

  useEffect(() => {
    // Save the key, start time and version at once: a reload before the first keystroke must keep them.
    persist({ ...draft, versionId });
    // Only when the version becomes known; the values are saved by onValuesChange.
  }, [versionId]);

  const initialValues: Partial<FormValues> = {
    outcome: 'completed',
    method: task.method,
    answers: {},
    items: [],
    attachments: [],
    ...restored?.values,
    visitedAt: restored?.values.visitedAt ? dayjs(restored.values.visitedAt) : null,
  };

  const submit = (values: FormValues) => {
    const now = dayjs();
    const backdated = values.method === 'written' && values.visitedAt ? values.visitedAt : null;
    const completed = values.outcome === 'completed';
    recordVisit.mutate(
      {
        taskId: task.id,
        idempotencyKey: draft.idempotencyKey,
        body: {
          outcome: values.outcome,
          method: values.method,
          questionnaireVersionId: versionId,
          answers: completed ? submittedAnswers(questions, values.answers ?? {}) : {},
          startedAt: backdated ? backdated.format() : draft.startedAt,
          endedAt: backdated ? backdated.format() : now.format(),
          spokenTo: values.spokenTo ?? '',
          opinions: values.opinions ?? '',
          suggestions: values.suggestions ?? '',
          improvementMeasures: values.improvementMeasures ?? '',
          items: (values.items ?? []).map((item) => ({
            kind: item.kind,
            category: item.category ?? '',
            description: item.description ?? '',
            replyMode: item.replyMode ?? 'written',
            reply: item.replyMode === 'oral' && item.reply?.trim() ? item.reply.trim() : undefined,
          })),
          attachmentIds: (values.attachments ?? []).map((a) => a.id),
          confirmation: completed ? confirmationBody(task, values.confirmation) : undefined,
        },
      },
      {
        onSuccess: () => {
          clearDraft(userId, task.id);
          void message.success(t('visits.form.submitted'));
          navigate('/tasks');
        },
        onError: (error) => {
          if (error instanceof ApiError && error.status === 0) {
            void message.warning(t('visits.form.retryHint'), 8);
            return;
          }
          if (error instanceof ApiError && error.code === 'answers_invalid') {
            const fieldErrors = error.problem?.errors ?? [];
            form.setFields(fieldErrors.map((e) => ({ name: fieldPath(e.path) as ['answers', string], errors: [e.message] })));
            if (fieldErrors[0]) form.scrollToField(fieldPath(fieldErrors[0].path), { block: 'center' });
            void message.error(error.message);
            return;
          }
          showError(error, form);
        },
      },
    );
  };

  if (!version && earlier.isLoading) {
    return (
      <Flex justify="center" style={{ padding: 48 }}>
        <Spin />
      </Flex>
    );
  }

  return (
    <Form<FormValues>
      form={form}
      name="visit"
      layout="vertical"
      initialValues={initialValues}
      onFinish={submit}
      onFinishFailed={({ errorFields }) => errorFields[0] && form.scrollToField(errorFields[0].name, { block: 'center' })}
      onValuesChange={() => persist({ ...draft, versionId, values: toDraftValues(form.getFieldsValue(true) as FormValues) })}
      requiredMark={false}
      size="large"
    >
      <Flex vertical gap={12} style={{ maxWidth: 720 }}>
        <Link to={`/tasks/${task.id}`}>
          <LeftOutlined /> {task.householdLabel}
        </Link>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('visits.form.title', { household: task.householdLabel })}
        </Typography.Title>
        {restored ? <Alert type="info" showIcon closable title={t('visits.form.draftRestored')} /> : null}

        <Card size="small">
          <Form.Item name="outcome" label={t('visits.form.outcome')}>
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              style={{ display: 'grid', gridTemplateColumns: '1fr 1fr' }}
              options={(['completed', 'refused'] as const).map((o) => ({ value: o, label: t(`visits.outcomes.${o}`), style: { textAlign: 'center' } }))}
            />
          </Form.Item>
          <Form.Item name="method" label={t('visits.fields.method')}>
            <Select options={VISIT_METHODS.map((m) => ({ value: m, label: t(`visits.methods.${m}`) }))} />
          </Form.Item>
          {method === 'written' ? (
            <Form.Item name="visitedAt" label={t('visits.form.visitedAt')} extra={t('visits.form.visitedAtHint')}>
              <DatePicker
                showTime={{ format: 'HH:mm' }}
                format="YYYY-MM-DD HH:mm"
                disabledDate={(d) => d.isAfter(dayjs(), 'day')}
                style={{ width: '100%' }}
                inputReadOnly
              />
            </Form.Item>
          ) : null}
        </Card>

        {outcome === 'completed' && task.reason === 'confirmation' ? <ConfirmationFields issueId={task.issueId} /> : null}

        {outcome === 'completed' ? (
          <Card
            size="small"
            title={
              version && questionnaire ? t('visits.form.questionnaire', { name: questionnaire.name, version: version.version }) : undefined
            }
          >
            {questions.length === 0 ? <Typography.Text type="secondary">{t('visits.form.noQuestionnaire')}</Typography.Text> : null}
            {asked.map((q, index) => (
              <div key={q.key} data-testid={`question-${q.key}`}>
                <Form.Item
                  name={['answers', q.key]}
                  label={
                    <span style={{ fontSize: 16, fontWeight: 500, whiteSpace: 'normal' }}>
                      {index + 1}. {q.title}
                      {q.required ? <Typography.Text type="danger"> *</Typography.Text> : null}
                    </span>
                  }
                  extra={q.help}
                  rules={q.required ? [{ required: true, message: t('visits.form.required') }] : []}
                >
                  <AnswerInput question={q} />
                </Form.Item>
              </div>
            ))}
          </Card>
        ) : null}

        <Card size="small" title={t('visits.form.visitDetails')}>
          <Form.Item name="spokenTo" label={t('visits.fields.spokenTo')}>
            <Input maxLength={100} placeholder={t('visits.form.spokenToPlaceholder')} />
          </Form.Item>
          <Form.Item name="opinions" label={t('visits.fields.opinions')}>
            <Input.TextArea rows={3} maxLength={5000} />
          </Form.Item>
          <Form.Item name="suggestions" label={t('visits.fields.suggestions')}>
            <Input.TextArea rows={3} maxLength={5000} />
          </Form.Item>
          <Form.Item name="improvementMeasures" label={t('visits.fields.improvementMeasures')}>
            <Input.TextArea rows={3} maxLength={5000} />
          </Form.Item>
        </Card>

        <Card size="small" title={t('visits.form.items')}>
          <RecordItemsField />
        </Card>

        <Card size="small" title={t('visits.form.attachments')}>
          <Form.Item name="attachments" noStyle>
            <AttachmentsInput />
          </Form.Item>
        </Card>

        <Button type="primary" htmlType="submit" block loading={recordVisit.isPending} style={{ height: 56, fontSize: 18, marginBottom: 24 }}>
          {t('visits.form.submit')}
        </Button>
      </Flex>
    </Form>
  );
}

export function VisitFormPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const taskId = Number(useParams().taskId);
  const task = useVisitTask(taskId);

  if (task.isLoading) {
    return (
      <Flex justify="center" style={{ padding: 48 }}>
        <Spin />
      </Flex>
    );
  }
  if (!task.data) return <Result status="404" subTitle={t('visits.task.notFound')} extra={<Link to="/tasks">{t('visits.task.back')}</Link>} />;
  if (!task.data.allowedActions.includes('record')) {
    return (
      <Result
        status="info"
        subTitle={t('visits.task.closed', { status: t(`visits.statuses.${task.data.status}`) })}
        extra={<Link to={`/tasks/${task.data.id}`}>{task.data.householdLabel}</Link>}
      />
    );
  }
  return <VisitForm task={task.data} userId={user.id} />;
}
