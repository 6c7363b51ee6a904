package org.trialsearch.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.io.IOException;
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

  void register(JavalinConfig config) {
    config.routes.put("/api/trials/{nctId}", this::put);
    config.routes.post("/api/trials", this::post);
    config.routes.delete("/api/trials/{nctId}", this::delete);
  }

  private void put(Context ctx) throws IOException, InterruptedException {
    access.check(ctx);
    String id = TrialIdParam.read(ctx.pathParam("nctId"));
    if (!id.startsWith("NCT")) throw new InvalidRequestException("PUT takes an NCT id; trials known only from copied pages are written by POST");
    BodyFormat.requireJson(ctx.contentType());
    ctx.json(writes.put(id, ctx.bodyAsBytes()));
  }

  private void post(Context ctx) throws IOException, InterruptedException {
    access.check(ctx);
    String extension = BodyFormat.extension(ctx.queryParam("format"), ctx.contentType());
    ctx.json(writes.post(ctx.bodyAsBytes(), extension));
  }

  private void delete(Context ctx) throws IOException, InterruptedException {
    access.check(ctx);
    ctx.json(writes.delete(TrialIdParam.read(ctx.pathParam("nctId"))));
  }
}
