package org.trialsearch.bench;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.trialsearch.index.Fields;

/**
 * PostgreSQL 15 from Debian in a scratch cluster of its own, as its full-text search chapter
 * recommends: a stored, weighted {@code tsvector} column over the default fields (and one for each
 * criteria half) with GIN indexes, {@code websearch_to_tsquery}, {@code ts_rank}, {@code ts_headline}
 * over the top rows only, facet values as text arrays counted by {@code GROUP BY} over the matching
 * rows (again without its own filter for each filtered dimension). Clients connect over TCP on loopback.
 */
final class PostgresEngine implements Engine {

  static final String NAME = "PostgreSQL 15";
  private static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");
  private static final String HEADLINE = "StartSel=<mark>, StopSel=</mark>, MaxFragments=2, MaxWords=20, MinWords=5";
  /** Text columns; the id column is the trial's key, so "ids" holds its searchable ids. */
  private static final List<String> TEXT = List.of("ids", "title", "condition", "intervention", "keyword", "summary", "sponsor",
      "criteria", "inclusion", "exclusion");

  private final List<Connection> connections = new CopyOnWriteArrayList<>();
  private final ThreadLocal<Connection> connection = new ThreadLocal<>();
  private Path data;
  private int port;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Duration build(Corpus corpus, Path dir) throws Exception {
    data = dir.resolve("pgdata");
    Files.createDirectories(data);
    if (ROOT) Processes.run(List.of("chown", "-R", "postgres", dir.toString()));
    asPostgres(List.of(BIN.resolve("initdb").toString(), "-D", data.toString(), "-A", "trust", "-E", "UTF8", "--locale=C"));
    Files.writeString(data.resolve("postgresql.auto.conf"), String.join("\n",
        "shared_buffers = '4GB'", "work_mem = '64MB'", "maintenance_work_mem = '1GB'", "effective_cache_size = '8GB'",
        "max_connections = 64", "synchronous_commit = off", "max_wal_size = '4GB'", ""));
    start(dir);
    long start = System.nanoTime();
    try (Statement sql = connection().createStatement()) {
      sql.execute(schema());
    }
    copy(corpus.records());
    try (Statement sql = connection().createStatement()) {
      sql.execute("CREATE INDEX trials_doc ON trials USING gin (doc)");
      sql.execute("CREATE INDEX trials_inclusion ON trials USING gin (inclusion_tsv)");
      sql.execute("CREATE INDEX trials_exclusion ON trials USING gin (exclusion_tsv)");
      for (String dim : List.of(Fields.ANTIGEN, Fields.PHASE, Fields.STATUS, Fields.COUNTRY)) {
        sql.execute("CREATE INDEX trials_" + dim + " ON trials USING gin (f_" + dim + ")");
      }
      sql.execute("CREATE INDEX suggestions_words ON suggestions USING gin (words)");
      sql.execute("VACUUM ANALYZE");
    }
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    close();
    return took;
  }

  private static String schema() {
    String facets = Fields.FACET_DIMENSIONS.stream().map(dim -> "f_" + dim + " text[]").collect(Collectors.joining(", "));
    String text = TEXT.stream().map(c -> c + " text").collect(Collectors.joining(", "));
    return "CREATE TABLE trials (id text PRIMARY KEY, " + text + ", " + facets + ", min_age float8, max_age float8, "
        + "doc tsvector GENERATED ALWAYS AS ("
        + "setweight(to_tsvector('english', coalesce(ids, '') || ' ' || coalesce(title, '')), 'A') || "
        + "setweight(to_tsvector('english', coalesce(condition, '') || ' ' || coalesce(intervention, '')), 'B') || "
        + "setweight(to_tsvector('english', coalesce(keyword, '') || ' ' || coalesce(summary, '')), 'C') || "
        + "setweight(to_tsvector('english', coalesce(sponsor, '') || ' ' || coalesce(criteria, '')), 'D')) STORED, "
        + "inclusion_tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', coalesce(inclusion, ''))) STORED, "
        + "exclusion_tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', coalesce(exclusion, ''))) STORED);"
        + "CREATE TABLE suggestions (kind text, value text, trials int, words tsvector GENERATED ALWAYS AS (to_tsvector('simple', value)) STORED);";
  }

  /** COPY, as the manual's "populating a database" advises, in chunks of CSV. */
  private void copy(Path records) throws Exception {
    var copier = connection().unwrap(PGConnection.class).getCopyAPI();
    List<String> columns = new ArrayList<>(List.of("id"));
    columns.addAll(TEXT);
    Fields.FACET_DIMENSIONS.forEach(dim -> columns.add("f_" + dim));
    columns.addAll(List.of("min_age", "max_age"));
    String copyTrials = "COPY trials (" + String.join(", ", columns) + ") FROM STDIN (FORMAT csv)";
    StringWriter chunk = new StringWriter();
    int[] rows = {0};
    Map<List<String>, Integer> suggestions = new LinkedHashMap<>();
    CorpusMaker.forEachRecord(records, record -> {
      List<String> row = new ArrayList<>(List.of(record.id(), record.text(Fields.ID).replace("\n\n", " ")));
      TEXT.subList(1, TEXT.size()).forEach(field -> row.add(record.text(field)));
      Fields.FACET_DIMENSIONS.forEach(dim -> row.add(array(record.facets().get(dim))));
      row.add(record.minAge() == null ? null : record.minAge().toString());
      row.add(record.maxAge() == null ? null : record.maxAge().toString());
      chunk.append(row.stream().map(PostgresEngine::csv).collect(Collectors.joining(","))).append('\n');
      Suggest.count(record, suggestions);
      if (++rows[0] % 2_000 == 0) flush(copier, copyTrials, chunk);
    });
    flush(copier, copyTrials, chunk);
    suggestions.forEach((key, trials) -> chunk.append(csv(key.get(0))).append(',').append(csv(key.get(1))).append(',').append(String.valueOf(trials)).append('\n'));
    flush(copier, "COPY suggestions (kind, value, trials) FROM STDIN (FORMAT csv)", chunk);
  }

  private static void flush(org.postgresql.copy.CopyManager copier, String copy, StringWriter chunk) {
    try {
      copier.copyIn(copy, new java.io.StringReader(chunk.toString()));
    } catch (SQLException | IOException e) {
      throw new IllegalStateException(e);
    }
    chunk.getBuffer().setLength(0);
  }

  private static String array(List<String> values) {
    return values.stream().map(v -> "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"").collect(Collectors.joining(",", "{", "}"));
  }

  private static String csv(String value) {
    return value == null ? "" : "\"" + value.replace("\"", "\"\"") + "\"";
  }

  @Override
  public void start(Path dir) throws Exception {
    data = dir.resolve("pgdata");
    try (var socket = new java.net.ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    asPostgres(List.of(BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", data.resolve("server.log").toString(), "-w",
        "-o", "-p " + port + " -k /tmp -c listen_addresses=127.0.0.1", "start"));
  }

  /** PostgreSQL refuses to run as root: as root, its commands run as the postgres user the Debian package made. */
  private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

  private static void asPostgres(List<String> command) throws Exception {
    List<String> full = new ArrayList<>();
    if (ROOT) full.addAll(List.of("runuser", "-u", "postgres", "--"));
    full.addAll(command);
    Processes.run(full);
  }

  private Connection connection() throws SQLException {
    Connection c = connection.get();
    if (c == null || c.isClosed()) {
      c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "");
      connection.set(c);
      connections.add(c);
    }
    return c;
  }

  @Override
  public int search(BenchQuery query) throws Exception {
    Where where = Where.of(query, null);
    String order = where.rank() == null ? "" : " ORDER BY ts_rank(doc, " + where.rank() + ") DESC";
    String headlineQuery = where.headline() == null ? "''::tsquery" : where.headline();
    String sql = "SELECT id, title, f_status, f_phase, f_antigen, f_country, f_age_group, min_age, max_age, condition, sponsor, f_start_year, "
        + "ts_headline('english', inclusion, " + headlineQuery + ", '" + HEADLINE + "'), "
        + "ts_headline('english', exclusion, " + headlineQuery + ", '" + HEADLINE + "') "
        + "FROM (SELECT * FROM trials WHERE " + where.sql() + order + " LIMIT 10) top";
    int hits = 0;
    try (PreparedStatement statement = where.prepare(connection(), sql, 2); ResultSet rows = statement.executeQuery()) {
      while (rows.next()) hits++;
    }
    facets(query);
    return hits;
  }

  /** Each facet's counts over the matching rows; a filtered dimension over the rows matching all other filters. */
  private Map<String, Map<String, Long>> facets(BenchQuery query) throws SQLException {
    List<Where> wheres = new ArrayList<>();
    StringBuilder sql = new StringBuilder();
    for (String dim : Fields.FACET_DIMENSIONS) {
      Where where = Where.of(query, query.filters().containsKey(dim) ? dim : null);
      String limit = dim.equals(Fields.CONDITION_FACET) ? " ORDER BY 3 DESC, 2 LIMIT 20" : "";
      if (!sql.isEmpty()) sql.append(" UNION ALL ");
      sql.append("(SELECT '").append(dim).append("', v, count(*) FROM trials, unnest(f_").append(dim).append(") v WHERE ")
          .append(where.sql()).append(" GROUP BY v").append(limit).append(")");
      wheres.add(where);
    }
    Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
    try (PreparedStatement statement = connection().prepareStatement(sql.toString())) {
      int index = 1;
      for (Where where : wheres) index = where.bind(statement, index);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) facets.computeIfAbsent(rows.getString(1), k -> new LinkedHashMap<>()).put(rows.getString(2), rows.getLong(3));
      }
    }
    return facets;
  }

  @Override
  public Matching matching(BenchQuery query) throws Exception {
    Where where = Where.of(query, null);
    Set<String> ids = new HashSet<>();
    try (PreparedStatement statement = where.prepare(connection(), "SELECT id FROM trials WHERE " + where.sql(), 1);
        ResultSet rows = statement.executeQuery()) {
      while (rows.next()) ids.add(rows.getString(1));
    }
    return new Matching(ids, facets(query));
  }

  /**
   * A WHERE clause for the query: unfielded clauses as one websearch query on the weighted column,
   * each fielded clause on its own column, filters as array overlaps, the age as a range; one
   * dimension's filter may be left out (for its own facet counts).
   */
  record Where(String sql, List<Object> params, String rank, String headline, String headlineText) {

    static Where of(BenchQuery query, String withoutDim) {
      List<String> parts = new ArrayList<>();
      List<Object> params = new ArrayList<>();
      String web = query.clauses().stream().filter(c -> c.field() == null).map(Where::websearch).collect(Collectors.joining(" "));
      String rank = null;
      String headline = null;
      String headlineText = null;
      if (!web.isEmpty()) {
        parts.add("doc @@ websearch_to_tsquery('english', ?)");
        params.add(web);
        rank = headline = "websearch_to_tsquery('english', ?)";
        headlineText = web;
      }
      for (BenchQuery.Clause clause : query.clauses()) {
        if (clause.field() == null) continue;
        String column = switch (clause.field()) {
          case "inclusion", "exclusion" -> clause.field() + "_tsv";
          default -> "to_tsvector('english', coalesce(" + clause.field() + ", ''))";
        };
        parts.add((clause.negated() ? "NOT " : "") + "(" + column + " @@ phraseto_tsquery('english', ?))");
        params.add(String.join(" ", clause.words()));
        if (headline == null && !clause.negated()) {
          headline = "phraseto_tsquery('english', ?)";
          headlineText = String.join(" ", clause.words());
        }
      }
      query.filters().forEach((dim, values) -> {
        if (dim.equals(withoutDim)) return;
        parts.add("f_" + dim + " && ?");
        params.add(values.toArray(String[]::new));
      });
      if (query.age() != null) {
        parts.add("min_age <= ? AND max_age >= ?");
        params.add(query.age());
        params.add(query.age());
      }
      return new Where(parts.isEmpty() ? "true" : String.join(" AND ", parts), params, rank, headline, headlineText);
    }

    private static String websearch(BenchQuery.Clause clause) {
      String words = clause.phrase() ? "\"" + String.join(" ", clause.words()) + "\"" : clause.words().get(0);
      return (clause.negated() ? "-" : "") + words;
    }

    /** Prepares the statement: the headline query's parameter (twice for two headlines), then the WHERE's, then the rank's. */
    PreparedStatement prepare(Connection connection, String sql, int headlines) throws SQLException {
      PreparedStatement statement = connection.prepareStatement(sql);
      int index = 1;
      if (sql.contains("ts_headline")) {
        for (int i = 0; i < headlines; i++) if (headline != null) statement.setString(index++, headlineText);
      }
      index = bind(statement, index);
      if (rank != null && sql.contains("ts_rank")) statement.setString(index, (String) params.get(0));
      return statement;
    }

    int bind(PreparedStatement statement, int index) throws SQLException {
      for (Object param : params) {
        if (param instanceof String[] values) statement.setArray(index++, statement.getConnection().createArrayOf("text", values));
        else if (param instanceof Double number) statement.setDouble(index++, number);
        else statement.setString(index++, (String) param);
      }
      return index;
    }
  }

  @Override
  public int suggest(String prefix) throws Exception {
    String tsquery = Suggest.prefixWords(prefix).stream().map(w -> w + ":*").collect(Collectors.joining(" & "));
    if (tsquery.isEmpty()) return 0;
    int found = 0;
    try (PreparedStatement statement = connection().prepareStatement(
        "SELECT value, kind, trials FROM suggestions WHERE words @@ to_tsquery('simple', ?) ORDER BY trials DESC LIMIT 10")) {
      statement.setString(1, tsquery);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) found++;
      }
    }
    return found;
  }

  @Override
  public Memory memory() throws Exception {
    long postmaster = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip());
    long total = Processes.residentBytes(postmaster);
    for (ProcessHandle child : ProcessHandle.of(postmaster).orElseThrow().descendants().toList()) {
      total += Processes.residentBytes(child.pid());
    }
    return new Memory(total, null);
  }

  @Override
  public void close() throws Exception {
    for (Connection c : connections) c.close();
    connections.clear();
    if (data != null && Files.exists(data.resolve("postmaster.pid"))) {
      asPostgres(List.of(BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "fast", "-w", "stop"));
    }
  }
}
