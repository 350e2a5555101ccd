/** 问卷管理: questionnaire templates — view a version's questions, publish new versions, duplicate, archive. */
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Drawer, Form, Input, Modal, Select, Table } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useScopeCommunities } from '../../api/communities';
import { useDuplicateQuestionnaire, useQuestionnaires, useUpdateQuestionnaire, type Questionnaire } from '../../api/questionnaires';
import { useCurrentUser } from '../../auth/session';
import { FILTER_SELECT_STYLE, FilterBar } from '../../components/FilterBar';
import { PageCard } from '../../components/PageCard';
import { PageHeader } from '../../components/PageHeader';
import { useShowError } from '../../lib/feedback';
import { usePagination } from '../../lib/pagination';
import { QuestionList } from './QuestionList';
import { QuestionnaireEditorModal } from './QuestionnaireEditorModal';
import { questionnaireColumns } from './questionnaireColumns';

export function QuestionnairesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const showError = useShowError();
  const [status, setStatus] = useState<'active' | 'archived' | undefined>('active');
  const pagination = usePagination();
  const list = useQuestionnaires({ status, limit: pagination.limit, offset: pagination.offset });
  const communities = useScopeCommunities();
  const update = useUpdateQuestionnaire();
  const duplicate = useDuplicateQuestionnaire();
  const [viewing, setViewing] = useState<Questionnaire | null>(null);
  const [editor, setEditor] = useState<{ open: boolean; questionnaire: Questionnaire | null }>({ open: false, questionnaire: null });
  const [duplicating, setDuplicating] = useState<Questionnaire | null>(null);
  const [duplicateForm] = Form.useForm<{ name: string }>();

  const communityList = useMemo(() => communities.data?.items ?? [], [communities.data]);
  const communityById = useMemo(() => new Map(communityList.map((c) => [c.id, c.name])), [communityList]);

  const columns = questionnaireColumns({
    t,
    communityName: (id) => communityById.get(id) ?? `#${id}`,
    canChange: (q) => user.allCommunities || q.scope === 'community',
    onView: setViewing,
    onPublish: (q) => setEditor({ open: true, questionnaire: q }),
    onDuplicate: (q) => {
      duplicateForm.setFieldsValue({ name: t('questionnaires.duplicateName', { name: q.name }) });
      setDuplicating(q);
    },
    onToggleStatus: (q) =>
      update.mutate(
        { id: q.id, body: { status: q.status === 'active' ? 'archived' : 'active' } },
        { onSuccess: () => void message.success(t('common.saved')), onError: (e) => showError(e) },
      ),
  });

  return (
    <>
      <PageHeader
        title={t('visits.nav.questionnaires')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditor({ open: true, questionnaire: null })}>
            {t('questionnaires.create')}
          </Button>
        }
      />
      <PageCard>
        <FilterBar>
          <Select
            allowClear
            placeholder={t('questionnaires.fields.status')}
            aria-label={t('questionnaires.fields.status')}
            value={status}
            options={(['active', 'archived'] as const).map((s) => ({ value: s, label: t(`questionnaires.statuses.${s}`) }))}
            onChange={(next) => {
              setStatus(next);
              pagination.reset();
            }}
            style={FILTER_SELECT_STYLE}
          />
        </FilterBar>
        <Table<Questionnaire>
          rowKey="id"
          columns={columns}
          dataSource={list.data?.items}
          loading={list.isFetching}
          pagination={pagination.table(list.data?.total)}
          scroll={{ x: 'max-content' }}
          size="middle"
        />
      </PageCard>
      <Drawer
        open={!!viewing}
        size="large"
        title={viewing ? `${viewing.name} · ${t('questionnaires.versionTag', { version: viewing.latestVersion?.version ?? '—' })}` : ''}
        onClose={() => setViewing(null)}
      >
        {viewing ? <QuestionList questions={viewing.latestVersion?.questions ?? []} /> : null}
      </Drawer>
      <QuestionnaireEditorModal
        open={editor.open}
        questionnaire={editor.questionnaire}
        communities={communityList}
        onClose={() => setEditor({ open: false, questionnaire: null })}
      />
      <Modal
        open={!!duplicating}
        title={t('questionnaires.duplicateTitle')}
        okText={t('common.save')}
        onOk={() => duplicateForm.submit()}
        onCancel={() => setDuplicating(null)}
        confirmLoading={duplicate.isPending}
        forceRender
      >
        <Form
          form={duplicateForm} name="duplicateQuestionnaire"
          layout="vertical"
          onFinish={({ name }) =>
            duplicate.mutate({ id: duplicating!.id, name }, { onSuccess: () => setDuplicating(null), onError: (e) => showError(e, duplicateForm) })
          }
        >
          <Form.Item name="name" label={t('questionnaires.fields.name')} rules={[{ required: true, whitespace: true, message: t('questionnaires.nameRequired') }]}>
            <Input maxLength={100} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
