-- Polls posted from apps (issue 10): this node counts their votes (local and remote accounts, in poll_vote) and tells
-- the new counts in Update(Question) a little later, once for the votes gathered meanwhile. announced_votes is the
-- number of votes the last Update told (votes are never taken back, so more counted means news to tell).
ALTER TABLE poll ADD COLUMN announced_votes integer NOT NULL DEFAULT 0;
