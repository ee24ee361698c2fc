import { Button, Checkbox, Flex, Form, InputNumber, Table, Tag, Typography } from 'antd';
import type { Schemas } from '../../api/client';
import type { RequiredDocument } from './catalog';

type HandedDocument = Schemas['HandedDocumentDto'];
type SupplementItem = Schemas['SupplementItemDto'];

/** One line of the checklist as the officer ticks it, in the order of the procedure's papers. */
export interface ChecklistRow {
  received: boolean;
  originals: number;
  copies: number;
}

/** The checklist's starting state: nothing ticked with the required counts, or what an online filer said they sent. */
export function checklistRows(required: RequiredDocument[], handed?: HandedDocument[]): ChecklistRow[] {
  return required.map((document) => {
    const sent = handed?.find((candidate) => candidate.key === document.key);
    return sent ? { received: true, originals: sent.originals, copies: sent.copies } : { received: false, originals: document.originals, copies: document.copies };
  });
}

/** The ticked papers, as the API takes them. */
export const handedDocuments = (required: RequiredDocument[], rows: ChecklistRow[] = []): HandedDocument[] =>
  required.flatMap((document, index) => {
    const row = rows[index];
    return row?.received ? [{ key: document.key, originals: row.originals ?? 0, copies: row.copies ?? 0 }] : [];
  });

/**
 * Mandatory papers not handed over, or with fewer originals or copies than the procedure requires,
 * as the items of a supplement request.
 */
export function missingItems(required: RequiredDocument[], rows: ChecklistRow[] = []): SupplementItem[] {
  return required.flatMap((document, index) => {
    const row = rows[index];
    if (!document.mandatory) return [];
    if (!row?.received) return [{ documentKey: document.key, what: document.name, why: 'Chưa nộp' }];
    if ((row.originals ?? 0) >= document.originals && (row.copies ?? 0) >= document.copies) return [];
    return [{ documentKey: document.key, what: document.name, why: `Chưa đủ số bản theo quy định (${countsText(document.originals, document.copies)})` }];
  });
}

/** "1 bản chính, 2 bản sao" */
export function countsText(originals: number, copies: number): string {
  const parts = [originals > 0 ? `${originals} bản chính` : '', copies > 0 ? `${copies} bản sao` : ''].filter(Boolean);
  return parts.join(', ') || '—';
}

function CountInput({ index, field, documentName }: { index: number; field: 'originals' | 'copies'; documentName: string }) {
  const received = Form.useWatch(['checklist', index, 'received'], Form.useFormInstance()) as boolean | undefined;
  const label = `${field === 'originals' ? 'Số bản chính' : 'Số bản sao'}: ${documentName}`;
  return (
    <Form.Item name={['checklist', index, field]} noStyle>
      <InputNumber min={0} max={50} precision={0} disabled={!received} aria-label={label} style={{ width: 72 }} />
    </Form.Item>
  );
}

/**
 * The procedure's papers, each ticked when handed over with its number of originals and copies
 * (form field `checklist`, one row per paper). Named apart from the API's `documents` so that the
 * API's `documents[i]` (the i-th ticked paper) is never shown against the wrong row.
 */
export function DocumentChecklist({ documents }: { documents: RequiredDocument[] }) {
  const form = Form.useFormInstance();
  const rows = (Form.useWatch('checklist', form) as ChecklistRow[] | undefined) ?? [];
  const received = rows.filter((row) => row?.received).length;
  const tickAll = () =>
    form.setFieldValue(
      'checklist',
      documents.map((document, index) => ({
        ...rows[index],
        received: true,
        originals: Math.max(rows[index]?.originals ?? 0, document.originals),
        copies: Math.max(rows[index]?.copies ?? 0, document.copies),
      })),
    );
  return (
    <>
      <Table<RequiredDocument>
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={documents}
        locale={{ emptyText: 'Thủ tục không quy định thành phần hồ sơ' }}
        columns={[
          { title: 'STT', width: 56, align: 'center', render: (_, __, index) => index + 1 },
          {
            title: 'Thành phần hồ sơ (đánh dấu giấy tờ đã nhận)',
            render: (_, document, index) => (
              <>
                <Form.Item name={['checklist', index, 'received']} valuePropName="checked" noStyle>
                  <Checkbox>{document.name}</Checkbox>
                </Form.Item>
                <div style={{ paddingLeft: 24 }}>
                  {document.mandatory ? <Tag color="red">Bắt buộc</Tag> : <Tag>Nếu có</Tag>}
                  <Typography.Text type="secondary">
                    Theo quy định: {countsText(document.originals, document.copies)}
                    {document.template ? ` · ${document.template}` : ''}
                  </Typography.Text>
                </div>
              </>
            ),
          },
          { title: 'Bản chính', width: 100, align: 'center', render: (_, document, index) => <CountInput index={index} field="originals" documentName={document.name} /> },
          { title: 'Bản sao', width: 100, align: 'center', render: (_, document, index) => <CountInput index={index} field="copies" documentName={document.name} /> },
        ]}
      />
      {documents.length > 0 && (
        <Flex justify="space-between" align="center" style={{ marginTop: 12 }}>
          <Typography.Text>
            Đã nhận {received}/{documents.length} thành phần hồ sơ
          </Typography.Text>
          <Button onClick={tickAll} disabled={received === documents.length}>
            Đánh dấu đã nhận đủ
          </Button>
        </Flex>
      )}
    </>
  );
}
