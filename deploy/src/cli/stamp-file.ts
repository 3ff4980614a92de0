import { rethrowIfAssertion } from '@strata/common';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { StampInfo } from '../launcher/stamp.js';
import { LaunchError } from '../launcher/launch-error.js';

/** The stamp.json of a running local stamp, from its data directory. */
export function readStampFile(dataDir: string): StampInfo {
  const path = join(resolve(dataDir), 'stamp.json');
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as StampInfo;
  } catch (error) {
    rethrowIfAssertion(error);
    throw new LaunchError(`cannot read ${path} (is a stamp running there? start one with npm start): ${(error as Error).message}`);
  }
}
