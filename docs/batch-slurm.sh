#!/usr/bin/env bash
# A SLURM job array that fits every recording of a folder with headless Fiji, one shard per array task, then merges
# the shard summaries. Submit with:  sbatch --array=1-10 docs/batch-slurm.sh /data/recordings /data/fits
# (10 shards; change both numbers together). FIJI is the Fiji launcher (e.g. Fiji.app/ImageJ-linux64); without Fiji,
# the project's own launcher ./rmm takes the same arguments.
#SBATCH --job-name=rmm-batch
#SBATCH --cpus-per-task=2
#SBATCH --time=02:00:00
set -euo pipefail
IN=${1:?folder of recordings}
OUT=${2:?folder for the models and summaries}
FIJI=${FIJI:-./rmm}
K=${SLURM_ARRAY_TASK_ID:?run as a job array (sbatch --array=1-N)}
N=${SLURM_ARRAY_TASK_COUNT:?run as a job array (sbatch --array=1-N)}
"$FIJI" --headless --run "Batch Fit" "input_dir=\"$IN\",output_dir=\"$OUT\",shard=\"$K/$N\",overwrite=true"
# the last task to finish merges (Merge Batch Results refuses while a shard summary is missing, so early tries just wait)
if [ "$K" -eq "$N" ]; then
  until "$FIJI" --headless --run "Merge Batch Results" "output_dir=\"$OUT\",overwrite=true"; do sleep 60; done
fi
