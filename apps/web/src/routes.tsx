import {
  BarChartOutlined,
  BankOutlined,
  CalendarOutlined,
  FileSearchOutlined,
  InboxOutlined,
  OrderedListOutlined,
  ProfileOutlined,
  SolutionOutlined,
  TeamOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import { lazy, type ReactNode } from 'react';
import type { Role } from './session';

/** Each page is its own chunk: a citizen's phone loads the status page, not the whole console. */
const AgenciesPage = lazy(() => import('./pages/admin/agencies').then((page) => ({ default: page.AgenciesPage })));
const CalendarPage = lazy(() => import('./pages/admin/calendar').then((page) => ({ default: page.CalendarPage })));
const ProceduresPage = lazy(() => import('./pages/admin/procedures').then((page) => ({ default: page.ProceduresPage })));
const UsersPage = lazy(() => import('./pages/admin/users').then((page) => ({ default: page.UsersPage })));
const IntakePage = lazy(() => import('./pages/counter/intake').then((page) => ({ default: page.IntakePage })));
const QueuePage = lazy(() => import('./pages/counter/queue').then((page) => ({ default: page.QueuePage })));
const ReturnDeskPage = lazy(() => import('./pages/counter/return-desk').then((page) => ({ default: page.ReturnDeskPage })));
const DashboardPage = lazy(() => import('./pages/dashboard').then((page) => ({ default: page.DashboardPage })));
const DossierPage = lazy(() => import('./pages/dossier').then((page) => ({ default: page.DossierPage })));
const DossiersPage = lazy(() => import('./pages/dossiers').then((page) => ({ default: page.DossiersPage })));
const InboxPage = lazy(() => import('./pages/inbox').then((page) => ({ default: page.InboxPage })));

export interface ConsoleRoute {
  path: string;
  element: ReactNode;
  roles: readonly Role[];
  /** Shown in the menu when set. */
  label?: string;
  icon?: ReactNode;
}

const OFFICERS: readonly Role[] = ['RECEPTION', 'PROCESSOR', 'LEADER', 'SUPERVISOR', 'ADMIN', 'SYSTEM_ADMIN'];
const ADMINS: readonly Role[] = ['ADMIN', 'SYSTEM_ADMIN'];

/** The signed-in pages, in menu order (a user lands on the first of theirs); the menu shows a user only the pages their role may open. */
export const CONSOLE_ROUTES: readonly ConsoleRoute[] = [
  { path: '/tiep-nhan', label: 'Tiếp nhận hồ sơ', icon: <SolutionOutlined />, roles: ['RECEPTION'], element: <IntakePage /> },
  { path: '/cho-tiep-nhan', label: 'Hồ sơ chờ xử lý tại quầy', icon: <InboxOutlined />, roles: ['RECEPTION'], element: <QueuePage /> },
  { path: '/tra-ket-qua', label: 'Trả kết quả', icon: <ProfileOutlined />, roles: ['RECEPTION'], element: <ReturnDeskPage /> },
  { path: '/xu-ly', label: 'Hồ sơ cần xử lý', icon: <OrderedListOutlined />, roles: ['PROCESSOR', 'LEADER', 'RECEPTION'], element: <InboxPage /> },
  { path: '/bao-cao', label: 'Báo cáo, thống kê', icon: <BarChartOutlined />, roles: ['SUPERVISOR', 'LEADER', ...ADMINS], element: <DashboardPage /> },
  { path: '/ho-so', label: 'Tra cứu hồ sơ', icon: <FileSearchOutlined />, roles: OFFICERS, element: <DossiersPage /> },
  { path: '/ho-so/:code', roles: OFFICERS, element: <DossierPage /> },
  { path: '/quan-tri/thu-tuc', label: 'Thủ tục hành chính', icon: <UnorderedListOutlined />, roles: ['SYSTEM_ADMIN'], element: <ProceduresPage /> },
  { path: '/quan-tri/lich', label: 'Lịch làm việc', icon: <CalendarOutlined />, roles: ['SYSTEM_ADMIN'], element: <CalendarPage /> },
  { path: '/quan-tri/co-quan', label: 'Cơ quan, đơn vị', icon: <BankOutlined />, roles: ADMINS, element: <AgenciesPage /> },
  { path: '/quan-tri/nguoi-dung', label: 'Người dùng', icon: <TeamOutlined />, roles: ADMINS, element: <UsersPage /> },
];

export const allowedRoutes = (role: Role) => CONSOLE_ROUTES.filter((route) => route.roles.includes(role));

/** Where a user lands after signing in: the first page of their menu. */
export const homeOf = (role: Role) => allowedRoutes(role).find((route) => route.label)?.path ?? '/ho-so';
