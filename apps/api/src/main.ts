import { Logger } from '@nestjs/common';
import { AppConfig } from '@motcua/config';
import { createApiApp } from './bootstrap';

async function main(): Promise<void> {
  const app = await createApiApp();
  const config = app.get(AppConfig);
  if (config.generatesJwtSecret) {
    Logger.warn('JWT_SECRET is not set: tokens are signed with a random key generated once and kept in the database (table app_secrets).', 'Config');
  }
  await app.listen(config.PORT);
  Logger.log(`API listening on http://localhost:${config.PORT}/api (docs at /api/docs)`, 'Bootstrap');
}

void main();
