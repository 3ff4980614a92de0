import { runRole } from '@strata/common';
import { streamManagerSchema, startStreamManager } from './stream-manager-role.js';

await runRole({ role: 'stream-manager', schema: streamManagerSchema, start: startStreamManager });
