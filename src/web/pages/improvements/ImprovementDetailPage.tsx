/**
 * One improvement measure and what followed it (/improvements/:measureId): the measure, then its dimension's
 * 满意率 and score or its category's issues in the months before and after the start, each with n and its
 * period, the change, and a plain-language verdict (“保洁 满意率 从 72% 升到 85%（n 40 → 52）”). The window
 * (1–12 months each side, default 3) is in the address.
 */
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Card, Col, Descriptions, Result, Row, Select, Space, Spin, Statistic, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { MAX_WINDOW_MONTHS, type EffectFigure, type EffectWindow, type MeasureEffect, type Verdict } from '../../../shared/schemas/improvements';
import { useMeasureEffect } from '../../api/improvements';
import { PageHeader } from '../../components/PageHeader';
import { formatDate } from '../../lib/format';
import { STATUS_COLORS, effectSentence, formatChange, formatEffectValue, targetText } from './measureDisplay';

const VERDICT_TYPES: Record<Verdict, 'success' | 'error' | 'info' | 'warning'> = { improved: 'success', worsened: 'error', unchanged: 'info', unknown: 'warning', too_early: 'info' };

function windowText(t: TFunction, w: EffectWindow): string {
  if (w.days === 0) return t('improvements.detail.notStarted', { from: formatDate(w.from) });
  return t('improvements.detail.period', { from: formatDate(w.from), to: formatDate(w.to), days: w.days });
}

/** The subject of a sentence: 保洁 满意率, 保洁类 问题数. */
function subjectOf(t: TFunction, effect: MeasureEffect, f: EffectFigure): string {
  const m = effect.measure;
  return `${(m.targetKind === 'dimension' ? m.dimension : m.categoryName) ?? ''} ${t(`improvements.figures.${f.key}`)}`;
}

function FigureCard({ effect, figure }: { effect: MeasureEffect; figure: EffectFigure }) {
  const { t } = useTranslation();
  const side = (label: string, w: EffectWindow, v: EffectFigure['before']) => (
    <Col xs={12}>
      <Statistic title={label} value={formatEffectValue(figure.unit, v)} />
      <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
        {windowText(t, w)}
      </Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
        {v.value === null && v.reason ? t(`improvements.reasons.${v.reason}`) : `${t('improvements.detail.n')} ${v.n}`}
      </Typography.Text>
    </Col>
  );
  return (
    <Card
      size="small"
      title={t(`improvements.figures.${figure.key}`)}
      extra={
        <Space size={4} wrap>
          {figure.smallSample ? <Tag color="orange">{t('improvements.detail.smallSample')}</Tag> : null}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(`improvements.detail.better.${figure.better}`)}
          </Typography.Text>
        </Space>
      }
      data-testid={`effect-${figure.key}`}
    >
      <Row gutter={[12, 12]}>
        {side(t('improvements.detail.before'), effect.before, figure.before)}
        {side(t('improvements.detail.after'), effect.after, figure.after)}
      </Row>
      <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0 }}>
        {t('improvements.detail.change')}：<Typography.Text strong>{formatChange(t, figure.unit, figure.change)}</Typography.Text>
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        {effectSentence(t, subjectOf(t, effect, figure), figure)}
      </Typography.Paragraph>
    </Card>
  );
}

export function ImprovementDetailPage() {
  const { t } = useTranslation();
  const id = Number(useParams().measureId);
  const [params, setParams] = useSearchParams();
  const asked = Number(params.get('windowMonths') ?? '3');
  const windowMonths = Number.isInteger(asked) && asked >= 1 && asked <= MAX_WINDOW_MONTHS ? asked : 3;
  const effect = useMeasureEffect(id, windowMonths);
  const data = effect.data;

  const back = (
    <Link to="/improvements">
      <ArrowLeftOutlined /> {t('improvements.detail.back')}
    </Link>
  );
  if (effect.isError) return <Result status="404" title={t('errors.notFound')} extra={back} />;
  if (!data) return <Spin style={{ display: 'block', margin: '48px auto' }} />;
  const m = data.measure;
  const first = data.figures[0];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {back}
      <PageHeader title={m.title} extra={<Tag color={STATUS_COLORS[m.status]}>{t(`improvements.statuses.${m.status}`)}</Tag>} />
      <Card size="small">
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label={t('improvements.fields.target')}>{targetText(t, m)}</Descriptions.Item>
          <Descriptions.Item label={t('improvements.fields.community')}>{m.communityName ?? t('improvements.companyWide')}</Descriptions.Item>
          <Descriptions.Item label={t('improvements.fields.startDate')}>{formatDate(m.startDate)}</Descriptions.Item>
          <Descriptions.Item label={t('improvements.fields.endDate')}>{m.endDate ? formatDate(m.endDate) : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('improvements.fields.owner')}>{m.ownerName ?? '—'}</Descriptions.Item>
          {m.description ? <Descriptions.Item label={t('improvements.fields.description')}>{m.description}</Descriptions.Item> : null}
        </Descriptions>
      </Card>
      <Card
        size="small"
        title={t('improvements.detail.effect')}
        extra={
          <Select
            size="small"
            aria-label={t('improvements.detail.window')}
            value={windowMonths}
            onChange={(w: number) => setParams(w === 3 ? {} : { windowMonths: String(w) }, { replace: true })}
            options={Array.from({ length: MAX_WINDOW_MONTHS }, (_, i) => ({ value: i + 1, label: t('improvements.detail.months', { count: i + 1 }) }))}
            style={{ minWidth: 120 }}
          />
        }
      >
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Alert
            type={VERDICT_TYPES[data.verdict]}
            showIcon
            data-testid="effect-verdict"
            title={t(`improvements.verdicts.${data.verdict}`)}
            description={data.verdict === 'too_early' ? t('improvements.sentence.tooEarly') : first ? effectSentence(t, subjectOf(t, data, first), first) : null}
          />
          {!data.afterComplete ? <Alert type="info" title={t('improvements.detail.incomplete', { count: data.windowMonths, today: formatDate(data.today) })} /> : null}
          {m.communityId === null && !data.wholeCompany ? <Alert type="warning" title={t('improvements.detail.scopeNote')} /> : null}
          <Row gutter={[12, 12]}>
            {data.figures.map((f) => (
              <Col xs={24} md={12} key={f.key}>
                <FigureCard effect={data} figure={f} />
              </Col>
            ))}
          </Row>
        </Space>
      </Card>
    </Space>
  );
}
