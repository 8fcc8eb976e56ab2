package de.allmende.bench;

import de.allmende.domain.Land;
import de.allmende.service.search.SearchText;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

/**
 * The municipalities of a network, written as a coordinator holds them after subscribing: a remote actor each (with
 * the Land, AGS, type and population an Allmende profile states), its account and the coordinator's subscription.
 * They live on one host per five municipalities (shared hosting by a data centre of the Land). Table
 * {@code bench_muni} keeps what the items need: the acct, name, Land, size class and the place words of events.
 */
final class NetworkMunicipalities {
    private static final List<String> PREFIXES = List.of("Alt", "Neu", "Ober", "Unter", "Groß", "Klein", "Wester", "Oster",
            "Hohen", "Nieder", "Bad ", "Sankt ", "Mittel", "Kirch", "Wald", "Berg", "Tal", "Rot", "Schön", "Grün");
    private static final List<String> STEMS = List.of("linden", "eichen", "buchen", "rosen", "mühl", "brunn", "stein", "wies",
            "hain", "furt", "born", "au", "wald", "heide", "sand", "kirch", "horn", "feld", "wend", "lohr");
    private static final List<String> ENDS = List.of("hausen", "dorf", "heim", "bach", "berg");

    private NetworkMunicipalities() {}

    static void write(Connection c, long coordinatorId, int count) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TEMP TABLE bench_muni (m int PRIMARY KEY, username text, name text, host text, iri text, land text,"
                    + " ags text, type text, population int, size_class text, place text, account_id bigint)");
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO bench_muni (m, username, name, host, iri, land, ags, type, population,"
                + " size_class, place) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            Land[] lands = Land.values();
            for (int m = 0; m < count; m++) {
                String name = PREFIXES.get(m % 20) + STEMS.get(m / 20 % 20) + ENDS.get(m / 400 % 5);
                String username = SearchText.fold(name).replace(" ", "-").toLowerCase(Locale.ROOT);
                String host = "kommunen" + (m / 5) + ".example";
                Land land = lands[m * 7 % lands.length];
                // Most members are small: 40 % under 5,000, 30 % to 20,000, 18 % to 100,000, 4 % bigger, 8 % districts.
                int tenth = m % 50;
                boolean district = tenth >= 46;
                int population = tenth < 20 ? 800 + m % 4_000 : tenth < 35 ? 5_000 + m * 7 % 15_000 : tenth < 44 ? 20_000 + m * 37 % 80_000
                        : 100_000 + m * 101 % 900_000;
                String type = district ? "landkreis" : population >= 20_000 ? "stadt" : "gemeinde";
                String size = district ? "landkreis" : population < 5_000 ? "landgemeinde" : population < 20_000 ? "kleinstadt"
                        : population < 100_000 ? "mittelstadt" : "grossstadt";
                p.setInt(1, m);
                p.setString(2, username);
                p.setString(3, (district ? "Landkreis " : "") + name);
                p.setString(4, host);
                p.setString(5, "https://" + host + "/actors/" + username);
                p.setString(6, land.iso());
                p.setString(7, land.code() + "%03d%03d".formatted(m % 1000, m / 1000 + 1));
                p.setString(8, type);
                p.setInt(9, population);
                p.setString(10, size);
                p.setString(11, SearchText.indexed(name, true));
                p.addBatch();
            }
            p.executeBatch();
        }
        try (Statement s = c.createStatement()) {
            s.execute("INSERT INTO remote_actor (iri, host, type, preferred_username, name, inbox, shared_inbox, followers, raw)"
                    + " SELECT iri, host, 'Organization', username, name, iri || '/inbox', 'https://' || host || '/inbox', iri || '/followers',"
                    + " jsonb_build_object('id', iri, 'type', 'Organization', 'preferredUsername', username, 'name', name, 'land', land,"
                    + " 'ags', ags, 'municipalityType', type, 'population', population::text) FROM bench_muni");
            s.execute("INSERT INTO account (remote_actor_id, iri) SELECT r.id, r.iri FROM remote_actor r JOIN bench_muni b ON b.iri = r.iri");
            s.execute("UPDATE bench_muni b SET account_id = a.id FROM account a WHERE a.iri = b.iri");
            s.execute("INSERT INTO coordinator_subscription (coordinator_id, municipality, origin_host) SELECT " + coordinatorId
                    + ", iri, host FROM bench_muni");
        }
    }
}
