import { rethrowIfAssertion } from './assert.js';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';

export { z };

/** A bad or unknown configuration value: the process exits with this one line. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export interface ConfigSources {
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
}

const kebab = (key: string): string => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
const envName = (key: string): string => `STRATA_${key.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`;

function isBooleanField(field: z.ZodType): boolean {
  let def = (field as unknown as { _zod: { def: { type: string; innerType?: z.ZodType } } })._zod.def;
  while (def.innerType) def = (def.innerType as unknown as { _zod: { def: typeof def } })._zod.def;
  return def.type === 'boolean';
}

/**
 * Reads one process's typed config. Every key of `schema` can be given as a flag
 * (`--data-dir`), an environment variable (`STRATA_DATA_DIR`) or a key of the JSON file named by
 * `--config`; flags win over the environment, which wins over the file, which wins over the
 * schema's defaults. Throws {@link ConfigError} naming the first bad or unknown field.
 */
export function parseConfig<Shape extends z.ZodRawShape>(schema: z.ZodObject<Shape>, sources: ConfigSources): z.infer<z.ZodObject<Shape>> {
  const keys = Object.keys(schema.shape);
  const options: Record<string, { type: 'string' | 'boolean' }> = { config: { type: 'string' } };
  for (const key of keys) {
    options[kebab(key)] = { type: isBooleanField(schema.shape[key] as z.ZodType) ? 'boolean' : 'string' };
  }
  let flags: Record<string, string | boolean | undefined>;
  try {
    flags = parseArgs({ args: [...sources.argv], options, strict: true, allowPositionals: false }).values as typeof flags;
  } catch (error) {
    rethrowIfAssertion(error);
    throw new ConfigError((error as Error).message.split('\n')[0] ?? 'bad arguments');
  }
  const raw: Record<string, unknown> = readConfigFile(flags.config);
  for (const key of Object.keys(raw)) {
    if (!keys.includes(key)) throw new ConfigError(`unknown key "${key}" in ${String(flags.config)}`);
  }
  for (const key of keys) {
    const fromEnv = sources.env[envName(key)];
    if (fromEnv !== undefined && fromEnv !== '') raw[key] = isBooleanField(schema.shape[key] as z.ZodType) ? fromEnv === 'true' : fromEnv;
    const fromFlag = flags[kebab(key)];
    if (fromFlag !== undefined) raw[key] = fromFlag;
  }
  const result = schema.strict().safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    const key = String(issue?.path[0] ?? '');
    const given = raw[key] === undefined ? 'nothing' : JSON.stringify(raw[key]);
    throw new ConfigError(`--${kebab(key)} (${envName(key)}): ${issue?.message ?? 'invalid'}, got ${given}`);
  }
  return result.data;
}

function readConfigFile(path: string | boolean | undefined): Record<string, unknown> {
  if (typeof path !== 'string') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    rethrowIfAssertion(error);
    throw new ConfigError(`--config ${path}: ${(error as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ConfigError(`--config ${path}: expected a JSON object`);
  }
  return { ...(parsed as Record<string, unknown>) };
}

/** Field helpers shared by the roles' config schemas. */
export const configFields = {
  /** `host:port`; port 0 asks the OS for a free one. */
  address: () => z.string().regex(/^(\[[0-9a-fA-F:]+\]|[A-Za-z0-9.-]+):\d{1,5}$/, 'expected host:port'),
  /** A comma-separated list of `host:port`. */
  addresses: () =>
    z
      .string()
      .regex(/^((\[[0-9a-fA-F:]+\]|[A-Za-z0-9.-]+):\d{1,5})(,(\[[0-9a-fA-F:]+\]|[A-Za-z0-9.-]+):\d{1,5})*$/, 'expected host:port[,host:port...]')
      .transform((value) => value.split(',')),
  /** An etcd key prefix: starts with "/", no trailing "/". */
  etcdPrefix: () => z.string().regex(/^(\/[A-Za-z0-9._-]+)+$/, 'expected /a/b (no trailing slash)'),
  /** An id of a node or stamp: lower-case letters, digits and dashes. */
  id: () => z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'expected lower-case letters, digits and dashes'),
  positiveInt: () => z.coerce.number().int().positive(),
  logLevel: () => z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
};

/** The keys every process that talks to etcd has: where etcd is, its key prefix, and log level. */
export function etcdConfigFields(defaultPrefix: string) {
  return {
    etcd: configFields.addresses().default(['127.0.0.1:2379']),
    etcdPrefix: configFields.etcdPrefix().default(defaultPrefix),
    logLevel: configFields.logLevel(),
  };
}
