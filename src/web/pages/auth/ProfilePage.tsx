/** Profile page: personal details and language, password, and personal API tokens. */
import { App, Card, Col, Row, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { ChangePasswordForm } from '../../components/ChangePasswordForm';
import { PageHeader } from '../../components/PageHeader';
import { ApiTokensCard } from './ApiTokensCard';
import { ProfileForm } from './ProfileForm';

export function ProfilePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return (
    <>
      <PageHeader title={t('nav.profile')} />
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={12}>
            <Card title={t('profile.details')} style={{ height: '100%' }}>
              <ProfileForm />
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card title={t('password.changeTitle')} style={{ height: '100%' }}>
              <ChangePasswordForm onDone={() => void message.success(t('password.changed'))} />
            </Card>
          </Col>
        </Row>
        <ApiTokensCard />
      </Space>
    </>
  );
}
