package org.gridpatrol.geo.topology;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LayeredMapTest {

    @Test
    void readsThroughTheOverlayAndLeavesTheBaseAlone() {
        Map<Long, String> base = new HashMap<>(Map.of(1L, "a", 2L, "b"));
        Map<Long, String> layer = LayeredMap.over(base);
        layer.put(2L, "B");
        layer.put(3L, "c");
        assertEquals(Map.of(1L, "a", 2L, "B", 3L, "c"), Map.copyOf(layer));
        assertEquals(3, layer.size());
        assertEquals(Map.of(1L, "a", 2L, "b"), base);
        assertTrue(layer.containsKey(3L));
        assertFalse(layer.containsKey(4L));
        assertNull(layer.get(4L));
        assertEquals("z", layer.getOrDefault(4L, "z"));
    }

    /** Many generations of layers, some flattened, behave like one map that took every write. */
    @Test
    void deepChainsEqualAPlainMap() {
        Random random = new Random(7);
        Map<Integer, Integer> expected = new HashMap<>();
        Map<Integer, Integer> layered = new HashMap<>();
        for (int i = 0; i < 5_000; i++) {
            expected.put(i, i);
            layered.put(i, i);
        }
        for (int generation = 0; generation < 40; generation++) {
            layered = LayeredMap.over(layered);
            for (int w = 0; w < 1 + random.nextInt(400); w++) {
                int key = random.nextInt(7_000);
                int value = random.nextInt();
                expected.put(key, value);
                layered.put(key, value);
            }
            assertEquals(expected.size(), layered.size(), "generation " + generation);
            assertEquals(expected, Map.copyOf(layered), "generation " + generation);
        }
    }
}
