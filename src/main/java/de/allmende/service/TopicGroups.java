package de.allmende.service;

import de.allmende.content.vocab.Handlungsfeld;
import de.allmende.domain.LocalActor;
import de.allmende.domain.coordinator.TopicGroup;
import de.allmende.store.ActorStore;
import de.allmende.store.TopicGroupStore;
import org.jooq.DSLContext;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Makes a coordinator's topic groups (issue 11, FEP-1b12): one Group actor with keys per field of action. A group's
 * handle is the field's code ({@code partizipation}, {@code open-data}); where that is taken on this node (by the
 * groups of a coordinator made earlier, or by a municipality), it is the code and the coordinator's handle
 * ({@code partizipation-netzwerk-bayern}), shortened to fit, with a number if even that is taken.
 */
final class TopicGroups {
    private static final int MAX_HANDLE = 64;

    private final ActorStore actors;
    private final KeyService keys;
    private final TopicGroupStore groups = new TopicGroupStore();

    TopicGroups(ActorStore actors, KeyService keys) {
        this.actors = actors;
        this.keys = keys;
    }

    /** Makes the coordinator's groups that are missing, in the caller's transaction; returns all of them. */
    List<TopicGroup> ensure(DSLContext tx, LocalActor coordinator) {
        groups.lock(tx);
        Set<String> present = groups.ofCoordinator(tx, coordinator.id()).stream().map(TopicGroup::field).collect(Collectors.toSet());
        for (Handlungsfeld field : Handlungsfeld.values()) {
            if (present.contains(field.code())) continue;
            LocalActor group = actors.insertGroup(tx, freeHandle(tx, field, coordinator), name(field, coordinator), summary(field, coordinator));
            keys.createKeys(tx, group.id());
            groups.link(tx, group.id(), coordinator.id(), field.code());
        }
        return groups.ofCoordinator(tx, coordinator.id());
    }

    private String freeHandle(DSLContext tx, Handlungsfeld field, LocalActor coordinator) {
        if (!actors.handleTaken(tx, field.code())) return field.code();
        for (int n = 1; ; n++) {
            String suffix = n == 1 ? "" : "-" + n;
            String room = coordinator.handle().substring(0, Math.min(coordinator.handle().length(),
                    MAX_HANDLE - field.code().length() - 1 - suffix.length()));
            String handle = field.code() + "-" + room.replaceAll("[.-]+$", "") + suffix;
            if (!actors.handleTaken(tx, handle)) return handle;
        }
    }

    private static String name(Handlungsfeld field, LocalActor coordinator) {
        return field.label() + " · " + coordinator.displayName();
    }

    private static String summary(Handlungsfeld field, LocalActor coordinator) {
        return "Themengruppe „" + field.label() + "“ von " + coordinator.displayName() + ". Sie teilt jeden neuen öffentlichen Beitrag "
                + "aus dem Netzwerk der Kommunen zum Handlungsfeld " + field.label() + " (auch Beiträge mit #" + field.hashtag() + "). "
                + "Kommunen, die ihr folgen oder die die Koordinierungsstelle abonniert hat, erreichen alle, die der Gruppe folgen, "
                + "indem sie die Gruppe in einem öffentlichen Beitrag erwähnen.";
    }
}
