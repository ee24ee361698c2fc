import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { API_PREFIX, buildOpenApiDocument } from './bootstrap';

/** Writes openapi.json from the code. Preview mode builds the route map without connecting to anything. */
async function main(): Promise<void> {
  const app = await NestFactory.create(AppModule, { preview: true, logger: false });
  app.setGlobalPrefix(API_PREFIX);
  const file = join(__dirname, '../../../openapi.json');
  writeFileSync(file, `${JSON.stringify(buildOpenApiDocument(app), null, 2)}\n`);
  console.log(`Wrote ${file}`);
}

void main();
