package org.accessspec.runtime.conformance;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.accessspec.runtime.AccessEnumeration;
import org.accessspec.runtime.AccessException;
import org.accessspec.runtime.AccessValidatable;
import org.accessspec.runtime.AccessTransport;
import org.accessspec.runtime.ClientConfiguration;
import org.accessspec.runtime.ContractException;
import org.accessspec.runtime.HttpExchange;
import org.accessspec.runtime.JdkHttpTransport;
import org.accessspec.runtime.Json;
import org.accessspec.runtime.OperationDescriptor;
import org.accessspec.runtime.ReplayHeaders;
import org.accessspec.runtime.RequestBuilder;
import org.accessspec.runtime.RequestSigner;
import org.accessspec.runtime.RequestVerifier;

/**
 * How one vector is sent through a typed client (the Swift side's ConformanceSession and
 * VectorRequest): the configuration it implies (token, clock), the typed request the client sends,
 * and the faults put into the outgoing request (its fields replaced, the signature removed or
 * spoiled, the access id changed after signing, a replay). Before sending, the runtime's own
 * verifier checks that the request carries the vector's fault and nothing else.
 */
public final class VectorSession {
    /** One HttpClient (and its connection pool) for every vector. */
    private static final JdkHttpTransport BASE = new JdkHttpTransport();
    private final ConformanceSuite suite;
    private final JsonNode operation;
    private final JsonNode vector;
    private final JsonNode send;
    private final ClientConfiguration configuration;
    private final RequestVerifier ownCheck;

    VectorSession(ConformanceSuite suite, JsonNode operation, JsonNode vector) {
        this.suite = suite;
        this.operation = operation;
        this.vector = vector;
        this.send = vector.path("send");
        var environment = suite.environment;
        long offset = send.path("timestampOffsetSeconds").asLong(0) * 1000;
        ClientConfiguration.Builder builder = ClientConfiguration.builder(environment.getOrDefault("ACCESSSPEC_BASE_URL", ""),
                        environment.getOrDefault("ACCESSSPEC_ACCESS_ID", ConformanceSuite.DEFAULT_ACCESS_ID))
                .environment(environment).timeout(Duration.ofSeconds(30)).retry(1, Duration.ZERO).allowInsecureLoopback(true)
                .clock(() -> System.currentTimeMillis() + offset);
        if (send.path("token").asBoolean(true)) builder.accessToken(environment.getOrDefault("ACCESSSPEC_ACCESS_TOKEN", ConformanceSuite.DEFAULT_ACCESS_TOKEN));
        configuration = builder.build();
        var signing = suite.profile.signing();
        String variable = signing == null ? null : signing.keyReference().replaceAll("^\\$\\{env:(.*)\\}$", "$1");
        String secret = variable == null ? null : environment.get(variable);
        ownCheck = secret == null || secret.isEmpty() ? null
                : new RequestVerifier(new RequestSigner(signing.algorithm(), secret), signing.header(), suite.profile.accessIdHeader(), suite.profile.tokenHeader());
    }

    public ClientConfiguration configuration() { return configuration; }

    /** The transport that puts the vector's fault into what the client built. */
    public AccessTransport transport() { return this::sendFaulty; }

    /** The vector's own request when it is valid, else the operation's valid request, which the fault then replaces. */
    JsonNode clientRequest() {
        if ("valid-request".equals(vector.get("check").asText())) return vector.get("request");
        for (JsonNode candidate : operation.get("vectors")) {
            if ("valid-request".equals(candidate.get("check").asText())) return candidate.get("request");
        }
        return vector.get("request");
    }

    /** The typed request the client sends. */
    public <T> T request(TypeReference<T> type) {
        try {
            return Json.MAPPER.readerFor(type).readValue(clientRequest());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the vector's request is not a " + type.getType().getTypeName() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Checks a successful response as the client checks a request, with the contract's types:
     * required fields present, formats and their check characters, constraints, declared enum
     * values. What {@code accessc conform} checks of a response's shape beyond decoding.
     */
    public void response(Object value) {
        if (value == null) throw new AccessException.Decoding("the operation declares a response, and none came", null);
        check(value, "response");
    }

    private static void check(Object value, String path) {
        if (value instanceof AccessValidatable record) {
            record.accessValidate(path);
        } else if (value instanceof AccessEnumeration enumeration) {
            org.accessspec.runtime.FieldCheck.declared(enumeration, path);
        } else if (value instanceof java.util.List<?> list) {
            for (int index = 0; index < list.size(); index++) check(list.get(index), path + "[" + index + "]");
        } else if (value instanceof java.util.Map<?, ?> map) {
            for (var entry : new java.util.TreeMap<>(map).entrySet()) check(entry.getValue(), path + "." + entry.getKey());
        }
    }

    OperationDescriptor descriptor() {
        return new OperationDescriptor(operation.get("id").asText(), operation.get("method").asText(), operation.get("path").asText(),
                operation.get("idempotent").asBoolean());
    }

    private HttpExchange.Response sendFaulty(HttpExchange.Request outgoing, Duration timeout, long maxResponseBytes) {
        HttpExchange.Request request = outgoing;
        JsonNode timestamp = send.get("timestamp");
        if (!vector.get("request").equals(clientRequest()) || (timestamp != null && !timestamp.isNull())) {
            RequestBuilder builder = new RequestBuilder(configuration, suite.profile);
            request = builder.build(descriptor(), (ObjectNode) vector.get("request"),
                    timestamp != null && !timestamp.isNull() ? timestamp.asText() : outgoing.header(ReplayHeaders.TIMESTAMP), outgoing.header(ReplayHeaders.NONCE));
        }
        request = tampered(request);
        String fault = faultProblem(request);
        if (fault != null) throw new IllegalStateException("the runner's own request does not mean what the vector says: " + fault);
        if (send.path("replay").asBoolean(false)) BASE.send(request, timeout, maxResponseBytes);
        return BASE.send(request, timeout, maxResponseBytes);
    }

    /** The changes made after signing: the access id changed, the signature removed or spoiled. */
    private HttpExchange.Request tampered(HttpExchange.Request request) {
        HttpExchange.Request out = request;
        if ("access-id".equals(send.path("tamper").asText(null))) {
            String header = suite.profile.accessIdHeader();
            if (out.header(header) != null) {
                List<RequestVerifier.Header> headers = new ArrayList<>();
                for (RequestVerifier.Header h : out.headers()) headers.add(h.name().equalsIgnoreCase(header) ? new RequestVerifier.Header(h.name(), h.value() + "-tampered") : h);
                out = out.withHeaders(headers);
            } else if (out.body() != null) {
                try {
                    ObjectNode envelope = (ObjectNode) Json.MAPPER.readTree(out.body());
                    ObjectNode head = (ObjectNode) envelope.get("head");
                    head.put("accessId", head.path("accessId").asText("") + "-tampered");
                    out = out.withBody(Json.MAPPER.writeValueAsBytes(envelope));
                } catch (java.io.IOException e) {
                    throw new IllegalStateException("a head-data body that is not JSON", e);
                }
            }
        }
        var signing = suite.profile.signing();
        String signature = send.path("signature").asText("valid");
        if (signing == null || signature.equals("valid")) return out;
        String original = request.header(signing.header());
        List<RequestVerifier.Header> headers = out.headersWithout(signing.header());
        if (signature.equals("wrong")) headers.add(new RequestVerifier.Header(signing.header(), spoiled(original == null ? "" : original)));
        return out.withHeaders(headers);
    }

    /** A signature of the right form that does not verify: hex with its first digit changed, or base64 DER with one bit of its last byte flipped. */
    static String spoiled(String signature) {
        if (!signature.matches("[0-9a-fA-F]*")) {
            byte[] bytes = Base64.getDecoder().decode(signature);
            bytes[bytes.length - 1] ^= 0x01;
            return Base64.getEncoder().encodeToString(bytes);
        }
        if (signature.isEmpty()) return "00";
        return (signature.charAt(0) == '0' ? "1" : "0") + signature.substring(1);
    }

    /** Null when the runtime's verifier judges the request as the vector expects the server to (ConformanceRunner.carriesItsFault). */
    private String faultProblem(HttpExchange.Request request) {
        if (ownCheck == null) return null;
        var incoming = new RequestVerifier.Incoming(request.method(), request.target(), request.headers(), request.body() == null ? new byte[0] : request.body());
        long now = System.currentTimeMillis();
        RequestVerifier.Refusal refusal = ownCheck.verify(incoming, now);
        if (send.path("replay").asBoolean(false) && refusal == null) refusal = ownCheck.verify(incoming, now);
        RequestVerifier.Condition expected = switch (vector.get("check").asText()) {
            case "missing-signature", "wrong-signature", "tampered-access-id" -> RequestVerifier.Condition.INVALID_SIGNATURE;
            case "stale-timestamp", "future-timestamp", "extreme-timestamp", "replayed-nonce" -> RequestVerifier.Condition.EXPIRED_REQUEST;
            default -> null;
        };
        if (expected == null) return refusal == null ? null : "the verifier refuses it: " + refusal.reason();
        if (refusal != null && refusal.condition() == expected) return null;
        return "the verifier answers " + (refusal == null ? "that it is genuine and fresh" : refusal.reason());
    }

    /** Null when the call came out as the vector expects, else why not. */
    String run(ConformanceSuite.Call call) {
        JsonNode expect = vector.get("expect");
        boolean success = "success".equals(expect.get("outcome").asText());
        String expected = success ? "a successful response"
                : "error " + expect.path("error").asText("?") + " (code " + expect.path("code").asText("?") + ", HTTP " + expect.path("status").asText() + ")";
        try {
            call.run(this);
            return success ? null : "expected " + expected + ", but the call succeeded";
        } catch (ContractException error) {
            if (!success && error.code() == expect.path("code").asInt()) return null;
            return "expected " + expected + ", got contract error " + error.code() + " (" + error.getMessage() + ")";
        } catch (AccessException.InvalidField error) {
            if (error.path().startsWith("response")) return "the response does not match the contract: " + error.reason() + " at " + error.path();
            return "expected " + expected + ", got " + error.getMessage();
        } catch (AccessException | IllegalStateException error) {
            return "expected " + expected + ", got " + error.getMessage();
        }
    }
}
