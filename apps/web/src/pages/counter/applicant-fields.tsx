import { Checkbox, Col, DatePicker, Form, type FormRule, Input, Radio, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { Schemas } from '../../api/client';
import { foldedFilter } from '../../format';
import { useCommunes } from './catalog';

type Applicant = Schemas['ApplicantDto'];
type Proxy = Schemas['ProxyDto'];

/** The applicant as the form holds it: the date of birth is a picked date, empty fields are ''. */
export interface ApplicantValues {
  kind: Applicant['kind'];
  fullName: string;
  idNumber: string;
  dateOfBirth?: Dayjs | null;
  phone?: string;
  email?: string;
  address: { line: string; communeCode: string };
}

export interface ProxyValues {
  fullName: string;
  idNumber: string;
  authorization: string;
}

// The same patterns the API checks (apps/api/src/dossiers/dto/create-dossier.dto.ts), so that the officer sees a problem as they type.
const CITIZEN_ID = /^\d{12}$/;
const TAX_CODE = /^\d{10}(-\d{3})?$/;
const PHONE = /^(0|\+84)\d{9,10}$/;

const required = (message: string): FormRule => ({ required: true, whitespace: true, message });
const citizenId: FormRule = { pattern: CITIZEN_ID, message: 'Số CCCD phải gồm đúng 12 chữ số' };

/** Trims every field and leaves the empty optional ones out: the API refuses an empty phone or e-mail. */
export function applicantBody(values: ApplicantValues): Applicant {
  const optional = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);
  return {
    kind: values.kind,
    fullName: values.fullName.trim(),
    idNumber: values.idNumber.trim(),
    dateOfBirth: values.kind === 'person' && values.dateOfBirth ? values.dateOfBirth.format('YYYY-MM-DD') : undefined,
    phone: optional(values.phone),
    email: optional(values.email),
    address: { line: values.address.line.trim(), communeCode: values.address.communeCode },
  };
}

export const proxyBody = (values: ProxyValues): Proxy => ({
  fullName: values.fullName.trim(),
  idNumber: values.idNumber.trim(),
  authorization: values.authorization.trim(),
});

/** The officer's own commune, where most applicants live: the last level of their unit path. */
export function ownCommune(scopeUnitPath: string): string | undefined {
  const last = scopeUnitPath.split('.').pop();
  return last && /^\d{5}$/.test(last) ? last : undefined;
}

/**
 * The communes of the officer's scope; an applicant from elsewhere is entered by the 5-digit code of
 * their commune, which the API checks.
 */
function CommuneSelect(props: { id?: string; value?: string; onChange?: (value: string) => void }) {
  const communes = useCommunes();
  const [search, setSearch] = useState('');
  const options = (communes.data ?? []).map((unit) => ({ value: unit.code, label: `${unit.name} (${unit.code})` }));
  for (const code of [search, props.value]) {
    if (code && /^\d{5}$/.test(code) && !options.some((option) => option.value === code)) options.push({ value: code, label: `Mã xã, phường ${code}` });
  }
  return (
    <Select
      {...props}
      options={options}
      loading={communes.loading}
      placeholder="Chọn hoặc nhập mã 5 chữ số"
      showSearch={{ onSearch: setSearch, filterOption: foldedFilter }}
      notFoundContent="Không có xã, phường phù hợp; có thể nhập mã 5 chữ số"
    />
  );
}

/** Person or organisation, as ApplicantDto allows (form field `applicant`). */
export function ApplicantFields() {
  const kind = Form.useWatch(['applicant', 'kind'], Form.useFormInstance()) as Applicant['kind'] | undefined;
  const person = kind !== 'organisation';
  return (
    <Row gutter={16}>
      <Col span={24}>
        <Form.Item name={['applicant', 'kind']} label="Người nộp là">
          <Radio.Group
            options={[
              { value: 'person', label: 'Cá nhân' },
              { value: 'organisation', label: 'Tổ chức, doanh nghiệp' },
            ]}
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          name={['applicant', 'fullName']}
          label={person ? 'Họ và tên' : 'Tên tổ chức'}
          rules={[required(person ? 'Vui lòng nhập họ và tên' : 'Vui lòng nhập tên tổ chức'), { min: 2, message: 'Phải có ít nhất 2 ký tự' }, { max: 200, message: 'Không được quá 200 ký tự' }]}
        >
          <Input autoComplete="off" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          name={['applicant', 'idNumber']}
          label={person ? 'Số CCCD' : 'Mã số thuế'}
          dependencies={[['applicant', 'kind']]}
          rules={[
            required(person ? 'Vui lòng nhập số căn cước công dân' : 'Vui lòng nhập mã số thuế'),
            person ? citizenId : { pattern: TAX_CODE, message: 'Mã số thuế gồm 10 chữ số (đơn vị phụ thuộc: thêm dấu gạch và 3 chữ số)' },
          ]}
        >
          <Input inputMode={person ? 'numeric' : 'text'} autoComplete="off" />
        </Form.Item>
      </Col>
      {person && (
        <Col xs={24} md={8}>
          <Form.Item name={['applicant', 'dateOfBirth']} label="Ngày sinh" rules={[{ required: true, message: 'Vui lòng nhập ngày sinh' }]}>
            <DatePicker format="DD/MM/YYYY" placeholder="dd/mm/yyyy" disabledDate={(date) => date.isAfter(dayjs(), 'day')} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      )}
      <Col xs={24} md={person ? 8 : 12}>
        <Form.Item name={['applicant', 'phone']} label="Số điện thoại" rules={[{ pattern: PHONE, message: 'Số điện thoại bắt đầu bằng 0 hoặc +84, gồm 10–11 chữ số' }]}>
          <Input inputMode="tel" autoComplete="off" />
        </Form.Item>
      </Col>
      <Col xs={24} md={person ? 8 : 12}>
        <Form.Item
          name={['applicant', 'email']}
          label="Thư điện tử"
          rules={[
            { type: 'email', message: 'Địa chỉ thư điện tử không hợp lệ' },
            { max: 200, message: 'Không được quá 200 ký tự' },
          ]}
        >
          <Input inputMode="email" autoComplete="off" />
        </Form.Item>
      </Col>
      <Col xs={24} md={14}>
        <Form.Item
          name={['applicant', 'address', 'line']}
          label={person ? 'Địa chỉ (số nhà, đường, thôn, tổ dân phố)' : 'Địa chỉ trụ sở (số nhà, đường)'}
          rules={[required('Vui lòng nhập địa chỉ'), { max: 300, message: 'Không được quá 300 ký tự' }]}
        >
          <Input autoComplete="off" />
        </Form.Item>
      </Col>
      <Col xs={24} md={10}>
        <Form.Item name={['applicant', 'address', 'communeCode']} label="Xã, phường, thị trấn" rules={[{ required: true, message: 'Vui lòng chọn xã, phường' }]}>
          <CommuneSelect />
        </Form.Item>
      </Col>
    </Row>
  );
}

/** Người nộp thay: someone filing for the applicant, with their authorisation (form fields `hasProxy`, `proxy`). */
export function ProxyFields() {
  const hasProxy = Form.useWatch('hasProxy', Form.useFormInstance()) as boolean | undefined;
  return (
    <>
      <Form.Item name="hasProxy" valuePropName="checked" style={{ marginBottom: hasProxy ? 16 : 0 }}>
        <Checkbox>Có người nộp thay (theo ủy quyền)</Checkbox>
      </Form.Item>
      {hasProxy && (
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item
              name={['proxy', 'fullName']}
              label="Họ và tên người nộp thay"
              rules={[required('Vui lòng nhập họ và tên người nộp thay'), { min: 2, message: 'Phải có ít nhất 2 ký tự' }, { max: 200, message: 'Không được quá 200 ký tự' }]}
            >
              <Input autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name={['proxy', 'idNumber']} label="Số CCCD người nộp thay" rules={[required('Vui lòng nhập số căn cước công dân'), citizenId]}>
              <Input inputMode="numeric" autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item
              name={['proxy', 'authorization']}
              label="Văn bản ủy quyền"
              rules={[required('Vui lòng ghi văn bản ủy quyền'), { min: 3, message: 'Phải có ít nhất 3 ký tự' }, { max: 500, message: 'Không được quá 500 ký tự' }]}
            >
              <Input placeholder="Giấy ủy quyền số 12/2025 ngày 02/05/2025" autoComplete="off" />
            </Form.Item>
          </Col>
        </Row>
      )}
    </>
  );
}
