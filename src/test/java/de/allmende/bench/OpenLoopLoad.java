package de.allmende.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-loop load: request k is due at {@code start + k / rate}, whatever the node's answers do. At most
 * {@code concurrency} requests are in flight; a request that gets its slot more than the tolerance after
 * it was due counts as late (the node, or this machine, could not keep up), and one still waiting when the
 * run ends as not sent. Latencies are from sending to the answer; the node's falling behind shows in the
 * late count.
 *
 * <p>Every {@code readEvery}-th request is a read; the others are writes, so writes arrive at
 * {@code writeRate} and reads on top of that.
 */
final class OpenLoopLoad implements AutoCloseable {
    /** Cumulative counts, read by the sampler while the load runs. */
    final LongAdder writesSent = new LongAdder(), readsSent = new LongAdder(), accepted = new LongAdder(), readsOk = new LongAdder();
    final LongAdder badStatus = new LongAdder(), connectionErrors = new LongAdder(), late = new LongAdder();
    final AtomicLong notSent = new AtomicLong();
    /**
     * Inbox POSTs answered 429 and sent again after the Retry-After the node asked for, as Mastodon's and
     * others' delivery workers do: flow control, not an error. A retry that is refused again counts as one.
     */
    final LongAdder retried429 = new LongAdder();
    private final java.util.concurrent.atomic.AtomicInteger retriesPending = new java.util.concurrent.atomic.AtomicInteger();
    private static final int MAX_RETRIES = 3;
    /** Unexpected answers by "METHOD path status", connection errors (timeouts included) by "METHOD exception". */
    final Map<String, LongAdder> badStatuses = new ConcurrentHashMap<>(), connectionErrorKinds = new ConcurrentHashMap<>();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
            .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
    private final URI node;
    private final SoakTraffic traffic;
    private final double totalRate;
    private final int readEvery;
    private final int concurrency;
    private final Semaphore slots;
    private final long lateNanos;
    /** Each request signs and sends on a virtual thread of its own. */
    private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
    private long[] writeLatencies = new long[4096];
    private int latencyCount;

    OpenLoopLoad(URI node, SoakTraffic traffic, double writeRate, double readShare, int concurrency, long lateMillis) {
        this.traffic = traffic;
        this.readEvery = readShare <= 0 ? Integer.MAX_VALUE : (int) Math.round((1 + readShare) / readShare);
        this.totalRate = readShare <= 0 ? writeRate : writeRate * readEvery / (readEvery - 1.0);
        this.concurrency = concurrency;
        this.slots = new Semaphore(concurrency);
        this.lateNanos = TimeUnit.MILLISECONDS.toNanos(lateMillis);
        this.node = node;
    }

    /** Sends until {@code seconds} have passed, then waits (at most a minute) for the answers still out. */
    void run(double seconds) throws InterruptedException {
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        double interval = 1e9 / totalRate;
        for (long k = 0; ; k++) {
            long due = start + (long) (k * interval);
            if (due >= end) break;
            for (long wait; (wait = due - System.nanoTime()) > 0; ) LockSupport.parkNanos(wait); // parkNanos may return early
            if (!slots.tryAcquire(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                notSent.set((long) Math.ceil((end - due) / interval)); // this one and all due after it
                break;
            }
            if (System.nanoTime() - due > lateNanos) late.increment();
            boolean read = k % readEvery == readEvery - 1;
            long n = k;
            senders.execute(() -> send(read ? traffic.read(n) : traffic.write(n)));
        }
        if (!slots.tryAcquire(concurrency, 1, TimeUnit.MINUTES)) {
            System.out.println("! " + (concurrency - slots.availablePermits()) + " requests still unanswered a minute after the end");
        } else {
            slots.release(concurrency);
        }
        for (long waitUntil = System.nanoTime() + TimeUnit.MINUTES.toNanos(1); retriesPending.get() > 0 && System.nanoTime() < waitUntil; ) {
            Thread.sleep(100);
        }
    }

    private void send(SoakTraffic.Planned p) {
        (p.write() ? writesSent : readsSent).increment();
        try {
            attempt(p, 0);
        } finally {
            slots.release();
        }
    }

    /** A 429 to a write is sent again after its Retry-After (at most 30 s), off the slots, like a peer's delivery queue. */
    private void retryLater(SoakTraffic.Planned p, int retries, HttpResponse<Void> answer) {
        retried429.increment();
        long seconds = Math.min(30, answer.headers().firstValue("Retry-After").map(OpenLoopLoad::seconds).orElse(5L));
        retriesPending.incrementAndGet();
        senders.execute(() -> {
            try {
                Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
                attempt(p, retries + 1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                retriesPending.decrementAndGet();
            }
        });
    }

    private static long seconds(String retryAfter) {
        try {
            return Math.max(0, Long.parseLong(retryAfter.trim()));
        } catch (NumberFormatException e) {
            return 5;
        }
    }

    private void attempt(SoakTraffic.Planned p, int retries) {
        HttpRequest.Builder b = HttpRequest.newBuilder(node.resolve(p.path())).timeout(Duration.ofSeconds(30))
                .method(p.method(), p.body().length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(p.body()));
        p.headers().forEach(b::header);
        long sent = System.nanoTime();
        try {
            HttpResponse<Void> answer = http.send(b.build(), HttpResponse.BodyHandlers.discarding());
            int status = answer.statusCode();
            if (status == 429 && p.write() && retries < MAX_RETRIES) {
                retryLater(p, retries, answer);
            } else if (status == (p.write() ? 202 : 200)) {
                (p.write() ? accepted : readsOk).increment();
                if (p.write()) recordLatency(System.nanoTime() - sent);
            } else {
                badStatus.increment();
                badStatuses.computeIfAbsent(p.method() + " " + p.path().replaceAll("\\?.*", "") + " " + status, s -> new LongAdder()).increment();
            }
        } catch (IOException e) {
            connectionErrors.increment();
            connectionErrorKinds.computeIfAbsent(p.method() + " " + e, k -> new LongAdder()).increment();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void recordLatency(long nanos) {
        if (latencyCount == writeLatencies.length) writeLatencies = Arrays.copyOf(writeLatencies, latencyCount * 2);
        writeLatencies[latencyCount++] = nanos;
    }

    /** Write latencies (from sending to the 202) since the last call, sorted, in nanoseconds. */
    synchronized long[] takeWriteLatencies() {
        long[] taken = Arrays.copyOf(writeLatencies, latencyCount);
        latencyCount = 0;
        Arrays.sort(taken);
        return taken;
    }

    double totalRate() {
        return totalRate;
    }

    @Override
    public void close() {
        senders.close();
        http.close();
    }
}
