package io.github.evals4j.assertions.text;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The numeric part of {@link ClaimScanner}: numbers with their scale, unit and currency,
 * percentages, dates in several formats, and times of day. Each method starts at a position the
 * scanner chose, looks ahead a bounded distance, emits through the scanner, and returns where it
 * stopped.
 */
final class NumberScanner {

  private static final int NUMBER_DIGITS_LIMIT = 40;
  private static final Set<String> ORDINALS = Set.of("st", "nd", "rd", "th");
  private static final Map<String, String> CURRENCY_WORDS =
      Map.of("dollars", "USD", "dollar", "USD", "euros", "EUR", "euro", "EUR", "yen", "JPY");
  private static final Map<String, BigDecimal> SCALE_WORDS =
      Map.of("thousand", BigDecimal.valueOf(1_000), "million", BigDecimal.valueOf(1_000_000),
          "billion", BigDecimal.valueOf(1_000_000_000), "mn", BigDecimal.valueOf(1_000_000),
          "bn", BigDecimal.valueOf(1_000_000_000),
          "trillion", BigDecimal.valueOf(1_000_000_000_000L));

  private final String s;
  private final boolean sourceMode;
  private final ClaimScanner scanner;

  NumberScanner(String s, boolean sourceMode, ClaimScanner scanner) {
    this.s = s;
    this.sourceMode = sourceMode;
    this.scanner = scanner;
  }

  int currencyPrefixed(int i, int to) {
    String currency;
    int j;
    if (s.startsWith("US$", i)) {
      currency = "USD";
      j = i + 3;
    } else {
      currency = ClaimScanner.CURRENCY_SYMBOLS.get(String.valueOf(s.charAt(i)));
      j = i + 1;
    }
    if (j < to && s.charAt(j) == ' ') {
      j++;
    }
    if (j < to && isDigit(s.charAt(j))) {
      return number(j, to, i, currency);
    }
    return i + 1;
  }

  /**
   * A number at {@code i} (a digit); {@code claimStart} and {@code currency} are set when a
   * currency symbol or code came first.
   */
  int number(int i, int to, int claimStart, String currency) {
    if (currency == null) {
      int date = numericDate(i, to);
      if (date > i) {
        return date;
      }
      int time = time(i, to);
      if (time > i) {
        return time;
      }
    }
    int j = i;
    StringBuilder digits = new StringBuilder();
    boolean grouped = false;
    while (j < to && isDigit(s.charAt(j))) {
      digits.append(s.charAt(j++));
    }
    while (j < to && s.charAt(j) == ',' && isDigit3(j + 1, to)) {
      digits.append(s, j + 1, j + 4);
      j += 4;
      grouped = true;
    }
    boolean decimal = false;
    if (j + 1 < to && s.charAt(j) == '.' && isDigit(s.charAt(j + 1))) {
      decimal = true;
      digits.append('.');
      j++;
      while (j < to && isDigit(s.charAt(j))) {
        digits.append(s.charAt(j++));
      }
      if (j + 1 < to && s.charAt(j) == '.' && isDigit(s.charAt(j + 1))) {
        int e = Words.runEnd(s, i, to); // a version or an IP address: exact identifier
        emit(ClaimKind.IDENTIFIER, i, e, List.of("i:" + s.substring(i, e)), "version");
        return e;
      }
    }
    String mantissa = digits.toString();
    BigDecimal scale = BigDecimal.ONE;
    String unit = "";
    ClaimKind kind = currency != null ? ClaimKind.MONEY : ClaimKind.NUMBER;
    int end = j;
    boolean ordinal = false;
    // attached letters: 1.5M, 10k, 250ms, 3rd, 2FA
    if (j < to && Character.isLetter(s.charAt(j))
        && Character.UnicodeScript.of(s.charAt(j)) == Character.UnicodeScript.LATIN) {
      int e = j;
      while (e < to && Character.isLetter(s.charAt(e))) {
        e++;
      }
      String letters = s.substring(j, e);
      if (e < to && (isDigit(s.charAt(e)) || s.charAt(e) == '_' || s.charAt(e) == '-'
          && e + 1 < to && Character.isLetterOrDigit(s.charAt(e + 1)))) {
        return identifierFrom(i, to);
      }
      BigDecimal attachedScale = attachedScale(letters);
      String lower = letters.toLowerCase(Locale.ROOT);
      if (attachedScale != null) {
        scale = attachedScale;
        end = e;
      } else if (ORDINALS.contains(lower)) {
        ordinal = true;
        end = e;
      } else if (Vocabulary.UNITS.contains(lower) || lower.equals("s") && digits.length() >= 3) {
        unit = lower;
        end = e;
      } else if (ClaimScanner.CURRENCY_CODES.contains(letters) && currency == null) {
        currency = letters;
        kind = ClaimKind.MONEY;
        end = e;
      } else {
        return identifierFrom(i, to);
      }
    }
    // hyphenated unit adjectives: "3-year warranty", "10-minute charge"
    if (end == j && j + 2 < to && s.charAt(j) == '-' && Character.isLetter(s.charAt(j + 1))) {
      int we = j + 1;
      while (we < to && Character.isLetter(s.charAt(we))) {
        we++;
      }
      String word = s.substring(j + 1, we).toLowerCase(Locale.ROOT);
      if (word.length() >= 2 && Vocabulary.UNITS.contains(word)
          && (we == to || !Character.isLetterOrDigit(s.charAt(we)))) {
        unit = word;
        end = we;
      }
    }
    // spaced words: "1.5 million", "12 percent", "49 EUR", "250 ms", "15 March 2024", "3 pm"
    if (end == j && end < to && s.charAt(end) == ' ' && end + 1 < to
        && Character.isLetter(s.charAt(end + 1))) {
      int ws = end + 1;
      int we = ws;
      while (we < to && Character.isLetter(s.charAt(we))) {
        we++;
      }
      String next = s.substring(ws, we);
      String lower = next.toLowerCase(Locale.ROOT);
      Integer month = ClaimScanner.MONTHS.get(lower);
      if (month != null && !decimal && !grouped && currency == null && mantissa.length() <= 2
          && Character.isUpperCase(next.charAt(0))) {
        int day = Integer.parseInt(mantissa);
        if (day >= 1 && day <= 31) {
          return dayFirstDate(claimStart, ws, we, to, month, day);
        }
      }
      if (SCALE_WORDS.containsKey(lower) && (we >= to || !Character.isLetter(s.charAt(we)))) {
        scale = SCALE_WORDS.get(lower);
        end = we;
      } else if ((lower.equals("am") || lower.equals("pm")) && !decimal && mantissa.length() <= 2
          && currency == null) {
        int hour = Integer.parseInt(mantissa);
        if (hour >= 1 && hour <= 12) {
          emitTime(claimStart, we, hour % 12 + (lower.equals("pm") ? 12 : 0), 0, -1);
          return we;
        }
      } else if (Vocabulary.UNITS.contains(lower) && !lower.equals("in") && !lower.equals("us")
          && !lower.equals("s") && !lower.equals("m") && !lower.equals("b") && !lower.equals("c")
          && !lower.equals("d") && !lower.equals("h") && !lower.equals("g") && !lower.equals("l")
          && !lower.equals("v") && !lower.equals("w") && !lower.equals("x")) {
        unit = lower;
        end = we;
      }
    }
    if (!ordinal) {
      int p = end;
      if (p < to && s.charAt(p) == ' ') {
        p++;
      }
      if (p < to && s.charAt(p) == '%') {
        kind = ClaimKind.PERCENTAGE;
        end = p + 1;
      } else if (startsWithWord(p, to, "percent") || startsWithWord(p, to, "pct")) {
        kind = ClaimKind.PERCENTAGE;
        end = p + (startsWithWord(p, to, "percent") ? 7 : 3);
      } else if (startsWithWord(p, to, "per cent")) {
        kind = ClaimKind.PERCENTAGE;
        end = p + 8;
      } else if (currency == null && p + 3 <= to && ClaimScanner.CURRENCY_CODES.contains(s.substring(p, p + 3))
          && (p + 3 == to || !Character.isLetter(s.charAt(p + 3)))) {
        currency = s.substring(p, p + 3);
        kind = ClaimKind.MONEY;
        end = p + 3;
      } else if (currency == null && p < to && Character.isLetter(s.charAt(p))) {
        int we = p;
        while (we < to && Character.isLetter(s.charAt(we))) {
          we++;
        }
        String word = s.substring(p, we).toLowerCase(Locale.ROOT);
        if (CURRENCY_WORDS.containsKey(word)) {
          currency = CURRENCY_WORDS.get(word);
          kind = ClaimKind.MONEY;
          end = we;
        }
      }
    }
    String value = canonical(mantissa, scale);
    if (value == null) {
      return end;
    }
    List<String> keys = new ArrayList<>();
    String detail = unit;
    if (kind == ClaimKind.MONEY) {
      keys.add("m:" + currency + ":" + value);
      detail = currency;
      if (sourceMode) {
        keys.add("ma:" + value);
        keys.add("n:" + value);
      }
    } else {
      boolean year = !decimal && !grouped && mantissa.length() == 4 && unit.isEmpty()
          && kind == ClaimKind.NUMBER && scale.equals(BigDecimal.ONE) && !ordinal
          && isYear(Integer.parseInt(mantissa));
      if (year) {
        kind = ClaimKind.YEAR;
        keys.add("y:" + mantissa);
      }
      if (kind == ClaimKind.NUMBER && !unit.isEmpty()) {
        // a value with a unit needs that unit in the sources, or the bare value (a JSON field)
        keys.add("nu:" + value + ":" + normalizeUnit(unit));
        keys.add(sourceMode ? "n:" + value : "nb:" + value);
      } else {
        keys.add("n:" + value);
        if (sourceMode && kind != ClaimKind.PERCENTAGE) {
          keys.add("nb:" + value);
        }
      }
      if (ordinal) {
        detail = "ordinal";
      }
      if (!sourceMode && kind == ClaimKind.NUMBER && unit.isEmpty() && !decimal
          && isSmallInteger(value)) {
        return end; // outputs count their own items: "3 ideas", "Step 2"
      }
    }
    if (sourceMode && !scale.equals(BigDecimal.ONE)) {
      String plain = canonical(mantissa, BigDecimal.ONE);
      if (plain != null) {
        keys.add("n:" + plain);
      }
    }
    if (sourceMode && !decimal && !grouped && mantissa.length() == 4
        && isYear(Integer.parseInt(mantissa))) {
      keys.add("y:" + mantissa);
    }
    emit(kind, claimStart, end, keys, detail);
    return end;
  }

  /** One spelling per unit, so "250 ms" meets "250 milliseconds"; no conversion between units. */
  static String normalizeUnit(String unit) {
    switch (unit) {
      case "msec":
      case "millisecond":
      case "milliseconds":
        return "ms";
      case "sec":
      case "secs":
      case "second":
      case "seconds":
        return "s";
      case "mins":
      case "minute":
      case "minutes":
        return "min";
      case "hr":
      case "hrs":
      case "hour":
      case "hours":
        return "h";
      case "day":
      case "days":
        return "d";
      case "week":
      case "weeks":
        return "wk";
      case "month":
      case "months":
        return "mo";
      case "yr":
      case "yrs":
      case "year":
      case "years":
        return "y";
      case "inch":
      case "inches":
        return "in";
      case "lb":
        return "lbs";
      case "bytes":
      case "byte":
        return "b";
      case "cores":
        return "core";
      default:
        return unit;
    }
  }

  private int identifierFrom(int start, int to) {
    int e = Words.runEnd(s, start, to);
    String w = s.substring(start, e);
    emit(ClaimKind.IDENTIFIER, start, e, List.of("i:" + w), "");
    return e;
  }

  private static BigDecimal attachedScale(String letters) {
    switch (letters) {
      case "k":
      case "K":
        return BigDecimal.valueOf(1_000);
      case "M":
      case "mn":
        return BigDecimal.valueOf(1_000_000);
      case "B":
      case "bn":
        return BigDecimal.valueOf(1_000_000_000);
      default:
        return null;
    }
  }

  private static String canonical(String mantissa, BigDecimal scale) {
    if (mantissa.length() > NUMBER_DIGITS_LIMIT) {
      return mantissa; // huge digit strings match literally; BigDecimal would be quadratic
    }
    try {
      BigDecimal v = new BigDecimal(mantissa).multiply(scale).stripTrailingZeros();
      return v.signum() == 0 ? "0" : v.toPlainString();
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static boolean isSmallInteger(String value) {
    return value.length() <= 2 && value.indexOf('.') < 0 && Integer.parseInt(value) <= 10;
  }

  private static boolean isYear(int y) {
    return y >= 1900 && y <= 2100;
  }

  /** {@code 2024-03-15}, {@code 2024/03/15} (with an optional time), {@code 15/03/2024}. */
  private int numericDate(int i, int to) {
    int a = digitsEnd(i, to, 4);
    if (a - i == 4 && a + 6 <= to
        && (s.charAt(a) == '-' || s.charAt(a) == '/') && digitsEnd(a + 1, to, 2) == a + 3
        && a + 3 < to && s.charAt(a + 3) == s.charAt(a) && digitsEnd(a + 4, to, 2) == a + 6
        && (a + 6 == to || !isDigit(s.charAt(a + 6)))) {
      int y = parse(i, a);
      int m = parse(a + 1, a + 3);
      int d = parse(a + 4, a + 6);
      if (m >= 1 && m <= 12 && d >= 1 && d <= 31) {
        emitDate(i, a + 6, List.of(ymd(y, m, d)));
        int t = a + 6;
        if (t + 1 < to && (s.charAt(t) == 'T' || s.charAt(t) == ' ') && isDigit(s.charAt(t + 1))) {
          int te = time(t + 1, to);
          if (te > t + 1) {
            return te;
          }
        }
        return a + 6;
      }
      return i;
    }
    int d1 = digitsEnd(i, to, 2);
    if (d1 > i && d1 < to && (s.charAt(d1) == '/' || s.charAt(d1) == '.' && d1 - i <= 2)) {
      char sep = s.charAt(d1);
      int d2 = digitsEnd(d1 + 1, to, 2);
      if (d2 > d1 + 1 && d2 < to && s.charAt(d2) == sep) {
        int d3 = digitsEnd(d2 + 1, to, 4);
        int len = d3 - d2 - 1;
        if ((len == 4 || len == 2 && sep == '/') && (d3 == to || !isDigit(s.charAt(d3)))) {
          int a1 = parse(i, d1);
          int a2 = parse(d1 + 1, d2);
          int y = parse(d2 + 1, d3);
          if (len == 2) {
            y += 2000;
          }
          List<String> keys = new ArrayList<>();
          if (a1 >= 1 && a1 <= 12 && a2 >= 1 && a2 <= 31) {
            keys.add(ymd(y, a1, a2));
          }
          if (a2 >= 1 && a2 <= 12 && a1 >= 1 && a1 <= 31 && a1 != a2) {
            keys.add(ymd(y, a2, a1));
          }
          if (!keys.isEmpty()) {
            emitDate(i, d3, keys);
            return d3;
          }
        }
      }
    }
    return i;
  }

  /** {@code 10:22}, {@code 10:22:31}, {@code 10:22:31.123Z}, {@code 3:45 pm}. */
  private int time(int i, int to) {
    int h = digitsEnd(i, to, 2);
    if (h == i || h >= to || s.charAt(h) != ':' || digitsEnd(h + 1, to, 2) != h + 3) {
      return i;
    }
    int hour = parse(i, h);
    int minute = parse(h + 1, h + 3);
    int second = -1;
    int e = h + 3;
    if (e < to && s.charAt(e) == ':' && digitsEnd(e + 1, to, 2) == e + 3) {
      second = parse(e + 1, e + 3);
      e += 3;
      if (e + 1 < to && (s.charAt(e) == '.' || s.charAt(e) == ',') && isDigit(s.charAt(e + 1))) {
        e++;
        while (e < to && isDigit(s.charAt(e))) {
          e++;
        }
      }
      if (e < to && s.charAt(e) == 'Z') {
        e++;
      } else if (e + 6 <= to && (s.charAt(e) == '+' || s.charAt(e) == '-')
          && digitsEnd(e + 1, to, 2) == e + 3 && e + 3 < to && s.charAt(e + 3) == ':') {
        e += 6;
        e = Math.min(e, to);
      }
    }
    if (e < to && isDigit(s.charAt(e))) {
      return i;
    }
    if (hour > 23 || minute > 59 || second > 59) {
      return i;
    }
    int p = e < to && s.charAt(e) == ' ' ? e + 1 : e;
    if (hour >= 1 && hour <= 12 && (startsWithWord(p, to, "am") || startsWithWord(p, to, "pm")
        || startsWithWord(p, to, "AM") || startsWithWord(p, to, "PM"))) {
      boolean pm = Character.toLowerCase(s.charAt(p)) == 'p';
      hour = hour % 12 + (pm ? 12 : 0);
      e = p + 2;
    }
    emitTime(i, e, hour, minute, second);
    return e;
  }

  private void emitTime(int start, int end, int hour, int minute, int second) {
    String hm = "t:" + pad(hour, 2) + ":" + pad(minute, 2);
    List<String> keys = new ArrayList<>();
    if (second >= 0) {
      keys.add(hm + ":" + pad(second, 2));
      if (sourceMode) {
        keys.add(hm);
      }
    } else {
      keys.add(hm);
    }
    emit(ClaimKind.TIME, start, end, keys, "");
  }

  int monthFirstDate(int i, int wordEnd, int to, int month) {
    int j = wordEnd;
    if (j < to && s.charAt(j) == '.') {
      j++;
    }
    if (j >= to || s.charAt(j) != ' ') {
      return i;
    }
    j++;
    int de = digitsEnd(j, to, 4);
    if (de == j) {
      return i;
    }
    if (de - j == 4) {
      int y = parse(j, de);
      if (isYear(y)) {
        emit(ClaimKind.DATE, i, de, dateKeys(List.of("ym:" + pad(y, 4) + "-" + pad(month, 2))), "");
        return de;
      }
      return i;
    }
    if (de - j > 2) {
      return i;
    }
    int day = parse(j, de);
    if (day < 1 || day > 31 || de < to && Character.isLetterOrDigit(s.charAt(de))
        && !isOrdinalSuffix(de, to)) {
      return i;
    }
    int e = isOrdinalSuffix(de, to) ? de + 2 : de;
    int y = -1;
    int ye = trailingYearEnd(e, to);
    if (ye > 0) {
      y = parse(ye - 4, ye);
      e = ye;
    }
    emitDate(i, e, List.of(y > 0 ? ymd(y, month, day)
        : "md:" + pad(month, 2) + "-" + pad(day, 2)));
    return e;
  }

  /** The end of a year written right after a date ({@code ", 2024"} or {@code " 2024"}), or -1. */
  private int trailingYearEnd(int e, int to) {
    int k = e;
    if (k < to && s.charAt(k) == ',') {
      k++;
    }
    if (k < to && s.charAt(k) == ' ') {
      int ye = digitsEnd(k + 1, to, 4);
      if (ye - k - 1 == 4 && (ye == to || !isDigit(s.charAt(ye))) && isYear(parse(k + 1, ye))) {
        return ye;
      }
    }
    return -1;
  }

  private int dayFirstDate(int start, int ws, int we, int to, int month, int day) {
    int e = we;
    if (e < to && s.charAt(e) == '.') {
      e++;
    }
    int y = -1;
    int ye = trailingYearEnd(e, to);
    if (ye > 0) {
      y = parse(ye - 4, ye);
      e = ye;
    }
    if (y < 0) {
      e = we;
    }
    emitDate(start, e, List.of(y > 0 ? ymd(y, month, day)
        : "md:" + pad(month, 2) + "-" + pad(day, 2)));
    return e;
  }

  private boolean isOrdinalSuffix(int i, int to) {
    if (i + 2 > to) {
      return false;
    }
    String suffix = s.substring(i, i + 2).toLowerCase(Locale.ROOT);
    return (suffix.equals("st") || suffix.equals("nd") || suffix.equals("rd")
        || suffix.equals("th")) && (i + 2 == to || !Character.isLetter(s.charAt(i + 2)));
  }

  private void emitDate(int start, int end, List<String> keys) {
    emit(ClaimKind.DATE, start, end, dateKeys(keys), "");
  }

  /** In source mode a full date also supports its month-day, year-month and year. */
  private List<String> dateKeys(List<String> keys) {
    if (!sourceMode) {
      return keys;
    }
    List<String> all = new ArrayList<>(keys);
    for (String k : keys) {
      if (k.startsWith("d:")) {
        all.add("md:" + k.substring(7));
        all.add("ym:" + k.substring(2, 9));
        all.add("y:" + k.substring(2, 6));
      } else if (k.startsWith("ym:")) {
        all.add("y:" + k.substring(3, 7));
      }
    }
    return all;
  }

  private static String ymd(int y, int m, int d) {
    return "d:" + pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2);
  }

  private static String pad(int value, int width) {
    String digits = Integer.toString(value);
    return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
  }

  private int digitsEnd(int i, int to, int max) {
    int j = i;
    while (j < to && j - i < max && isDigit(s.charAt(j))) {
      j++;
    }
    return j;
  }
  private boolean isDigit3(int i, int to) {
    return i + 3 <= to && isDigit(s.charAt(i)) && isDigit(s.charAt(i + 1))
        && isDigit(s.charAt(i + 2)) && (i + 3 == to || !isDigit(s.charAt(i + 3)));
  }
  private int parse(int from, int to) {
    return Integer.parseInt(s, from, to, 10);
  }
  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
  private boolean startsWithWord(int i, int to, String word) {
    int e = i + word.length();
    return e <= to && s.regionMatches(true, i, word, 0, word.length())
        && (e == to || !Character.isLetter(s.charAt(e)));
  }

  private void emit(ClaimKind kind, int start, int end, List<String> keys, String detail) {
    scanner.emit(kind, start, end, keys, detail);
  }
}
