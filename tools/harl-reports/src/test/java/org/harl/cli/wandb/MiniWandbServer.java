package org.harl.cli.wandb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/** Enough of W&B for the CLI tests: Viewer, UpsertBucket, upsertView and file_stream, recording what arrives. */
public final class MiniWandbServer implements Closeable {
    private static final ObjectMapper JSON = new ObjectMapper();
    public final MockWebServer server = new MockWebServer();
    public final List<JsonNode> graphql = Collections.synchronizedList(new ArrayList<>());
    public final List<String> fileStreamBodies = Collections.synchronizedList(new ArrayList<>());
    /** Uploads to the signed URLs (served by this same server): their Authorization header, or "none". */
    public final List<String> uploadAuthorization = Collections.synchronizedList(new ArrayList<>());

    public MiniWandbServer() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String body = request.getBody() == null ? "" : request.getBody().utf8();
                if (request.getUrl().encodedPath().startsWith("/storage/")) {
                    String auth = request.getHeaders().get("Authorization");
                    uploadAuthorization.add(auth == null ? "none" : auth);
                    return ok("");
                }
                if (request.getUrl().encodedPath().endsWith("/file_stream")) {
                    fileStreamBodies.add(body);
                    return ok("{}");
                }
                try {
                    JsonNode q = JSON.readTree(body);
                    graphql.add(q);
                    JsonNode v = q.path("variables");
                    return switch (q.path("operationName").asText()) {
                        case "Viewer" -> ok("{\"data\":{\"viewer\":{\"entity\":\"alice\"}}}");
                        case "UpsertBucket" -> ok("{\"data\":{\"upsertBucket\":{\"bucket\":{\"name\":\""
                                + v.path("name").asText() + "\",\"project\":{\"name\":\"" + v.path("project").asText()
                                + "\",\"entity\":{\"name\":\"" + v.path("entity").asText() + "\"}}}}}}");
                        case "CreateRunFiles" -> ok("{\"data\":{\"createRunFiles\":{\"uploadHeaders\":[],"
                                + "\"files\":[{\"name\":\"" + v.path("files").get(0).asText() + "\",\"uploadUrl\":\""
                                + server.url("/storage/" + v.path("files").get(0).asText()) + "\"}]}}}");
                        case "upsertView" -> ok("{\"data\":{\"upsertView\":{\"view\":{\"id\":\"VmlldzoxMjM=\","
                                + "\"name\":\"" + v.path("name").asText() + "\"},\"inserted\":true}}}");
                        default -> new MockResponse.Builder().code(400).body("{}").build();
                    };
                } catch (IOException e) {
                    return new MockResponse.Builder().code(400).body("{}").build();
                }
            }
        });
        server.start(InetAddress.getByName("127.0.0.1"), 0);
    }

    private static MockResponse ok(String body) {
        return new MockResponse.Builder().code(200).body(body).build();
    }

    public String baseUrl() {
        String u = server.url("/").toString();
        return u.substring(0, u.length() - 1);
    }

    @Override
    public void close() {
        server.close();
    }
}
