import { Checkbox, Col, DatePicker, Form, type FormInstance, type FormRule, Input, Radio, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
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
  sex?: 'male' | 'female';
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
/** What an officer may type: 12/04/1985, 12-04-1985, 12041985, 12.04.1985. */
const BIRTH_FORMATS = ['DD/MM/YYYY', 'D/M/YYYY', 'DDMMYYYY', 'DD-MM-YYYY', 'DD.MM.YYYY'];

const dateOfBirthRule: FormRule = {
  validator: async (_, value: Dayjs | null | undefined) => {
    if (!value) return;
    if (value.isAfter(dayjs(), 'day')) throw new Error('Ngày sinh không được sau ngày hôm nay');
    if (value.year() < 1900) throw new Error('Ngày sinh không được trước năm 1900');
  },
};

/**
 * The citizen ID against the date of birth and sex, as the API checks it (libs/domain's
 * applicantIdentityProblems): the 4th digit encodes century and sex (0 man / 1 woman born 1900–1999,
 * 2 / 3 from 2000…), the 5th–6th the year of birth.
 */
function citizenIdAgrees(form: FormInstance): FormRule {
  return {
    validator: async (_, value: string | undefined) => {
      if (!value || !CITIZEN_ID.test(value)) return;
      const code = Number(value[3]);
      const born = form.getFieldValue(['applicant', 'dateOfBirth']) as Dayjs | null | undefined;
      const year = 1900 + 100 * Math.floor(code / 2) + Number(value.slice(4, 6));
      if (born && born.year() !== year) throw new Error(`Số CCCD không khớp với ngày sinh: chữ số thứ 4–6 của số CCCD cho biết năm sinh ${year}, ngày sinh đã nhập là ${born.format('DD/MM/YYYY')}`);
      const sex = form.getFieldValue(['applicant', 'sex']) as string | undefined;
      const encoded = code % 2 === 0 ? 'male' : 'female';
      if (sex && sex !== encoded) throw new Error(`Số CCCD không khớp với giới tính: chữ số thứ 4 (${code}) là của ${encoded === 'male' ? 'nam' : 'nữ'}`);
    },
  };
}
const citizenId: FormRule = { pattern: CITIZEN_ID, message: 'Số CCCD phải gồm đúng 12 chữ số' };

/** Trims every field and leaves the empty optional ones out: the API refuses an empty phone or e-mail. */
export function applicantBody(values: ApplicantValues): Applicant {
  const optional = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);
  return {
    kind: values.kind,
    fullName: values.fullName.trim(),
    idNumber: values.idNumber.trim(),
    dateOfBirth: values.kind === 'person' && values.dateOfBirth ? values.dateOfBirth.format('YYYY-MM-DD') : undefined,
    sex: values.kind === 'person' ? values.sex : undefined,
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
  const form = Form.useFormInstance();
  const kind = Form.useWatch(['applicant', 'kind'], form) as Applicant['kind'] | undefined;
  const dateOfBirth = Form.useWatch(['applicant', 'dateOfBirth'], form) as Dayjs | null | undefined;
  const sex = Form.useWatch(['applicant', 'sex'], form) as string | undefined;
  const person = kind !== 'organisation';
  // The ID number is checked again when what it is checked against changes, once the officer has typed it: not before.
  useEffect(() => {
    if (form.isFieldTouched(['applicant', 'idNumber'])) void form.validateFields([['applicant', 'idNumber']]).catch(() => undefined);
  }, [form, kind, dateOfBirth, sex]);
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
          rules={[
            required(person ? 'Vui lòng nhập số căn cước công dân' : 'Vui lòng nhập mã số thuế'),
            person ? citizenId : { pattern: TAX_CODE, message: 'Mã số thuế gồm 10 chữ số (đơn vị phụ thuộc: thêm dấu gạch và 3 chữ số)' },
            ...(person ? [citizenIdAgrees(form)] : []),
          ]}
        >
          <Input inputMode={person ? 'numeric' : 'text'} autoComplete="off" />
        </Form.Item>
      </Col>
      {person && (
        <Col xs={24} md={6}>
          <Form.Item
            name={['applicant', 'dateOfBirth']}
            label="Ngày sinh"
            extra="Ví dụ 12/04/1985 hoặc 12041985"
            rules={[{ required: true, message: 'Vui lòng nhập ngày sinh (ngày/tháng/năm, ví dụ 12/04/1985)' }, dateOfBirthRule]}
          >
            <DatePicker format={BIRTH_FORMATS} placeholder="dd/mm/yyyy" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      )}
      {person && (
        <Col xs={24} md={4}>
          <Form.Item name={['applicant', 'sex']} label="Giới tính">
            <Select
              allowClear
              placeholder="Chọn"
              options={[
                { value: 'male', label: 'Nam' },
                { value: 'female', label: 'Nữ' },
              ]}
            />
          </Form.Item>
        </Col>
      )}
      <Col xs={24} md={person ? 6 : 12}>
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
