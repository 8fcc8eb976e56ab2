package de.allmende.cli;

import de.allmende.Services;
import de.allmende.domain.FieldError;
import de.allmende.domain.LocalActor;
import de.allmende.domain.ValidationException;
import de.allmende.store.AccountStore;
import de.allmende.store.FollowStore;
import de.allmende.support.ApiException;
import de.allmende.support.Html;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Following and publishing from the command line, before the web UI exists. Commands write the
 * activity and its deliveries to the database; a running node's delivery worker sends them.
 */
public final class FederationCommands {
    private FederationCommands() {}

    /** A command that acts as one of the node's municipalities. */
    abstract static class AsMunicipality extends NodeCommand {
        <T> T withActor(String handle, BiFunction<Services, LocalActor, T> action) {
            try (Services s = openServices()) {
                LocalActor a = s.actors.findMunicipality(handle)
                        .orElseThrow(() -> new ValidationException(List.of(new FieldError("handle", "no municipality '" + handle + "' on this node"))));
                return action.apply(s, a);
            } catch (ApiException e) {
                throw new IllegalStateException(e.getMessage());
            }
        }
    }

    static URI resolveTarget(Services s, String target) {
        try {
            if (target.startsWith("http://") || target.startsWith("https://")) return URI.create(target);
            return s.federation.resolver.webfinger(target);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot resolve " + target + ": " + e.getMessage());
        }
    }

    @Command(name = "follow", mixinStandardHelpOptions = true, description = "Follow a remote actor (by @user@host or URL).")
    public static final class Follow extends AsMunicipality {
        @Parameters(index = "0", paramLabel = "HANDLE", description = "local municipality") String handle;
        @Parameters(index = "1", paramLabel = "TARGET", description = "@user@host, user@host or actor URL") String target;

        @Override
        public Integer call() {
            URI id = withActor(handle, (s, a) -> s.follows.follow(a, resolveTarget(s, target)));
            out().println("follow request sent: " + id);
            return 0;
        }
    }

    @Command(name = "unfollow", mixinStandardHelpOptions = true, description = "Stop following a remote actor.")
    public static final class Unfollow extends AsMunicipality {
        @Parameters(index = "0", paramLabel = "HANDLE") String handle;
        @Parameters(index = "1", paramLabel = "TARGET") String target;

        @Override
        public Integer call() {
            withActor(handle, (s, a) -> {
                s.follows.unfollow(a, resolveTarget(s, target));
                return null;
            });
            out().println("unfollowed " + target);
            return 0;
        }
    }

    @Command(name = "post", mixinStandardHelpOptions = true, description = "Publish a public Note (plain text) to the followers.")
    public static final class Post extends AsMunicipality {
        @Parameters(index = "0", paramLabel = "HANDLE") String handle;
        @Parameters(index = "1", paramLabel = "TEXT", description = "plain text; blank lines separate paragraphs") String text;

        @Override
        public Integer call() {
            if (text.isBlank() || text.length() > 5000) {
                throw new ValidationException(List.of(new FieldError("text", "1–5000 characters")));
            }
            URI id = withActor(handle, (s, a) -> s.notes.publish(a, Html.paragraphs(text)));
            out().println("published " + id);
            return 0;
        }
    }

    @Command(name = "followers", mixinStandardHelpOptions = true, description = "List the followers of a municipality, and follow requests waiting for approval.")
    public static final class Followers extends AsMunicipality {
        @Parameters(index = "0", paramLabel = "HANDLE") String handle;

        @Override
        public Integer call() {
            withActor(handle, (s, a) -> {
                long followee = new AccountStore().local(s.db.dsl(), a.id(), s.iris.actor(a.handle())).id();
                new FollowStore().followers(s.db.dsl(), followee, Long.MAX_VALUE, 10_000).forEach(f -> out().println(f.follower().iri()));
                new FollowStore().pendingRequests(s.db.dsl(), followee).forEach(f -> out().println(f.follower().iri() + "\t(requested)"));
                return null;
            });
            return 0;
        }
    }

    @Command(name = "following", mixinStandardHelpOptions = true, description = "List whom a municipality follows (with pending requests).")
    public static final class Following extends AsMunicipality {
        @Parameters(index = "0", paramLabel = "HANDLE") String handle;

        @Override
        public Integer call() {
            withActor(handle, (s, a) -> {
                long follower = new AccountStore().local(s.db.dsl(), a.id(), s.iris.actor(a.handle())).id();
                new FollowStore().following(s.db.dsl(), follower, Long.MAX_VALUE, 10_000)
                        .forEach(f -> out().println(f.followee().iri() + (f.state() == FollowStore.State.PENDING ? "\t(pending)" : "")));
                return null;
            });
            return 0;
        }
    }

    @Command(name = "follow-request", mixinStandardHelpOptions = true,
            description = "Approve or reject a pending follow request (for municipalities that approve followers manually).")
    public static final class FollowRequest extends AsMunicipality {
        @Parameters(index = "0", paramLabel = "DECISION", description = "approve | reject") String decision;
        @Parameters(index = "1", paramLabel = "HANDLE") String handle;
        @Parameters(index = "2", paramLabel = "FOLLOWER", description = "the follower's actor URL") String follower;

        @Override
        public Integer call() {
            boolean approve = switch (decision) {
                case "approve" -> true;
                case "reject" -> false;
                default -> throw new ValidationException(List.of(new FieldError("decision", "approve or reject")));
            };
            withActor(handle, (s, a) -> {
                if (approve) s.followRequests.approve(a, URI.create(follower));
                else s.followRequests.reject(a, URI.create(follower));
                return null;
            });
            out().println((approve ? "approved " : "rejected ") + follower);
            return 0;
        }
    }

    @Command(name = "block", mixinStandardHelpOptions = true, description = "Moderation: block domains or actors, allow domains (allowlist mode).")
    public static final class Block extends NodeCommand {
        @Parameters(index = "0", paramLabel = "KIND", description = "domain | actor | allow-domain") String kind;
        @Parameters(index = "1", paramLabel = "VALUE", description = "a domain such as bad.example, or an actor URL") String value;

        @Override
        public Integer call() {
            try (Services s = openServices()) {
                switch (kind) {
                    case "domain" -> s.moderation.blockDomain(value);
                    case "actor" -> s.moderation.blockActor(value);
                    case "allow-domain" -> s.moderation.allowDomain(value);
                    default -> throw new ValidationException(List.of(new FieldError("kind", "one of domain, actor, allow-domain")));
                }
            }
            out().println("ok: " + kind + " " + value);
            return 0;
        }
    }
}
