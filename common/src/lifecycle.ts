import type { z } from 'zod';
import { AssertionFailure, rethrowIfAssertion } from './assert.js';
import { Workers, type WorkerStatus } from './background-worker.js';
import { systemClock, type Clock } from './clock.js';
import { ConfigError, configFields, parseConfig } from './config.js';
import { createLogger, type Logger } from './logger.js';
import { startProbeServer, type Readiness, type StartedProbeServer } from './probe-server.js';
import { systemRandom, type Random } from './random.js';

export interface RoleContext<Config> {
  config: Config;
  log: Logger;
  clock: Clock;
  random: Random;
  /** The process's background jobs: a role starts each one here, and `runRole` stops them all after the role's own stop. */
  workers: Workers;
}

/** What a started role hands back to its process: where it listens and how to stop it. */
export interface RunningRole {
  /** The address it serves on, reported to the launcher and in the "role ready" log line. */
  address?: string;
  /** Extra fields for the ready message (e.g. the HTTP endpoint of a front-end). */
  info?: Record<string, unknown>;
  /**
   * What the readiness probe asks once the role has started: why it cannot serve (a front-end
   * without a partition map, a partition server still loading, an extent node not registered),
   * or undefined when it can. Without it a started role is ready.
   */
  readiness?: Readiness;
  /** Stops taking work, finishes what is in flight, releases leases and closes files. */
  stop(): Promise<void>;
}

/** The message a role sends its parent (over the fork IPC channel) once it serves. */
export interface ReadyMessage {
  type: 'ready';
  role: string;
  pid: number;
  address?: string;
  info?: Record<string, unknown>;
}

const STOP_DEADLINE_MS = 10_000;

/**
 * The key every role's config has on top of its own: where to serve the liveness, readiness
 * and workers probes (`--probe-listen 0.0.0.0:8081`, `STRATA_PROBE_LISTEN`). Unset, they are
 * served on a free loopback port, reported to the launcher as `probeAddress` (local stamps
 * learn readiness over IPC; `strata workers` asks the port).
 */
const probeFields = { probeListen: configFields.address().optional() };

/**
 * The composition root's frame: parses the role's config (a bad one exits with one line naming
 * the field), builds the logger, starts the role, reports readiness, and stops it on SIGTERM,
 * SIGINT or the death of the parent. An assertion failure or an unhandled error ends the process.
 */
export async function runRole<Shape extends z.ZodRawShape>(spec: {
  role: string;
  schema: z.ZodObject<Shape>;
  start(context: RoleContext<z.infer<z.ZodObject<Shape>>>): Promise<RunningRole>;
}): Promise<void> {
  let config: z.infer<z.ZodObject<Shape>>;
  let probeListen: string | undefined;
  try {
    const parsed = parseConfig(spec.schema.extend(probeFields), { argv: process.argv.slice(2), env: process.env }) as Record<string, unknown>;
    const { probeListen: probeAddress, ...roleConfig } = parsed;
    probeListen = probeAddress as string | undefined;
    config = roleConfig as z.infer<z.ZodObject<Shape>>;
  } catch (error) {
    rethrowIfAssertion(error);
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`strata ${spec.role}: bad config: ${error.message}\n`);
    process.exit(2);
  }
  const fields = config as { nodeId?: string; logLevel?: string };
  const log = createLogger({ role: spec.role, ...(fields.nodeId ? { nodeId: fields.nodeId } : {}), ...(fields.logLevel ? { level: fields.logLevel } : {}) });
  const die = (error: unknown, kind: string): void => {
    log.fatal({ err: error, kind }, error instanceof AssertionFailure ? 'assertion failed' : 'unhandled error');
    process.exit(70);
  };
  process.on('uncaughtException', (error) => die(error, 'uncaughtException'));
  process.on('unhandledRejection', (error) => die(error, 'unhandledRejection'));

  let running: RunningRole | undefined;
  let stopping = false;
  const workers = new Workers({ clock: systemClock, log });
  // Probes answer from before the role starts (live, not ready) until it has stopped (live,
  // not ready while draining), so an orchestrator neither kills a slow start nor routes to a stop.
  const readiness: Readiness = () => (stopping ? 'stopping' : running ? running.readiness?.() : 'starting');
  const probes = await startProbes(probeListen ?? '127.0.0.1:0', readiness, () => workers.list(), log);
  try {
    running = await spec.start({ config, log, clock: systemClock, random: systemRandom, workers });
  } catch (error) {
    rethrowIfAssertion(error);
    log.fatal({ err: error }, 'role failed to start');
    process.exit(1);
  }
  const stop = async (reason: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    log.info({ reason }, 'role stopping');
    systemClock.after(STOP_DEADLINE_MS, () => {
      log.error({ deadlineMs: STOP_DEADLINE_MS }, 'role did not stop in time');
      process.exit(1);
    });
    try {
      await running?.stop();
      await workers.stopAll();
    } catch (error) {
      rethrowIfAssertion(error);
      log.error({ err: error }, 'role stop failed');
    }
    await probes.close();
    log.info('role stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
  // A role started by the launcher must not outlive it, even when the launcher is SIGKILLed.
  process.on('disconnect', () => void stop('parent gone'));

  const info = { ...running.info, probeAddress: probes.address };
  log.info({ address: running.address, ...info }, 'role ready');
  const ready: ReadyMessage = {
    type: 'ready',
    role: spec.role,
    pid: process.pid,
    ...(running.address ? { address: running.address } : {}),
    ...(Object.keys(info).length > 0 ? { info } : {}),
  };
  process.send?.(ready);
}

async function startProbes(address: string, readiness: Readiness, workers: () => WorkerStatus[], log: Logger): Promise<StartedProbeServer> {
  try {
    const probes = await startProbeServer({ address, readiness, workers });
    log.info({ probeAddress: probes.address }, 'probes listening');
    return probes;
  } catch (error) {
    rethrowIfAssertion(error);
    log.fatal({ err: error, probeListen: address }, 'probe port could not be opened');
    process.exit(1);
  }
}
