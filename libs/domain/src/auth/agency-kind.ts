export enum AgencyKind {
  /** UBND: tỉnh, huyện or xã */
  PEOPLES_COMMITTEE = 'PEOPLES_COMMITTEE',
  /** Trung tâm Phục vụ hành chính công / Bộ phận Một cửa */
  SERVICE_CENTER = 'SERVICE_CENTER',
  /** Sở, phòng chuyên môn */
  DEPARTMENT = 'DEPARTMENT',
  /** Văn phòng / Chi nhánh Văn phòng đăng ký đất đai */
  LAND_REGISTRY = 'LAND_REGISTRY',
  /** Cục / Chi cục Thuế */
  TAX_OFFICE = 'TAX_OFFICE',
  OTHER = 'OTHER',
}
