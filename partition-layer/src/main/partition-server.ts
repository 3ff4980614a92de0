import { runRole } from '@strata/common';
import { partitionServerSchema, startPartitionServer } from './partition-server-role.js';

await runRole({ role: 'partition-server', schema: partitionServerSchema, start: startPartitionServer });
