#!/bin/bash
# A Slurm job array: task I of N runs `siamtrack batch --shard I/N`; all share one manifest and
# one output folder. Submit with:  sbatch --array=0-7 deploy/slurm-array.sh manifest.jsonl results
# (N = 8 here: the array's size, read from SLURM_ARRAY_TASK_COUNT). A task run again skips the
# entries already done, so a failed task can simply be resubmitted: sbatch --array=3 ...
#SBATCH --job-name=siamtrack
#SBATCH --cpus-per-task=2
#SBATCH --mem=2G
#SBATCH --output=siamtrack-%A_%a.log
set -euo pipefail
manifest=${1:?usage: slurm-array.sh MANIFEST OUT_DIR}
out_dir=${2:?usage: slurm-array.sh MANIFEST OUT_DIR}
siamtrack=${SIAMTRACK:-siamtrack}
export OMP_WAIT_POLICY=passive
exec "$siamtrack" batch "$manifest" --out-dir "$out_dir" --jobs 2 \
    --shard "${SLURM_ARRAY_TASK_ID}/${SLURM_ARRAY_TASK_COUNT}"
