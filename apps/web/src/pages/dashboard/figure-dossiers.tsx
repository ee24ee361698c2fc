import { Alert, Drawer, Flex, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api, type Schemas, unwrap } from '../../api/client';
import { errorText } from '../../api/errors';
import { useApi } from '../../api/use-api';
import { DeadlineTag } from '../../components/deadline-tag';
import { StatusTag } from '../../components/status-tag';
import { formatDateTime } from '../../format';
import type { Grouping } from './places';
import { type Period, periodText } from './period';
import type { ClickedFigure } from './report-table';

type Dossier = Schemas['DossierSummaryDto'];

const PAGE_SIZE = 10;

export interface FigureQuery extends Period {
  unit?: string;
  /** The unit the report is narrowed to, as the supervisor reads it. */
  placeName: string;
  grouping: Grouping;
}

/** The dossiers behind one figure of the report, a page at a time. */
export function FigureDossiers({ figure, query, onClose }: { figure: ClickedFigure; query: FigureQuery; onClose(): void }) {
  const [page, setPage] = useState(1);
  const request = {
    from: query.from,
    to: query.to,
    unit: query.unit,
    bucket: figure.bucket,
    // The totals' figure lists the whole place; a row's, its group only.
    ...(figure.key !== undefined ? { groupBy: query.grouping, key: figure.key } : {}),
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  };
  const { data, error, loading } = useApi(JSON.stringify(request), () => unwrap(api.GET('/api/reports/timeliness/dossiers', { params: { query: request } })));

  return (
    <Drawer open size="min(1000px, 100vw)" onClose={onClose} title={figure.key === undefined ? figure.name : `${figure.name} – ${figure.rowLabel}`}>
      <Typography.Paragraph type="secondary">
        {query.placeName} · Kỳ báo cáo: {periodText(query)}
        {data && ` · ${data.total.toLocaleString('vi-VN')} hồ sơ`}
      </Typography.Paragraph>
      {error !== undefined && <Alert type="error" title={errorText(error)} showIcon style={{ marginBottom: 16 }} />}
      <Table<Dossier>
        rowKey="code"
        size="small"
        loading={loading}
        dataSource={data?.items}
        locale={{ emptyText: 'Không có hồ sơ' }}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        scroll={{ x: 900 }}
        columns={[
          {
            key: 'code',
            title: 'Mã hồ sơ',
            width: 230,
            render: (_, dossier) => (
              <Link to={`/ho-so/${encodeURIComponent(dossier.code)}`} style={{ whiteSpace: 'nowrap' }}>
                {dossier.code}
              </Link>
            ),
          },
          { key: 'applicant', title: 'Người nộp', dataIndex: 'applicantName', width: 180 },
          { key: 'procedure', title: 'Thủ tục', dataIndex: 'procedureName', ellipsis: { showTitle: true } },
          { key: 'due', title: 'Hẹn trả', dataIndex: 'dueAt', width: 140, render: (dueAt: string | null) => formatDateTime(dueAt) || '–' },
          {
            key: 'status',
            title: 'Trạng thái',
            width: 200,
            render: (_, dossier) => (
              <Flex wrap gap={4}>
                <StatusTag status={dossier.status} label={dossier.statusLabel} />
                <DeadlineTag overdue={dossier.overdue} />
              </Flex>
            ),
          },
        ]}
      />
    </Drawer>
  );
}
