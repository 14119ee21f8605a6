/**
 * n8n resumes a timed-out execution this long after its limit, and the trigger stops handing
 * replies to it at the limit itself: a reply on its way when the limit passes still wins. Were
 * both to arrive at once, n8n resumes only one (2.x resumes an execution only while its status is
 * still "waiting"); the loser's message then starts the trigger's workflow, so it is never lost.
 */
export const TIME_OUT_GUARD_MS = 5_000;

/** A registration whose limit passed this long ago is removed by the next Send and Wait. */
export const EXPIRED_REGISTRATION_MS = 24 * 3_600_000;

/**
 * How long a reply that came before its execution finished pausing (the customer answered
 * while the question was still being sent) keeps trying to resume it.
 */
export const NOT_YET_WAITING_RETRY_MS = 120_000;
