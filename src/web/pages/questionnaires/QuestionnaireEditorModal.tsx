/**
 * Create a questionnaire, or publish a new version of one: its definition (create only) and the list of
 * questions — add, remove, reorder, and edit each. A published version never changes; older answers keep
 * theirs.
 */
import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Form, Input, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Community } from '../../../shared/schemas/communities';
import { ApiError } from '../../api/client';
import { useCreateQuestionnaire, usePublishVersion, useServiceDimensions, type Questionnaire } from '../../api/questionnaires';
import { useCurrentUser } from '../../auth/session';
import { fieldPath, useShowError } from '../../lib/feedback';
import { QuestionEditor } from './QuestionEditor';
import { fromDraft, toDraft, type QuestionDraft } from './questionForm';

interface Values {
  name: string;
  description?: string;
  scope: Questionnaire['scope'];
  communityId?: number;
  propertyType?: 'residential' | 'commercial' | 'mixed';
  questions: QuestionDraft[];
}

interface Props {
  open: boolean;
  /** null: create a new questionnaire */
  questionnaire: Questionnaire | null;
  communities: Community[];
  onClose: () => void;
}

export function QuestionnaireEditorModal({ open, questionnaire, communities, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const scope = Form.useWatch('scope', form);
  // Community staff make templates for their own communities only.
  const companyWide = useCurrentUser().allCommunities;
  const scopes = companyWide ? (['company', 'community', 'propertyType'] as const) : (['community'] as const);
  const dimensions = useServiceDimensions();
  const create = useCreateQuestionnaire();
  const publish = usePublishVersion();
  const showError = useShowError();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      questionnaire
        ? { name: questionnaire.name, scope: questionnaire.scope, questions: (questionnaire.latestVersion?.questions ?? []).map(toDraft) }
        : { scope: companyWide ? 'company' : 'community', communityId: companyWide ? undefined : communities[0]?.id, questions: [{ key: 'overall', type: 'rating', title: '', required: true }] },
    );
  }, [open, questionnaire, form, companyWide, communities]);

  const submit = (values: Values) => {
    const questions = fromDraft(values.questions ?? []);
    // Errors name nested fields (questions.2.options): put each under its input, and say so at the top.
    const onError = (error: unknown) => {
      const fieldErrors = error instanceof ApiError ? (error.problem?.errors ?? []) : [];
      if (fieldErrors.length === 0) return showError(error, form);
      form.setFields(fieldErrors.map((e) => ({ name: fieldPath(e.path) as ['questions', number, 'key'], errors: [e.message] })));
      void message.error((error as ApiError).message);
    };
    if (questionnaire) {
      publish.mutate(
        { id: questionnaire.id, questions },
        {
          onSuccess: () => {
            void message.success(t('questionnaires.published'));
            onClose();
          },
          onError,
        },
      );
    } else {
      create.mutate(
        {
          name: values.name,
          description: values.description ?? '',
          scope: values.scope,
          communityId: values.scope === 'community' ? (values.communityId ?? null) : null,
          propertyType: values.scope === 'propertyType' ? (values.propertyType ?? null) : null,
          questions,
        },
        {
          onSuccess: () => {
            void message.success(t('questionnaires.created'));
            onClose();
          },
          onError,
        },
      );
    }
  };

  return (
    <Modal
      open={open}
      width={760}
      title={questionnaire ? t('questionnaires.publishTitle', { name: questionnaire.name }) : t('questionnaires.createTitle')}
      okText={questionnaire ? t('questionnaires.publish') : t('common.save')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending || publish.isPending}
      forceRender
    >
      <Form<Values> form={form} name="questionnaire" layout="vertical" onFinish={submit}>
        {questionnaire ? (
          <Alert type="info" showIcon title={t('questionnaires.versionNote')} style={{ marginBottom: 16 }} />
        ) : (
          <>
            <Form.Item name="name" label={t('questionnaires.fields.name')} rules={[{ required: true, whitespace: true, message: t('questionnaires.nameRequired') }]}>
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name="description" label={t('questionnaires.fields.description')}>
              <Input.TextArea rows={2} maxLength={1000} />
            </Form.Item>
            <Flex gap={8} wrap>
              <Form.Item name="scope" label={t('questionnaires.fields.scope')} style={{ flex: '1 1 160px' }}>
                <Select options={scopes.map((s) => ({ value: s, label: t(`questionnaires.scopes.${s}`) }))} />
              </Form.Item>
              {scope === 'community' ? (
                <Form.Item name="communityId" label={t('questionnaires.fields.community')} rules={[{ required: true }]} style={{ flex: '1 1 160px' }}>
                  <Select options={communities.map((c) => ({ value: c.id, label: c.name }))} />
                </Form.Item>
              ) : null}
              {scope === 'propertyType' ? (
                <Form.Item name="propertyType" label={t('questionnaires.fields.propertyType')} rules={[{ required: true }]} style={{ flex: '1 1 160px' }}>
                  <Select options={(['residential', 'commercial', 'mixed'] as const).map((p) => ({ value: p, label: t(`questionnaires.propertyTypes.${p}`) }))} />
                </Form.Item>
              ) : null}
            </Flex>
          </>
        )}
        <Form.List
          name="questions"
          rules={[{ validator: (_, list?: unknown[]) => (list?.length ? Promise.resolve() : Promise.reject(new Error(t('questionnaires.question.atLeastOne')))) }]}
        >
          {(fields, { add, remove, move }, { errors }) => (
            <Flex vertical gap={8}>
              {fields.map((field, index) => (
                <QuestionEditor
                  key={field.key}
                  name={field.name}
                  index={index}
                  count={fields.length}
                  dimensions={(dimensions.data?.items ?? []).map((d) => d.name)}
                  onMove={move}
                  onRemove={() => remove(field.name)}
                />
              ))}
              <Button type="dashed" icon={<PlusOutlined />} block onClick={() => add({ key: `q${fields.length + 1}`, type: 'rating', title: '', required: false })}>
                {t('questionnaires.question.add')}
              </Button>
              <Form.ErrorList errors={errors} />
            </Flex>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
