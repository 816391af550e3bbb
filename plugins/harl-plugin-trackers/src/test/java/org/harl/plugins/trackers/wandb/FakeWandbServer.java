package org.harl.plugins.trackers.wandb;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.harl.plugins.trackers.ExtendedJson;

/**
 * A W&B server good enough to test the client against: GraphQL (Viewer, UpsertBucket, CreateRunFiles, upsertView),
 * file_stream with offset semantics (a line written at an existing offset replaces it), and a separate "storage"
 * server for signed uploads. Faults can be queued per endpoint. Binds to 127.0.0.1 only.
 */
final class FakeWandbServer implements Closeable {

    /** A queued failure: its response, and whether the server applies the request before failing. */
    record Fault(MockResponse response, boolean applied) {
    }

    final MockWebServer api = new MockWebServer();
    final MockWebServer storage = new MockWebServer();
    final List<RecordedRequest> apiRequests = Collections.synchronizedList(new ArrayList<>());
    final List<RecordedRequest> uploads = Collections.synchronizedList(new ArrayList<>());
    final Map<String, Map<Long, String>> files = new LinkedHashMap<>();
    final Map<String, byte[]> uploaded = new LinkedHashMap<>();
    final List<Map<String, Object>> upserts = new ArrayList<>();
    final List<String> reportedUploads = new ArrayList<>();
    final Deque<Fault> fileStreamFaults = new ArrayDeque<>();
    final Deque<Fault> graphqlFaults = new ArrayDeque<>();
    /** Arrival times (System.nanoTime) and statuses of file_stream requests. */
    final List<long[]> fileStreamLog = Collections.synchronizedList(new ArrayList<>());
    volatile String summary;
    volatile Integer exitCode;
    volatile String viewerEntity = "alice";
    volatile String acceptedAuthorization;

    FakeWandbServer() throws IOException {
        api.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                apiRequests.add(request);
                return handleApi(request);
            }
        });
        storage.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                uploads.add(request);
                synchronized (FakeWandbServer.this) {
                    uploaded.put(request.getUrl().encodedPath().substring("/bucket/".length()),
                            request.getBody().toByteArray());
                }
                return new MockResponse.Builder().code(200).build();
            }
        });
        api.start(InetAddress.getByName("127.0.0.1"), 0);
        storage.start(InetAddress.getByName("127.0.0.1"), 0);
    }

    String baseUrl() {
        String u = api.url("/").toString();
        return u.substring(0, u.length() - 1);
    }

    static MockResponse status(int code, String body) {
        return new MockResponse.Builder().code(code).body(body).build();
    }

    static Fault failing(int code) {
        return new Fault(status(code, "{\"error\":\"injected " + code + "\"}"), false);
    }

    static Fault retryAfter(int seconds) {
        return new Fault(new MockResponse.Builder().code(429).setHeader("Retry-After", seconds)
                .body("{\"error\":\"rate limited\"}").build(), false);
    }

    /** The server applies the request, then the connection dies before the reply. */
    static Fault resetAfterApply() {
        return new Fault(new MockResponse.Builder().code(200).body("{}")
                .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build(), true);
    }

    /** The server applies the request but answers after {@code seconds}. */
    static Fault slowAfterApply(double seconds) {
        return new Fault(new MockResponse.Builder().code(200).body("{}")
                .headersDelay(Math.round(seconds * 1000), TimeUnit.MILLISECONDS).build(), true);
    }

    private MockResponse handleApi(RecordedRequest request) {
        String auth = request.getHeaders().get("Authorization");
        if (acceptedAuthorization != null && !acceptedAuthorization.equals(auth)) {
            return status(401, "{\"errors\":[{\"message\":\"bad credentials " + auth + "\"}]}");
        }
        String path = request.getUrl().encodedPath();
        try {
            if (path.equals("/graphql")) {
                return graphql(ExtendedJson.mapper().readTree(request.getBody().utf8()));
            }
            if (path.endsWith("/file_stream")) {
                Fault fault;
                synchronized (this) {
                    fault = fileStreamFaults.poll();
                }
                fileStreamLog.add(new long[] {System.nanoTime(), fault == null ? 200 : fault.response().getCode()});
                if (fault != null && !fault.applied()) {
                    return fault.response();
                }
                applyFileStream(path, ExtendedJson.mapper().readTree(request.getBody().utf8()));
                return fault != null ? fault.response() : status(200, "{}");
            }
        } catch (IOException e) {
            return status(400, "{\"error\":\"" + e.getMessage() + "\"}");
        }
        return status(404, "{\"error\":\"no route " + path + "\"}");
    }

    private synchronized MockResponse graphql(JsonNode body) {
        Fault fault = graphqlFaults.poll();
        if (fault != null) {
            return fault.response();
        }
        String op = body.path("operationName").asText();
        JsonNode vars = body.path("variables");
        switch (op) {
            case "Viewer":
                return status(200, "{\"data\":{\"viewer\":{\"id\":\"u1\",\"entity\":\"" + viewerEntity
                        + "\",\"username\":\"" + viewerEntity + "\"}}}");
            case "UpsertBucket": {
                @SuppressWarnings("unchecked")
                Map<String, Object> v = ExtendedJson.mapper().convertValue(vars, Map.class);
                upserts.add(v);
                return status(200, "{\"data\":{\"upsertBucket\":{\"bucket\":{\"id\":\"b1\",\"name\":\""
                        + vars.path("name").asText() + "\",\"project\":{\"id\":\"p1\",\"name\":\""
                        + vars.path("project").asText() + "\",\"entity\":{\"id\":\"e1\",\"name\":\""
                        + vars.path("entity").asText(viewerEntity) + "\"}},\"historyLineCount\":0},"
                        + "\"inserted\":true}}}");
            }
            case "CreateRunFiles": {
                StringBuilder files = new StringBuilder();
                for (JsonNode f : vars.path("files")) {
                    if (files.length() > 0) {
                        files.append(',');
                    }
                    files.append("{\"name\":\"").append(f.asText()).append("\",\"uploadUrl\":\"")
                            .append(storage.url("/bucket/" + f.asText())).append("?sig=xyz\"}");
                }
                return status(200, "{\"data\":{\"createRunFiles\":{\"runID\":\"b1\",\"uploadHeaders\":"
                        + "[\"X-Upload-Token:tok:1\"],\"files\":[" + files + "]}}}");
            }
            case "upsertView":
                return status(200, "{\"data\":{\"upsertView\":{\"view\":{\"id\":\"v1\",\"name\":\""
                        + vars.path("name").asText() + "\",\"type\":\"runs\"},\"inserted\":true}}}");
            default:
                return status(400, "{\"errors\":[{\"message\":\"unknown operation " + op + "\"}]}");
        }
    }

    private synchronized void applyFileStream(String path, JsonNode body) {
        body.path("files").fields().forEachRemaining(f -> {
            long offset = f.getValue().path("offset").asLong();
            Map<Long, String> lines = files.computeIfAbsent(f.getKey(), k -> new TreeMap<>());
            for (JsonNode line : f.getValue().path("content")) {
                if (f.getKey().equals("wandb-summary.json")) {
                    summary = line.asText();
                } else {
                    lines.put(offset++, line.asText());
                }
            }
        });
        body.path("uploaded").forEach(u -> reportedUploads.add(u.asText()));
        if (body.path("complete").asBoolean(false)) {
            exitCode = body.path("exitcode").asInt();
        }
    }

    /** The server's history lines in offset order, parsed. */
    synchronized List<Map<String, Object>> history() {
        List<Map<String, Object>> out = new ArrayList<>();
        files.getOrDefault("wandb-history.jsonl", Map.of()).values().forEach(l -> out.add(ExtendedJson.readMap(l)));
        return out;
    }

    /** The server's history offsets (must be 0..n-1 without gaps). */
    synchronized List<Long> historyOffsets() {
        return new ArrayList<>(files.getOrDefault("wandb-history.jsonl", Map.of()).keySet());
    }

    List<RecordedRequest> requestsTo(String pathSuffix) {
        synchronized (apiRequests) {
            return apiRequests.stream().filter(r -> r.getUrl().encodedPath().endsWith(pathSuffix)).toList();
        }
    }

    @Override
    public void close() {
        api.close();
        storage.close();
    }
}
