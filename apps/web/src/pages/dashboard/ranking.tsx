import { Alert, Flex, Progress, Segmented, Statistic, Table } from 'antd';
import { useState } from 'react';
import { api, type Schemas, unwrap } from '../../api/client';
import { errorText } from '../../api/errors';
import { useApi } from '../../api/use-api';
import { GROUPING_LABEL, type Place, type RankingLevel, rankingLevelsOf } from './places';
import type { Period } from './period';
import { count, percent } from './report-table';

/** The reform-index criterion: the units of the scope ranked by on-time rate, and the share of them fully on time. */
export function Ranking({ scope, period }: { scope: Place; period: Period }) {
  const levels = rankingLevelsOf(scope);
  const [level, setLevel] = useState<RankingLevel>(levels[0]);
  const query = { ...period, level };
  const { data, error, loading } = useApi(JSON.stringify(query), () => unwrap(api.GET('/api/reports/ranking', { params: { query } })));
  const units = data?.units ?? [];

  return (
    <Flex vertical gap={16}>
      <Flex gap={24} wrap align="center" justify="space-between">
        <Segmented<RankingLevel> aria-label="Xếp hạng theo" value={level} onChange={setLevel} options={levels.map((value) => ({ value, label: GROUPING_LABEL[value] }))} />
        <Statistic
          title="Tỷ lệ đơn vị có 100% hồ sơ giải quyết đúng hạn"
          value={data ? percent(data.shareFullyOnTime) : '–'}
          suffix={data?.shareFullyOnTime != null ? '%' : undefined}
          loading={loading}
        />
      </Flex>
      {error !== undefined && <Alert type="error" title={errorText(error)} showIcon />}
      <Table<Schemas['RankedUnitDto']>
        rowKey={(unit) => unit.key ?? '(none)'}
        size="small"
        loading={loading}
        dataSource={units}
        pagination={false}
        locale={{ emptyText: 'Chưa có đơn vị nào có hồ sơ đã giải quyết trong kỳ' }}
        columns={[
          { key: 'rank', title: 'Hạng', width: 70, align: 'center', render: (_, __, index) => index + 1 },
          { key: 'unit', title: GROUPING_LABEL[level], render: (_, unit) => unit.label ?? unit.key },
          { key: 'resolved', title: 'Đã giải quyết', dataIndex: 'resolved', align: 'right', width: 130, render: count },
          {
            key: 'rate',
            title: 'Tỷ lệ đúng hạn',
            width: 260,
            render: (_, unit) => <Progress percent={(unit.onTimeRate ?? 0) * 100} format={() => `${percent(unit.onTimeRate)}%`} status={unit.onTimeRate === 1 ? 'success' : 'normal'} size="small" />,
          },
        ]}
      />
    </Flex>
  );
}
