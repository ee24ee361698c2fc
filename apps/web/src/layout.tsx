import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Layout, Menu, Space, Spin, Typography } from 'antd';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { ROLE_LABEL } from './format';
import { allowedRoutes } from './routes';
import { useSession } from './session';

/** The signed-in frame: the role's menu on the left, who is signed in on top; the login page for strangers. */
export function ConsoleLayout() {
  const { user, loading, logout } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  if (loading) return <Spin fullscreen />;
  if (!user) return <Navigate to="/dang-nhap" replace state={{ from: location.pathname + location.search }} />;
  const items = allowedRoutes(user.role)
    .filter((route) => route.label)
    .map((route) => ({ key: route.path, icon: route.icon, label: route.label }));
  const selected = items.filter((item) => location.pathname === item.key || location.pathname.startsWith(`${item.key}/`)).map((item) => item.key);
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider breakpoint="lg" collapsedWidth={0} width={260} theme="light">
        <div style={{ padding: '16px 20px', fontWeight: 600, fontSize: 16 }}>Một cửa điện tử</div>
        <Menu mode="inline" selectedKeys={selected} items={items} onClick={({ key }) => navigate(key)} aria-label="Chức năng" />
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: '#fff', padding: '0 24px', display: 'flex', justifyContent: 'flex-end', alignItems: 'center' }}>
          <Space>
            <UserOutlined />
            <Typography.Text data-testid="signed-in-user">{user.fullName}</Typography.Text>
            <Typography.Text type="secondary">({ROLE_LABEL[user.role]})</Typography.Text>
            <Button
              icon={<LogoutOutlined />}
              onClick={() => {
                logout();
                navigate('/dang-nhap');
              }}
            >
              Đăng xuất
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ margin: 24 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
