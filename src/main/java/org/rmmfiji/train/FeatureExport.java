package org.rmmfiji.train;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

import org.rmmfiji.io.AtomicFiles;
import org.rmmfiji.model.Network;

/**
 * Writes the teacher-forcing regressors of neuron 0 as raw little-endian float32 rows (PREFIX.f32) with a JSON
 * header (PREFIX.json), so an independent implementation (the Python peers) trains on identical features: the rows'
 * shape, and the model and recipe of {@link PeerLayout}. The network first starts from the data as training would
 * ({@link TrainingStart}), so the header's leak and capacitance are where this engine's own fit starts.
 */
public final class FeatureExport {
    private FeatureExport() {}

    public static void write(Network net, TrainingData data, TrainingSettings settings, Path prefix) throws IOException {
        PeerLayout layout = PeerLayout.of(net);
        TeacherForcingFeatures f = TeacherForcingFeatures.build(net, data.dataset().train(), data.channels(), settings.dump_fraction);
        TrainingStart.apply(net, f.ranges(), data, settings.dump_fraction, ProgressListener.NONE);
        FeatureMatrix fm = f.perNeuron[0];
        int rows = fm.rows, width = fm.width;
        AtomicFiles.writeBytes(prefix.resolveSibling(prefix.getFileName() + ".f32"), out -> {
            ByteBuffer bb = ByteBuffer.allocate(4 * width * 4096).order(ByteOrder.LITTLE_ENDIAN);
            double[] row = new double[width];
            for (int r = 0; r < rows; r++) {
                fm.row(r, 0, width, row);
                for (double v : row) bb.putFloat((float) v);
                if (!bb.hasRemaining() || r == rows - 1) {
                    out.write(bb.array(), 0, bb.position());
                    bb.clear();
                }
            }
        });
        StringBuilder meta = new StringBuilder("{\"rows\": " + rows + ", \"width\": " + width);
        for (int e = 0; e < net.edges().size(); e++) {
            var edge = net.edges().get(e);
            if (edge.post() != 0) continue;
            meta.append(", \"").append(edge.intrinsic() ? "intrinsic_states" : "synapse_states").append("\": ").append(edge.bank().size());
        }
        meta.append(layout.header(settings)).append("}\n");
        AtomicFiles.writeText(prefix.resolveSibling(prefix.getFileName() + ".json"), w -> w.write(meta.toString()));
    }
}
