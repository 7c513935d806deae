package io.parallellmu.benchmarks.tasks;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The test windows of a text laid out as up to B streams, for scoring with the state carried from window to window:
 * a language model's "batchify", aware of a subsampled subset's gaps. The windows are cut into pieces of consecutive
 * windows (a piece ends where the subset skips windows, and after at most ⌈N / B⌉ windows, so that the streams are
 * balanced); the pieces, longest first, go to the stream with the fewest windows so far; the streams are then ordered
 * longest first, so that at every step the streams still running are the first ones. A piece's first window starts
 * from the zero state; every other window follows its predecessor in the text.
 *
 * @param streams each stream's windows (positions in the subset), in order
 * @param restarts for each stream, whether each of its windows starts from the zero state
 */
record WindowStreams(List<List<Integer>> streams, List<List<Boolean>> restarts) {

    /**
     * Lays out the windows.
     *
     * @param indices each window's index in the whole split, in subset order (at least {@code windows} of them)
     * @param windows N, the number of windows to score
     * @param batchSize B, the most streams
     * @return the layout
     */
    static WindowStreams of(long[] indices, int windows, int batchSize) {
        int limit = Math.max(1, (windows + batchSize - 1) / Math.max(1, batchSize)); // the most windows of a piece
        List<int[]> pieces = new ArrayList<>(); // [first, end) in subset order
        for (int start = 0, window = 1; window <= windows; window++) {
            if (window == windows || indices[window] != indices[window - 1] + 1 || window - start == limit) {
                pieces.add(new int[] {start, window});
                start = window;
            }
        }
        pieces.sort(Comparator.comparingInt(piece -> piece[0] - piece[1])); // longest first, stable
        int count = Math.min(batchSize, pieces.size());
        List<List<Integer>> streams = new ArrayList<>();
        List<List<Boolean>> restarts = new ArrayList<>();
        for (int stream = 0; stream < count; stream++) {
            streams.add(new ArrayList<>());
            restarts.add(new ArrayList<>());
        }
        for (int[] piece : pieces) {
            int shortest = 0;
            for (int stream = 1; stream < count; stream++) {
                if (streams.get(stream).size() < streams.get(shortest).size()) {
                    shortest = stream;
                }
            }
            for (int window = piece[0]; window < piece[1]; window++) {
                streams.get(shortest).add(window);
                restarts.get(shortest).add(window == piece[0]);
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int stream = 0; stream < count; stream++) {
            order.add(stream);
        }
        order.sort(Comparator.comparingInt(stream -> -streams.get(stream).size())); // longest first, stable
        return new WindowStreams(order.stream().map(streams::get).toList(), order.stream().map(restarts::get).toList());
    }

    /**
     * Returns how many batches the layout takes: the longest stream's windows.
     *
     * @return the number of steps
     */
    int steps() {
        return streams.isEmpty() ? 0 : streams.get(0).size();
    }
}
