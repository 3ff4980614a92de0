#!/usr/bin/env node
/**
 * The container image's entrypoint: runs one Strata role in this process (see
 * {@link parseRoleCommand} for the arguments), or answers a HEALTHCHECK from the role's probe port.
 * The role then owns the process: its `runRole` parses the flags, handles SIGTERM and exits.
 */
import { fileURLToPath } from 'node:url';
import { rethrowIfAssertion } from '@strata/common';
import { LocationClient } from '@strata/location-service';
import { parseRoleCommand } from './role-command.js';

const PROBE_TIMEOUT_MS = 3_000;

const command = parseRoleCommand(process.argv.slice(2), process.env);
switch (command.kind) {
  case 'help':
    process.stdout.write(`${command.text}\n`);
    break;
  case 'error':
    process.stderr.write(`strata container: ${command.message}\n`);
    process.exit(2);
    break;
  case 'probe': {
    // Unreachable or slow is unhealthy: the exit code is the whole answer a HEALTHCHECK reads.
    const ok = await fetch(command.url, { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) }).then(
      (response) => response.ok,
      (error: unknown) => {
        rethrowIfAssertion(error);
        return false;
      },
    );
    process.exit(ok ? 0 : 1);
    break;
  }
  case 'account': {
    const client = new LocationClient(command.location);
    try {
      const account = await client.getAccount(command.name);
      const key = account.keys[0];
      process.stdout.write(`${JSON.stringify({ account: account.name, accessKeyId: key?.accessKeyId, secretAccessKey: key?.secretAccessKey })}\n`);
    } catch (error) {
      rethrowIfAssertion(error);
      process.stderr.write(`strata container: account ${command.name}: ${(error as Error).message}\n`);
      process.exitCode = 1;
    } finally {
      client.close();
    }
    break;
  }
  case 'role': {
    const script = fileURLToPath(import.meta.resolve(command.module));
    // The role reads its flags from process.argv, as when it is started as its own script.
    process.argv = [process.argv[0]!, script, ...command.args];
    await import(command.module);
    break;
  }
}
