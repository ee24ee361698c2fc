export enum Role {
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
