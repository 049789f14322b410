package org.accessspec.runtime;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** A request as it goes on the wire and the response as it came back. */
public final class HttpExchange {
    private HttpExchange() {}

    public record Request(String method, URI url, String target, List<RequestVerifier.Header> headers, byte[] body) {
        public String header(String name) {
            for (RequestVerifier.Header header : headers) if (header.name().equalsIgnoreCase(name)) return header.value();
            return null;
        }

        public Request withHeaders(List<RequestVerifier.Header> replaced) { return new Request(method, url, target, List.copyOf(replaced), body); }

        public Request withBody(byte[] replaced) { return new Request(method, url, target, headers, replaced); }

        public List<RequestVerifier.Header> headersWithout(String name) {
            List<RequestVerifier.Header> kept = new ArrayList<>();
            for (RequestVerifier.Header header : headers) if (!header.name().equalsIgnoreCase(name)) kept.add(header);
            return kept;
        }
    }

    public record Response(int status, List<RequestVerifier.Header> headers, byte[] body) {}
}
