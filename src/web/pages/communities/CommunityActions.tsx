/** The community page's buttons, each shown only with its permission; downloads are plain links. */
import { DownloadOutlined, FileExcelOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { rosterExportUrl, rosterTemplateUrl } from '../../api/roster';
import { useCan } from '../../auth/session';

export function CommunityActions({ communityId, onAddHousehold }: { communityId: number; onAddHousehold: () => void }) {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  return (
    <Flex wrap gap={8}>
      {can('households.manage') ? (
        <Button type="primary" icon={<PlusOutlined />} onClick={onAddHousehold}>
          {t('households.create')}
        </Button>
      ) : null}
      {can('roster.import') ? (
        <Button icon={<UploadOutlined />} onClick={() => navigate(`/communities/${communityId}/import`)}>
          {t('roster.import')}
        </Button>
      ) : null}
      {can('residents.export') ? (
        <Button icon={<DownloadOutlined />} href={rosterExportUrl(communityId)} download>
          {t('roster.export')}
        </Button>
      ) : null}
      {can('roster.import') ? (
        <Button icon={<FileExcelOutlined />} href={rosterTemplateUrl()} download>
          {t('roster.template')}
        </Button>
      ) : null}
    </Flex>
  );
}
