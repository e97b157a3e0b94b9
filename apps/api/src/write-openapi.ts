import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { generateOpenApiJson } from './openapi.js';

/**
 * `npm run openapi` writes openapi.json, which is committed. With `--check` it only compares and exits 1 on drift
 * (the test suite runs that against the build, so the check sees exactly what production serves).
 */
const file = new URL('../../../../openapi.json', import.meta.url);
const generated = await generateOpenApiJson();
if (process.argv.includes('--check')) {
  const committed = readFileSync(file, 'utf8');
  if (committed !== generated) {
    console.error('openapi.json is out of date: run `npm run openapi` and commit it');
    process.exit(1);
  }
  console.log('openapi.json is up to date');
} else {
  writeFileSync(file, generated);
  console.log('openapi.json written');
}
