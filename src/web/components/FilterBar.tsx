/**
 * Row of filter controls above a table. Controls wrap, and on a phone they grow to fill each line.
 * Give each child a `flex` basis through `style` (e.g. the search box wider than a select).
 */
import { Flex } from 'antd';
import type { ReactNode } from 'react';

export const FILTER_SEARCH_STYLE = { flex: '2 1 220px', maxWidth: 320 } as const;
export const FILTER_SELECT_STYLE = { flex: '1 1 130px', maxWidth: 200 } as const;

export function FilterBar({ children }: { children: ReactNode }) {
  return (
    <Flex wrap gap={8} style={{ marginBottom: 16 }}>
      {children}
    </Flex>
  );
}
