import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Form, Input, Modal, Spin, Tag, Upload } from 'antd';
import { useState } from 'react';
import { api, ApiError, unwrap } from '../../api/client';
import { useApi } from '../../api/use-api';
import { ProblemsAlert, useFormSave } from '../../components/form-problems';
import { formatDateTime } from '../../format';
import type { Agency } from './use-agencies';

interface KeyValues {
  passphrase: string;
}

/** Chữ ký số: the certificate the agency signs its electronic results with, and installing its replacement. */
export function SigningKeyModal({ agency, onClose, onInstalled }: { agency: Agency; onClose(): void; onInstalled(): void }) {
  const [form] = Form.useForm<KeyValues>();
  const { problems, setProblems, saving, run } = useFormSave(form);
  const [file, setFile] = useState<File | null>(null);
  const installed = useApi(`signing-key:${agency.code}`, async () => {
    try {
      return await unwrap(api.GET('/api/agencies/{code}/signing-key', { params: { path: { code: agency.code } } }));
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return null;
      throw error;
    }
  });

  const install = ({ passphrase }: KeyValues) =>
    run(async () => {
      if (!file) {
        setProblems(['Vui lòng chọn tệp khóa (.p12, .pfx) do tổ chức cung cấp chứng thư số cấp']);
        return;
      }
      const pkcs12 = await base64Of(file);
      const saved = await unwrap(api.PUT('/api/agencies/{code}/signing-key', { params: { path: { code: agency.code } }, body: { pkcs12, passphrase } }));
      installed.setData(saved);
      form.resetFields();
      setFile(null);
      onInstalled();
    });

  const certificate = installed.data;
  return (
    <Modal
      open
      title={`Chữ ký số của ${agency.name}`}
      okText="Cài đặt chứng thư số"
      cancelText="Đóng"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={640}
      destroyOnHidden
    >
      {installed.loading ? (
        <Spin />
      ) : certificate ? (
        <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }}>
          <Descriptions.Item label="Chủ thể">{certificate.subject}</Descriptions.Item>
          <Descriptions.Item label="Tổ chức cấp">{certificate.issuer}</Descriptions.Item>
          <Descriptions.Item label="Số hiệu">{certificate.serialNumber}</Descriptions.Item>
          <Descriptions.Item label="Hiệu lực">
            {formatDateTime(certificate.validFrom)} – {formatDateTime(certificate.validTo)}{' '}
            {certificate.validNow ? <Tag color="green">Còn hiệu lực</Tag> : <Tag color="red">Hết hiệu lực: không ký được kết quả</Tag>}
          </Descriptions.Item>
          <Descriptions.Item label="Dấu vân tay SHA-256">
            <span style={{ wordBreak: 'break-all' }}>{certificate.fingerprint}</span>
          </Descriptions.Item>
          <Descriptions.Item label="Cài đặt lúc">{formatDateTime(certificate.installedAt)}</Descriptions.Item>
        </Descriptions>
      ) : (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title="Chưa cài đặt chứng thư số: cơ quan chưa ký số được kết quả điện tử" />
      )}
      <ProblemsAlert problems={problems} />
      <Form<KeyValues> form={form} layout="vertical" onFinish={install}>
        <Form.Item label={certificate ? 'Thay bằng tệp khóa mới' : 'Tệp khóa'} extra="Tệp PKCS#12 (.p12, .pfx) gồm chứng thư số và khóa bí mật của cơ quan" required>
          <Upload
            accept=".p12,.pfx,application/x-pkcs12"
            maxCount={1}
            fileList={file ? [{ uid: 'key', name: file.name, status: 'done' }] : []}
            beforeUpload={(chosen) => {
              setFile(chosen);
              return false;
            }}
            onRemove={() => setFile(null)}
          >
            <Button icon={<UploadOutlined />}>Chọn tệp khóa</Button>
          </Upload>
        </Form.Item>
        <Form.Item label="Mật khẩu của tệp khóa" name="passphrase" rules={[{ required: true, message: 'Vui lòng nhập mật khẩu của tệp khóa' }]}>
          <Input.Password autoComplete="off" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function base64Of(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}
