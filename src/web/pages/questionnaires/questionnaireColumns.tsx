/** Column definitions of the questionnaire list. */
import { Badge, Button, Popconfirm, Space, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import type { Questionnaire } from '../../api/questionnaires';
import { formatDateTime } from '../../lib/format';

export interface QuestionnaireColumnContext {
  t: TFunction;
  communityName: (id: number) => string;
  /** Company-wide and property-type templates are changed by company-wide staff only. */
  canChange: (q: Questionnaire) => boolean;
  onView: (q: Questionnaire) => void;
  onPublish: (q: Questionnaire) => void;
  onDuplicate: (q: Questionnaire) => void;
  onToggleStatus: (q: Questionnaire) => void;
}

export function questionnaireColumns(ctx: QuestionnaireColumnContext): TableColumnsType<Questionnaire> {
  const { t } = ctx;
  return [
    {
      title: t('questionnaires.fields.name'),
      key: 'name',
      fixed: 'left',
      render: (_, q) => (
        <Space orientation="vertical" size={0}>
          <Space size={4}>
            <Typography.Text strong>{q.name}</Typography.Text>
            {q.builtin ? <Tag color="blue">{t('questionnaires.builtin')}</Tag> : null}
          </Space>
          {q.description ? (
            <Typography.Text type="secondary" ellipsis style={{ maxWidth: 360 }}>
              {q.description}
            </Typography.Text>
          ) : null}
        </Space>
      ),
    },
    {
      title: t('questionnaires.fields.scope'),
      key: 'scope',
      render: (_, q) =>
        q.scope === 'community' && q.communityId
          ? ctx.communityName(q.communityId)
          : q.scope === 'propertyType' && q.propertyType
            ? `${t('questionnaires.scopes.propertyType')}：${t(`questionnaires.propertyTypes.${q.propertyType}`)}`
            : t(`questionnaires.scopes.${q.scope}`),
    },
    {
      title: t('questionnaires.fields.latestVersion'),
      key: 'version',
      render: (_, q) =>
        q.latestVersion ? (
          <Space orientation="vertical" size={0}>
            <span>
              {t('questionnaires.versionTag', { version: q.latestVersion.version })} · {t('questionnaires.questionCount', { count: q.latestVersion.questions.length })}
            </span>
            <Typography.Text type="secondary">{formatDateTime(q.latestVersion.publishedAt)}</Typography.Text>
          </Space>
        ) : (
          '—'
        ),
    },
    {
      title: t('questionnaires.fields.status'),
      dataIndex: 'status',
      render: (status: Questionnaire['status']) => <Badge status={status === 'active' ? 'success' : 'default'} text={t(`questionnaires.statuses.${status}`)} />,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, q) => (
        <Space size={0} wrap>
          <Button type="link" size="small" onClick={() => ctx.onView(q)}>
            {t('questionnaires.view')}
          </Button>
          {ctx.canChange(q) ? (
            <Button type="link" size="small" onClick={() => ctx.onPublish(q)} disabled={q.status !== 'active'}>
              {t('questionnaires.newVersion')}
            </Button>
          ) : null}
          <Button type="link" size="small" onClick={() => ctx.onDuplicate(q)}>
            {t('questionnaires.duplicate')}
          </Button>
          {!ctx.canChange(q) ? null : q.status === 'active' ? (
            <Popconfirm title={t('questionnaires.confirmArchive', { name: q.name })} onConfirm={() => ctx.onToggleStatus(q)}>
              <Button type="link" size="small" danger>
                {t('questionnaires.archive')}
              </Button>
            </Popconfirm>
          ) : (
            <Button type="link" size="small" onClick={() => ctx.onToggleStatus(q)}>
              {t('questionnaires.restore')}
            </Button>
          )}
        </Space>
      ),
    },
  ];
}
