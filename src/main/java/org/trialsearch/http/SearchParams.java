package org.trialsearch.http;

import io.javalin.http.Context;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.trialsearch.error.InvalidRequestException;
import org.trialsearch.index.Fields;
import org.trialsearch.search.FilterValues;
import org.trialsearch.search.SearchRequest;
import org.trialsearch.search.SearchRequest.SortOrder;
import org.trialsearch.search.SearchRequest.Syntax;

/** Reads the query string of {@code GET /api/search} into a {@link SearchRequest}. */
final class SearchParams {

  /** Every parameter search reads; the OpenAPI description documents exactly these. */
  static final List<String> NAMES = java.util.stream.Stream.of(
      List.of("q", "syntax"), Fields.FACET_DIMENSIONS, List.of("age", "start_from", "start_to", "updated_since", "page", "size", "sort", "cursor", "explain", "passing"))
      .flatMap(List::stream).toList();

  /** What the CSV export reads: the search's parameters but paging and explanations, since it gives every matching trial. */
  static final List<String> EXPORT_NAMES = NAMES.stream().filter(name -> !List.of("page", "size", "cursor", "explain").contains(name)).toList();

  private SearchParams() {}

  /** The facet filters of a request, as canonical values. */
  static Map<String, List<String>> filters(Context ctx, FilterValues filterValues) {
    Map<String, List<String>> filters = new HashMap<>();
    for (String dim : Fields.FACET_DIMENSIONS) {
      List<String> values = ctx.queryParams(dim);
      if (!values.isEmpty()) filters.put(dim, filterValues.canonical(dim, values));
    }
    return filters;
  }

  static SearchRequest read(Context ctx, FilterValues filterValues) {
    return new SearchRequest(
        ctx.queryParam("q"),
        choice(ctx, "syntax", Syntax.FORGIVING, Syntax.class),
        filters(ctx, filterValues),
        number(ctx, "age"),
        new SearchRequest.DateFilters(date(ctx, "start_from", false), date(ctx, "start_to", true), date(ctx, "updated_since", false)),
        integer(ctx, "page", 1),
        integer(ctx, "size", SearchRequest.DEFAULT_SIZE),
        choice(ctx, "sort", SortOrder.RELEVANCE, SortOrder.class),
        blankToNull(ctx.queryParam("cursor")),
        flag(ctx, "explain"),
        flag(ctx, "passing"));
  }

  /** "2021", "2021-06" or "2021-06-15"; a year or month as an end is its last day. */
  private static LocalDate date(Context ctx, String name, boolean end) {
    String value = ctx.queryParam(name);
    if (value == null || value.isBlank()) return null;
    String text = value.strip();
    if (!text.matches("\\d{4}(-\\d{2}(-\\d{2})?)?")) {
      throw new InvalidRequestException(name + " must be a date such as 2021, 2021-06 or 2021-06-15, got '" + value + "'");
    }
    try {
      return switch (text.length()) {
        case 4 -> end ? Year.parse(text).atMonth(12).atEndOfMonth() : Year.parse(text).atDay(1);
        case 7 -> end ? YearMonth.parse(text).atEndOfMonth() : YearMonth.parse(text).atDay(1);
        default -> LocalDate.parse(text);
      };
    } catch (DateTimeException e) {
      throw new InvalidRequestException(name + " is not a real date: '" + value + "'");
    }
  }

  private static boolean flag(Context ctx, String name) {
    String value = ctx.queryParam(name);
    if (value == null || value.isBlank()) return false;
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "true", "1", "yes" -> true;
      case "false", "0", "no" -> false;
      default -> throw new InvalidRequestException(name + " must be true or false, got '" + value + "'");
    };
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  static int integer(Context ctx, String name, int fallback) {
    String value = ctx.queryParam(name);
    if (value == null || value.isBlank()) return fallback;
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new InvalidRequestException(name + " must be a whole number, got '" + value + "'");
    }
  }

  private static Double number(Context ctx, String name) {
    String value = ctx.queryParam(name);
    if (value == null || value.isBlank()) return null;
    try {
      return Double.parseDouble(value.strip());
    } catch (NumberFormatException e) {
      throw new InvalidRequestException(name + " must be a number, got '" + value + "'");
    }
  }

  private static <E extends Enum<E>> E choice(Context ctx, String name, E fallback, Class<E> type) {
    String value = ctx.queryParam(name);
    if (value == null || value.isBlank()) return fallback;
    String wanted = value.strip().toUpperCase(Locale.ROOT);
    for (E option : type.getEnumConstants()) {
      if (option.name().equals(wanted)) return option;
    }
    List<String> options = java.util.Arrays.stream(type.getEnumConstants()).map(o -> o.name().toLowerCase(Locale.ROOT)).toList();
    throw new InvalidRequestException(name + " must be one of " + String.join(", ", options) + ", got '" + value + "'");
  }
}
