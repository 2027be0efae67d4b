package org.rmmfiji.job;

import org.rmmfiji.io.Key;

/**
 * Everything a fit needs. The field names (snake_case) are at once the SciJava parameter names of the
 * Fit RMM command, the macro keys, the launcher keys and the JSON keys in the model file's provenance; each
 * key's description is its {@link Key}. A training setting left unset (null) takes the preset's value
 * ({@code Preset.Defaults}, the one source of defaults), and the model file records the values actually used.
 * Channel fields left empty are guessed from the column names.
 */
public class FitSettings extends ModelRunSettings {
    @Key("Preset id (neuron-lumped, hh-lumped, lp-pd, lp-pd-syncond, circuit-syncond, hh-conductance, pd-conductance); its architecture is replaced by spec_file when that is set.")
    public String preset = org.rmmfiji.model.Presets.NEURON_LUMPED;
    @Key("An architecture file (*.rmmspec.json) to use instead of the preset's; empty: none.")
    public String spec_file = "";
    // the authors make the realisation a hyperparameter; the parameter count is the same either way
    @Key("Filter banks: \"preset\" keeps the preset's; \"diagonal\" or \"gobf\" re-realise them on the same time constants.")
    public String filter_realization = "preset";
    @Key("Synapses: empty keeps the preset's; all-to-all, none, pairs pre>post (PD>LP, LP>PY) or an adjacency matrix, one row per modelled neuron and one column per voltage (neurons, then inputs), e.g. \"1 1 0; 1 1 1; 0 1 1\".")
    public String connectivity = "";
    @Key("Weight of Σḡ (µS) of every conductance-based synapse, added to the training loss (pushes synapses the data do not need toward zero); unset: none.")
    public Double synapse_sparsity;
    @Key("A fitted model (*.rmm.json) to continue training from; empty: a fresh initialisation.")
    public String initial_model = "";
    @Key("\"fraction\" (per segment, by time) or \"segments\" (whole segments by index).")
    public String split = "fraction";
    @Key("Fraction of each segment used for training; unset: the preset's.")
    public Double train_fraction;
    @Key("Fraction of each segment held out for validation; unset: the preset's.")
    public Double validation_fraction;
    @Key("With split=\"segments\": training segment indices, e.g. \"0,2\".")
    public String train_segments = "";
    @Key("With split=\"segments\": validation segment indices.")
    public String validation_segments = "";
    @Key("With split=\"segments\": test segment indices.")
    public String test_segments = "";
    @Key("Training pipeline: teacher-forcing, multiple-shooting, gtf, or stages joined with + (teacher-forcing+multiple-shooting); empty: the preset's.")
    public String trainer = "";
    @Key(value = "Teacher-forcing epochs; unset: the preset's.", unit = "epochs")
    public Integer epochs;
    @Key("Teacher forcing: Adam learning rate (closed-loop stages: closed_loop_learning_rate); unset: the preset's.")
    public Double learning_rate;
    @Key(value = "Teacher-forcing mini-batch size; unset: the preset's.", unit = "samples")
    public Integer batch_size;
    @Key("Teacher forcing: L2 weight penalty ρ (closed-loop stages: closed_loop_l2); unset: the preset's.")
    public Double l2;
    @Key("Teacher forcing: weigh each sample's squared error by 1/(1 + (dv/dt ÷ s)²), s this multiple of the training voltage's median |dv/dt| over 1 ms, so that spike upstrokes do not drown the slow subthreshold dynamics (teacher-forcing stages only); 0: every sample weighs 1, as the authors; unset: the preset's.")
    public Double tf_weight_scale;
    @Key(value = "Score a free-run snapshot every this many epochs; unset: the preset's.", unit = "epochs")
    public Integer snapshot_every;
    @Key("Keep the snapshot with the best \"score\", \"loss\", \"gamma\" or \"combined\" (score · Γ · count agreement) on validation data; empty: the preset's.")
    public String selection = "";
    @Key(value = "Epochs of a closed-loop stage (multiple-shooting, gtf); unset: the preset's.", unit = "epochs")
    public Integer closed_loop_epochs;
    @Key(value = "Closed-loop shot length; unset: the preset's.", unit = "ms")
    public Double shot_ms;
    @Key("Closed-loop shots per mini-batch; unset: the preset's.")
    public Integer shots_per_batch;
    @Key("Closed loop: weight ρ_v of voltage continuity between shots; unset: the preset's.")
    public Double rho_v;
    @Key("Closed loop: weight ρ_x of filter-state continuity between shots; unset: the preset's.")
    public Double rho_x;
    @Key("GTF: pull γ toward the data in [0, 1] (1: teacher forcing, 0: free run); unset: the preset's.")
    public Double gamma;
    @Key("GTF: γ at the last epoch, reached linearly; unset: gamma (fixed).")
    public Double gamma_final;
    @Key("Closed loop: train the shots' initial states (true/false); unset: the preset's.")
    public Boolean train_initial_states;
    @Key("Closed loop: Adam learning rate of the closed-loop stages; unset: the preset's.")
    public Double closed_loop_learning_rate;
    @Key("Closed loop: L2 weight ρ₀ of the closed-loop stages; unset: the preset's.")
    public Double closed_loop_l2;
    @Key("Random seed (initialisation and batches).")
    public long seed = 1;
    @Key("Worker threads; unset: every core.")
    public Integer threads;
    @Key(value = "A known membrane capacitance to fix; unset: learn 1/C.", unit = "nF")
    public Double capacitance_nF;
    @Key("Ensemble: fits per data batch, each from its own seed (member s uses seed + s − 1); 1: one seed.")
    public int ensemble_seeds = 1;
    @Key("Ensemble: disjoint contiguous batches the training part of every segment is cut into, one member per batch and seed, all validated on the same validation part; 1: the whole training part.")
    public int ensemble_segments = 1;
    @Key("Ensemble: mark this many members with the worst validation selection metric as dropped (still written; the summary says so).")
    public int ensemble_drop_worst = 0;
}
