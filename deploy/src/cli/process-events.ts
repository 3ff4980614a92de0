import { join } from 'node:path';
import type { ProcessInfo, StampEvents } from '../launcher/stamp.js';

/**
 * What `strata start` says on its output about the stamp's processes: each death with its
 * cause, each restart with the time until the process was ready again, each failed start, and
 * a process left down after a crash loop. One line each, `strata: ` first, so that they read
 * in the terminal and grep from a log.
 */
export function printProcessEvents(dataDir: string, write: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): StampEvents {
  const logOf = (info: ProcessInfo): string => join(dataDir, 'logs', `${info.id}.log`);
  const name = (info: ProcessInfo): string => `${info.role} ${info.id}`;
  return {
    exited: (info, how) => {
      const next = info.state === 'restarting' ? 'restarting it' : info.state === 'stopped' ? 'left down, as asked' : info.state;
      write(`strata: ${name(info)} (pid ${info.pid}) exited (${how}); ${next}; its log: ${logOf(info)}`);
    },
    restarted: (info, report) => {
      write(
        `strata: ${name(info)} is back (pid ${info.pid}, restart ${report.restarts}), ready ${seconds(report.readyAfterMs)} after it exited (${report.cause})`,
      );
    },
    restartFailed: (info, report) => {
      write(`strata: ${name(info)} did not start again (${report.inRow} in a row): ${report.error}`);
    },
    down: (info, report) => {
      const why = report.inRow === 0 ? 'restarts are off' : `${report.inRow} restarts in a row did not keep it up`;
      write(`strata: ${name(info)} is down: ${why} (last: ${report.cause}); left down; see ${logOf(info)}, then restart the stamp`);
    },
  };
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
