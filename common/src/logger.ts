import { pino, type Logger } from 'pino';

export type { Logger };

export interface LoggerOptions {
  role: string;
  nodeId?: string;
  level?: string;
}

/**
 * A JSON logger on stdout carrying the role and node id on every line. Messages are constant
 * lower-case strings; everything that varies goes in fields.
 */
export function createLogger(options: LoggerOptions): Logger {
  return pino({
    level: options.level ?? 'info',
    base: { role: options.role, ...(options.nodeId ? { nodeId: options.nodeId } : {}) },
    timestamp: pino.stdTimeFunctions.isoTime,
  });
}

/** A logger that drops everything: for unit tests of code that takes a logger. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
