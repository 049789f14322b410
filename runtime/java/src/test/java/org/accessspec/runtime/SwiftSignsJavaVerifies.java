package org.accessspec.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Swift side signs, the Java side verifies: a loopback proxy in front of {@code accessc mock}
 * through which {@code accessc conform} (the Swift runner and RequestSigner) sends a platform's
 * vectors. The proxy judges each request with the Java RequestVerifier, forwards it unchanged,
 * and compares its verdict with the mock's: the Java verifier must refuse a signature exactly
 * when the mock answers invalid-signature, and a stale or replayed request exactly when the mock
 * answers expired-request. Exit status 1 on any disagreement, or when no signature verified.
 *
 *   java ... SwiftSignsJavaVerifies ACCESSC PLATFORM MOCK_PORT PROXY_PORT
 */
public final class SwiftSignsJavaVerifies {
    private static final Set<String> UNFORWARDED = Set.of("host", "content-length", "connection", "expect", "upgrade", "transfer-encoding");

    public static void main(String[] args) throws Exception {
        String accessc = args[0], platform = args[1];
        int mockPort = Integer.parseInt(args[2]), proxyPort = Integer.parseInt(args[3]);
        JsonNode vectors = Json.MAPPER.readTree(Files.readAllBytes(Path.of("generated/tests/" + platform + "/vectors.json")));
        JsonNode security = vectors.get("security");
        JsonNode signing = security.get("signing");
        String reference = signing.get("key").asText();
        String secret = System.getenv(reference.substring(6, reference.length() - 1));
        RequestVerifier verifier = new RequestVerifier(new RequestSigner(SigningAlgorithm.fromWireName(signing.get("algorithm").asText()), secret),
                signing.get("header").asText(), security.get("accessIdHeader").asText(), security.get("tokenHeader").asText());
        int invalidSignature = vectors.get("conditions").get("invalid-signature").get("code").asInt();
        int expired = vectors.get("conditions").get("expired-request").get("code").asInt();
        boolean headData = "head-data".equals(security.get("envelope").asText());

        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER).build();
        AtomicInteger requests = new AtomicInteger(), verified = new AtomicInteger();
        List<String> disagreements = java.util.Collections.synchronizedList(new ArrayList<>());
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", proxyPort), 0);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            URI uri = exchange.getRequestURI();
            String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            List<RequestVerifier.Header> headers = new ArrayList<>();
            for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
                for (String value : header.getValue()) headers.add(new RequestVerifier.Header(header.getKey(), value));
            }
            RequestVerifier.Refusal refusal = verifier.verify(new RequestVerifier.Incoming(exchange.getRequestMethod(), target, headers, body), System.currentTimeMillis());
            HttpRequest.Builder forward = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + mockPort + target))
                    .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            for (RequestVerifier.Header header : headers) {
                if (!UNFORWARDED.contains(header.name().toLowerCase(java.util.Locale.ROOT))) forward.header(header.name(), header.value());
            }
            HttpResponse<byte[]> answer;
            try {
                answer = client.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (InterruptedException e) {
                throw new IOException(e);
            }
            int code = -1;
            try {
                JsonNode json = Json.MAPPER.readTree(answer.body());
                code = (headData ? json.path("head").path("code") : json.path("code")).asInt(-1);
            } catch (IOException notJson) {
                // A body that is not JSON is no contract error.
            }
            requests.incrementAndGet();
            boolean javaRefusesSignature = refusal != null && refusal.condition() == RequestVerifier.Condition.INVALID_SIGNATURE;
            boolean javaRefusesFreshness = refusal != null && refusal.condition() == RequestVerifier.Condition.EXPIRED_REQUEST;
            if (!javaRefusesSignature && refusal == null) verified.incrementAndGet();
            if (javaRefusesSignature != (code == invalidSignature) || javaRefusesFreshness != (code == expired)) {
                disagreements.add(exchange.getRequestMethod() + " " + target + ": Java says " + (refusal == null ? "genuine and fresh" : refusal.reason())
                        + ", the mock answered code " + code);
            }
            exchange.sendResponseHeaders(answer.statusCode(), answer.body().length == 0 ? -1 : answer.body().length);
            exchange.getResponseBody().write(answer.body());
            exchange.close();
        });
        server.start();
        Process conform = new ProcessBuilder(accessc, "conform", "specs", "--platform", platform, "--base-url", "http://127.0.0.1:" + proxyPort)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        int conformStatus = conform.waitFor();
        server.stop(0);
        System.out.println("   " + platform + ": " + requests.get() + " requests signed by the Swift runner, " + verified.get()
                + " verified genuine and fresh by the Java verifier, " + disagreements.size() + " disagreements with the mock (accessc conform exit " + conformStatus + ")");
        disagreements.stream().limit(10).forEach(line -> System.out.println("     " + line));
        System.exit(disagreements.isEmpty() && verified.get() > 0 && requests.get() > 0 ? 0 : 1);
    }
}
