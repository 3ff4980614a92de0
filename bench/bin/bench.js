#!/usr/bin/env node
// `npm run bench`: the compiled harness, built by `npm run build`.
import { main } from '../dist/cli.js';

process.exitCode = await main(process.argv.slice(2));
