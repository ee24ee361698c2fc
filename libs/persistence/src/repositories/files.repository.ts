import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError, DossierFile, DossierFileKind, ErrorCode, Scope } from '@motcua/domain';
import { inScope } from './scope-sql';

export interface NewUpload {
  dossierId: string;
  kind: DossierFileKind;
  documentKey: string | null;
  name: string;
  storageKey: string;
  uploadedBy: string;
  uploadedByName: string;
  digitisedAtCounter: boolean;
  supersedes: string | null;
  resultNumber: string | null;
  resultDate: string | null;
}

/** A file of an earlier dossier the counter may reuse, with that dossier's code. */
export type ReusableFile = DossierFile & { storageKey: string; dossierCode: string };

export interface StaleUpload {
  id: string;
  storageKey: string;
}

function toFile(row: Record<string, unknown>): DossierFile {
  return {
    id: row.id as string,
    dossierId: row.dossier_id as string,
    kind: row.kind as DossierFileKind,
    documentKey: row.document_key as string | null,
    name: row.name as string,
    mediaType: row.media_type as string,
    size: Number(row.size),
    sha256: row.sha256 as string,
    uploadedBy: row.uploaded_by as string,
    uploadedByName: row.uploaded_by_name as string,
    uploadedAt: row.uploaded_at as Date,
    digitisedAtCounter: row.digitised_at_counter as boolean,
    reusedFrom: row.reused_from as string | null,
    fromCitizenStore: row.from_citizen_store as boolean,
    resultNumber: row.result_number as string | null,
    resultDate: row.result_date as string | null,
    signed: row.signed as boolean,
    supersedes: row.supersedes as string | null,
    supersededBy: (row.superseded_by as string | null) ?? null,
  };
}

const WITH_SUPERSEDED_BY = `SELECT f.*, n.id AS superseded_by FROM dossier_files f LEFT JOIN dossier_files n ON n.supersedes = f.id AND n.state = 'stored'`;

/** The metadata of dossier files; the bytes are in the FileStorage under `storage_key`. */
@Injectable()
export class FilesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Records an upload before its first byte is stored (state `uploading`), so nothing can be lost track
   * of. A version replaces one file once: a second upload replacing the same file is refused here.
   */
  async begin(upload: NewUpload): Promise<string> {
    const rows = await this.db
      .query(
        `INSERT INTO dossier_files (dossier_id, kind, document_key, name, storage_key, uploaded_by, uploaded_by_name, digitised_at_counter, supersedes, result_number, result_date)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
        [
          upload.dossierId,
          upload.kind,
          upload.documentKey,
          upload.name,
          upload.storageKey,
          upload.uploadedBy,
          upload.uploadedByName,
          upload.digitisedAtCounter,
          upload.supersedes,
          upload.resultNumber,
          upload.resultDate,
        ],
      )
      .catch((error: { code?: string; constraint?: string }) => {
        if (error.code === '23505' && error.constraint === 'dossier_files_supersedes_key') {
          throw DomainError.field('supersedes', `file ${upload.supersedes} is being or was replaced already`, ErrorCode.CONFLICT);
        }
        throw error;
      });
    return rows[0].id;
  }

  /** The upload is complete: what was read of it, and from now on immutable. */
  async store(tx: EntityManager, id: string, stored: { size: number; sha256: string; mediaType: string; signed: boolean }, at: Date): Promise<DossierFile> {
    await tx.query(`UPDATE dossier_files SET state = 'stored', size = $2, sha256 = $3, media_type = $4, signed = $5, uploaded_at = $6 WHERE id = $1 AND state = 'uploading'`, [
      id,
      stored.size,
      stored.sha256,
      stored.mediaType,
      stored.signed,
      at,
    ]);
    const [row] = await tx.query(`${WITH_SUPERSEDED_BY} WHERE f.id = $1`, [id]);
    return toFile(row);
  }

  /** An upload that failed: its row goes (the caller removes its bytes). */
  async discard(id: string): Promise<void> {
    await this.db.query(`DELETE FROM dossier_files WHERE id = $1 AND state = 'uploading'`, [id]);
  }

  /** Files a dossier holds, every version counted (not the uploads under way). */
  async count(dossierId: string, manager: EntityManager = this.db.manager): Promise<number> {
    const [{ n }] = await manager.query(`SELECT count(*)::int AS n FROM dossier_files WHERE dossier_id = $1 AND state = 'stored'`, [dossierId]);
    return n;
  }

  async list(dossierId: string): Promise<DossierFile[]> {
    const rows = await this.db.query(`${WITH_SUPERSEDED_BY} WHERE f.dossier_id = $1 AND f.state = 'stored' ORDER BY f.uploaded_at, f.id`, [dossierId]);
    return rows.map(toFile);
  }

  async find(dossierId: string, id: string): Promise<(DossierFile & { storageKey: string }) | null> {
    const [row] = await this.db.query(`${WITH_SUPERSEDED_BY} WHERE f.dossier_id = $1 AND f.id = $2 AND f.state = 'stored'`, [dossierId, id]);
    return row ? { ...toFile(row), storageKey: row.storage_key } : null;
  }

  /**
   * The applicant's current papers and results in their other dossiers inside the scope, newest
   * first: what the counter may reuse instead of scanning again.
   */
  async reusable(scope: Scope, idNumber: string, exceptDossierId: string): Promise<ReusableFile[]> {
    const params: unknown[] = [idNumber, exceptDossierId];
    const rows = await this.db.query(
      `SELECT f.*, NULL AS superseded_by, d.code AS dossier_code FROM dossier_files f JOIN dossiers d ON d.id = f.dossier_id
       WHERE d.applicant ->> 'idNumber' = $1 AND d.id <> $2 AND ${inScope(scope, 'd.receiving_unit_path', params)}
         AND f.state = 'stored' AND f.kind IN ('paper', 'result')
         AND NOT EXISTS (SELECT 1 FROM dossier_files n WHERE n.supersedes = f.id AND n.state = 'stored')
       ORDER BY f.uploaded_at DESC LIMIT 50`,
      params,
    );
    return rows.map((row: Record<string, unknown>) => ({ ...toFile(row), storageKey: row.storage_key as string, dossierCode: row.dossier_code as string }));
  }

  /** Attaches an earlier dossier's file as a paper of this one: a row of its own over the same bytes, flagged as reused. */
  async reuse(tx: EntityManager, dossierId: string, from: DossierFile & { storageKey: string }, documentKey: string, by: { id: string; name: string }, at: Date): Promise<DossierFile> {
    const [{ id }] = await tx.query(
      `INSERT INTO dossier_files (dossier_id, kind, document_key, name, media_type, size, sha256, storage_key, state, uploaded_by, uploaded_by_name, uploaded_at, reused_from, signed)
       VALUES ($1, 'paper', $2, $3, $4, $5, $6, $7, 'stored', $8, $9, $10, $11, $12) RETURNING id`,
      [dossierId, documentKey, from.name, from.mediaType, from.size, from.sha256, from.storageKey, by.id, by.name, at, from.id, from.signed],
    );
    const [row] = await tx.query(`${WITH_SUPERSEDED_BY} WHERE f.id = $1`, [id]);
    return toFile(row);
  }

  /** Uploads begun before `before` and never completed (a crash, a killed process), oldest first. */
  async staleUploads(before: Date, limit: number): Promise<StaleUpload[]> {
    const rows: { id: string; storage_key: string }[] = await this.db.query(`SELECT id, storage_key FROM dossier_files WHERE state = 'uploading' AND uploaded_at < $1 ORDER BY uploaded_at LIMIT $2`, [
      before,
      limit,
    ]);
    return rows.map((row) => ({ id: row.id, storageKey: row.storage_key }));
  }
}
