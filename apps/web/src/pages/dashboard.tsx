import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Breadcrumb, Button, Card, Col, Flex, Row, Segmented, Statistic, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { api, download, unwrap } from '../api/client';
import { errorText } from '../api/errors';
import { useApi } from '../api/use-api';
import { useSession } from '../session';
import { FigureDossiers } from './dashboard/figure-dossiers';
import { PeriodPicker, type Period, periodText, thisYear } from './dashboard/period';
import { defaultGrouping, GROUPING_IN_FILE_NAME, GROUPING_LABEL, type Grouping, groupingsOf, levelOf, type Place, unitCode } from './dashboard/places';
import { Ranking } from './dashboard/ranking';
import { ReportChart } from './dashboard/report-chart';
import { type ClickedFigure, count, type Line, lineLabel, percent, ReportTable } from './dashboard/report-table';

/** The supervisor's on-time statistics: their scope first, then any district or commune they open. */
export function DashboardPage() {
  const { user } = useSession();
  const { message } = App.useApp();
  const scope = useScope(user?.scopeUnitPath ?? null);
  const [period, setPeriod] = useState<Period>(thisYear);
  /** The units opened below the scope, outermost first. */
  const [trail, setTrail] = useState<Place[]>([]);
  const [chosenGrouping, setChosenGrouping] = useState<Grouping | null>(null);
  const [figure, setFigure] = useState<ClickedFigure | null>(null);
  const [exporting, setExporting] = useState(false);

  const place = trail.at(-1) ?? scope;
  const grouping = chosenGrouping ?? defaultGrouping(place);
  // Inside the scope the API narrows by itself; a unit opened below it is a filter.
  const unit = trail.length > 0 && place.path ? unitCode(place.path) : undefined;
  const query = { from: period.from, to: period.to, groupBy: grouping, ...(unit ? { unit } : {}) };
  const report = useApi(JSON.stringify(query), () => unwrap(api.GET('/api/reports/timeliness', { params: { query } })));
  const totals = report.data?.totals;

  function openPlace(places: Place[]) {
    setTrail(places);
    setChosenGrouping(null);
  }

  async function exportExcel() {
    setExporting(true);
    try {
      const where = unit ?? (scope.path ? unitCode(scope.path) : 'toan-quoc');
      await download('/api/reports/timeliness', { ...query, format: 'xlsx' }, `bao-cao-${where}-${GROUPING_IN_FILE_NAME[grouping]}-${period.from}-${period.to}.xlsx`);
    } catch (caught) {
      message.error(errorText(caught));
    } finally {
      setExporting(false);
    }
  }

  const places = [scope, ...trail];
  const labelOf = (line: Line) => lineLabel(line, grouping);

  return (
    <Flex vertical gap={16}>
      <Card>
        <Flex wrap gap={16} align="center" justify="space-between">
          <div>
            <Typography.Title level={3} style={{ margin: 0 }}>
              Báo cáo tình hình giải quyết hồ sơ
            </Typography.Title>
            <Breadcrumb
              style={{ marginTop: 8 }}
              aria-label="Cấp đơn vị đang xem"
              items={places.map((shown, index) => ({
                key: shown.path ?? 'national',
                title:
                  index < places.length - 1 ? (
                    <Button type="link" size="small" style={{ padding: 0, height: 'auto' }} onClick={() => openPlace(trail.slice(0, index))}>
                      {shown.name}
                    </Button>
                  ) : (
                    <Typography.Text strong>{shown.name}</Typography.Text>
                  ),
              }))}
            />
          </div>
          <Flex wrap gap={8} align="center">
            <label htmlFor="report-period">Kỳ báo cáo</label>
            <PeriodPicker id="report-period" value={period} onChange={setPeriod} />
          </Flex>
        </Flex>
      </Card>

      {report.error !== undefined && <Alert type="error" title={errorText(report.error)} showIcon />}

      <Row gutter={[16, 16]}>
        <Headline title="Tổng số hồ sơ tiếp nhận" value={totals && count(totals.received)} loading={report.loading} />
        <Headline title="Đã giải quyết" value={totals && count(totals.resolved)} loading={report.loading} />
        <Headline title="Tỷ lệ giải quyết đúng hạn" value={totals && percent(totals.onTimeRate)} suffix={totals?.onTimeRate != null ? '%' : undefined} loading={report.loading} />
        <Headline title="Đang giải quyết quá hạn" value={totals && count(totals.overdue)} loading={report.loading} danger={(totals?.overdue ?? 0) > 0} />
      </Row>

      <Card>
        <Tabs
          items={[
            {
              key: 'report',
              label: 'Tình hình giải quyết',
              children: (
                <Flex vertical gap={16}>
                  <Flex wrap gap={8} align="center" justify="space-between">
                    <Typography.Text type="secondary">
                      {place.name} · {periodText(period)}
                    </Typography.Text>
                    <Flex wrap gap={8} align="center">
                      <span id="report-grouping">Thống kê theo</span>
                      <Segmented<Grouping>
                        aria-labelledby="report-grouping"
                        value={grouping}
                        onChange={setChosenGrouping}
                        options={groupingsOf(place).map((value) => ({ value, label: GROUPING_LABEL[value] }))}
                      />
                      <Button icon={<DownloadOutlined />} loading={exporting} disabled={!report.data} onClick={exportExcel}>
                        Tải xuống Excel
                      </Button>
                    </Flex>
                  </Flex>
                  {report.data && <ReportChart rows={report.data.rows} labelOf={labelOf} />}
                  <ReportTable
                    rows={report.data?.rows ?? []}
                    totals={totals}
                    grouping={grouping}
                    loading={report.loading}
                    onOpenUnit={(line) => openPlace([...trail, { path: line.key, name: labelOf(line) }])}
                    onFigure={setFigure}
                  />
                </Flex>
              ),
            },
            { key: 'ranking', label: 'Xếp hạng đơn vị', children: <Ranking scope={scope} period={period} /> },
          ]}
        />
      </Card>

      {figure && <FigureDossiers key={JSON.stringify([figure, query])} figure={figure} query={{ ...period, unit, placeName: place.name, grouping }} onClose={() => setFigure(null)} />}
    </Flex>
  );
}

function Headline({ title, value, suffix, loading, danger = false }: { title: string; value: string | undefined; suffix?: string; loading: boolean; danger?: boolean }) {
  return (
    <Col xs={12} lg={6}>
      <Card role="group" aria-label={title}>
        <Statistic title={title} value={value ?? '–'} suffix={suffix} loading={loading} styles={{ content: danger ? { color: '#cf1322' } : undefined }} />
      </Card>
    </Col>
  );
}

const SCOPE_FALLBACK = 'Phạm vi quản lý';

/** The supervisor's own unit, named as the units register names it. */
function useScope(path: string | null): Place {
  const { data: name } = useApi(path ?? 'national', async () => {
    if (path === null) return 'Toàn quốc';
    const level = levelOf(path) as 'province' | 'district' | 'commune';
    const { items } = await unwrap(api.GET('/api/units', { params: { query: { level, parent: path.split('.').at(-2), limit: 500 } } }));
    return items.find((unit) => unit.path === path)?.name ?? SCOPE_FALLBACK;
  });
  return { path, name: name ?? SCOPE_FALLBACK };
}
