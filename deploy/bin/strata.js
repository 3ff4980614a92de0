#!/usr/bin/env node
// The `strata` command (npx strata ...): the compiled CLI, built by `npm run build`.
import { main } from '../dist/cli/strata.js';

await main(process.argv.slice(2));
