import { EditOutlined, KeyOutlined, LockOutlined, PlusOutlined, UnlockOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { api, ApiError, type Schemas, unwrap } from '../../api/client';
import { errorText, reasonText } from '../../api/errors';
import { useApi, useErrorMessage } from '../../api/use-api';
import { ProblemsAlert, useFormSave } from '../../components/form-problems';
import { foldedFilter, formatDate, ROLE_LABEL } from '../../format';
import { useSession } from '../../session';
import { ROLE_OPTIONS } from './labels';
import { useAgencies } from './use-agencies';

type Account = Schemas['UserDto'];
type Role = Schemas['Role'];

const PAGE_SIZE = 20;
const USERNAME_RULE = { pattern: /^[a-z0-9._-]{3,50}$/, message: 'Từ 3 đến 50 ký tự: chữ thường không dấu, chữ số, dấu chấm, gạch ngang hoặc gạch dưới' };
const PASSWORD_RULE = { pattern: /^(?=.*\p{L})(?=.*\d).{10,200}$/u, message: 'Ít nhất 10 ký tự, gồm cả chữ và số' };

interface UserQuery {
  q?: string;
  role?: Role;
  agency?: string;
  active?: boolean;
  page: number;
}

type Dialog = { kind: 'create' } | { kind: 'edit'; account: Account } | { kind: 'password'; account: Account };

/** Người dùng: officers' accounts of the administrator's scope. */
export function UsersPage() {
  const { message } = App.useApp();
  const { user: me } = useSession();
  const agencies = useAgencies();
  const [query, setQuery] = useState<UserQuery>({ page: 1 });
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const users = useApi(
    JSON.stringify(query),
    () => {
      const { page: number, q, ...filters } = query;
      return unwrap(api.GET('/api/users', { params: { query: { ...filters, q: q || undefined, limit: PAGE_SIZE, offset: (number - 1) * PAGE_SIZE } } }));
    },
    { keepPrevious: true },
  );
  useErrorMessage(users.error);

  async function setActive(account: Account, active: boolean) {
    try {
      await unwrap(api.PATCH('/api/users/{username}', { params: { path: { username: account.username } }, body: { active } }));
      message.success(active ? `Đã mở khóa tài khoản ${account.username}` : `Đã khóa tài khoản ${account.username}`);
      users.reload();
    } catch (error) {
      const reason = error instanceof ApiError ? error.fields[0]?.reason : undefined;
      message.error(reason ? reasonText(reason) : errorText(error));
    }
  }

  const columns: ColumnsType<Account> = [
    { title: 'Tên đăng nhập', dataIndex: 'username' },
    { title: 'Họ và tên', dataIndex: 'fullName' },
    { title: 'Vai trò', dataIndex: 'role', render: (role: Role) => ROLE_LABEL[role] },
    { title: 'Cơ quan', dataIndex: 'agencyName' },
    { title: 'Ngày tạo', dataIndex: 'createdAt', width: 110, render: formatDate },
    { title: 'Trạng thái', dataIndex: 'active', width: 120, render: (active: boolean) => (active ? <Tag color="green">Hoạt động</Tag> : <Tag color="red">Đã khóa</Tag>) },
    {
      title: 'Thao tác',
      key: 'actions',
      width: 320,
      render: (_, account) => (
        <Space size="small" wrap>
          <Button size="small" icon={<EditOutlined />} aria-label={`Sửa ${account.username}`} onClick={() => setDialog({ kind: 'edit', account })}>
            Sửa
          </Button>
          <Button size="small" icon={<KeyOutlined />} aria-label={`Đặt mật khẩu ${account.username}`} onClick={() => setDialog({ kind: 'password', account })}>
            Đặt mật khẩu
          </Button>
          {account.username !== me?.username &&
            (account.active ? (
              <Popconfirm
                title={`Khóa tài khoản ${account.username}?`}
                description="Người dùng sẽ bị đăng xuất và không đăng nhập được nữa."
                okText="Khóa"
                cancelText="Hủy"
                okButtonProps={{ danger: true }}
                onConfirm={() => setActive(account, false)}
              >
                <Button size="small" danger icon={<LockOutlined />} aria-label={`Khóa ${account.username}`}>
                  Khóa
                </Button>
              </Popconfirm>
            ) : (
              <Button size="small" icon={<UnlockOutlined />} aria-label={`Mở khóa ${account.username}`} onClick={() => setActive(account, true)}>
                Mở khóa
              </Button>
            ))}
        </Space>
      ),
    },
  ];

  const saved = (text: string) => {
    setDialog(null);
    message.success(text);
    users.reload();
  };

  return (
    <Card
      title="Người dùng"
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create' })}>
          Thêm người dùng
        </Button>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          aria-label="Tìm người dùng"
          placeholder="Tên đăng nhập hoặc họ tên"
          allowClear
          style={{ width: 280 }}
          onSearch={(q) => setQuery((current) => ({ ...current, q: q.trim(), page: 1 }))}
        />
        <Select
          aria-label="Lọc theo vai trò"
          placeholder="Tất cả vai trò"
          allowClear
          style={{ width: 200 }}
          options={ROLE_OPTIONS}
          onChange={(role?: Role) => setQuery((current) => ({ ...current, role, page: 1 }))}
        />
        <Select
          aria-label="Lọc theo cơ quan"
          placeholder="Tất cả cơ quan"
          allowClear
          showSearch={{ filterOption: foldedFilter }}
          style={{ width: 340 }}
          loading={agencies.loading}
          options={agencies.options}
          onChange={(agency?: string) => setQuery((current) => ({ ...current, agency, page: 1 }))}
        />
        <Select
          aria-label="Lọc theo trạng thái"
          placeholder="Mọi trạng thái"
          allowClear
          style={{ width: 160 }}
          options={[
            { value: 'active', label: 'Hoạt động' },
            { value: 'locked', label: 'Đã khóa' },
          ]}
          onChange={(state?: string) => setQuery((current) => ({ ...current, active: state === undefined ? undefined : state === 'active', page: 1 }))}
        />
      </Space>
      <Table<Account>
        rowKey="username"
        size="middle"
        loading={users.loading}
        columns={columns}
        dataSource={users.data?.items}
        locale={{ emptyText: 'Không có người dùng nào phù hợp' }}
        pagination={{
          current: query.page,
          pageSize: PAGE_SIZE,
          total: users.data?.total,
          showSizeChanger: false,
          showTotal: (total) => `${total} người dùng`,
          onChange: (number) => setQuery((current) => ({ ...current, page: number })),
        }}
      />
      {dialog?.kind === 'create' && <CreateUserForm agencies={agencies.options} onClose={() => setDialog(null)} onSaved={(account) => saved(`Đã tạo tài khoản ${account.username}`)} />}
      {dialog?.kind === 'edit' && (
        <EditUserForm account={dialog.account} agencies={agencies.options} onClose={() => setDialog(null)} onSaved={(account) => saved(`Đã lưu tài khoản ${account.username}`)} />
      )}
      {dialog?.kind === 'password' && <PasswordForm account={dialog.account} onClose={() => setDialog(null)} onSaved={() => saved(`Đã đặt mật khẩu mới cho ${dialog.account.username}`)} />}
    </Card>
  );
}

interface AccountFormProps {
  agencies: { value: string; label: string }[];
  onClose(): void;
  onSaved(account: Account): void;
}

function AgencyItem({ agencies }: { agencies: AccountFormProps['agencies'] }) {
  return (
    <Form.Item label="Cơ quan" name="agencyCode" rules={[{ required: true, message: 'Vui lòng chọn cơ quan' }]}>
      <Select showSearch={{ filterOption: foldedFilter }} options={agencies} placeholder="Cơ quan nơi cán bộ làm việc" />
    </Form.Item>
  );
}

type CreateValues = Schemas['CreateUserDto'];

function CreateUserForm({ agencies, onClose, onSaved }: AccountFormProps) {
  const [form] = Form.useForm<CreateValues>();
  const { problems, saving, run } = useFormSave(form);
  const save = (values: CreateValues) =>
    run(async () => onSaved(await unwrap(api.POST('/api/users', { body: { ...values, fullName: values.fullName.trim(), email: values.email?.trim() || undefined } }))));

  return (
    <Modal open title="Thêm người dùng" okText="Tạo tài khoản" cancelText="Hủy" confirmLoading={saving} onOk={() => form.submit()} onCancel={onClose} width={560} destroyOnHidden>
      <ProblemsAlert problems={problems} />
      <Form<CreateValues> form={form} layout="vertical" onFinish={save}>
        <Form.Item label="Tên đăng nhập" name="username" rules={[{ required: true, message: 'Vui lòng nhập tên đăng nhập' }, USERNAME_RULE]}>
          <Input autoComplete="off" placeholder="ví dụ: tiepnhan.vinhluong" />
        </Form.Item>
        <Form.Item label="Họ và tên" name="fullName" rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập họ và tên' }]}>
          <Input />
        </Form.Item>
        <Form.Item label="Vai trò" name="role" rules={[{ required: true, message: 'Vui lòng chọn vai trò' }]}>
          <Select options={ROLE_OPTIONS} />
        </Form.Item>
        <AgencyItem agencies={agencies} />
        <Form.Item label="Thư điện tử" name="email" rules={[{ type: 'email', message: 'Địa chỉ thư điện tử không hợp lệ' }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item label="Mật khẩu" name="password" rules={[{ required: true, message: 'Vui lòng nhập mật khẩu' }, PASSWORD_RULE]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

type EditValues = Required<Pick<Schemas['UpdateUserDto'], 'fullName' | 'role' | 'agencyCode'>> & { email?: string };

function EditUserForm({ account, agencies, onClose, onSaved }: AccountFormProps & { account: Account }) {
  const [form] = Form.useForm<EditValues>();
  const { problems, saving, run } = useFormSave(form);
  const save = (values: EditValues) =>
    run(async () =>
      onSaved(
        await unwrap(
          api.PATCH('/api/users/{username}', {
            params: { path: { username: account.username } },
            body: { fullName: values.fullName.trim(), role: values.role, agencyCode: values.agencyCode, email: values.email?.trim() || null },
          }),
        ),
      ),
    );

  return (
    <Modal open title={`Sửa tài khoản ${account.username}`} okText="Lưu" cancelText="Hủy" confirmLoading={saving} onOk={() => form.submit()} onCancel={onClose} width={560} destroyOnHidden>
      <ProblemsAlert problems={problems} />
      <Form<EditValues>
        form={form}
        layout="vertical"
        onFinish={save}
        initialValues={{ fullName: account.fullName, role: account.role, agencyCode: account.agencyCode, email: account.email ?? undefined }}
      >
        <Form.Item label="Họ và tên" name="fullName" rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập họ và tên' }]}>
          <Input />
        </Form.Item>
        <Form.Item label="Vai trò" name="role" rules={[{ required: true, message: 'Vui lòng chọn vai trò' }]}>
          <Select options={ROLE_OPTIONS} />
        </Form.Item>
        <AgencyItem agencies={agencies} />
        <Form.Item label="Thư điện tử" name="email" rules={[{ type: 'email', message: 'Địa chỉ thư điện tử không hợp lệ' }]}>
          <Input autoComplete="off" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function PasswordForm({ account, onClose, onSaved }: { account: Account; onClose(): void; onSaved(): void }) {
  const [form] = Form.useForm<{ password: string }>();
  const { problems, saving, run } = useFormSave(form);
  const save = ({ password }: { password: string }) =>
    run(async () => {
      await unwrap(api.PUT('/api/users/{username}/password', { params: { path: { username: account.username } }, body: { password } }));
      onSaved();
    });

  return (
    <Modal open title={`Đặt mật khẩu cho ${account.username}`} okText="Đặt mật khẩu" cancelText="Hủy" confirmLoading={saving} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <ProblemsAlert problems={problems} />
      <Form form={form} layout="vertical" onFinish={save}>
        <Form.Item
          label="Mật khẩu mới"
          name="password"
          extra="Các phiên đăng nhập bằng mật khẩu cũ sẽ hết hiệu lực."
          rules={[{ required: true, message: 'Vui lòng nhập mật khẩu mới' }, PASSWORD_RULE]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
