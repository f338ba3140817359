package io.fastsync.rest;

import io.fastsync.config.FastSyncSettings;
import io.fastsync.error.Refusal;
import io.fastsync.rest.error.Problems;
import io.fastsync.rest.error.RefusalLog;
import io.fastsync.wire.Problem;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.inject.Inject;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * Reads each request body before the endpoints see it, without a request thread: the container
 * reads it as it arrives (non-blocking, {@link ReadListener}), and the request goes on to the
 * endpoints once the whole body is there. A slow or incomplete body therefore holds a connection
 * and at most {@value FastSyncSettings#MAX_PUSH_BYTES} bytes of memory, never a thread that other
 * callers need, and it is answered {@code 408 request-timeout} when the whole body has not arrived
 * within {@value FastSyncSettings#BODY_TIMEOUT}. A body that grows past the push limit is answered
 * {@code 413} as soon as it does; a declared {@code Content-Length} past it is left to the
 * endpoint, which answers 413 without reading.
 *
 * <p>The standalone server maps it to every path in {@code web.xml}, with the JAX-RS servlet
 * {@code async-supported}; an embedding application may map it to its sync endpoints the same way.
 */
public class BodyReading implements Filter {

    private static final Logger LOG = Logger.getLogger(BodyReading.class.getName());

    @Inject
    FastSyncSettings settings;

    @Inject
    RequestContextController requestContext;

    @Inject
    RefusalLog refusals;

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        if (request.getDispatcherType() == DispatcherType.ASYNC) {
            // The request this filter read and dispatched: the wrapper holding its body travels
            // with the dispatch. The container activates no request context for an asynchronous
            // dispatch; the endpoints' request-scoped beans need one.
            boolean activated = requestContext.activate();
            try {
                chain.doFilter(request, response);
            } finally {
                if (activated) {
                    requestContext.deactivate();
                }
            }
            return;
        }
        long declared = http.getContentLengthLong();
        if (!hasBody(http, declared)
                || !request.isAsyncSupported()
                || declared > settings.maxPushBytes()
                || !http.getProtocol().startsWith("HTTP/1.")
                || upgradesToHttp2(http)) {
            chain.doFilter(request, response);
            return;
        }
        readThenDispatch(http, (HttpServletResponse) response, declared);
    }

    /**
     * A request over HTTP/2, or one that asks to upgrade its connection to it ({@code Upgrade: h2c},
     * which Java's {@code HttpClient} sends by default), is read the blocking way: Grizzly's HTTP/2
     * filter fails non-blocking reads of it, and with HTTP/2 turned off Grizzly loses such a
     * request's body.
     */
    private static boolean upgradesToHttp2(HttpServletRequest request) {
        String upgrade = request.getHeader("Upgrade");
        return upgrade != null && upgrade.toLowerCase(java.util.Locale.ROOT).contains("h2c");
    }

    private static boolean hasBody(HttpServletRequest request, long declared) {
        return declared > 0 || request.getHeader("Transfer-Encoding") != null;
    }

    private void readThenDispatch(HttpServletRequest request, HttpServletResponse response, long declared)
            throws IOException {
        long max = settings.maxPushBytes();
        int seconds = settings.bodyTimeoutSeconds();
        ReadBody read = new ReadBody(request);
        // Started with the wrapper, so that the dispatch below hands the wrapper on.
        AsyncContext async = request.startAsync(read, response);
        async.setTimeout(seconds * 1000L);
        ByteArrayOutputStream body = new ByteArrayOutputStream(declared > 0 ? (int) declared : 8192);
        AtomicBoolean answered = new AtomicBoolean();
        async.addListener(new AsyncListener() {
            @Override
            public void onTimeout(AsyncEvent event) throws IOException {
                if (answered.compareAndSet(false, true)) {
                    LOG.fine(() -> "a body had not arrived after " + seconds + " s: " + body.size() + " bytes");
                    refuse(
                            request,
                            response,
                            Refusal.REQUEST_TIMEOUT,
                            "the whole body did not arrive within " + seconds + " s (" + FastSyncSettings.BODY_TIMEOUT
                                    + "); " + body.size() + " bytes came");
                    async.complete();
                }
            }

            @Override
            public void onError(AsyncEvent event) {
                if (answered.compareAndSet(false, true)) {
                    async.complete();
                }
            }

            @Override
            public void onComplete(AsyncEvent event) {
                // nothing to release: the buffer goes with the request
            }

            @Override
            public void onStartAsync(AsyncEvent event) {
                // not started again
            }
        });
        ServletInputStream in = request.getInputStream();
        in.setReadListener(new ReadListener() {
            private final byte[] chunk = new byte[16 * 1024];

            @Override
            public synchronized void onDataAvailable() throws IOException {
                while (in.isReady() && !answered.get()) {
                    int n = in.read(chunk);
                    if (n < 0) {
                        return;
                    }
                    body.write(chunk, 0, n);
                    if (body.size() > max && answered.compareAndSet(false, true)) {
                        refuse(request, response, Refusal.PUSH_TOO_LARGE, "the body is larger than " + max + " bytes");
                        async.complete();
                        return;
                    }
                    if (body.size() == declared) {
                        dispatch();
                        return;
                    }
                }
            }

            /**
             * Grizzly may say that all was read before it has handed over the whole body of a request
             * on a kept-alive connection, and hand over the rest afterwards: with a declared length,
             * the body is complete when that many bytes came, whatever was said before.
             */
            @Override
            public synchronized void onAllDataRead() {
                if (declared < 0 || body.size() >= declared) {
                    dispatch();
                }
            }

            private void dispatch() {
                if (answered.compareAndSet(false, true)) {
                    read.body = body.toByteArray();
                    async.dispatch();
                }
            }

            @Override
            public void onError(Throwable t) {
                if (answered.compareAndSet(false, true)) {
                    try {
                        refuse(
                                request,
                                response,
                                Refusal.MALFORMED_JSON,
                                "the body could not be read: it ended early or its transfer encoding is broken");
                    } catch (IOException | RuntimeException e) {
                        // the connection is gone
                    }
                    async.complete();
                }
            }
        });
    }

    /** Writes a refusal in the problem shape of every other error answer, and logs it as they are. */
    private void refuse(HttpServletRequest request, HttpServletResponse response, Refusal refusal, String detail)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        Problem answer = new Problem(refusal.status(), refusal.code(), refusal.title(), detail, List.of());
        refusals.refused(
                request.getMethod(),
                request.getRequestURI().substring(request.getContextPath().length()),
                request.getRemoteAddr(),
                answer);
        ByteArrayOutputStream problem = new ByteArrayOutputStream(512);
        Problems.write(answer, problem);
        response.setStatus(refusal.status());
        response.setContentType("application/problem+json");
        response.setContentLength(problem.size());
        // The rest of the body may still come; the connection is not read again.
        response.setHeader("Connection", "close");
        OutputStream out = response.getOutputStream();
        problem.writeTo(out);
        out.flush();
    }

    /** The request with its body, once read. */
    private static final class ReadBody extends HttpServletRequestWrapper {
        private volatile byte[] body = new byte[0];

        ReadBody(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("the body is read already");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
