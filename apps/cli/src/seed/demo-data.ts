import { AgencyKind, Role } from '@motcua/domain';

/**
 * The demo: Khánh Hòa (56) as it was before the 2025 reform, with one-stop-shop agencies at
 * province, district (Nha Trang, Diên Khánh) and commune level. Unit codes are the real GSO codes;
 * the agencies' electronic ID codes follow the national pattern but are placeholders.
 */
export interface DemoAgency {
  code: string;
  name: string;
  kind: AgencyKind;
  /** Path of the unit in the 2025-03 set. */
  unitPath: string;
  parentCode?: string;
}

export const DEMO_AGENCIES: DemoAgency[] = [
  { code: '000.00.00.H56', name: 'Ủy ban nhân dân tỉnh Khánh Hòa', kind: AgencyKind.PEOPLES_COMMITTEE, unitPath: '56' },
  { code: '000.00.01.H56', name: 'Trung tâm Phục vụ hành chính công tỉnh Khánh Hòa', kind: AgencyKind.SERVICE_CENTER, unitPath: '56', parentCode: '000.00.00.H56' },
  { code: '000.00.12.H56', name: 'Sở Tài nguyên và Môi trường tỉnh Khánh Hòa', kind: AgencyKind.DEPARTMENT, unitPath: '56', parentCode: '000.00.00.H56' },
  { code: '000.00.13.H56', name: 'Sở Kế hoạch và Đầu tư tỉnh Khánh Hòa', kind: AgencyKind.DEPARTMENT, unitPath: '56', parentCode: '000.00.00.H56' },
  { code: '000.00.14.H56', name: 'Sở Tư pháp tỉnh Khánh Hòa', kind: AgencyKind.DEPARTMENT, unitPath: '56', parentCode: '000.00.00.H56' },
  { code: '000.00.15.H56', name: 'Sở Xây dựng tỉnh Khánh Hòa', kind: AgencyKind.DEPARTMENT, unitPath: '56', parentCode: '000.00.00.H56' },
  { code: '000.01.12.H56', name: 'Văn phòng Đăng ký đất đai tỉnh Khánh Hòa', kind: AgencyKind.LAND_REGISTRY, unitPath: '56', parentCode: '000.00.12.H56' },
  { code: '000.00.20.H56', name: 'Cục Thuế tỉnh Khánh Hòa', kind: AgencyKind.TAX_OFFICE, unitPath: '56' },
  { code: '000.00.31.H56', name: 'Ủy ban nhân dân thành phố Nha Trang', kind: AgencyKind.PEOPLES_COMMITTEE, unitPath: '56.568', parentCode: '000.00.00.H56' },
  { code: '001.01.12.H56', name: 'Chi nhánh Văn phòng Đăng ký đất đai thành phố Nha Trang', kind: AgencyKind.LAND_REGISTRY, unitPath: '56.568', parentCode: '000.01.12.H56' },
  { code: '001.00.20.H56', name: 'Chi cục Thuế khu vực Nha Trang – Cam Lâm', kind: AgencyKind.TAX_OFFICE, unitPath: '56.568', parentCode: '000.00.20.H56' },
  { code: '000.00.37.H56', name: 'Ủy ban nhân dân huyện Diên Khánh', kind: AgencyKind.PEOPLES_COMMITTEE, unitPath: '56.574', parentCode: '000.00.00.H56' },
  { code: '002.00.31.H56', name: 'Ủy ban nhân dân phường Vĩnh Hải', kind: AgencyKind.PEOPLES_COMMITTEE, unitPath: '56.568.22330', parentCode: '000.00.31.H56' },
  { code: '009.00.31.H56', name: 'Ủy ban nhân dân phường Lộc Thọ', kind: AgencyKind.PEOPLES_COMMITTEE, unitPath: '56.568.22363', parentCode: '000.00.31.H56' },
  { code: '001.00.37.H56', name: 'Ủy ban nhân dân thị trấn Diên Khánh', kind: AgencyKind.PEOPLES_COMMITTEE, unitPath: '56.574.22651', parentCode: '000.00.37.H56' },
];

export interface DemoUser {
  username: string;
  fullName: string;
  role: Role;
  level: 'province' | 'district' | 'commune';
  agencyCode: string;
}

/** Listed in the README's demo-login table; every one has the password DEMO_PASSWORD. */
export const DEMO_USERS: DemoUser[] = [
  { username: 'quantri.hethong', fullName: 'Quản trị hệ thống', role: Role.SYSTEM_ADMIN, level: 'province', agencyCode: '000.00.00.H56' },
  { username: 'admin', fullName: 'Quản trị tỉnh Khánh Hòa', role: Role.ADMIN, level: 'province', agencyCode: '000.00.00.H56' },
  { username: 'giamsat.tinh', fullName: 'Nguyễn Văn Giám', role: Role.SUPERVISOR, level: 'province', agencyCode: '000.00.00.H56' },
  { username: 'tiepnhan.tinh', fullName: 'Trần Thị Nhận', role: Role.RECEPTION, level: 'province', agencyCode: '000.00.01.H56' },
  { username: 'xuly.sotnmt', fullName: 'Lê Văn Xử', role: Role.PROCESSOR, level: 'province', agencyCode: '000.00.12.H56' },
  { username: 'lanhdao.sotnmt', fullName: 'Phạm Văn Đạo', role: Role.LEADER, level: 'province', agencyCode: '000.00.12.H56' },
  { username: 'xuly.sokhdt', fullName: 'Châu Thị Đầu', role: Role.PROCESSOR, level: 'province', agencyCode: '000.00.13.H56' },
  { username: 'lanhdao.sokhdt', fullName: 'Tạ Văn Tư', role: Role.LEADER, level: 'province', agencyCode: '000.00.13.H56' },
  { username: 'xuly.soxd', fullName: 'Kiều Văn Dựng', role: Role.PROCESSOR, level: 'province', agencyCode: '000.00.15.H56' },
  { username: 'xuly.sotuphap', fullName: 'Lâm Thị Pháp', role: Role.PROCESSOR, level: 'province', agencyCode: '000.00.14.H56' },
  { username: 'lanhdao.sotuphap', fullName: 'Vũ Văn Lý', role: Role.LEADER, level: 'province', agencyCode: '000.00.14.H56' },
  { username: 'giamsat.nhatrang', fullName: 'Hoàng Thị Sát', role: Role.SUPERVISOR, level: 'district', agencyCode: '000.00.31.H56' },
  { username: 'tiepnhan.nhatrang', fullName: 'Võ Thị Hồ', role: Role.RECEPTION, level: 'district', agencyCode: '000.00.31.H56' },
  { username: 'xuly.vpdk.nhatrang', fullName: 'Đặng Văn Đất', role: Role.PROCESSOR, level: 'district', agencyCode: '001.01.12.H56' },
  { username: 'xuly.thue.nhatrang', fullName: 'Bùi Thị Thuế', role: Role.PROCESSOR, level: 'district', agencyCode: '001.00.20.H56' },
  { username: 'xuly.nhatrang', fullName: 'Phan Văn Định', role: Role.PROCESSOR, level: 'district', agencyCode: '000.00.31.H56' },
  { username: 'lanhdao.nhatrang', fullName: 'Đỗ Văn Lãnh', role: Role.LEADER, level: 'district', agencyCode: '000.00.31.H56' },
  { username: 'giamsat.vinhhai', fullName: 'Ngô Thị Xem', role: Role.SUPERVISOR, level: 'commune', agencyCode: '002.00.31.H56' },
  { username: 'tiepnhan.vinhhai', fullName: 'Dương Thị Tiếp', role: Role.RECEPTION, level: 'commune', agencyCode: '002.00.31.H56' },
  { username: 'xuly.vinhhai', fullName: 'Lý Văn Công', role: Role.PROCESSOR, level: 'commune', agencyCode: '002.00.31.H56' },
  { username: 'lanhdao.vinhhai', fullName: 'Trịnh Văn Chủ', role: Role.LEADER, level: 'commune', agencyCode: '002.00.31.H56' },
  { username: 'tiepnhan.loctho', fullName: 'Mai Thị Lộc', role: Role.RECEPTION, level: 'commune', agencyCode: '009.00.31.H56' },
];
