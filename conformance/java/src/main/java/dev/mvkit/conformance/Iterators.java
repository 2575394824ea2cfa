package dev.mvkit.conformance;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.milvus.orm.iterator.QueryIterator;
import io.milvus.orm.iterator.SearchIterator;
import io.milvus.orm.iterator.SearchIteratorV2;
import io.milvus.response.QueryResultsWrapper;
import io.milvus.v2.client.ConnectConfig;
import io.milvus.v2.client.MilvusClientV2;
import io.milvus.v2.common.IndexParam;
import io.milvus.v2.service.vector.request.QueryIteratorReq;
import io.milvus.v2.service.vector.request.SearchIteratorReq;
import io.milvus.v2.service.vector.request.SearchIteratorReqV2;
import io.milvus.v2.service.vector.request.data.FloatVec;
import io.milvus.v2.service.vector.response.SearchResp;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Drives the Java SDK's iterators (MilvusClientV2.queryIterator, searchIterator, searchIteratorV2)
 * against a server, for conformance/test/java-iterators.test.ts. It reads the cases as a JSON array
 * on stdin ({iterator: query|search|searchV2, collection, batch, limit?, filter?, vector?}), drains
 * each and prints one JSON line per case with what the SDK returned: the page sizes, the primary
 * keys in order and, for a search, the scores ({pages, ids, scores?, error?}). The test owns the
 * data and the checks. Target: system properties mvkit.uri and mvkit.token.
 */
public final class Iterators {
    private Iterators() {}

    public static void main(String[] args) throws Exception {
        JsonArray cases = JsonParser.parseReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).getAsJsonArray();
        MilvusClientV2 client = new MilvusClientV2(ConnectConfig.builder().uri(System.getProperty("mvkit.uri")).token(System.getProperty("mvkit.token", "")).build());
        Gson gson = new Gson();
        try {
            for (JsonElement c : cases) System.out.println(gson.toJson(run(client, c.getAsJsonObject())));
        } finally {
            client.close();
        }
    }

    private static Map<String, Object> run(MilvusClientV2 client, JsonObject c) {
        List<Integer> pages = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        List<Float> scores = new ArrayList<>();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("pages", pages);
        out.put("ids", ids);
        String kind = c.get("iterator").getAsString();
        String collection = c.get("collection").getAsString();
        long batch = c.get("batch").getAsLong();
        String filter = c.has("filter") ? c.get("filter").getAsString() : "";
        List<String> output = Collections.singletonList("id");
        try {
            switch (kind) {
                case "query": {
                    QueryIteratorReq.QueryIteratorReqBuilder<?, ?> req = QueryIteratorReq.builder().collectionName(collection).batchSize(batch).expr(filter).outputFields(output);
                    if (c.has("limit")) req.limit(c.get("limit").getAsLong());
                    QueryIterator it = client.queryIterator(req.build());
                    for (List<QueryResultsWrapper.RowRecord> page = it.next(); !page.isEmpty(); page = it.next()) {
                        pages.add(page.size());
                        for (QueryResultsWrapper.RowRecord r : page) ids.add((Long) r.get("id"));
                    }
                    it.close();
                    break;
                }
                case "search": {
                    SearchIteratorReq.SearchIteratorReqBuilder<?, ?> req = SearchIteratorReq.builder().collectionName(collection).vectorFieldName("v").metricType(IndexParam.MetricType.L2)
                            .vectors(Collections.singletonList(vector(c))).batchSize(batch).expr(filter).outputFields(output).params("{}");
                    if (c.has("limit")) req.topK(c.get("limit").getAsInt());
                    SearchIterator it = client.searchIterator(req.build());
                    for (List<QueryResultsWrapper.RowRecord> page = it.next(); !page.isEmpty(); page = it.next()) {
                        pages.add(page.size());
                        for (QueryResultsWrapper.RowRecord r : page) {
                            ids.add((Long) r.get("id"));
                            scores.add((Float) r.get("score"));
                        }
                    }
                    it.close();
                    out.put("scores", scores);
                    break;
                }
                case "searchV2": {
                    SearchIteratorReqV2.SearchIteratorReqV2Builder<?, ?> req = SearchIteratorReqV2.builder().collectionName(collection).vectorFieldName("v").metricType(IndexParam.MetricType.L2)
                            .vectors(Collections.singletonList(vector(c))).batchSize(batch).filter(filter).outputFields(output);
                    if (c.has("limit")) req.topK(c.get("limit").getAsInt());
                    SearchIteratorV2 it = client.searchIteratorV2(req.build());
                    for (List<SearchResp.SearchResult> page = it.next(); !page.isEmpty(); page = it.next()) {
                        pages.add(page.size());
                        for (SearchResp.SearchResult r : page) {
                            ids.add((Long) r.getId());
                            scores.add(r.getScore());
                        }
                    }
                    it.close();
                    out.put("scores", scores);
                    break;
                }
                default:
                    throw new IllegalArgumentException("unknown iterator " + kind);
            }
        } catch (Exception e) {
            out.put("error", e.getClass().getName() + ": " + e.getMessage());
        }
        return out;
    }

    private static FloatVec vector(JsonObject c) {
        List<Float> v = new ArrayList<>();
        for (JsonElement x : c.get("vector").getAsJsonArray()) v.add(x.getAsFloat());
        return new FloatVec(v);
    }
}
