import { Injectable } from '@nestjs/common';
import { AppConfig } from '@motcua/config';
import { currentAppointment, DomainError, Dossier, DossierFile, Duration, ErrorCode, HistoryEntry } from '@motcua/domain';
import type { Actor } from '@motcua/domain';
import { AgenciesRepository, FilesRepository, TasksRepository, UnitsRepository } from '@motcua/persistence';
import type { ControlSlip, Slip, SlipForm, SlipHeader, SlipPerson } from '@motcua/slips';
import { IntakeService } from './intake.service';

const UNIT_LABEL: Record<Duration['unit'], string> = {
  working_days: 'ngày làm việc',
  working_hours: 'giờ làm việc',
  half_days: 'buổi làm việc',
  calendar_days: 'ngày',
  months: 'tháng',
};

/** Place names print without their type: 'Thành phố Nha Trang' → 'Nha Trang'. */
/** The latest current result file, as BM.05 names it. */
function resultOf(files: DossierFile[]): ControlSlip['result'] {
  const result = files.filter((file) => file.kind === 'result').pop();
  return result ? { number: result.resultNumber!, date: result.resultDate!, signed: result.signed } : undefined;
}

const TYPE_PREFIX = /^(Thành phố|Tỉnh|Quận|Huyện|Thị xã|Phường|Xã|Thị trấn|Đặc khu)\s+/;

/** Turns a dossier into the slip a form prints; which forms exist depends on what happened to it. */
@Injectable()
export class SlipsService {
  constructor(
    private readonly intake: IntakeService,
    private readonly agencies: AgenciesRepository,
    private readonly units: UnitsRepository,
    private readonly tasks: TasksRepository,
    private readonly files: FilesRepository,
    private readonly config: AppConfig,
  ) {}

  async slip(actor: Actor, code: string, form: SlipForm): Promise<Slip> {
    const { dossier, history } = await this.intake.get(actor, code);
    const agency = (await this.agencies.findById(dossier.receivingAgencyId))!;
    const places = await this.units.namesAlong(agency.unit.unitSet, agency.unit.path);
    const header = (issuedAt: Date): SlipHeader => ({
      parentAgencyName: agency.parent?.name.toUpperCase() ?? '',
      agencyName: agency.name,
      place: (places[1] ?? places[0] ?? '').replace(TYPE_PREFIX, ''),
      issuedAt,
    });
    const applicant = await this.person(dossier);
    const last = (action: string) => [...history].reverse().find((entry) => entry.action === action);
    // BM.01 notes the digitised papers and BM.05 names the result: the files' current versions.
    const currentFiles = async () => (await this.files.list(dossier.id)).filter((file) => file.supersededBy === null);
    const missing = () => new DomainError(ErrorCode.NOT_FOUND, `Dossier ${code} has no slip ${form} in its current state`, { status: dossier.status });

    switch (form) {
      case 'BM.01': {
        const accepted = last('accept');
        if (!dossier.receivedAt || !accepted) throw missing();
        const current = await currentFiles();
        return {
          form,
          header: header(dossier.receivedAt),
          dossierCode: dossier.code,
          registerNumber: dossier.code.split('-')[2],
          receivingUnit: agency.name,
          applicant,
          proxy: dossier.proxy ? { fullName: dossier.proxy.fullName, idNumber: dossier.proxy.idNumber, authorization: dossier.proxy.authorization } : undefined,
          procedureName: dossier.procedureName,
          documents: dossier.documents.map(({ key, name, originals, copies }) => ({
            name,
            originals,
            copies,
            digitised: current.filter((file) => file.kind === 'paper' && file.documentKey === key).length,
          })),
          legalTimeText: legalTimeText(dossier.legalTime),
          receivedAt: dossier.receivedAt,
          appointmentAt: dossier.originalDueAt!,
          collectAt: `Bộ phận Một cửa – ${agency.name}`,
          officerName: officer(accepted),
          statusUrl: `${this.config.PUBLIC_BASE_URL.replace(/\/$/, '')}/tra-cuu?ma=${encodeURIComponent(dossier.code)}`,
          verifier: dossier.verifier,
        };
      }
      case 'BM.02': {
        const asked = last('request-supplement');
        const items = (asked?.details?.items as { what: string; why: string }[] | undefined) ?? dossier.supplementRequest;
        if (!asked || !items) throw missing();
        return {
          form,
          header: header(asked.at),
          dossierCode: dossier.code,
          applicant,
          procedureName: dossier.procedureName,
          items: items.map(({ what, why }) => ({ what, why })),
          officerName: officer(asked),
          officerContact: `Bộ phận Một cửa – ${agency.name}`,
        };
      }
      case 'BM.03': {
        const refused = last('refuse');
        if (!refused || !dossier.refusalReason) throw missing();
        return { form, header: header(refused.at), dossierCode: dossier.code, applicant, procedureName: dossier.procedureName, reason: dossier.refusalReason, officerName: officer(refused) };
      }
      case 'BM.04': {
        if (!dossier.apology || !dossier.receivedAt) throw missing();
        return {
          form,
          header: header(new Date(dossier.apology.issuedAt)),
          dossierCode: dossier.code,
          applicant,
          procedureName: dossier.procedureName,
          receivedAt: dossier.receivedAt,
          originalAppointmentAt: dossier.originalDueAt!,
          reason: dossier.apology.reason,
          newAppointmentAt: new Date(dossier.apology.newDueAt),
        };
      }
      case 'BM.05': {
        if (!dossier.receivedAt) throw missing();
        const tasks = await this.tasks.forDossier(dossier.id);
        const names = new Map<string, string>([[agency.id, agency.name]]);
        for (const id of new Set(tasks.map((task) => task.agencyId))) {
          if (!names.has(id)) names.set(id, (await this.agencies.findById(id))?.name ?? '');
        }
        let giver = agency.name;
        const rows = tasks.map((task) => {
          const receiver = names.get(task.agencyId)!;
          const row = { step: task.stepName, giver, receiver, handedAt: task.activatedAt, dueAt: task.dueAt ?? undefined, result: task.result ?? undefined, note: task.note ?? undefined };
          giver = receiver;
          return row;
        });
        return {
          form,
          header: header(dossier.receivedAt),
          dossierCode: dossier.code,
          procedureName: dossier.procedureName,
          receivedAt: dossier.receivedAt,
          appointmentAt: currentAppointment(dossier)!,
          rows,
          result: resultOf(await currentFiles()),
        };
      }
      default:
        throw missing();
    }
  }

  /** The applicant's address in words, as the slips print it: the street line and the commune's name. */
  async applicantAddress({ applicant }: Dossier): Promise<string> {
    const commune = await this.units.communeName(applicant.address.communeCode);
    return [applicant.address.line, commune].filter(Boolean).join(', ');
  }

  private async person(dossier: Dossier): Promise<SlipPerson> {
    const { applicant } = dossier;
    return {
      fullName: applicant.fullName,
      idNumber: applicant.idNumber,
      address: await this.applicantAddress(dossier),
      phone: applicant.phone,
      email: applicant.email,
    };
  }
}

function officer(entry: HistoryEntry): string {
  return entry.actorName ?? '';
}

export function legalTimeText({ amount, unit }: Duration): string {
  if (amount === 0 && unit === 'working_days') return 'Trong ngày làm việc';
  return `${String(amount).replace('.', ',')} ${UNIT_LABEL[unit]}`;
}
