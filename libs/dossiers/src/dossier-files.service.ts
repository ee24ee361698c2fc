import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { pipeline } from 'node:stream/promises';
import { Injectable, Logger } from '@nestjs/common';
import { CatalogService } from '@motcua/catalog';
import { AppConfig } from '@motcua/config';
import {
  Actor,
  assertActionAllowed,
  Dossier,
  DOSSIER_FILE_KINDS,
  DossierFile,
  DossierFileKind,
  DomainError,
  ErrorCode,
  FieldProblem,
  resolveVariant,
  Role,
  sanitiseFileName,
  toLocalDate,
} from '@motcua/domain';
import { DossiersRepository, FilesRepository, ReusableFile, SigningKeysRepository, TasksRepository } from '@motcua/persistence';
import { checkValidity, describeSigningKey, SignatureCheck, SigningKeyError, signPdf, verifyPdfSignature } from '@motcua/signing';
import { FileInspector, FileStorage, InspectedFile, tooLarge } from '@motcua/storage';

/** What a client says of an upload, before its bytes: the multipart form's fields. */
export interface UploadFields {
  kind?: string;
  documentKey?: string;
  supersedes?: string;
  /** A result's number and symbol (số, ký hiệu) and date (ngày ký). */
  resultNumber?: string;
  resultDate?: string;
}

/** An upload as it arrives: its fields, the name it came with, and its bytes (read once). */
export interface IncomingFile {
  fields: UploadFields;
  fileName: string;
  body: Readable;
}

/** A multipart field has no DTO to validate it; a path's or body's id is checked by the API. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The files of a dossier. Who attaches what: the receiving agency's counter the papers of the
 * checklist (digitised at reception); whoever holds an open step of the dossier its working papers;
 * whoever has claimed a step its result. Everything is checked before the first byte is read, and
 * again under the dossier's lock once it is stored; an upload that fails leaves neither a row nor an
 * object, and one the process did not live to finish is removed by the worker (FilesJanitor).
 */
@Injectable()
export class DossierFilesService {
  private readonly logger = new Logger(DossierFilesService.name);

  constructor(
    private readonly dossiers: DossiersRepository,
    private readonly files: FilesRepository,
    private readonly tasks: TasksRepository,
    private readonly signingKeys: SigningKeysRepository,
    private readonly catalog: CatalogService,
    private readonly storage: FileStorage,
    private readonly config: AppConfig,
  ) {}

  /** `receive` reads the upload's fields once the dossier is known to be visible and open to files (404 and 409 first). */
  async upload(actor: Actor, code: string, receive: () => Promise<IncomingFile>, now: Date): Promise<DossierFile> {
    const dossier = await this.visible(actor, code);
    assertActionAllowed('attachFile', dossier.status, dossier.code);
    const { fields, fileName, body } = await receive();
    const kind = await this.checkFields(actor, dossier, fields, now);
    if ((await this.files.count(dossier.id)) >= this.config.FILE_MAX_PER_DOSSIER) throw this.tooMany();

    const storageKey = `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}/${randomUUID()}`;
    const id = await this.files.begin({
      dossierId: dossier.id,
      kind,
      documentKey: kind === 'paper' ? fields.documentKey! : null,
      name: sanitiseFileName(fileName),
      storageKey,
      uploadedBy: actor.userId,
      uploadedByName: actor.fullName,
      digitisedAtCounter: kind === 'paper',
      supersedes: fields.supersedes ?? null,
      resultNumber: kind === 'result' ? fields.resultNumber!.trim() : null,
      resultDate: kind === 'result' ? fields.resultDate! : null,
    });
    try {
      const stored = kind === 'result' ? await this.storeSigned(actor, storageKey, body, fields, now) : { ...(await this.storeStream(storageKey, body)), signed: false };
      return await this.dossiers.transaction(async (tx) => {
        const locked = (await this.dossiers.lockById(tx, dossier.id))!;
        assertActionAllowed('attachFile', locked.status, locked.code);
        // Uploads racing for the last places: files are stored only under this lock, one at a time.
        if ((await this.files.count(dossier.id, tx)) >= this.config.FILE_MAX_PER_DOSSIER) throw this.tooMany();
        return this.files.store(tx, id, stored, now);
      });
    } catch (error) {
      await this.storage.remove(storageKey).catch((cause: Error) => this.logger.warn(`File ${storageKey} left for the clean-up: ${cause.message}`));
      await this.files.discard(id);
      throw error;
    }
  }

  /** Streams the upload to storage, reading what the metadata needs on the way. */
  private async storeStream(storageKey: string, body: Readable): Promise<InspectedFile> {
    const inspector = new FileInspector(this.config.FILE_MAX_BYTES);
    // The inspector's error (413, 415) is the one to tell, whichever side of the pipe noticed first.
    // The storage's content type is generic: the detected one is known after the first bytes, and downloads take it from the row.
    await Promise.all([pipeline(body, inspector), this.storage.write(storageKey, inspector, 'application/octet-stream')]).catch((error: unknown) => {
      throw inspector.errored ?? error;
    });
    return inspector.inspected;
  }

  /**
   * A result is signed as the agency before it is stored (PAdES: the signature goes inside the PDF),
   * so it is read whole, within the size limit; what is stored, hashed and served is the signed file.
   */
  private async storeSigned(actor: Actor, storageKey: string, body: Readable, fields: UploadFields, now: Date): Promise<InspectedFile & { signed: true }> {
    const inspector = new FileInspector(this.config.FILE_MAX_BYTES);
    const [, pdf] = await Promise.all([pipeline(body, inspector), buffer(inspector)]).catch((error: unknown) => {
      throw inspector.errored ?? error;
    });
    if (inspector.inspected.mediaType !== 'application/pdf') {
      throw new DomainError(ErrorCode.UNSUPPORTED_MEDIA_TYPE, 'An electronic result is a PDF, signed inside the file', {
        fields: [{ field: 'file', reason: 'a result must be a PDF' }],
        accepted: ['application/pdf'],
      });
    }
    const key = await this.signingKeys.forAgency(actor.agencyId);
    if (!key) throw DomainError.field('file', `agency ${actor.agencyCode} has no signing certificate installed: the result cannot be signed`);
    try {
      checkValidity(describeSigningKey(key), now);
    } catch (error) {
      if (!(error instanceof SigningKeyError)) throw error;
      throw DomainError.field('file', `the signing certificate of agency ${actor.agencyCode} cannot sign: ${error.message}; an administrator must install a valid one`);
    }
    const details = { reason: `Kết quả giải quyết thủ tục hành chính số ${fields.resultNumber}`, name: actor.agencyCode, location: 'Việt Nam' };
    const signed = await signPdf(pdf, key, details, now).catch((error: Error) => {
      throw DomainError.field('file', `the PDF cannot be signed: ${error.message}`);
    });
    if (signed.length > this.config.FILE_MAX_BYTES) throw tooLarge(this.config.FILE_MAX_BYTES);
    await this.storage.write(storageKey, Readable.from([signed]), 'application/pdf');
    return { size: signed.length, sha256: createHash('sha256').update(signed).digest('hex'), mediaType: 'application/pdf', signed: true };
  }

  /** Whether a stored PDF's signature still holds: signer, time, and that not a byte changed. */
  async signature(actor: Actor, code: string, id: string): Promise<SignatureCheck> {
    const { file, content } = await this.open(actor, code, id);
    if (file.mediaType !== 'application/pdf') {
      content.destroy();
      return { signed: false, valid: false, signer: null, signedAt: null, coversWholeDocument: false, problem: 'only a PDF carries a signature' };
    }
    return verifyPdfSignature(await buffer(content));
  }

  /** The applicant's papers and results in their earlier dossiers (same ID number, inside the caller's scope). */
  async reusable(actor: Actor, code: string): Promise<ReusableFile[]> {
    return this.offered(actor, await this.visible(actor, code));
  }

  /** The counter attaches an earlier dossier's paper or result as a paper of this one, without scanning it again. */
  async reuse(actor: Actor, code: string, fileId: string, documentKey: string | undefined, now: Date): Promise<DossierFile> {
    const dossier = await this.visible(actor, code);
    assertActionAllowed('attachFile', dossier.status, dossier.code);
    await this.checkFields(actor, dossier, { kind: 'paper', documentKey }, now);
    const from = (await this.offered(actor, dossier)).find((file) => file.id === fileId);
    if (!from) throw DomainError.field('fileId', `file ${fileId} is not one of this applicant's earlier papers or results`);
    return this.dossiers.transaction(async (tx) => {
      const locked = (await this.dossiers.lockById(tx, dossier.id))!;
      assertActionAllowed('attachFile', locked.status, locked.code);
      if ((await this.files.count(dossier.id, tx)) >= this.config.FILE_MAX_PER_DOSSIER) throw this.tooMany();
      return this.files.reuse(tx, dossier.id, from, documentKey!, { id: actor.userId, name: actor.fullName }, now);
    });
  }

  async list(actor: Actor, code: string): Promise<DossierFile[]> {
    return this.files.list((await this.visible(actor, code)).id);
  }

  /** A file's metadata and its bytes, for a download. */
  async open(actor: Actor, code: string, id: string): Promise<{ file: DossierFile; content: Readable }> {
    const dossier = await this.visible(actor, code);
    const file = await this.files.find(dossier.id, id);
    if (!file) throw DomainError.notFound('File', id);
    return { file, content: await this.storage.read(file.storageKey) };
  }

  private async offered(actor: Actor, dossier: Dossier): Promise<ReusableFile[]> {
    return dossier.applicant.idNumber ? this.files.reusable(actor.scope, dossier.applicant.idNumber, dossier.id) : [];
  }

  private async visible(actor: Actor, code: string): Promise<Dossier> {
    const dossier = await this.dossiers.findByCode(actor.scope, code);
    if (!dossier) throw DomainError.notFound('Dossier', code);
    return dossier;
  }

  private async checkFields(actor: Actor, dossier: Dossier, fields: UploadFields, now: Date): Promise<DossierFileKind> {
    const kind = fields.kind as DossierFileKind;
    if (!DOSSIER_FILE_KINDS.includes(kind)) throw DomainError.validation([{ field: 'kind', reason: `must be one of ${DOSSIER_FILE_KINDS.join(', ')}` }]);
    if (fields.supersedes !== undefined && !UUID.test(fields.supersedes)) throw DomainError.validation([{ field: 'supersedes', reason: 'must be the id of a file' }]);
    if (kind === 'paper') {
      if (actor.role !== Role.RECEPTION || actor.agencyId !== dossier.receivingAgencyId) {
        throw new DomainError(ErrorCode.FORBIDDEN, `Only the reception counter of the receiving agency digitises the papers of dossier ${dossier.code}`);
      }
      const { documents } = resolveVariant((await this.catalog.get(dossier.procedureCode)).definition, dossier.variantKey, dossier.channel);
      if (!fields.documentKey) throw DomainError.field('documentKey', 'name the paper of the checklist this file is');
      if (!documents.some((document) => document.key === fields.documentKey)) {
        throw DomainError.field('documentKey', `'${fields.documentKey}' is not a paper of this procedure's checklist`);
      }
    } else {
      if (fields.documentKey !== undefined) throw DomainError.field('documentKey', `only a paper names a checklist line, not a ${kind} file`);
      const steps = await this.tasks.openSteps(dossier.id);
      const mine = steps.filter(({ task }) => task.agencyId === actor.agencyId && task.role === actor.role);
      const holds = kind === 'result' ? mine.some(({ task }) => task.status === 'claimed' && task.assigneeId === actor.userId) : mine.length > 0;
      if (!holds) {
        throw new DomainError(
          ErrorCode.FORBIDDEN,
          kind === 'result'
            ? `Only the officer who has claimed a step of dossier ${dossier.code} attaches its result`
            : `Only an officer with an open step of dossier ${dossier.code} attaches working papers`,
        );
      }
      if (kind === 'result') this.checkResultFields(fields, now);
    }
    if (fields.supersedes) {
      const earlier = await this.files.find(dossier.id, fields.supersedes);
      if (!earlier || earlier.kind !== kind || earlier.documentKey !== (fields.documentKey ?? null)) {
        throw DomainError.field('supersedes', `no ${kind} file ${fields.supersedes} of this dossier${kind === 'paper' ? ` for '${fields.documentKey}'` : ''} to replace`);
      }
      if (earlier.supersededBy) throw DomainError.field('supersedes', `file ${fields.supersedes} was replaced already, by ${earlier.supersededBy}`, ErrorCode.CONFLICT);
    }
    return kind;
  }

  private checkResultFields(fields: UploadFields, now: Date): void {
    const problems: FieldProblem[] = [];
    if (!fields.resultNumber?.trim() || fields.resultNumber.length > 60) {
      problems.push({ field: 'resultNumber', reason: 'give the number and symbol (số, ký hiệu), e.g. 125/QĐ-UBND, at most 60 characters' });
    }
    if (!fields.resultDate || !/^\d{4}-\d{2}-\d{2}$/.test(fields.resultDate) || Number.isNaN(Date.parse(fields.resultDate))) {
      problems.push({ field: 'resultDate', reason: 'give the signing date as YYYY-MM-DD' });
    } else if (fields.resultDate > toLocalDate(now)) problems.push({ field: 'resultDate', reason: 'cannot be after today' });
    if (problems.length > 0) throw DomainError.validation(problems);
  }

  private tooMany(): DomainError {
    return DomainError.field('file', `a dossier holds at most ${this.config.FILE_MAX_PER_DOSSIER} files`);
  }
}
