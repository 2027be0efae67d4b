package org.rmmfiji.job;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import org.rmmfiji.data.InvalidInputException;
import org.rmmfiji.io.EnsembleFiles;

/**
 * The models a {@code model_file} key names: one file, several separated by commas, or an ensemble summary
 * ({@code *.rmmensemble.json}), which stands for the models of its kept members (not the dropped ones).
 */
final class ModelFileList {
    private ModelFileList() {}

    static List<Path> of(String modelFile) throws IOException {
        List<Path> out = new ArrayList<>();
        for (String f : ChannelGuess.list(modelFile)) {
            Path p = Paths.get(f);
            if (EnsembleFiles.isSummary(p)) out.addAll(EnsembleFiles.keptModels(p));
            else out.add(p);
        }
        if (out.isEmpty()) throw new InvalidInputException("model_file names no file: give a fitted model (*.rmm.json), several separated by commas, or an ensemble (*.rmmensemble.json)");
        return out;
    }
}
