import { readFileSync, writeFileSync } from 'node:fs';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { buildOpenApiDocument, setRoutePrefix } from './bootstrap';

const FILE = 'openapi.json';

/**
 * Writes openapi.json from the code, or with --check fails when the committed file has drifted.
 * Preview mode builds the route map without connecting to anything. Run from the repository root.
 */
async function main(check: boolean): Promise<void> {
  const app = await NestFactory.create(AppModule, { preview: true, logger: false });
  setRoutePrefix(app);
  const generated = `${JSON.stringify(buildOpenApiDocument(app), null, 2)}\n`;
  if (!check) {
    writeFileSync(FILE, generated);
    console.log(`Wrote ${FILE}`);
  } else if (readFileSync(FILE, 'utf8') !== generated) {
    console.error(`${FILE} has drifted from the code: run \`npm run openapi\` and commit the result.`);
    process.exitCode = 1;
  }
}

void main(process.argv.includes('--check'));
