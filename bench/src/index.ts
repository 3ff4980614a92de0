/** The bench harness's parts, for its tests and for tools that want to drive it. */
export { main } from './cli.js';
export { FULL_PLAN, QUICK_PLAN, type BenchPlan, type SizePlan } from './plan.js';
export { runPhase, type PhaseResult, type PhaseSpec } from './load/run-phase.js';
export { Payload } from './load/payload.js';
export { summarize, type LatencySummary } from './load/stats.js';
export { MemorySampler, readMemoryKiB, type ProcessPeak } from './load/process-memory.js';
export { runTarget, payloadsFor, type TargetResult, type ListResult } from './run-target.js';
export { renderReport } from './report/render.js';
export { checkTargets, type TargetCheck } from './report/targets.js';
export { analyseProfiles } from './profile/analyse-profiles.js';
export type { RunningTarget, TargetFactory, ObjectRequest, ListPage } from './targets/target.js';
