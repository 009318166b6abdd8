package io.github.evals4j.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.evals4j.llm.LlmCall;
import io.github.evals4j.llm.responses.LlmResponses;
import io.github.evals4j.recording.Recorder;
import io.github.evals4j.recording.Recording;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayStoreTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  private final AtomicInteger liveCalls = new AtomicInteger();

  static String request(String userText) {
    return "{\"model\":\"gpt-4o-mini\",\"temperature\":0.2,\"messages\":[{\"role\":\"user\",\"content\":"
        + quote(userText) + "}]}";
  }

  static String completion(String answer) {
    return "{\"id\":\"chatcmpl-1\",\"model\":\"gpt-4o-mini-2024-07-18\",\"choices\":[{\"index\":0,"
        + "\"message\":{\"role\":\"assistant\",\"content\":" + quote(answer) + "},\"finish_reason\":\"stop\"}],"
        + "\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":5,\"total_tokens\":17}}";
  }

  private static String quote(String s) {
    try {
      return JSON.writeValueAsString(s);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private String live(String answer) {
    liveCalls.incrementAndGet();
    return completion(answer);
  }

  /** The key of case {@code "case " + userText}. */
  private static ReplayKey key(String userText, int repeat) {
    return key("case " + userText, userText, repeat);
  }

  private static ReplayKey key(String callId, String userText, int repeat) {
    return ReplayKey.of("openai", "gpt-4o-mini", request(userText), repeat).withCallId(callId);
  }

  private List<Path> recordings() throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).sorted().toList();
    }
  }

  @Test
  void should_record_live_then_replay_without_calling_the_model() throws Exception {
    // GIVEN a response recorded once
    ReplayStore recorder = ReplayStore.at(dir, ReplayMode.RECORD);
    ReplayResponse recorded = recorder.exchange(key("E1042 at 10:02", 0), () -> live("Timeout E1042."));
    // WHEN the same call runs in replay mode
    ReplayStore replayer = ReplayStore.at(dir, ReplayMode.REPLAY);
    ReplayResponse replayed = replayer.exchange(key("E1042 at 10:02", 0), () -> live("never asked"));
    // THEN
    assertThat(liveCalls).hasValue(1);
    assertThat(recorded.replayed()).isFalse();
    assertThat(replayed.replayed()).isTrue();
    assertThat(replayed.recorded()).isPresent();
    assertThat(JSON.readTree(replayed.body())).isEqualTo(JSON.readTree(completion("Timeout E1042.")));
    assertThat(replayed.latency()).isEqualTo(java.time.Duration.ofMillis(recorded.latency().toMillis()));
    assertThat(recorder.stats()).hasToString("replay: 0 replayed, 1 recorded, 0 live, 0 missing, 0 stale");
    assertThat(replayer.stats()).hasToString("replay: 1 replayed, 0 recorded, 0 live, 0 missing, 0 stale");
  }

  @Test
  void should_write_one_readable_json_file_named_by_the_key_hash() throws Exception {
    // GIVEN
    ReplayKey key = key("E1042 at 10:02", 3);
    // WHEN
    ReplayStore.at(dir, ReplayMode.RECORD).exchange(key, () -> live("Timeout E1042."));
    // THEN
    Path file = dir.resolve("openai/gpt-4o-mini/" + key.fileHash() + ".json");
    assertThat(recordings()).containsExactly(file);
    assertThat(ReplayStore.at(dir, ReplayMode.REPLAY).fileFor(key)).isEqualTo(file);
    String text = Files.readString(file);
    assertThat(text).contains("\n  \"provider\" : \"openai\"");    // pretty-printed for diffs
    JsonNode stored = JSON.readTree(text);
    assertThat(stored.get("format").asInt()).isEqualTo(1);
    assertThat(stored.get("provider").asText()).isEqualTo("openai");
    assertThat(stored.get("model").asText()).isEqualTo("gpt-4o-mini");
    assertThat(stored.get("callId").asText()).isEqualTo("case E1042 at 10:02");
    assertThat(stored.get("repeat").asInt()).isEqualTo(3);
    assertThat(stored.get("requestSha256").asText()).isEqualTo(key.requestHash());
    assertThat(stored.get("request")).isEqualTo(JSON.readTree(request("E1042 at 10:02")));
    assertThat(stored.get("responseFormat").asText()).isEqualTo("json");
    assertThat(stored.get("response").at("/choices/0/message/content").asText()).isEqualTo("Timeout E1042.");
    assertThat(java.time.Instant.parse(stored.get("recordedAt").asText())).isBeforeOrEqualTo(java.time.Instant.now());
  }

  @Test
  void should_fail_when_a_recording_is_missing_naming_the_key_the_file_and_how_to_record() {
    // GIVEN an empty store in replay mode
    ReplayStore store = ReplayStore.at(dir, ReplayMode.REPLAY);
    ReplayKey key = key("E1042 at 10:02", 0);
    // WHEN / THEN
    assertThatThrownBy(() -> store.exchange(key, () -> live("never asked")))
        .isInstanceOf(MissingRecordingException.class)
        .hasMessageStartingWith("No recording for openai/gpt-4o-mini request sha256:" + key.requestHash()
            + " repeat 0 (call 'case E1042 at 10:02'): expected " + store.fileFor(key) + " (mode replay).")
        .hasMessageContaining("-Devals4j.replay.mode=record (or EVALS4J_REPLAY_MODE=record;")
        .hasMessageContaining("commit the new file(s) under " + store.root());
    assertThat(liveCalls).hasValue(0);
    ReplayStats stats = store.stats();
    assertThat(stats.missing()).isEqualTo(1);
    assertThat(stats.problems()).singleElement().satisfies(p -> {
      assertThat(p.kind()).isEqualTo(ReplayProblem.Kind.MISSING);
      assertThat(p.key()).isEqualTo(key.toString());
      assertThat(p.file()).isEqualTo("openai/gpt-4o-mini/" + key.fileHash() + ".json");
    });
  }

  @Test
  void should_fail_on_a_stale_recording_naming_the_call_both_hashes_and_the_change() throws Exception {
    // GIVEN case la-01 recorded for an older prompt
    ReplayKey old = key("la-01", "E1042 at 10:02", 0);
    ReplayStore.at(dir, ReplayMode.RECORD).exchange(old, () -> live("Timeout E1042."));
    ReplayKey changed = key("la-01", "E1042 at 10:02, retry failed", 0);
    ReplayStore store = ReplayStore.at(dir, ReplayMode.REPLAY);
    // WHEN / THEN
    assertThatThrownBy(() -> store.exchange(changed, () -> live("never asked")))
        .isInstanceOf(StaleRecordingException.class)
        .hasMessageStartingWith("Stale recording for call 'la-01' repeat 0 (openai/gpt-4o-mini): recorded ")
        .hasMessageContaining("for request sha256:" + old.requestHash())
        .hasMessageContaining("the current request is sha256:" + changed.requestHash())
        .hasMessageContaining("first difference at /messages/0/content, character 14: "
            + "recorded E1042 at 10:02, now E1042 at 10:02, retry failed")
        .hasMessageContaining("re-record with -Devals4j.replay.mode=record");
    assertThat(liveCalls).hasValue(1);
    assertThat(store.stats().stale()).isEqualTo(1);
    assertThat(store.stats().missing()).isZero();
    assertThat(store.stats().problems()).singleElement().satisfies(p -> {
      assertThat(p.kind()).isEqualTo(ReplayProblem.Kind.STALE);
      assertThat(p.recordedHash()).isEqualTo(old.requestHash());
    });
  }

  @Test
  void should_report_a_changed_parameter_as_the_first_difference() throws Exception {
    ReplayStore.at(dir, ReplayMode.RECORD).exchange(key("hello", 0), () -> live("hi"));
    ReplayKey hotter = ReplayKey.of("openai", "gpt-4o-mini", request("hello").replace("0.2", "0.9"), 0)
        .withCallId("case hello");
    assertThatThrownBy(() -> ReplayStore.at(dir, ReplayMode.REPLAY).exchange(hotter, () -> live("x")))
        .isInstanceOf(StaleRecordingException.class)
        .hasMessageContaining("first difference at /temperature: recorded 0.2, now 0.9");
  }

  @Test
  void should_warn_call_live_and_replace_a_stale_recording_in_auto_mode() throws Exception {
    // GIVEN la-01 recorded for the old prompt
    ReplayKey old = key("la-01", "old prompt", 0);
    ReplayStore.at(dir, ReplayMode.RECORD).exchange(old, () -> live("old answer"));
    Path oldFile = dir.resolve("openai/gpt-4o-mini/" + old.fileHash() + ".json");
    ReplayStore auto = ReplayStore.at(dir, ReplayMode.AUTO);
    // WHEN the new prompt runs in auto mode, twice
    ReplayResponse first = auto.exchange(key("la-01", "new prompt", 0), () -> live("new answer"));
    ReplayResponse second = auto.exchange(key("la-01", "new prompt", 0), () -> live("asked again"));
    // THEN the first call went live and replaced the stale file, the second replayed it
    assertThat(first.replayed()).isFalse();
    assertThat(second.replayed()).isTrue();
    assertThat(JSON.readTree(second.body()).at("/choices/0/message/content").asText()).isEqualTo("new answer");
    assertThat(liveCalls).hasValue(2);
    assertThat(recordings()).hasSize(1).doesNotContain(oldFile);
    ReplayStats stats = auto.stats();
    assertThat(stats).hasToString("replay: 1 replayed, 1 recorded, 0 live, 0 missing, 1 stale");
    assertThat(stats.problems()).singleElement().satisfies(p ->
        assertThat(p.message()).contains("Stale recording for call 'la-01'")
            .endsWith("Mode auto: calling the model and replacing the stale recording."));
  }

  @Test
  void should_record_only_what_is_missing_in_auto_mode() throws Exception {
    ReplayStore auto = ReplayStore.at(dir, ReplayMode.AUTO);
    auto.exchange(key("a", 0), () -> live("A"));
    auto.exchange(key("a", 0), () -> live("A again"));
    auto.exchange(key("b", 0), () -> live("B"));
    assertThat(liveCalls).hasValue(2);
    assertThat(auto.stats()).hasToString("replay: 1 replayed, 2 recorded, 0 live, 2 missing, 0 stale");
    assertThat(recordings()).hasSize(2);
  }

  @Test
  void should_replay_each_repeat_its_own_answer() throws Exception {
    // GIVEN three repeats of one case recorded with different answers
    ReplayStore recorder = ReplayStore.at(dir, ReplayMode.RECORD);
    for (int repeat = 0; repeat < 3; repeat++) {
      String answer = "answer " + repeat;
      recorder.exchange(key("same prompt", repeat), () -> live(answer));
    }
    // WHEN replayed
    ReplayStore replayer = ReplayStore.at(dir, ReplayMode.REPLAY);
    // THEN each repeat gets its own
    for (int repeat = 0; repeat < 3; repeat++) {
      String body = replayer.exchange(key("same prompt", repeat), () -> live("never")).body();
      assertThat(JSON.readTree(body).at("/choices/0/message/content").asText()).isEqualTo("answer " + repeat);
    }
    assertThat(recordings()).hasSize(3);
    assertThatThrownBy(() -> replayer.exchange(key("same prompt", 3), () -> live("never")))
        .isInstanceOf(MissingRecordingException.class).hasMessageContaining("repeat 3");
  }

  @Test
  void should_number_the_repeats_of_identical_calls_when_no_index_is_given() throws Exception {
    // GIVEN three identical calls recorded without a repeat index
    ReplayStore recorder = ReplayStore.at(dir, ReplayMode.RECORD);
    for (int i = 0; i < 3; i++) {
      String answer = "answer " + i;
      recorder.exchange(ReplayKey.of("openai", "gpt-4o-mini", request("same")).withCallId("c"),
          () -> live(answer));
    }
    assertThat(recordings()).hasSize(3);
    // WHEN a new run (a new store) makes them again
    ReplayStore replayer = ReplayStore.at(dir, ReplayMode.REPLAY);
    List<String> answers = new java.util.ArrayList<>();
    for (int i = 0; i < 3; i++) {
      String body = replayer.exchange(ReplayKey.of("openai", "gpt-4o-mini", request("same")).withCallId("c"),
          () -> live("never")).body();
      answers.add(JSON.readTree(body).at("/choices/0/message/content").asText());
    }
    // THEN each got its own recording, in order, and a fourth is missing as repeat 3
    assertThat(answers).containsExactly("answer 0", "answer 1", "answer 2");
    assertThatThrownBy(() -> replayer.exchange(ReplayKey.of("openai", "gpt-4o-mini", request("same"))
        .withCallId("c"), () -> live("never")))
        .isInstanceOf(MissingRecordingException.class).hasMessageContaining(" repeat 3 (call 'c')");
    assertThat(ReplayKey.of("openai", "m", "{}").repeat()).isEqualTo(-1);
  }

  @Test
  void should_never_touch_a_file_when_live() throws Exception {
    ReplayStore live = ReplayStore.live();
    ReplayResponse r = live.exchange(key("p", 0), () -> live("hello"));
    assertThat(r.replayed()).isFalse();
    assertThat(live.mode()).isEqualTo(ReplayMode.FRESH);
    assertThat(live.stats().live()).isEqualTo(1);
    assertThat(Files.exists(live.fileFor(key("p", 0)))).isFalse();
    assertThat(dir).isEmptyDirectory();
  }

  @Test
  void should_neither_read_nor_write_in_fresh_mode() throws Exception {
    // GIVEN a recording
    ReplayStore.at(dir, ReplayMode.RECORD).exchange(key("p", 0), () -> live("recorded"));
    List<Path> before = recordings();
    String content = Files.readString(before.get(0));
    // WHEN a fresh run makes the same call and a new one
    ReplayStore fresh = ReplayStore.at(dir, ReplayMode.FRESH);
    ReplayResponse same = fresh.exchange(key("p", 0), () -> live("today's answer"));
    fresh.exchange(key("q", 0), () -> live("another"));
    // THEN both went live and nothing changed on disk
    assertThat(same.replayed()).isFalse();
    assertThat(JSON.readTree(same.body()).at("/choices/0/message/content").asText()).isEqualTo("today's answer");
    assertThat(recordings()).isEqualTo(before);
    assertThat(Files.readString(before.get(0))).isEqualTo(content);
    assertThat(fresh.stats()).hasToString("replay: 0 replayed, 0 recorded, 2 live, 0 missing, 0 stale");
  }

  @Test
  void should_report_the_llm_call_flagged_replayed() throws Exception {
    // GIVEN a bound recorder and a recorded call
    List<LlmCall> calls = new CopyOnWriteArrayList<>();
    Recorder recorder = new Recorder() {
      @Override
      public void onLlmCall(LlmCall call) {
        calls.add(call);
      }
    };
    ReplayStore.at(dir, ReplayMode.RECORD).exchange(key("p", 0), () -> live("hello"));
    // WHEN the application calls through the store, once replayed and once fresh
    try (Recording.Binding ignored = Recording.bind(recorder)) {
      ReplayStore.at(dir, ReplayMode.REPLAY).call(key("p", 0), () -> live("never"), LlmResponses::openAi);
      ReplayStore.at(dir, ReplayMode.FRESH).call(key("p", 0), () -> live("live"), LlmResponses::openAi);
    }
    // THEN
    assertThat(calls).hasSize(2);
    assertThat(calls.get(0).replayed()).isTrue();
    assertThat(calls.get(0).responseModel()).isEqualTo("gpt-4o-mini-2024-07-18");
    assertThat(calls.get(0).inputTokens()).isEqualTo(12);
    assertThat(calls.get(0).finishReason()).isEqualTo("stop");
    assertThat(calls.get(1).replayed()).isFalse();
  }

  @Test
  void should_report_a_failed_live_call_with_its_error_and_record_nothing() {
    List<LlmCall> calls = new CopyOnWriteArrayList<>();
    Recorder recorder = new Recorder() {
      @Override
      public void onLlmCall(LlmCall call) {
        calls.add(call);
      }
    };
    ReplayStore store = ReplayStore.at(dir, ReplayMode.AUTO);
    try (Recording.Binding ignored = Recording.bind(recorder)) {
      assertThatThrownBy(() -> store.call(key("p", 0), () -> {
        throw new IOException("connection reset");
      }, LlmResponses::openAi)).isInstanceOf(IOException.class).hasMessage("connection reset");
    }
    assertThat(calls).singleElement().satisfies(c -> {
      assertThat(c.error()).isEqualTo("java.io.IOException: connection reset");
      assertThat(c.provider()).isEqualTo("openai");
      assertThat(c.replayed()).isFalse();
    });
    assertThat(dir).isEmptyDirectory();
  }

  @Test
  void should_replay_huge_and_non_latin_bodies_exactly() throws Exception {
    // GIVEN bodies: 4 MB of mixed scripts as JSON, a non-JSON stream, and one with a lone surrogate
    String mixed = "夜間バッチ失敗 رمز الخطأ E1042 🚨 ";
    String huge = completion(mixed.repeat(4 * 1024 * 1024 / mixed.length()));
    String stream = "data: {\"choices\":[{\"delta\":{\"content\":\"مرحبا 👋\"}}]}\n\ndata: [DONE]\n\n";
    String lone = completion("broken \ud800 half");
    String bom = "\ufeff" + "plain text answer";
    ReplayStore recorder = ReplayStore.at(dir, ReplayMode.RECORD);
    recorder.exchange(key("huge", 0), () -> huge);
    recorder.exchange(key("stream", 0), () -> stream);
    recorder.exchange(key("lone", 0), () -> lone);
    recorder.exchange(key("bom", 0), () -> bom);
    // WHEN
    ReplayStore replayer = ReplayStore.at(dir, ReplayMode.REPLAY);
    // THEN JSON bodies replay equal as JSON, other bodies character for character
    assertThat(JSON.readTree(replayer.exchange(key("huge", 0), () -> "x").body())).isEqualTo(JSON.readTree(huge));
    assertThat(replayer.exchange(key("stream", 0), () -> "x").body()).isEqualTo(stream);
    assertThat(replayer.exchange(key("lone", 0), () -> "x").body()).isEqualTo(
        JSON.writeValueAsString(JSON.readTree(lone))).contains("broken \ud800 half");
    assertThat(replayer.exchange(key("bom", 0), () -> "x").body()).isEqualTo(bom);
    // the non-Latin recording stays readable UTF-8, the lone surrogate one is escaped ASCII
    assertThat(Files.readString(replayer.fileFor(key("stream", 0)), StandardCharsets.UTF_8)).contains("مرحبا 👋");
    assertThat(Files.readString(replayer.fileFor(key("lone", 0)), StandardCharsets.US_ASCII)).contains("\\uD800");
  }

  @Test
  void should_replay_numbers_as_they_were_spelled() throws Exception {
    String body = "{\"score\": 1.50, \"big\": 123456789012345678901234567890, \"tiny\": 1e-400, \"n\": [0.1, -0]}";
    ReplayStore.at(dir, ReplayMode.RECORD).exchange(key("n", 0), () -> body);
    String replayed = ReplayStore.at(dir, ReplayMode.REPLAY).exchange(key("n", 0), () -> "x").body();
    assertThat(replayed).isEqualTo(
        "{\"score\":1.50,\"big\":123456789012345678901234567890,\"tiny\":1E-400,\"n\":[0.1,0]}");
  }

  @Test
  void should_report_an_unreadable_response_as_an_error_and_still_return_it() throws Exception {
    List<LlmCall> calls = new CopyOnWriteArrayList<>();
    Recorder recorder = new Recorder() {
      @Override
      public void onLlmCall(LlmCall call) {
        calls.add(call);
      }
    };
    String body;
    try (Recording.Binding ignored = Recording.bind(recorder)) {
      body = ReplayStore.at(dir, ReplayMode.AUTO).call(key("p", 0), () -> "<html>502 Bad Gateway</html>",
          LlmResponses::openAi);
    }
    assertThat(body).isEqualTo("<html>502 Bad Gateway</html>");
    assertThat(calls).singleElement().satisfies(c -> {
      assertThat(c.error()).startsWith("unreadable response: ");
      assertThat(c.requestModel()).isEqualTo("gpt-4o-mini");
    });
  }

  @Test
  void should_fail_clearly_on_a_corrupt_recording() throws Exception {
    // GIVEN a recording damaged by a bad merge
    ReplayKey key = key("p", 0);
    ReplayStore store = ReplayStore.at(dir, ReplayMode.REPLAY);
    ReplayStore.at(dir, ReplayMode.RECORD).exchange(key, () -> live("x"));
    Path file = store.fileFor(key);
    Files.writeString(file, "<<<<<<< HEAD\n{}\n");
    // WHEN / THEN
    assertThatThrownBy(() -> store.exchange(key, () -> live("never")))
        .isInstanceOf(ReplayException.class)
        .hasMessageContaining("recording " + file + " is not valid JSON")
        .hasMessageContaining("line 1, column")
        .hasMessageEndingWith("fix the merge or re-record it");
    // GIVEN a valid recording copied by hand over another key's file
    ReplayKey other = key("q", 0);
    ReplayStore.at(dir, ReplayMode.RECORD).exchange(key, () -> live("x"));
    Files.copy(file, store.fileFor(other));
    assertThatThrownBy(() -> store.exchange(other, () -> live("never")))
        .isInstanceOf(ReplayException.class)
        .hasMessageContaining("not for " + other)
        .hasMessageContaining("delete it and re-record");
  }

  @Test
  void should_read_a_recording_saved_with_a_byte_order_mark_and_reject_one_that_is_not_utf8() throws Exception {
    // GIVEN a recording re-saved by an editor that adds a BOM
    ReplayKey key = key("p", 0);
    ReplayStore.at(dir, ReplayMode.RECORD).exchange(key, () -> live("héllo"));
    ReplayStore store = ReplayStore.at(dir, ReplayMode.REPLAY);
    Path file = store.fileFor(key);
    byte[] original = Files.readAllBytes(file);
    byte[] withBom = new byte[original.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(original, 0, withBom, 3, original.length);
    Files.write(file, withBom);
    // WHEN / THEN it still replays
    assertThat(JSON.readTree(store.exchange(key, () -> "x").body()).at("/choices/0/message/content").asText())
        .isEqualTo("héllo");
    // GIVEN one re-saved as Latin-1, then one emptied
    Files.write(file, new String(original, StandardCharsets.UTF_8).getBytes(StandardCharsets.ISO_8859_1));
    assertThatThrownBy(() -> store.exchange(key, () -> "x"))
        .isInstanceOf(ReplayException.class).hasMessage("recording " + file + " is not UTF-8 text; re-record it");
    Files.write(file, new byte[0]);
    assertThatThrownBy(() -> store.exchange(key, () -> "x"))
        .isInstanceOf(ReplayException.class).hasMessage("recording " + file + " is not a JSON object");
  }

  @Test
  void should_keep_folder_names_safe_for_any_file_system() {
    assertThat(ReplayStore.segment("models/gemini-2.0:flash")).isEqualTo("models_gemini-2.0_flash");
    assertThat(ReplayStore.segment("..")).isEqualTo("_");
    assertThat(ReplayStore.segment("通义千问")).isEqualTo("____");
    assertThat(ReplayStore.segment("x".repeat(500))).hasSize(80);
  }
}
