import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const LAYERS = ['common', 'protos', 'stream-layer', 'partition-layer', 'location-service', 'frontend', 'deploy', 'bench', 'chaos'] as const;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** Every hand-written TypeScript source file of the layers (tests and generated code excluded). */
export function sourceFiles(): { path: string; text: string }[] {
  return LAYERS.flatMap((layer) => walk(join(ROOT, layer, 'src')))
    .filter((path) => path.endsWith('.ts') && !path.endsWith('.test.ts') && !path.includes('/generated/'))
    .map((path) => ({ path: relative(ROOT, path), text: readFileSync(path, 'utf8') }));
}

/** Every test file and test helper (the layers' `*.test.ts` and `tests/`), generated code excluded. */
export function testFiles(): { path: string; text: string }[] {
  const inLayers = LAYERS.flatMap((layer) => walk(join(ROOT, layer, 'src'))).filter((path) => path.endsWith('.test.ts'));
  const inTests = walk(join(ROOT, 'tests')).filter((path) => path.endsWith('.ts'));
  return [...inLayers, ...inTests].map((path) => ({ path: relative(ROOT, path), text: readFileSync(path, 'utf8') }));
}
