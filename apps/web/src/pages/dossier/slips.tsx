import { FilePdfOutlined } from '@ant-design/icons';
import { App, Button, Space } from 'antd';
import { useState } from 'react';
import { openPdf, type Schemas } from '../../api/client';
import { errorText } from '../../api/errors';

type Dossier = Schemas['DossierResponseDto'];

/** The printable slips, each once the dossier has reached the point that issues it. */
function slipsOf(dossier: Dossier): { form: string; name: string }[] {
  const happened = (action: string) => (dossier.history ?? []).some((entry) => entry.action === action);
  const received = dossier.receivedAt !== null;
  return [
    { form: 'BM.01', name: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả', applies: received && happened('accept') },
    { form: 'BM.02', name: 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ', applies: happened('request-supplement') },
    { form: 'BM.03', name: 'Phiếu từ chối tiếp nhận giải quyết hồ sơ', applies: happened('refuse') },
    { form: 'BM.04', name: 'Phiếu xin lỗi và hẹn lại ngày trả kết quả', applies: received && happened('apology') },
    { form: 'BM.05', name: 'Phiếu kiểm soát quá trình giải quyết hồ sơ', applies: received },
  ].filter((slip) => slip.applies);
}

/** Opens a dossier's slip as a PDF to print; a failure is told, not thrown. */
export function usePrintSlip(): (code: string, form: string) => Promise<void> {
  const { message } = App.useApp();
  return (code, form) => openPdf(`/api/dossiers/${encodeURIComponent(code)}/slips/${form}.pdf`).catch((error: unknown) => void message.error(errorText(error)));
}

export function SlipButtons({ dossier }: { dossier: Dossier }) {
  const printSlip = usePrintSlip();
  const [opening, setOpening] = useState<string | null>(null);
  const slips = slipsOf(dossier);
  if (slips.length === 0) return null;

  async function open(form: string) {
    setOpening(form);
    await printSlip(dossier.code, form);
    setOpening(null);
  }

  return (
    <Space wrap>
      {slips.map((slip) => (
        <Button key={slip.form} icon={<FilePdfOutlined />} loading={opening === slip.form} onClick={() => open(slip.form)} title={`Mẫu ${slip.form}`}>
          {slip.name}
        </Button>
      ))}
    </Space>
  );
}
