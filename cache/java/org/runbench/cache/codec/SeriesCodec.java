package org.runbench.cache.codec;

import java.nio.ByteBuffer;
import org.runbench.model.PointSeries;
import org.runbench.model.PointSeriesBuilder;

/** PLACEHOLDER until the codec branch lands: raw 24 bytes a point. */
public final class SeriesCodec {
    private SeriesCodec() {
    }

    public static byte[] encode(PointSeries series, int from, int to) {
        ByteBuffer buffer = ByteBuffer.allocate(5 + 24 * (to - from));
        buffer.put((byte) 0).putInt(to - from);
        for (int i = from; i < to; i++) {
            buffer.putLong(series.iteration(i)).putDouble(series.value(i)).putLong(series.timestamp(i));
        }
        return buffer.array();
    }

    public static void decode(byte[] chunk, PointSeriesBuilder target) {
        ByteBuffer buffer = ByteBuffer.wrap(chunk);
        buffer.get();
        int count = buffer.getInt();
        for (int i = 0; i < count; i++) {
            target.add(buffer.getLong(), buffer.getDouble(), buffer.getLong());
        }
    }

    public static int pointCount(byte[] chunk) {
        return ByteBuffer.wrap(chunk, 1, 4).getInt();
    }
}
