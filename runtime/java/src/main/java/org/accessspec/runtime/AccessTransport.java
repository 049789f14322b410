package org.accessspec.runtime;

import java.time.Duration;

/** Sends one request. The default is {@link JdkHttpTransport}; tests and conformance runs wrap it. */
public interface AccessTransport {
    HttpExchange.Response send(HttpExchange.Request request, Duration timeout, long maxResponseBytes);
}
