import { runRole } from '@strata/common';
import { partitionManagerSchema, startPartitionManager } from './partition-manager-role.js';

await runRole({ role: 'partition-manager', schema: partitionManagerSchema, start: startPartitionManager });
