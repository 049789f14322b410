package org.accessspec.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a call guarantees, against a real HTTP server on 127.0.0.1: envelopes, signatures, errors, redirects, deadlines, retries, limits. */
class CallerTest {
    record Probe(String name) implements AccessValidatable {
        @Override public void accessValidate(String path) { FieldCheck.text(name, null, new ValueConstraints(1, 8, List.of(), null, null, null, null), "", path + ".name"); }
    }

    record Answer(String echo) {}

    static final class Failure extends ContractException {
        private static final long serialVersionUID = 1L;

        Failure(int code, String message) { super(code, message); }

        @Override public String errorName() { return "FAILURE"; }
    }

    interface Handler { void handle(HttpExchange exchange, int attempt) throws IOException; }

    HttpServer server;
    Handler handler;
    final AtomicInteger attempts = new AtomicInteger();
    final List<byte[]> bodies = new ArrayList<>();
    final List<com.sun.net.httpserver.Headers> headers = new ArrayList<>();
    final List<String> targets = new ArrayList<>();
    static final String SECRET = "caller-test-secret";

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            synchronized (this) {
                bodies.add(exchange.getRequestBody().readAllBytes());
                headers.add(exchange.getRequestHeaders());
                targets.add(exchange.getRequestURI().getRawPath() + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()));
            }
            try {
                handler.handle(exchange, attempts.incrementAndGet());
            } finally {
                exchange.close();
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    @AfterEach
    void stop() { server.stop(0); }

    static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    AccessCaller caller(PlatformProfile.Envelope envelope, Duration timeout, long limit) {
        var configuration = ClientConfiguration.builder("http://127.0.0.1:" + server.getAddress().getPort() + "/api/", "caller-id")
                .accessToken("tok").environment(Map.of("SECRET", SECRET)).allowInsecureLoopback(true).timeout(timeout)
                .retry(3, Duration.ofMillis(10)).maxResponseBytes(limit).build();
        var profile = new PlatformProfile(envelope, new PlatformProfile.Signing(SigningAlgorithm.HMAC_SM3, "X-Signature", "${env:SECRET}"), "X-Access-Id", "X-Access-Token");
        return new AccessCaller(configuration, profile, new JdkHttpTransport());
    }

    AccessCaller caller() { return caller(PlatformProfile.Envelope.PLAIN, Duration.ofSeconds(5), 1 << 20); }

    static final OperationDescriptor POST = new OperationDescriptor("probe", "POST", "/v1/probe", false);
    static final OperationDescriptor GET = new OperationDescriptor("read", "GET", "/v1/probe/{name}", true);
    static final TypeReference<Answer> ANSWER = new TypeReference<Answer>() {};

    /** The request as the receiver saw it, checked by the receiver's verifier. */
    RequestVerifier.Refusal verify(int index, String method) {
        List<RequestVerifier.Header> list = new ArrayList<>();
        headers.get(index).forEach((name, values) -> values.forEach(value -> list.add(new RequestVerifier.Header(name, value))));
        var verifier = new RequestVerifier(new RequestSigner(SigningAlgorithm.HMAC_SM3, SECRET), "X-Signature", "X-Access-Id", "X-Access-Token");
        return verifier.verify(new RequestVerifier.Incoming(method, targets.get(index), list, bodies.get(index)), System.currentTimeMillis());
    }

    @Test
    void plainEnvelopeIsSignedAndDecoded() throws IOException {
        handler = (exchange, attempt) -> reply(exchange, 200, "{\"echo\":\"ok\",\"extra\":1}");
        Answer answer = caller().call(POST, new Probe("张三"), ANSWER, Failure::new);
        assertEquals("ok", answer.echo());
        assertEquals("/api/v1/probe", targets.get(0));
        assertEquals("{\"name\":\"张三\"}", new String(bodies.get(0), StandardCharsets.UTF_8));
        assertEquals("caller-id", headers.get(0).getFirst("X-Access-Id"));
        assertNull(verify(0, "POST"), "the receiver's verifier accepts what the client signed");
    }

    @Test
    void headDataCarriesTheCredentialsInTheBody() throws IOException {
        handler = (exchange, attempt) -> reply(exchange, 200, "{\"head\":{\"code\":0},\"data\":{\"echo\":\"ok\"}}");
        Answer answer = caller(PlatformProfile.Envelope.HEAD_DATA, Duration.ofSeconds(5), 1 << 20).call(POST, new Probe("x"), ANSWER, Failure::new);
        assertEquals("ok", answer.echo());
        JsonNode body = Json.MAPPER.readTree(bodies.get(0));
        assertEquals("x", body.get("data").get("name").asText());
        assertEquals("caller-id", body.get("head").get("accessId").asText());
        assertEquals(headers.get(0).getFirst("X-Nonce"), body.get("head").get("nonce").asText());
        assertFalse(headers.get(0).containsKey("X-Access-Id"), "no credential headers under head-data");
        assertNull(verify(0, "POST"));
    }

    @Test
    void getSendsTheFieldsInThePathAndIsSigned() throws IOException {
        handler = (exchange, attempt) -> reply(exchange, 200, "{\"echo\":\"ok\"}");
        caller().call(GET, new Probe("a b"), ANSWER, Failure::new);
        assertEquals("/api/v1/probe/a%20b", targets.get(0));
        assertEquals(0, bodies.get(0).length);
        assertNull(verify(0, "GET"));
    }

    @Test
    void contractErrorsAreTyped() {
        handler = (exchange, attempt) -> reply(exchange, 401, "{\"code\":40101,\"message\":\"令牌无效\"}");
        Failure failure = assertThrows(Failure.class, () -> caller().call(POST, new Probe("x"), ANSWER, Failure::new));
        assertEquals(40101, failure.code());
        assertEquals("令牌无效", failure.serverMessage());
        handler = (exchange, attempt) -> reply(exchange, 200, "{\"head\":{\"code\":40102,\"message\":\"bad\"}}");
        assertEquals(40102, assertThrows(Failure.class,
                () -> caller(PlatformProfile.Envelope.HEAD_DATA, Duration.ofSeconds(5), 1 << 20).call(POST, new Probe("x"), ANSWER, Failure::new)).code());
    }

    @Test
    void aBadFieldIsRefusedBeforeSending() {
        handler = (exchange, attempt) -> reply(exchange, 200, "{}");
        var refused = assertThrows(AccessException.InvalidField.class, () -> caller().call(POST, new Probe("much too long"), ANSWER, Failure::new));
        assertEquals("request.name", refused.path());
        assertEquals(0, attempts.get());
    }

    @Test
    void redirectsAreNeverFollowed() {
        handler = (exchange, attempt) -> {
            exchange.getResponseHeaders().add("Location", "http://127.0.0.1:" + server.getAddress().getPort() + "/elsewhere");
            reply(exchange, 307, "");
        };
        assertThrows(AccessException.Redirected.class, () -> caller().call(GET, new Probe("x"), ANSWER, Failure::new));
        assertEquals(List.of("/api/v1/probe/x"), targets, "nothing was sent to the Location, and a redirect is not retried");
    }

    @Test
    void theDeadlineCoversTheWholeBody() {
        handler = (exchange, attempt) -> {
            exchange.sendResponseHeaders(200, 1000);
            exchange.getResponseBody().write("{\"echo\":".getBytes(StandardCharsets.UTF_8));
            exchange.getResponseBody().flush();
            try {
                Thread.sleep(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        long started = System.nanoTime();
        assertThrows(AccessException.TimedOut.class,
                () -> caller(PlatformProfile.Envelope.PLAIN, Duration.ofMillis(500), 1 << 20).call(POST, new Probe("x"), ANSWER, Failure::new));
        assertTrue(System.nanoTime() - started < 2_000_000_000L, "cut off at the deadline, not when the server gives up");
    }

    @Test
    void onlyIdempotentOperationsAreRetried() {
        handler = (exchange, attempt) -> reply(exchange, attempt < 3 ? 503 : 200, attempt < 3 ? "" : "{\"echo\":\"third\"}");
        assertEquals("third", caller().call(GET, new Probe("x"), ANSWER, Failure::new).echo());
        assertEquals(3, attempts.get());
        attempts.set(0);
        assertThrows(AccessException.UnexpectedResponse.class, () -> caller().call(POST, new Probe("x"), ANSWER, Failure::new));
        assertEquals(1, attempts.get(), "a POST that is not idempotent is sent once");
    }

    @Test
    void responsesAreReadUpToTheLimit() {
        handler = (exchange, attempt) -> reply(exchange, 200, "{\"echo\":\"" + "x".repeat(100_000) + "\"}");
        assertThrows(AccessException.ResponseTooLarge.class,
                () -> caller(PlatformProfile.Envelope.PLAIN, Duration.ofSeconds(5), 10_000).call(POST, new Probe("x"), ANSWER, Failure::new));
    }
}
