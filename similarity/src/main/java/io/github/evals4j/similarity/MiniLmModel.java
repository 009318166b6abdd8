package io.github.evals4j.similarity;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;

import java.util.ArrayList;
import java.util.List;

/**
 * The one model instance of the JVM. Its own class so that nothing touches LangChain4j types before
 * {@link MiniLmEmbedder} has checked that they are there; loaded on first use (holder idiom), so
 * a suite that never compares texts never pays the load.
 */
final class MiniLmModel {

  private MiniLmModel() {}

  private static final class Holder {
    // Same-thread executor: the checks' callers bring their own parallelism (JUnit), and a
    // library should not leave a pool of threads behind.
    static final EmbeddingModel MODEL = load();

    private static EmbeddingModel load() {
      try {
        return new AllMiniLmL6V2EmbeddingModel(Runnable::run);
      } catch (RuntimeException | LinkageError e) {
        throw new IllegalStateException(
            "the all-MiniLM-L6-v2 model could not be loaded (ONNX Runtime or its native library): "
                + e, e);
      }
    }
  }

  static List<float[]> embed(List<String> texts) {
    List<TextSegment> segments = new ArrayList<>(texts.size());
    for (String text : texts) {
      segments.add(TextSegment.from(text));
    }
    List<Embedding> embeddings = Holder.MODEL.embedAll(segments).content();
    List<float[]> vectors = new ArrayList<>(embeddings.size());
    for (Embedding e : embeddings) {
      vectors.add(e.vector());
    }
    return vectors;
  }
}
