package org.trialsearch.http;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.UnauthorizedResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * Who may write: whoever presents the server's write token as {@code Authorization: Bearer ...}.
 * With no token configured every write is refused, saying how to enable them. Tokens are compared
 * by their digests in constant time, so neither timing nor length gives the token away.
 */
final class WriteAccess {

  private final byte[] tokenDigest;

  WriteAccess(Optional<String> token) {
    this.tokenDigest = token.map(WriteAccess::digest).orElse(null);
  }

  void check(Context ctx) {
    if (tokenDigest == null) {
      throw new ForbiddenResponse("writes are disabled on this server; to enable them, start it with a token in the environment variable "
          + HttpSettings.TOKEN_VARIABLE + " or in a file named by --write-token-file, and send it as 'Authorization: Bearer <token>'");
    }
    String header = ctx.header("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.substring(7).isBlank()) {
      ctx.header("WWW-Authenticate", "Bearer realm=\"trialsearch writes\"");
      throw new UnauthorizedResponse("writes need the server's write token as 'Authorization: Bearer <token>'");
    }
    if (!MessageDigest.isEqual(digest(header.substring(7).strip()), tokenDigest)) {
      throw new ForbiddenResponse("this token does not allow writes");
    }
  }

  private static byte[] digest(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
