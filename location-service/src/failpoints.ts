/**
 * The location service's failure points, between the steps of its resumable sequences
 * (armed through STRATA_FAILPOINTS, e.g. `location.create.afterStampRegistration=crash`).
 */
export type LocationFailpoint =
  'location.create.afterReserve' | 'location.create.afterStampRegistration' | 'location.delete.afterLockOut' | 'location.delete.afterErase';
