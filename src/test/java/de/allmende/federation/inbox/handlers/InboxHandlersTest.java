package de.allmende.federation.inbox.handlers;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import de.allmende.federation.inbox.ActivityHandler;
import de.allmende.federation.inbox.ActivityRouter;
import de.allmende.federation.vocab.ActivityView;
import de.allmende.federation.vocab.AsToInboundActivity;
import de.allmende.federation.vocab.LikeActivity;
import de.allmende.testkit.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * "Where is a Like handled?" has one answer, in the package tree: every activity type the node acts on has a
 * view ({@code vocab/LikeActivity}) and exactly one handler, {@code inbox/handlers/LikeHandler}, in the router
 * the running node uses.
 */
@DisplayName("inbox handlers: every activity type we act on has exactly one handler, named after it")
class InboxHandlersTest {
    private static TestNode node;
    private static ActivityRouter router;

    @BeforeAll
    static void start() {
        node = TestNode.start();
        router = node.node().services().federation.router();
    }

    @AfterAll
    static void stop() {
        if (node != null) node.close();
    }

    @Test
    void everyViewHasItsOwnHandlerNamedAfterItsType() {
        Set<Class<?>> views = Set.of(ActivityView.class.getPermittedSubclasses());
        assertEquals(views, Set.copyOf(router.routed()), "views with a handler");
        for (Class<? extends ActivityView> view : router.routed()) {
            ActivityHandler<?> handler = router.handlerOf(view).orElseThrow();
            String type = view.getSimpleName().replaceFirst("Activity$", "");
            assertEquals(InboxHandlers.class.getPackageName() + "." + type + "Handler", handler.getClass().getName(), view.getSimpleName());
        }
        Set<Class<?>> handlerClasses = router.routed().stream().map(v -> router.handlerOf(v).orElseThrow().getClass()).collect(Collectors.toSet());
        assertEquals(views.size(), handlerClasses.size(), "no handler serves two types");
    }

    @Test
    void everyTypeWeActOnIsReadAsItsOwnView() {
        Map<Class<?>, String> typeOfView = new HashMap<>();
        for (String type : AsToInboundActivity.viewedTypes()) {
            var activity = JsonNodeFactory.instance.objectNode().put("id", "https://a.example/" + type).put("type", type)
                    .put("actor", "https://a.example/u").put("object", "https://b.example/o");
            ActivityView view = AsToInboundActivity.view(AsToInboundActivity.convert(activity)).orElseThrow();
            String before = typeOfView.put(view.getClass(), type);
            assertNull(before, () -> type + " and " + before + " share " + view.getClass().getSimpleName());
            assertEquals(type + "Activity", view.getClass().getSimpleName());
        }
        assertEquals(Set.of(ActivityView.class.getPermittedSubclasses()), typeOfView.keySet());
    }

    @Test
    void aSecondHandlerForATypeIsRefused() {
        ActivityRouter r = new ActivityRouter().on(LikeActivity.class, like -> { });
        assertThrows(IllegalStateException.class, () -> r.on(LikeActivity.class, like -> { }));
    }
}
