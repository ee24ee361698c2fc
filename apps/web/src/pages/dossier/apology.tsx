import { Alert, App, Button, DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, type Schemas, unwrap } from '../../api/client';
import { ProblemsAlert, useFormSave } from '../../components/form-problems';
import { ZONE } from '../../format';

type Dossier = Schemas['DossierResponseDto'];

interface ApologyValues {
  reason: string;
  newReturnDate: Dayjs;
}

/**
 * The apology and new appointment (Phiếu xin lỗi và hẹn lại ngày trả kết quả, BM.04) of an agency
 * that will miss the appointment. The law allows it once; the dossier still counts as late.
 */
export function ApologyButton({ dossier, onDone }: { dossier: Dossier; onDone(): void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<ApologyValues>();
  const [open, setOpen] = useState(false);
  const { problems, saving, run } = useFormSave(form);
  const appointment = dossier.dueAt ? dayjs(dossier.dueAt).tz(ZONE) : dayjs().tz(ZONE);

  const send = (values: ApologyValues) =>
    run(async () => {
      // The officer picks a time in Vietnam, whatever the browser's own zone.
      const newReturnDate = dayjs.tz(values.newReturnDate.format('YYYY-MM-DDTHH:mm'), ZONE).format();
      await unwrap(api.POST('/api/dossiers/{code}/apology', { params: { path: { code: dossier.code } }, body: { reason: values.reason.trim(), newReturnDate } }));
      setOpen(false);
      message.success('Đã lập phiếu xin lỗi và hẹn lại ngày trả kết quả.');
      onDone();
    });

  return (
    <>
      <Button danger={dossier.overdue} onClick={() => setOpen(true)}>
        Xin lỗi, hẹn lại ngày trả
      </Button>
      <Modal
        title="Phiếu xin lỗi và hẹn lại ngày trả kết quả"
        open={open}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okText="Lập phiếu"
        cancelText="Hủy"
        confirmLoading={saving}
        destroyOnHidden
      >
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title="Mỗi hồ sơ chỉ được hẹn lại một lần; hồ sơ vẫn được tính là trễ hạn." />
        <ProblemsAlert problems={problems} />
        <Form form={form} layout="vertical" onFinish={send} preserve={false}>
          <Form.Item name="reason" label="Lý do chậm trễ" rules={[{ required: true, whitespace: true, message: 'Nêu lý do chậm trễ' }]}>
            <Input.TextArea rows={3} placeholder="Ví dụ: Chờ kết quả xác minh nguồn gốc đất" />
          </Form.Item>
          <Form.Item
            name="newReturnDate"
            label="Ngày hẹn trả mới"
            extra={dossier.dueText ? `Ngày hẹn hiện tại: ${dossier.dueText}` : undefined}
            rules={[{ required: true, message: 'Chọn ngày hẹn trả mới' }]}
          >
            <DatePicker showTime={{ format: 'HH:mm', minuteStep: 15 }} format="HH:mm DD/MM/YYYY" style={{ width: '100%' }} disabledDate={(day) => day.isBefore(appointment, 'day')} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
