package dev.statelab.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Small read-only JSON objects that take a third of the memory of ordinary ones: an {@link
 * ObjectNode} over a shared array of field names and an array of values, instead of a {@code
 * LinkedHashMap} (whose table and one entry object per field dominate a small object's size).
 *
 * <p>For data written once and kept long, built where it is written: history event details,
 * which stay in memory as long as their Standard execution does. Changing such an object throws
 * {@link UnsupportedOperationException}.
 */
public final class FrozenObjects {

  private FrozenObjects() {}

  /**
   * An object with the fields {@code keys} (in that order) holding {@code values} (a null value
   * is JSON null, as {@link ObjectNode#set} makes it). The key array may be a shared constant and
   * must not change afterwards; the values array becomes the object's.
   *
   * @throws IllegalArgumentException when the arrays' lengths differ
   */
  public static ObjectNode of(String[] keys, JsonNode... values) {
    if (keys.length != values.length) {
      throw new IllegalArgumentException(keys.length + " keys for " + values.length + " values");
    }
    for (int i = 0; i < values.length; i++) {
      if (values[i] == null) {
        values[i] = NullNode.getInstance();
      }
    }
    return new ObjectNode(Json.NODES, new ArrayMap(keys, values));
  }

  /** An immutable, insertion-ordered map over parallel arrays; lookups scan (objects are small). */
  private static final class ArrayMap extends AbstractMap<String, JsonNode> {

    private final String[] keys;
    private final JsonNode[] values;

    ArrayMap(String[] keys, JsonNode[] values) {
      this.keys = keys;
      this.values = values;
    }

    @Override
    public int size() {
      return keys.length;
    }

    @Override
    public JsonNode get(Object key) {
      int i = indexOf(key);
      return i < 0 ? null : values[i];
    }

    @Override
    public boolean containsKey(Object key) {
      return indexOf(key) >= 0;
    }

    private int indexOf(Object key) {
      for (int i = 0; i < keys.length; i++) {
        if (keys[i].equals(key)) {
          return i;
        }
      }
      return -1;
    }

    @Override
    public Set<Entry<String, JsonNode>> entrySet() {
      return new AbstractSet<>() {
        @Override
        public int size() {
          return keys.length;
        }

        @Override
        public Iterator<Entry<String, JsonNode>> iterator() {
          return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
              return next < keys.length;
            }

            @Override
            public Entry<String, JsonNode> next() {
              if (next >= keys.length) {
                throw new NoSuchElementException();
              }
              int i = next++;
              return new SimpleImmutableEntry<>(keys[i], values[i]);
            }
          };
        }
      };
    }
  }
}
