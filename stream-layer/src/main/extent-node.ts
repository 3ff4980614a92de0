import { runRole } from '@strata/common';
import { extentNodeSchema, startExtentNode } from './extent-node-role.js';

await runRole({ role: 'extent-node', schema: extentNodeSchema, start: startExtentNode });
