/** Route guards: a session is required, a forced password change comes first, pages need permissions. */
import { Flex, Spin } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import type { Permission } from '../../shared/schemas/permissions';
import { Forbidden } from '../components/Forbidden';
import { isAllowed } from './permissions';
import { useSession } from './session';

export function FullPageSpin() {
  return (
    <Flex align="center" justify="center" style={{ minHeight: '100vh' }}>
      <Spin size="large" />
    </Flex>
  );
}

export function RequireSession({ children }: { children: ReactNode }) {
  const { user, isPending } = useSession();
  const location = useLocation();
  if (isPending) return <FullPageSpin />;
  if (!user) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  if (user.mustChangePassword && location.pathname !== '/change-password') {
    return <Navigate to="/change-password" replace />;
  }
  return <>{children}</>;
}

export function RequirePermission({ anyOf, children }: { anyOf: Permission[]; children: ReactNode }) {
  const { user } = useSession();
  if (!user || !isAllowed({ anyOf }, user.permissions)) return <Forbidden />;
  return <>{children}</>;
}
