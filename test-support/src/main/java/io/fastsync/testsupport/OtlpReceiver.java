package io.fastsync.testsupport;

import com.google.protobuf.ByteString;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.ExponentialHistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

/**
 * An OTLP/HTTP receiver for tests: a server's OpenTelemetry SDK exports its metrics and spans here
 * (http/protobuf, plain or gzip), and the test reads what arrived. It listens on 127.0.0.1 on a free
 * port; {@link #environment(String)} gives the variables that point a server process at it.
 *
 * <p>Metrics keep the latest data point per metric name and attribute set, as the exports are
 * cumulative: points of another process with the same name and attributes replace them. Spans are kept
 * in the order they arrived. A request that cannot be decoded is answered 400 and listed by
 * {@link #errors()}. Safe to read from the test while the server thread writes.
 */
public final class OtlpReceiver implements AutoCloseable {

    /**
     * One span as received.
     *
     * @param traceId the trace id in lower-case hex
     * @param spanId the span id in lower-case hex
     * @param parentSpanId the parent's span id in lower-case hex, empty for a root span
     * @param name the span's name
     * @param attributes the span's attributes, each value in its string form
     * @param status {@code UNSET}, {@code OK} or {@code ERROR}
     */
    public record Span(
            String traceId,
            String spanId,
            String parentSpanId,
            String name,
            Map<String, String> attributes,
            String status) {}

    private static final Duration POLL = Duration.ofMillis(50);
    private static final String PROTOBUF = "application/x-protobuf";

    /** The latest value of one metric's points with one attribute set. */
    private record Point(long timeNanos, boolean histogram, double sum, long count) {}

    private record PointKey(String metric, Map<String, String> attributes) {}

    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<PointKey, Point> points = new LinkedHashMap<>();
    private final Map<String, String> units = new TreeMap<>();
    private final List<Span> spans = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();

    private OtlpReceiver(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Starts a receiver on 127.0.0.1 and a free port.
     *
     * @return the running receiver; close it when done
     * @throws UncheckedIOException if no server socket could be opened
     */
    public static OtlpReceiver start() {
        HttpServer server;
        try {
            server =
                    HttpServer.create(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the OTLP receiver's port", e);
        }
        ExecutorService executor = Executors.newFixedThreadPool(2, task -> {
            Thread thread = new Thread(task, "otlp-receiver");
            thread.setDaemon(true);
            return thread;
        });
        OtlpReceiver receiver = new OtlpReceiver(server, executor);
        server.createContext("/", receiver::handle);
        server.setExecutor(executor);
        server.start();
        return receiver;
    }

    /**
     * The base URL to export to; the SDK appends {@code /v1/metrics} and {@code /v1/traces}.
     *
     * @return {@code http://127.0.0.1:PORT}, never null
     */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /**
     * The environment variables that make a server process's OpenTelemetry SDK export its metrics
     * (every 500 ms) and spans (batched every 200 ms) here over http/protobuf, and no logs.
     *
     * @param serviceName the {@code OTEL_SERVICE_NAME}, or null to leave it out
     * @return a new unmodifiable map, never null
     */
    public Map<String, String> environment(String serviceName) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("OTEL_SDK_DISABLED", "false");
        if (serviceName != null) {
            environment.put("OTEL_SERVICE_NAME", serviceName);
        }
        environment.put("OTEL_EXPORTER_OTLP_ENDPOINT", endpoint().toString());
        environment.put("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf");
        environment.put("OTEL_TRACES_EXPORTER", "otlp");
        environment.put("OTEL_METRICS_EXPORTER", "otlp");
        environment.put("OTEL_LOGS_EXPORTER", "none");
        environment.put("OTEL_METRIC_EXPORT_INTERVAL", "500");
        environment.put("OTEL_BSP_SCHEDULE_DELAY", "200");
        return Collections.unmodifiableMap(environment);
    }

    /**
     * The sum over the latest points of a Sum metric (monotonic or not, integer or double) whose
     * attributes include every given one.
     *
     * @param name the metric's name
     * @param attributes {@code key=value} pairs that a point's attributes must include, compared with
     *     each value's string form
     * @return the sum, 0 if no such point arrived yet
     */
    public double sum(String name, String... attributes) {
        return total(name, false, attributes, Point::sum);
    }

    /**
     * The total count over the latest points of a Histogram metric (explicit or exponential) whose
     * attributes include every given one.
     *
     * @param histogram the metric's name
     * @param attributes {@code key=value} pairs, as for {@link #sum(String, String...)}
     * @return the count, 0 if no such point arrived yet
     */
    public long count(String histogram, String... attributes) {
        return (long) total(histogram, true, attributes, point -> (double) point.count());
    }

    /**
     * The total of the recorded values over the latest points of a Histogram metric whose attributes
     * include every given one.
     *
     * @param histogram the metric's name
     * @param attributes {@code key=value} pairs, as for {@link #sum(String, String...)}
     * @return the sum, 0 if no such point arrived yet (or its points carry no sum)
     */
    public double histogramSum(String histogram, String... attributes) {
        return total(histogram, true, attributes, Point::sum);
    }

    /**
     * The names of all metrics received so far, of any type.
     *
     * @return a new sorted set, never null
     */
    public synchronized Set<String> metricNames() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(units.keySet()));
    }

    /**
     * The unit that a metric was last exported with.
     *
     * @param name the metric's name
     * @return the unit, empty if it has none, or null if no such metric arrived yet
     */
    public synchronized String unit(String name) {
        return units.get(name);
    }

    /**
     * Waits until {@link #sum(String, String...)} equals the value, polling every 50 ms.
     *
     * @param name the Sum metric's name
     * @param value the expected sum
     * @param within how long to wait
     * @param attributes {@code key=value} pairs, as for {@link #sum(String, String...)}
     * @throws AssertionError naming the last sum if it is not reached in time
     */
    public void awaitSum(String name, double value, Duration within, String... attributes) {
        double last = poll(() -> sum(name, attributes), sum -> sum == value, within);
        if (last != value) {
            throw new AssertionError("metric " + describe(name, attributes) + " did not reach sum " + value + " within "
                    + within + ": last " + last);
        }
    }

    /**
     * Waits until {@link #count(String, String...)} equals the value, polling every 50 ms.
     *
     * @param histogram the Histogram metric's name
     * @param value the expected count
     * @param within how long to wait
     * @param attributes {@code key=value} pairs, as for {@link #sum(String, String...)}
     * @throws AssertionError naming the last count if it is not reached in time
     */
    public void awaitCount(String histogram, long value, Duration within, String... attributes) {
        long last = poll(() -> count(histogram, attributes), count -> count == value, within);
        if (last != value) {
            throw new AssertionError("histogram " + describe(histogram, attributes) + " did not reach count " + value
                    + " within " + within + ": last " + last);
        }
    }

    /**
     * All spans received so far, in the order they arrived.
     *
     * @return a new unmodifiable list, never null
     */
    public synchronized List<Span> spans() {
        return List.copyOf(spans);
    }

    /**
     * Waits for {@code count} children of a span and names them.
     *
     * @return the names of the span's direct children, once at least {@code count} have arrived
     */
    public java.util.Set<String> awaitChildrenOf(Span parent, int count, Duration within) {
        return awaitSpans(
                        s -> s.traceId().equals(parent.traceId())
                                && s.parentSpanId().equals(parent.spanId()),
                        count,
                        within)
                .stream()
                .filter(s -> s.parentSpanId().equals(parent.spanId()))
                .map(Span::name)
                .collect(java.util.stream.Collectors.toSet());
    }

    /**
     * Waits until at least so many received spans match, polling every 50 ms.
     *
     * @param which which spans count
     * @param atLeast how many must have arrived
     * @param within how long to wait
     * @return all the matching spans so far, in the order they arrived
     * @throws AssertionError naming the spans received if too few match in time
     */
    public List<Span> awaitSpans(Predicate<Span> which, int atLeast, Duration within) {
        Supplier<List<Span>> matching = () -> spans().stream().filter(which).collect(Collectors.toUnmodifiableList());
        List<Span> last = poll(matching, found -> found.size() >= atLeast, within);
        if (last.size() < atLeast) {
            throw new AssertionError(last.size() + " matching spans within " + within + " instead of at least "
                    + atLeast + "; received: "
                    + spans().stream().map(Span::name).collect(Collectors.toList()));
        }
        return last;
    }

    /**
     * The requests that were refused: bodies it could not decode, or of another content type or
     * encoding (answered 400), other paths (404) and other methods (405), each as the request line,
     * the status and the reason.
     *
     * @return a new unmodifiable list, empty if every request was decoded; never null
     */
    public synchronized List<String> errors() {
        return List.copyOf(errors);
    }

    /** Stops the server; what it received stays readable. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String request = exchange.getRequestMethod() + " " + exchange.getRequestURI();
            String path = exchange.getRequestURI().getPath();
            if (!path.equals("/v1/metrics") && !path.equals("/v1/traces")) {
                refuse(exchange, 404, request, "no such OTLP endpoint");
                return;
            }
            if (!exchange.getRequestMethod().equals("POST")) {
                refuse(exchange, 405, request, "only POST is accepted");
                return;
            }
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            if (contentType != null
                    && !contentType
                            .split(";")[0]
                            .trim()
                            .toLowerCase(Locale.ROOT)
                            .equals(PROTOBUF)) {
                refuse(exchange, 400, request, "Content-Type " + contentType + " is not " + PROTOBUF);
                return;
            }
            byte[] response;
            try {
                byte[] body = body(exchange);
                if (path.equals("/v1/metrics")) {
                    receive(ExportMetricsServiceRequest.parseFrom(body));
                    response = ExportMetricsServiceResponse.getDefaultInstance().toByteArray();
                } else {
                    receive(ExportTraceServiceRequest.parseFrom(body));
                    response = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
                }
            } catch (IOException | RuntimeException e) {
                refuse(exchange, 400, request, e.toString());
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", PROTOBUF);
            exchange.sendResponseHeaders(200, response.length == 0 ? -1 : response.length);
            exchange.getResponseBody().write(response);
        }
    }

    /** The request body, inflated if gzip. */
    private static byte[] body(HttpExchange exchange) throws IOException {
        String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
        InputStream raw = exchange.getRequestBody();
        if (encoding == null || encoding.isBlank() || encoding.equalsIgnoreCase("identity")) {
            return raw.readAllBytes();
        }
        if (encoding.equalsIgnoreCase("gzip")) {
            try (InputStream inflated = new GZIPInputStream(raw)) {
                return inflated.readAllBytes();
            }
        }
        throw new IllegalArgumentException("unsupported Content-Encoding " + encoding);
    }

    private void refuse(HttpExchange exchange, int status, String request, String reason) throws IOException {
        synchronized (this) {
            errors.add(request + ": " + status + " " + reason);
        }
        exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
        byte[] text = reason.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, text.length);
        exchange.getResponseBody().write(text);
    }

    /** Metric exports received so far. */
    private long metricExports;

    /**
     * Waits until two more metric exports have arrived, so that what {@link #sum} and
     * {@link #count} answer next was recorded after this call began (one export may have been on
     * its way already); fails if they do not arrive within the time.
     */
    public void awaitFreshMetrics(Duration within) {
        long seen;
        synchronized (this) {
            seen = metricExports;
        }
        long now = poll(
                () -> {
                    synchronized (this) {
                        return metricExports;
                    }
                },
                n -> n >= seen + 2,
                within);
        if (now < seen + 2) {
            throw new AssertionError("no metrics exported for " + within + "; errors: " + errors());
        }
    }

    private synchronized void receive(ExportMetricsServiceRequest request) {
        metricExports++;
        for (ResourceMetrics resource : request.getResourceMetricsList()) {
            for (ScopeMetrics scope : resource.getScopeMetricsList()) {
                for (Metric metric : scope.getMetricsList()) {
                    receive(metric);
                }
            }
        }
    }

    private void receive(Metric metric) {
        String name = metric.getName();
        units.put(name, metric.getUnit());
        switch (metric.getDataCase()) {
            case SUM -> {
                for (NumberDataPoint point : metric.getSum().getDataPointsList()) {
                    double value = switch (point.getValueCase()) {
                        case AS_DOUBLE -> point.getAsDouble();
                        case AS_INT -> point.getAsInt();
                        default -> 0;
                    };
                    keep(name, point.getAttributesList(), new Point(point.getTimeUnixNano(), false, value, 0));
                }
            }
            case HISTOGRAM -> {
                for (HistogramDataPoint point : metric.getHistogram().getDataPointsList()) {
                    keep(
                            name,
                            point.getAttributesList(),
                            new Point(point.getTimeUnixNano(), true, point.getSum(), point.getCount()));
                }
            }
            case EXPONENTIAL_HISTOGRAM -> {
                for (ExponentialHistogramDataPoint point :
                        metric.getExponentialHistogram().getDataPointsList()) {
                    keep(
                            name,
                            point.getAttributesList(),
                            new Point(point.getTimeUnixNano(), true, point.getSum(), point.getCount()));
                }
            }
            default -> {
                // Gauges and summaries: only the name and unit are kept.
            }
        }
    }

    /** Keeps the point unless a later one of the same metric and attributes is already there. */
    private void keep(String metric, List<KeyValue> attributes, Point point) {
        points.merge(
                new PointKey(metric, attributes(attributes)),
                point,
                (kept, received) -> received.timeNanos() >= kept.timeNanos() ? received : kept);
    }

    private synchronized void receive(ExportTraceServiceRequest request) {
        for (ResourceSpans resource : request.getResourceSpansList()) {
            for (ScopeSpans scope : resource.getScopeSpansList()) {
                for (io.opentelemetry.proto.trace.v1.Span span : scope.getSpansList()) {
                    spans.add(new Span(
                            hex(span.getTraceId()),
                            hex(span.getSpanId()),
                            hex(span.getParentSpanId()),
                            span.getName(),
                            attributes(span.getAttributesList()),
                            span.getStatus().getCode().name().replaceFirst("^STATUS_CODE_", "")));
                }
            }
        }
    }

    private synchronized double total(
            String name, boolean histogram, String[] attributes, ToDoubleFunction<Point> value) {
        Map<String, String> wanted = wanted(attributes);
        double total = 0;
        for (Map.Entry<PointKey, Point> entry : points.entrySet()) {
            PointKey key = entry.getKey();
            Point point = entry.getValue();
            if (key.metric().equals(name)
                    && point.histogram() == histogram
                    && key.attributes().entrySet().containsAll(wanted.entrySet())) {
                total += value.applyAsDouble(point);
            }
        }
        return total;
    }

    private static Map<String, String> wanted(String[] attributes) {
        Map<String, String> wanted = new TreeMap<>();
        for (String attribute : attributes) {
            int equals = attribute.indexOf('=');
            if (equals < 0) {
                throw new IllegalArgumentException("not key=value: " + attribute);
            }
            wanted.put(attribute.substring(0, equals), attribute.substring(equals + 1));
        }
        return wanted;
    }

    private static String describe(String name, String[] attributes) {
        return attributes.length == 0 ? name : name + "{" + String.join(", ", attributes) + "}";
    }

    private static Map<String, String> attributes(List<KeyValue> attributes) {
        Map<String, String> map = new TreeMap<>();
        for (KeyValue attribute : attributes) {
            map.put(attribute.getKey(), string(attribute.getValue()));
        }
        return Collections.unmodifiableMap(map);
    }

    /** An attribute value's string form: arrays as {@code [a, b]}, maps as {@code {k=v}}, bytes in hex. */
    private static String string(AnyValue value) {
        return switch (value.getValueCase()) {
            case STRING_VALUE -> value.getStringValue();
            case BOOL_VALUE -> String.valueOf(value.getBoolValue());
            case INT_VALUE -> String.valueOf(value.getIntValue());
            case DOUBLE_VALUE -> String.valueOf(value.getDoubleValue());
            case ARRAY_VALUE ->
                value.getArrayValue().getValuesList().stream()
                        .map(OtlpReceiver::string)
                        .collect(Collectors.joining(", ", "[", "]"));
            case KVLIST_VALUE ->
                attributes(value.getKvlistValue().getValuesList()).toString();
            case BYTES_VALUE -> hex(value.getBytesValue());
            default -> "";
        };
    }

    private static String hex(ByteString bytes) {
        return HexFormat.of().formatHex(bytes.toByteArray());
    }

    /** Reads until the value is done or the time is up, every 50 ms, and returns the last value read. */
    private static <T> T poll(Supplier<T> read, Predicate<? super T> done, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            T value = read.get();
            if (done.test(value) || System.nanoTime() - deadline >= 0) {
                return value;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting", e);
            }
        }
    }
}
