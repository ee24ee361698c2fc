import { SearchOutlined, StarFilled } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Form, Input, Rate, Result, Timeline, Typography, theme } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { api, ApiError, type Schemas, unwrap } from '../api/client';
import { errorText } from '../api/errors';
import { StatusTag } from '../components/status-tag';
import { ZONE } from '../format';

type PublicDossier = Schemas['PublicDossierDto'];
type Status = PublicDossier['status'];

interface LookupValues {
  code: string;
  verifier: string;
}

const NOT_FOUND = 'Không tìm thấy hồ sơ với mã và số xác thực này.';

/** What the citizen should do next, where the status asks something of them. */
const NEXT_STEP: Partial<Record<Status, string>> = {
  SUPPLEMENT_REQUESTED: 'Hồ sơ cần bổ sung giấy tờ. Ông/bà vui lòng liên hệ nơi đã nộp hồ sơ để được hướng dẫn.',
  AWAITING_PAYMENT: 'Ông/bà vui lòng nộp thuế, phí, lệ phí theo thông báo để hồ sơ tiếp tục được giải quyết.',
  RESOLVED: 'Đã có kết quả. Mời ông/bà mang theo giấy tiếp nhận hồ sơ và hẹn trả kết quả đến nơi đã nộp hồ sơ để nhận kết quả.',
};

const SATISFACTION = ['Rất không hài lòng', 'Không hài lòng', 'Bình thường', 'Hài lòng', 'Rất hài lòng'];

/** "08:15, ngày 12/05/2025": the way the API writes the appointment and the milestones. */
const atText = (iso: string) => dayjs(iso).tz(ZONE).format('HH:mm, [ngày] DD/MM/YYYY');

/** The page the receipt's QR code opens: no login, the code and the verifier printed on the receipt (6 digits; 4 on older receipts). */
export function CitizenStatusPage() {
  const [params, setParams] = useSearchParams();
  const [form] = Form.useForm<LookupValues>();
  const [found, setFound] = useState<{ dossier: PublicDossier; verifier: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { token } = theme.useToken();

  async function lookUp(values: LookupValues) {
    const code = values.code.trim().toUpperCase();
    setBusy(true);
    setError(null);
    setFound(null);
    try {
      const dossier = await unwrap(api.GET('/api/public/dossiers/{code}', { params: { path: { code }, query: { verifier: values.verifier } } }));
      setFound({ dossier, verifier: values.verifier });
      // The address keeps the code (to share or reload), never the verifier.
      setParams({ ma: code }, { replace: true });
    } catch (caught) {
      setError(caught instanceof ApiError && caught.code === 'NOT_FOUND' ? NOT_FOUND : errorText(caught));
    } finally {
      setBusy(false);
    }
  }

  // A link carrying both the code and the verifier looks the dossier up at once; once is enough.
  useEffect(() => {
    const code = params.get('ma');
    const verifier = params.get('v');
    if (code && verifier && /^(\d{4}|\d{6})$/.test(verifier)) void lookUp({ code, verifier });
  }, []);

  return (
    <div style={{ minHeight: '100vh', background: '#f0f2f5' }}>
      <header style={{ background: token.colorPrimary, color: '#fff', padding: '16px' }}>
        <div style={{ maxWidth: 560, margin: '0 auto' }}>
          <Typography.Title level={1} style={{ color: '#fff', fontSize: 22, margin: 0 }}>
            Tra cứu tình trạng hồ sơ
          </Typography.Title>
          <Typography.Text style={{ color: 'rgba(255,255,255,0.85)' }}>Hệ thống Một cửa điện tử – giải quyết thủ tục hành chính</Typography.Text>
        </div>
      </header>
      <main style={{ maxWidth: 560, margin: '0 auto', padding: 16, display: 'flex', flexDirection: 'column', gap: 16 }}>
        <Card>
          <Form form={form} layout="vertical" requiredMark={false} onFinish={lookUp} initialValues={{ code: params.get('ma') ?? '', verifier: params.get('v') ?? '' }}>
            <Form.Item label="Mã hồ sơ" name="code" rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập mã hồ sơ' }]}>
              <Input placeholder="Ví dụ: 000.00.12.H56-250512-0001" autoComplete="off" size="large" />
            </Form.Item>
            <Form.Item
              label="Số xác thực (in trên giấy hẹn)"
              name="verifier"
              rules={[
                { required: true, message: 'Vui lòng nhập số xác thực' },
                { pattern: /^(\d{4}|\d{6})$/, message: 'Số xác thực gồm 6 chữ số (giấy hẹn cũ: 4 chữ số)' },
              ]}
            >
              <Input inputMode="numeric" maxLength={6} autoComplete="off" size="large" autoFocus={Boolean(params.get('ma'))} />
            </Form.Item>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />} block size="large" loading={busy}>
              Tra cứu
            </Button>
          </Form>
          {error && <Alert type="error" title={error} showIcon role="alert" style={{ marginTop: 16 }} />}
        </Card>
        {found && <DossierStatus dossier={found.dossier} />}
        {found?.dossier.status === 'RETURNED' && <RatingCard code={found.dossier.code} verifier={found.verifier} given={found.dossier.rating} />}
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center', fontSize: 13 }}>
          Mã hồ sơ và số xác thực được in trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả.
        </Typography.Paragraph>
      </main>
    </div>
  );
}

function DossierStatus({ dossier }: { dossier: PublicDossier }) {
  const nextStep = NEXT_STEP[dossier.status];
  const open = dossier.result === 'pending';
  const milestones = dossier.milestones.map((milestone, index) => ({
    key: `${milestone.at}-${index}`,
    color: index === dossier.milestones.length - 1 ? 'blue' : 'green',
    content: (
      <>
        <Typography.Text strong>{milestone.label}</Typography.Text>
        <br />
        <Typography.Text type="secondary">{milestone.atText}</Typography.Text>
      </>
    ),
  }));
  if (open && dossier.appointmentText) {
    milestones.push({
      key: 'appointment',
      color: 'gray',
      content: (
        <>
          <Typography.Text>Hẹn trả kết quả</Typography.Text>
          <br />
          <Typography.Text type="secondary">{dossier.appointmentText}</Typography.Text>
        </>
      ),
    });
  }
  return (
    <Card title="Thông tin hồ sơ" role="region" aria-label="Thông tin hồ sơ">
      <Descriptions
        column={1}
        size="small"
        items={[
          { key: 'code', label: 'Mã hồ sơ', children: <Typography.Text copyable>{dossier.code}</Typography.Text> },
          { key: 'status', label: 'Tình trạng', children: <StatusTag status={dossier.status} label={dossier.statusLabel} style={{ fontSize: 14, padding: '2px 8px' }} /> },
          { key: 'procedure', label: 'Thủ tục', children: dossier.procedureName },
          { key: 'agency', label: 'Nơi tiếp nhận', children: dossier.receivingAgencyName },
          ...(dossier.receivedAt ? [{ key: 'received', label: 'Ngày tiếp nhận', children: atText(dossier.receivedAt) }] : []),
          ...(dossier.appointmentText ? [{ key: 'appointment', label: 'Hẹn trả kết quả', children: <Typography.Text strong>{dossier.appointmentText}</Typography.Text> }] : []),
        ]}
      />
      {nextStep && <Alert type={dossier.status === 'RESOLVED' ? 'success' : 'warning'} title={nextStep} showIcon style={{ marginTop: 16 }} />}
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        Quá trình giải quyết
      </Typography.Title>
      <Timeline items={milestones} />
    </Card>
  );
}

/** Once the result is in the citizen's hands: one rating per dossier. */
function RatingCard({ code, verifier, given }: { code: string; verifier: string; given: Schemas['GivenRatingDto'] | null }) {
  const [form] = Form.useForm<{ score: number; comment?: string }>();
  const score = Form.useWatch('score', form);
  const [outcome, setOutcome] = useState<'sent' | 'rated-before' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function send(values: { score: number; comment?: string }) {
    setBusy(true);
    setError(null);
    try {
      const comment = values.comment?.trim();
      await unwrap(api.POST('/api/public/dossiers/{code}/rating', { params: { path: { code } }, body: { verifier, score: values.score, ...(comment ? { comment } : {}) } }));
      setOutcome('sent');
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'ALREADY_EXISTS') setOutcome('rated-before');
      else setError(errorText(caught));
    } finally {
      setBusy(false);
    }
  }

  if (outcome === 'sent') {
    return (
      <Card>
        <Result status="success" title="Cảm ơn ông/bà đã đánh giá!" subTitle="Ý kiến của ông/bà giúp cơ quan nhà nước phục vụ người dân tốt hơn." />
      </Card>
    );
  }
  if (given) {
    return (
      <Card title="Đánh giá của ông/bà" role="region" aria-label="Đánh giá của ông/bà">
        <Rate disabled value={given.score} character={<StarFilled />} /> <Typography.Text strong>{SATISFACTION[given.score - 1]}</Typography.Text>
        {given.comment && <Typography.Paragraph style={{ marginTop: 8 }}>{given.comment}</Typography.Paragraph>}
        <Typography.Paragraph type="secondary">Mỗi hồ sơ được đánh giá một lần. Cảm ơn ông/bà đã góp ý.</Typography.Paragraph>
      </Card>
    );
  }
  if (outcome === 'rated-before') {
    return (
      <Card>
        <Result status="info" title="Hồ sơ này đã được đánh giá" subTitle="Mỗi hồ sơ được đánh giá một lần. Cảm ơn ông/bà đã góp ý." />
      </Card>
    );
  }
  return (
    <Card title="Đánh giá mức độ hài lòng" role="region" aria-label="Đánh giá mức độ hài lòng">
      <Typography.Paragraph type="secondary">Ông/bà đã nhận kết quả. Xin ông/bà cho biết mức độ hài lòng với việc giải quyết hồ sơ.</Typography.Paragraph>
      <Form form={form} layout="vertical" requiredMark={false} onFinish={send}>
        <Form.Item label="Mức độ hài lòng" required>
          <Form.Item name="score" noStyle rules={[{ required: true, message: 'Vui lòng chọn mức độ hài lòng' }]}>
            <Rate character={({ index = 0 }) => <StarFilled aria-label={SATISFACTION[index]} />} tooltips={SATISFACTION} style={{ fontSize: 32 }} />
          </Form.Item>
          <div aria-live="polite" style={{ minHeight: 22 }}>
            {score ? <Typography.Text strong>{SATISFACTION[score - 1]}</Typography.Text> : null}
          </div>
        </Form.Item>
        <Form.Item label="Góp ý (không bắt buộc)" name="comment">
          <Input.TextArea rows={3} maxLength={1000} showCount />
        </Form.Item>
        {error && <Alert type="error" title={error} showIcon role="alert" style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit" block size="large" loading={busy}>
          Gửi đánh giá
        </Button>
      </Form>
    </Card>
  );
}
