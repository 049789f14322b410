package org.accessspec.runtime;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.BiFunction;

/**
 * Makes one contract call: validates the request, builds it (envelope, credentials, replay
 * protection, signature), sends it with a deadline (retrying only idempotent operations), and maps
 * the response to the declared type or to the platform's contract error.
 */
public final class AccessCaller {
    private final ClientConfiguration configuration;
    private final PlatformProfile profile;
    private final AccessTransport transport;

    public AccessCaller(ClientConfiguration configuration, PlatformProfile profile, AccessTransport transport) {
        this.configuration = configuration;
        this.profile = profile;
        this.transport = transport;
    }

    /** {@code response} is null for an operation without a response body; the call then returns null. */
    public <T> T call(OperationDescriptor operation, AccessValidatable request, TypeReference<T> response,
                      BiFunction<Integer, String, ? extends ContractException> errors) {
        configuration.checkBaseUrl();
        ObjectNode fields;
        if (request == null) {
            fields = Json.MAPPER.createObjectNode();
        } else {
            request.accessValidate("request");
            fields = Json.MAPPER.valueToTree(request);
        }
        RequestBuilder builder = new RequestBuilder(configuration, profile);
        int attempts = operation.idempotent() ? configuration.maxAttempts : 1;
        long backoff = configuration.initialBackoff.toMillis();
        for (int attempt = 1; ; attempt++) {
            HttpExchange.Request outgoing = builder.build(operation, fields, String.valueOf(configuration.clock.getAsLong()), configuration.nonces.get());
            HttpExchange.Response answer;
            try {
                answer = transport.send(outgoing, configuration.timeout, configuration.maxResponseBytes);
            } catch (AccessException e) {
                if (attempt >= attempts || !e.isTransient()) throw e;
                backoff = pause(backoff);
                continue;
            }
            if (attempt < attempts && (answer.status() >= 500 || answer.status() == 429)) {
                backoff = pause(backoff);
                continue;
            }
            return decode(answer, response, errors);
        }
    }

    private static long pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AccessException.Transport("interrupted", e);
        }
        return millis * 2;
    }

    private <T> T decode(HttpExchange.Response answer, TypeReference<T> response, BiFunction<Integer, String, ? extends ContractException> errors) {
        String text = new String(answer.body(), StandardCharsets.UTF_8);
        JsonNode body;
        try {
            body = answer.body().length == 0 ? null : Json.MAPPER.readTree(answer.body());
        } catch (IOException e) {
            body = null;
        }
        JsonNode data;
        if (profile.envelope() == PlatformProfile.Envelope.PLAIN) {
            if (answer.status() < 200 || answer.status() >= 300) {
                if (body != null && body.path("code").canConvertToInt() && body.path("code").isIntegralNumber()) {
                    throw errors.apply(body.get("code").intValue(), body.path("message").asText(""));
                }
                throw new AccessException.UnexpectedResponse(answer.status(), text);
            }
            data = body;
        } else {
            JsonNode head = body == null ? null : body.get("head");
            if (head == null || !head.path("code").isIntegralNumber()) throw new AccessException.UnexpectedResponse(answer.status(), text);
            if (head.get("code").intValue() != 0) throw errors.apply(head.get("code").intValue(), head.path("message").asText(""));
            data = body.get("data");
        }
        if (response == null) return null;
        if (data == null) throw new AccessException.Decoding("no response body", null);
        try {
            return Json.MAPPER.readerFor(response).readValue(data);
        } catch (IOException | IllegalArgumentException e) {
            throw new AccessException.Decoding(e.getMessage(), e);
        }
    }
}
