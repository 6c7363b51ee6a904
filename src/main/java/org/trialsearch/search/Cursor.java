package org.trialsearch.search;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.util.BytesRef;
import org.trialsearch.error.InvalidRequestException;
import org.trialsearch.index.Fields;

/**
 * Deep paging: the sort values of the last hit of a page, as an opaque string the next request
 * hands back ({@code search_after}). Every order ends with the NCT id, so a walk visits each
 * matching trial exactly once however many trials tie on score or date.
 */
final class Cursor {

  private Cursor() {}

  /** The sort of an order: newest first by date, or recruiting first, if asked; then score, then NCT id. */
  static Sort sort(SearchRequest.SortOrder order) {
    SortField byId = new SortField(Fields.NCT_ID, SortField.Type.STRING);
    return switch (order) {
      case RELEVANCE -> new Sort(SortField.FIELD_SCORE, byId);
      case START_DATE -> new Sort(newestFirst(Fields.START_DATE), SortField.FIELD_SCORE, byId);
      case LAST_UPDATE -> new Sort(newestFirst(Fields.LAST_UPDATE), SortField.FIELD_SCORE, byId);
      case RECRUITING -> new Sort(new SortField(Fields.RECRUITING_RANK, SortField.Type.LONG), SortField.FIELD_SCORE, byId);
    };
  }

  private static SortField newestFirst(String field) {
    SortField byDate = new SortField(field, SortField.Type.LONG, true);
    byDate.setMissingValue(Long.MIN_VALUE);
    return byDate;
  }

  static String encode(SearchRequest.SortOrder order, FieldDoc last) {
    StringBuilder text = new StringBuilder(order.name());
    for (Object value : last.fields) {
      if (value instanceof Float f) text.append("\tf").append(Float.floatToIntBits(f));
      else if (value instanceof Long l) text.append("\tl").append(l);
      else if (value instanceof BytesRef b) text.append("\ts").append(b.utf8ToString());
      else throw new IllegalStateException("unexpected sort value " + value);
    }
    return Base64.getUrlEncoder().withoutPadding().encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
  }

  static FieldDoc decode(String cursor, SearchRequest.SortOrder order) {
    try {
      String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\t", -1);
      boolean known = java.util.Arrays.stream(SearchRequest.SortOrder.values()).anyMatch(o -> o.name().equals(parts[0]));
      if (!known) throw new InvalidRequestException("invalid cursor");
      if (!parts[0].equals(order.name())) throw new InvalidRequestException("cursor belongs to another sort order (" + parts[0].toLowerCase() + ")");
      SortField[] fields = sort(order).getSort();
      if (parts.length != fields.length + 1) throw new InvalidRequestException("invalid cursor");
      Object[] values = new Object[fields.length];
      for (int i = 0; i < fields.length; i++) {
        String part = parts[i + 1];
        values[i] = switch (part.charAt(0)) {
          case 'f' -> Float.intBitsToFloat(Integer.parseInt(part.substring(1)));
          case 'l' -> Long.parseLong(part.substring(1));
          case 's' -> new BytesRef(part.substring(1));
          default -> throw new InvalidRequestException("invalid cursor");
        };
      }
      return new FieldDoc(Integer.MAX_VALUE, Float.NaN, values);
    } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
      throw new InvalidRequestException("invalid cursor");
    }
  }
}
