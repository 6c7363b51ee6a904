package org.trialsearch.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.util.List;
import org.trialsearch.error.InvalidRequestException;
import org.trialsearch.write.BodyFormat;
import org.trialsearch.write.TrialWrites;

/** The write routes: each checks the token, hands the body to the writes service, and answers once the write is durable. */
final class WriteApi {

  private final TrialWrites writes;
  private final WriteAccess access;

  WriteApi(TrialWrites writes, WriteAccess access) {
    this.writes = writes;
    this.access = access;
  }

  void register(Routes routes) {
    routes.put("/api/trials/{nctId}", Routes.NONE, this::put);
    routes.post("/api/trials", List.of("format"), this::post);
    routes.delete("/api/trials/{nctId}", Routes.NONE, this::delete);
  }

  private void put(Context ctx) throws IOException, InterruptedException {
    access.check(ctx);
    String id = TrialIdParam.read(ctx.pathParam("nctId"));
    if (!id.startsWith("NCT")) throw new InvalidRequestException("PUT takes an NCT id; trials known only from copied pages are written by POST");
    String contentType = ctx.header("Content-Type");
    BodyFormat.requireJson(contentType);
    ctx.json(writes.put(id, body(ctx, contentType, ".json")));
  }

  private void post(Context ctx) throws IOException, InterruptedException {
    access.check(ctx);
    String contentType = ctx.header("Content-Type");
    String extension = BodyFormat.extension(ctx.queryParam("format"), contentType);
    ctx.json(writes.post(body(ctx, contentType, extension), extension));
  }

  /** The body in UTF-8, which the readers read, whatever charset it was sent in. */
  private static byte[] body(Context ctx, String contentType, String extension) {
    return BodyFormat.inUtf8(ctx.bodyAsBytes(), RequestChecks.charset(contentType), extension);
  }

  private void delete(Context ctx) throws IOException, InterruptedException {
    access.check(ctx);
    ctx.json(writes.delete(TrialIdParam.read(ctx.pathParam("nctId"))));
  }
}
