import { App as AntApp, Button, ConfigProvider, Result, Spin } from 'antd';
import viVN from 'antd/locale/vi_VN';
import 'antd/dist/reset.css';
import { lazy, StrictMode, Suspense, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Link, Navigate, Route, Routes } from 'react-router-dom';
import './format';
import { ConsoleLayout } from './layout';
import { LoginPage } from './pages/login';
import { CONSOLE_ROUTES, homeOf } from './routes';
import { type Role, SessionProvider, useSession } from './session';

const CitizenStatusPage = lazy(() => import('./pages/citizen-status').then((page) => ({ default: page.CitizenStatusPage })));

/** A page only for the roles it names (ConsoleLayout has already sent strangers to the login page). */
function Guard({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const { user } = useSession();
  if (user && !roles.includes(user.role)) return <NotHere status="403" title="Tài khoản của ông/bà không được dùng trang này." />;
  return <>{children}</>;
}

/** An address the console doesn't have, or a page the role may not open: said plainly, with the way back. */
function NotHere({ status, title }: { status: '403' | '404'; title: string }) {
  const { user } = useSession();
  return (
    <Result
      status={status}
      title={title}
      extra={
        <Link to={user ? homeOf(user.role) : '/dang-nhap'}>
          <Button type="primary">Về trang chính</Button>
        </Link>
      }
    />
  );
}

function Home() {
  const { user, loading } = useSession();
  if (loading) return <Spin fullscreen />;
  return <Navigate to={user ? homeOf(user.role) : '/dang-nhap'} replace />;
}

function NotFound() {
  return <NotHere status="404" title="Không tìm thấy trang này." />;
}

function Console() {
  return (
    <Suspense fallback={<Spin fullscreen />}>
      <Routes>
        <Route path="/dang-nhap" element={<LoginPage />} />
        <Route path="/tra-cuu" element={<CitizenStatusPage />} />
        <Route element={<ConsoleLayout />}>
          {CONSOLE_ROUTES.map((route) => (
            <Route key={route.path} path={route.path} element={<Guard roles={route.roles}>{route.element}</Guard>} />
          ))}
          <Route path="*" element={<NotFound />} />
        </Route>
        <Route path="/" element={<Home />} />
      </Routes>
    </Suspense>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider locale={viVN} theme={{ token: { colorPrimary: '#b71c1c' } }}>
      <AntApp>
        <SessionProvider>
          <BrowserRouter>
            <Console />
          </BrowserRouter>
        </SessionProvider>
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
