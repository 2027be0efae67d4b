#!/usr/bin/env bash
# Fit every recording of a folder with headless Fiji on a SLURM cluster: a job array, one shard per task, then one
# merge job that starts when every task has ended (however it ended):
#
#   jid=$(sbatch --parsable --array=1-10 docs/batch-slurm.sh /data/recordings /data/fits)
#   sbatch --dependency=afterany:$jid docs/batch-slurm.sh merge /data/fits
#
# 10 shards here; the array's size is the n of shard=k/n. FIJI is the Fiji launcher (e.g. Fiji.app/ImageJ-linux64);
# without Fiji, the project's own launcher ./rmm takes the same arguments. Each shard rewrites its summary after every
# file, so a task stopped by the time limit keeps the rows it finished; Merge Batch Results names any missing shard.
#SBATCH --job-name=rmm-batch
#SBATCH --cpus-per-task=2
#SBATCH --time=02:00:00
set -euo pipefail
FIJI=${FIJI:-./rmm}
if [ "${1:-}" = merge ]; then
  exec "$FIJI" --headless --run "Merge Batch Results" "output_dir=\"${2:?folder of the shard summaries}\",overwrite=true"
fi
IN=${1:?folder of recordings}
OUT=${2:?folder for the models and summaries}
K=${SLURM_ARRAY_TASK_ID:?run as a job array (sbatch --array=1-N)}
N=${SLURM_ARRAY_TASK_COUNT:?run as a job array (sbatch --array=1-N)}
exec "$FIJI" --headless --run "Batch Fit" "input_dir=\"$IN\",output_dir=\"$OUT\",shard=\"$K/$N\",overwrite=true"
