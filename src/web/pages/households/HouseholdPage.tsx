/** One household: its room, area and status, its residents with their actions, and (later) its visit history. */
import { MergeCellsOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Badge, Button, Card, Descriptions, Empty, Flex, Result, Space, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { Resident } from '../../../shared/schemas/residents';
import { useCommunity } from '../../api/communities';
import { useHousehold } from '../../api/households';
import { useCan } from '../../auth/session';
import { PageHeader } from '../../components/PageHeader';
import { EraseResidentModal } from '../residents/EraseResidentModal';
import { MergeResidentModal } from '../residents/MergeResidentModal';
import { MoveOutModal } from '../residents/MoveOutModal';
import { ResidentCard, type ResidentAction } from '../residents/ResidentCard';
import { ResidentFormModal } from '../residents/ResidentFormModal';
import { HouseholdFormModal } from './HouseholdFormModal';
import { STATUS_BADGE } from './householdDisplay';
import { MergeHouseholdModal } from './MergeHouseholdModal';

type Dialog = { kind: 'household' | 'mergeHousehold' } | { kind: 'resident'; resident: Resident | null } | { kind: ResidentAction; resident: Resident };

export function HouseholdPage() {
  const { t } = useTranslation();
  const can = useCan();
  const { message } = App.useApp();
  const householdId = Number(useParams().householdId);
  const household = useHousehold(householdId);
  const community = useCommunity(household.data?.communityId ?? 0, !!household.data && can('communities.read'));
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = () => setDialog(null);

  if (household.isPending) return <Spin />;
  if (!household.data) return <Result status="404" title="404" subTitle={t('households.notFound')} />;
  const data = household.data;

  const canManage = can('households.manage');
  const actionsFor = (resident: Resident): ResidentAction[] => {
    if (resident.erased) return [];
    const actions: ResidentAction[] = [];
    if (canManage) actions.push('edit');
    if (canManage && !resident.moveOutDate) actions.push('moveOut');
    if (canManage && data.residents.length > 1) actions.push('merge');
    if (can('residents.erase')) actions.push('erase');
    return actions;
  };
  // Current residents first, then those who moved out, then erased records.
  const rank = (r: Resident) => (r.erased ? 2 : r.moveOutDate ? 1 : 0);
  const residents = [...data.residents].sort((a, b) => rank(a) - rank(b));
  const residentDialog = (kind: ResidentAction) => (dialog?.kind === kind && 'resident' in dialog ? dialog.resident : null);

  return (
    <>
      <PageHeader
        title={data.label}
        extra={
          canManage ? (
            <Flex wrap gap={8}>
              <Button onClick={() => setDialog({ kind: 'household' })}>{t('households.editTitle')}</Button>
              <Button icon={<MergeCellsOutlined />} onClick={() => setDialog({ kind: 'mergeHousehold' })}>
                {t('households.merge')}
              </Button>
            </Flex>
          ) : null
        }
      />
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Card size="small">
          <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} size="small">
            <Descriptions.Item label={t('households.fields.community')}>
              {community.data ? <Link to={`/communities/${data.communityId}`}>{community.data.name}</Link> : `#${data.communityId}`}
            </Descriptions.Item>
            <Descriptions.Item label={t('households.fields.building')}>{data.building}</Descriptions.Item>
            <Descriptions.Item label={t('households.fields.unit')}>{data.unit ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('households.fields.room')}>{data.room}</Descriptions.Item>
            <Descriptions.Item label={t('households.fields.area')}>{data.area ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('households.fields.status')}>
              <Badge status={STATUS_BADGE[data.status]} text={t(`households.status.${data.status}`)} />
            </Descriptions.Item>
          </Descriptions>
        </Card>

        <Card
          title={`${t('residents.title')} (${data.residents.length})`}
          size="small"
          extra={
            canManage ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'resident', resident: null })}>
                {t('residents.add')}
              </Button>
            ) : null
          }
        >
          {residents.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('households.noResidents')} />
          ) : (
            <Flex vertical gap={12}>
              {residents.map((resident) => (
                <ResidentCard
                  key={resident.id}
                  resident={resident}
                  actions={actionsFor(resident)}
                  onAction={(kind, r) => setDialog(kind === 'edit' ? { kind: 'resident', resident: r } : { kind, resident: r })}
                />
              ))}
            </Flex>
          )}
        </Card>

        <Card title={t('households.visits')} size="small">
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('households.visitsEmpty')} />
        </Card>
      </Space>

      {canManage ? (
        <>
          <HouseholdFormModal open={dialog?.kind === 'household'} communityId={data.communityId} household={data} onClose={close} />
          <MergeHouseholdModal open={dialog?.kind === 'mergeHousehold'} household={data} onClose={close} />
          <ResidentFormModal
            open={dialog?.kind === 'resident'}
            householdId={data.id}
            resident={dialog?.kind === 'resident' ? dialog.resident : null}
            onClose={close}
          />
          <MoveOutModal resident={residentDialog('moveOut')} onClose={close} />
          <MergeResidentModal resident={residentDialog('merge')} residents={data.residents} onClose={close} />
        </>
      ) : null}
      {can('residents.erase') ? (
        <EraseResidentModal resident={residentDialog('erase')} onClose={close} onErased={() => void message.success(t('residents.erasedDone'))} />
      ) : null}
    </>
  );
}
