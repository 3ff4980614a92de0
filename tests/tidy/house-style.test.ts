import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LAYERS, ROOT, sourceFiles } from './source-files.js';

/** Habits of the house (../shared/STYLE.md), checked rather than policed. */
describe('house style', () => {
  const files = sourceFiles();

  it('keeps source files under about 400 lines', () => {
    const long = files.filter((file) => file.text.split('\n').length > 420).map((file) => `${file.path}: ${file.text.split('\n').length} lines`);
    expect(long).toEqual([]);
  });

  it('logs through pino, never console.log, in src/', () => {
    expect(files.filter((file) => /console\.log\(/.test(file.text)).map((file) => file.path)).toEqual([]);
  });

  it('reads the wall clock only in the clock module', () => {
    const offenders = files.filter((file) => file.text.includes('Date.now(') && file.path !== 'common/src/clock.ts').map((file) => file.path);
    expect(offenders).toEqual([]);
  });

  it('has no TODO without an issue number', () => {
    const offenders = files.flatMap((file) =>
      file.text
        .split('\n')
        .filter((line) => /\bTODO\b/.test(line) && !/TODO\(#\d+\)/.test(line))
        .map((line) => `${file.path}: ${line.trim()}`),
    );
    expect(offenders).toEqual([]);
  });

  it('gives every layer a README with its invariants and one public entry', () => {
    for (const layer of LAYERS) {
      expect(existsSync(join(ROOT, layer, 'README.md')), `${layer}/README.md`).toBe(true);
      expect(existsSync(join(ROOT, layer, 'src', 'index.ts')), `${layer}/src/index.ts`).toBe(true);
    }
    for (const layer of ['stream-layer', 'partition-layer', 'location-service', 'frontend']) {
      expect(existsSync(join(ROOT, layer, 'src', 'main')), `${layer}/src/main`).toBe(true);
    }
    for (const layer of ['stream-layer', 'partition-layer', 'location-service']) {
      expect(existsSync(join(ROOT, layer, 'src', 'client')), `${layer}/src/client`).toBe(true);
    }
  });
});
