/**
 * One demo user per role, all but the administrators at Phường Vĩnh Hải (Phường Lộc Thọ is outside
 * their scope); ADMIN administers the province, SYSTEM_ADMIN the nation and its national data.
 */
export const USER_PER_ROLE: Record<string, string> = {
  SYSTEM_ADMIN: 'quantri.hethong',
  ADMIN: 'admin',
  RECEPTION: 'tiepnhan.vinhhai',
  PROCESSOR: 'xuly.vinhhai',
  LEADER: 'lanhdao.vinhhai',
  SUPERVISOR: 'giamsat.vinhhai',
};
