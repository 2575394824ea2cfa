package dev.mvkit.conformance;

import java.io.ByteArrayOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Runtime support of the generated page programs of the Java conformance runner
 * (conformance/src/runners/java.ts). A page program calls {@link #begin} before each documented
 * block and {@link #end} after it; between the two, System.out is captured. Each block's record
 * (printed text, the error it threw, failed statuses returned by the legacy client) is written as
 * one JSON line to the file named by the system property {@code mvkit.results}, flushed at once,
 * so a run that dies or hangs still reports the blocks it finished.
 *
 * <p>The target server comes from system properties (mvkit.uri, mvkit.host, mvkit.port,
 * mvkit.token): the runner rewrites the documented address literals to these fields, which keeps
 * the compiled page independent of the (ephemeral) target port.
 */
public final class Harness {
    /** {@code http://host:port} of the target (the docs' {@code http://localhost:19530}). */
    public static final String TARGET_URI = System.getProperty("mvkit.uri", "http://localhost:19530");
    /** {@code host:port} of the target (the docs' {@code localhost:19530}). */
    public static final String TARGET_ADDRESS = System.getProperty("mvkit.address", "localhost:19530");
    /** Host of the target (the docs' {@code localhost}). */
    public static final String TARGET_HOST = System.getProperty("mvkit.host", "localhost");
    /** Port of the target (the docs' {@code 19530}). */
    public static final int TARGET_PORT = Integer.getInteger("mvkit.port", 19530);
    /** Token or user:password of the target (the docs' {@code root:Milvus}). */
    public static final String TARGET_TOKEN = System.getProperty("mvkit.token", "root:Milvus");

    private static final PrintStream REAL_OUT = System.out;
    private static final List<String> FAILURES = new ArrayList<>();
    private static final List<AutoCloseable> CLOSE = new ArrayList<>();
    private static ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private static Writer results;
    private static Throwable error;

    private Harness() {}

    /** Starts capturing a block's output. */
    public static void begin(int block) {
        captured = new ByteArrayOutputStream();
        FAILURES.clear();
        error = null;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    }

    /** Records what a block threw. */
    public static void fail(Throwable t) {
        error = t instanceof InvocationTargetException && t.getCause() != null ? t.getCause() : t;
    }

    /** Ends a block: writes its record. */
    public static void end(int block) {
        System.out.flush();
        System.setOut(REAL_OUT);
        StringBuilder line = new StringBuilder();
        line.append("{\"block\":").append(block);
        line.append(",\"stdout\":").append(json(captured.toString(StandardCharsets.UTF_8)));
        line.append(",\"failures\":[");
        for (int i = 0; i < FAILURES.size(); i++) line.append(i > 0 ? "," : "").append(json(FAILURES.get(i)));
        line.append("]");
        if (error != null) line.append(",\"error\":").append(describe(error));
        line.append("}\n");
        try {
            if (results == null) {
                String path = System.getProperty("mvkit.results");
                results = path == null ? new OutputStreamWriter(REAL_OUT, StandardCharsets.UTF_8) : new OutputStreamWriter(new FileOutputStream(path, true), StandardCharsets.UTF_8);
            }
            results.write(line.toString());
            results.flush();
        } catch (IOException e) {
            throw new RuntimeException(e);
        }
    }

    /** Closes the clients the harness made and exits (the SDK's channels keep non-daemon threads). */
    public static void finish() {
        for (AutoCloseable c : CLOSE) {
            try {
                c.close();
            } catch (Exception ignored) {
                // closing is best effort
            }
        }
        System.exit(0);
    }

    /**
     * The {@code milvusClient} that 2.0-era pages use without ever constructing it: a
     * MilvusServiceClient on the target, as the docs' connect page builds it
     * ({@code ConnectParam.newBuilder().withHost("localhost").withPort(19530)}). The legacy client
     * returns failures as {@code R} statuses instead of throwing: every call that returns a failed
     * {@code R} is recorded as a failure of the block.
     */
    public static io.milvus.client.MilvusClient legacyClient() {
        io.milvus.param.ConnectParam.Builder params = io.milvus.param.ConnectParam.newBuilder().withHost(TARGET_HOST).withPort(TARGET_PORT);
        if (!TARGET_TOKEN.isEmpty()) params = params.withToken(TARGET_TOKEN);
        io.milvus.client.MilvusServiceClient client = new io.milvus.client.MilvusServiceClient(params.build());
        CLOSE.add(client::close);
        InvocationHandler handler = (proxy, method, args) -> {
            Object result;
            try {
                result = method.invoke(client, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (result instanceof io.milvus.param.R) {
                io.milvus.param.R<?> r = (io.milvus.param.R<?>) result;
                if (r.getStatus() != null && r.getStatus() != io.milvus.param.R.Status.Success.getCode()) {
                    FAILURES.add(method.getName() + " returned status " + r.getStatus() + ": " + r.getMessage());
                }
            }
            return result;
        };
        return (io.milvus.client.MilvusClient) Proxy.newProxyInstance(Harness.class.getClassLoader(), new Class<?>[] {io.milvus.client.MilvusClient.class}, handler);
    }

    /** A thrown error as JSON: class, message, and the Milvus codes an SDK exception carries. */
    private static String describe(Throwable t) {
        StringBuilder out = new StringBuilder("{\"class\":").append(json(t.getClass().getName()));
        out.append(",\"message\":").append(json(String.valueOf(t.getMessage())));
        // MilvusClientException (v2): getServerErrCode() is Milvus's code, getLegacyServerCode() the
        // legacy ErrorCode number, getErrorCode() the SDK's own category. Read reflectively, so the
        // harness compiles against any SDK line.
        for (String[] m : new String[][] {{"getServerErrCode", "code"}, {"getLegacyServerCode", "legacyCode"}, {"getErrorCode", "sdkCode"}, {"getStatus", "status"}}) {
            try {
                Method getter = t.getClass().getMethod(m[0]);
                Object value = getter.invoke(t);
                if (value != null) out.append(",\"").append(m[1]).append("\":").append(json(String.valueOf(value)));
            } catch (ReflectiveOperationException | RuntimeException ignored) {
                // not this kind of exception
            }
        }
        StackTraceElement[] stack = t.getStackTrace();
        for (StackTraceElement e : stack) {
            if (e.getClassName().startsWith("Page_")) {
                out.append(",\"line\":").append(e.getLineNumber());
                break;
            }
        }
        if (t.getCause() != null && t.getCause() != t) out.append(",\"cause\":").append(json(t.getCause().toString()));
        return out.append('}').toString();
    }

    private static String json(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"': out.append("\\\""); break;
                case '\\': out.append("\\\\"); break;
                case '\n': out.append("\\n"); break;
                case '\r': out.append("\\r"); break;
                case '\t': out.append("\\t"); break;
                default:
                    if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
                    else out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
