export enum Role {
  /**
   * quản trị hệ thống: owns the national data (the working calendar, the procedure catalog and its
   * workflows) and administers every unit; the only role that may grant it.
   */
  SYSTEM_ADMIN = 'SYSTEM_ADMIN',
  /** quản trị đơn vị: users and agencies of their own unit subtree */
  ADMIN = 'ADMIN',
  /** cán bộ tiếp nhận, Bộ phận Một cửa */
  RECEPTION = 'RECEPTION',
  /** chuyên viên xử lý */
  PROCESSOR = 'PROCESSOR',
  /** lãnh đạo phê duyệt */
  LEADER = 'LEADER',
  /** lãnh đạo, Văn phòng UBND, Sở Nội vụ: watches statistics */
  SUPERVISOR = 'SUPERVISOR',
}
