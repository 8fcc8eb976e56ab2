-- Each consumer claims its own pending jobs (the batched ones 100 at a time, the others one by one, see
-- EventStore.claimBatch and EventStore.jobsOf): without this index a claim walks past every other consumer's
-- pending jobs, thousands of them while a coordinator's backfill stores hundreds of posts a second.
CREATE INDEX event_job_pending_consumer ON event_job (consumer, id) WHERE done IS NULL AND failed IS NULL;
