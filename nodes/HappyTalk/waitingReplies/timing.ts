/**
 * n8n resumes a timed-out execution this long after its limit, and the trigger stops handing
 * replies to it at the limit itself: a reply on its way when the limit passes still wins. Were
 * both to arrive at once, n8n resumes only one (2.x resumes an execution only while its status is
 * still "waiting"); the loser's message then starts the trigger's workflow, so it is never lost.
 */
export const TIME_OUT_GUARD_MS = 5_000;
