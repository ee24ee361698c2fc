import { AgencyKind, Role } from '@motcua/domain';
import { CATALOG_FORMAT, CatalogDocument } from '@motcua/catalog';

const RETURN_DESK = {
  key: 'tra-ket-qua',
  kind: 'task' as const,
  name: 'Trả kết quả tại Bộ phận Một cửa',
  performer: { receivingAgency: true as const },
  role: Role.RECEPTION,
  budget: { amount: 0.5, unit: 'working_days' as const },
  next: [],
};

/**
 * Six procedures covering every workflow pattern. Codes 1.001193 (khai sinh), 2.000815 (chứng thực bản
 * sao) and 2.000720 (hộ kinh doanh) are national codes; the land, investment and criminal-record codes
 * are placeholders in the national format, and legal times follow the usual provincial decisions.
 */
export const DEMO_CATALOG: CatalogDocument = {
  format: CATALOG_FORMAT,
  procedures: [
    {
      code: '2.000815',
      name: 'Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan, tổ chức có thẩm quyền của Việt Nam cấp',
      field: 'Chứng thực',
      level: 'commune',
      legalTime: { amount: 0, unit: 'working_days' },
      documents: [
        { key: 'ban-chinh', name: 'Bản chính giấy tờ, văn bản làm cơ sở để chứng thực bản sao', originals: 1, copies: 0, mandatory: true },
        { key: 'ban-sao', name: 'Bản sao cần chứng thực', originals: 0, copies: 1, mandatory: true },
      ],
      fees: [{ name: 'Phí chứng thực bản sao (mỗi trang)', amount: 2000 }],
      onlineLevel: 'partial',
      leadAgencyKind: AgencyKind.PEOPLES_COMMITTEE,
      coordinatingAgencyKinds: [],
      supplementMode: 'restart',
      variants: [],
      workflows: [
        {
          variant: null,
          steps: [
            { key: 'chung-thuc', kind: 'task', name: 'Đối chiếu và chứng thực', performer: { receivingAgency: true }, role: Role.PROCESSOR, budget: { amount: 2, unit: 'working_hours' }, next: ['ky'] },
            { key: 'ky', kind: 'task', name: 'Ký chứng thực', performer: { receivingAgency: true }, role: Role.LEADER, budget: { amount: 1, unit: 'working_hours' }, next: ['tra-ket-qua'] },
            { ...RETURN_DESK, budget: { amount: 1, unit: 'working_hours' } },
          ],
        },
      ],
    },
    {
      code: '1.001193',
      name: 'Đăng ký khai sinh',
      field: 'Hộ tịch',
      level: 'commune',
      legalTime: { amount: 1, unit: 'working_days' },
      documents: [
        { key: 'to-khai', name: 'Tờ khai đăng ký khai sinh', template: 'Mẫu tờ khai đăng ký khai sinh', originals: 1, copies: 0, mandatory: true },
        { key: 'giay-chung-sinh', name: 'Giấy chứng sinh hoặc giấy tờ thay thế', originals: 1, copies: 0, mandatory: true },
        { key: 'uy-quyen', name: 'Văn bản ủy quyền (nếu nộp thay)', originals: 1, copies: 0, mandatory: false },
      ],
      fees: [],
      onlineLevel: 'full',
      leadAgencyKind: AgencyKind.PEOPLES_COMMITTEE,
      coordinatingAgencyKinds: [],
      supplementMode: 'restart',
      variants: [
        {
          key: 'ket-hop-nhan-cha-me-con',
          name: 'Đăng ký khai sinh kết hợp nhận cha, mẹ, con',
          legalTime: { amount: 3, unit: 'working_days' },
          documents: [
            { key: 'to-khai', name: 'Tờ khai đăng ký khai sinh và nhận cha, mẹ, con', originals: 1, copies: 0, mandatory: true },
            { key: 'giay-chung-sinh', name: 'Giấy chứng sinh hoặc giấy tờ thay thế', originals: 1, copies: 0, mandatory: true },
            { key: 'chung-cu-quan-he', name: 'Chứng cứ chứng minh quan hệ cha, mẹ, con', originals: 1, copies: 0, mandatory: true },
          ],
        },
      ],
      workflows: [
        {
          variant: null,
          steps: [
            { key: 'tham-dinh', kind: 'task', name: 'Công chức tư pháp – hộ tịch kiểm tra, ghi sổ', performer: { receivingAgency: true }, role: Role.PROCESSOR, budget: { amount: 0.5, unit: 'working_days' }, next: ['ky'] },
            { key: 'ky', kind: 'task', name: 'Chủ tịch UBND ký Giấy khai sinh', performer: { receivingAgency: true }, role: Role.LEADER, budget: { amount: 1.5, unit: 'working_hours' }, next: ['tra-ket-qua'] },
            { ...RETURN_DESK, budget: { amount: 2, unit: 'working_hours' } },
          ],
        },
      ],
    },
    {
      code: '2.000720',
      name: 'Đăng ký thành lập hộ kinh doanh',
      field: 'Thành lập và hoạt động của hộ kinh doanh',
      level: 'district',
      legalTime: { amount: 3, unit: 'working_days' },
      documents: [
        { key: 'giay-de-nghi', name: 'Giấy đề nghị đăng ký hộ kinh doanh', template: 'Phụ lục III-1', originals: 1, copies: 0, mandatory: true },
        { key: 'giay-to-phap-ly', name: 'Bản sao giấy tờ pháp lý của cá nhân', originals: 0, copies: 1, mandatory: true },
      ],
      fees: [{ name: 'Lệ phí đăng ký hộ kinh doanh', amount: 100000 }],
      onlineLevel: 'full',
      leadAgencyKind: AgencyKind.PEOPLES_COMMITTEE,
      coordinatingAgencyKinds: [AgencyKind.TAX_OFFICE],
      supplementMode: 'restart',
      variants: [],
      workflows: [
        {
          variant: null,
          steps: [
            { key: 'tham-dinh', kind: 'task', name: 'Phòng chuyên môn thẩm định', performer: { agencyKind: AgencyKind.PEOPLES_COMMITTEE, level: 'district' }, role: Role.PROCESSOR, budget: { amount: 1.5, unit: 'working_days' }, next: ['phe-duyet'] },
            { key: 'phe-duyet', kind: 'task', name: 'Lãnh đạo phê duyệt, cấp Giấy chứng nhận', performer: { agencyKind: AgencyKind.PEOPLES_COMMITTEE, level: 'district' }, role: Role.LEADER, budget: { amount: 0.5, unit: 'working_days' }, next: ['tra-ket-qua'] },
            RETURN_DESK,
          ],
        },
      ],
    },
    {
      code: '1.004227',
      name: 'Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất do chuyển nhượng',
      field: 'Đất đai',
      level: 'district',
      legalTime: { amount: 10, unit: 'working_days' },
      documents: [
        { key: 'don-dang-ky', name: 'Đơn đăng ký biến động đất đai, tài sản gắn liền với đất', template: 'Mẫu số 11/ĐK', originals: 1, copies: 0, mandatory: true },
        { key: 'hop-dong', name: 'Hợp đồng chuyển nhượng quyền sử dụng đất đã công chứng', originals: 1, copies: 0, mandatory: true },
        { key: 'giay-chung-nhan', name: 'Bản gốc Giấy chứng nhận đã cấp', originals: 1, copies: 0, mandatory: true },
        { key: 'to-khai-thue', name: 'Tờ khai thuế thu nhập cá nhân, lệ phí trước bạ', originals: 1, copies: 0, mandatory: true },
      ],
      fees: [{ name: 'Lệ phí cấp Giấy chứng nhận', amount: 50000 }],
      onlineLevel: 'partial',
      leadAgencyKind: AgencyKind.LAND_REGISTRY,
      coordinatingAgencyKinds: [AgencyKind.TAX_OFFICE, AgencyKind.PEOPLES_COMMITTEE],
      supplementMode: 'restart',
      variants: [],
      workflows: [
        {
          variant: null,
          steps: [
            { key: 'tham-dinh', kind: 'task', name: 'Chi nhánh Văn phòng Đăng ký đất đai thẩm định, gửi thông tin địa chính', performer: { agencyKind: AgencyKind.LAND_REGISTRY, level: 'district' }, role: Role.PROCESSOR, budget: { amount: 3, unit: 'working_days' }, next: ['nghia-vu-tai-chinh'] },
            { key: 'nghia-vu-tai-chinh', kind: 'task', name: 'Cơ quan thuế xác định nghĩa vụ tài chính', performer: { agencyKind: AgencyKind.TAX_OFFICE, level: 'district' }, role: Role.PROCESSOR, budget: { amount: 2, unit: 'working_days' }, next: ['cap-giay'] },
            { key: 'cap-giay', kind: 'task', name: 'Chi nhánh Văn phòng Đăng ký đất đai cập nhật, cấp Giấy chứng nhận', performer: { agencyKind: AgencyKind.LAND_REGISTRY, level: 'district' }, role: Role.PROCESSOR, budget: { amount: 3, unit: 'working_days' }, next: ['tra-ket-qua'] },
            RETURN_DESK,
          ],
        },
      ],
    },
    {
      code: '1.009645',
      name: 'Cấp Giấy chứng nhận đăng ký đầu tư đối với dự án không thuộc diện chấp thuận chủ trương đầu tư',
      field: 'Đầu tư tại Việt Nam',
      level: 'province',
      legalTime: { amount: 15, unit: 'working_days' },
      documents: [
        { key: 'van-ban-de-nghi', name: 'Văn bản đề nghị thực hiện dự án đầu tư', template: 'Mẫu A.I.1', originals: 1, copies: 0, mandatory: true },
        { key: 'de-xuat-du-an', name: 'Đề xuất dự án đầu tư', originals: 1, copies: 3, mandatory: true },
        { key: 'nang-luc-tai-chinh', name: 'Tài liệu chứng minh năng lực tài chính của nhà đầu tư', originals: 0, copies: 1, mandatory: true },
      ],
      fees: [],
      onlineLevel: 'partial',
      leadAgencyKind: AgencyKind.DEPARTMENT,
      coordinatingAgencyKinds: [AgencyKind.PEOPLES_COMMITTEE],
      supplementMode: 'resume',
      variants: [],
      workflows: [
        {
          variant: null,
          steps: [
            { key: 'tham-dinh', kind: 'task', name: 'Sở Kế hoạch và Đầu tư thẩm định hồ sơ', performer: { agencyCode: '000.00.13.H56' }, role: Role.PROCESSOR, budget: { amount: 3, unit: 'working_days' }, next: ['lay-y-kien'] },
            { key: 'lay-y-kien', kind: 'fork', name: 'Lấy ý kiến các sở liên quan', next: ['y-kien-tnmt', 'y-kien-xay-dung'] },
            { key: 'y-kien-tnmt', kind: 'task', name: 'Sở Tài nguyên và Môi trường cho ý kiến', performer: { agencyCode: '000.00.12.H56' }, role: Role.PROCESSOR, budget: { amount: 5, unit: 'working_days' }, next: ['tong-hop'] },
            { key: 'y-kien-xay-dung', kind: 'task', name: 'Sở Xây dựng cho ý kiến', performer: { agencyCode: '000.00.15.H56' }, role: Role.PROCESSOR, budget: { amount: 5, unit: 'working_days' }, optional: true, next: ['tong-hop'] },
            { key: 'tong-hop', kind: 'join', name: 'Tổng hợp ý kiến', fork: 'lay-y-kien', next: ['quyet-dinh'] },
            { key: 'quyet-dinh', kind: 'task', name: 'Lãnh đạo Sở cấp Giấy chứng nhận đăng ký đầu tư', performer: { agencyCode: '000.00.13.H56' }, role: Role.LEADER, budget: { amount: 2, unit: 'working_days' }, next: ['tra-ket-qua'] },
            RETURN_DESK,
          ],
        },
      ],
    },
    {
      code: '2.000488',
      name: 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam',
      field: 'Lý lịch tư pháp',
      level: 'province',
      legalTime: { amount: 10, unit: 'working_days' },
      channelTimes: { online: { amount: 9, unit: 'working_days' } },
      documents: [
        { key: 'to-khai', name: 'Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp', template: 'Mẫu số 03/2013/TT-LLTP', originals: 1, copies: 0, mandatory: true },
        { key: 'giay-to-tuy-than', name: 'Giấy tờ tùy thân (căn cước)', originals: 0, copies: 1, mandatory: true },
      ],
      fees: [{ name: 'Phí cung cấp thông tin lý lịch tư pháp', amount: 200000 }],
      onlineLevel: 'full',
      leadAgencyKind: AgencyKind.DEPARTMENT,
      coordinatingAgencyKinds: [],
      supplementMode: 'restart',
      variants: [],
      workflows: [
        {
          variant: null,
          steps: [
            { key: 'tra-cuu', kind: 'task', name: 'Tra cứu, xác minh thông tin lý lịch tư pháp', performer: { agencyCode: '000.00.14.H56' }, role: Role.PROCESSOR, budget: { amount: 6, unit: 'working_days' }, next: ['ky-phieu'] },
            { key: 'ky-phieu', kind: 'task', name: 'Lãnh đạo Sở ký Phiếu lý lịch tư pháp', performer: { agencyCode: '000.00.14.H56' }, role: Role.LEADER, budget: { amount: 2, unit: 'working_days' }, next: ['tra-ket-qua'] },
            RETURN_DESK,
          ],
        },
      ],
    },
  ],
};
