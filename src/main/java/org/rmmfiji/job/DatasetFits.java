package org.rmmfiji.job;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.rmmfiji.groundtruth.NamedDataset;

/** Fit settings for a named ground-truth dataset: its preset, channels and split (for studies and acceptance tests). */
public final class DatasetFits {
    private DatasetFits() {}

    public static FitSettings settings(NamedDataset d, Path recording, Path outputDir) {
        FitSettings s = new FitSettings();
        s.recording_file = recording.toString();
        s.output_dir = outputDir.toString();
        s.preset = d.preset;
        // channels are guessed from the column names, as for a user's file
        if (d.segmentSplit != null) {
            s.split = "segments";
            s.train_segments = join(d.segmentSplit[0]);
            s.validation_segments = join(d.segmentSplit[1]);
            s.test_segments = join(d.segmentSplit[2]);
        } else {
            s.split = "fraction";
            s.train_fraction = d.fractionSplit[0];
            s.validation_fraction = d.fractionSplit[1];
        }
        return s;
    }

    private static String join(int[] idx) {
        List<String> l = new ArrayList<>();
        for (int i : idx) l.add(Integer.toString(i));
        return String.join(",", l);
    }
}
