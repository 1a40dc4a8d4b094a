// Generates src/schema.ts from openapi.yaml with openapi-typescript.
// `--check` regenerates in memory and fails when the committed file is stale.
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

const root = new URL('../', import.meta.url);
const specUrl = new URL('openapi.yaml', root);
const outPath = fileURLToPath(new URL('src/schema.ts', root));
const header = '// Generated from openapi.yaml by `npm run generate -w @partnerkit/api`. Do not edit.\n\n';

const ast = await openapiTS(specUrl, { alphabetize: false, immutable: false });
const source = header + astToString(ast);

if (process.argv.includes('--check')) {
  const current = await readFile(outPath, 'utf8').catch(() => '');
  if (current !== source) {
    console.error(
      'packages/api/src/schema.ts is stale: run `npm run generate -w @partnerkit/api` and commit the result.',
    );
    process.exit(1);
  }
  console.log('api: generated types are up to date with openapi.yaml');
} else {
  await writeFile(outPath, source);
  console.log(`api: wrote ${outPath}`);
}
