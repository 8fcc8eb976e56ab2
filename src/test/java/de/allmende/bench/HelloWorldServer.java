package de.allmende.bench;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.ThreadingModel;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;

/**
 * The ceiling for {@link ReadBenchmark}: the plain Vert.x JSON hello-world of the reference notes
 * ({@code ctx.json(...)} on a vertx-web router), one event-loop verticle per event loop. Run in its
 * own JVM with the benchmark's JVM flags; prints {@code ready} once it listens. With the argument
 * {@code virtual-thread} it is deployed as the node deploys its HTTP verticles (virtual-thread
 * verticles, the node's instance count): the ceiling of that threading model.
 *
 * <pre>java -cp … de.allmende.bench.HelloWorldServer PORT EVENT_LOOPS [virtual-thread]</pre>
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
        boolean virtual = args.length > 2 && args[2].equals("virtual-thread");
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(eventLoops));
        // As Node.HTTP_INSTANCES: max(8, 4 × cores) virtual-thread verticles.
        DeploymentOptions deployment = virtual
                ? new DeploymentOptions().setThreadingModel(ThreadingModel.VIRTUAL_THREAD)
                        .setInstances(Math.max(8, 4 * Runtime.getRuntime().availableProcessors()))
                : new DeploymentOptions().setInstances(eventLoops);
        vertx.deployVerticle(() -> new HelloWorldServer(port), deployment).await();
        System.out.println("ready");
    }
}
