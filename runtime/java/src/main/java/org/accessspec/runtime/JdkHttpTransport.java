package org.accessspec.runtime;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code java.net.http.HttpClient}: HTTP/1.1, redirects never followed (a 3xx is an error), one
 * deadline for the whole exchange including the response body, the body read up to a limit.
 */
public final class JdkHttpTransport implements AccessTransport {
    private final HttpClient client;

    public JdkHttpTransport() {
        this(HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build());
    }

    /** A client of your own (proxies, TLS settings); it must not follow redirects. */
    public JdkHttpTransport(HttpClient client) {
        if (client.followRedirects() != HttpClient.Redirect.NEVER) throw new AccessException.InvalidConfiguration("the HttpClient must not follow redirects");
        this.client = client;
    }

    @Override
    public HttpExchange.Response send(HttpExchange.Request request, Duration timeout, long maxResponseBytes) {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.url()).timeout(timeout)
                .method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        for (RequestVerifier.Header header : request.headers()) builder.header(header.name(), header.value());
        CompletableFuture<HttpExchange.Response> exchange = client.sendAsync(builder.build(), HttpResponse.BodyHandlers.ofInputStream())
                .thenApply(response -> read(response, maxResponseBytes));
        try {
            return exchange.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new AccessException.TimedOut();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AccessException.Transport("interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof java.util.concurrent.CompletionException c && c.getCause() != null ? c.getCause() : e.getCause();
            if (cause instanceof AccessException access) throw access;
            if (cause instanceof java.net.http.HttpTimeoutException) throw new AccessException.TimedOut();
            throw new AccessException.Transport(String.valueOf(cause), cause);
        }
    }

    private static HttpExchange.Response read(HttpResponse<InputStream> response, long limit) {
        List<RequestVerifier.Header> headers = new ArrayList<>();
        response.headers().map().forEach((name, values) -> values.forEach(value -> headers.add(new RequestVerifier.Header(name, value))));
        try (InputStream body = response.body()) {
            if (response.statusCode() >= 300 && response.statusCode() < 400) {
                throw new AccessException.Redirected(response.statusCode(), response.headers().firstValue("location").orElse(null));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[16 << 10];
            for (int read; (read = body.read(buffer)) >= 0; ) {
                if (out.size() + (long) read > limit) throw new AccessException.ResponseTooLarge(limit);
                out.write(buffer, 0, read);
            }
            return new HttpExchange.Response(response.statusCode(), headers, out.toByteArray());
        } catch (IOException e) {
            throw new AccessException.Transport(e.toString(), e);
        }
    }
}
