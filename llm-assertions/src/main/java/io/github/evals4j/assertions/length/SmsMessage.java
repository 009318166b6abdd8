package io.github.evals4j.assertions.length;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * How a text travels as SMS: its encoding, its size in that encoding, and its segments.
 *
 * <p>A text made only of GSM 03.38 characters (3GPP TS 23.038, default alphabet plus its extension
 * table, whose characters {@code ^ { } \ [ ~ ] | €} and form feed take two septets) is sent as
 * GSM-7: 160 septets fit one SMS, a longer text is split into segments of 153 septets (6 bytes of
 * each segment go to the concatenation header, 3GPP TS 23.040). Any other character turns the
 * whole message into UCS-2/UTF-16: 70 units in one SMS, 67 per segment. A segment never splits a
 * two-septet escape or a surrogate pair. National language shift tables are not modelled.
 *
 * <pre>{@code
 * SmsMessage sms = SmsMessage.of("Your code is 1234 \uD83D\uDE00");
 * sms.encoding(); // UCS_2 (the emoji), sms.segments() == 1
 * }</pre>
 *
 * @param encoding the encoding the text needs
 * @param units septets (GSM-7) or UTF-16 units (UCS-2)
 * @param segments how many SMS the text takes; 0 for an empty text
 * @param segmentStarts UTF-16 offset in the text where each segment starts
 */
public record SmsMessage(Encoding encoding, int units, int segments, List<Integer> segmentStarts) {

  /** The two SMS alphabets. */
  public enum Encoding {
    /** The GSM 03.38 default 7-bit alphabet: 160 septets in one SMS, 153 per segment. */
    GSM_7(160, 153),
    /** UCS-2 (in practice UTF-16): 70 units in one SMS, 67 per segment. */
    UCS_2(70, 67);

    private final int single;
    private final int perSegment;

    Encoding(int single, int perSegment) {
      this.single = single;
      this.perSegment = perSegment;
    }

    /** Units that fit a single, unsegmented SMS. */
    public int singleMessageUnits() {
      return single;
    }

    /** Units per segment of a concatenated SMS. */
    public int unitsPerSegment() {
      return perSegment;
    }
  }

  private static final String GSM_BASIC =
      "@\u00A3$\u00A5\u00E8\u00E9\u00F9\u00EC\u00F2\u00C7\n\u00D8\u00F8\r\u00C5\u00E5"
          + "\u0394_\u03A6\u0393\u039B\u03A9\u03A0\u03A8\u03A3\u0398\u039E\u00C6\u00E6\u00DF\u00C9"
          + " !\"#\u00A4%&'()*+,-./0123456789:;<=>?"
          + "\u00A1ABCDEFGHIJKLMNOPQRSTUVWXYZ\u00C4\u00D6\u00D1\u00DC\u00A7"
          + "\u00BFabcdefghijklmnopqrstuvwxyz\u00E4\u00F6\u00F1\u00FC\u00E0";
  private static final String GSM_EXTENSION = "\f^{}\\[~]|\u20AC";
  private static final byte[] SEPTETS = new byte[Character.MAX_VALUE + 1];

  static {
    GSM_BASIC.chars().forEach(c -> SEPTETS[c] = 1);
    GSM_EXTENSION.chars().forEach(c -> SEPTETS[c] = 2);
  }

  public SmsMessage {
    Objects.requireNonNull(encoding, "encoding");
    segmentStarts = List.copyOf(segmentStarts);
  }

  /** Encodes {@code text} the way a phone or an SMS gateway would. */
  public static SmsMessage of(String text) {
    Objects.requireNonNull(text, "text");
    boolean gsm = true;
    for (int i = 0; i < text.length() && gsm; i++) {
      gsm = septets(text.charAt(i)) > 0;
    }
    Encoding encoding = gsm ? Encoding.GSM_7 : Encoding.UCS_2;
    int units = 0;
    for (int i = 0; i < text.length(); i++) {
      units += gsm ? septets(text.charAt(i)) : 1;
    }
    if (units == 0) {
      return new SmsMessage(encoding, 0, 0, List.of());
    }
    if (units <= encoding.single) {
      return new SmsMessage(encoding, units, 1, List.of(0));
    }
    List<Integer> starts = new ArrayList<>();
    int used = encoding.perSegment; // forces a segment at offset 0
    for (int i = 0; i < text.length(); ) {
      char c = text.charAt(i);
      boolean pair = !gsm && Character.isHighSurrogate(c) && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1));
      int size = gsm ? septets(c) : pair ? 2 : 1;
      if (used + size > encoding.perSegment) {
        starts.add(i);
        used = 0;
      }
      used += size;
      i += pair ? 2 : 1;
    }
    return new SmsMessage(encoding, units, starts.size(), Collections.unmodifiableList(starts));
  }

  /** Septets of {@code c} in GSM-7: 1, 2 (extension table), or 0 if it is not in GSM 03.38. */
  static int septets(char c) {
    return SEPTETS[c];
  }

  /** The first character that forces UCS-2, or -1 for a GSM-7 text. */
  static int firstNonGsm(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (septets(text.charAt(i)) == 0) {
        return i;
      }
    }
    return -1;
  }
}
