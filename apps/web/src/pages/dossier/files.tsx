import { EyeOutlined, SafetyCertificateOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, DatePicker, Form, Input, Modal, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { api, fetchFile, type Schemas, unwrap } from '../../api/client';
import { errorText } from '../../api/errors';
import { useApi } from '../../api/use-api';
import { formatDateTime } from '../../format';

type DossierFile = Schemas['DossierFileDto'];
type SignatureCheck = Schemas['SignatureCheckDto'];
export type FileKind = 'paper' | 'working' | 'result';

const KIND_LABEL: Record<FileKind, string> = { paper: 'Giấy tờ số hóa', working: 'Tài liệu xử lý', result: 'Kết quả giải quyết' };
const ACCEPT = 'application/pdf,image/jpeg,image/png';

const size = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);
const filesPath = (code: string) => `/api/dossiers/${encodeURIComponent(code)}/files`;

/**
 * A dossier's files: every version, with a preview (PDF and images open in the page), the signature
 * check of a signed result, and the uploads the caller may make (`kinds`): the counter scans papers
 * line by line, a processor adds working papers, the officer who claimed the step its result.
 */
export function DossierFiles({ dossier, kinds, onChanged }: { dossier: Pick<Schemas['DossierResponseDto'], 'code' | 'documents'>; kinds: FileKind[]; onChanged?(): void }) {
  const files = useApi(`files/${dossier.code}`, async () => (await unwrap(api.GET('/api/dossiers/{code}/files', { params: { path: { code: dossier.code } } }))).items);
  const [shown, setShown] = useState<DossierFile | null>(null);
  const paperName = (key: string | null) => dossier.documents.find((document) => document.key === key)?.name ?? key;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {files.error !== undefined && <Alert type="error" showIcon title={errorText(files.error)} />}
      <Table<DossierFile>
        rowKey="id"
        size="small"
        pagination={false}
        loading={files.loading}
        dataSource={files.data}
        scroll={{ x: true }}
        locale={{ emptyText: 'Chưa có tệp nào' }}
        rowClassName={(file) => (file.supersededBy ? 'superseded' : '')}
        columns={[
          {
            title: 'Tệp',
            key: 'name',
            render: (_, file) => (
              <Space orientation="vertical" size={0}>
                <Typography.Text delete={!!file.supersededBy}>{file.name}</Typography.Text>
                <Typography.Text type="secondary">
                  {file.kind === 'paper' ? paperName(file.documentKey) : KIND_LABEL[file.kind as FileKind]}
                  {file.resultNumber && ` · Số ${file.resultNumber}`}
                </Typography.Text>
              </Space>
            ),
          },
          {
            title: 'Tải lên',
            key: 'uploaded',
            render: (_, file) => (
              <Typography.Text type="secondary">
                {file.uploadedByName}, {formatDateTime(file.uploadedAt)} · {size(file.size)}
              </Typography.Text>
            ),
          },
          {
            title: '',
            key: 'tags',
            render: (_, file) => (
              <Space size={4} wrap>
                {file.signed && <Tag color="green">Đã ký số</Tag>}
                {file.reusedFrom && <Tag color="blue">Dùng lại</Tag>}
                {file.supersededBy && <Tag>Đã thay bằng bản mới</Tag>}
              </Space>
            ),
          },
          {
            title: '',
            key: 'actions',
            align: 'right',
            render: (_, file) => (
              <Button size="small" icon={<EyeOutlined />} onClick={() => setShown(file)} aria-label={`Xem ${file.name}`}>
                Xem
              </Button>
            ),
          },
        ]}
      />
      {kinds.length > 0 && (
        <UploadForm
          code={dossier.code}
          kinds={kinds}
          papers={dossier.documents}
          current={(files.data ?? []).filter((file) => !file.supersededBy)}
          onUploaded={() => {
            files.reload();
            onChanged?.();
          }}
        />
      )}
      {kinds.includes('paper') && (
        <ReusableFiles
          code={dossier.code}
          papers={dossier.documents}
          onReused={() => {
            files.reload();
            onChanged?.();
          }}
        />
      )}
      {shown && <FilePreview code={dossier.code} file={shown} onClose={() => setShown(null)} />}
    </Space>
  );
}

interface UploadValues {
  kind: FileKind;
  documentKey?: string;
  supersedes?: string;
  resultNumber?: string;
  resultDate?: Dayjs;
}

function UploadForm({ code, kinds, papers, current, onUploaded }: { code: string; kinds: FileKind[]; papers: { key: string; name: string }[]; current: DossierFile[]; onUploaded(): void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<UploadValues>();
  const [file, setFile] = useState<File | null>(null);
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const kind = Form.useWatch('kind', form) ?? kinds[0];
  const documentKey = Form.useWatch('documentKey', form);
  const replaceable = current.filter((candidate) => candidate.kind === kind && (kind !== 'paper' || candidate.documentKey === documentKey));

  async function send(values: UploadValues) {
    if (!file) return setProblem('Chọn tệp cần tải lên (PDF, JPG hoặc PNG).');
    // With one kind on offer, its field is not shown, and so not in the form's values.
    const chosen = values.kind ?? kinds[0];
    const body = new FormData();
    body.set('kind', chosen);
    if (chosen === 'paper' && values.documentKey) body.set('documentKey', values.documentKey);
    if (values.supersedes) body.set('supersedes', values.supersedes);
    if (chosen === 'result') {
      body.set('resultNumber', values.resultNumber ?? '');
      body.set('resultDate', values.resultDate?.format('YYYY-MM-DD') ?? '');
    }
    // The fields go first: the API checks them before it stores a byte.
    body.set('file', file, file.name);
    setSending(true);
    setProblem(null);
    try {
      await unwrap(api.POST('/api/dossiers/{code}/files', { params: { path: { code } }, body: body as never, bodySerializer: (value) => value as unknown as FormData }));
      message.success(chosen === 'result' ? 'Đã tải lên và ký số kết quả' : `Đã tải lên ${file.name}`);
      setFile(null);
      form.resetFields(['supersedes', 'resultNumber', 'resultDate']);
      onUploaded();
    } catch (error) {
      setProblem(errorText(error));
    } finally {
      setSending(false);
    }
  }

  return (
    <Form form={form} layout="vertical" initialValues={{ kind: kinds[0], documentKey: papers[0]?.key }} onFinish={send} aria-label="Tải tệp lên">
      {kinds.length > 1 && (
        <Form.Item name="kind" label="Loại tệp">
          <Select options={kinds.map((value) => ({ value, label: KIND_LABEL[value] }))} />
        </Form.Item>
      )}
      {kind === 'paper' && (
        <Form.Item name="documentKey" label="Giấy tờ" rules={[{ required: true, message: 'Chọn giấy tờ của tệp này' }]}>
          <Select options={papers.map((paper) => ({ value: paper.key, label: paper.name }))} />
        </Form.Item>
      )}
      {kind === 'result' && (
        <Space wrap>
          <Form.Item name="resultNumber" label="Số, ký hiệu" rules={[{ required: true, message: 'Nhập số, ký hiệu văn bản' }]}>
            <Input placeholder="125/GCN-VPĐK" maxLength={60} />
          </Form.Item>
          <Form.Item name="resultDate" label="Ngày ký" rules={[{ required: true, message: 'Chọn ngày ký' }]}>
            <DatePicker format="DD/MM/YYYY" />
          </Form.Item>
        </Space>
      )}
      {replaceable.length > 0 && (
        <Form.Item name="supersedes" label="Thay cho bản">
          <Select allowClear placeholder="Tệp mới, không thay bản nào" options={replaceable.map((candidate) => ({ value: candidate.id, label: candidate.name }))} />
        </Form.Item>
      )}
      <Form.Item label="Tệp (PDF, JPG, PNG)">
        <Upload
          accept={ACCEPT}
          maxCount={1}
          fileList={file ? [{ uid: 'file', name: file.name }] : []}
          beforeUpload={(chosen) => {
            setFile(chosen);
            return false;
          }}
          onRemove={() => setFile(null)}
        >
          <Button icon={<UploadOutlined />}>Chọn tệp</Button>
        </Upload>
      </Form.Item>
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
      <Button type="primary" htmlType="submit" loading={sending} disabled={!file}>
        {kind === 'result' ? 'Tải lên và ký số' : 'Tải lên'}
      </Button>
    </Form>
  );
}

/** The applicant's papers and results from earlier dossiers, attached to a paper of this one without scanning again. */
function ReusableFiles({ code, papers, onReused }: { code: string; papers: { key: string; name: string }[]; onReused(): void }) {
  const { message } = App.useApp();
  const offered = useApi(`reusable/${code}`, async () => (await unwrap(api.GET('/api/dossiers/{code}/reusable-files', { params: { path: { code } } }))).items);
  const [paper, setPaper] = useState(papers[0]?.key);
  const [problem, setProblem] = useState<string | null>(null);
  if (!offered.data?.length) return null;

  async function reuse(fileId: string, name: string) {
    setProblem(null);
    try {
      await unwrap(api.POST('/api/dossiers/{code}/reused-files', { params: { path: { code } }, body: { fileId, documentKey: paper ?? '' } }));
      message.success(`Đã dùng lại ${name}`);
      onReused();
    } catch (error) {
      setProblem(errorText(error));
    }
  }

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Text strong>Giấy tờ đã số hóa ở hồ sơ trước của người nộp</Typography.Text>
      <Select aria-label="Dùng lại cho giấy tờ" value={paper} onChange={setPaper} options={papers.map((candidate) => ({ value: candidate.key, label: candidate.name }))} style={{ width: '100%' }} />
      {problem && <Alert type="error" showIcon title={problem} />}
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={offered.data}
        scroll={{ x: true }}
        columns={[
          { title: 'Tệp', key: 'name', render: (_, file) => `${file.name} (hồ sơ ${file.dossierCode})` },
          { title: 'Ngày', key: 'at', render: (_, file) => formatDateTime(file.uploadedAt) },
          {
            title: '',
            key: 'reuse',
            align: 'right',
            render: (_, file) => (
              <Button size="small" onClick={() => reuse(file.id, file.name)} aria-label={`Dùng lại ${file.name}`}>
                Dùng lại
              </Button>
            ),
          },
        ]}
      />
    </Space>
  );
}

/** The file in the page (PDF in the browser's viewer, images as they are), and the check of its signature. */
function FilePreview({ code, file, onClose }: { code: string; file: DossierFile; onClose(): void }) {
  const [url, setUrl] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [check, setCheck] = useState<SignatureCheck | null>(null);
  useEffect(() => {
    let made: string | null = null;
    fetchFile(`${filesPath(code)}/${file.id}`)
      .then((blob) => setUrl((made = URL.createObjectURL(new Blob([blob], { type: file.mediaType })))))
      .catch((error: unknown) => setProblem(errorText(error)));
    return () => {
      if (made) URL.revokeObjectURL(made);
    };
  }, [code, file.id, file.mediaType]);

  async function verify() {
    try {
      setCheck(await unwrap(api.GET('/api/dossiers/{code}/files/{fileId}/signature', { params: { path: { code, fileId: file.id } } })));
    } catch (error) {
      setProblem(errorText(error));
    }
  }

  return (
    <Modal open title={file.name} onCancel={onClose} footer={null} width="min(960px, 96vw)">
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {file.mediaType === 'application/pdf' && (
          <Button icon={<SafetyCertificateOutlined />} onClick={verify}>
            Kiểm tra chữ ký số
          </Button>
        )}
        {check && (
          <Alert
            type={check.valid ? 'success' : 'error'}
            showIcon
            title={check.valid ? 'Chữ ký số hợp lệ: tài liệu không bị thay đổi sau khi ký' : check.signed ? 'Chữ ký số không hợp lệ' : 'Tài liệu không có chữ ký số'}
            description={[check.signer && `Người ký: ${check.signer}`, check.signedAt && `Thời điểm ký: ${formatDateTime(check.signedAt)}`, !check.valid && check.signed && check.problem]
              .filter(Boolean)
              .join(' · ')}
          />
        )}
        {problem && <Alert type="error" showIcon title={problem} />}
        {url && file.mediaType === 'application/pdf' && <iframe title={file.name} src={url} style={{ width: '100%', height: '70vh', border: 0 }} />}
        {url && file.mediaType !== 'application/pdf' && <img src={url} alt={file.name} style={{ maxWidth: '100%' }} />}
      </Space>
    </Modal>
  );
}
