import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from './source-files.js';

function files(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (at: string): void => {
    for (const name of readdirSync(at)) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.set(relative(dir, path), readFileSync(path, 'utf8'));
    }
  };
  walk(dir);
  return out;
}

describe('protos/src/generated', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'strata-protos-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('is exactly what `npm run protos:gen` makes from the .proto files', () => {
    execFileSync(process.execPath, [join(ROOT, 'protos', 'scripts', 'generate.mjs'), '--check', scratch], { stdio: 'pipe' });
    const fresh = files(scratch);
    const committed = files(join(ROOT, 'protos', 'src', 'generated'));
    expect([...committed.keys()].sort()).toEqual([...fresh.keys()].sort());
    for (const [path, text] of fresh) expect(committed.get(path), `${path} drifted: run npm run protos:gen`).toBe(text);
  });
});
