package org.trialsearch.write;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.trialsearch.error.InvalidRequestException;
import org.trialsearch.error.NotFoundException;
import org.trialsearch.index.TrialIndex;
import org.trialsearch.ingest.TrialIngest;
import org.trialsearch.model.SourceRef;
import org.trialsearch.model.Trial;
import org.trialsearch.source.IngestReport;
import org.trialsearch.source.InvalidRecordException;
import org.trialsearch.source.ReportingSink;
import org.trialsearch.source.SourceReader;
import org.trialsearch.source.SourceWalker;

/**
 * Writes through the API. A write replaces what earlier API writes said of each trial it names and
 * keeps what files gave, merging the two (the API's values win); it returns once the index has it
 * on disk. Writes to one trial are serialised and each sees the one before it.
 */
public final class TrialWrites {

  /** What a write did: trials written and deleted, and records of the body it could not use or read only in part. */
  public record Outcome(List<String> written, List<String> deleted, List<IngestReport.Skipped> skipped, List<IngestReport.Skipped> warnings) {}

  private static final int STRIPES = 64;

  private final TrialIndex index;
  private final TrialIngest ingest;
  private final SourceWalker walker;
  private final Object[] stripes = new Object[STRIPES];
  /** The last write under each stripe, which a read of a trial of that stripe must see. */
  private final TrialIndex.Write[] lastWrites = new TrialIndex.Write[STRIPES];

  public TrialWrites(TrialIndex index, TrialIngest ingest, List<SourceReader> readers) {
    this.index = index;
    this.ingest = ingest;
    this.walker = new SourceWalker(readers, bytes -> {});
    for (int i = 0; i < STRIPES; i++) stripes[i] = new Object();
  }

  /** One study as API v2 JSON, under the id of the path. */
  public Outcome put(String nctId, byte[] body) throws IOException, InterruptedException {
    Body read = read(body, "PUT", ".json");
    if (read.records.size() != 1) {
      throw new InvalidRequestException(read.records.isEmpty()
          ? "the body holds no readable study" + reasons(read.report)
          : "PUT takes one study; the body holds " + read.records.size() + " (POST /api/trials takes batches)");
    }
    String stated = read.records.get(0).nctId();
    if (!stated.equals(nctId)) throw new InvalidRequestException("the study's nctId " + stated + " is not the " + nctId + " of the address");
    return write(read);
  }

  /** A batch in any format the indexer reads; the extension names the format. */
  public Outcome post(byte[] body, String extension) throws IOException, InterruptedException {
    Body read = read(body, "POST", extension);
    if (read.records.isEmpty()) throw new InvalidRequestException("the body holds no readable trial record" + reasons(read.report));
    return write(read);
  }

  public Outcome delete(String nctId) throws IOException, InterruptedException {
    TrialIndex.Write done;
    int stripe = stripe(nctId);
    synchronized (stripes[stripe]) {
      if (stored(nctId, stripe).isEmpty()) throw new NotFoundException("no trial " + nctId);
      done = index.delete(nctId);
      lastWrites[stripe] = done;
    }
    index.awaitDurable(done);
    return new Outcome(List.of(), List.of(nctId), List.of(), List.of());
  }

  private record Body(List<Trial> records, IngestReport report) {}

  private Body read(byte[] body, String method, String extension) throws IOException {
    if (body.length == 0) throw new InvalidRequestException("the body is empty");
    String name = SourceRef.API_PREFIX + method + " " + Instant.now().truncatedTo(ChronoUnit.MILLIS) + extension;
    List<Trial> records = new ArrayList<>();
    IngestReport report = new IngestReport();
    walker.read(new ByteArrayInputStream(body), name, new ReportingSink(report, records::add), report);
    return new Body(records, report);
  }

  private Outcome write(Body body) throws IOException, InterruptedException {
    Map<String, List<Trial>> byTrial = new LinkedHashMap<>();
    for (Trial record : body.records) byTrial.computeIfAbsent(record.nctId(), k -> new ArrayList<>()).add(record);
    List<String> written = new ArrayList<>();
    List<IngestReport.Skipped> skipped = new ArrayList<>(body.report.skipped());
    TrialIndex.Write last = null;
    for (Map.Entry<String, List<Trial>> trial : byTrial.entrySet()) {
      Optional<TrialIndex.Write> done;
      try {
        done = writeTrial(trial.getKey(), trial.getValue());
      } catch (InvalidRecordException e) {
        SourceRef first = trial.getValue().get(0).sources().get(0);
        skipped.add(new IngestReport.Skipped(first.file(), first.position(), e.getMessage()));
        continue;
      }
      if (done.isEmpty()) {
        skipped.add(TrialIngest.siteRowsOnly(trial.getKey(), trial.getValue()));
        continue;
      }
      written.add(trial.getKey());
      last = done.get();
    }
    if (last != null) index.awaitDurable(last); // one commit covers every write before it
    return new Outcome(written, List.of(), skipped, body.report.warnings());
  }

  /** Merges the trial's new API records with what files gave it, and writes it; nothing when only site rows would describe it. */
  private Optional<TrialIndex.Write> writeTrial(String nctId, List<Trial> fromApi) throws IOException, InterruptedException {
    int stripe = stripe(nctId);
    synchronized (stripes[stripe]) {
      List<Trial> records = new ArrayList<>();
      for (Trial stored : stored(nctId, stripe)) if (!stored.sources().get(0).fromApi()) records.add(stored);
      records.addAll(fromApi);
      Optional<TrialIndex.Write> done = ingest.put(index, records);
      done.ifPresent(write -> lastWrites[stripe] = write);
      return done;
    }
  }

  /** The trial's stored source records, as of the last write to its stripe at least. */
  private List<Trial> stored(String nctId, int stripe) throws IOException, InterruptedException {
    if (lastWrites[stripe] != null) index.awaitVisible(lastWrites[stripe]);
    return index.withSearcher(searcher -> searcher.sourceRecords(nctId));
  }

  private static int stripe(String nctId) {
    return Math.floorMod(nctId.hashCode(), STRIPES);
  }

  private static String reasons(IngestReport report) {
    return report.skipped().isEmpty() ? "" : ": " + String.join("; ", report.skipped().stream().limit(3).map(Object::toString).toList());
  }
}
