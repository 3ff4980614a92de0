import { UPLOAD_LIST_RESULTS_MAX } from '@strata/partition-layer';
import { S3Error } from '../errors.js';

/** max-parts / max-uploads: an integer from 0; above 1000 is served as 1000 (as S3 does); default 1000. */
export function parsePageSize(name: 'max-parts' | 'max-uploads', value: string | null): number {
  if (value === null || value === '') return UPLOAD_LIST_RESULTS_MAX;
  if (!/^\d{1,10}$/.test(value))
    throw new S3Error('InvalidArgument', `Provided ${name} not an integer or within integer range`, { argumentName: name, argumentValue: value });
  return Math.min(Number(value), UPLOAD_LIST_RESULTS_MAX);
}

/** part-number-marker: a part number (exclusive); 0 or absent lists from the first part. */
export function parsePartNumberMarker(value: string | null): number {
  if (value === null || value === '') return 0;
  if (!/^\d{1,5}$/.test(value)) {
    throw new S3Error('InvalidArgument', 'Provided part-number-marker not an integer or within integer range', {
      argumentName: 'part-number-marker',
      argumentValue: value,
    });
  }
  return Number(value);
}
