/** The states of a background job (db/schema/jobs.ts), in the order a job goes through them. */
export const JOB_STATES = ["queued", "running", "done", "failed"] as const;
export type JobState = (typeof JOB_STATES)[number];
