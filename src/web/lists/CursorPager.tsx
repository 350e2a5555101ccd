/**
 * The pager of a long list (a total counted only up to a bound, or a page reached by cursor): 首页, 上一页, the page's
 * number, 下一页, the page size, and the total as far as it was counted ("10,000+ 条"). Numbered pages stay with
 * antd's pagination for lists whose total is exact and within reach of an offset.
 */
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Flex, Select, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PAGE_SIZE_OPTIONS } from '../lib/pagination';

export interface CursorPagerProps {
  page: number | undefined;
  totalText: string;
  /** How the total was counted, when it is a lower bound: shown on hover of the total. */
  totalHint?: string;
  pageSize: number;
  onFirst?: () => void;
  onPrevious?: () => void;
  onNext?: () => void;
  onPageSize: (size: number) => void;
}

export function CursorPager({ page, totalText, totalHint, pageSize, onFirst, onPrevious, onNext, onPageSize }: CursorPagerProps) {
  const { t } = useTranslation();
  return (
    <Flex wrap gap={8} align="center" justify="flex-end" style={{ marginTop: 16 }} data-testid="cursor-pager">
      <Tooltip title={totalHint}>
        <Typography.Text type="secondary" data-testid="list-total">
          {totalText}
        </Typography.Text>
      </Tooltip>
      <Flex gap={8} align="center">
        <Button size="small" autoInsertSpace={false} disabled={!onFirst} onClick={onFirst}>
          {t('list.first')}
        </Button>
        <Button size="small" icon={<LeftOutlined />} disabled={!onPrevious} onClick={onPrevious}>
          {t('list.previous')}
        </Button>
        <Typography.Text data-testid="list-page" style={{ whiteSpace: 'nowrap' }}>
          {page === undefined ? t('list.pageUnknown') : t('list.page', { page })}
        </Typography.Text>
        <Button size="small" disabled={!onNext} onClick={onNext}>
          {t('list.next')}
          <RightOutlined />
        </Button>
      </Flex>
      <Select
        size="small"
        value={pageSize}
        aria-label={t('list.pageSize')}
        options={PAGE_SIZE_OPTIONS.map((n) => ({ value: n, label: t('list.perPage', { count: n }) }))}
        onChange={onPageSize}
        style={{ width: 110 }}
      />
    </Flex>
  );
}
