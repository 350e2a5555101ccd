/** The white panel holding a page's table; tighter padding on phones. */
import { Card, Grid } from 'antd';
import type { ReactNode } from 'react';

export function PageCard({ children }: { children: ReactNode }) {
  const screens = Grid.useBreakpoint();
  return <Card styles={{ body: { padding: screens.md ? 24 : 12 } }}>{children}</Card>;
}
