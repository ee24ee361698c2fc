import { App, Button, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api, ApiError, unwrap } from '../../api/client';
import { errorText } from '../../api/errors';
import { useSession } from '../../session';
import { CompleteTaskDrawer, type InboxItem } from './complete-task';
import { type DossierStatus, STATUS_LABEL } from '../../components/status-tag';
import { PAUSED_STATUSES } from './labels';

/**
 * What an officer can do with a step in their inbox: take it (Nhận xử lý), then decide on it in a
 * drawer. The counter's steps are the return desk, which hands results over on its own page.
 */
export function TaskActions({ task, onChanged }: { task: InboxItem; onChanged(): void }) {
  const { user } = useSession();
  const { message } = App.useApp();
  const [claiming, setClaiming] = useState(false);
  const [open, setOpen] = useState(false);

  if (user?.role === 'RECEPTION') return <Link to="/tra-ket-qua">Trả kết quả</Link>;
  if (task.status === 'claimed' && task.assigneeId !== user?.id) return <Tag>Cán bộ khác đang xử lý</Tag>;

  async function claim() {
    setClaiming(true);
    try {
      await unwrap(api.POST('/api/tasks/{id}/claim', { params: { path: { id: task.id } } }));
      message.success(`Đã nhận xử lý hồ sơ ${task.dossierCode}.`);
    } catch (error) {
      message.error(error instanceof ApiError && error.code === 'STEP_NOT_CLAIMED' ? 'Bước này vừa được cán bộ khác nhận xử lý.' : errorText(error));
    } finally {
      setClaiming(false);
      onChanged();
    }
  }

  if (task.status === 'open') {
    return (
      <Button onClick={claim} loading={claiming}>
        Nhận xử lý
      </Button>
    );
  }

  const paused = PAUSED_STATUSES.includes(task.dossierStatus);
  return (
    <>
      <Tooltip title={paused ? `Hồ sơ đang tạm dừng: ${STATUS_LABEL[task.dossierStatus as DossierStatus]}` : undefined}>
        <Button type="primary" onClick={() => setOpen(true)} disabled={paused}>
          Xử lý
        </Button>
      </Tooltip>
      <CompleteTaskDrawer
        task={task}
        open={open}
        onClose={() => setOpen(false)}
        onCompleted={(text) => {
          setOpen(false);
          message.success(text);
          onChanged();
        }}
      />
    </>
  );
}
