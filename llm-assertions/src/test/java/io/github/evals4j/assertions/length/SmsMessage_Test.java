package io.github.evals4j.assertions.length;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.evals4j.assertions.length.SmsMessage.Encoding;
import org.junit.jupiter.api.Test;

class SmsMessage_Test {

  @Test
  void should_fit_160_gsm_characters_in_one_sms_and_split_longer_text_by_153() {
    assertThat(SmsMessage.of("a".repeat(160))).extracting(SmsMessage::segments).isEqualTo(1);
    SmsMessage two = SmsMessage.of("a".repeat(161));
    assertThat(two.encoding()).isEqualTo(Encoding.GSM_7);
    assertThat(two.segments()).isEqualTo(2);
    assertThat(two.segmentStarts()).containsExactly(0, 153);
    assertThat(SmsMessage.of("a".repeat(306)).segments()).isEqualTo(2);
    assertThat(SmsMessage.of("a".repeat(307)).segments()).isEqualTo(3);
  }

  @Test
  void should_count_extension_characters_twice_and_never_split_their_escape() {
    assertThat(SmsMessage.of("\u20AC".repeat(80)).units()).isEqualTo(160);
    assertThat(SmsMessage.of("\u20AC".repeat(80)).segments()).isEqualTo(1);
    // 152 septets of "a", then "{" (2 septets) does not fit segment 1: it opens segment 2
    SmsMessage sms = SmsMessage.of("a".repeat(152) + "{" + "b".repeat(10));
    assertThat(sms.units()).isEqualTo(164);
    assertThat(sms.segmentStarts()).containsExactly(0, 152);
  }

  @Test
  void should_switch_to_ucs2_for_any_non_gsm_character() {
    SmsMessage accent = SmsMessage.of("Ol\u00e1");           // á is not in GSM 03.38 (à is)
    assertThat(accent.encoding()).isEqualTo(Encoding.UCS_2);
    assertThat(SmsMessage.of("voil\u00e0 \u00e9t\u00e9 \u00c7a").encoding()).isEqualTo(Encoding.GSM_7);
    assertThat(SmsMessage.of("\u0645".repeat(70)).segments()).isEqualTo(1);   // Arabic
    assertThat(SmsMessage.of("\u0645".repeat(71)).segments()).isEqualTo(2);
    assertThat(SmsMessage.of("日".repeat(134)).segments()).isEqualTo(2);
    assertThat(SmsMessage.of("日".repeat(135)).segments()).isEqualTo(3);
  }

  @Test
  void should_not_split_a_surrogate_pair_across_segments() {
    SmsMessage sms = SmsMessage.of("a".repeat(66) + "\uD83D\uDE00" + "b".repeat(10));
    assertThat(sms.units()).isEqualTo(78);
    assertThat(sms.segmentStarts()).containsExactly(0, 66);
  }

  @Test
  void should_handle_empty_bom_and_lone_surrogates() {
    assertThat(SmsMessage.of("").segments()).isZero();
    assertThat(SmsMessage.of("\uFEFFhi").encoding()).isEqualTo(Encoding.UCS_2);
    assertThat(SmsMessage.of("a\uD800").units()).isEqualTo(2);
  }
}
