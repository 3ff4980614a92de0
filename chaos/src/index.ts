/** The chaos harness, as the cluster test and `npm run chaos` use it. */
export { runChaos, CLIENTS_DEFAULT, PUT_MIB_PER_SECOND_DEFAULT, CONVERGENCE_TIMEOUT_MS, type ChaosOptions } from './run-chaos.js';
export { checkHistory, ANOMALY_KINDS, type Anomaly, type AnomalyKind, type CheckResult } from './checker.js';
export {
  History,
  readHistory,
  type HistoryEntry,
  type Op,
  type PutOp,
  type ReadOp,
  type DeleteOp,
  type ListOp,
  type NemesisEvent,
  type Outcome,
} from './history.js';
export { planSchedule, FAULT_KINDS, EXTENT_NODES_DOWN_MAX, type PlannedFault, type FaultKind, type ScheduleOptions } from './schedule.js';
export { summaryLine, buildReport, longestOutageMs, type ChaosReport } from './report.js';
export { SeededRandom } from './seeded-random.js';
