package de.allmende.bench;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;

/**
 * The ceiling for {@link ReadBenchmark}: the plain Vert.x JSON hello-world of the reference notes
 * ({@code ctx.json(...)} on a vertx-web router), one event-loop verticle per event loop. Run in its
 * own JVM with the benchmark's JVM flags; prints {@code ready} once it listens.
 *
 * <pre>java -cp … de.allmende.bench.HelloWorldServer PORT EVENT_LOOPS</pre>
 */
public final class HelloWorldServer extends VerticleBase {
    private final int port;

    private HelloWorldServer(int port) {
        this.port = port;
    }

    @Override
    public Future<?> start() {
        Router r = Router.router(vertx);
        r.get("/").handler(ctx -> ctx.json(new JsonObject().put("message", "Hello, World!")));
        return vertx.createHttpServer().requestHandler(r).listen(port, "127.0.0.1");
    }

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        int eventLoops = Integer.parseInt(args[1]);
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(eventLoops));
        vertx.deployVerticle(() -> new HelloWorldServer(port), new DeploymentOptions().setInstances(eventLoops)).await();
        System.out.println("ready");
    }
}
