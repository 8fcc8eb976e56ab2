package de.allmende.service;

import de.allmende.content.vocab.Handlungsfeld;
import de.allmende.content.vocab.SizeClass;
import de.allmende.content.vocab.Vocabulary;
import de.allmende.db.Database;
import de.allmende.domain.Land;
import de.allmende.domain.MunicipalityType;
import de.allmende.content.directory.DirectoryEntry;
import de.allmende.content.directory.DirectoryFilter;
import de.allmende.content.directory.MemberFacts;
import de.allmende.service.port.LocalIris;
import de.allmende.store.DirectoryStore;

import java.net.URI;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * The network's directory (issue 11, point 2): every municipality this node knows, with what it states about itself
 * and what it publishes here. Facts from other nodes are checked, never trusted: an AGS that is not 8 digits, a Land or
 * type outside the vocabularies is left out rather than shown.
 */
public final class DirectoryService {
    private static final Pattern AGS = Pattern.compile("[0-9]{8}");
    private static final Pattern ARS = Pattern.compile("[0-9]{12}");

    private final Database db;
    private final LocalIris iris;
    private final String localHost;
    private final DirectoryStore store = new DirectoryStore();

    public DirectoryService(Database db, LocalIris iris, URI base) {
        this.db = db;
        this.iris = iris;
        this.localHost = base.getRawAuthority();
    }

    /** The members passing {@code filter}, by name. */
    public List<DirectoryEntry> entries(DirectoryFilter filter) {
        return store.members(db.dsl()).stream().map(this::entry).filter(filter::admits).toList();
    }

    /** Every member's checked facts, without the counts over posts that {@link #entries} adds. */
    public List<MemberFacts> facts() {
        return store.facts(db.dsl()).stream().map(r -> {
            Optional<MunicipalityType> type = MunicipalityType.parse(r.type());
            return new MemberFacts(acct(r.local(), r.acct()), r.name(), Land.parse(r.land()),
                    SizeClass.of(type.map(MunicipalityType::slug), Optional.ofNullable(r.population())),
                    r.followers() == null ? OptionalLong.empty() : OptionalLong.of(r.followers()));
        }).toList();
    }

    /** {@code handle@host}: the node's own members are stored by handle alone. */
    public String acct(boolean local, String stored) {
        return local ? stored + "@" + localHost : stored;
    }

    private DirectoryEntry entry(DirectoryStore.Row r) {
        boolean local = r.handle() != null;
        Optional<MunicipalityType> type = MunicipalityType.parse(r.type());
        Optional<Integer> population = Optional.ofNullable(r.population());
        Map<Handlungsfeld, Long> fields = new EnumMap<>(Handlungsfeld.class);
        r.fields().forEach((code, n) -> Vocabulary.parse(Handlungsfeld.class, code).ifPresent(h -> fields.merge(h, n, Long::sum)));
        return new DirectoryEntry(r.name(), acct(local, r.acct()),
                local ? iris.actor(r.handle()) : URI.create(r.iri()), local, checked(AGS, r.ags()), checked(ARS, r.ars()),
                Land.parse(r.land()), type, population, SizeClass.of(type.map(MunicipalityType::slug), population),
                local ? localHost : r.host(),
                local ? Optional.of(NodeInfoService.SOFTWARE_NAME + " " + NodeInfoService.SOFTWARE_VERSION) : Optional.ofNullable(r.software()),
                r.followers() == null ? OptionalLong.empty() : OptionalLong.of(r.followers()), r.lastActivity(), fields,
                r.recommended());
    }

    private static Optional<String> checked(Pattern shape, String value) {
        return Optional.ofNullable(value).map(String::strip).filter(shape.asMatchPredicate());
    }
}
