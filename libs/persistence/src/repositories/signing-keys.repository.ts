import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface StoredSigningKey {
  pkcs12: Buffer;
  passphrase: string;
  installedAt: Date;
}

/**
 * The agencies' signing keys. The PKCS#12 file and its passphrase are kept together, so the database
 * must be guarded as the keys are; a remote signing service or an HSM is the way beyond that.
 */
@Injectable()
export class SigningKeysRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async forAgency(agencyId: string): Promise<StoredSigningKey | null> {
    const [row] = await this.db.query(`SELECT pkcs12, passphrase, installed_at FROM agency_signing_keys WHERE agency_id = $1`, [agencyId]);
    return row ? { pkcs12: row.pkcs12, passphrase: row.passphrase, installedAt: row.installed_at } : null;
  }

  /** Installs (or replaces) an agency's key; answers when. */
  async install(agencyId: string, key: Omit<StoredSigningKey, 'installedAt'>): Promise<Date> {
    const [row] = await this.db.query(
      `INSERT INTO agency_signing_keys (agency_id, pkcs12, passphrase) VALUES ($1, $2, $3)
       ON CONFLICT (agency_id) DO UPDATE SET pkcs12 = EXCLUDED.pkcs12, passphrase = EXCLUDED.passphrase, installed_at = now()
       RETURNING installed_at`,
      [agencyId, key.pkcs12, key.passphrase],
    );
    return row.installed_at;
  }
}
