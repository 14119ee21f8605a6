/**
 * n8n resumes a timed-out execution this long after its limit, and the trigger stops handing
 * replies to it at the limit itself: a reply on its way when the limit passes has this long to
 * resume the execution before n8n's own time-out would resume it too (the two would both run).
 */
export const TIME_OUT_GUARD_MS = 30_000;

/** A registration whose limit passed this long ago is removed by the next Send and Wait. */
export const EXPIRED_REGISTRATION_MS = 24 * 3_600_000;

/**
 * How long a reply that came before its execution finished pausing (the customer answered
 * while the question was still being sent) keeps trying to resume it.
 */
export const NOT_YET_WAITING_RETRY_MS = 120_000;
