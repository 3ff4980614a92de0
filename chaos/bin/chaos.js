#!/usr/bin/env node
// `npm run chaos`: the compiled harness, built by `npm run chaos` itself (tsc -b chaos).
import { main } from '../dist/cli.js';

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`chaos: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
}
