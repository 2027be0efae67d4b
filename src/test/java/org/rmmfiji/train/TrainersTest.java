package org.rmmfiji.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.rmmfiji.data.InvalidInputException;

class TrainersTest {
    @Test
    void registryListsEveryTrainerAndBuildsPipelines() {
        assertEquals(List.of("teacher-forcing", "multiple-shooting", "gtf"), Trainers.ids());
        for (Trainers.Entry e : Trainers.entries()) {
            assertEquals(e.id, e.build().id());
            assertTrue(!e.name.isBlank() && !e.description.isBlank());
        }
        List<Trainer> p = Trainers.pipeline("teacher-forcing+multiple-shooting");
        assertEquals(2, p.size());
        assertEquals("multiple-shooting", p.get(1).id());
        assertTrue(Trainers.closedLoop(p));
        assertTrue(!Trainers.closedLoop(Trainers.pipeline("teacher-forcing")));
    }

    @Test
    void unknownTrainersAreRefusedWithTheValidNames() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Trainers.pipeline("teacher-forcing+ms"));
        assertTrue(e.getMessage().contains("unknown trainer 'ms'") && e.getMessage().contains("teacher-forcing, multiple-shooting, gtf"), e.getMessage());
        assertThrows(InvalidInputException.class, () -> Trainers.pipeline(" "));
    }

    @Test
    void gammaIsScheduledLinearlyOverTheStage() {
        TrainingSettings s = new TrainingSettings();
        s.closed_loop_epochs = 5;
        s.gamma = 0.4;
        s.gamma_final = 0;
        ClosedLoopTrainer gtf = ClosedLoopTrainer.generalizedTeacherForcing();
        assertEquals(0.4, gtf.gamma(s, 1), 1e-15);
        assertEquals(0.2, gtf.gamma(s, 3), 1e-15);
        assertEquals(0.0, gtf.gamma(s, 5), 1e-15);
        assertEquals(0.0, ClosedLoopTrainer.multipleShooting().gamma(s, 1), 0, "multiple shooting never blends");
    }
}
