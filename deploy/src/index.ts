/** The local stamp launcher, as tests and tools use it. */
export { Stamp, type StampInfo, type ProcessInfo, type StampEvents, type StampListener } from './launcher/stamp.js';
export { type ProcessState } from './launcher/supervisor.js';
export { RESTART_POLICY_DEFAULTS, type RestartPolicy } from './launcher/restart-policy.js';
export { type StampOptions } from './launcher/stamp-layout.js';
export { LaunchError } from './launcher/launch-error.js';
export { freePort } from './launcher/free-port.js';
export { DEFAULT_S3_PORT } from './cli/start-command.js';
