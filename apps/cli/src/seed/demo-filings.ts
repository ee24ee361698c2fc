import { Injectable } from '@nestjs/common';
import { Clock } from '@motcua/config';
import { IntakeService, type IntakeInput } from '@motcua/dossiers';
import { type Actor, NATIONAL_SCOPE, scopeOf } from '@motcua/domain';
import { DossiersRepository, UsersRepository } from '@motcua/persistence';

/** A filing that waits at a counter's queue, filed as that counter's officer, as the API files one. */
interface DemoFiling {
  counter: string;
  input: IntakeInput;
}

const applicant = (fullName: string, idNumber: string, dateOfBirth: string, phone: string, line: string, communeCode: string): IntakeInput['applicant'] => ({
  kind: 'person',
  fullName,
  idNumber,
  dateOfBirth,
  phone,
  address: { line, communeCode },
});

/**
 * Online and postal filings waiting for the counter's decision, so that a newcomer finds something in
 * the queue: two online and one postal at Phường Vĩnh Hải (the postal one without the tax declaration,
 * to be asked for), one online at Thành phố Nha Trang.
 */
export const DEMO_FILINGS: DemoFiling[] = [
  {
    counter: 'tiepnhan.vinhhai',
    input: {
      procedureCode: '1.001193',
      variant: null,
      channel: 'online',
      applicant: applicant('Trần Thị Mai', '056192004567', '1992-08-15', '0914222333', '45 Đường 2 Tháng 4', '22330'),
      proxy: null,
      documents: [
        { key: 'to-khai', originals: 1, copies: 0 },
        { key: 'giay-chung-sinh', originals: 1, copies: 0 },
      ],
      notes: 'Nộp qua Cổng Dịch vụ công quốc gia',
    },
  },
  {
    counter: 'tiepnhan.vinhhai',
    input: {
      procedureCode: '2.000815',
      variant: null,
      channel: 'online',
      applicant: applicant('Lê Quang Huy', '056188009876', '1988-02-03', '0905777888', '18 Phạm Văn Đồng', '22330'),
      proxy: null,
      documents: [
        { key: 'ban-chinh', originals: 1, copies: 0 },
        { key: 'ban-sao', originals: 0, copies: 2 },
      ],
      notes: 'Nộp qua Cổng Dịch vụ công quốc gia',
    },
  },
  {
    counter: 'tiepnhan.vinhhai',
    input: {
      procedureCode: '1.004227',
      variant: null,
      channel: 'post',
      applicant: applicant('Phan Văn Lợi', '056175003210', '1975-11-20', '0983456789', '7 Nguyễn Đình Chiểu', '22333'),
      proxy: null,
      documents: [
        { key: 'don-dang-ky', originals: 1, copies: 0 },
        { key: 'hop-dong', originals: 1, copies: 0 },
        { key: 'giay-chung-nhan', originals: 1, copies: 0 },
      ],
      notes: 'Nhận qua bưu điện',
    },
  },
  {
    counter: 'tiepnhan.nhatrang',
    input: {
      procedureCode: '2.000720',
      variant: null,
      channel: 'online',
      applicant: applicant('Nguyễn Hoàng Nam', '056190001122', '1990-06-09', '0935123789', '102 Thống Nhất', '22351'),
      proxy: null,
      documents: [
        { key: 'giay-de-nghi', originals: 1, copies: 0 },
        { key: 'giay-to-phap-ly', originals: 0, copies: 1 },
      ],
      notes: 'Nộp qua Cổng Dịch vụ công quốc gia',
    },
  },
];

/** Files the demo's waiting filings through the intake service; one already filed (in any status since) is not filed again. */
@Injectable()
export class DemoFilingsSeeder {
  constructor(
    private readonly intake: IntakeService,
    private readonly dossiers: DossiersRepository,
    private readonly users: UsersRepository,
    private readonly clock: Clock,
  ) {}

  /** Returns the report line for the command line. */
  async run(): Promise<string> {
    let filed = 0;
    for (const filing of DEMO_FILINGS) {
      const actor = await this.counterOfficer(filing.counter);
      if (await this.exists(actor, filing.input)) continue;
      await this.intake.submit(actor, filing.input, this.clock.now());
      filed++;
    }
    return `Online and postal filings waiting at the counters: ${filed} new, ${DEMO_FILINGS.length - filed} already there`;
  }

  /** The same applicant's filing of the procedure, by the same channel, at the same agency. */
  private async exists(actor: Actor, input: IntakeInput): Promise<boolean> {
    const { items } = await this.dossiers.list(NATIONAL_SCOPE, {
      agencyCode: actor.agencyCode,
      procedureCode: input.procedureCode,
      channel: input.channel,
      search: input.applicant.fullName,
      sort: 'submittedAt',
      order: 'asc',
      limit: 100,
      offset: 0,
    });
    return items.some((dossier) => dossier.applicant.idNumber === input.applicant.idNumber);
  }

  private async counterOfficer(username: string): Promise<Actor> {
    const user = await this.users.findActiveByUsername(username);
    if (!user) throw new Error(`Demo user ${username} is missing`);
    return { userId: user.id, username: user.username, fullName: user.fullName, role: user.role, agencyId: user.agencyId, agencyCode: user.agencyCode, scope: scopeOf(user.role, user.unitPath) };
  }
}
