import type { partitionV1 } from '@strata/protos';
import { PartitionError } from '../../errors.js';
import { TAG_KEY_CHARS_MAX, TAG_VALUE_CHARS_MAX } from '../../limits.js';

/**
 * A tag set to store, checked against the limits every stored set keeps (the front-end checks
 * S3's finer rules and answers S3's errors first): at most `tagsMax` tags, keys of 1 to 128
 * and values of at most 256 UTF-16 code units, keys unique. Returns it in key order.
 * @throws PartitionError INVALID_ARGUMENT
 */
export function checkTags(tags: readonly partitionV1.Tag[], tagsMax: number): partitionV1.Tag__Output[] {
  if (tags.length > tagsMax) throw new PartitionError('INVALID_ARGUMENT', `at most ${tagsMax} tags, not ${tags.length}`);
  const sorted = tags.map((tag) => ({ key: tag.key ?? '', value: tag.value ?? '' })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  sorted.forEach((tag, i) => {
    if (tag.key.length === 0 || tag.key.length > TAG_KEY_CHARS_MAX || tag.value.length > TAG_VALUE_CHARS_MAX)
      throw new PartitionError('INVALID_ARGUMENT', `a tag key has 1 to ${TAG_KEY_CHARS_MAX} characters, a value at most ${TAG_VALUE_CHARS_MAX}`);
    if (i > 0 && sorted[i - 1]!.key === tag.key) throw new PartitionError('INVALID_ARGUMENT', `tag key ${JSON.stringify(tag.key)} given twice`);
  });
  return sorted;
}
