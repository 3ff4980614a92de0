import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { systemClock, rethrowIfAssertion } from '@strata/common';
import { AdminClient } from '@strata/location-service';
import { LaunchError } from '../launcher/launch-error.js';
import type { StampInfo } from '../launcher/stamp.js';

/** The flags every admin command takes to find the location service. */
export const ADMIN_FLAGS = {
  'data-dir': { type: 'string' },
  admin: { type: 'string' },
  'admin-token': { type: 'string' },
  json: { type: 'boolean', default: false },
} as const;

export const ADMIN_FLAGS_USAGE = '[--data-dir DIR | --admin URL[,URL...] --admin-token TOKEN] [--json]';

/**
 * The admin client the flags point at: `--admin` (comma-separated instances) and
 * `--admin-token` (or STRATA_ADMIN_TOKEN) when given, else what DIR/stamp.json says
 * (`--data-dir`, default ./data).
 */
export function adminClientFrom(values: { 'data-dir'?: string | undefined; admin?: string | undefined; 'admin-token'?: string | undefined }): AdminClient {
  let endpoints = values.admin?.split(',').filter(Boolean);
  let token = values['admin-token'] ?? process.env.STRATA_ADMIN_TOKEN;
  if (!endpoints || !token) {
    const location = stampJson(values['data-dir'] ?? './data').locationService;
    endpoints ??= location.admins.length > 0 ? location.admins : [location.admin];
    token ??= location.adminToken;
  }
  for (const endpoint of endpoints) {
    if (!/^https?:\/\/[^/]+\/?$/.test(endpoint)) throw new LaunchError(`--admin: expected http://host:port, got ${JSON.stringify(endpoint)}`);
  }
  return new AdminClient({ endpoints, token, clock: systemClock });
}

function stampJson(dataDir: string): StampInfo {
  const path = join(resolve(dataDir), 'stamp.json');
  let info: Partial<StampInfo>;
  try {
    info = JSON.parse(readFileSync(path, 'utf8')) as Partial<StampInfo>;
  } catch (error) {
    rethrowIfAssertion(error);
    throw new LaunchError(
      `cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); start Strata there with \`strata start --data-dir ${dataDir}\`, or give --admin and --admin-token`,
    );
  }
  if (!info.locationService?.admin || !info.locationService.adminToken)
    throw new LaunchError(`${path} names no location service; give --admin and --admin-token`);
  return info as StampInfo;
}
