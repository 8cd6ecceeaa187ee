package dev.statelab.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Small read-only JSON objects for data written once and kept long, such as history event
 * details (a Standard execution's history stays in memory as long as the execution does): an
 * {@link ObjectNode} over a shared array of field names and an array of values takes a third of
 * the memory of one over a {@code LinkedHashMap}, whose table and per-field entries dominate a
 * small object's size.
 *
 * <p>Keep frozen objects behind an owner that hands out {@linkplain #thaw ordinary copies}: if
 * they reached Jackson's general code they would give its {@code ObjectNode} call sites a second
 * map class to dispatch on, and every object in the JVM would be read more slowly (measured:
 * about 15% of a StartSyncExecution round trip). {@link #get} reads one field without that.
 */
public final class FrozenObjects {

  private FrozenObjects() {}

  /**
   * A frozen object with the fields {@code keys} (in that order) holding {@code values} (a null
   * value is JSON null, as {@link ObjectNode#set} makes it). The key array may be a shared
   * constant and must not change afterwards; the values array becomes the object's.
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
    return new Frozen(new ArrayMap(keys, values));
  }

  /** True when {@code node} was made by {@link #of}. */
  public static boolean isFrozen(JsonNode node) {
    return node instanceof Frozen;
  }

  /**
   * An ordinary, changeable copy of a frozen object (its values shared, not copied); any other
   * node (or null) as it is.
   */
  public static ObjectNode thaw(ObjectNode node) {
    if (!(node instanceof Frozen frozen)) {
      return node;
    }
    ArrayMap fields = frozen.fields;
    Map<String, JsonNode> copy = new LinkedHashMap<>((fields.keys.length * 4 + 2) / 3, 0.75f);
    for (int i = 0; i < fields.keys.length; i++) {
      copy.put(fields.keys[i], fields.values[i]);
    }
    return new ObjectNode(Json.NODES, copy);
  }

  /**
   * One field of an object, frozen or not, or null when it has none; reading a frozen object this
   * way never goes through Jackson's {@code ObjectNode} code.
   */
  public static JsonNode get(ObjectNode node, String field) {
    if (node instanceof Frozen frozen) {
      return frozen.fields.get(field);
    }
    return node == null ? null : node.get(field);
  }

  /**
   * Calls {@code action} with each field of an object, frozen or not, in order; a frozen object's
   * fields are read in place, without a copy and without Jackson's {@code ObjectNode} code.
   */
  public static void forEachField(ObjectNode node, BiConsumer<String, JsonNode> action) {
    if (node instanceof Frozen frozen) {
      for (int i = 0; i < frozen.fields.keys.length; i++) {
        action.accept(frozen.fields.keys[i], frozen.fields.values[i]);
      }
    } else if (node != null) {
      node.fields().forEachRemaining(field -> action.accept(field.getKey(), field.getValue()));
    }
  }

  /** The object node type of frozen objects; it keeps its map at hand for {@link #get}. */
  private static final class Frozen extends ObjectNode {

    private static final long serialVersionUID = 1L;

    private final transient ArrayMap fields;

    Frozen(ArrayMap fields) {
      super(Json.NODES, fields);
      this.fields = fields;
    }
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
