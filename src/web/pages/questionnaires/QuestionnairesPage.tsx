/**
 * 问卷管理: questionnaire templates — view a version's questions, publish new versions, duplicate, archive. The
 * status filter and the page are kept in the address (lists/).
 */
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Drawer, Form, Input, Modal, Select } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QuestionnaireListQuery } from '../../../shared/schemas/questionnaires';
import { useScopeCommunities } from '../../api/communities';
import { useDuplicateQuestionnaire, useQuestionnaires, useUpdateQuestionnaire, type Questionnaire } from '../../api/questionnaires';
import { useCurrentUser } from '../../auth/session';
import { FILTER_SELECT_STYLE, FilterBar } from '../../components/FilterBar';
import { useShowError } from '../../lib/feedback';
import { ListPage } from '../../lists/ListPage';
import { listSpec } from '../../lists/listParams';
import { useListParams } from '../../lists/useListParams';
import { QuestionList } from './QuestionList';
import { QuestionnaireEditorModal } from './QuestionnaireEditorModal';
import { questionnaireColumns } from './questionnaireColumns';

const LIST = listSpec({ schema: QuestionnaireListQuery, keys: ['status'], defaults: { status: 'active' } });

export function QuestionnairesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const showError = useShowError();
  const params = useListParams(LIST);
  const list = useQuestionnaires({ status: params.filters.status, limit: params.limit, offset: params.offset, cursor: params.cursor });
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
    <ListPage<Questionnaire>
      title={t('visits.nav.questionnaires')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditor({ open: true, questionnaire: null })}>
          {t('questionnaires.create')}
        </Button>
      }
      filters={
        <FilterBar>
          <Select
            allowClear
            placeholder={t('questionnaires.fields.status')}
            aria-label={t('questionnaires.fields.status')}
            value={params.filters.status}
            options={(['active', 'archived'] as const).map((s) => ({ value: s, label: t(`questionnaires.statuses.${s}`) }))}
            onChange={(status) => params.setFilters({ status })}
            style={FILTER_SELECT_STYLE}
            data-testid="questionnaire-filter-status"
          />
        </FilterBar>
      }
      query={list}
      pagination={params.pagination}
      columns={columns}
      table={{ 'data-testid': 'questionnaire-table' }}
    >
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
    </ListPage>
  );
}
