/**
 * The 导出 Excel button of a list: a link to the export (so it still opens as one), which the console
 * downloads itself and then says what the file holds — how many rows, and when the export cap left some
 * out, how many and whose cap it was.
 */
import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, type ButtonProps } from 'antd';
import { forwardRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadExport } from '../api/companies';
import { downloadUrl, type QueryParams } from '../api/client';
import { useShowError } from '../lib/feedback';

interface Props extends Omit<ButtonProps, 'href' | 'onClick' | 'children'> {
  path: string;
  query?: QueryParams;
  children: ReactNode;
  testId?: string;
}

/** Forwards its ref and other props to the button, so that a Tooltip can wrap it. */
export const ExportButton = forwardRef<HTMLAnchorElement | HTMLButtonElement, Props>(function ExportButton({ path, query, children, testId, ...rest }, ref) {
  const { t, i18n } = useTranslation();
  const { message, notification } = App.useApp();
  const showError = useShowError();
  const [busy, setBusy] = useState(false);
  const n = (v: number) => v.toLocaleString(i18n.language);

  const run = async () => {
    setBusy(true);
    try {
      const out = await downloadExport(path, query);
      if (out.omitted > 0) {
        notification.warning({
          key: 'export-truncated',
          duration: 0,
          message: t('exports.truncatedTitle', { omitted: n(out.omitted) }),
          description: t(out.limitBy === 'company' ? 'exports.truncatedByCompany' : 'exports.truncatedByServer', { rows: n(out.rows), total: n(out.total), omitted: n(out.omitted), limit: n(out.limit) }),
        });
      } else {
        void message.success(t('exports.done', { rows: n(out.rows) }));
      }
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Button
      {...rest}
      ref={ref}
      icon={<DownloadOutlined />}
      href={downloadUrl(path, query)}
      loading={busy}
      data-testid={testId}
      onClick={(e) => {
        e.preventDefault();
        if (!busy) void run();
      }}
    >
      {children}
    </Button>
  );
});
