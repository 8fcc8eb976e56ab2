package de.allmende.cli;

import de.allmende.Services;
import de.allmende.store.RelayStore;
import de.allmende.support.ApiException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.net.URI;
import java.util.Locale;
import java.util.function.Function;

/**
 * Relays (FEP-ae0c) from the command line: running this node's relay (enable, its allowlist, its subscribers) and
 * subscribing this node to relays elsewhere. Commands write to the database; a running node's workers send.
 */
@Command(name = "relay", mixinStandardHelpOptions = true,
        description = "Run a relay on this node (enable, allow|deny|list-allowed, subscribers), or subscribe this node to"
                + " relays (subscribe|unsubscribe|list).",
        subcommands = {RelayCommand.Enable.class, RelayCommand.Allow.class, RelayCommand.Deny.class, RelayCommand.ListAllowed.class,
                RelayCommand.Subscribers.class, RelayCommand.Subscribe.class, RelayCommand.Unsubscribe.class, RelayCommand.ListRelays.class})
public final class RelayCommand {
    private RelayCommand() {}

    abstract static class OnNode extends NodeCommand {
        <T> T with(Function<Services, T> action) {
            try (Services s = openServices()) {
                return action.apply(s);
            } catch (ApiException e) {
                throw new IllegalStateException(e.getMessage());
            }
        }
    }

    @Command(name = "enable", mixinStandardHelpOptions = true, description = "Create this node's relay actor (at /relay, acct:relay@host).")
    static final class Enable extends OnNode {
        @Option(names = "--name", defaultValue = "Allmende relay", description = "the relay's display name") String name;

        @Override
        public Integer call() {
            URI relay = with(s -> s.iris.actorOf(s.actors.ensureRelayActor(name)));
            out().println("relay " + relay + " (inbox " + relay + "/inbox)");
            return 0;
        }
    }

    @Command(name = "allow", mixinStandardHelpOptions = true, description = "Let servers of a domain (host, or host:port) subscribe.")
    static final class Allow extends OnNode {
        @Parameters(paramLabel = "DOMAIN") String domain;

        @Override
        public Integer call() {
            boolean added = with(s -> new RelayStore().allow(s.db.dsl(), normalized(domain)));
            out().println((added ? "allowed " : "already allowed ") + normalized(domain));
            return 0;
        }
    }

    @Command(name = "deny", mixinStandardHelpOptions = true,
            description = "Take a domain off the allowlist (new subscriptions from it are rejected; existing ones stay until undone).")
    static final class Deny extends OnNode {
        @Parameters(paramLabel = "DOMAIN") String domain;

        @Override
        public Integer call() {
            boolean removed = with(s -> new RelayStore().deny(s.db.dsl(), normalized(domain)));
            out().println((removed ? "denied " : "was not allowed: ") + normalized(domain));
            return 0;
        }
    }

    @Command(name = "list-allowed", mixinStandardHelpOptions = true, description = "The domains that may subscribe, one a line.")
    static final class ListAllowed extends OnNode {
        @Override
        public Integer call() {
            with(s -> new RelayStore().allowed(s.db.dsl())).forEach(out()::println);
            return 0;
        }
    }

    @Command(name = "subscribers", mixinStandardHelpOptions = true, description = "The relay's subscribers: actor, style, inbox.")
    static final class Subscribers extends OnNode {
        @Override
        public Integer call() {
            with(s -> new RelayStore().subscribers(s.db.dsl()))
                    .forEach(sub -> out().println(sub.actor() + "\t" + sub.style().dbName() + "\t" + sub.inbox()));
            return 0;
        }
    }

    @Command(name = "subscribe", mixinStandardHelpOptions = true,
            description = "Subscribe this node to a relay (its inbox or actor URL); pending until the relay accepts.")
    static final class Subscribe extends OnNode {
        @Parameters(paramLabel = "URL") String url;

        @Override
        public Integer call() {
            URI follow = with(s -> s.relays.subscribe(httpUrl(url)));
            out().println("subscription requested: " + follow);
            return 0;
        }
    }

    @Command(name = "unsubscribe", mixinStandardHelpOptions = true, description = "End this node's subscription to a relay.")
    static final class Unsubscribe extends OnNode {
        @Parameters(paramLabel = "URL") String url;

        @Override
        public Integer call() {
            with(s -> {
                s.relays.unsubscribe(httpUrl(url));
                return null;
            });
            out().println("unsubscribed from " + url);
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The relays this node subscribed to: inbox, state, relay actor.")
    static final class ListRelays extends OnNode {
        @Override
        public Integer call() {
            with(s -> s.relays.list()).forEach(r -> out().println(r.relayInbox() + "\t" + (r.accepted() ? "accepted" : "pending")
                    + "\t" + r.relayActor().orElse("-")));
            return 0;
        }
    }

    private static URI httpUrl(String url) {
        try {
            URI uri = new URI(url);
            if ((!"https".equalsIgnoreCase(uri.getScheme()) && !"http".equalsIgnoreCase(uri.getScheme())) || uri.getHost() == null) {
                throw new IllegalArgumentException("not an http(s) URL: " + url);
            }
            return uri;
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: " + url);
        }
    }

    private static String normalized(String domain) {
        String d = domain.strip().toLowerCase(Locale.ROOT);
        if (d.isEmpty() || d.contains("/") || d.contains("@") || d.contains(" ")) throw new IllegalArgumentException("not a domain: " + domain);
        return d;
    }
}
