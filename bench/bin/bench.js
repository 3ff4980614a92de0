#!/usr/bin/env node
// `npm run bench`: the compiled harness, built by `npm run build`.
import { main } from '../dist/cli.js';

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
