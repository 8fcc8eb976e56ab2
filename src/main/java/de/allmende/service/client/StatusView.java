package de.allmende.service.client;

import de.allmende.domain.client.AccountFacts;
import de.allmende.domain.post.Post;
import de.allmende.store.TimelineStore;

import java.util.List;
import java.util.Optional;

/**
 * A post as a client app shows it to one viewer (Mastodon's Status entity, before it is JSON): the post, its
 * author, what it answers, what it boosts, the accounts it mentions that this node knows, its counts and what
 * the viewer did to it, and its poll with the viewer's own votes.
 */
public record StatusView(long id, Post post, AccountFacts account, Optional<Long> inReplyToId, Optional<Long> inReplyToAccountId,
                         Optional<StatusView> reblog, List<AccountFacts> mentions, TimelineStore.Counts counts,
                         Optional<PollService.PollView> poll) {}
