import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorHandlingFindings } from './error-handling.js';
import { LAYERS, ROOT, sourceFiles, testFiles } from './source-files.js';

/**
 * The layers whose code runs in the stamp's processes. bench/ and chaos/ drive a stamp from
 * outside, in real time, and are held to the other habits only.
 */
const RUNTIME_LAYERS = new Set(['common', 'protos', 'stream-layer', 'partition-layer', 'location-service', 'frontend', 'deploy']);

/** Test machinery inside src/: the one fake clock, and the simulation, which records what fails rather than dying of it. */
const isTestMachinery = (path: string): boolean => path.startsWith('common/src/testing/') || path.includes('/src/simulation/');

const ruled = (path: string): boolean => RUNTIME_LAYERS.has(path.split('/')[0]!) && !isTestMachinery(path);

/** The last commit before the commit-subject rule was checked: older subjects are history. */
const SUBJECT_RULE_SINCE = 'cafa8c5';

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

  it('lets no catch block or rejection handler swallow an assertion failure, nor drop an error without a word', () => {
    const findings = files
      .filter((file) => ruled(file.path))
      .flatMap((file) => errorHandlingFindings(file.path, file.text).map((finding) => `${file.path}:${finding.line} ${finding.problem}`));
    expect(findings).toEqual([]);
  });

  it('arms timers only through the clock', () => {
    const timer = /(^|[^.\w])(setTimeout|setInterval|setImmediate)\(|node:timers/;
    const offenders = files
      .filter((file) => ruled(file.path) && file.path !== 'common/src/clock.ts')
      .flatMap((file) =>
        file.text
          .split('\n')
          .map((line, i) => ({ line, at: i + 1 }))
          .filter(({ line }) => timer.test(line) && !line.trimStart().startsWith('*') && !line.trimStart().startsWith('//'))
          .map(({ line, at }) => `${file.path}:${at}: ${line.trim()}`),
      );
    expect(offenders).toEqual([]);
  });

  it('has tests wait on conditions with deadlines (waitFor), never on fixed sleeps', () => {
    const sleeps = testFiles()
      .filter((file) => file.path !== 'tests/helpers/pause.ts')
      .flatMap((file) =>
        file.text
          .split('\n')
          .map((line, i) => ({ line, at: i + 1 }))
          .filter(({ line }) => /setTimeout\(\s*resolve|timers\/promises/.test(line))
          .map(({ line, at }) => `${file.path}:${at}: ${line.trim()}`),
      );
    expect(sleeps).toEqual([]);
  });

  it('keeps commit subjects to 72 characters', () => {
    const git = (...args: string[]): string => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' });
    // A shallow clone may lack the rule's first commit: then the newest commit is checked.
    const known = (() => {
      try {
        git('cat-file', '-e', `${SUBJECT_RULE_SINCE}^{commit}`);
        return true;
      } catch {
        return false;
      }
    })();
    const subjects = git('log', '--format=%s', known ? `${SUBJECT_RULE_SINCE}..HEAD` : '-1')
      .split('\n')
      .filter(Boolean);
    expect(subjects.length).toBeGreaterThan(0);
    expect(subjects.filter((subject) => subject.length > 72)).toEqual([]);
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
