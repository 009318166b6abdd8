package io.github.evals4j.assertions.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Finds where values named by JSON Pointers are in the text, in one streaming pass for all of them:
 * the pointers form a trie, subtrees no pointer enters are skipped without being decoded. Iterative,
 * so as deep as the reader allowed. Used to quote the offending value of a failed pointer or schema
 * check.
 */
final class JsonSpans {

  private JsonSpans() {}

  private static final class Node {
    final Map<String, Node> children = new HashMap<>();
    String pointer;
  }

  private static final class Frame {
    final Node node;
    final int start;
    final boolean array;
    int index = -1;

    Frame(Node node, int start, boolean array) {
      this.node = node;
      this.start = start;
      this.array = array;
    }
  }

  /**
   * The spans {@code [start, end)} (offsets into {@code text}) of the values at {@code pointers}
   * inside the JSON value {@code text[valueStart, valueEnd)}; pointers with no value are absent.
   */
  static Map<String, int[]> locate(JsonFactory factory, String text, int valueStart, int valueEnd,
      Collection<JsonPointer> pointers) {
    Map<String, int[]> spans = new HashMap<>();
    Node root = new Node();
    for (JsonPointer pointer : pointers) {
      Node node = root;
      for (JsonPointer tail = pointer; !tail.matches(); tail = tail.tail()) {
        node = node.children.computeIfAbsent(tail.getMatchingProperty(), k -> new Node());
      }
      node.pointer = pointer.toString();
    }
    String source = text.substring(valueStart, valueEnd);
    try (JsonParser p = factory.createParser(source)) {
      Deque<Frame> stack = new ArrayDeque<>();
      JsonToken token = p.nextToken();
      Node node = root;
      while (token != null) {
        int start = valueStart + (int) StrictJsonReader.offsetOf(p.currentTokenLocation());
        if (node == null) {
          p.skipChildren();
        } else if (token.isStructStart()) {
          stack.push(new Frame(node, start, token == JsonToken.START_ARRAY));
        } else if (node.pointer != null) {
          p.finishToken();
          spans.put(node.pointer,
              new int[] {start, valueStart + (int) StrictJsonReader.offsetOf(p.currentLocation())});
        }
        // Advance to the next value, closing finished containers on the way.
        token = null;
        while (!stack.isEmpty()) {
          Frame frame = stack.peek();
          JsonToken next = p.nextToken();
          if (next == null) {
            break;
          }
          if (next.isStructEnd()) {
            stack.pop();
            if (frame.node.pointer != null) {
              spans.put(frame.node.pointer, new int[] {frame.start,
                  valueStart + (int) StrictJsonReader.offsetOf(p.currentLocation())});
            }
            continue;
          }
          if (frame.array) {
            frame.index++;
            node = frame.node.children.get(Integer.toString(frame.index));
            token = next;
          } else {
            node = frame.node.children.get(p.currentName());
            token = p.nextToken();
          }
          break;
        }
      }
    } catch (IOException e) {
      // The text was validated before; a span we cannot find is simply not quoted.
    }
    return spans;
  }
}
