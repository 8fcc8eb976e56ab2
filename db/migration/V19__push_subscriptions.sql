-- Web Push (issue 10): apps get notifications while closed. An app subscribes with an endpoint of its push service
-- and the keys to encrypt for (RFC 8291); the node signs each request with its VAPID key (RFC 8292).

-- The node's VAPID key pair (P-256), made once. The private key is sealed under the master key, like actor keys.
CREATE TABLE vapid_key (
    id                  smallint    PRIMARY KEY CHECK (id = 1),
    public_key          bytea       NOT NULL CHECK (length(public_key) = 65),   -- the uncompressed point apps are given
    sealed_private_key  bytea       NOT NULL,                                   -- the 32-byte scalar, encrypted
    created             timestamptz NOT NULL DEFAULT now()
);

-- One subscription per access token, as on Mastodon: a new one replaces the token's old one, and revoking the token
-- (or disabling its person) removes it. Mastodon's push payload carries the token, so it is kept here too, sealed
-- under the master key (bound to the token's id); everywhere else tokens are only hashes.
CREATE TABLE push_subscription (
    id                  bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    token_id            bigint      NOT NULL UNIQUE REFERENCES oauth_token (id) ON DELETE CASCADE,
    account_id          bigint      NOT NULL REFERENCES account (id) ON DELETE CASCADE,  -- the municipality notified
    endpoint            text        NOT NULL CHECK (length(endpoint) <= 2048),
    key_p256dh          bytea       NOT NULL CHECK (length(key_p256dh) = 65),
    key_auth            bytea       NOT NULL CHECK (length(key_auth) = 16),
    alerts              text[]      NOT NULL,   -- the notification types pushed
    policy              text        NOT NULL CHECK (policy IN ('all', 'followed', 'follower', 'none')),
    sealed_token        bytea       NOT NULL,
    created             timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX push_subscription_account ON push_subscription (account_id);

-- Which notification went to which subscription: a job retried because one push service failed sends nothing twice
-- to the others. Rows are pruned once no retry can come any more.
CREATE TABLE push_sent (
    subscription_id     bigint      NOT NULL REFERENCES push_subscription (id) ON DELETE CASCADE,
    notification_id     bigint      NOT NULL,
    sent                timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (subscription_id, notification_id)
);
CREATE INDEX push_sent_time ON push_sent (sent);
