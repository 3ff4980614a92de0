import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import type { AccountView } from '@strata/location-service';
import { LaunchError } from '../launcher/launch-error.js';
import { ADMIN_FLAGS, ADMIN_FLAGS_USAGE, adminClientFrom } from './admin-target.js';
import { printJson, printTable } from './output.js';

const USAGE = `usage: strata accounts <create NAME [--stamp ID] [--request-token TOKEN] | list | show NAME | delete NAME [--force] | rotate-keys NAME> ${ADMIN_FLAGS_USAGE}`;

/**
 * `strata accounts ...`: the location service's accounts through its admin API. `create`
 * prints the new account's access key id and secret; `--json` prints what the API answered.
 */
export async function accountsCommand(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { ...ADMIN_FLAGS, stamp: { type: 'string' }, 'request-token': { type: 'string' }, force: { type: 'boolean', default: false } },
    strict: true,
    allowPositionals: true,
  });
  const [action, name, ...extra] = positionals;
  const needsName = action !== 'list';
  if (!action || !['create', 'list', 'show', 'delete', 'rotate-keys'].includes(action) || (needsName && !name) || (!needsName && name) || extra.length > 0)
    throw new LaunchError(USAGE);
  const admin = adminClientFrom(values);
  if (action === 'list') {
    const accounts = await admin.listAccounts();
    if (values.json) return printJson({ accounts });
    return printTable(
      ['NAME', 'STAMP', 'STATE', 'DNS NAME', 'CREATED'],
      accounts.map((a) => [a.name, a.stampId, a.state, a.dnsName, a.createdAt]),
    );
  }
  if (action === 'delete') {
    const result = await admin.deleteAccount(name!, { force: values.force });
    if (values.json) return printJson(result);
    process.stdout.write(`deleted account ${result.deleted}${values.force ? ` and its data (${result.containers} containers, ${result.blobs} blobs)` : ''}\n`);
    return;
  }
  // A token of our own makes retries of this creation (after a failover) safe.
  const account =
    action === 'create'
      ? await admin.createAccount({ name: name!, requestToken: values['request-token'] ?? randomUUID(), ...(values.stamp ? { stampId: values.stamp } : {}) })
      : action === 'show'
        ? await admin.showAccount(name!)
        : await admin.rotateKeys(name!);
  if (values.json) return printJson(account);
  printAccount(account);
}

function printAccount(account: AccountView): void {
  const rows: [string, string][] = [
    ['account', account.name],
    ['stamp', account.stampId],
    ['state', account.state],
    ['dns name', account.dnsName],
    ['created', account.createdAt],
  ];
  for (const [i, key] of (account.keys ?? []).entries()) {
    rows.push([`key ${i + 1} access key id`, key.accessKeyId], [`key ${i + 1} secret`, key.secretAccessKey]);
  }
  const width = Math.max(...rows.map(([label]) => label.length));
  process.stdout.write(`${rows.map(([label, value]) => `${label.padEnd(width)}  ${value}`).join('\n')}\n`);
}
