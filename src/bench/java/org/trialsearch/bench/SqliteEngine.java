package org.trialsearch.bench;

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
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.trialsearch.index.Fields;

/**
 * SQLite FTS5 (through the xerial JDBC driver, which bundles SQLite) as its FTS5 page recommends:
 * an external-content FTS5 table over the trials table with the porter tokenizer, {@code bm25()}
 * with this project's field weights, {@code snippet()} on the criteria halves, and facet values in
 * a (trial, dimension, value) table counted by {@code GROUP BY} over the matching trials. Embedded:
 * each client thread has a connection of its own to the database file.
 */
final class SqliteEngine implements Engine {

  static final String NAME = "SQLite FTS5";
  private static final List<String> COLUMNS = List.of("ids", "title", "condition", "intervention", "keyword", "summary", "sponsor",
      "criteria", "inclusion", "exclusion");
  private static final String DEFAULT_COLUMNS = "{ids title condition intervention keyword summary sponsor criteria}";
  private static final String BM25 = "bm25(fts, 5, 4, 3, 3, 2, 1.5, 1, 1, 1, 1)";

  private final List<Connection> connections = new CopyOnWriteArrayList<>();
  private final ThreadLocal<Connection> connection = new ThreadLocal<>();
  private Path file;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Duration build(Corpus corpus, Path dir) throws Exception {
    Files.createDirectories(dir);
    start(dir);
    long start = System.nanoTime();
    Connection c = connection();
    try (Statement sql = c.createStatement()) {
      sql.execute("PRAGMA journal_mode = WAL");
      sql.execute("CREATE TABLE trials (rowid INTEGER PRIMARY KEY, id TEXT UNIQUE, "
          + COLUMNS.stream().map(col -> col + " TEXT").collect(Collectors.joining(", ")) + ", min_age REAL, max_age REAL)");
      sql.execute("CREATE VIRTUAL TABLE fts USING fts5(" + String.join(", ", COLUMNS)
          + ", content='trials', content_rowid='rowid', tokenize='porter unicode61')");
      sql.execute("CREATE TABLE facets (dim TEXT, value TEXT, trial INTEGER, PRIMARY KEY (dim, value, trial)) WITHOUT ROWID");
      sql.execute("CREATE VIRTUAL TABLE suggestions USING fts5(value, kind UNINDEXED, trials UNINDEXED, prefix='1 2 3')");
    }
    c.setAutoCommit(false);
    Map<List<String>, Integer> suggestions = new LinkedHashMap<>();
    try (PreparedStatement trial = c.prepareStatement("INSERT INTO trials VALUES (?" + ", ?".repeat(COLUMNS.size() + 3) + ")");
        PreparedStatement facet = c.prepareStatement("INSERT INTO facets VALUES (?, ?, ?)")) {
      long[] rowid = {0};
      CorpusMaker.forEachRecord(corpus.records(), record -> {
        try {
          insert(trial, facet, ++rowid[0], record);
        } catch (SQLException e) {
          throw new IllegalStateException(e);
        }
        Suggest.count(record, suggestions);
      });
    }
    try (Statement sql = c.createStatement();
        PreparedStatement suggestion = c.prepareStatement("INSERT INTO suggestions VALUES (?, ?, ?)")) {
      sql.execute("INSERT INTO fts(fts) VALUES ('rebuild')");
      sql.execute("CREATE INDEX facets_trial ON facets (trial, dim, value)");
      for (Map.Entry<List<String>, Integer> entry : suggestions.entrySet()) {
        suggestion.setString(1, entry.getKey().get(1));
        suggestion.setString(2, entry.getKey().get(0));
        suggestion.setInt(3, entry.getValue());
        suggestion.executeUpdate();
      }
      c.commit();
      c.setAutoCommit(true);
      sql.execute("INSERT INTO fts(fts) VALUES ('optimize')");
      sql.execute("ANALYZE");
    }
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    close();
    return took;
  }

  private static void insert(PreparedStatement trial, PreparedStatement facet, long rowid, BenchRecord record) throws SQLException {
    trial.setLong(1, rowid);
    trial.setString(2, record.id());
    trial.setString(3, record.text(Fields.ID).replace("\n\n", " "));
    for (int i = 1; i < COLUMNS.size(); i++) trial.setString(3 + i, record.text(COLUMNS.get(i)));
    int at = 3 + COLUMNS.size();
    if (record.minAge() == null) {
      trial.setNull(at, java.sql.Types.REAL);
      trial.setNull(at + 1, java.sql.Types.REAL);
    } else {
      trial.setDouble(at, record.minAge());
      trial.setDouble(at + 1, record.maxAge());
    }
    trial.executeUpdate();
    for (Map.Entry<String, List<String>> dim : record.facets().entrySet()) {
      for (String value : dim.getValue()) {
        facet.setString(1, dim.getKey());
        facet.setString(2, value);
        facet.setLong(3, rowid);
        facet.executeUpdate();
      }
    }
  }

  @Override
  public void start(Path dir) {
    file = dir.resolve("trials.db");
  }

  private Connection connection() throws SQLException {
    Connection c = connection.get();
    if (c == null || c.isClosed()) {
      c = DriverManager.getConnection("jdbc:sqlite:" + file);
      try (Statement sql = c.createStatement()) {
        sql.execute("PRAGMA mmap_size = 8589934592");
        sql.execute("PRAGMA cache_size = -262144");
      }
      connection.set(c);
      connections.add(c);
    }
    return c;
  }

  @Override
  public int search(BenchQuery query) throws Exception {
    Matcher matcher = Matcher.of(query, null);
    String sql = matcher.match() == null
        ? "SELECT t.id, t.title, t.min_age, t.max_age, t.condition, t.sponsor FROM trials t WHERE " + matcher.where() + " LIMIT 10"
        : "SELECT t.id, t.title, t.min_age, t.max_age, t.condition, t.sponsor, "
            + "snippet(fts, 8, '<mark>', '</mark>', '…', 16), snippet(fts, 9, '<mark>', '</mark>', '…', 16) "
            + "FROM fts JOIN trials t ON t.rowid = fts.rowid WHERE fts MATCH ? AND " + matcher.where() + " ORDER BY " + BM25 + " LIMIT 10";
    int hits = 0;
    try (PreparedStatement statement = connection().prepareStatement(sql)) {
      matcher.bind(statement);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) hits++;
      }
    }
    facets(query);
    return hits;
  }

  /** Each dimension's counts over the matching trials: one grouping for the unfiltered dimensions, one for each filtered one. */
  private Map<String, Map<String, Long>> facets(BenchQuery query) throws SQLException {
    Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
    List<String> plain = Fields.FACET_DIMENSIONS.stream().filter(d -> !query.filters().containsKey(d)).toList();
    count(Matcher.of(query, null), plain, facets);
    for (String dim : query.filters().keySet()) count(Matcher.of(query, dim), List.of(dim), facets);
    Map<String, Long> conditions = facets.get(Fields.CONDITION_FACET);
    if (conditions != null && conditions.size() > 20) {
      Map<String, Long> top = new LinkedHashMap<>();
      conditions.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
          .limit(20).forEach(e -> top.put(e.getKey(), e.getValue()));
      facets.put(Fields.CONDITION_FACET, top);
    }
    return facets;
  }

  private void count(Matcher matcher, List<String> dims, Map<String, Map<String, Long>> facets) throws SQLException {
    String trials = matcher.match() == null ? "SELECT t.rowid FROM trials t WHERE " + matcher.where()
        : "SELECT t.rowid FROM fts JOIN trials t ON t.rowid = fts.rowid WHERE fts MATCH ? AND " + matcher.where();
    String sql = "SELECT dim, value, count(*) FROM facets WHERE trial IN (" + trials + ") AND dim IN ("
        + dims.stream().map(d -> "'" + d + "'").collect(Collectors.joining(", ")) + ") GROUP BY dim, value";
    try (PreparedStatement statement = connection().prepareStatement(sql)) {
      matcher.bind(statement);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) facets.computeIfAbsent(rows.getString(1), k -> new LinkedHashMap<>()).put(rows.getString(2), rows.getLong(3));
      }
    }
  }

  @Override
  public Matching matching(BenchQuery query) throws Exception {
    Matcher matcher = Matcher.of(query, null);
    String sql = matcher.match() == null ? "SELECT t.id FROM trials t WHERE " + matcher.where()
        : "SELECT t.id FROM fts JOIN trials t ON t.rowid = fts.rowid WHERE fts MATCH ? AND " + matcher.where();
    Set<String> ids = new HashSet<>();
    try (PreparedStatement statement = connection().prepareStatement(sql)) {
      matcher.bind(statement);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) ids.add(rows.getString(1));
      }
    }
    return new Matching(ids, facets(query));
  }

  /**
   * The query as an FTS5 match expression (required clauses; negated ones after NOT) and a WHERE
   * over the trials table for filters, the age, and negations when nothing is required; one
   * dimension's filter may be left out.
   */
  record Matcher(String match, String where, List<Object> params) {

    static Matcher of(BenchQuery query, String withoutDim) {
      List<String> required = new ArrayList<>();
      List<String> negated = new ArrayList<>();
      for (BenchQuery.Clause clause : query.clauses()) {
        String columns = clause.field() == null ? DEFAULT_COLUMNS : clause.field();
        (clause.negated() ? negated : required).add(columns + " : \"" + String.join(" ", clause.words()) + "\"");
      }
      List<String> where = new ArrayList<>();
      List<Object> params = new ArrayList<>();
      String match = null;
      if (!required.isEmpty()) {
        match = "(" + String.join(" AND ", required) + ")" + negated.stream().map(n -> " NOT (" + n + ")").collect(Collectors.joining());
      } else {
        for (String n : negated) {
          where.add("t.rowid NOT IN (SELECT rowid FROM fts WHERE fts MATCH ?)");
          params.add(n);
        }
      }
      query.filters().forEach((dim, values) -> {
        if (dim.equals(withoutDim)) return;
        where.add("t.rowid IN (SELECT trial FROM facets WHERE dim = ? AND value IN (" + "?, ".repeat(values.size() - 1) + "?))");
        params.add(dim);
        params.addAll(values);
      });
      if (query.age() != null) {
        where.add("t.min_age <= ? AND t.max_age >= ?");
        params.add(query.age());
        params.add(query.age());
      }
      return new Matcher(match, where.isEmpty() ? "1" : String.join(" AND ", where), params);
    }

    void bind(PreparedStatement statement) throws SQLException {
      int index = 1;
      if (match != null) statement.setString(index++, match);
      for (Object param : params) {
        if (param instanceof Double number) statement.setDouble(index++, number);
        else statement.setString(index++, (String) param);
      }
    }
  }

  @Override
  public int suggest(String prefix) throws Exception {
    String match = Suggest.prefixWords(prefix).stream().map(w -> "\"" + w + "\"*").collect(Collectors.joining(" "));
    if (match.isEmpty()) return 0;
    int found = 0;
    try (PreparedStatement statement = connection().prepareStatement(
        "SELECT value, kind, trials FROM suggestions WHERE suggestions MATCH ? ORDER BY trials DESC LIMIT 10")) {
      statement.setString(1, match);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) found++;
      }
    }
    return found;
  }

  /** Embedded in the benchmark's JVM: no process of its own to measure. */
  @Override
  public Memory memory() {
    return null;
  }

  @Override
  public void close() throws Exception {
    for (Connection c : connections) c.close();
    connections.clear();
  }
}
