package de.allmende.federation.inbox;

import de.allmende.federation.fetch.RemoteFetcher;
import de.allmende.federation.vocab.ActivityView;
import de.allmende.federation.vocab.AsToInboundActivity;
import de.allmende.federation.vocab.InboundActivity;
import de.allmende.store.InboxStore.InboxItem;
import org.jooq.exception.DataAccessException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.Optional;

/**
 * The worker's side of the inbox, for one queued activity, as named stages: parse (the stored JSON → an
 * {@link InboundActivity}) → view (the typed view of its type; other types are ignored) → dispatch (to the
 * one handler of that view) → an {@link InboxOutcome}, which {@link InboxWorker} records.
 * Verifying, authorising (signer, origin, blocks) and deduplicating were the {@link InboxPipeline}'s stages
 * before the activity was queued; each handler then checks what only it can (only the followed actor
 * answers a Follow, actors update only themselves, objects are deleted only by their authors).
 */
final class InboxItemPipeline {
    private static final Logger LOG = LoggerFactory.getLogger(InboxItemPipeline.class);

    private final ActivityRouter router;

    InboxItemPipeline(ActivityRouter router) {
        this.router = router;
    }

    InboxOutcome apply(InboxItem item) {
        InboundActivity activity;
        Optional<ActivityView> view;
        try {
            activity = parse(item);
            view = AsToInboundActivity.view(activity);
        } catch (RuntimeException e) { // AsToInboundActivity.Malformed: no retry reads it otherwise
            return refused(item, e);
        }
        if (view.isEmpty()) {
            LOG.debug("ignoring {} {}", activity.type(), activity.id());
            return new InboxOutcome.Ignored(activity.type());
        }
        return dispatch(item, view.get());
    }

    /** The same reader as on receipt, so the worker sees the activity exactly as the inbox accepted it. */
    private static InboundActivity parse(InboxItem item) {
        return AsToInboundActivity.convert(item.body());
    }

    private InboxOutcome dispatch(InboxItem item, ActivityView view) {
        try {
            router.dispatch(view);
            return new InboxOutcome.Applied();
        } catch (RemoteFetcher.NotServed e) {
            // 404 or 410: what the activity needs is gone for good (its actor deleted, its object withdrawn); a retry
            // would only ask again. Other refusals (403, 429, 5xx) may pass later, as Mastodon also judges them.
            return e.gone() ? new InboxOutcome.Refused(e.getMessage()) : new InboxOutcome.RetryLater(e.getMessage());
        } catch (IOException e) {
            return new InboxOutcome.RetryLater(e.getMessage());
        } catch (DataAccessException e) {
            // Our database (a full pool, a restart, a deadlock), not the activity: try again later, as for a peer
            // that could not be reached. Marking it failed would lose an activity we acknowledged with 202.
            LOG.warn("inbound {} not applied, will retry: {}", item.activityIri(), e.getMessage());
            return new InboxOutcome.RetryLater("database: " + e.getMessage());
        } catch (RuntimeException e) {
            return refused(item, e);
        }
    }

    private static InboxOutcome refused(InboxItem item, RuntimeException e) {
        LOG.info("inbound {} not applied: {}", item.activityIri(), e.getMessage());
        return new InboxOutcome.Refused(String.valueOf(e.getMessage()));
    }
}
