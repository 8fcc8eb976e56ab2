package de.allmende.federation.inbox.handlers;

import de.allmende.federation.fetch.ActorResolver;
import de.allmende.federation.inbox.ActivityHandler;
import de.allmende.federation.vocab.FlagActivity;
import de.allmende.service.ReportService;

import java.io.IOException;

/**
 * Flag: another server reports municipalities of this node or their posts (Mastodon forwards its users' reports so,
 * from its instance actor). Kept for moderation, one report per municipality named; a Flag about nothing of ours is
 * taken and ignored, as Mastodon ignores one.
 */
public final class FlagHandler implements ActivityHandler<FlagActivity> {
    private final ActorResolver resolver;
    private final ReportService reports;

    public FlagHandler(ActorResolver resolver, ReportService reports) {
        this.resolver = resolver;
        this.reports = reports;
    }

    @Override
    public void handle(FlagActivity flag) throws IOException {
        resolver.known(flag.actor()); // the reporter's account, stored when its signature was checked
        var record = ReceivedActivities.neverPublic(flag.activity(), flag.flagged().getFirst());
        reports.received(new ReportService.ReceivedFlag(flag.id(), flag.actor(), flag.flagged(), flag.comment()), record);
    }
}
