import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCATION_ERROR_CODES } from '@strata/location-service';
import { PARTITION_ERROR_CODES } from '@strata/partition-layer';
import { STREAM_ERROR_CODES } from '@strata/stream-layer';
import { S3_ERROR_STATUS } from '@strata/frontend';
import { ROOT } from './source-files.js';

describe('docs/errors.md', () => {
  const doc = readFileSync(join(ROOT, 'docs', 'errors.md'), 'utf8');
  const section = (title: string): string => doc.split(/^## /m).find((part) => part.startsWith(title)) ?? '';

  it.each([
    ['Stream layer', STREAM_ERROR_CODES],
    ['Partition layer', PARTITION_ERROR_CODES],
    ['Location service', LOCATION_ERROR_CODES],
    ['S3', Object.keys(S3_ERROR_STATUS)],
  ] as const)('describes every %s error code', (title, codes) => {
    const text = section(title);
    expect(text, `a "## ${title}" section`).not.toBe('');
    expect(codes.filter((code) => !text.includes(`\`${code}\``))).toEqual([]);
  });

  it('gives each S3 code the status the front-end answers with', () => {
    for (const [code, status] of Object.entries(S3_ERROR_STATUS)) {
      expect(section('S3'), code).toMatch(new RegExp(`\\| \`${code}\` \\| ${status} \\|`));
    }
  });
});
